//! Splitting CSV-quoted text into records: fields separated by one character, quoted fields
//! may hold the separator, newlines and doubled quotes (`""` → `"`).
//!
//! Forgiving where Anki's reader is (a stray quote inside an unquoted field is text), strict
//! only where guessing would swallow the rest of the file: a quoted field that never closes.

use super::TableError;

/// One record and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// The records of `text`, whose first line is `first_line` of the file. Blank lines and
/// lines starting with `#` (Anki's comments) are left out.
pub fn split_records(
    text: &str,
    separator: char,
    first_line: usize,
) -> Result<Vec<Record>, TableError> {
    let mut splitter = Splitter {
        chars: text.chars().peekable(),
        separator,
        line: first_line,
    };
    let mut records = Vec::new();
    while let Some(record) = splitter.record()? {
        records.push(record);
    }
    Ok(records)
}

struct Splitter<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    separator: char,
    line: usize,
}

impl Splitter<'_> {
    /// The next record, skipping blank and comment lines; None at the end.
    fn record(&mut self) -> Result<Option<Record>, TableError> {
        loop {
            match self.chars.peek() {
                None => return Ok(None),
                Some('\n') => {
                    self.chars.next();
                    self.line += 1;
                }
                Some('\r') => {
                    self.chars.next();
                }
                Some('#') => self.skip_line(),
                Some(_) => break,
            }
        }
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            let (field, ended_row) = self.field()?;
            fields.push(field);
            if ended_row {
                return Ok(Some(Record { line, fields }));
            }
        }
    }

    fn skip_line(&mut self) {
        for c in self.chars.by_ref() {
            if c == '\n' {
                self.line += 1;
                return;
            }
        }
    }

    /// One field; true when it ended the record (newline or end of text).
    fn field(&mut self) -> Result<(String, bool), TableError> {
        if self.chars.peek() == Some(&'"') {
            self.chars.next();
            self.quoted_field()
        } else {
            Ok(self.plain_field(String::new()))
        }
    }

    fn plain_field(&mut self, mut text: String) -> (String, bool) {
        while let Some(c) = self.chars.next() {
            if c == self.separator {
                return (text, false);
            }
            match c {
                '\n' => {
                    self.line += 1;
                    return (text, true);
                }
                '\r' if self.chars.peek() == Some(&'\n') => {}
                _ => text.push(c),
            }
        }
        (text, true)
    }

    fn quoted_field(&mut self) -> Result<(String, bool), TableError> {
        let opened_on = self.line;
        let mut text = String::new();
        while let Some(c) = self.chars.next() {
            match c {
                '"' if self.chars.peek() == Some(&'"') => {
                    self.chars.next();
                    text.push('"');
                }
                // The closing quote; anything before the separator is kept as text.
                '"' => return Ok(self.plain_field(text)),
                '\n' => {
                    self.line += 1;
                    text.push('\n');
                }
                '\r' if self.chars.peek() == Some(&'\n') => {}
                _ => text.push(c),
            }
        }
        Err(TableError::UnclosedQuote { line: opened_on })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        split_records(text, ',', 1)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn quotes_hold_separators_newlines_and_doubled_quotes() {
        assert_eq!(
            fields("\"a, b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\n"),
            [vec!["a, b", "say \"hi\""], vec!["two\nlines", "x"]]
        );
    }

    #[test]
    fn records_know_their_line_and_skip_comments() {
        let records = split_records("# note\n\n\"a\nb\",c\nd,e", ',', 1).unwrap();
        assert_eq!(records[0].line, 3);
        assert_eq!(records[1].line, 5);
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opened_on() {
        assert_eq!(
            split_records("a,b\nc,\"oops\nd,e\n", ',', 1),
            Err(TableError::UnclosedQuote { line: 2 })
        );
    }
}
