//! The review log reduced to what the figures need: one [`Answer`] per answer still in effect,
//! with the phase and interval the card had *before* it (true retention counts only answers
//! to cards that were due for review, and the log stores only the state after each answer).

use super::previous::CardChains;
use crate::model::{MS_PER_DAY, Rating, Timestamp};
use crate::schedule::{CardState, Phase};
use crate::store::progress::{DeviceId, Entry, Record, Seq};

/// One answer that counts (not undone), as the statistics see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub at: Timestamp,
    pub rating: Rating,
    /// Time spent on the card, in milliseconds.
    pub took_ms: u32,
    /// The card's interval in whole days when it was in the Review phase before this answer;
    /// None for new, learning and relearning cards (their answers are not retention tests).
    pub review_interval_days: Option<u32>,
}

impl Answer {
    /// Anything but Again is a pass: the learner remembered.
    pub fn passed(&self) -> bool {
        self.rating != Rating::Again
    }
}

/// The answers in effect, in the log's time order. Undo records restore the card's earlier
/// state, so the answer after an undo sees the state the undo put back.
pub fn answers_from_log(entries: &[Entry]) -> Vec<Answer> {
    // The log is large: each pass over it costs more than the figures themselves. The first
    // reads only the undos; the second takes the answers in effect, their intervals filled in
    // once every card's chain of records is known.
    let undone = Undone::in_log(entries);
    let mut chains = CardChains::with_capacity(entries.len());
    let mut answers = Vec::with_capacity(entries.len());
    let mut counted = Vec::with_capacity(entries.len());
    for entry in entries {
        let record = &entry.record;
        chains.push(
            record.card(),
            review_interval_days(record.resulting_state()),
        );
        let answer = match record {
            Record::Answer {
                seq,
                at,
                rating,
                took_ms,
                ..
            } if !undone.contains(&entry.device, *seq) => Some(Answer {
                at: *at,
                rating: *rating,
                took_ms: *took_ms,
                review_interval_days: None,
            }),
            _ => None,
        };
        counted.push(answer.is_some());
        answers.extend(answer);
    }
    let counted_befores = chains
        .intervals_before()
        .zip(counted)
        .filter_map(|(before, counted)| counted.then_some(before));
    for (answer, before) in answers.iter_mut().zip(counted_befores) {
        answer.review_interval_days = before;
    }
    answers
}

/// The answers that undo records take back, by number then device. Undos are rare, so
/// searching a sorted list is cheaper than hashing the key of every answer in the log; and
/// a bit per number (modulo [`FILTER_BITS`]) tells most answers apart without a search.
struct Undone<'a> {
    answers: Vec<(Seq, &'a DeviceId)>,
    /// Bit `seq % FILTER_BITS` is set for every undone answer's number.
    filter: Vec<u64>,
}

/// 8 KB of bits: stays in the fastest cache; with a thousand undos, about one answer in 65
/// has its bit set and needs the search.
const FILTER_BITS: usize = 1 << 16;

fn filter_bit(seq: Seq) -> (usize, u64) {
    let bit = (seq % FILTER_BITS as Seq) as usize;
    (bit / 64, 1 << (bit % 64))
}

impl<'a> Undone<'a> {
    fn in_log(entries: &'a [Entry]) -> Undone<'a> {
        let mut answers: Vec<(Seq, &DeviceId)> = entries
            .iter()
            .filter_map(|entry| match &entry.record {
                Record::Undo { undoes, .. } => Some((*undoes, &entry.device)),
                Record::Answer { .. } | Record::Reschedule { .. } => None,
            })
            .collect();
        answers.sort_unstable();
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for (seq, _) in &answers {
            let (word, bit) = filter_bit(*seq);
            filter[word] |= bit;
        }
        Undone { answers, filter }
    }

    fn contains(&self, device: &DeviceId, seq: Seq) -> bool {
        let (word, bit) = filter_bit(seq);
        if self.filter[word] & bit == 0 {
            return false;
        }
        let first = self.answers.partition_point(|(undone, _)| *undone < seq);
        self.answers[first..]
            .iter()
            .take_while(|(undone, _)| *undone == seq)
            .any(|(_, undone_device)| *undone_device == device)
    }
}

/// The interval of a card in the Review phase, in whole days (at least 1): from its last
/// review to its due time, as the scheduler set it. None in other phases.
pub fn review_interval_days(state: &CardState) -> Option<u32> {
    if state.phase != Phase::Review {
        return None;
    }
    Some(interval_days(state))
}

/// Days from the last review to the due time, rounded, at least 1; cards with no last review
/// (never answered) count as 1 day.
pub fn interval_days(state: &CardState) -> u32 {
    let Some(last) = state.last_review else {
        return 1;
    };
    // Saturating: a damaged file's extreme times must not overflow.
    let span = state
        .due
        .0
        .saturating_sub(last.0)
        .saturating_add(MS_PER_DAY / 2);
    let days = span.div_euclid(MS_PER_DAY);
    days.clamp(1, i64::from(u32::MAX)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_round_to_whole_days_and_survive_damaged_times() {
        let state = |last: i64, due: i64| CardState {
            phase: Phase::Review,
            last_review: Some(Timestamp(last)),
            due: Timestamp(due),
            ..CardState::default()
        };
        assert_eq!(interval_days(&state(0, 3 * MS_PER_DAY - 1000)), 3);
        assert_eq!(interval_days(&state(0, 10 * 60_000)), 1);
        assert_eq!(interval_days(&state(5, 0)), 1);
        assert_eq!(interval_days(&state(i64::MIN, i64::MAX)), u32::MAX);
        let learning = CardState {
            phase: Phase::Learning,
            ..state(0, MS_PER_DAY)
        };
        assert_eq!(review_interval_days(&learning), None);
    }
}
