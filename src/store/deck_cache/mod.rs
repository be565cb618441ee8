//! A deck file's cards, kept in a binary file beside the app's other caches so that opening a
//! big deck reads no RON and copies no text.
//!
//! Why: reading and parsing a 100,000-card deck file (37 MB of RON) takes a few hundred
//! milliseconds, most of it spent touching fresh memory for its text. The cache is mapped into
//! memory instead: cards point into it (see [`crate::model::Text`]), so only the pages of the
//! cards shown are ever read.
//!
//! Trust: a cache is used only while the deck file has the length, modification time and
//! inode it had when the cache was made ([`FileKey`]), and only for files that had not
//! changed for a few seconds when it was made (see [`FileKey::is_settled`]). Anything else in
//! the cache that does not add up (a damaged header or table) makes it ignored; the deck file
//! is then parsed as usual and the cache made again. The cache is never the only copy of
//! anything: deleting the cache folder loses nothing.
//!
//! Mapping: a cache file is replaced by renaming a new one over it, never rewritten in place,
//! so a mapped cache never changes under the reader.

mod layout;
mod study_cards;

pub use layout::MappedDeck;
pub use study_cards::CachedStudyCards;

use super::cache_bytes::{cache_file_for, map_cache};
use super::{FileKey, write_atomic};
use crate::model::{Deck, SharedBytes};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where the cache of `deck_file` lives in `cache_dir`.
pub fn cache_file(cache_dir: &Path, deck_file: &Path) -> PathBuf {
    cache_file_for(&cache_dir.join("decks"), deck_file)
}

/// The deck cached for `deck_file`, when there is a cache and the file is unchanged since.
pub fn load(cache_dir: &Path, deck_file: &Path) -> Option<MappedDeck> {
    let key = FileKey::of(deck_file)?;
    let map = map_cache(&cache_file(cache_dir, deck_file))?;
    if layout::key_of(&map)? != key {
        return None;
    }
    MappedDeck::open(SharedBytes::new(map))
}

/// Caches `deck`, read from `deck_file` whose key was `key` before it was read. Nothing is
/// written for a file that changed too recently to be told apart from a later change
/// (returns false). A failure to write is not the user's problem: the deck was read.
pub fn save(cache_dir: &Path, deck_file: &Path, key: FileKey, deck: &Deck) -> bool {
    if !key.is_settled(SystemTime::now()) {
        return false;
    }
    let Some(bytes) = layout::encode(deck, key) else {
        return false;
    };
    write_atomic(&cache_file(cache_dir, deck_file), &bytes).is_ok()
}

/// Deletes the caches of deck files that are gone (`deck_files` are those that exist): a
/// cache is ours, never the only copy of anything, and would otherwise stay forever.
pub fn prune(cache_dir: &Path, deck_files: &[PathBuf]) {
    let Ok(entries) = std::fs::read_dir(cache_dir.join("decks")) else {
        return;
    };
    let kept: Vec<PathBuf> = deck_files
        .iter()
        .map(|file| cache_file(cache_dir, file))
        .collect();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "cache") && !kept.contains(&path) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests;
