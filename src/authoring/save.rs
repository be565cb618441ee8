//! Opening a library deck for editing and saving it back, with the fixed layout of
//! [`deck_to_ron`] (a one-card edit is a one-card diff) and every card id kept.
//!
//! Saving never loses someone else's work: it refuses to replace a file that changed since the
//! editor read it (unless the user chose to keep their version), never replaces another deck's
//! file when creating one, and never writes a file the deck reader would refuse.

use super::AuthoringError;
use super::disk::read_bytes;
use super::draft::{Draft, DraftOrigin};
use super::validate::{Severity, validate};
use crate::deck::{deck_to_ron, parse_deck};
use crate::library::{DeckOrigin, Library};
use crate::model::DeckId;
use crate::store::DataDir;
use crate::store::atomic::{write_atomic, write_new};
use rand::Rng;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveOutcome {
    pub path: PathBuf,
    /// A new file was made (a new deck, or the first save of a bundled deck's copy).
    pub created: bool,
}

/// The library deck `id`, read again from its file so the draft is based on the file's bytes
/// as they are now.
pub fn open_draft(
    library: &Library,
    id: &str,
    rng: &mut impl Rng,
) -> Result<Draft, AuthoringError> {
    let entry = library
        .find(id)
        .ok_or_else(|| AuthoringError::NoSuchDeck(id.to_string()))?;
    match &entry.origin {
        DeckOrigin::Bundled { name } => Ok(Draft::opened(
            entry.deck().clone(),
            DraftOrigin::Bundled { name },
            None,
        )),
        DeckOrigin::File(path) => {
            let unreadable = |source| AuthoringError::Unreadable {
                path: path.clone(),
                source,
            };
            let bytes = read_bytes(path)
                .map_err(unreadable)?
                .ok_or_else(|| unreadable(std::io::ErrorKind::NotFound.into()))?;
            let text = String::from_utf8_lossy(&bytes);
            let parsed = parse_deck(&text, path, rng)?;
            Ok(Draft::opened(
                parsed.deck,
                DraftOrigin::File(path.clone()),
                Some(bytes),
            ))
        }
    }
}

/// Writes the draft's deck. `overwrite` replaces a file that changed on disk since the draft
/// read it (the user chose to keep their version); otherwise that is an error and nothing is
/// written. A new deck gets an id from its title that no other deck has, and a new file.
pub fn save_draft(
    draft: &mut Draft,
    data: &DataDir,
    overwrite: bool,
    rng: &mut impl Rng,
) -> Result<SaveOutcome, AuthoringError> {
    refuse_errors(draft)?;
    if draft.is_new() {
        draft.deck.id = unused_deck_id(data, &DeckId::slug(&draft.deck.title), rng);
    }
    let text = deck_to_ron(&draft.deck);
    // The writer's output always reads; checked anyway, since a file that does not load
    // would hide the deck from the library.
    let check_path = draft
        .path()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("deck.ron"));
    parse_deck(&text, &check_path, rng)?;
    let outcome = match draft.origin.clone() {
        DraftOrigin::File(path) => {
            replace_file(draft, &path, &text, overwrite)?;
            SaveOutcome {
                path,
                created: false,
            }
        }
        DraftOrigin::New | DraftOrigin::Bundled { .. } => SaveOutcome {
            path: create_file(&data.decks(), &draft.deck.id, &text)?,
            created: true,
        },
    };
    draft.mark_saved(DraftOrigin::File(outcome.path.clone()), text.into_bytes());
    Ok(outcome)
}

/// Errors (not warnings) stop the save: the reader would refuse the file.
fn refuse_errors(draft: &Draft) -> Result<(), AuthoringError> {
    let errors: Vec<String> = validate(&draft.deck)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| {
            let card = match &i.place {
                super::Place::Title => None,
                super::Place::Card(id, _) => draft.index_of(id).map(|n| n + 1),
            };
            match card {
                Some(number) => format!("card {number}: {}", i.message),
                None => i.message,
            }
        })
        .collect();
    match errors.split_first() {
        None => Ok(()),
        Some((first, rest)) => Err(AuthoringError::Problems {
            first: first.trim_end_matches('.').to_string(),
            more: match rest.len() {
                0 => String::new(),
                n => format!(" (and {n} more)"),
            },
        }),
    }
}

fn replace_file(
    draft: &Draft,
    path: &Path,
    text: &str,
    overwrite: bool,
) -> Result<(), AuthoringError> {
    let on_disk = read_bytes(path).map_err(|source| AuthoringError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    if on_disk != draft.base_bytes && !overwrite {
        return Err(AuthoringError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    write_atomic(path, text.as_bytes()).map_err(|source| AuthoringError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `decks/<id>.ron`, or `<id>-2.ron`… when that name is taken: never replaces a file.
fn create_file(folder: &Path, id: &DeckId, text: &str) -> Result<PathBuf, AuthoringError> {
    for n in 1.. {
        let name = match n {
            1 => format!("{id}.ron"),
            n => format!("{id}-{n}.ron"),
        };
        let path = folder.join(name);
        match write_new(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(AuthoringError::Write { path, source }),
        }
    }
    unreachable!("some numbered name is free")
}

/// `wanted`, or `wanted-2`, `wanted-3`… when a deck in the library (bundled ones included) or
/// a file in the decks folder already uses it: two decks must not share progress files.
fn unused_deck_id(data: &DataDir, wanted: &DeckId, rng: &mut impl Rng) -> DeckId {
    let library = Library::load(data, rng);
    let mut taken: HashSet<String> = library.decks.iter().map(|d| d.id().to_string()).collect();
    let files = std::fs::read_dir(data.decks())
        .into_iter()
        .flatten()
        .flatten();
    taken.extend(files.filter_map(|f| {
        let path = f.path();
        path.file_stem().map(|s| s.to_string_lossy().into_owned())
    }));
    // Room is kept for the number, so it is never cut off (ids are at most 64 characters).
    let base: String = wanted.as_str().chars().take(48).collect();
    let base = base.trim_end_matches('-');
    (1..100_000)
        .filter_map(|n| match n {
            1 => Some(wanted.clone()),
            n => DeckId::new(format!("{base}-{n}")).ok(),
        })
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_else(|| wanted.clone())
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
