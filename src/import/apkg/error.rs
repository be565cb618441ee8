//! Why an Anki package cannot be imported. Every message names the file, says what is wrong
//! with it and what to do; nothing is written when one is returned.

use std::path::PathBuf;

/// What to tell people whose package Recap cannot read.
const EXPORT_AGAIN: &str =
    "In Anki, use File > Export… > \"Anki Deck Package (*.apkg)\" and import that file";

#[derive(Debug, thiserror::Error)]
pub enum ApkgError {
    #[error("{}: cannot read the file: {source}. Check that it exists and can be read.", file.display())]
    Unreadable {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: this is not an Anki package: {reason}. {EXPORT_AGAIN}.", file.display())]
    NotAPackage { file: PathBuf, reason: String },
    #[error("{}: the package's {part} is damaged: {reason}. {EXPORT_AGAIN} again.", file.display())]
    Damaged {
        file: PathBuf,
        part: String,
        reason: String,
    },
    #[error("{}: the package's {part} is larger than {limit_mb} MB once unpacked; Recap does not import packages that large. Export fewer decks at a time from Anki.", file.display())]
    TooLarge {
        file: PathBuf,
        part: String,
        limit_mb: u64,
    },
    #[error("{}: the package was made by a newer Anki ({what}) than Recap reads. In Anki's export dialog, tick \"Support older Anki versions\" and export again.", file.display())]
    TooNew { file: PathBuf, what: String },
    #[error("{}: the collection inside does not look like Anki's: {reason}. {EXPORT_AGAIN}.", file.display())]
    Schema { file: PathBuf, reason: String },
    #[error("{}: no note could be made into a card ({reason}). Recap imports Basic, reversed and Cloze notes with text on both sides.", file.display())]
    NoCards { file: PathBuf, reason: String },
}
