//! Writing a tag into one card of a deck file (a leech gets `leech`), changing nothing else.

use super::read_text;
use crate::deck::{DeckError, Location, Problem, TagEdit, parse_deck, with_card_tag};
use crate::model::{CardId, Deck};
use crate::store::write_atomic;
use std::path::Path;

/// The tag a card gets at its leech threshold's lapse, as in Anki.
pub const LEECH_TAG: &str = "leech";

/// What [`tag_card_in_file`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagWritten {
    Added,
    AlreadyThere,
}

/// Adds `tag` to `card` in the deck file at `path`: only that card's `tags` list changes.
///
/// Refuses, writing nothing, when the file on disk no longer holds `loaded` (the deck as it was
/// read and is being studied): someone edited it meanwhile, and their edit is not ours to mix
/// with. The caller tells the learner and goes on; the answer itself is saved elsewhere.
pub fn tag_card_in_file(
    path: &Path,
    loaded: &Deck,
    card: &CardId,
    tag: &str,
) -> Result<TagWritten, DeckError> {
    let text = read_text(path)?;
    let changed = || -> DeckError {
        Problem::new(
            path,
            Location::START,
            "the deck file changed on disk since it was loaded, so it was left as it is",
            format!("add \"{tag}\" to the card's tags by hand, or reload the library"),
        )
        .into()
    };
    // Every card has its id in the file by now (written before studying), so no id is made
    // up here and the randomness is unused.
    let on_disk = parse_deck(&text, path, &mut rand::rng()).map_err(|_| changed())?;
    if !on_disk.assigned.is_empty() || on_disk.deck != *loaded {
        return Err(changed());
    }
    match with_card_tag(&text, card, tag).ok_or_else(changed)? {
        TagEdit::AlreadyThere => Ok(TagWritten::AlreadyThere),
        TagEdit::Added(new_text) => {
            write_atomic(path, new_text.as_bytes()).map_err(|e| {
                DeckError::from(Problem::new(
                    path,
                    Location::START,
                    format!("cannot save the tag: {e}"),
                    "check that the file can be written",
                ))
            })?;
            Ok(TagWritten::Added)
        }
    }
}
