//! The scheduling state of one card, as progress files store it.

use crate::model::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a card is in its life, as in Anki and py-fsrs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Phase {
    /// Never answered.
    #[default]
    New,
    /// Going through the learning steps (minutes apart).
    Learning,
    /// Graduated: intervals in days from the memory model.
    Review,
    /// Forgotten after graduating; going through the relearning steps.
    Relearning,
}

/// FSRS memory state: how long the memory lasts and how hard the card is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MemoryState {
    /// Days until recall probability falls to 90%.
    pub stability: f32,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// Everything the scheduler knows about one card.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardState {
    pub phase: Phase,
    /// Index into the learning or relearning steps (meaningful in those phases).
    #[serde(default)]
    pub step: u32,
    /// None until the first answer.
    #[serde(default)]
    pub memory: Option<MemoryState>,
    /// When the card is next due. New cards: their creation time (unused for ordering).
    pub due: Timestamp,
    #[serde(default)]
    pub last_review: Option<Timestamp>,
    /// Answers so far.
    #[serde(default)]
    pub reps: u32,
    /// Times forgotten after graduating (Again on a review card).
    #[serde(default)]
    pub lapses: u32,
}

/// The state of each card of `cards` (a deck as studied), in their order, from `states` by
/// card id (which may hold cards the deck no longer has); a card without one is new. One
/// lookup a card: opening a deck for study reads them in this order from a cache instead (see
/// `ProgressStore::states_in_order`).
pub fn states_in_deck_order(
    cards: &dyn crate::model::StudyCards,
    states: &crate::model::CardMap<CardState>,
) -> Vec<CardState> {
    (0..cards.len())
        .map(|at| states.get(&cards.id(at)).cloned().unwrap_or_default())
        .collect()
}
