//! Noticing that the deck's file changed behind the editor (a teacher saved it in a text
//! editor, or a sync tool delivered another machine's version).
//!
//! Each look costs one `stat`; the file is read only when its size or time moved, and it
//! counts as changed only when its bytes differ from those the draft is based on (a `touch`
//! is not a change).

use super::draft::Draft;
use crate::deck::{DeckError, parse_deck};
use crate::model::Deck;
use rand::Rng;
use std::path::Path;
use std::time::SystemTime;

/// A file's size and modification time.
pub(crate) type Fingerprint = (u64, Option<SystemTime>);

/// The file's fingerprint now; None when it is missing or cannot be looked at.
pub(crate) fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// The file's bytes now: Ok(None) when it does not exist.
pub(crate) fn read_bytes(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// What the file holds now, when it differs from what the draft is based on.
#[derive(Debug, Clone)]
pub enum DiskCheck {
    /// The file's new version, read as a deck.
    Changed { deck: Deck, bytes: Vec<u8> },
    /// The file changed but does not read as a deck (the teacher is mid-edit, or made a
    /// mistake): the problems, to show; the editor keeps its version.
    Unreadable { error: DeckError, bytes: Vec<u8> },
    /// The file was deleted or moved away.
    Removed,
}

impl DiskCheck {
    /// The bytes the file holds now (None: no file).
    pub fn bytes(&self) -> Option<Vec<u8>> {
        match self {
            DiskCheck::Changed { bytes, .. } | DiskCheck::Unreadable { bytes, .. } => {
                Some(bytes.clone())
            }
            DiskCheck::Removed => None,
        }
    }
}

impl Draft {
    /// Looks at the deck's file; Some when it now differs from what the draft is based on.
    /// Reports a change once: the next call is None until the file moves again. A deck not
    /// saved to a file yet never changes on disk.
    pub fn poll_disk(&mut self, rng: &mut impl Rng) -> Option<DiskCheck> {
        let path = self.path()?.clone();
        let now = fingerprint(&path);
        if now == self.seen {
            return None;
        }
        self.seen = now;
        let bytes = read_bytes(&path).ok()?;
        if bytes == self.base_bytes {
            return None;
        }
        Some(match bytes {
            None => DiskCheck::Removed,
            Some(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                match parse_deck(&text, &path, rng) {
                    Ok(parsed) => DiskCheck::Changed {
                        deck: parsed.deck,
                        bytes,
                    },
                    Err(error) => DiskCheck::Unreadable { error, bytes },
                }
            }
        })
    }
}
