//! CSV/TSV text → rows of front, back and tags, following Anki's headers.

use super::columns::{BACK_NAMES, FRONT_NAMES, Layout};
use super::headers::{Headers, read_headers};
use super::html_text::html_to_text;
use super::records::{Record, split_records};
use super::{Place, SkipReason, Skipped, Table, TableError, TableRow};
use std::collections::BTreeSet;

/// A CSV-quoted table; `default_separator` unless a `#separator:` header says otherwise.
pub fn anki_table(text: &str, default_separator: char) -> Result<Table, TableError> {
    let (mut headers, body_start, first_line) = read_headers(text)?;
    let body = &text[body_start..];
    let separator = match headers.separator {
        Some(separator) => separator,
        None => sniffed_separator(body, default_separator, &mut headers.notes),
    };
    headers.name_columns(separator);
    let mut records = split_records(body, separator, first_line)?;
    take_names_row(&mut headers, &mut records);
    let layout = Layout::from_headers(&headers);
    let mut table = Table {
        notes: std::mem::take(&mut headers.notes),
        ..Table::default()
    };
    let mut unused_columns: BTreeSet<usize> = BTreeSet::new();
    for record in &records {
        let columns = layout.for_row(record.fields.len());
        let with_text = columns
            .unused
            .iter()
            .filter(|c| !record.fields[**c].trim().is_empty());
        unused_columns.extend(with_text);
        let field = |c: Option<usize>| field_text(record, c, headers.html);
        let tags = row_tags(record, &layout, &headers);
        let (front, back) = (field(columns.front), field(columns.back));
        push_row(
            &mut table,
            record,
            Place::Line(record.line),
            front,
            back,
            tags,
        );
    }
    if !unused_columns.is_empty() {
        table.notes.push(unused_columns_note(&unused_columns));
    }
    finish(table)
}

/// "columns 3, 4 held text that was not imported…", listing a few columns at most.
fn unused_columns_note(columns: &BTreeSet<usize>) -> String {
    const LISTED: usize = 5;
    let mut list: Vec<String> = columns
        .iter()
        .take(LISTED)
        .map(|c| (c + 1).to_string())
        .collect();
    if columns.len() > LISTED {
        list.push(format!("{} more", columns.len() - LISTED));
    }
    let noun = if columns.len() == 1 {
        "column"
    } else {
        "columns"
    };
    format!(
        "{noun} {} held text that was not imported: a card has only a front and a back",
        list.join(", ")
    )
}

/// Without a `#columns:` header, a first row of column names ("Front,Back") names the
/// columns instead of becoming a card.
fn take_names_row(headers: &mut Headers, records: &mut Vec<Record>) {
    if headers.column_names.is_some() || !records.first().is_some_and(|r| is_names_row(&r.fields)) {
        return;
    }
    let names = records.remove(0);
    headers.notes.push(format!(
        "line {} was read as the column names ({}), not as a card",
        names.line,
        names.fields.join(", ")
    ));
    headers.column_names = Some(names.fields);
}

/// A field's text, reduced from HTML when the file says its fields are HTML.
fn field_text(record: &Record, column: Option<usize>, html: bool) -> String {
    let raw = column
        .and_then(|c| record.fields.get(c))
        .map_or("", String::as_str);
    if html {
        html_to_text(raw)
    } else {
        raw.trim().to_string()
    }
}

/// The row's own tags (space-separated, as Anki writes them), then the file's `#tags:`; each
/// once, since tags are a set.
fn row_tags(record: &Record, layout: &Layout, headers: &Headers) -> Vec<String> {
    let own = layout
        .tags
        .and_then(|c| record.fields.get(c))
        .map_or("", String::as_str)
        .split_whitespace();
    let mut tags: Vec<String> = Vec::new();
    for tag in own.chain(headers.tags.iter().map(String::as_str)) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// A comma-separated file without a `#separator:` header whose first line has no comma but
/// semicolons (common where the comma is the decimal mark) or tabs uses that instead, as
/// Anki's own importer guesses.
fn sniffed_separator(body: &str, default: char, notes: &mut Vec<String>) -> char {
    let first = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if default != ',' || first.contains(',') {
        return default;
    }
    let (guess, name) = match (first.contains(';'), first.contains('\t')) {
        (true, false) => (';', "semicolons"),
        (false, true) => ('\t', "tabs"),
        _ => return default,
    };
    notes.push(format!(
        "the file has no #separator: header and its first row has no commas: read as separated by {name}"
    ));
    guess
}

/// A first row like "Front,Back" or "Question,Answer,Tags": column names, not a card.
fn is_names_row(fields: &[String]) -> bool {
    let lower: Vec<String> = fields.iter().map(|f| f.trim().to_lowercase()).collect();
    let is = |names: &[&str]| lower.iter().any(|f| names.contains(&f.as_str()));
    is(&FRONT_NAMES) && is(&BACK_NAMES)
}

/// Adds a row as a card, or records why it was skipped.
pub fn push_row(
    table: &mut Table,
    record: &Record,
    place: Place,
    front: String,
    back: String,
    tags: Vec<String>,
) {
    let empty = record.fields.iter().all(|f| f.trim().is_empty());
    let reason = if empty {
        Some(SkipReason::Empty)
    } else if front.is_empty() {
        Some(SkipReason::NoFront)
    } else if back.is_empty() {
        Some(SkipReason::NoBack)
    } else {
        None
    };
    match reason {
        Some(reason) => table.skipped.push(Skipped { place, reason }),
        None => table.rows.push(TableRow {
            place,
            front,
            back,
            tags,
        }),
    }
}

/// A table with no cards is an error: writing an empty deck would only hide the mistake.
pub fn finish(table: Table) -> Result<Table, TableError> {
    if !table.rows.is_empty() {
        return Ok(table);
    }
    let details = match table.skipped.as_slice() {
        [] => String::new(),
        skipped => {
            let shown: Vec<String> = skipped.iter().take(3).map(|s| s.to_string()).collect();
            format!(" ({})", shown.join("; "))
        }
    };
    Err(TableError::NoCards { details })
}
