//! Writing decks in other tools' formats. Pure: a deck in, text or bytes out; the caller
//! writes them.
//!
//! CSV/TSV carry Anki's text-export headers, so Anki's "Import File" reads front, back and
//! tags without the user mapping columns, and Recap's own importer reads them back. An Anki
//! package (.apkg) carries notes, both-ways cards and tags.

pub mod apkg;
mod table_text;

pub use apkg::{BASIC_ID, REVERSED_ID, deck_to_apkg};
pub use table_text::{deck_to_table_text, left_out_of_apkg, left_out_of_table};

use std::path::{Path, PathBuf};

/// The formats a deck can be exported to, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Tsv,
    /// An Anki package.
    Apkg,
}

impl ExportFormat {
    /// The field separator of a table format (a package has none; tab is never used there).
    pub fn separator(self) -> char {
        match self {
            ExportFormat::Csv => ',',
            ExportFormat::Tsv | ExportFormat::Apkg => '\t',
        }
    }

    /// The format an output path asks for.
    pub fn from_path(path: &Path) -> Result<ExportFormat, ExportError> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("csv") => Ok(ExportFormat::Csv),
            Some("tsv" | "txt") => Ok(ExportFormat::Tsv),
            Some("apkg") => Ok(ExportFormat::Apkg),
            _ => Err(ExportError::UnknownFormat {
                file: path.to_path_buf(),
            }),
        }
    }
}

/// Why a deck cannot be exported as asked.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{}: Recap cannot tell the format from this name. End the file name with .csv, .tsv or .apkg.",
        file.display()
    )]
    UnknownFormat { file: PathBuf },
}
