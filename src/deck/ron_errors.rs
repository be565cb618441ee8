//! Turning RON's own errors into problems a deck author can act on.

use super::Problem;
use super::line_index::LineIndex;
use super::ron_tree::Node;
use ron::error::{Error, SpannedError};
use std::path::Path;

/// One problem from a RON parse error: where the author should look, a plainer message, and
/// a hint. `tree` (the position-keeping reading of the same text) refines ron's position.
pub fn problem_from_ron(
    error: &SpannedError,
    file: &Path,
    text: &str,
    tree: Option<&Node>,
) -> Problem {
    let lines = LineIndex::new(text);
    let offset = offset_of_error(error, text, tree);
    let (message, hint) = explain(&error.code);
    Problem::new(file, lines.location(offset), message, hint)
}

/// ron places some errors on the white space before the offending value, and a missing field
/// at the struct's closing parenthesis. Point at the value itself, and at the start of the
/// struct that lacks the field.
fn offset_of_error(error: &SpannedError, text: &str, tree: Option<&Node>) -> usize {
    let offset = offset_of(text, error.span.start.line, error.span.start.col);
    if let Error::MissingStructField { .. } = error.code {
        if let Some(owner) = tree.and_then(|t| t.innermost_struct_at(offset)) {
            return owner.start;
        }
    }
    // A value rejected after reading (an id with a space) is placed inside its quotes.
    if matches!(error.code, Error::Message(_)) && text[..offset].ends_with('"') {
        return offset - 1;
    }
    let rest = &text[offset..];
    offset + (rest.len() - rest.trim_start().len())
}

/// The byte offset of ron's 1-based line and (character) column, clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    line_start + within
}

fn explain(code: &Error) -> (String, String) {
    let syntax_hint =
        "check the RON syntax here: text in double quotes, fields written `name: value,`";
    match code {
        Error::MissingStructField { field, outer } => (
            format!("missing field `{field}`{}", within(outer)),
            missing_field_hint(field),
        ),
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{found}`{}", within(outer)),
            match closest(found, expected) {
                Some(name) => format!(
                    "did you mean `{name}`? Known fields: {}",
                    expected.join(", ")
                ),
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
        "format" => format!(
            "add `format: {},` at the top of the deck",
            super::FORMAT_VERSION
        ),
        "title" => "add `title: \"...\",` to the deck".to_string(),
        "cards" => "add `cards: [ ... ],` with the deck's cards".to_string(),
        other => format!("add `{other}: ...,`"),
    }
}

fn id_hint(message: &str) -> String {
    if message.contains("id") {
        "ids are short words of a-z, 0-9, '-' and '_'; delete the `id` and Recap makes one"
            .to_string()
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
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}
