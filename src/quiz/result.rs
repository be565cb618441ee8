//! The outcome of a finished quiz: score, time, the questions missed, and a new quiz of those.

use super::build::build_quiz_from;
use super::question::{Quiz, QuizMode, QuizOptions};
use super::run::Answered;
use crate::model::{CardId, Deck, DeckId, Timestamp};
use std::collections::HashSet;

/// A question answered wrongly, with what the learner needs to learn it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    pub deck: DeckId,
    pub card: CardId,
    pub prompt: String,
    /// The right option or the expected typed answer.
    pub right_answer: String,
    /// The card's whole answer.
    pub answer: String,
    /// What the learner picked or typed.
    pub given: String,
}

/// A finished quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizResult {
    pub mode: QuizMode,
    pub finished_at: Timestamp,
    /// From the first question shown to the last answer; never negative.
    pub elapsed_ms: i64,
    /// Questions answered right (close typed answers count as right).
    pub score: usize,
    pub total: usize,
    /// In the order asked.
    pub missed: Vec<Missed>,
    /// Every question in the order asked, with its response and verdict.
    pub answered: Vec<Answered>,
}

impl QuizResult {
    pub fn new(
        mode: QuizMode,
        answered: Vec<Answered>,
        started: Timestamp,
        finished_at: Timestamp,
    ) -> QuizResult {
        let missed: Vec<Missed> = answered
            .iter()
            .filter(|a| !a.verdict.is_accepted())
            .map(|a| Missed {
                deck: a.question.deck.clone(),
                card: a.question.card.clone(),
                prompt: a.question.prompt.clone(),
                right_answer: a.question.right_answer().to_string(),
                answer: a.question.answer.clone(),
                given: a.given().to_string(),
            })
            .collect();
        QuizResult {
            mode,
            finished_at,
            elapsed_ms: (finished_at.millis() - started.millis()).max(0),
            score: answered.len() - missed.len(),
            total: answered.len(),
            missed,
            answered,
        }
    }

    /// The score as a whole percentage, rounded to nearest; 0 for an empty quiz.
    pub fn percent(&self) -> u32 {
        percent(self.score, self.total)
    }

    /// The decks the questions came from, in the order first asked.
    pub fn decks(&self) -> Vec<DeckId> {
        let mut seen = HashSet::new();
        self.answered
            .iter()
            .map(|a| a.question.deck.clone())
            .filter(|deck| seen.insert(deck.clone()))
            .collect()
    }

    /// A quiz of the missed questions only (all of them, in a new order), asked the same way;
    /// None when nothing was missed. `decks` should be the quiz's decks: wrong options are
    /// drawn from all their cards, as before.
    pub fn retry_missed(&self, decks: &[&Deck], seed: u64) -> Option<Quiz> {
        if self.missed.is_empty() {
            return None;
        }
        let missed: HashSet<(&DeckId, &CardId)> =
            self.missed.iter().map(|m| (&m.deck, &m.card)).collect();
        let options = QuizOptions {
            questions: self.missed.len(),
            mode: self.mode,
            seed,
        };
        let quiz = build_quiz_from(decks, &options, |deck, card| missed.contains(&(deck, card)));
        (!quiz.questions.is_empty()).then_some(quiz)
    }
}

/// `score` of `total` as a whole percentage, rounded to nearest; 0 when `total` is 0.
pub fn percent(score: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    ((score * 200 + total) / (2 * total)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_to_nearest() {
        assert_eq!(percent(3, 5), 60);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
    }
}
