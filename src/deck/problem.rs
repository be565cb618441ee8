//! A problem found in a deck file, reported as `FILE:LINE:COLUMN: message` with a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// A 1-based line and column in a text file (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl Location {
    /// The start of a file: where problems about the whole file point.
    pub const START: Location = Location { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Location {
        Location { line, column }
    }
}

/// One thing wrong with a deck file, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    pub file: PathBuf,
    pub at: Location,
    pub message: String,
    /// What the author can do; empty when the message says it all.
    pub hint: String,
}

impl Problem {
    pub fn new(
        file: &Path,
        at: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Problem {
        Problem {
            file: file.to_path_buf(),
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.at.line,
            self.at.column,
            self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, " Hint: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Every problem found in one deck file (at least one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DeckError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl From<Problem> for DeckError {
    fn from(problem: Problem) -> DeckError {
        DeckError {
            problems: vec![problem],
        }
    }
}
