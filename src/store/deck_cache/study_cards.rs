//! A cached deck's cards as studied, read from the cache one at a time.

use super::layout::MappedDeck;
use crate::model::{Card, CardId, REVERSED_MARKER, StudyCards};
use std::sync::Arc;

/// The cards of a deck in its cache as studied: every card, each followed by its reversed side
/// when it is studied both ways (as `Deck::as_studied` makes them), read when asked for.
#[derive(Debug)]
pub struct CachedStudyCards {
    deck: Arc<MappedDeck>,
    /// Each position's card and whether it is the reversed side; None when no card is studied
    /// both ways (a position is then the card's own).
    sides: Option<Vec<(u32, bool)>>,
}

impl CachedStudyCards {
    pub fn new(deck: Arc<MappedDeck>) -> CachedStudyCards {
        let sides = deck.any_both_ways().then(|| {
            let mut sides = Vec::with_capacity(deck.len());
            for card in 0..deck.len() {
                sides.push((card as u32, false));
                if deck.both_ways(card) {
                    sides.push((card as u32, true));
                }
            }
            sides
        });
        CachedStudyCards { deck, sides }
    }

    /// The card at position `at`, and whether it is its reversed side.
    fn side(&self, at: usize) -> (usize, bool) {
        match &self.sides {
            Some(sides) => (sides[at].0 as usize, sides[at].1),
            None => (at, false),
        }
    }
}

impl StudyCards for CachedStudyCards {
    fn title(&self) -> &str {
        &self.deck.head().title
    }

    fn len(&self) -> usize {
        self.sides.as_ref().map_or(self.deck.len(), Vec::len)
    }

    fn id(&self, at: usize) -> CardId {
        match self.side(at) {
            (card, false) => self.deck.id(card),
            (card, true) => self.deck.id(card).reversed(),
        }
    }

    fn id_is(&self, at: usize, id: &[u8]) -> bool {
        match self.side(at) {
            (card, false) => self.deck.id_bytes(card) == id,
            (card, true) => id
                .strip_suffix(REVERSED_MARKER.as_bytes())
                .is_some_and(|own| self.deck.id_bytes(card) == own),
        }
    }

    fn card(&self, at: usize) -> Card {
        match self.side(at) {
            (card, false) => self.deck.card(card),
            (card, true) => self.deck.card(card).reversed(),
        }
    }
}
