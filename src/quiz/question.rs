//! What a quiz is made of: its options and its questions, each asked either with options to
//! pick from or as an answer to type.

use crate::model::{CardId, DeckId};
use serde::{Deserialize, Serialize};

/// How questions are asked. Saved in the quiz history, so the names are part of the file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum QuizMode {
    /// Every question offers the right answer among wrong ones.
    MultipleChoice,
    /// The learner types the answer; cards whose answer is too long to type fall back to
    /// multiple choice, since nobody can type a paragraph word for word.
    Typed,
    /// Typed where the answer is short, multiple choice otherwise.
    #[default]
    Mixed,
}

impl QuizMode {
    pub const ALL: [QuizMode; 3] = [QuizMode::MultipleChoice, QuizMode::Typed, QuizMode::Mixed];

    pub fn label(self) -> &'static str {
        match self {
            QuizMode::MultipleChoice => "Multiple choice",
            QuizMode::Typed => "Typed answer",
            QuizMode::Mixed => "Mixed",
        }
    }
}

/// How many questions a quiz has when the learner does not say.
pub const DEFAULT_QUESTION_COUNT: usize = 10;

/// What the learner chose before starting a quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizOptions {
    /// Questions to ask; fewer when the decks hold fewer cards.
    pub questions: usize,
    pub mode: QuizMode,
    /// Seeds every random choice (which cards, their order, wrong answers, option order), so a
    /// quiz can be given again exactly: to a class, in a test, or after a bug report. The app
    /// draws a fresh seed from the OS unless the learner fixes one (`--seed`, settings).
    pub seed: u64,
}

impl QuizOptions {
    pub fn new(mode: QuizMode, seed: u64) -> QuizOptions {
        QuizOptions {
            questions: DEFAULT_QUESTION_COUNT,
            mode,
            seed,
        }
    }
}

/// How one question is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// Pick one of `options`; `correct` is the index of the right one.
    MultipleChoice {
        options: Vec<String>,
        correct: usize,
    },
    /// Type the answer; `expected` is the card's short form when it has one, else its back.
    Typed { expected: String },
}

/// One question of a quiz, made from one card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub deck: DeckId,
    pub card: CardId,
    /// The card's front.
    pub prompt: String,
    /// The card's whole answer (its back), shown after the question is answered.
    pub answer: String,
    pub kind: QuestionKind,
}

impl Question {
    /// The answer the learner is asked for: the right option, or the text to type. Falls back
    /// to the card's answer should `correct` not index an option.
    pub fn right_answer(&self) -> &str {
        match &self.kind {
            QuestionKind::MultipleChoice { options, correct } => {
                options.get(*correct).unwrap_or(&self.answer)
            }
            QuestionKind::Typed { expected } => expected,
        }
    }
}

/// A quiz ready to be taken: questions in the order they are asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub mode: QuizMode,
    pub seed: u64,
    pub questions: Vec<Question>,
}
