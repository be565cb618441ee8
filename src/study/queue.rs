//! Today's queue for one deck: which card comes next.
//!
//! Built apart from answering (as in Anki's scheduler): learning cards that are due first, then
//! due reviews, lowest retrievability first, with new cards spread evenly among them; daily
//! limits cap new cards and reviews. Pure: states, settings and "now" come in.

use crate::model::{CardId, CardMap, Deck, Timestamp};
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

/// The cards left to study today, in the order they will come.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StudyQueue {
    /// Learning and relearning cards due before the day ends, earliest first.
    learning: Vec<(Timestamp, CardId)>,
    /// Reviews and new cards, already interleaved.
    main: VecDeque<(CardId, Phase)>,
    /// When the study day ends: later cards are tomorrow's.
    day_end: Timestamp,
}

/// Builds today's queue for `deck` from the cards' states (a card without a state is new).
pub fn build_queue(
    deck: &Deck,
    states: &CardMap<CardState>,
    scheduler: &Scheduler,
    settings: &DeckSettings,
    today: Today,
) -> StudyQueue {
    let Today {
        now,
        day_end,
        studied,
    } = today;
    // Ids are borrowed while sorting and cloned only for the cards that make today's queue:
    // a big deck has tens of thousands of due reviews and new cards, of which the daily
    // limits keep a few hundred.
    let mut learning = Vec::new();
    let mut reviews = Vec::new();
    let mut new = Vec::new();
    for card in &deck.cards {
        match states.get(&card.id) {
            None => new.push(&card.id),
            Some(state) => match state.phase {
                Phase::New => new.push(&card.id),
                Phase::Learning | Phase::Relearning if state.due < day_end => {
                    learning.push((state.due, &card.id))
                }
                Phase::Review if state.due < day_end => {
                    let recall = scheduler.retrievability(state, now).unwrap_or(0.0);
                    reviews.push((recall, &card.id))
                }
                _ => {}
            },
        }
    }
    learning.sort_unstable();
    let review_limit = settings.reviews_per_day.saturating_sub(studied.reviews) as usize;
    let by_recall =
        |a: &(f32, &CardId), b: &(f32, &CardId)| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1));
    // Only the first `review_limit` in order are kept: select them, then sort those few.
    if review_limit < reviews.len() {
        reviews.select_nth_unstable_by(review_limit, by_recall);
        reviews.truncate(review_limit);
    }
    reviews.sort_unstable_by(by_recall);
    new.truncate(settings.new_per_day.saturating_sub(studied.new_cards) as usize);
    let reviews = reviews.into_iter().map(|(_, id)| id.clone()).collect();
    let new = new.into_iter().cloned().collect();
    let learning = learning
        .into_iter()
        .map(|(due, id)| (due, id.clone()))
        .collect();
    StudyQueue {
        learning,
        main: interleave(reviews, new),
        day_end,
    }
}

/// Spreads `new` evenly among `reviews`, so new cards do not all come at the end.
fn interleave(reviews: Vec<CardId>, new: Vec<CardId>) -> VecDeque<(CardId, Phase)> {
    let total = reviews.len() + new.len();
    let mut reviews = reviews.into_iter();
    let mut new_cards = new.into_iter();
    let new_count = new_cards.len();
    (0..total)
        .filter_map(|i| {
            let new_here = new_count > 0 && (i + 1) * new_count / total > i * new_count / total;
            if new_here {
                new_cards.next().map(|id| (id, Phase::New))
            } else {
                reviews.next().map(|id| (id, Phase::Review))
            }
        })
        .collect()
}

impl StudyQueue {
    /// The card to show at `now`, if any is left today.
    pub fn next(&self, now: Timestamp) -> Option<&CardId> {
        let due_learning = self.learning.first().filter(|(due, _)| *due <= now);
        let ahead = self
            .learning
            .first()
            .filter(|(due, _)| due.0 - now.0 <= LEARN_AHEAD_MS);
        due_learning
            .map(|(_, id)| id)
            .or(self.main.front().map(|(id, _)| id))
            .or(ahead.map(|(_, id)| id))
    }

    /// Takes `card` out of the queue (it was answered); it returns through
    /// [`StudyQueue::schedule`] if it is due again today.
    pub fn remove(&mut self, card: &CardId) {
        self.learning.retain(|(_, id)| id != card);
        self.main.retain(|(id, _)| id != card);
    }

    /// Puts an answered card back if its new state is due again before the day ends.
    pub fn schedule(&mut self, card: &CardId, state: &CardState) {
        self.remove(card);
        let learning = matches!(state.phase, Phase::Learning | Phase::Relearning);
        if learning && state.due < self.day_end {
            let at = self
                .learning
                .partition_point(|(due, id)| (*due, id) <= (state.due, card));
            self.learning.insert(at, (state.due, card.clone()));
        }
    }

    /// Puts a card back as it was before an answer that is being undone: a learning card by
    /// its due time, a review or new card at the front. (The session shows it again at once.)
    pub fn restore(&mut self, card: &CardId, state: Option<&CardState>) {
        match state {
            Some(state) if matches!(state.phase, Phase::Learning | Phase::Relearning) => {
                self.schedule(card, state)
            }
            Some(state) if state.phase == Phase::Review => {
                self.remove(card);
                self.main.push_front((card.clone(), Phase::Review));
            }
            _ => {
                self.remove(card);
                self.main.push_front((card.clone(), Phase::New));
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
