//! Reads a review log CSV: `card_id,review_rating,review_time,review_duration`.
//!
//! This is the layout py-fsrs and the FSRS research tools exchange, so a learner can bring a
//! history from elsewhere. Columns are found by name (any order, extra columns ignored) and
//! fields may be double-quoted, so light edits in a spreadsheet do not break the file.

use super::review::Review;
use super::timestamp::parse_iso8601;
use crate::model::Rating;
use std::path::{Path, PathBuf};

/// The columns a review log must have, in the layout's order.
pub const REVLOG_COLUMNS: [&str; 4] =
    ["card_id", "review_rating", "review_time", "review_duration"];

/// Why a review log cannot be read. Each message names the file (and line) and what to do.
#[derive(Debug, thiserror::Error)]
pub enum RevlogError {
    #[error("{}: cannot read the review log: {source}. Check the path and that the file is readable.", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:1: the header lacks the column {column:?}; a review log starts with the line: {}", path.display(), REVLOG_COLUMNS.join(","))]
    MissingColumn { path: PathBuf, column: &'static str },
    #[error("{}:{line}: {problem}. Fix or delete this line.", path.display())]
    BadRow {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    #[error("{}: the review log holds no reviews; give a file with at least one row after the header.", path.display())]
    Empty { path: PathBuf },
}

/// Reads every review in the file; the first bad line stops the reading.
pub fn read_revlog(path: &Path) -> Result<Vec<Review>, RevlogError> {
    let bytes = std::fs::read(path).map_err(|source| RevlogError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    parse_revlog(&text).map_err(|failure| match failure {
        ParseFailure::MissingColumn(column) => RevlogError::MissingColumn {
            path: path.to_path_buf(),
            column,
        },
        ParseFailure::BadRow { line, problem } => RevlogError::BadRow {
            path: path.to_path_buf(),
            line,
            problem,
        },
        ParseFailure::Empty => RevlogError::Empty {
            path: path.to_path_buf(),
        },
    })
}

/// What went wrong in the text, before the file name is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseFailure {
    MissingColumn(&'static str),
    /// `line` counts from 1, the header being line 1.
    BadRow {
        line: usize,
        problem: String,
    },
    Empty,
}

/// Reads the text of a review log. Blank lines are skipped.
pub fn parse_revlog(text: &str) -> Result<Vec<Review>, ParseFailure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line));
    let header = lines
        .find(|(_, line)| !line.trim().is_empty())
        .ok_or(ParseFailure::Empty)?;
    let columns = ColumnPositions::from_header(header.1)?;
    let mut reviews = Vec::new();
    for (line, row) in lines.filter(|(_, row)| !row.trim().is_empty()) {
        let review = columns
            .review_from(row)
            .map_err(|problem| ParseFailure::BadRow { line, problem })?;
        reviews.push(review);
    }
    if reviews.is_empty() {
        return Err(ParseFailure::Empty);
    }
    Ok(reviews)
}

/// Where each needed column sits in a row.
struct ColumnPositions {
    card: usize,
    rating: usize,
    time: usize,
    duration: usize,
}

impl ColumnPositions {
    fn from_header(header: &str) -> Result<ColumnPositions, ParseFailure> {
        let names =
            split_fields(header).map_err(|problem| ParseFailure::BadRow { line: 1, problem })?;
        let position = |column: &'static str| {
            names
                .iter()
                .position(|name| name.eq_ignore_ascii_case(column))
                .ok_or(ParseFailure::MissingColumn(column))
        };
        Ok(ColumnPositions {
            card: position(REVLOG_COLUMNS[0])?,
            rating: position(REVLOG_COLUMNS[1])?,
            time: position(REVLOG_COLUMNS[2])?,
            duration: position(REVLOG_COLUMNS[3])?,
        })
    }

    fn review_from(&self, row: &str) -> Result<Review, String> {
        let fields = split_fields(row)?;
        let field = |index: usize, name: &str| {
            fields
                .get(index)
                .map(String::as_str)
                .ok_or_else(|| format!("the row has {} fields, so no {name}", fields.len()))
        };
        let card = field(self.card, "card_id")?;
        if card.is_empty() {
            return Err("the card_id is empty".to_string());
        }
        let rating_text = field(self.rating, "review_rating")?;
        let rating = rating_text
            .parse::<u8>()
            .ok()
            .and_then(Rating::from_number)
            .ok_or_else(|| {
                format!(
                    "review_rating {rating_text:?} is not 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"
                )
            })?;
        let at = parse_iso8601(field(self.time, "review_time")?)
            .map_err(|error| format!("review_time: {error}"))?;
        let duration_text = field(self.duration, "review_duration")?;
        let duration_ms = parse_duration_ms(duration_text).ok_or_else(|| {
            format!("review_duration {duration_text:?} is not a number of milliseconds")
        })?;
        Ok(Review {
            card: card.to_string(),
            rating,
            at,
            duration_ms,
        })
    }
}

/// Milliseconds as a whole number; an empty field means unknown (0). Tools that write floats
/// (`7241.0`) are accepted, rounded.
fn parse_duration_ms(text: &str) -> Option<u32> {
    if text.is_empty() {
        return Some(0);
    }
    if let Ok(ms) = text.parse::<u32>() {
        return Some(ms);
    }
    let ms = text.parse::<f64>().ok()?;
    (ms.is_finite() && ms >= 0.0 && ms <= f64::from(u32::MAX)).then(|| ms.round() as u32)
}

/// Splits one CSV line into trimmed fields; `"…"` quotes a field, `""` inside it is a quote.
fn split_fields(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => in_quotes = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
            }
            (',', false) => fields.push(std::mem::take(&mut field).trim().to_string()),
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err("a quoted field is not closed (a '\"' is missing)".to_string());
    }
    fields.push(field.trim().to_string());
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_spaces() {
        assert_eq!(
            split_fields(r#" a , "b,c" ,"say ""hi""""#).unwrap(),
            ["a", "b,c", r#"say "hi""#]
        );
        assert!(split_fields(r#"a,"b"#).is_err());
    }

    #[test]
    fn durations_accept_floats_and_blanks() {
        assert_eq!(parse_duration_ms("7241"), Some(7241));
        assert_eq!(parse_duration_ms("7241.4"), Some(7241));
        assert_eq!(parse_duration_ms(""), Some(0));
        assert_eq!(parse_duration_ms("-3"), None);
        assert_eq!(parse_duration_ms("soon"), None);
    }
}
