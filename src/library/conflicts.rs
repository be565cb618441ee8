//! Deck files a sync tool duplicated: when two machines (or a machine and a teacher's text
//! editor) changed the same deck before syncing, Syncthing, Dropbox, Nextcloud or git keep both
//! versions, one under a conflict-copy name. The library never loads such a copy as a deck (its
//! id would clash with the original's) and never drops it silently: it lists it, and the user
//! keeps the original, takes the copy, or merges both. Nothing is deleted: the version not
//! kept is renamed beside it with a suffix that no longer ends in `.ron`.

use crate::deck::{DeckError, Location, Problem, deck_to_ron, parse_deck};
use crate::model::{Deck, Timestamp};
use crate::store::progress::SyncTool;
use crate::store::write_atomic;
use rand::Rng;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A conflict copy of a deck file, and the file it copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckConflict {
    pub copy: PathBuf,
    /// Where the original is (or was: it may be missing).
    pub original: PathBuf,
    pub tool: SyncTool,
}

/// What the user chose for a conflict copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Keep the original; the copy is set aside.
    KeepOriginal,
    /// The copy becomes the deck; the original is set aside.
    UseCopy,
    /// The original gains the copy's cards it lacks (matched by card id); the copy is set aside.
    Merge,
}

impl DeckConflict {
    /// "kim.ron (conflicted copy).ron" for messages.
    pub fn copy_name(&self) -> String {
        file_name(&self.copy)
    }

    pub fn original_name(&self) -> String {
        file_name(&self.original)
    }

    /// Carries out `how`; returns what was done, for the library's message.
    pub fn resolve(
        &self,
        how: Resolution,
        now: Timestamp,
        rng: &mut impl Rng,
    ) -> Result<String, DeckError> {
        match how {
            Resolution::KeepOriginal => {
                let aside = set_aside(&self.copy, "kept-original", now)?;
                Ok(format!(
                    "Kept {}; the copy is now {}.",
                    self.original_name(),
                    file_name(&aside)
                ))
            }
            Resolution::UseCopy => {
                let aside = if self.original.exists() {
                    Some(set_aside(&self.original, "replaced", now)?)
                } else {
                    None
                };
                std::fs::rename(&self.copy, &self.original)
                    .map_err(|e| io_problem(&self.copy, "rename the copy", e))?;
                Ok(match aside {
                    Some(aside) => format!(
                        "{} now holds the copy; the former version is {}.",
                        self.original_name(),
                        file_name(&aside)
                    ),
                    None => format!("{} now holds the copy.", self.original_name()),
                })
            }
            Resolution::Merge => self.merge(now, rng),
        }
    }

    fn merge(&self, now: Timestamp, rng: &mut impl Rng) -> Result<String, DeckError> {
        let original = read_deck(&self.original, rng)?;
        let copy = read_deck(&self.copy, rng)?;
        let (merged, added) = merged(original, &copy);
        write_atomic(&self.original, deck_to_ron(&merged).as_bytes())
            .map_err(|e| io_problem(&self.original, "save the merged deck", e))?;
        let aside = set_aside(&self.copy, "merged", now)?;
        Ok(format!(
            "Merged: {added} cards of the copy added to {}; the copy is now {}.",
            self.original_name(),
            file_name(&aside)
        ))
    }
}

/// `original` plus the cards of `copy` whose ids it does not have, in the copy's order at the
/// end. A card both have keeps the original's text. Returns the deck and how many were added.
pub fn merged(mut original: Deck, copy: &Deck) -> (Deck, usize) {
    let known: HashSet<_> = original.cards.iter().map(|c| c.id.clone()).collect();
    let new: Vec<_> = copy
        .cards
        .iter()
        .filter(|c| !known.contains(&c.id))
        .cloned()
        .collect();
    let added = new.len();
    original.cards.extend(new);
    (original, added)
}

fn read_deck(path: &Path, rng: &mut impl Rng) -> Result<Deck, DeckError> {
    let text = super::read_text(path)?;
    Ok(parse_deck(&text, path, rng)?.deck)
}

/// Renames `path` to `<name>.<why>-<millis>` (numbered if taken); never replaces a file.
fn set_aside(path: &Path, why: &str, now: Timestamp) -> Result<PathBuf, DeckError> {
    let name = file_name(path);
    for attempt in 0.. {
        let number = if attempt == 0 {
            String::new()
        } else {
            format!("-{attempt}")
        };
        let target = path.with_file_name(format!("{name}.{why}-{}{number}", now.millis()));
        match std::fs::hard_link(path, &target) {
            Ok(()) => {
                std::fs::remove_file(path).map_err(|e| io_problem(path, "set it aside", e))?;
                return Ok(target);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_problem(path, "set it aside", e)),
        }
    }
    unreachable!("some numbered name is always free")
}

fn io_problem(path: &Path, what: &str, error: std::io::Error) -> DeckError {
    Problem::new(
        path,
        Location::START,
        format!("could not {what}: {error}"),
        "check that the decks folder can be written",
    )
    .into()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
