//! The tokens of the fast RON subset: whitespace, punctuation, identifiers, numbers, strings.
//! Anything outside the subset is [`GaveUp`], never a guess.

use super::GaveUp;
use std::borrow::Cow;

pub(super) type Result<T> = std::result::Result<T, GaveUp>;

/// The attribute deck files start with; the only one the fast path knows.
const IMPLICIT_SOME_ATTRIBUTE: &str = "#![enable(implicit_some)]";

pub(super) struct Reader<'a> {
    pub text: &'a [u8],
    pub source: &'a str,
    pub pos: usize,
    /// `short: "x"` reads as `Some("x")`, as with ron's `IMPLICIT_SOME`.
    pub implicit_some: bool,
}

impl<'a> Reader<'a> {
    pub fn new(source: &'a str, implicit_some: bool) -> Reader<'a> {
        let mut reader = Reader {
            text: source.as_bytes(),
            source,
            pos: 0,
            implicit_some,
        };
        reader.skip_space();
        if reader.rest().starts_with(IMPLICIT_SOME_ATTRIBUTE) {
            reader.pos += IMPLICIT_SOME_ATTRIBUTE.len();
            reader.implicit_some = true;
        }
        reader
    }

    fn rest(&self) -> &'a str {
        &self.source[self.pos..]
    }

    pub fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.text.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next significant byte, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.pos).copied()
    }

    pub fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GaveUp)
        }
    }

    /// Consumes `byte` if it comes next.
    pub fn accept(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes the identifier `word` if it comes next as a whole word.
    pub fn accept_word(&mut self, word: &str) -> bool {
        self.skip_space();
        let end = self.pos + word.len();
        let found = self.rest().starts_with(word) && !self.text.get(end).is_some_and(is_word_byte);
        if found {
            self.pos = end;
        }
        found
    }

    pub fn identifier(&mut self) -> Result<&'a str> {
        self.skip_space();
        let start = self.pos;
        while self.text.get(self.pos).is_some_and(is_word_byte) {
            self.pos += 1;
        }
        let word = &self.source[start..self.pos];
        // Non-ASCII identifiers, `r#raw` ones and numbers are left to `ron`.
        if word.is_empty()
            || !word.is_ascii()
            || word.as_bytes()[0].is_ascii_digit()
            || word == "r" && self.text.get(self.pos) == Some(&b'#')
        {
            return Err(GaveUp);
        }
        Ok(word)
    }

    /// A number as written: sign, digits, '.', exponent. Parsing is left to the caller.
    fn number_token(&mut self) -> Result<&'a str> {
        self.skip_space();
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.text.get(self.pos) {
            self.pos += 1;
        }
        let token = &self.source[start..self.pos];
        let digits = token.trim_start_matches('-');
        // Leading zeros (`007`) and signs other than a leading '-' are `ron`'s to judge.
        if token.is_empty()
            || token.starts_with('+')
            || digits.len() > 1 && digits.starts_with('0') && digits.as_bytes()[1].is_ascii_digit()
        {
            Err(GaveUp)
        } else {
            Ok(token)
        }
    }

    pub fn integer<T: std::str::FromStr>(&mut self) -> Result<T> {
        let token = self.number_token()?;
        if token.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            return Err(GaveUp);
        }
        token.parse().map_err(|_| GaveUp)
    }

    pub fn float<T: std::str::FromStr>(&mut self) -> Result<T> {
        let token = self.number_token()?;
        if token.starts_with('.') || token.ends_with('.') {
            return Err(GaveUp);
        }
        token.parse().map_err(|_| GaveUp)
    }

    /// A string literal: borrowed when it has no escapes, unescaped otherwise. Only the
    /// escapes the deck writer produces (and `\'`, `\0`) are known; `\u{..}`, `\x..` and line
    /// continuations go to `ron`.
    pub fn string(&mut self) -> Result<Cow<'a, str>> {
        self.expect(b'"')?;
        let start = self.pos;
        // `find` and `contains` on bytes are memchr-fast: most strings have no escape.
        let end = start + self.rest().find('"').ok_or(GaveUp)?;
        if !self.text[start..end].contains(&b'\\') {
            self.pos = end + 1;
            return Ok(Cow::Borrowed(&self.source[start..end]));
        }
        let mut out = String::with_capacity(end - start);
        loop {
            let next = self.pos + self.rest().find(['"', '\\']).ok_or(GaveUp)?;
            out.push_str(&self.source[self.pos..next]);
            self.pos = next + 1;
            if self.text[next] == b'"' {
                return Ok(Cow::Owned(out));
            }
            out.push(match self.text.get(self.pos) {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'\'') => '\'',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'0') => '\0',
                _ => return Err(GaveUp),
            });
            self.pos += 1;
        }
    }

    pub fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }
}

/// Bytes `ron` may read as part of an identifier (any non-ASCII byte counts: a word with one
/// is not a word this reader knows).
fn is_word_byte(byte: &u8) -> bool {
    byte.is_ascii_alphanumeric() || *byte == b'_' || *byte >= 0x80
}
