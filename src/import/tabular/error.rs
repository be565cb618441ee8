//! Why a table file cannot be read.

/// A table file that cannot be read as cards. Every variant that points into the file has
/// the line (1-based) where the problem starts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error(
        "a quoted field starts here and is never closed. Add the closing \", or write a quote inside a quoted field as \"\""
    )]
    UnclosedQuote { line: usize },
    #[error(
        "#separator:{value} is not a separator Recap knows. Write tab, comma, semicolon, pipe, space, colon or a single character"
    )]
    BadSeparator { line: usize, value: String },
    #[error("#html:{value} must be true or false")]
    BadHtmlFlag { line: usize, value: String },
    #[error("#{key}:{value} must be a column number (1 for the first column)")]
    BadColumnNumber {
        line: usize,
        key: String,
        value: String,
    },
    #[error(
        "the file has no rows with both a front and a back{details}. Put the question in the first column and the answer in the second"
    )]
    NoCards { details: String },
}

impl TableError {
    /// The line the problem is on, when it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            TableError::UnclosedQuote { line }
            | TableError::BadSeparator { line, .. }
            | TableError::BadHtmlFlag { line, .. }
            | TableError::BadColumnNumber { line, .. } => Some(*line),
            TableError::NoCards { .. } => None,
        }
    }
}
