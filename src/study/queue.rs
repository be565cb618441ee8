//! Today's queue for one deck: which card comes next.
//!
//! Built apart from answering (as in Anki's scheduler): learning cards that are due first, then
//! due reviews, lowest retrievability first, with new cards spread evenly among them; daily
//! limits cap new cards and reviews. Pure: states, settings and "now" come in.

use crate::model::Timestamp;
use crate::schedule::{CardState, DeckSettings, Phase, Scheduler};
use std::collections::VecDeque;

/// Anki's default "learn ahead" limit: when nothing else is left, a learning card due within
/// this time is shown rather than making the learner wait.
pub const LEARN_AHEAD_MS: i64 = 20 * 60 * 1000;

/// What was already studied on this deck today: the daily limits count it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StudiedToday {
    /// New cards answered for the first time today.
    pub new_cards: u32,
    /// Review cards answered today.
    pub reviews: u32,
}

/// The study day the queue is built for: the moment, when the day ends, and what was already
/// studied in it (the daily limits count it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today {
    pub now: Timestamp,
    /// The next rollover: later cards are tomorrow's.
    pub day_end: Timestamp,
    pub studied: StudiedToday,
}

/// How many cards of each kind are left today (what the library and review screen show).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl QueueCounts {
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

/// The cards left to study today, in the order they will come. A card is known by its
/// position in the deck as studied (`Deck::as_studied`): the session keeps states in that
/// order, so building the queue reads them front to back instead of looking 100,000 ids up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StudyQueue {
    /// Learning and relearning cards due before the day ends, earliest first.
    learning: Vec<(Timestamp, usize)>,
    /// Reviews and new cards, already interleaved.
    main: VecDeque<(usize, Phase)>,
    /// When the study day ends: later cards are tomorrow's.
    day_end: Timestamp,
}

/// Builds today's queue from `states`, one per card of the deck as studied, in its order
/// (a never-answered card has the default state: New).
pub fn build_queue(
    states: &[CardState],
    scheduler: &Scheduler,
    settings: &DeckSettings,
    today: Today,
) -> StudyQueue {
    let Today {
        now,
        day_end,
        studied,
    } = today;
    let new_limit = settings.new_per_day.saturating_sub(studied.new_cards) as usize;
    let mut learning = Vec::new();
    let mut reviews = Vec::new();
    let mut new = Vec::with_capacity(new_limit.min(states.len()));
    for (at, state) in states.iter().enumerate() {
        match state.phase {
            // New cards come in deck order: the first few are all today's limit takes.
            Phase::New if new.len() < new_limit => new.push(at),
            Phase::New => {}
            Phase::Learning | Phase::Relearning if state.due < day_end => {
                learning.push((state.due, at))
            }
            Phase::Review if state.due < day_end => {
                let recall = scheduler.retrievability(state, now).unwrap_or(0.0);
                reviews.push((recall, at))
            }
            _ => {}
        }
    }
    learning.sort_unstable();
    let review_limit = settings.reviews_per_day.saturating_sub(studied.reviews) as usize;
    // Lowest recall first; equal recall in deck order.
    let by_recall =
        |a: &(f32, usize), b: &(f32, usize)| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1));
    // Only the first `review_limit` in order are kept: select them, then sort those few.
    if review_limit < reviews.len() {
        reviews.select_nth_unstable_by(review_limit, by_recall);
        reviews.truncate(review_limit);
    }
    reviews.sort_unstable_by(by_recall);
    let reviews = reviews.into_iter().map(|(_, at)| at).collect();
    StudyQueue {
        learning,
        main: interleave(reviews, new),
        day_end,
    }
}

/// Spreads `new` evenly among `reviews`, so new cards do not all come at the end.
fn interleave(reviews: Vec<usize>, new: Vec<usize>) -> VecDeque<(usize, Phase)> {
    let total = reviews.len() + new.len();
    let mut reviews = reviews.into_iter();
    let mut new_cards = new.into_iter();
    let new_count = new_cards.len();
    (0..total)
        .filter_map(|i| {
            let new_here = new_count > 0 && (i + 1) * new_count / total > i * new_count / total;
            if new_here {
                new_cards.next().map(|at| (at, Phase::New))
            } else {
                reviews.next().map(|at| (at, Phase::Review))
            }
        })
        .collect()
}

impl StudyQueue {
    /// The card to show at `now` (its position in the deck as studied), if any is left today.
    pub fn next(&self, now: Timestamp) -> Option<usize> {
        let due_learning = self.learning.first().filter(|(due, _)| *due <= now);
        let ahead = self
            .learning
            .first()
            .filter(|(due, _)| due.0 - now.0 <= LEARN_AHEAD_MS);
        due_learning
            .map(|(_, at)| *at)
            .or(self.main.front().map(|(at, _)| *at))
            .or(ahead.map(|(_, at)| *at))
    }

    /// Takes `card` out of the queue (it was answered); it returns through
    /// [`StudyQueue::schedule`] if it is due again today.
    pub fn remove(&mut self, card: usize) {
        self.learning.retain(|(_, at)| *at != card);
        self.main.retain(|(at, _)| *at != card);
    }

    /// Puts an answered card back if its new state is due again before the day ends.
    pub fn schedule(&mut self, card: usize, state: &CardState) {
        self.remove(card);
        let learning = matches!(state.phase, Phase::Learning | Phase::Relearning);
        if learning && state.due < self.day_end {
            let at = self
                .learning
                .partition_point(|entry| *entry <= (state.due, card));
            self.learning.insert(at, (state.due, card));
        }
    }

    /// Puts a card back as it was before an answer that is being undone: a learning card by
    /// its due time, a review or new card at the front. (The session shows it again at once.)
    pub fn restore(&mut self, card: usize, state: Option<&CardState>) {
        match state {
            Some(state) if matches!(state.phase, Phase::Learning | Phase::Relearning) => {
                self.schedule(card, state)
            }
            Some(state) if state.phase == Phase::Review => {
                self.remove(card);
                self.main.push_front((card, Phase::Review));
            }
            _ => {
                self.remove(card);
                self.main.push_front((card, Phase::New));
            }
        }
    }

    /// Cards left today by kind.
    pub fn counts(&self) -> QueueCounts {
        let new = self
            .main
            .iter()
            .filter(|(_, phase)| *phase == Phase::New)
            .count();
        QueueCounts {
            new,
            learning: self.learning.len(),
            review: self.main.len() - new,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.learning.is_empty() && self.main.is_empty()
    }

    /// When the next learning card is due, if one is waiting later today.
    pub fn next_learning_due(&self) -> Option<Timestamp> {
        self.learning.first().map(|(due, _)| *due)
    }
}
