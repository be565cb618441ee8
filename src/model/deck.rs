//! A deck of question/answer cards, as the app holds it in memory.
//!
//! Every card has an id here; a deck file written by hand may lack some, and the deck format
//! module assigns them (see `deck::format`).

use super::ids::{CardId, DeckId};

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: CardId,
    /// The question. The name `front` is fixed: other tools read it.
    pub front: String,
    /// The answer; paragraphs separated by a blank line.
    pub back: String,
    pub tags: Vec<String>,
    /// Wrong answers a teacher supplies for multiple-choice quizzes.
    pub choices: Vec<String>,
    /// A short form of the answer, for typed-answer quizzes.
    pub short: Option<String>,
}

impl Card {
    /// A card with only a question and an answer.
    pub fn new(id: CardId, front: impl Into<String>, back: impl Into<String>) -> Card {
        Card {
            id,
            front: front.into(),
            back: back.into(),
            tags: Vec::new(),
            choices: Vec::new(),
            short: None,
        }
    }
}

/// Where a deck's text came from: shown in the library, because news goes stale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The article's headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: Option<String>,
    /// The article's file name when it was imported from a file.
    pub file: Option<String>,
    pub url: Option<String>,
}

/// A titled list of cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    pub id: DeckId,
    pub title: String,
    pub description: String,
    pub source: Option<Source>,
    pub tags: Vec<String>,
    pub cards: Vec<Card>,
}

impl Deck {
    /// The card with this id, if the deck has it.
    pub fn card(&self, id: &CardId) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }
}
