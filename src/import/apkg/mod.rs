//! Anki packages (.apkg) into a deck: the current format (`meta` + zstd-compressed
//! `collection.anki21b`) and the legacy ones (`collection.anki21`, `collection.anki2`).
//!
//! One concept a file: the zip ([`package`]), the SQLite collection ([`collection`]), note
//! types ([`notetype`]), notes into cards ([`notes`], [`cloze`], [`text`]) and the review log
//! into journal answers ([`revlog`], [`journal`]). Reading is pure apart from reading the file;
//! the caller writes the deck and then the answers.

mod cloze;
mod collection;
mod error;
mod journal;
mod notes;
mod notetype;
mod package;
mod protobuf;
mod revlog;
mod text;

pub use error::ApkgError;
pub use journal::{IMPORT_DEVICE, has_progress, remove_imported_progress, write_reviews};
pub use revlog::Review;

use crate::model::{Deck, DeckId, Source};
use rand::Rng;
use std::path::Path;

/// What the importer needs besides the package itself.
#[derive(Debug, Clone, Default)]
pub struct ApkgDeckOptions {
    /// The deck's title; when None, the Anki deck holding most of the cards.
    pub title: Option<String>,
    /// A date for the deck's source (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The package's file name, recorded as the deck's source.
    pub file_name: Option<String>,
}

/// A package read into a deck, with the answers to replay and what the report says.
#[derive(Debug, Clone)]
pub struct AnkiImport {
    pub deck: Deck,
    /// Anki's answers to the deck's cards, in time order (see [`write_reviews`]).
    pub reviews: Vec<Review>,
    /// Media files in the package, skipped: Recap cards hold text.
    pub media_skipped: usize,
    /// Report lines: what was made and what was skipped, and why.
    pub report: Vec<String>,
}

/// Whether `path` looks like an Anki package: its extension, or a zip's first bytes.
pub fn is_anki_package(path: &Path, first_bytes: &[u8]) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(extension.as_deref(), Some("apkg" | "colpkg"))
        || first_bytes.starts_with(b"PK\x03\x04")
}

/// Reads the package at `path` into a deck (card ids drawn from `rng`). Writes nothing.
pub fn read_apkg(
    path: &Path,
    options: &ApkgDeckOptions,
    rng: &mut impl Rng,
) -> Result<AnkiImport, ApkgError> {
    let bytes = std::fs::read(path).map_err(|source| ApkgError::Unreadable {
        file: path.to_path_buf(),
        source,
    })?;
    let mut package = package::read_package(path, &bytes)?;
    drop(bytes);
    let collection = collection::read_collection(path, package.layout, &mut package.collection)?;
    let converted = notes::convert(&collection, rng);
    if converted.cards.is_empty() {
        let reason = match converted.skipped.summary() {
            Some(summary) => format!("skipped: {summary}"),
            None => "the package holds no notes".into(),
        };
        return Err(ApkgError::NoCards {
            file: path.to_path_buf(),
            reason,
        });
    }
    let reviews = revlog::reviews(&collection.revlog, &converted.card_ids);
    let report = report_lines(&converted, &reviews, package.media_files, &collection);
    let deck = Deck {
        id: DeckId::slug("anki"),
        title: title(options, &converted, &collection),
        description: String::new(),
        source: Some(Source {
            title: None,
            date: options.date.clone(),
            file: options.file_name.clone(),
            url: None,
        }),
        tags: Vec::new(),
        cards: converted.cards,
    };
    Ok(AnkiImport {
        deck,
        reviews: reviews.answers,
        media_skipped: package.media_files,
        report,
    })
}

/// The title given, else the Anki deck with most of the cards (Default only when it is the
/// only one), else the file name made readable.
fn title(
    options: &ApkgDeckOptions,
    converted: &notes::Converted,
    collection: &collection::Collection,
) -> String {
    let mut decks: Vec<(&String, usize)> = converted
        .per_deck
        .iter()
        .filter_map(|(id, n)| collection.decks.get(id).map(|name| (name, *n)))
        .collect();
    decks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let named = decks
        .iter()
        .find(|(name, _)| name.as_str() != "Default")
        .or(decks.first())
        .map(|(name, _)| name.to_string());
    options
        .title
        .clone()
        .or(named)
        .or_else(|| {
            options
                .file_name
                .as_deref()
                .map(crate::import::title_from_file_name)
        })
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Anki deck".to_string())
}

fn report_lines(
    converted: &notes::Converted,
    reviews: &revlog::Reviews,
    media: usize,
    collection: &collection::Collection,
) -> Vec<String> {
    let mut lines = vec![format!(
        "Made {} cards from {} Anki notes: {} studied both ways, {} from {} cloze notes",
        converted.cards.len(),
        converted.notes_used,
        converted.both_ways,
        converted.cloze_cards,
        converted.cloze_notes
    )];
    if let Some(summary) = converted.skipped.summary() {
        lines.push(format!(
            "Skipped {}: {summary}",
            count(converted.skipped.total(), "note", "notes")
        ));
    }
    if media > 0 {
        lines.push(format!(
            "Skipped {} (images, sounds): Recap cards hold text only",
            count(media, "media file", "media files")
        ));
    }
    if let Some(summary) = reviews.skipped.summary() {
        lines.push(format!(
            "Left out {}: {summary}",
            count(
                reviews.skipped.total(),
                "review log entry",
                "review log entries"
            )
        ));
    }
    let decks = converted.per_deck.len();
    if decks > 1 {
        let mut names: Vec<&str> = converted
            .per_deck
            .keys()
            .filter_map(|id| collection.decks.get(id).map(String::as_str))
            .collect();
        names.sort_unstable();
        lines.push(format!(
            "Note: the cards of {decks} Anki decks ({}) are in this one deck",
            names.join(", ")
        ));
    }
    lines
}

/// "1 note", "2 notes".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
