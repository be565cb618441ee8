//! Importing a file into the library: the one path that `recap import`, the window's Import…
//! and drag-and-drop all take. Reads the file, builds the deck, picks an unused deck id, writes
//! the deck file (never replacing one unless asked).

use super::tabular::FileFormat;
use super::tabular::{TableDeckOptions, TableFormat, deck_from_table, detect_format};
use super::{
    ArticleDeckOptions, deck_from_article, parse_article_file, parse_table_file, read_article,
};
use crate::deck::deck_to_ron;
use crate::library::Library;
use crate::model::{Deck, DeckId};
use crate::store::DataDir;
use crate::store::atomic::{write_atomic, write_new};
use rand::Rng;
use std::path::{Path, PathBuf};

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    pub file: PathBuf,
    /// Where to write the deck; default: the library's decks folder, named after the title.
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    pub force: bool,
    pub title: Option<String>,
    pub date: Option<String>,
    /// The format, when not guessed from the file's name and content.
    pub format: Option<FileFormat>,
}

/// What an import made.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub cards: usize,
    pub path: PathBuf,
    pub deck: DeckId,
    /// Rows skipped and parts of the file not imported, one line each.
    pub notes: Vec<String>,
}

/// Imports `request.file` into the library of `data` (or to `request.output`). The error says
/// what went wrong, naming the file; nothing is written then.
pub fn import_into_library(
    data: &DataDir,
    request: &ImportRequest,
    rng: &mut impl Rng,
) -> Result<ImportReport, String> {
    let format = match &request.format {
        Some(format) => format.clone(),
        None => {
            let text = read_article(&request.file).map_err(|e| e.to_string())?;
            detect_format(&request.file, &text)
        }
    };
    let (mut deck, notes) = match format {
        FileFormat::Article => (article_deck(request, rng)?, Vec::new()),
        FileFormat::Table(format) => table_deck(request, &format, rng)?,
    };
    // The deck id names progress files: from the output's file name, else the title's slug
    // made unique in the library (never a bundled or existing deck's id).
    let output = match &request.output {
        Some(path) => {
            deck.id = id_from_path(path);
            path.clone()
        }
        None => {
            let library = Library::load(data, rng);
            let wanted = readable_id(&deck.title, &request.file);
            deck.id = unused_id(&wanted, |id| library.has_id(id) && !request.force);
            data.decks().join(format!("{}.ron", deck.id))
        }
    };
    let text = deck_to_ron(&deck);
    let written = if request.force {
        write_atomic(&output, text.as_bytes())
    } else {
        write_new(&output, text.as_bytes())
    };
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!(
                "{} already exists. Use --force to replace it, or -o to write elsewhere.",
                output.display()
            )
        }
        _ => format!("{}: cannot write the deck: {e}", output.display()),
    })?;
    Ok(ImportReport {
        cards: deck.cards.len(),
        path: output,
        deck: deck.id,
        notes,
    })
}

/// A deck id people can read: the title's slug, unless the title is mostly in a script the slug
/// drops ("김정은 and Путин" would give "and"); then the file name's.
fn readable_id(title: &str, file: &Path) -> DeckId {
    let from_title = DeckId::slug(title);
    let letters = title.chars().filter(|c| c.is_alphanumeric()).count();
    let kept = from_title
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .count();
    if kept * 2 >= letters {
        return from_title;
    }
    id_from_path(file)
}

fn file_name(request: &ImportRequest) -> Option<String> {
    request
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
}

fn article_deck(request: &ImportRequest, rng: &mut impl Rng) -> Result<Deck, String> {
    let article = parse_article_file(&request.file).map_err(|e| e.to_string())?;
    let options = ArticleDeckOptions {
        title: request.title.clone(),
        date: request.date.clone(),
        file_name: file_name(request),
    };
    Ok(deck_from_article(&article, &options, rng))
}

/// The deck and the report lines: rows skipped, parts of the file not imported.
fn table_deck(
    request: &ImportRequest,
    format: &TableFormat,
    rng: &mut impl Rng,
) -> Result<(Deck, Vec<String>), String> {
    let table = parse_table_file(&request.file, format).map_err(|e| e.to_string())?;
    let options = TableDeckOptions {
        title: request.title.clone(),
        date: request.date.clone(),
        file_name: file_name(request),
    };
    let deck = deck_from_table(&table, &options, rng);
    let mut report: Vec<String> = table.skipped_summary().into_iter().collect();
    report.extend(table.notes.iter().map(|note| format!("Note: {note}")));
    Ok((deck, report))
}

/// The deck id a file name gives: its stem as a slug.
fn id_from_path(path: &Path) -> DeckId {
    DeckId::slug(
        &path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
    )
}

/// `wanted`, or `wanted-2`, `wanted-3`… if taken: two decks must not share progress files.
fn unused_id(wanted: &DeckId, taken: impl Fn(&DeckId) -> bool) -> DeckId {
    (1..)
        .map(|n| {
            if n == 1 {
                wanted.clone()
            } else {
                DeckId::slug(&format!("{wanted}-{n}"))
            }
        })
        .find(|id| !taken(id))
        .unwrap_or_else(|| wanted.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_title_unless_its_script_is_lost() {
        let file = Path::new("/news/kim-letters.md");
        assert_eq!(
            readable_id("Leaders meet at Camp David", file).as_str(),
            "leaders-meet-at-camp-david"
        );
        assert_eq!(
            readable_id("김정은 and Путин", file).as_str(),
            "kim-letters"
        );
    }
}
