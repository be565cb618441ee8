//! Reading a deck's files for its figures: the one step of the statistics that touches the
//! disk, shared by `recap stats` and the Stats screen so both show the same numbers. It
//! changes no file; the clock and time zone still come in as parameters.

use super::{DeckInput, QuizEntry, Stats, card_states, deck_stats};
use crate::library::{Library, LibraryDeck};
use crate::model::{DeckId, Timestamp};
use crate::store::DataDir;
use crate::store::progress::{ProgressError, load, read_history};

/// One deck's figures, with what was skipped on the way (torn last lines, a damaged quiz
/// history): the figures are still right for everything that could be read.
#[derive(Debug, Clone)]
pub struct LoadedStats {
    pub stats: Stats,
    pub warnings: Vec<String>,
}

/// Reads one deck's progress, review log and quiz history and computes its figures as of
/// `now`.
pub fn load_deck_stats(
    data: &DataDir,
    deck: &LibraryDeck,
    now: Timestamp,
    utc_offset_minutes: i32,
) -> Result<LoadedStats, ProgressError> {
    let files = data.deck_files(deck.id().clone());
    let loaded = load(&files)?;
    let mut warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    let log = read_history(&files)?;
    let quizzes = quiz_entries(data, &deck.id(), &mut warnings);
    let input = DeckInput {
        log: &log,
        card_states: card_states(deck.deck(), &loaded.progress),
        settings: &loaded.progress.settings,
        quizzes: &quizzes,
    };
    Ok(LoadedStats {
        stats: deck_stats(&input, now, utc_offset_minutes),
        warnings,
    })
}

/// The deck's finished quizzes. A quiz history that cannot be read, or whose torn last line
/// was skipped, adds a warning: the study figures do not depend on it.
fn quiz_entries(data: &DataDir, deck: &DeckId, warnings: &mut Vec<String>) -> Vec<QuizEntry> {
    let file = crate::quiz::quiz_history_file(&data.progress(), deck);
    let history = match crate::quiz::read_quiz_history(&file) {
        Ok(history) => history,
        Err(error) => {
            warnings.push(error.to_string());
            return Vec::new();
        }
    };
    warnings.extend(history.warning.as_ref().map(ToString::to_string));
    history
        .records
        .iter()
        .map(|r| QuizEntry {
            date: r.date,
            score: r.score,
            total: r.total,
        })
        .collect()
}

/// One deck of the library with its figures, or why they could not be computed.
#[derive(Debug, Clone)]
pub struct DeckStats {
    pub id: DeckId,
    pub title: String,
    pub stats: Result<LoadedStats, String>,
}

/// Every deck's figures, in library order, and all of them combined.
#[derive(Debug, Clone)]
pub struct LibraryStats {
    pub decks: Vec<DeckStats>,
    /// The decks whose figures could be computed, combined; None when there is none.
    pub all: Option<Stats>,
}

/// The figures of every deck in `library` (the Stats screen's data, read once when it opens).
pub fn load_library_stats(
    data: &DataDir,
    library: &Library,
    now: Timestamp,
    utc_offset_minutes: i32,
) -> LibraryStats {
    let decks: Vec<DeckStats> = library
        .decks
        .iter()
        .map(|deck| DeckStats {
            id: deck.id().clone(),
            title: deck.title().to_string(),
            stats: load_deck_stats(data, deck, now, utc_offset_minutes).map_err(|e| e.to_string()),
        })
        .collect();
    let all = Stats::combine(
        decks
            .iter()
            .filter_map(|d| d.stats.as_ref().ok())
            .map(|loaded| &loaded.stats),
    );
    LibraryStats { decks, all }
}
