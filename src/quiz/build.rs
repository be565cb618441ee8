//! Making a quiz from decks: which cards, in which order, each asked in which way.
//!
//! Every random choice comes from one generator seeded with [`QuizOptions::seed`], in a fixed
//! order, so the same decks and options always give the same quiz.

use super::distractors::{AnswerPool, WRONG_OPTIONS};
use super::normalize::{normalize, word_count};
use super::question::{Question, QuestionKind, Quiz, QuizMode, QuizOptions};
use crate::model::{Card, CardId, Deck, DeckId};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use std::collections::HashSet;

/// Answers of at most this many words are asked as typed answers in typed and mixed modes:
/// about what a learner can recall word for word.
pub const MAX_TYPED_WORDS: usize = 6;

/// A quiz over every card of `decks` (a deck given twice counts once), or `options.questions`
/// of them picked at random.
pub fn build_quiz(decks: &[&Deck], options: &QuizOptions) -> Quiz {
    build_quiz_from(decks, options, |_, _| true)
}

/// Like [`build_quiz`], but asking only the cards `wanted` accepts (e.g. the ones missed last
/// time). Wrong options still come from every card of `decks`.
pub fn build_quiz_from(
    decks: &[&Deck],
    options: &QuizOptions,
    wanted: impl Fn(&DeckId, &CardId) -> bool,
) -> Quiz {
    // Reversed sides of cards studied both ways are asked like any other card.
    let studied: Vec<std::borrow::Cow<'_, Deck>> =
        distinct(decks).into_iter().map(Deck::as_studied).collect();
    let decks: Vec<&Deck> = studied.iter().map(|d| &**d).collect();
    let mut rng = StdRng::seed_from_u64(options.seed);
    let mut asked: Vec<(&DeckId, &Card)> = decks
        .iter()
        .flat_map(|deck| deck.cards.iter().map(|card| (&deck.id, card)))
        .filter(|(deck, card)| wanted(deck, &card.id))
        .collect();
    asked.shuffle(&mut rng);
    asked.truncate(options.questions);
    let pool: Vec<&Card> = decks.iter().flat_map(|deck| deck.cards.iter()).collect();
    let answers = AnswerPool::new(&pool, &mut rng);
    let questions = asked
        .into_iter()
        .map(|(deck, card)| make_question(deck, card, &answers, options.mode, &mut rng))
        .collect();
    Quiz {
        mode: options.mode,
        seed: options.seed,
        questions,
    }
}

/// `decks` without repeats (by id), in the order given.
fn distinct<'a>(decks: &[&'a Deck]) -> Vec<&'a Deck> {
    let mut seen = HashSet::new();
    decks
        .iter()
        .copied()
        .filter(|deck| seen.insert(&deck.id))
        .collect()
}

fn make_question(
    deck: &DeckId,
    card: &Card,
    answers: &AnswerPool,
    mode: QuizMode,
    rng: &mut StdRng,
) -> Question {
    let typed_answer = card.short.as_deref().unwrap_or(&card.back).trim();
    let kind = if mode != QuizMode::MultipleChoice && can_be_typed(typed_answer) {
        QuestionKind::Typed {
            expected: typed_answer.to_string(),
        }
    } else {
        multiple_choice(card, answers, rng)
    };
    Question {
        deck: deck.clone(),
        card: card.id.clone(),
        prompt: card.front.to_string(),
        answer: card.back.to_string(),
        kind,
    }
}

/// Short enough to type, and holding letters or digits to type at all.
fn can_be_typed(answer: &str) -> bool {
    word_count(answer) <= MAX_TYPED_WORDS && !normalize(answer).is_empty()
}

fn multiple_choice(card: &Card, answers: &AnswerPool, rng: &mut StdRng) -> QuestionKind {
    let right = card.back.trim().to_string();
    let mut options = answers.pick(card, WRONG_OPTIONS, rng);
    options.push(right.clone());
    options.shuffle(rng);
    let correct = options
        .iter()
        .position(|option| *option == right)
        .expect("the right answer was just added");
    QuestionKind::MultipleChoice { options, correct }
}
