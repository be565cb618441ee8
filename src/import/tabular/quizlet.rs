//! Quizlet's export text: "term<field sep>definition<row sep>…", no quoting.
//!
//! Quizlet lets the user pick both separators (tab or comma or any string; newline or
//! semicolon or any string), so they are parameters rather than guesses.

use super::records::Record;
use super::rows::{finish, push_row};
use super::{Place, Table, TableError};

/// The separators Quizlet's export was made with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizletSeparators {
    /// Between term and definition.
    pub field: String,
    /// Between one term/definition pair and the next.
    pub row: String,
}

impl Default for QuizletSeparators {
    /// Quizlet's defaults: tab between term and definition, a new line between rows.
    fn default() -> Self {
        QuizletSeparators {
            field: "\t".to_string(),
            row: "\n".to_string(),
        }
    }
}

/// A separator as typed on a command line: `\t`, `\n`, `\r\n` and names (tab, comma,
/// semicolon, newline, space) stand for what they say; anything else is taken literally.
/// None for an empty separator, which cannot split anything.
pub fn separator_from_arg(arg: &str) -> Option<String> {
    let named = match arg.to_ascii_lowercase().as_str() {
        "tab" => Some("\t"),
        "comma" => Some(","),
        "semicolon" => Some(";"),
        "newline" => Some("\n"),
        "space" => Some(" "),
        _ => None,
    };
    let text = match named {
        Some(text) => text.to_string(),
        None => arg
            .replace("\\t", "\t")
            .replace("\\r", "\r")
            .replace("\\n", "\n"),
    };
    (!text.is_empty()).then_some(text)
}

/// The rows of a Quizlet export. A row without the field separator has no definition and is
/// skipped; a row is split at the first field separator, so definitions may contain it.
pub fn quizlet_table(text: &str, separators: &QuizletSeparators) -> Result<Table, TableError> {
    let mut table = Table::default();
    let by_lines = separators.row == "\n";
    if separators.field.is_empty() || separators.row.is_empty() {
        return finish(table);
    }
    let mut line = 1;
    for (index, raw) in text.split(separators.row.as_str()).enumerate() {
        let row_line = line;
        line += raw.matches('\n').count() + separators.row.matches('\n').count();
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let (term, definition) = raw
            .split_once(separators.field.as_str())
            .unwrap_or((raw, ""));
        let fields = vec![term.to_string(), definition.to_string()];
        let record = Record {
            line: row_line,
            fields,
        };
        let place = if by_lines {
            Place::Line(row_line)
        } else {
            Place::Row(index + 1)
        };
        let front = term.trim().to_string();
        let back = definition.trim().to_string();
        push_row(&mut table, &record, place, front, back, Vec::new());
    }
    finish(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_from_the_command_line() {
        assert_eq!(separator_from_arg("\\t").as_deref(), Some("\t"));
        assert_eq!(separator_from_arg("\\n").as_deref(), Some("\n"));
        assert_eq!(separator_from_arg(";").as_deref(), Some(";"));
        assert_eq!(separator_from_arg(" - ").as_deref(), Some(" - "));
        assert_eq!(separator_from_arg(""), None);
    }

    #[test]
    fn rows_split_at_the_first_field_separator() {
        let seps = QuizletSeparators {
            field: " - ".into(),
            row: ";;".into(),
        };
        let table = quizlet_table("a - b - c;;d;;;;e - f", &seps).unwrap();
        let pairs: Vec<_> = table
            .rows
            .iter()
            .map(|r| (r.front.as_str(), r.back.as_str()))
            .collect();
        assert_eq!(pairs, [("a", "b - c"), ("e", "f")]);
        assert_eq!(table.skipped[0].to_string(), "row 2 has no back");
    }
}
