//! What each of the four answers would do to a card, and what the chosen one does.
//!
//! Phases, steps, elapsed time and memory updates follow py-fsrs 6.3: stability and difficulty
//! change on every answer, with FSRS-6's short-term formula when less than a whole day (24 h)
//! has passed since the previous answer. Fuzz follows Anki.

use super::error::{ScheduleError, StepKind};
use super::fuzz::{fuzz_factor, fuzzed_interval};
use super::interval::IntervalRule;
use super::memory::{MemoryModel, rating_index};
use super::settings::DeckSettings;
use super::state::{CardState, MemoryState, Phase};
use super::steps::{StepOutcome, Steps};
use crate::model::{MS_PER_DAY, Rating, Timestamp};

/// The result of one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub rating: Rating,
    /// The card's state after the answer.
    pub state: CardState,
    /// Time from the answer until the card is due again (what the button label shows).
    pub interval_ms: i64,
    /// This answer made the card a leech: tag it `leech` and tell the learner.
    pub became_leech: bool,
}

/// The four possible outcomes, known before the answer so the buttons can show them.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcomes([Outcome; 4]);

impl Outcomes {
    pub fn get(&self, rating: Rating) -> &Outcome {
        &self.0[rating_index(rating)]
    }

    pub fn into_outcome(self, rating: Rating) -> Outcome {
        let [again, hard, good, easy] = self.0;
        match rating {
            Rating::Again => again,
            Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        }
    }

    /// Again, Hard, Good, Easy in order.
    pub fn iter(&self) -> impl Iterator<Item = &Outcome> {
        self.0.iter()
    }
}

/// Schedules the cards of one deck. Built once per deck from its settings, which it checks.
#[derive(Debug, Clone)]
pub struct Scheduler {
    memory: MemoryModel,
    intervals: IntervalRule,
    learning_steps: Steps,
    relearning_steps: Steps,
    fuzz: bool,
    leech_threshold: u32,
}

impl Scheduler {
    pub fn new(settings: &DeckSettings) -> Result<Scheduler, ScheduleError> {
        let retention = settings.desired_retention;
        if !(0.7..=0.99).contains(&retention) {
            return Err(ScheduleError::Retention { value: retention });
        }
        if settings.maximum_interval == 0 {
            return Err(ScheduleError::MaximumInterval);
        }
        if settings.day_rollover_hour > 23 {
            return Err(ScheduleError::RolloverHour {
                hour: settings.day_rollover_hour,
            });
        }
        let memory = MemoryModel::new(settings.parameters.as_deref())?;
        Ok(Scheduler {
            intervals: IntervalRule::new(memory.decay(), retention, settings.maximum_interval),
            memory,
            learning_steps: Steps::from_minutes(&settings.learning_steps, StepKind::Learning)?,
            relearning_steps: Steps::from_minutes(
                &settings.relearning_steps,
                StepKind::Relearning,
            )?,
            fuzz: settings.fuzz,
            leech_threshold: settings.leech_threshold,
        })
    }

    pub fn memory_model(&self) -> &MemoryModel {
        &self.memory
    }

    /// Probability that the learner recalls `card` at `now`; None for a card never answered.
    /// Counts fractional days (unlike the answer, which counts whole days as py-fsrs does), so
    /// a queue sorted by it orders cards answered the same day by the hour.
    pub fn retrievability(&self, card: &CardState, now: Timestamp) -> Option<f32> {
        let memory = known_memory(card)?;
        let last = card.last_review?;
        let elapsed_days = now.0.saturating_sub(last.0).max(0) as f64 / MS_PER_DAY as f64;
        Some(self.memory.retrievability(memory, elapsed_days as f32))
    }

    /// The four outcomes of answering `card` at `now`. `fuzz_seed` picks the fuzz; the same
    /// seed must go to [`Scheduler::answer`] so the answer keeps the promise of the labels.
    pub fn outcomes(&self, card: &CardState, now: Timestamp, fuzz_seed: u64) -> Outcomes {
        let elapsed_days = elapsed_whole_days(card.last_review, now);
        let next_memory = self.memory.next_states(known_memory(card), elapsed_days);
        let fuzz = self.fuzz.then(|| fuzz_factor(fuzz_seed));
        Outcomes(
            Rating::ALL.map(|rating| {
                self.outcome(card, now, rating, next_memory[rating_index(rating)], fuzz)
            }),
        )
    }

    /// Answers `card` with `rating` at `now`: exactly the matching entry of
    /// [`Scheduler::outcomes`] for the same arguments.
    pub fn answer(
        &self,
        card: &CardState,
        rating: Rating,
        now: Timestamp,
        fuzz_seed: u64,
    ) -> Outcome {
        self.outcomes(card, now, fuzz_seed).into_outcome(rating)
    }

    fn outcome(
        &self,
        card: &CardState,
        now: Timestamp,
        rating: Rating,
        memory: MemoryState,
        fuzz: Option<f64>,
    ) -> Outcome {
        let lapsed = card.phase == Phase::Review && rating == Rating::Again;
        let (phase, step, interval_ms) = match self.step_outcome(card, rating) {
            StepOutcome::Stay { step, delay_ms } => (self.stay_phase(card.phase), step, delay_ms),
            StepOutcome::Graduate => (Phase::Review, 0, self.review_interval_ms(memory, fuzz)),
        };
        let lapses = card.lapses.saturating_add(u32::from(lapsed));
        let state = CardState {
            phase,
            step,
            memory: Some(memory),
            due: Timestamp(now.0.saturating_add(interval_ms)),
            last_review: Some(now),
            reps: card.reps.saturating_add(1),
            lapses,
        };
        Outcome {
            rating,
            state,
            interval_ms,
            became_leech: lapsed && is_leech_alert(lapses, self.leech_threshold),
        }
    }

    /// Steps decide for new and (re)learning cards; a review card leaves Review only when
    /// forgotten, for its relearning steps (if there are none it stays a review card).
    fn step_outcome(&self, card: &CardState, rating: Rating) -> StepOutcome {
        match card.phase {
            Phase::New => self.learning_steps.answer(0, rating),
            Phase::Learning => self.learning_steps.answer(card.step, rating),
            Phase::Relearning => self.relearning_steps.answer(card.step, rating),
            Phase::Review => match (rating, self.relearning_steps.first()) {
                (Rating::Again, Some(delay_ms)) => StepOutcome::Stay { step: 0, delay_ms },
                _ => StepOutcome::Graduate,
            },
        }
    }

    fn stay_phase(&self, phase: Phase) -> Phase {
        match phase {
            Phase::New | Phase::Learning => Phase::Learning,
            Phase::Review | Phase::Relearning => Phase::Relearning,
        }
    }

    fn review_interval_ms(&self, memory: MemoryState, fuzz: Option<f64>) -> i64 {
        let days = self.intervals.days(memory.stability);
        let days = match fuzz {
            Some(factor) => fuzzed_interval(days, factor, self.intervals.maximum_days()),
            None => days,
        };
        i64::from(days) * MS_PER_DAY
    }
}

/// The memory state to start from: none for a card never answered (or whose state was lost).
fn known_memory(card: &CardState) -> Option<MemoryState> {
    match card.phase {
        Phase::New => None,
        _ => card
            .memory
            .filter(|m| m.stability.is_finite() && m.difficulty.is_finite()),
    }
}

/// Whole 24-hour periods since the last answer, as py-fsrs counts them (not calendar days).
/// A clock that went backwards counts as no time at all.
pub fn elapsed_whole_days(last_review: Option<Timestamp>, now: Timestamp) -> u32 {
    match last_review {
        Some(last) => {
            let days = now.0.saturating_sub(last.0).max(0) / MS_PER_DAY;
            u32::try_from(days).unwrap_or(u32::MAX)
        }
        None => 0,
    }
}

/// Anki's rule: a card becomes a leech at the threshold-th lapse, and the learner is reminded
/// every half threshold after that. A threshold of 0 turns leeches off.
pub fn is_leech_alert(lapses: u32, threshold: u32) -> bool {
    if threshold == 0 || lapses < threshold {
        return false;
    }
    let every = (threshold / 2).max(1);
    (lapses - threshold).is_multiple_of(every)
}
