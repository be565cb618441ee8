//! What can go wrong with progress files, said so that the user knows which file and what to do.

use crate::deck::Location;
use std::io;
use std::path::{Path, PathBuf};

/// The one error type of the progress store.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// A snapshot or journal that cannot be read as progress. It is left exactly as it is: the
    /// deck can be opened read-only, or the user can [`set_aside`](super::set_aside) the file.
    #[error(
        "{}:{}:{}: {message}. Hint: {hint}. Recap has not changed this file: open the deck \
         read-only, or set the file aside (it is renamed, not deleted) to study from the rest.",
        file.display(), at.line, at.column
    )]
    Corrupt {
        file: PathBuf,
        at: Location,
        message: String,
        hint: String,
    },

    /// Reading or writing a file failed (permissions, disk full, a folder missing, ...).
    #[error("{}: could not {action}: {source}. Hint: check that the folder exists, is writable and the disk is not full.", file.display())]
    Io {
        file: PathBuf,
        action: &'static str,
        source: io::Error,
    },

    /// Another window or process of Recap already writes this deck's journal on this machine.
    #[error(
        "{}: another Recap window is already studying this deck with this data folder. Hint: \
         close the other window, or open this deck read-only here.",
        file.display()
    )]
    InUse { file: PathBuf },

    /// The device id given by `RECAP_DEVICE_ID` or found in the device registry is unusable.
    #[error("{}: device id {id:?} is not usable: {reason}. Hint: use 1 to 32 letters, digits, '-' or '_'.", file.display())]
    BadDeviceId {
        file: PathBuf,
        id: String,
        reason: String,
    },
}

impl ProgressError {
    pub(crate) fn io(file: &Path, action: &'static str) -> impl FnOnce(io::Error) -> ProgressError {
        let file = file.to_path_buf();
        move |source| ProgressError::Io {
            file,
            action,
            source,
        }
    }

    pub(crate) fn corrupt(
        file: &Path,
        at: Location,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> ProgressError {
        ProgressError::Corrupt {
            file: file.to_path_buf(),
            at,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The damaged file, when this error is about one: the caller offers to open the deck
    /// read-only or to set this file aside.
    pub fn corrupt_file(&self) -> Option<&Path> {
        match self {
            ProgressError::Corrupt { file, .. } => Some(file),
            _ => None,
        }
    }
}

/// Something the caller should tell the user about, though loading went on: a located
/// problem like any deck problem (FILE:LINE:COLUMN: message).
pub type Warning = crate::deck::Problem;
