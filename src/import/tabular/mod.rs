//! Tables of cards: CSV/TSV (with Anki's text-export headers) and Quizlet's export text.
//!
//! Pure: text in, a [`Table`] of rows out, plus what was skipped and why, so the caller can
//! report every row it did not turn into a card. A file that cannot be read as a table at all
//! (an unclosed quote, a header Recap does not understand the value of) is a [`TableError`]
//! naming the line; nothing is built from it.

mod columns;
mod deck;
mod detect;
mod error;
mod headers;
mod html_text;
mod quizlet;
mod records;
mod rows;

pub use deck::{TableDeckOptions, deck_from_table};
pub use detect::{FileFormat, detect_format};
pub use error::TableError;
pub use html_text::html_to_text;
pub use quizlet::{QuizletSeparators, separator_from_arg};

use std::fmt;

/// How a table's text is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated with CSV quoting (Anki's `#separator:` header may choose another).
    Csv,
    /// Tab-separated with CSV quoting (Anki's `#separator:` header may choose another).
    Tsv,
    /// Quizlet's export: no quoting, a term/definition separator and a row separator.
    Quizlet(QuizletSeparators),
}

/// One row that became a card's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Where the row starts in the file, for messages.
    pub place: Place,
    pub front: String,
    pub back: String,
    pub tags: Vec<String>,
}

/// Where a row is: a line of the file, or (Quizlet rows split by another separator than a
/// newline, where lines mean little) the row's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Line(usize),
    Row(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Row(n) => write!(f, "row {n}"),
        }
    }
}

/// Why a row did not become a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Every field is empty.
    Empty,
    NoFront,
    NoBack,
}

/// A row left out, reported to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skipped {
    pub place: Place,
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.reason {
            SkipReason::Empty => "is empty",
            SkipReason::NoFront => "has no front",
            SkipReason::NoBack => "has no back",
        };
        write!(f, "{} {why}", self.place)
    }
}

/// What a table file held: the rows that make cards, the rows skipped, and notes on parts of
/// the file that were understood but not imported (Anki's guid or deck columns…).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<TableRow>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
}

/// Reads a table. Never panics; an error names the line where reading failed.
pub fn parse_table(text: &str, format: &TableFormat) -> Result<Table, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        TableFormat::Csv => rows::anki_table(text, ','),
        TableFormat::Tsv => rows::anki_table(text, '\t'),
        TableFormat::Quizlet(separators) => quizlet::quizlet_table(text, separators),
    }
}

/// How many skipped rows a report lists before summing up the rest.
const LISTED_SKIPS: usize = 10;

impl Table {
    /// "Skipped 2 rows: line 5 has no back; line 9 is empty", or None when nothing was skipped.
    pub fn skipped_summary(&self) -> Option<String> {
        let count = self.skipped.len();
        if count == 0 {
            return None;
        }
        let mut listed: Vec<String> = self
            .skipped
            .iter()
            .take(LISTED_SKIPS)
            .map(Skipped::to_string)
            .collect();
        if count > LISTED_SKIPS {
            listed.push(format!("and {} more", count - LISTED_SKIPS));
        }
        let rows = if count == 1 { "row" } else { "rows" };
        Some(format!("Skipped {count} {rows}: {}", listed.join("; ")))
    }
}
