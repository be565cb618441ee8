//! What the daily limits have already counted today, from the review log.

use super::queue::StudiedToday;
use crate::model::{CardId, Timestamp};
use crate::schedule::Phase;
use crate::store::progress::{Entry, Record, answers_in_effect};
use std::collections::HashMap;

/// Counts the answers since `day_start` that the limits count: a new card's first answer, and
/// answers to cards that were in the Review phase. Undone answers do not count. The phase
/// before an answer is the phase the card's previous answer left it in (new if none).
pub fn studied_since(entries: &[Entry], day_start: Timestamp) -> StudiedToday {
    let mut phase_before: HashMap<&CardId, Phase> = HashMap::new();
    let mut studied = StudiedToday::default();
    for entry in answers_in_effect(entries) {
        let Record::Answer {
            card, at, state, ..
        } = &entry.record
        else {
            continue;
        };
        let before = phase_before.insert(card, state.phase).unwrap_or(Phase::New);
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
