//! Anki's answers into the imported deck's progress, so FSRS picks up where Anki left off:
//! each answer is replayed through Recap's scheduler (the state after it is what studying the
//! card in Recap would have given) and recorded in the journal of a device of its own,
//! `anki-import`, then checkpointed into the snapshot and the review history.

use super::revlog::Review;
use crate::model::{CardId, DeckId};
use crate::schedule::{CardState, Scheduler, fuzz_seed};
use crate::store::DataDir;
use crate::store::progress::{DeviceId, ProgressError, ProgressStore};
use std::collections::HashMap;

/// The device whose journal holds imported answers: apart from every real machine's.
pub const IMPORT_DEVICE: &str = "anki-import";

/// Whether `deck` has any progress files: imported answers go only into a deck without any,
/// so a second import never mixes with what was studied.
pub fn has_progress(data: &DataDir, deck: &DeckId) -> bool {
    let files = data.deck_files(deck.clone());
    files.snapshot().exists()
        || files.journals().map_or(true, |j| !j.is_empty())
        || files.histories().map_or(true, |h| !h.is_empty())
}

/// Records `reviews` (in time order) as answers to `deck`'s cards and checkpoints. Returns
/// the number recorded; the error says which file could not be written.
pub fn write_reviews(data: &DataDir, deck: &DeckId, reviews: &[Review]) -> Result<usize, String> {
    let files = data.deck_files(deck.clone());
    let device =
        DeviceId::new(IMPORT_DEVICE).map_err(|e| format!("device {IMPORT_DEVICE}: {e}"))?;
    let (mut store, _warnings) = ProgressStore::open(files.clone(), device).map_err(text)?;
    let scheduler = Scheduler::new(store.settings()).map_err(|e| {
        format!(
            "{}: the deck's settings cannot be used: {e}",
            files.snapshot().display()
        )
    })?;
    let count = store
        .record_answers(replay(&scheduler, reviews))
        .map_err(text)?;
    store.close().map_err(text)?;
    Ok(count)
}

fn text(error: ProgressError) -> String {
    error.to_string()
}

/// Each review with the card's state after it, as Recap's scheduler computes it.
fn replay(
    scheduler: &Scheduler,
    reviews: &[Review],
) -> Vec<(
    CardId,
    crate::model::Timestamp,
    crate::model::Rating,
    u32,
    CardState,
)> {
    let mut states: HashMap<&CardId, CardState> = HashMap::new();
    reviews
        .iter()
        .map(|review| {
            let previous = states.get(&review.card).cloned().unwrap_or_default();
            let seed = fuzz_seed(review.card.as_str(), previous.reps);
            let state = scheduler
                .answer(&previous, review.rating, review.at, seed)
                .state;
            states.insert(&review.card, state.clone());
            (
                review.card.clone(),
                review.at,
                review.rating,
                review.took_ms,
                state,
            )
        })
        .collect()
}

/// Removes the progress files [`write_reviews`] made for `deck`, when the deck itself could
/// not be written afterwards. Only for a deck that had none before ([`has_progress`]).
pub fn remove_imported_progress(data: &DataDir, deck: &DeckId) {
    let files = data.deck_files(deck.clone());
    let Ok(device) = DeviceId::new(IMPORT_DEVICE) else {
        return;
    };
    for path in [
        files.snapshot(),
        files.journal(&device),
        files.history(&device),
    ] {
        let _ = std::fs::remove_file(path);
    }
}
