//! Reading progress text: the fast reader first, `ron` for anything else and for errors.

use super::error::ProgressError;
use super::fast_ron;
use crate::deck::Location;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Reads `text`, which starts at line `first_line` of `file`, as a `T`. On failure the error
/// names the file, line and column where `ron` found the problem, and what to do.
pub fn parse_text<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
    what: &str,
) -> Result<T, ProgressError> {
    if let Ok(value) = fast_ron::from_str(text) {
        return Ok(value);
    }
    ron::Options::default().from_str(text).map_err(|error| {
        let position = error.span.start;
        let at = Location::new(position.line.max(1) + first_line - 1, position.col.max(1));
        ProgressError::corrupt(
            file,
            at,
            format!("this {what} cannot be read: {}", error.code),
            "the file was changed outside Recap or damaged; restore it from a backup or a \
             synced copy if you have one",
        )
    })
}
