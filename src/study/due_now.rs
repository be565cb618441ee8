//! Putting chosen cards into today's review without answering them, e.g. the cards missed in
//! a quiz. A quiz is not a review: grading the cards would feed the memory model answers the
//! learner never gave, so only the due time moves, through a `Reschedule` journal record.

use super::studying::StudyError;
use crate::model::{CardId, DeckId, Timestamp};
use crate::schedule::Phase;
use crate::store::DataDir;
use crate::store::progress::{DeviceId, ProgressStore};

/// What [`make_due_now`] did with the cards it was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MadeDue {
    /// Studied cards whose due time moved to now.
    pub rescheduled: Vec<CardId>,
    /// Studied cards that were already due: left alone.
    pub already_due: Vec<CardId>,
    /// Cards never studied: they stay new (a new card has nothing to reschedule and is
    /// introduced by the new-card limit as usual).
    pub still_new: Vec<CardId>,
}

/// Makes each of `cards` of `deck` due at `now`, keeping its memory state, step, reps and
/// lapses: the card's current state is written back with only `due` changed. Every change is
/// in this device's journal, fsynced, when the call returns; nothing is written when no card
/// needs it.
pub fn make_due_now(
    data: &DataDir,
    deck: &DeckId,
    device: DeviceId,
    cards: &[CardId],
    now: Timestamp,
) -> Result<MadeDue, StudyError> {
    let files = data.deck_files(deck.clone());
    let (mut store, _warnings) = ProgressStore::open(files, device)?;
    let mut outcome = MadeDue::default();
    for card in cards {
        if outcome.rescheduled.contains(card) || outcome.already_due.contains(card) {
            continue;
        }
        match store.state(card)?.cloned() {
            None => outcome.still_new.push(card.clone()),
            Some(state) if state.phase == Phase::New => outcome.still_new.push(card.clone()),
            Some(state) if state.due <= now => outcome.already_due.push(card.clone()),
            Some(mut state) => {
                state.due = now;
                store.record_reschedule(now, card.clone(), state)?;
                outcome.rescheduled.push(card.clone());
            }
        }
    }
    Ok(outcome)
}
