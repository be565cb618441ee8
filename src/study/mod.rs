//! Studying a deck: today's queue (what comes next) apart from answering (the session).

mod queue;

pub use queue::{LEARN_AHEAD_MS, QueueCounts, StudiedToday, StudyQueue, Today, build_queue};
