//! Writing decks: the deck being edited with undo/redo, its problems per card and field, and
//! saving it back to its file without losing a card id or someone else's edit.
//!
//! Pure except for [`save`] and [`disk`], which go through the store's safe writes. The
//! editor screen only draws this and turns clicks into calls here.

pub mod disk;
pub mod draft;
mod export;
mod history;
pub mod save;
pub mod validate;

pub use disk::DiskCheck;
pub use draft::{CardField, DeckField, Draft, DraftOrigin, EditKey};
pub use export::export_deck;
pub use save::{SaveOutcome, open_draft, save_draft};
pub use validate::{Issue, Place, Severity, validate};

use std::path::PathBuf;

/// Why a deck could not be opened for editing or saved. Nothing on disk changed when one of
/// these is returned.
#[derive(Debug, thiserror::Error)]
pub enum AuthoringError {
    #[error("{}: cannot read the deck: {source}. Check that the file exists and can be read.", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(#[from] crate::deck::DeckError),
    #[error("{}: the file changed on disk since it was opened. Choose \"Keep my changes\" to overwrite it, or \"Load the file's version\".", path.display())]
    ChangedOnDisk { path: PathBuf },
    #[error("not saved: {first}{more}. Fix what is marked in red, then save again.")]
    Problems { first: String, more: String },
    #[error("{}: cannot write the deck: {source}. Check that the decks folder can be written.", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Export(#[from] crate::export::ExportError),
    #[error("no deck {0:?} in the library")]
    NoSuchDeck(String),
}
