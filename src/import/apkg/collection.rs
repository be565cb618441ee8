//! The Anki collection inside a package: an SQLite database, opened from memory (an import
//! writes no temporary file) and read into plain rows. Schema 11 (the legacy layouts) keeps
//! note types and decks as JSON in the `col` table; schema 18 (the current one) has tables
//! for them. Notes, cards and the review log have the same columns in both.

use super::error::ApkgError;
use super::notetype::{NoteType, read_decks, read_note_types};
use super::package::Layout;
use rusqlite::{Connection, ErrorCode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The schema versions Recap reads: 11 (Anki 2.0 to 2.1.49's exports) to 18 (current).
const SCHEMAS: std::ops::RangeInclusive<i64> = 11..=18;

/// A note: its fields joined by U+001F, its tags space-separated, as Anki stores them.
pub struct Note {
    pub id: i64,
    pub note_type: i64,
    pub tags: String,
    pub fields: String,
}

/// One of a note's cards: `ord` is the template (standard note types) or cloze number - 1.
pub struct AnkiCard {
    pub id: i64,
    pub note: i64,
    pub deck: i64,
    pub ord: i64,
}

/// A review log row. `id` is the answer's time in milliseconds; `ease` 1–4 the button
/// (0 for a manual change); `kind` 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual,
/// 5 rescheduled; `ivl` the interval set (0 when a card was reset to new).
pub struct RevlogRow {
    pub id: i64,
    pub card: i64,
    pub ease: i64,
    pub time_ms: i64,
    pub kind: i64,
    pub interval: i64,
}

/// What the import reads from a collection.
pub struct Collection {
    pub note_types: HashMap<i64, NoteType>,
    pub decks: HashMap<i64, String>,
    pub notes: Vec<Note>,
    pub cards: Vec<AnkiCard>,
    pub revlog: Vec<RevlogRow>,
}

/// Reads the collection in `bytes`, as unpacked from `layout`'s file of package `file`.
pub fn read_collection(
    file: &Path,
    layout: Layout,
    bytes: &mut [u8],
) -> Result<Collection, ApkgError> {
    let part = format!("collection ({})", layout.file_name());
    let db = open(bytes).map_err(|e| damaged(file, &part, &e))?;
    let schema: i64 = db
        .query_row("select ver from col", [], |row| row.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => damaged(file, &part, &e),
            _ => schema_error(file.to_path_buf())(e),
        })?;
    if schema > *SCHEMAS.end() {
        return Err(ApkgError::TooNew {
            file: file.to_path_buf(),
            what: format!("collection schema {schema}; Recap reads 11 to 18"),
        });
    }
    if !SCHEMAS.contains(&schema) {
        return Err(ApkgError::Schema {
            file: file.to_path_buf(),
            reason: format!("its schema version is {schema}, Anki's are 11 to 18"),
        });
    }
    let rows = read_rows(&db).map_err(schema_error(file.to_path_buf()))?;
    let schema_error = |reason: String| ApkgError::Schema {
        file: file.to_path_buf(),
        reason,
    };
    Ok(Collection {
        note_types: read_note_types(&db).map_err(schema_error)?,
        decks: read_decks(&db).map_err(schema_error)?,
        notes: rows.0,
        cards: rows.1,
        revlog: rows.2,
    })
}

fn open(bytes: &mut [u8]) -> rusqlite::Result<Connection> {
    // Anki saves current collections in WAL mode (header bytes 18 and 19 are 2), which SQLite
    // cannot open from memory; marking them as rollback-journal files (1) reads the same pages.
    if bytes.len() >= 20 && bytes[18] == 2 && bytes[19] == 2 {
        bytes[18] = 1;
        bytes[19] = 1;
    }
    let mut db = Connection::open_in_memory()?;
    db.deserialize_read_exact("main", &*bytes, bytes.len(), true)?;
    // Anki declares some columns with its own collation; comparing names is all it does.
    db.create_collation("unicase", |a, b| a.to_lowercase().cmp(&b.to_lowercase()))?;
    Ok(db)
}

fn damaged(file: &Path, part: &str, error: &rusqlite::Error) -> ApkgError {
    ApkgError::Damaged {
        file: file.to_path_buf(),
        part: part.to_string(),
        reason: format!("SQLite cannot read it ({error})"),
    }
}

fn schema_error(file: PathBuf) -> impl Fn(rusqlite::Error) -> ApkgError {
    move |error| ApkgError::Schema {
        file: file.clone(),
        reason: error.to_string(),
    }
}

type Rows = (Vec<Note>, Vec<AnkiCard>, Vec<RevlogRow>);

fn read_rows(db: &Connection) -> rusqlite::Result<Rows> {
    let notes = db
        .prepare("select id, mid, tags, flds from notes order by id")?
        .query_map([], |r| {
            Ok(Note {
                id: r.get(0)?,
                note_type: r.get(1)?,
                tags: r.get(2)?,
                fields: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let cards = db
        .prepare("select id, nid, did, ord from cards order by nid, ord")?
        .query_map([], |r| {
            Ok(AnkiCard {
                id: r.get(0)?,
                note: r.get(1)?,
                deck: r.get(2)?,
                ord: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let revlog = db
        .prepare("select id, cid, ease, time, type, ivl from revlog order by id")?
        .query_map([], |r| {
            Ok(RevlogRow {
                id: r.get(0)?,
                card: r.get(1)?,
                ease: r.get(2)?,
                time_ms: r.get(3)?,
                kind: r.get(4)?,
                interval: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((notes, cards, revlog))
}
