//! Reading a snapshot laid out exactly as [`Snapshot::to_text`] writes it, byte by byte.
//!
//! Why: a 100,000-card snapshot is 16 MB, one card a line in a fixed form. Walking those lines
//! directly is several times faster than the fast serde reader, which matches every field name
//! through serde's machinery. Settings and `applied` (one line each) still go through that
//! reader.
//!
//! Only a fast path: any difference from the writer's layout (another spacing, a comment, a
//! `NaN`, a field in another order) makes it give up, and the caller reads the text with the
//! general readers, which report problems with their line and column. What this accepts, `ron`
//! reads the same way (a test holds it to that).

use super::fast_ron;
use super::snapshot::Snapshot;
use crate::deck::cursor::Cursor;
use crate::model::CardMap;
use crate::model::{CardId, DeckId, Timestamp};
use crate::schedule::{CardState, MemoryState, Phase};

/// The snapshot in `text`, or None when the text is not in the writer's exact layout.
pub(super) fn read(text: &str) -> Option<Snapshot> {
    let mut at = Cursor::new(text);
    at.literal("(\n    format: ")?;
    let format = at.integer()?;
    at.literal(",\n    deck: \"")?;
    let deck = DeckId::new(at.until(b'"')?).ok()?;
    at.literal(",\n    settings: ")?;
    let settings = fast_ron::from_str(at.until_line_end()?).ok()?;
    at.literal("    applied: ")?;
    let applied = fast_ron::from_str(at.until_line_end()?).ok()?;
    at.literal("    cards: {\n")?;
    // A card line is about 150 bytes: one allocation for the map.
    let mut cards = CardMap::with_capacity_and_hasher(text.len() / 140, Default::default());
    while at.accept("        \"") {
        let id = CardId::new(at.until(b'"')?).ok()?;
        at.literal(": ")?;
        let state = at.state()?;
        at.literal(",\n")?;
        cards.insert(id, state);
    }
    at.literal("    },\n)\n")?;
    (at.pos == text.len()).then_some(Snapshot {
        format,
        deck,
        settings,
        applied,
        cards,
    })
}

impl<'a> Cursor<'a> {
    /// The text up to `end` (consumed, not returned).
    fn until(&mut self, end: u8) -> Option<&'a str> {
        let len = self.rest().iter().position(|b| *b == end)?;
        let found = &self.text[self.pos..self.pos + len];
        self.pos += len + 1;
        Some(found)
    }

    /// A one-line value: the text up to `,\n` (consumed, not returned).
    fn until_line_end(&mut self) -> Option<&'a str> {
        let line = self.until(b'\n')?;
        line.strip_suffix(',')
    }

    /// A number token as `ron` writes one: digits, sign, point, exponent.
    fn token(&mut self) -> &'a str {
        let len = self
            .rest()
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            .count();
        let token = &self.text[self.pos..self.pos + len];
        self.pos += len;
        token
    }

    /// An integer without leading zeros or '+' (those are `ron`'s to judge), digit by digit
    /// in one pass: a big snapshot holds half a million of them.
    fn integer<T: TryFrom<i64>>(&mut self) -> Option<T> {
        let negative = self.accept("-");
        let rest = self.rest();
        // Up to 18 digits cannot overflow an i64; longer numbers are checked.
        let mut value: i64 = 0;
        let mut digits = 0;
        while let Some(digit) = rest.get(digits).filter(|b| b.is_ascii_digit()) {
            let digit = i64::from(digit - b'0');
            value = if digits < 18 {
                value * 10 + digit
            } else {
                value.checked_mul(10)?.checked_add(digit)?
            };
            digits += 1;
        }
        let leading_zero = digits > 1 && rest[0] == b'0';
        if digits == 0 || leading_zero || negative && value == 0 {
            return None;
        }
        self.pos += digits;
        T::try_from(if negative { -value } else { value }).ok()
    }

    /// A float as `ron` writes one (`12.5`, `1e-7`); `NaN` and `inf` are left to `ron`.
    fn float(&mut self) -> Option<f32> {
        let token = self.token();
        if token.is_empty() || token.starts_with(['.', '+']) || token.ends_with('.') {
            return None;
        }
        token.parse().ok()
    }

    fn state(&mut self) -> Option<CardState> {
        self.literal("(phase:")?;
        let phase = self.phase()?;
        self.literal(",step:")?;
        let step = self.integer()?;
        self.literal(",memory:")?;
        let memory = match self.accept("None") {
            true => None,
            false => {
                self.literal("Some((stability:")?;
                let stability = self.float()?;
                self.literal(",difficulty:")?;
                let difficulty = self.float()?;
                self.literal("))")?;
                Some(MemoryState {
                    stability,
                    difficulty,
                })
            }
        };
        self.literal(",due:")?;
        let due = Timestamp(self.integer()?);
        self.literal(",last_review:")?;
        let last_review = match self.accept("None") {
            true => None,
            false => {
                self.literal("Some(")?;
                let at = Timestamp(self.integer()?);
                self.literal(")")?;
                Some(at)
            }
        };
        self.literal(",reps:")?;
        let reps = self.integer()?;
        self.literal(",lapses:")?;
        let lapses = self.integer()?;
        self.literal(")")?;
        Some(CardState {
            phase,
            step,
            memory,
            due,
            last_review,
            reps,
            lapses,
        })
    }

    fn phase(&mut self) -> Option<Phase> {
        [
            ("Review", Phase::Review),
            ("New", Phase::New),
            ("Learning", Phase::Learning),
            ("Relearning", Phase::Relearning),
        ]
        .into_iter()
        .find_map(|(name, phase)| self.accept(name).then_some(phase))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::progress::DeviceId;

    fn sample() -> Snapshot {
        let mut snapshot = Snapshot::empty(DeckId::new("d").unwrap());
        snapshot.settings.parameters = Some(vec![0.212, 1.2931, 2.3065]);
        snapshot.applied.insert(DeviceId::new("dev1").unwrap(), 42);
        snapshot.applied.insert(DeviceId::new("dev2").unwrap(), 7);
        let floats = [0.0, 1.0, 12.345_678, 1e-7, 3.4e38, f32::MIN_POSITIVE, 9.99];
        for (n, stability) in floats.into_iter().enumerate() {
            let phases = [
                Phase::New,
                Phase::Learning,
                Phase::Review,
                Phase::Relearning,
            ];
            let state = CardState {
                phase: phases[n % 4],
                step: n as u32,
                memory: (n > 0).then_some(MemoryState {
                    stability,
                    difficulty: floats[(n + 2) % floats.len()],
                }),
                due: Timestamp(if n % 2 == 0 { -(n as i64) } else { i64::MAX }),
                last_review: (n % 3 != 0).then_some(Timestamp(1_700_000_000_000 + n as i64)),
                reps: u32::MAX - n as u32,
                lapses: n as u32,
            };
            snapshot
                .cards
                .insert(CardId::new(format!("c{n}")).unwrap(), state);
        }
        snapshot
    }

    /// What the writer writes, this reads exactly as `ron` reads it.
    #[test]
    fn reads_what_the_writer_writes_as_ron_does() {
        let snapshot = sample();
        let text = snapshot.to_text();
        let fast = read(&text).expect("the writer's layout");
        assert_eq!(fast, snapshot);
        let ron: Snapshot = ron::Options::default().from_str(&text).unwrap();
        assert_eq!(fast, ron);
        let empty = Snapshot::empty(DeckId::new("e").unwrap());
        assert_eq!(read(&empty.to_text()), Some(empty));
    }

    /// Anything else goes to the general readers, which report problems with their place.
    #[test]
    fn gives_up_on_any_other_layout() {
        let mut with_nan = sample();
        with_nan.cards.values_mut().nth(1).unwrap().memory = Some(MemoryState {
            stability: f32::NAN,
            difficulty: 1.0,
        });
        let text = sample().to_text();
        let variants = [
            text.replace('\n', "\r\n"),
            text.replace("(phase:", "( phase:"),
            text.replace("format: 1", "format: 01"),
            text.replace("lapses:1)", "lapses:+1)"),
            text.replace("\"c1\"", "\"c 1\""),
            text.replace("    },\n)", "    },\n) // end"),
            text.replace("reps:", "rep:"),
            with_nan.to_text(),
            text[..text.len() - 2].to_string(),
        ];
        for (n, variant) in variants.iter().enumerate() {
            assert!(read(variant).is_none(), "variant {n} was read");
        }
    }
}
