//! Studying a deck: today's queue (what comes next) apart from answering (the session), and the
//! study deck that records every answer durably.

mod due_now;
mod overview;
mod queue;
mod session;
mod studying;
mod today;

pub use due_now::{MadeDue, make_due_now};
pub use overview::{DeckOverview, deck_overview};
pub use queue::{LEARN_AHEAD_MS, QueueCounts, StudiedToday, StudyQueue, Today, build_queue};
pub use session::{Answer, MAX_ANSWER_MS, Session, SessionSummary, UNDO_LIMIT};
pub use studying::{
    CHECKPOINT_EVERY, StudyDeck, StudyError, deck_settings, save_deck_settings, set_aside_damaged,
};
pub use today::{studied_in_logs, studied_since};
