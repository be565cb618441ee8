//! What can go wrong in the quiz layer: a screen asking for something out of turn, or the
//! quiz history file being unreadable or unwritable.

use crate::deck::Location;
use std::io;
use std::path::{Path, PathBuf};

/// The one error type of the quiz layer.
#[derive(Debug, thiserror::Error)]
pub enum QuizError {
    #[error("the quiz is over: there is no question left to answer. Hint: show the result.")]
    Finished,

    #[error("question {number} is already answered. Hint: go on to the next question.")]
    AlreadyAnswered { number: usize },

    #[error("question {number} is not answered yet. Hint: answer it before going on.")]
    NotAnswered { number: usize },

    #[error(
        "question {number} has options 1 to {count}; there is no option {picked}. Hint: pick one of those shown."
    )]
    NoSuchOption {
        number: usize,
        count: usize,
        picked: usize,
    },

    #[error("question {number} asks {expected}. Hint: answer it that way.")]
    WrongKindOfAnswer {
        number: usize,
        expected: &'static str,
    },

    #[error(
        "the quiz still has {left} question(s) to answer. Hint: answer them to see the result."
    )]
    NotFinished { left: usize },

    /// A quiz history line that cannot be read. The file is left exactly as it is.
    #[error(
        "{}:{}:{}: {message}. Hint: {hint}. Recap has not changed this file and will not add \
         results to it until it reads again.",
        file.display(), at.line, at.column
    )]
    Corrupt {
        file: PathBuf,
        at: Location,
        message: String,
        hint: String,
    },

    #[error("{}: could not {action}: {source}. Hint: check that the folder exists, is writable and the disk is not full.", file.display())]
    Io {
        file: PathBuf,
        action: &'static str,
        source: io::Error,
    },
}

impl QuizError {
    pub(crate) fn io(file: &Path, action: &'static str) -> impl FnOnce(io::Error) -> QuizError {
        let file = file.to_path_buf();
        move |source| QuizError::Io {
            file,
            action,
            source,
        }
    }
}
