//! What a quiz covers: one deck, several, and optionally only the cards with a tag.
//!
//! A teacher tags cards by topic ("sanctions", "summit") across decks from several articles;
//! a student then quizzes one topic over all of them. A deck's own tags count for each of its
//! cards, so tagging a whole deck "korea" is enough to include it.

use super::build::build_quiz_from;
use super::question::{Quiz, QuizOptions};
use crate::model::{Card, CardId, Deck, DeckId};
use std::collections::{BTreeMap, HashSet};

/// The decks (by id, in the order chosen) and the tag a quiz is limited to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuizScope {
    pub decks: Vec<DeckId>,
    /// Only cards carrying this tag (or in a deck carrying it); None: every card.
    pub tag: Option<String>,
}

impl QuizScope {
    /// Every card of one deck.
    pub fn deck(deck: DeckId) -> QuizScope {
        QuizScope {
            decks: vec![deck],
            tag: None,
        }
    }

    /// Whether `card` of `deck` is asked in this scope (its deck must be one of the scope's).
    pub fn includes(&self, deck: &Deck, card: &Card) -> bool {
        self.decks.contains(&deck.id) && self.tag_matches(deck, card)
    }

    fn tag_matches(&self, deck: &Deck, card: &Card) -> bool {
        match &self.tag {
            None => true,
            Some(tag) => has_tag(&deck.tags, tag) || has_tag(&card.tags, tag),
        }
    }

    /// The decks of `all` in this scope, in the scope's order.
    pub fn chosen<'a>(&self, all: &[&'a Deck]) -> Vec<&'a Deck> {
        self.decks
            .iter()
            .filter_map(|id| all.iter().find(|deck| &deck.id == id).copied())
            .collect()
    }

    /// How many cards of `all` this scope asks about: the most questions a quiz can have.
    pub fn card_count(&self, all: &[&Deck]) -> usize {
        self.chosen(all)
            .iter()
            .map(|deck| {
                // Cards studied both ways are asked both ways too.
                let studied = deck.as_studied();
                studied
                    .cards
                    .iter()
                    .filter(|card| self.tag_matches(deck, card))
                    .count()
            })
            .sum()
    }

    /// A quiz on the cards in scope. Wrong options come from every card of the chosen decks,
    /// tagged or not, so a narrow tag still gets plausible distractors.
    pub fn build(&self, all: &[&Deck], options: &QuizOptions) -> Quiz {
        let chosen = self.chosen(all);
        let studied: Vec<_> = chosen.iter().map(|deck| deck.as_studied()).collect();
        let asked: HashSet<(&DeckId, &CardId)> = studied
            .iter()
            .flat_map(|deck| {
                deck.cards
                    .iter()
                    .filter(|card| self.tag_matches(deck, card))
                    .map(|card| (&deck.id, &card.id))
            })
            .collect();
        build_quiz_from(&chosen, options, |deck, card| asked.contains(&(deck, card)))
    }
}

/// Tags compare without regard to case ("Korea" = "korea", "Саммит" = "саммит"), as people
/// type them.
fn has_tag(tags: &[String], wanted: &str) -> bool {
    let wanted = wanted.to_lowercase();
    tags.iter().any(|tag| tag.to_lowercase() == wanted)
}

/// Every tag used in `decks` (deck tags and card tags), sorted, each once ignoring case: the
/// tags a quiz can be limited to. Of several spellings the all-lowercase one is shown when
/// used, else the first seen.
pub fn tags_in(decks: &[&Deck]) -> Vec<String> {
    let mut spellings: BTreeMap<String, String> = BTreeMap::new();
    let all = decks.iter().flat_map(|deck| {
        deck.tags
            .iter()
            .chain(deck.cards.iter().flat_map(|card| card.tags.iter()))
    });
    for tag in all {
        let key = tag.to_lowercase();
        let lowercase = *tag == key;
        match spellings.get_mut(&key) {
            Some(shown) if lowercase => *shown = tag.clone(),
            Some(_) => {}
            None => {
                spellings.insert(key, tag.clone());
            }
        }
    }
    spellings.into_values().collect()
}
