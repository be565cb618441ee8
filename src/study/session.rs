//! A study session on one deck, pure: it picks the card to show from today's queue, works out
//! what each answer does (through the [`Scheduler`]) and can take answers back.
//!
//! Answering is two-phase so that nothing is shown before the answer is durable:
//! [`Session::prepare_answer`] computes the change without applying it, the caller records it
//! (see `StudyDeck`), then [`Session::commit_answer`] applies it. Undo works the same way.

use super::queue::{QueueCounts, StudiedToday, StudyQueue, Today, build_queue};
use crate::model::{Card, CardId, CardMap, Deck, Rating, StudyCards, Timestamp};
use crate::schedule::{
    CardState, DeckSettings, Outcomes, Phase, Scheduler, fuzz_seed, next_rollover,
    states_in_deck_order,
};
use std::sync::Arc;

/// Answers that can be taken back, newest last. Anki keeps about 30; so do we, with margin.
pub const UNDO_LIMIT: usize = 50;
/// Time on one card counted at most this long (Anki's default), so a break does not count.
pub const MAX_ANSWER_MS: i64 = 60_000;

/// One answer: what it changed, so it can be recorded and undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub card: CardId,
    pub rating: Rating,
    pub at: Timestamp,
    pub took_ms: u32,
    /// The card's state before the answer (default = new).
    pub previous: CardState,
    pub state: CardState,
    /// This answer made the card a leech.
    pub became_leech: bool,
}

/// What the session summary shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionSummary {
    pub reviewed: u32,
    pub again: u32,
    /// Time spent answering (capped per card).
    pub time_ms: i64,
    pub leeches: Vec<CardId>,
}

/// The card on screen (its id and its position in the deck) and since when.
#[derive(Debug, Clone, PartialEq)]
struct Showing {
    card: CardId,
    at: usize,
    since: Timestamp,
}

/// Where the learner is in one deck's study today.
#[derive(Debug, Clone)]
pub struct Session {
    scheduler: Scheduler,
    settings: DeckSettings,
    utc_offset_minutes: i32,
    /// The deck's cards as studied, read one at a time (see `LibraryDeck::study_cards`).
    cards: Arc<dyn StudyCards>,
    /// One state per card of `cards`, in its order (default: new). Kept in deck order so
    /// building the queue reads them front to back.
    states: Vec<CardState>,
    queue: StudyQueue,
    day_end: Timestamp,
    showing: Option<Showing>,
    /// Answers that can be taken back: each with its journal number and the card's position.
    undo: Vec<(Answer, u64, usize)>,
    /// [`Session::next_due`] once worked out (the review screen asks every frame; it reads
    /// every card's state); forgotten whenever a state or the queue changes.
    next_due: std::cell::Cell<Option<Option<Timestamp>>>,
    summary: SessionSummary,
}

impl Session {
    /// A session on `deck` (as studied) with the cards' current `states` (cards the deck no
    /// longer has may be among them). `studied` is what the daily limits already count today;
    /// `utc_offset_minutes` places the day's rollover in local time.
    pub fn new(
        deck: impl Into<Arc<Deck>>,
        states: &CardMap<CardState>,
        settings: DeckSettings,
        scheduler: Scheduler,
        studied: StudiedToday,
        now: Timestamp,
        utc_offset_minutes: i32,
    ) -> Session {
        let deck: Arc<Deck> = deck.into();
        let states = states_in_deck_order(&*deck, states);
        Session::in_deck_order(
            deck,
            states,
            (settings, scheduler),
            studied,
            now,
            utc_offset_minutes,
        )
    }

    /// [`Session::new`] with the states already in the order of `cards`, one per card.
    ///
    /// # Panics
    /// When `states` and `cards` differ in number.
    pub fn in_deck_order(
        cards: Arc<dyn StudyCards>,
        states: Vec<CardState>,
        (settings, scheduler): (DeckSettings, Scheduler),
        studied: StudiedToday,
        now: Timestamp,
        utc_offset_minutes: i32,
    ) -> Session {
        assert_eq!(cards.len(), states.len(), "one state per card");
        let day_end = next_rollover(now, settings.day_rollover_hour, utc_offset_minutes);
        let queue = build_queue(
            &states,
            &scheduler,
            &settings,
            Today {
                now,
                day_end,
                studied,
            },
        );
        Session {
            scheduler,
            settings,
            utc_offset_minutes,
            cards,
            states,
            queue,
            day_end,
            showing: None,
            undo: Vec::new(),
            next_due: Default::default(),
            summary: SessionSummary::default(),
        }
    }

    /// The deck's cards as studied.
    pub fn cards(&self) -> &dyn StudyCards {
        &*self.cards
    }

    pub fn title(&self) -> &str {
        self.cards.title()
    }

    /// The card on screen, if one is.
    pub fn showing_card(&self) -> Option<Card> {
        self.showing.as_ref().map(|s| self.cards.card(s.at))
    }

    /// The card `id`, if the deck has it.
    pub fn card(&self, id: &CardId) -> Option<Card> {
        self.position(id).map(|at| self.cards.card(at))
    }

    pub fn settings(&self) -> &DeckSettings {
        &self.settings
    }

    /// The card to show at `now` (the same one until it is answered), if any is left today.
    pub fn current(&mut self, now: Timestamp) -> Option<&CardId> {
        if now >= self.day_end {
            self.start_new_day(now);
        }
        if self.showing.is_none() {
            let at = self.queue.next(now)?;
            let card = self.cards.id(at);
            self.showing = Some(Showing {
                card,
                at,
                since: now,
            });
        }
        self.showing.as_ref().map(|s| &s.card)
    }

    /// New settings (limits, retention, steps): today's queue is rebuilt under them; the
    /// summary and the undo history stay.
    pub fn change_settings(
        &mut self,
        settings: DeckSettings,
        scheduler: Scheduler,
        studied: StudiedToday,
        now: Timestamp,
        utc_offset_minutes: i32,
    ) {
        self.next_due.take();
        self.settings = settings;
        self.scheduler = scheduler;
        self.utc_offset_minutes = utc_offset_minutes;
        self.day_end = next_rollover(now, self.settings.day_rollover_hour, utc_offset_minutes);
        let today = Today {
            now,
            day_end: self.day_end,
            studied,
        };
        self.queue = build_queue(&self.states, &self.scheduler, &self.settings, today);
        if let Some(showing) = &self.showing {
            self.queue.remove(showing.at);
        }
    }

    /// At the rollover the limits start again: rebuild the queue for the new day.
    fn start_new_day(&mut self, now: Timestamp) {
        self.next_due.take();
        self.day_end = next_rollover(
            now,
            self.settings.day_rollover_hour,
            self.utc_offset_minutes,
        );
        let today = Today {
            now,
            day_end: self.day_end,
            studied: StudiedToday::default(),
        };
        self.queue = build_queue(&self.states, &self.scheduler, &self.settings, today);
        self.showing = None;
    }

    /// The state of a card (new cards, and cards not in the deck, have the default state).
    pub fn state(&self, card: &CardId) -> CardState {
        self.position(card)
            .map(|at| self.states[at].clone())
            .unwrap_or_default()
    }

    /// Where `card` is in the deck. Reads every id: for occasional questions only (the queue
    /// and the card on screen know their positions).
    fn position(&self, card: &CardId) -> Option<usize> {
        self.cards.position(card)
    }

    /// What each button would do to the card on screen: the labels show these.
    pub fn outcomes(&self, now: Timestamp) -> Option<Outcomes> {
        let showing = self.showing.as_ref()?;
        let state = &self.states[showing.at];
        Some(
            self.scheduler
                .outcomes(state, now, fuzz_seed(showing.card.as_str(), state.reps)),
        )
    }

    /// The answer `rating` at `now` would give; nothing changes until [`Session::commit_answer`].
    pub fn prepare_answer(&self, rating: Rating, now: Timestamp) -> Option<Answer> {
        let showing = self.showing.as_ref()?;
        let previous = self.states[showing.at].clone();
        let outcome = self.scheduler.answer(
            &previous,
            rating,
            now,
            fuzz_seed(showing.card.as_str(), previous.reps),
        );
        let took_ms = (now.0 - showing.since.0).clamp(0, MAX_ANSWER_MS) as u32;
        Some(Answer {
            card: showing.card.clone(),
            rating,
            at: now,
            took_ms,
            previous,
            state: outcome.state,
            became_leech: outcome.became_leech,
        })
    }

    /// Applies a recorded answer to the card on screen (`seq` is its number in the journal,
    /// kept for undo).
    pub fn commit_answer(&mut self, answer: Answer, seq: u64) {
        let Some(at) = self.showing.take().map(|s| s.at) else {
            return;
        };
        debug_assert_eq!(self.cards.id(at), answer.card);
        self.next_due.take();
        self.states[at] = answer.state.clone();
        self.queue.schedule(at, &answer.state);
        self.summary.reviewed += 1;
        self.summary.again += u32::from(answer.rating == Rating::Again);
        self.summary.time_ms += i64::from(answer.took_ms);
        if answer.became_leech {
            self.summary.leeches.push(answer.card.clone());
        }
        self.undo.push((answer, seq, at));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    /// The answer an undo would take back, with its journal number.
    pub fn last_answer(&self) -> Option<(&Answer, u64)> {
        self.undo.last().map(|(answer, seq, _)| (answer, *seq))
    }

    /// Takes back the last answer (already recorded as undone): the card gets its previous
    /// state and is shown again at once.
    pub fn commit_undo(&mut self, now: Timestamp) -> Option<Answer> {
        let (answer, _, at) = self.undo.pop()?;
        self.next_due.take();
        self.states[at] = answer.previous.clone();
        self.queue.restore(at, Some(&answer.previous));
        self.summary.reviewed -= 1;
        self.summary.again -= u32::from(answer.rating == Rating::Again);
        self.summary.time_ms -= i64::from(answer.took_ms);
        if answer.became_leech {
            self.summary.leeches.retain(|c| c != &answer.card);
        }
        self.showing = Some(Showing {
            card: answer.card.clone(),
            at,
            since: now,
        });
        Some(answer)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Cards left today by kind.
    pub fn counts(&self) -> QueueCounts {
        self.queue.counts()
    }

    pub fn summary(&self) -> &SessionSummary {
        &self.summary
    }

    /// When the next card of this deck is due after today's queue is done: a learning card later
    /// today, or the earliest review.
    pub fn next_due(&self) -> Option<Timestamp> {
        if let Some(known) = self.next_due.get() {
            return known;
        }
        let reviews = self
            .states
            .iter()
            .filter(|s| s.phase != Phase::New)
            .map(|s| s.due);
        let next = self
            .queue
            .next_learning_due()
            .into_iter()
            .chain(reviews)
            .filter(|due| due.0 > 0)
            .min();
        self.next_due.set(Some(next));
        next
    }

    /// Whether `card` is a leech: forgotten `leech_threshold` times (0 turns leeches off).
    pub fn is_leech(&self, card: &CardId) -> bool {
        let threshold = self.settings.leech_threshold;
        threshold > 0 && self.state(card).lapses >= threshold
    }
}
