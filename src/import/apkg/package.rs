//! The zip around an Anki collection: which collection file to read (the `meta` entry tells
//! the package version), unpacking it (zstd in the current format), and counting media files.
//!
//! Packages Anki writes today hold `meta`, `collection.anki21b` (zstd) and a stub
//! `collection.anki2` that only says "please update"; older ones hold `collection.anki21` or
//! only `collection.anki2`. Media files are entries named 0, 1, 2…

use super::error::ApkgError;
use super::protobuf::varint_field;
use std::io::{Cursor, Read};
use std::path::Path;

/// The largest collection Recap unpacks: far above real decks, low enough that a hostile
/// package cannot exhaust memory.
const MAX_COLLECTION_BYTES: u64 = 1 << 30;

/// Which collection file a package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `collection.anki2`: Anki 2.0's layout (schema 11).
    Anki2,
    /// `collection.anki21`: Anki 2.1's, up to 2.1.49 (schema 11).
    Anki21,
    /// `collection.anki21b`: the current one (schema 18), compressed with zstd.
    Anki21b,
}

impl Layout {
    pub fn file_name(self) -> &'static str {
        match self {
            Layout::Anki2 => "collection.anki2",
            Layout::Anki21 => "collection.anki21",
            Layout::Anki21b => "collection.anki21b",
        }
    }
}

/// A package's contents that the import uses.
pub struct Package {
    pub layout: Layout,
    /// The SQLite database, unpacked.
    pub collection: Vec<u8>,
    /// Media files in the package (Recap cards hold text, so they are skipped and counted).
    pub media_files: usize,
}

/// Reads the package in `bytes` (`file` names it in errors).
pub fn read_package(file: &Path, bytes: &[u8]) -> Result<Package, ApkgError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ApkgError::NotAPackage {
        file: file.to_path_buf(),
        reason: format!("it is not a zip archive ({e})"),
    })?;
    let names: Vec<String> = zip
        .file_names()
        .map(|name| name.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|e| ApkgError::NotAPackage {
            file: file.to_path_buf(),
            reason: format!("its list of files cannot be read ({e})"),
        })?;
    let has = |name: &str| names.iter().any(|n| n == name);
    let layout = match has("meta") {
        true => layout_from_meta(file, &read_entry(file, &mut zip, "meta", 1 << 16)?)?,
        false if has("collection.anki21") => Layout::Anki21,
        false if has("collection.anki2") => Layout::Anki2,
        false => {
            return Err(ApkgError::NotAPackage {
                file: file.to_path_buf(),
                reason: "the zip holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2)".into(),
            });
        }
    };
    let stored = read_entry(file, &mut zip, layout.file_name(), MAX_COLLECTION_BYTES)?;
    let collection = match layout {
        Layout::Anki21b => unzstd(file, layout.file_name(), &stored)?,
        Layout::Anki2 | Layout::Anki21 => stored,
    };
    let media_files = names
        .iter()
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .count();
    Ok(Package {
        layout,
        collection,
        media_files,
    })
}

/// The collection file the `meta` entry names: Anki's PackageMetadata, field 1 the version
/// (1: collection.anki2, 2: collection.anki21, 3: collection.anki21b).
fn layout_from_meta(file: &Path, meta: &[u8]) -> Result<Layout, ApkgError> {
    let version = varint_field(meta, 1).ok_or_else(|| ApkgError::Damaged {
        file: file.to_path_buf(),
        part: "meta entry".into(),
        reason: "it is not Anki's package description".into(),
    })?;
    match version {
        1 => Ok(Layout::Anki2),
        2 => Ok(Layout::Anki21),
        3 => Ok(Layout::Anki21b),
        other => Err(ApkgError::TooNew {
            file: file.to_path_buf(),
            what: format!("package version {other}; Recap reads 1 to 3"),
        }),
    }
}

/// The bytes of entry `name`, refusing more than `limit` of them.
fn read_entry(
    file: &Path,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>, ApkgError> {
    let damaged = |reason: String| ApkgError::Damaged {
        file: file.to_path_buf(),
        part: name.to_string(),
        reason,
    };
    let entry = zip.by_name(name).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => ApkgError::NotAPackage {
            file: file.to_path_buf(),
            reason: format!("its meta entry names {name}, which the zip does not hold"),
        },
        other => damaged(other.to_string()),
    })?;
    read_limited(file, name, entry, limit).map_err(|e| match e {
        ReadError::Io(e) => damaged(e.to_string()),
        ReadError::TooLarge(error) => error,
    })
}

enum ReadError {
    Io(std::io::Error),
    TooLarge(ApkgError),
}

/// Reads all of `reader`, stopping with an error past `limit` bytes.
fn read_limited(
    file: &Path,
    part: &str,
    reader: impl Read,
    limit: u64,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(ApkgError::TooLarge {
            file: file.to_path_buf(),
            part: part.to_string(),
            limit_mb: limit >> 20,
        }));
    }
    Ok(bytes)
}

fn unzstd(file: &Path, part: &str, compressed: &[u8]) -> Result<Vec<u8>, ApkgError> {
    let damaged = |reason: String| ApkgError::Damaged {
        file: file.to_path_buf(),
        part: part.to_string(),
        reason,
    };
    let decoder = zstd::stream::read::Decoder::new(compressed)
        .map_err(|e| damaged(format!("it cannot be decompressed ({e})")))?;
    read_limited(file, part, decoder, MAX_COLLECTION_BYTES).map_err(|e| match e {
        ReadError::Io(e) => damaged(format!("it cannot be decompressed ({e})")),
        ReadError::TooLarge(error) => error,
    })
}
