//! Importing a file into the library: the one path that `recap import`, the window's Import…
//! and drag-and-drop all take. Reads the file, builds the deck, picks an unused deck id, writes
//! the deck file (never replacing one unless asked).

use super::apkg::{self, ApkgDeckOptions, Review};
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
use std::io::Read;
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
    /// Answers from the file's review history recorded in the deck's progress (Anki).
    pub reviews: usize,
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
        None => guess_format(&request.file)?,
    };
    let (mut deck, mut notes, reviews) = match format {
        FileFormat::Article => (article_deck(request, rng)?, Vec::new(), Vec::new()),
        FileFormat::Table(format) => {
            let (deck, notes) = table_deck(request, &format, rng)?;
            (deck, notes, Vec::new())
        }
        FileFormat::Anki => anki_deck(request, rng)?,
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
            // Answers are imported only into a deck without progress: avoid ids that have some.
            deck.id = unused_id(&wanted, |id| {
                (library.has_id(id) && !request.force)
                    || (!reviews.is_empty() && apkg::has_progress(data, id))
            });
            data.decks().join(format!("{}.ron", deck.id))
        }
    };
    let reviews = reviews_to_write(data, &deck.id, reviews, &mut notes);
    if !reviews.is_empty() && !request.force && output.exists() {
        return Err(already_exists(&output));
    }
    let recorded = match reviews.is_empty() {
        true => 0,
        false => apkg::write_reviews(data, &deck.id, &reviews)?,
    };
    let text = deck_to_ron(&deck);
    let written = if request.force {
        write_atomic(&output, text.as_bytes())
    } else {
        write_new(&output, text.as_bytes())
    };
    if let Err(e) = written {
        if recorded > 0 {
            // Made by this import a moment ago, for a deck that had no progress: not the user's.
            apkg::remove_imported_progress(data, &deck.id);
        }
        return Err(match e.kind() {
            std::io::ErrorKind::AlreadyExists => already_exists(&output),
            _ => format!("{}: cannot write the deck: {e}", output.display()),
        });
    }
    if recorded > 0 {
        notes.push(format!(
            "Imported {recorded} reviews into the deck's progress (as device \"{}\"): FSRS goes on from Anki's history",
            apkg::IMPORT_DEVICE
        ));
    }
    Ok(ImportReport {
        cards: deck.cards.len(),
        path: output,
        deck: deck.id,
        notes,
        reviews: recorded,
    })
}

fn already_exists(output: &Path) -> String {
    format!(
        "{} already exists. Use --force to replace it, or -o to write elsewhere.",
        output.display()
    )
}

/// The format a file's name and first bytes tell: an Anki package, else what its text says.
fn guess_format(file: &Path) -> Result<FileFormat, String> {
    let mut first = [0u8; 4];
    let read = std::fs::File::open(file).and_then(|mut f| {
        let mut n = 0;
        while n < first.len() {
            match f.read(&mut first[n..])? {
                0 => break,
                more => n += more,
            }
        }
        Ok(n)
    });
    let read = read.map_err(|e| {
        format!(
            "{}: cannot read the file: {e}. Check that it exists and can be read.",
            file.display()
        )
    })?;
    if apkg::is_anki_package(file, &first[..read]) {
        return Ok(FileFormat::Anki);
    }
    let text = read_article(file).map_err(|e| e.to_string())?;
    Ok(detect_format(file, &text))
}

/// The answers to record: none when the deck already has progress (its id was given with
/// -o), with a note saying so.
fn reviews_to_write(
    data: &DataDir,
    deck: &DeckId,
    reviews: Vec<Review>,
    notes: &mut Vec<String>,
) -> Vec<Review> {
    if reviews.is_empty() || !apkg::has_progress(data, deck) {
        return reviews;
    }
    notes.push(format!(
        "Note: {} reviews from Anki were not imported: the deck id \"{deck}\" already has progress in {}. Import without -o (or to a new file name) to bring the review history.",
        reviews.len(),
        data.progress().display()
    ));
    Vec::new()
}

/// The deck, report lines and review history of an Anki package.
fn anki_deck(
    request: &ImportRequest,
    rng: &mut impl Rng,
) -> Result<(Deck, Vec<String>, Vec<Review>), String> {
    let options = ApkgDeckOptions {
        title: request.title.clone(),
        date: request.date.clone(),
        file_name: file_name(request),
    };
    let import = apkg::read_apkg(&request.file, &options, rng).map_err(|e| e.to_string())?;
    Ok((import.deck, import.report, import.reviews))
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
