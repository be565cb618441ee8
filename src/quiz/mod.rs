//! Quizzes on decks: multiple-choice and typed-answer questions, a score, and a history.
//!
//! Pure like the rest of the core: randomness comes from the quiz's seed, time from the
//! timestamps passed in, so a quiz and its result are reproducible. Flow: [`build_quiz`] →
//! [`QuizRun`] (answer, feedback, next) → [`QuizResult`] → [`save_result`] into
//! `progress/<deck>.quiz.ron`, read back by [`score_summary`].

mod build;
mod diff;
mod distractors;
mod error;
mod history;
mod history_file;
mod matching;
mod normalize;
mod question;
mod result;
mod run;
mod scope;

pub use build::{MAX_TYPED_WORDS, build_quiz, build_quiz_from};
pub use diff::{DiffPart, edit_distance};
pub use distractors::{WRONG_OPTIONS, pick_distractors};
pub use error::QuizError;
pub use history::{
    QuizRecord, ScoreSummary, records_per_deck, save_result, score_summary, summarize,
};
pub use history_file::{QuizHistory, append_quiz_record, quiz_history_file, read_quiz_history};
pub use matching::{Verdict, judge, typo_allowance};
pub use normalize::{normalize, word_count};
pub use question::{DEFAULT_QUESTION_COUNT, Question, QuestionKind, Quiz, QuizMode, QuizOptions};
pub use result::{Missed, QuizResult, percent};
pub use run::{Answered, QuizRun, Response};
pub use scope::{QuizScope, tags_in};
