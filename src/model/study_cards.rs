//! A deck's cards as they are studied, read by position.
//!
//! Why: studying needs every card's id (to pair it with its progress) but the text of only the
//! few cards shown. A deck read from its cache (see `store::deck_cache`) can lend a card at a
//! time without building all of them, which is most of the cost of opening a 100,000-card
//! deck. A [`Deck`] in memory is the other kind.

use super::deck::{Card, Deck};
use super::ids::CardId;
use std::fmt;

/// The cards of a deck as studied: every card, each followed by its reversed side when it is
/// studied both ways (see [`Deck::as_studied`]), by position.
pub trait StudyCards: Send + Sync + fmt::Debug {
    /// The deck's title.
    fn title(&self) -> &str;

    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of the card at `at` (below [`StudyCards::len`]).
    fn id(&self, at: usize) -> CardId;

    /// The card at `at` (below [`StudyCards::len`]).
    fn card(&self, at: usize) -> Card;

    /// Whether the card at `at` has the id whose bytes are `id` (what a cache of states in
    /// deck order checks for every card, so it may avoid making each id).
    fn id_is(&self, at: usize, id: &[u8]) -> bool {
        self.id(at).as_str().as_bytes() == id
    }

    /// Where the card `id` is. Reads every id: for occasional questions only.
    fn position(&self, id: &CardId) -> Option<usize> {
        (0..self.len()).find(|&at| self.id(at) == *id)
    }
}

/// A deck already as studied (its reversed sides made: [`Deck::as_studied`]).
impl StudyCards for Deck {
    fn title(&self) -> &str {
        &self.title
    }

    fn len(&self) -> usize {
        self.cards.len()
    }

    fn id(&self, at: usize) -> CardId {
        self.cards[at].id.clone()
    }

    fn card(&self, at: usize) -> Card {
        self.cards[at].clone()
    }

    fn position(&self, id: &CardId) -> Option<usize> {
        self.cards.iter().position(|card| card.id == *id)
    }
}
