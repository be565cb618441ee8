//! What the daily limits have already counted today, from the review log.

use super::queue::StudiedToday;
use crate::model::{CardId, Timestamp};
use crate::schedule::Phase;
use crate::store::progress::{
    DeckFiles, Entry, ProgressError, Record, answers_in_effect, read_history, read_recent,
};
use std::collections::HashMap;

/// Counts the answers since `day_start` that the limits count: a new card's first answer, and
/// answers to cards that were in the Review phase. Undone answers do not count. The phase
/// before an answer is the one recorded with it, else the phase the card's previous answer
/// left it in (new if none).
pub fn studied_since(entries: &[Entry], day_start: Timestamp) -> StudiedToday {
    let mut phase_before: HashMap<&CardId, Phase> = HashMap::new();
    let mut studied = StudiedToday::default();
    for entry in answers_in_effect(entries) {
        let Record::Answer {
            card,
            at,
            state,
            from,
            ..
        } = &entry.record
        else {
            continue;
        };
        let previous = phase_before.insert(card, state.phase).unwrap_or(Phase::New);
        // Written with the answer since it was added; older records: the phase the card's
        // previous answer left it in.
        let before = from.unwrap_or(previous);
        if *at < day_start {
            continue;
        }
        match before {
            Phase::New => studied.new_cards += 1,
            Phase::Review => studied.reviews += 1,
            Phase::Learning | Phase::Relearning => {}
        }
    }
    studied
}

/// What the limits already counted on a deck since `day_start`, from its log files: today's
/// records, read from the end of each log (with a day of slack for clocks that disagree); the
/// whole history only when today has answers written before answers carried their phase.
pub fn studied_in_logs(
    files: &DeckFiles,
    day_start: Timestamp,
) -> Result<StudiedToday, ProgressError> {
    if let Some(recent) = read_recent(files, day_start.plus_days(-1))?
        && phases_recorded_since(&recent, day_start)
    {
        return Ok(studied_since(&recent, day_start));
    }
    Ok(studied_since(&read_history(files)?, day_start))
}

/// Whether every answer since `day_start` in `entries` carries its phase before, so that
/// counting needs no earlier record.
fn phases_recorded_since(entries: &[Entry], day_start: Timestamp) -> bool {
    entries.iter().all(|entry| match &entry.record {
        Record::Answer { at, from, .. } => *at < day_start || from.is_some(),
        Record::Undo { .. } | Record::Reschedule { .. } => true,
    })
}
