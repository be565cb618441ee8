//! Turning RON's own errors into problems a deck author can act on.

use super::{Location, Problem};
use ron::error::{Error, SpannedError};
use std::path::Path;

/// One problem from a RON parse error: ron's position, a plainer message, and a hint.
pub fn problem_from_ron(error: &SpannedError, file: &Path) -> Problem {
    let at = location_of(error);
    let (message, hint) = explain(&error.code);
    Problem::new(file, at, message, hint)
}

/// ron counts lines and columns from 1; an error at the very end is placed on the last line.
fn location_of(error: &SpannedError) -> Location {
    let position = error.span.start;
    Location::new(position.line.max(1), position.col.max(1))
}

fn explain(code: &Error) -> (String, String) {
    let syntax_hint = "check the RON syntax here: text in double quotes, fields written `name: value,`";
    match code {
        Error::MissingStructField { field, outer } => (
            format!("missing field `{field}`{}", within(outer)),
            missing_field_hint(field),
        ),
        Error::NoSuchStructField { expected, found, outer } => (
            format!("unknown field `{found}`{}", within(outer)),
            match closest(found, expected) {
                Some(name) => format!("did you mean `{name}`? Known fields: {}", expected.join(", ")),
                None => format!("known fields: {}", expected.join(", ")),
            },
        ),
        Error::DuplicateStructField { field, outer } => (
            format!("field `{field}` is written twice{}", within(outer)),
            "keep one of them".to_string(),
        ),
        Error::ExpectedString | Error::ExpectedStringEnd => (
            "expected text in double quotes".to_string(),
            "write text as \"...\"; a quote inside text is written \\\"".to_string(),
        ),
        Error::ExpectedInteger | Error::InvalidIntegerDigit { .. } | Error::IntegerOutOfBounds => (
            "expected a whole number".to_string(),
            format!("write `format: {},`", super::FORMAT_VERSION),
        ),
        Error::ExpectedArray | Error::ExpectedArrayEnd => (
            format!("{code}"),
            "lists are written [\"a\", \"b\"], with a comma between items".to_string(),
        ),
        Error::ExpectedComma => (
            "expected a comma".to_string(),
            "separate fields and list items with commas".to_string(),
        ),
        Error::Eof => (
            "the file ends too early".to_string(),
            "a bracket or quote is not closed: check that every ( [ \" has its partner".to_string(),
        ),
        Error::TrailingCharacters => (
            "text after the end of the deck".to_string(),
            "the deck is one ( ... ); remove what follows its closing parenthesis".to_string(),
        ),
        Error::Message(message) => (message.clone(), id_hint(message)),
        other => (other.to_string(), syntax_hint.to_string()),
    }
}

fn within(outer: &Option<String>) -> String {
    match outer.as_deref() {
        Some("RawCard") => " in a card".to_string(),
        Some("RawDeck") => " in the deck".to_string(),
        Some("RawSource") => " in `source`".to_string(),
        Some(name) => format!(" in `{name}`"),
        None => String::new(),
    }
}

fn missing_field_hint(field: &str) -> String {
    match field {
        "front" => "add `front: \"the question\",` to the card".to_string(),
        "back" => "add `back: \"the answer\",` to the card".to_string(),
        "format" => format!("add `format: {},` at the top of the deck", super::FORMAT_VERSION),
        "title" => "add `title: \"...\",` to the deck".to_string(),
        "cards" => "add `cards: [ ... ],` with the deck's cards".to_string(),
        other => format!("add `{other}: ...,`"),
    }
}

fn id_hint(message: &str) -> String {
    if message.contains("id") {
        "ids are short words of a-z, 0-9, '-' and '_'; delete the `id` and Recap makes one".to_string()
    } else {
        String::new()
    }
}

/// The known name nearest to a misspelled one (at most two edits away).
fn closest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|name| (edit_distance(found, name), *name))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}
