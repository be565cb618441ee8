//! How many cards are in each phase of their life, and how many are leeches.

use super::forecast::is_mature;
use crate::schedule::{CardState, Phase};

/// Card counts of a deck. `new + learning + young + mature == total`; leeches are counted
/// again on their own, whatever their phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CardCounts {
    pub total: u32,
    /// Never answered.
    pub new: u32,
    /// In the learning or relearning steps.
    pub learning: u32,
    /// Review cards with an interval under 21 days.
    pub young: u32,
    /// Review cards with an interval of 21 days or more.
    pub mature: u32,
    /// Forgotten at least the deck's leech threshold times.
    pub leech: u32,
}

/// Counts the deck's cards; `None` is a card without progress (new). A leech threshold of 0
/// means leeches are not tracked (otherwise every card would be one).
pub fn card_counts<'a>(
    states: impl IntoIterator<Item = Option<&'a CardState>>,
    leech_threshold: u32,
) -> CardCounts {
    let mut counts = CardCounts::default();
    for state in states {
        counts.total += 1;
        let Some(state) = state else {
            counts.new += 1;
            continue;
        };
        match state.phase {
            Phase::New => counts.new += 1,
            Phase::Learning | Phase::Relearning => counts.learning += 1,
            Phase::Review if is_mature(state) => counts.mature += 1,
            Phase::Review => counts.young += 1,
        }
        if leech_threshold > 0 && state.lapses >= leech_threshold {
            counts.leech += 1;
        }
    }
    counts
}

impl CardCounts {
    pub fn merge(&mut self, other: &CardCounts) {
        self.total += other.total;
        self.new += other.new;
        self.learning += other.learning;
        self.young += other.young;
        self.mature += other.mature;
        self.leech += other.leech;
    }
}
