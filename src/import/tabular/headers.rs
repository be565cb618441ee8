//! Anki's text-export headers: `#key:value` lines at the top of a file.
//!
//! Anki writes them when exporting "Notes in plain text" and reads them on import; honouring
//! them lets a file move between Anki and Recap without the user choosing separators or
//! columns by hand. Headers Recap understands but does not use are reported as notes.

use super::TableError;

/// What the headers say. Column numbers are 0-based here (Anki writes them 1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers {
    pub separator: Option<char>,
    /// Fields hold HTML, to be reduced to text.
    pub html: bool,
    /// Column names, in order, split by the separator.
    pub column_names: Option<Vec<String>>,
    /// The `#columns:` value as written; split once the separator is known, since Anki
    /// allows `#separator:` after `#columns:` and files without `#separator:` at all.
    pub raw_columns: Option<String>,
    /// Tags for every row.
    pub tags: Vec<String>,
    pub tags_column: Option<usize>,
    /// Columns that hold no card text (guid, notetype, deck) and are left out.
    pub skipped_columns: Vec<usize>,
    pub notes: Vec<String>,
}

/// The headers at the top of `text` and the byte offset and line number where the rows begin.
pub fn read_headers(text: &str) -> Result<(Headers, usize, usize), TableError> {
    let mut headers = Headers::default();
    let mut offset = 0;
    let mut line = 1;
    while offset < text.len() {
        let rest = &text[offset..];
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let Some(header) = rest[..end].trim_end_matches(['\n', '\r']).strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = header.split_once(':') else {
            break;
        };
        let key = key.trim().to_ascii_lowercase();
        if key == "columns" {
            headers.raw_columns = Some(value.to_string());
        } else {
            apply(&mut headers, &key, value, line)?;
        }
        offset += end;
        line += 1;
    }
    Ok((headers, offset, line))
}

impl Headers {
    /// Splits the `#columns:` value into names at the table's separator.
    pub fn name_columns(&mut self, separator: char) {
        if let Some(raw) = self.raw_columns.take() {
            let names = raw.split(separator).map(|n| n.trim().to_string()).collect();
            self.column_names = Some(names);
        }
    }
}

fn apply(headers: &mut Headers, key: &str, value: &str, line: usize) -> Result<(), TableError> {
    let trimmed = value.trim();
    match key {
        "separator" => headers.separator = Some(separator(value, line)?),
        "html" => {
            headers.html = match trimmed.to_ascii_lowercase().as_str() {
                "true" => true,
                "false" => false,
                _ => {
                    return Err(TableError::BadHtmlFlag {
                        line,
                        value: trimmed.to_string(),
                    });
                }
            }
        }
        "tags" => headers
            .tags
            .extend(trimmed.split_whitespace().map(str::to_string)),
        "tags column" => headers.tags_column = Some(column_number(key, trimmed, line)?),
        "guid column" | "notetype column" | "deck column" => {
            let column = column_number(key, trimmed, line)?;
            headers.skipped_columns.push(column);
            let what = key.trim_end_matches(" column");
            headers.notes.push(format!(
                "line {line}: the {what} column (column {}) was not imported: {}",
                column + 1,
                why_skipped(what)
            ));
        }
        "notetype" | "deck" => headers.notes.push(format!(
            "line {line}: #{key}:{trimmed} was not used: {}",
            why_skipped(key)
        )),
        _ => headers.notes.push(format!(
            "line {line}: the header #{key} is not one Recap knows; it was ignored"
        )),
    }
    Ok(())
}

fn why_skipped(what: &str) -> &'static str {
    match what {
        "guid" => "Recap gives every card a new id",
        "notetype" => "every row becomes a front/back card",
        _ => "every row goes into the one deck being made",
    }
}

/// Anki's separator names, or a single character.
fn separator(value: &str, line: usize) -> Result<char, TableError> {
    let named = match value.trim().to_ascii_lowercase().as_str() {
        "tab" => Some('\t'),
        "comma" => Some(','),
        "semicolon" => Some(';'),
        "pipe" => Some('|'),
        "space" => Some(' '),
        "colon" => Some(':'),
        _ => None,
    };
    if let Some(c) = named {
        return Ok(c);
    }
    // A literal character; a lone space or tab is itself, so only trim when longer.
    let candidate = if value.chars().count() == 1 {
        value
    } else {
        value.trim()
    };
    let mut chars = candidate.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c != '"' && c != '\n' && c != '\r' => Ok(c),
        _ => Err(TableError::BadSeparator {
            line,
            value: value.to_string(),
        }),
    }
}

/// Anki's 1-based column number as a 0-based index.
fn column_number(key: &str, value: &str, line: usize) -> Result<usize, TableError> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n - 1),
        _ => Err(TableError::BadColumnNumber {
            line,
            key: key.to_string(),
            value: value.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_until_the_first_row() {
        let text = "#separator:Semicolon\n#html:true\n#tags:a b\n#tags column:3\nx;y;z\n";
        let (headers, offset, line) = read_headers(text).unwrap();
        assert_eq!(headers.separator, Some(';'));
        assert!(headers.html);
        assert_eq!(headers.tags, ["a", "b"]);
        assert_eq!(headers.tags_column, Some(2));
        assert_eq!(&text[offset..], "x;y;z\n");
        assert_eq!(line, 5);
    }

    #[test]
    fn bad_values_name_their_line() {
        assert_eq!(
            read_headers("#html:true\n#separator:xyz\n").unwrap_err(),
            TableError::BadSeparator {
                line: 2,
                value: "xyz".into()
            }
        );
    }
}
