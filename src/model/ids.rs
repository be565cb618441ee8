//! Stable ids for decks and cards.
//!
//! Ids are short random strings, never derived from a card's text: editing a question or moving
//! it must never detach its progress, which is keyed by id.
//!
//! Held as small strings ([`SmolStr`]: up to 23 bytes inline, no allocation): a big deck and
//! its progress hold 200,000 ids, and giving each its own allocation was a large part of
//! opening one.

use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::fmt;

/// Why a string cannot be an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("an id cannot be empty")]
    Empty,
    #[error("an id is at most {max} characters long, this one has {len}")]
    TooLong { len: usize, max: usize },
    #[error("an id may hold only a-z, A-Z, 0-9, '-' and '_', not {found:?}")]
    BadCharacter { found: char },
}

/// The longest id accepted; ids name files, so they stay short.
pub const MAX_ID_LEN: usize = 64;

/// Ends the id of a card's reversed side (`<card-id>~rev`, see [`CardId::reversed`]). '~' is
/// not allowed in any other id, so a derived id can never be a real card's.
pub const REVERSED_MARKER: &str = "~rev";

fn check_id(text: &str) -> Result<(), IdError> {
    // The common case, byte by byte: a big deck and its progress hold 200,000 ids.
    let plain = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_';
    if !text.is_empty() && text.len() <= MAX_ID_LEN && text.as_bytes().iter().all(plain) {
        return Ok(());
    }
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    let len = text.chars().count();
    if len > MAX_ID_LEN {
        return Err(IdError::TooLong {
            len,
            max: MAX_ID_LEN,
        });
    }
    match text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        Some(found) => Err(IdError::BadCharacter { found }),
        None => Ok(()),
    }
}

/// A card id: a plain id, or a plain id and [`REVERSED_MARKER`] (progress files hold those).
fn check_card_id(text: &str) -> Result<(), IdError> {
    check_id(text.strip_suffix(REVERSED_MARKER).unwrap_or(text))
}

/// A map keyed by card id, hashed with foldhash: progress holds one entry per card (100,000 in
/// a big deck), and std's SipHash (made to resist hash flooding from untrusted input, which
/// progress files are not) was a good part of opening one.
pub type CardMap<V> = std::collections::HashMap<CardId, V, foldhash::fast::FixedState>;

/// `text` as a small string: a plain copy when it fits inline (what ids almost always do),
/// which is several times cheaper than `SmolStr::new`'s general path.
fn small(text: &str) -> SmolStr {
    if text.len() <= 23 {
        SmolStr::new_inline(text)
    } else {
        SmolStr::new(text)
    }
}

/// Letters for generated ids: lowercase and digits, without look-alikes (0/o, 1/l).
const ID_ALPHABET: &[u8] = b"23456789abcdefghijkmnpqrstuvwxyz";
/// Length of a generated card id: 32^6 ≈ 10^9 ids, ample for one deck.
const GENERATED_CARD_ID_LEN: usize = 6;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $check:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(SmolStr);

        impl $name {
            /// Accepts `text` when it is a valid id.
            pub fn new(text: impl AsRef<str>) -> Result<Self, IdError> {
                let text = text.as_ref();
                $check(text)?;
                Ok(Self(small(text)))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(text: String) -> Result<Self, IdError> {
                Self::new(text)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.into()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// Identifies a deck in the library; also names its progress files.
    DeckId,
    check_id
);
id_type!(
    /// Identifies a card within its deck; progress is keyed by it. The reversed side of a card
    /// studied both ways has the derived id [`CardId::reversed`].
    CardId,
    check_card_id
);

impl CardId {
    /// The id of this card's reversed side (back → front), which has progress of its own:
    /// `<id>~rev`. Derived, never stored in a deck file, so it stays stable as long as the
    /// card's id does.
    pub fn reversed(&self) -> CardId {
        if self.is_reversed() {
            return self.clone();
        }
        CardId(SmolStr::new(format!("{}{REVERSED_MARKER}", self.0)))
    }

    /// Whether this is the id of a reversed side.
    pub fn is_reversed(&self) -> bool {
        self.0.ends_with(REVERSED_MARKER)
    }

    /// The id of the card itself: the id without [`REVERSED_MARKER`].
    pub fn forward(&self) -> CardId {
        match self.0.strip_suffix(REVERSED_MARKER) {
            Some(base) => CardId(SmolStr::new(base)),
            None => self.clone(),
        }
    }

    /// A fresh random id that `is_taken` rejects for no existing card.
    pub fn generate(rng: &mut impl Rng, is_taken: impl Fn(&str) -> bool) -> CardId {
        loop {
            let text: String = (0..GENERATED_CARD_ID_LEN)
                .map(|_| ID_ALPHABET[rng.random_range(0..ID_ALPHABET.len())] as char)
                .collect();
            if !is_taken(&text) {
                return CardId(SmolStr::new(text));
            }
        }
    }
}

impl DeckId {
    /// A readable id from a title or file name: lowercase words joined by '-', at most 48
    /// characters, cut at a word boundary. Falls back to "deck" when nothing is left.
    pub fn slug(text: &str) -> DeckId {
        const MAX_SLUG: usize = 48;
        let mut slug = String::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let word: String = word
                .chars()
                .flat_map(char::to_lowercase)
                .filter(char::is_ascii_alphanumeric)
                .collect();
            if word.is_empty() {
                continue;
            }
            let extra = word.len() + usize::from(!slug.is_empty());
            if slug.len() + extra > MAX_SLUG {
                if slug.is_empty() {
                    slug = word[..MAX_SLUG].to_string();
                }
                break;
            }
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(&word);
        }
        if slug.is_empty() {
            slug.push_str("deck");
        }
        DeckId(SmolStr::new(slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn ids_accept_short_safe_strings_only() {
        assert!(CardId::new("a1-b_2").is_ok());
        assert_eq!(CardId::new(""), Err(IdError::Empty));
        assert_eq!(
            CardId::new("a b"),
            Err(IdError::BadCharacter { found: ' ' })
        );
        assert!(matches!(
            CardId::new("x".repeat(65)),
            Err(IdError::TooLong { .. })
        ));
    }

    #[test]
    fn reversed_ids_are_derived_and_only_card_ids_take_the_marker() {
        let id = CardId::new("q7mx2a").unwrap();
        let reversed = id.reversed();
        assert_eq!(reversed.as_str(), "q7mx2a~rev");
        assert!(reversed.is_reversed() && !id.is_reversed());
        assert_eq!(reversed.forward(), id);
        assert_eq!(reversed.reversed(), reversed);
        assert_eq!(CardId::new("q7mx2a~rev"), Ok(reversed));
        assert!(CardId::new("~rev").is_err());
        assert!(CardId::new("a~b").is_err());
        assert!(DeckId::new("d~rev").is_err());
    }

    #[test]
    fn generated_ids_avoid_taken_ones_and_are_reproducible() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let first = CardId::generate(&mut rng, |_| false);
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let again = CardId::generate(&mut rng, |t| t == first.as_str());
        assert_ne!(first, again);
        assert_eq!(first.as_str().len(), GENERATED_CARD_ID_LEN);
        assert!(CardId::new(first.as_str()).is_ok());
    }

    #[test]
    fn slugs_are_readable_and_bounded() {
        assert_eq!(
            DeckId::slug("Kim–Putin Letters!").as_str(),
            "kim-putin-letters"
        );
        assert_eq!(DeckId::slug("  ").as_str(), "deck");
        assert_eq!(DeckId::slug("김정은").as_str(), "deck");
        assert!(DeckId::slug(&"word ".repeat(40)).as_str().len() <= 48);
    }
}
