//! What the library shows for a deck: cards left today by kind, total, last studied. Read-only:
//! it opens no journal for writing, so it works while another window studies the deck.

use super::queue::{QueueCounts, Today, build_queue};
use super::studying::StudyError;
use super::today::studied_in_logs;
use crate::library::LibraryDeck;
use crate::model::Timestamp;
use crate::schedule::{Scheduler, next_rollover};
use crate::store::DataDir;
use crate::store::progress::load_in_order;

/// A deck's place in today's study.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeckOverview {
    /// Cards left today: new, learning, due reviews.
    pub counts: QueueCounts,
    pub total: usize,
    /// The latest answer to any of the deck's cards.
    pub last_studied: Option<Timestamp>,
}

/// The overview of `deck` at `now` from its progress files.
pub fn deck_overview(
    data: &DataDir,
    deck: &LibraryDeck,
    now: Timestamp,
    utc_offset_minutes: i32,
) -> Result<DeckOverview, StudyError> {
    let cards = deck.study_cards();
    let files = data.deck_files(deck.id().clone());
    let (settings, states) = load_in_order(&files, &*cards)?;
    let settings = &settings;
    let scheduler = Scheduler::new(settings).map_err(|source| StudyError::Settings {
        file: files.snapshot(),
        source,
    })?;
    let day_end = next_rollover(now, settings.day_rollover_hour, utc_offset_minutes);
    let studied = studied_in_logs(&files, day_end.plus_days(-1))?;
    let queue = build_queue(
        &states,
        &scheduler,
        settings,
        Today {
            now,
            day_end,
            studied,
        },
    );
    let last_studied = states.iter().filter_map(|s| s.last_review).max();
    Ok(DeckOverview {
        counts: queue.counts(),
        total: cards.len(),
        last_studied,
    })
}
