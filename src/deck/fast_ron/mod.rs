//! A fast reader for the plain part of RON that Recap writes: deck files and progress files.
//!
//! Why: the `ron` crate reads about 15–55 MB/s here, so a 100,000-card deck (35 MB) took over
//! half a second to open and its snapshot (16 MB) most of another. What Recap writes is a
//! narrow, regular subset of RON (structs `(a: 1, b: x)`, unit enum variants,
//! `Some(..)`/`None` or implicit `Some`, numbers, strings with simple escapes, lists and maps),
//! which this serde deserializer reads an order of magnitude faster.
//!
//! It is only a fast path: anything it does not know (comments, `\u{..}` escapes, raw strings,
//! struct names, hex numbers, unknown fields, ...) makes it give up, and the caller parses the
//! same text again with `ron`, which stays the authority on meaning and reports errors with
//! their line and column. So a file this reader accepts is one `ron` reads the same way.

mod de;
mod lexer;
#[cfg(test)]
mod tests;

use serde::de::Deserialize;

/// The fast path gave up; the caller falls back to `ron` for the verdict and the location.
#[derive(Debug)]
pub struct GaveUp;

impl std::fmt::Display for GaveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not in the fast RON subset")
    }
}

impl std::error::Error for GaveUp {}

impl serde::de::Error for GaveUp {
    fn custom<T: std::fmt::Display>(_: T) -> GaveUp {
        GaveUp
    }
}

/// Reads one value of type `T` filling all of `text` (surrounding whitespace allowed), as
/// plain `ron::Options::default()` would (a leading `#![enable(implicit_some)]` is honoured).
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, GaveUp> {
    read(text, false)
}

/// As [`from_str`] with ron's `IMPLICIT_SOME` extension on, as deck files are read.
pub fn from_str_implicit_some<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, GaveUp> {
    read(text, true)
}

fn read<'a, T: Deserialize<'a>>(text: &'a str, implicit_some: bool) -> Result<T, GaveUp> {
    let mut reader = lexer::Reader::new(text, implicit_some);
    let value = T::deserialize(&mut reader)?;
    if reader.at_end() {
        Ok(value)
    } else {
        Err(GaveUp)
    }
}
