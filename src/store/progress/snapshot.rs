//! The snapshot `<deck>.ron`: every card's state at one moment, the deck's settings, and up to
//! which journal record of each device it already includes.
//!
//! Written one card a line, sorted by card id: a 100,000-card deck is a 16 MB file that the fast
//! reader loads in a few tens of milliseconds, and a diff between two copies stays readable.
//!
//! ```text
//! (
//!     format: 1,
//!     deck: "news-2024",
//!     settings: (desired_retention:0.9,new_per_day:20, ...),
//!     applied: {"k3v9x2aa":120},
//!     cards: {
//!         "q7mx2a": (phase:Review,step:0,memory:Some((stability:12.3,difficulty:5.1)), ...),
//!     },
//! )
//! ```

use super::device::DeviceId;
use super::error::ProgressError;
use super::parse::parse_text;
use super::record::Seq;
use super::snapshot_write::write_card_line;
use crate::deck::Location;
use crate::model::{CardId, CardMap, DeckId, StudyCards};
use crate::schedule::{CardState, DeckSettings};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The newest snapshot format this app reads and writes.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// A deck's progress as of its snapshot (or, in memory, as of now).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: u32,
    pub deck: DeckId,
    pub settings: DeckSettings,
    /// Per device, the last journal record already included in `cards`.
    #[serde(default)]
    pub applied: BTreeMap<DeviceId, Seq>,
    /// Card states by card id, including cards no longer in the deck: they come back with
    /// their progress if the card returns.
    pub cards: CardMap<CardState>,
}

impl Snapshot {
    /// No progress yet: default settings, no cards answered.
    pub fn empty(deck: DeckId) -> Snapshot {
        Snapshot {
            format: SNAPSHOT_FORMAT,
            deck,
            settings: DeckSettings::default(),
            applied: BTreeMap::new(),
            cards: CardMap::default(),
        }
    }

    /// The state of each card of `deck` (as studied), in the deck's order; a card without
    /// progress has the default state (new). One lookup a card: see `order_cache` for the
    /// cached way.
    pub fn states_in_order(&self, deck: &dyn StudyCards) -> Vec<CardState> {
        crate::schedule::states_in_deck_order(deck, &self.cards)
    }

    /// The snapshot as text, one card a line, sorted by card id. Settings and `applied` are
    /// written by `ron`, the card lines by hand (see `snapshot_write`): the same text.
    pub fn to_text(&self) -> String {
        let mut text = String::with_capacity(64 + self.cards.len() * 170);
        text.push_str("(\n");
        text.push_str(&format!("    format: {},\n", self.format));
        text.push_str(&format!("    deck: {},\n", compact(&self.deck)));
        text.push_str(&format!("    settings: {},\n", compact(&self.settings)));
        text.push_str(&format!("    applied: {},\n", compact(&self.applied)));
        text.push_str("    cards: {\n");
        let mut ids: Vec<&CardId> = self.cards.keys().collect();
        ids.sort_unstable();
        for id in ids {
            write_card_line(&mut text, id, &self.cards[id]);
        }
        text.push_str("    },\n)\n");
        text
    }

    /// Reads a snapshot file's text. `file` names it in errors.
    pub fn from_text(text: &str, file: &Path, deck: &DeckId) -> Result<Snapshot, ProgressError> {
        // The writer's own layout is read byte by byte; anything else by the general readers.
        let snapshot = match super::fixed_layout::read(text) {
            Some(snapshot) => snapshot,
            None => parse_text(text, file, 1, "progress snapshot")?,
        };
        if snapshot.format != SNAPSHOT_FORMAT {
            return Err(ProgressError::corrupt(
                file,
                Location::START,
                format!(
                    "snapshot format {} is not known to this version of Recap",
                    snapshot.format
                ),
                "update Recap to open it; the file is kept as it is",
            ));
        }
        if &snapshot.deck != deck {
            return Err(ProgressError::corrupt(
                file,
                Location::START,
                format!(
                    "this snapshot belongs to deck {:?}, not {:?}",
                    snapshot.deck.as_str(),
                    deck.as_str()
                ),
                "a file was copied or renamed by hand; give it back its name `<deck>.ron`",
            ));
        }
        Ok(snapshot)
    }
}

/// One value in RON's compact form (no spaces, no newlines).
fn compact<T: Serialize>(value: &T) -> String {
    ron::to_string(value).expect("progress values always have a RON form")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;
    use crate::schedule::{MemoryState, Phase};

    /// The fast reader must take what we write, or big decks fall back to `ron`'s slow path.
    #[test]
    fn written_snapshots_take_the_fast_path_and_round_trip() {
        let mut snapshot = Snapshot::empty(DeckId::new("d").unwrap());
        snapshot.settings.parameters = Some(vec![
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
        ]);
        snapshot.applied.insert(DeviceId::new("dev1").unwrap(), 42);
        for (n, phase) in [
            Phase::New,
            Phase::Learning,
            Phase::Review,
            Phase::Relearning,
        ]
        .into_iter()
        .enumerate()
        {
            let state = CardState {
                phase,
                step: n as u32,
                memory: (n > 0).then_some(MemoryState {
                    stability: 0.000_123 * n as f32,
                    difficulty: 9.99,
                }),
                due: Timestamp(-(n as i64)),
                last_review: (n > 1).then_some(Timestamp(1_700_000_000_000)),
                reps: 3,
                lapses: 1,
            };
            snapshot
                .cards
                .insert(CardId::new(format!("c{n}")).unwrap(), state);
        }
        let text = snapshot.to_text();
        let fast: Snapshot = super::super::fast_ron::from_str(&text).expect("fast path");
        assert_eq!(fast, snapshot);
        let plain: Snapshot = ron::Options::default().from_str(&text).unwrap();
        assert_eq!(
            plain, snapshot,
            "plain `ron` reads what we write the same way"
        );
        let file = Path::new("d.ron");
        assert_eq!(
            Snapshot::from_text(&text, file, &snapshot.deck).unwrap(),
            snapshot
        );
    }
}
