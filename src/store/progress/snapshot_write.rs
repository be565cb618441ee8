//! Writing a snapshot's card lines by hand, in exactly the compact form `ron` gives them.
//!
//! Why: `ron`'s serializer took about half a second for 100,000 cards, and a checkpoint runs
//! while the learner waits. The layout is fixed and every value is a number, a unit variant
//! or an id (which needs no escaping), so writing it directly is simple and ten times faster.
//! A test holds the output byte for byte to `ron::to_string`'s.

use crate::model::CardId;
use crate::schedule::{CardState, MemoryState, Phase};
use std::fmt::Write as _;

/// Appends `        "id": (phase:…,…),` and a newline.
pub fn write_card_line(out: &mut String, id: &CardId, state: &CardState) {
    // Ids hold only a-z, A-Z, 0-9, '-' and '_': nothing to escape.
    out.push_str("        \"");
    out.push_str(id.as_str());
    out.push_str("\": ");
    write_state(out, state);
    out.push_str(",\n");
}

/// `(phase:Review,step:0,memory:Some((stability:…,difficulty:…)),due:…,last_review:…,reps:…,lapses:…)`
pub fn write_state(out: &mut String, state: &CardState) {
    out.push_str("(phase:");
    out.push_str(phase_name(state.phase));
    let _ = write!(out, ",step:{},memory:", state.step);
    match state.memory {
        Some(MemoryState {
            stability,
            difficulty,
        }) => {
            out.push_str("Some((stability:");
            write_f32(out, stability);
            out.push_str(",difficulty:");
            write_f32(out, difficulty);
            out.push_str("))");
        }
        None => out.push_str("None"),
    }
    let _ = write!(out, ",due:{},last_review:", state.due.0);
    match state.last_review {
        Some(at) => {
            let _ = write!(out, "Some({})", at.0);
        }
        None => out.push_str("None"),
    }
    let _ = write!(out, ",reps:{},lapses:{})", state.reps, state.lapses);
}

fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::New => "New",
        Phase::Learning => "Learning",
        Phase::Review => "Review",
        Phase::Relearning => "Relearning",
    }
}

/// As `ron` writes an f32: the shortest form that reads back the same (`Debug`), always with a
/// `.0` or an exponent so it never reads as an integer; `NaN`, `inf` as `ron` spells them.
fn write_f32(out: &mut String, value: f32) {
    if value.is_nan() && value.is_sign_negative() {
        out.push('-');
    }
    let _ = write!(out, "{value:?}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    fn states() -> Vec<CardState> {
        let floats = [
            0.0,
            -0.0,
            1.0,
            12.345_678,
            1e-7,
            3.4e38,
            f32::MIN_POSITIVE,
            f32::NAN,
            -f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        let phases = [
            Phase::New,
            Phase::Learning,
            Phase::Review,
            Phase::Relearning,
        ];
        let mut states = vec![CardState::default()];
        for (n, stability) in floats.into_iter().enumerate() {
            states.push(CardState {
                phase: phases[n % 4],
                step: n as u32,
                memory: Some(MemoryState {
                    stability,
                    difficulty: floats[(n + 3) % floats.len()],
                }),
                due: Timestamp(if n % 2 == 0 { i64::MIN } else { i64::MAX }),
                last_review: (n % 3 != 0).then_some(Timestamp(-(n as i64))),
                reps: u32::MAX,
                lapses: n as u32,
            });
        }
        states
    }

    #[test]
    fn card_states_are_written_byte_for_byte_as_ron_writes_them() {
        for state in states() {
            let mut out = String::new();
            write_state(&mut out, &state);
            assert_eq!(out, ron::to_string(&state).unwrap());
        }
    }
}
