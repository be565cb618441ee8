//! A deck of question/answer cards, as the app holds it in memory.
//!
//! Every card has an id here; a deck file written by hand may lack some, and the deck format
//! module assigns them (see `deck::format`).
//!
//! A card may be studied both ways (Anki's "Basic (and reversed card)"): its reversed side is a
//! study item of its own, made in one place, [`Deck::as_studied`], so that the queue, sessions,
//! quizzes and statistics all see it as a card with its own id and progress.

use super::ids::{CardId, DeckId};
use super::text::Text;
use std::borrow::Cow;

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: CardId,
    /// The question. The name `front` is fixed: other tools read it.
    pub front: Text,
    /// The answer; paragraphs separated by a blank line.
    pub back: Text,
    pub tags: Vec<String>,
    /// Wrong answers a teacher supplies for multiple-choice quizzes.
    pub choices: Vec<String>,
    /// A short form of the answer, for typed-answer quizzes.
    pub short: Option<Text>,
    /// Also studied back → front, as a second card with its own progress (see
    /// [`Card::reversed`]).
    pub both_ways: bool,
}

impl Card {
    /// A card with only a question and an answer.
    pub fn new(id: CardId, front: impl Into<Text>, back: impl Into<Text>) -> Card {
        Card {
            id,
            front: front.into(),
            back: back.into(),
            tags: Vec::new(),
            choices: Vec::new(),
            short: None,
            both_ways: false,
        }
    }

    /// The reversed side of this card: the back asked, the front as the answer, under the
    /// derived id [`CardId::reversed`]. Choices and the short answer belong to the back, so
    /// the reversed side has none.
    pub fn reversed(&self) -> Card {
        Card {
            id: self.id.reversed(),
            front: self.back.clone(),
            back: self.front.clone(),
            tags: self.tags.clone(),
            choices: Vec::new(),
            short: None,
            both_ways: false,
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

    /// The deck as it is studied: every card, each followed by its reversed side when it is
    /// studied both ways. Borrowed (no copy) when no card is. Everything that studies, quizzes
    /// or counts cards goes through this, so a reversed side is a card like any other there.
    pub fn as_studied(&self) -> Cow<'_, Deck> {
        if !self.cards.iter().any(|c| c.both_ways) {
            return Cow::Borrowed(self);
        }
        let extra = self.cards.iter().filter(|c| c.both_ways).count();
        let mut cards = Vec::with_capacity(self.cards.len() + extra);
        for card in &self.cards {
            cards.push(card.clone());
            if card.both_ways {
                cards.push(card.reversed());
            }
        }
        Cow::Owned(Deck {
            cards,
            ..self.clone_without_cards()
        })
    }

    fn clone_without_cards(&self) -> Deck {
        Deck {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            source: self.source.clone(),
            tags: self.tags.clone(),
            cards: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_studied_both_ways_is_followed_by_its_reversed_side() {
        let mut both = Card::new(CardId::new("b").unwrap(), "der Hund", "the dog");
        both.both_ways = true;
        both.short = Some("dog".into());
        let deck = Deck {
            id: DeckId::new("d").unwrap(),
            title: "T".into(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: vec![Card::new(CardId::new("a").unwrap(), "Q", "A"), both],
        };
        let studied = deck.as_studied();
        let ids: Vec<&str> = studied.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "b~rev"]);
        let reversed = &studied.cards[2];
        assert_eq!(
            (reversed.front.as_str(), reversed.back.as_str()),
            ("the dog", "der Hund")
        );
        assert_eq!(reversed.short, None);
        let mut plain = deck.clone();
        plain.cards[1].both_ways = false;
        assert!(matches!(plain.as_studied(), Cow::Borrowed(_)));
    }
}
