//! A card's text, either its own string or a slice of bytes shared by many cards.
//!
//! Why: a 100,000-card deck holds about 30 MB of text. Giving every question and answer its
//! own allocation costs more than everything else in opening a deck (mostly the first touch
//! of fresh memory). A deck read from its cache instead points into the cache file, mapped
//! into memory, so opening touches only the pages of the cards that are shown (see
//! `store::deck_cache`). The model knows nothing of files: the shared bytes are anything that
//! can lend a byte slice.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Shown instead of shared bytes that are not valid UTF-8 (a damaged cache file).
pub const UNREADABLE_TEXT: &str = "\u{FFFD}";

/// Bytes that many texts point into, e.g. a mapped cache file. Its contents never change
/// while it is shared (the cache is replaced by renaming, never rewritten in place).
pub struct SharedBytes {
    bytes: Box<dyn AsRef<[u8]> + Send + Sync>,
}

impl SharedBytes {
    pub fn new(bytes: impl AsRef<[u8]> + Send + Sync + 'static) -> Arc<SharedBytes> {
        Arc::new(SharedBytes {
            bytes: Box::new(bytes),
        })
    }

    pub fn bytes(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }
}

impl fmt::Debug for SharedBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedBytes({} bytes)", self.bytes().len())
    }
}

/// Text that reads like a `&str` (it derefs to one) and is cheap to clone.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Own(Box<str>),
    Shared {
        bytes: Arc<SharedBytes>,
        start: u32,
        len: u32,
    },
}

impl Text {
    /// The bytes `start..start + len` of `bytes`, or None when they are out of range. They are
    /// checked to be UTF-8 when read, so a damaged cache shows [`UNREADABLE_TEXT`], never
    /// garbage and never a crash.
    pub fn shared(bytes: &Arc<SharedBytes>, start: u32, len: u32) -> Option<Text> {
        let end = start.checked_add(len)? as usize;
        if end > bytes.bytes().len() {
            return None;
        }
        Some(Text(Repr::Shared {
            bytes: Arc::clone(bytes),
            start,
            len,
        }))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Own(text) => text,
            Repr::Shared { bytes, start, len } => {
                let start = *start as usize;
                let slice = &bytes.bytes()[start..start + *len as usize];
                std::str::from_utf8(slice).unwrap_or(UNREADABLE_TEXT)
            }
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text {
    fn default() -> Text {
        Text(Repr::Own(Box::from("")))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Repr::Own(text.into_boxed_str()))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Repr::Own(Box::from(text)))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text::from(text.as_str())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        match text.0 {
            Repr::Own(own) => own.into_string(),
            Repr::Shared { .. } => text.as_str().to_owned(),
        }
    }
}

impl From<&Text> for String {
    fn from(text: &Text) -> String {
        text.as_str().to_owned()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_text_reads_its_slice_and_compares_like_owned_text() {
        let bytes = SharedBytes::new(b"Q: where?A: Seoul".to_vec());
        let answer = Text::shared(&bytes, 9, 8).unwrap();
        assert_eq!(answer, "A: Seoul");
        assert_eq!(answer.as_str(), "A: Seoul");
        assert_eq!(answer, Text::from("A: Seoul"));
        assert_eq!(String::from(answer.clone()), "A: Seoul");
        assert_eq!(format!("{answer:?}"), "\"A: Seoul\"");
    }

    #[test]
    fn out_of_range_slices_are_refused_and_bad_bytes_read_as_a_marker() {
        let bytes = SharedBytes::new(vec![b'o', b'k', 0xFF, 0xFE]);
        assert!(Text::shared(&bytes, 3, 2).is_none());
        assert!(Text::shared(&bytes, u32::MAX, 2).is_none());
        assert_eq!(Text::shared(&bytes, 0, 2).unwrap(), "ok");
        assert_eq!(Text::shared(&bytes, 1, 3).unwrap(), UNREADABLE_TEXT);
    }
}
