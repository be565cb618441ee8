//! Statistics: the figures the Stats screen draws and `recap stats` prints, computed from a
//! deck's review log, its cards' states and its settings.
//!
//! Pure: "now" and the learner's UTC offset come in as parameters (study days roll over at the
//! deck's rollover hour, local time), so every figure is reproducible in tests. Each figure
//! has its own file and a `merge`, so the figures for all decks are the decks' figures
//! combined ([`Stats::merge`]). The one file that reads the disk is `load`: it gathers a deck's
//! log, progress and quiz history for the command line and the Stats screen alike.

mod answers;
mod calendar;
mod cards;
mod date;
mod forecast;
mod load;
mod previous;
mod quiz;
mod retention;

pub use answers::{Answer, answers_from_log, interval_days, review_interval_days};
pub use calendar::{CALENDAR_DAYS, DayActivity, ReviewCalendar, Streaks, review_calendar, streaks};
pub use cards::{CardCounts, card_counts};
pub use date::{LocalDate, StudyDays, readable_duration};
pub use forecast::{
    DueDay, DueForecast, FORECAST_DAYS, MATURE_INTERVAL_DAYS, due_forecast, is_mature,
};
pub use load::{DeckStats, LibraryStats, LoadedStats, load_deck_stats, load_library_stats};
pub use quiz::{QuizEntry, QuizScore, QuizScores, quiz_scores};
pub use retention::{
    DayRetention, INTERVAL_RANGES, IntervalRange, PERIODS, PassRate, TrueRetention, true_retention,
};

use crate::model::{Deck, Timestamp};
use crate::schedule::{CardState, DeckSettings};
use crate::store::progress::{Entry, Snapshot};

/// Every figure of one deck, or of several combined.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    /// The study day the figures are for.
    pub today: i64,
    pub calendar: ReviewCalendar,
    pub forecast: DueForecast,
    pub retention: TrueRetention,
    pub cards: CardCounts,
    /// Time spent answering over the whole history, in milliseconds.
    pub study_time_ms: u64,
    /// Answers in effect over the whole history.
    pub answers: u64,
    pub quizzes: QuizScores,
}

/// What one deck's figures are computed from.
#[derive(Debug, Clone)]
pub struct DeckInput<'a> {
    /// The review log (`read_history`): every answer and undo, in time order.
    pub log: &'a [Entry],
    /// One entry per card in the deck; None for a card never answered. See [`card_states`].
    pub card_states: Vec<Option<&'a CardState>>,
    pub settings: &'a DeckSettings,
    /// From the quiz history; empty when the deck was never quizzed.
    pub quizzes: &'a [QuizEntry],
}

/// The states of the deck's cards, in deck order (a card studied both ways counts twice, its
/// reversed side after it). Progress of cards no longer in the deck is kept in the snapshot but
/// not counted: the figures describe the deck as it is.
pub fn card_states<'a>(deck: &Deck, progress: &'a Snapshot) -> Vec<Option<&'a CardState>> {
    deck.as_studied()
        .cards
        .iter()
        .map(|card| progress.cards.get(&card.id))
        .collect()
}

/// One deck's figures as of `now`, for a learner `utc_offset_minutes` east of UTC.
pub fn deck_stats(input: &DeckInput, now: Timestamp, utc_offset_minutes: i32) -> Stats {
    let answers = answers_from_log(input.log);
    stats_from_answers(&answers, input, now, utc_offset_minutes)
}

/// [`deck_stats`] from answers already taken out of the log (the log is read once per deck,
/// and the benchmark times the two steps apart).
pub fn stats_from_answers(
    answers: &[Answer],
    input: &DeckInput,
    now: Timestamp,
    utc_offset_minutes: i32,
) -> Stats {
    let settings = input.settings;
    let study_days = StudyDays {
        rollover_hour: settings.day_rollover_hour,
        utc_offset_minutes,
    };
    let today = study_days.day_of(now);
    let states = input.card_states.iter().copied();
    Stats {
        today,
        calendar: review_calendar(answers, study_days, today),
        forecast: due_forecast(states.clone().flatten(), study_days, today),
        retention: true_retention(answers, study_days, today, settings.desired_retention),
        cards: card_counts(states, settings.leech_threshold),
        study_time_ms: answers.iter().map(|a| u64::from(a.took_ms)).sum(),
        answers: answers.len() as u64,
        quizzes: quiz_scores(input.quizzes, study_days),
    }
}

impl Stats {
    /// Adds another deck's figures: counts add up, streaks and retention are recomputed from
    /// the combined days and answers.
    pub fn merge(&mut self, other: &Stats) {
        self.today = self.today.max(other.today);
        self.calendar.merge(&other.calendar);
        self.forecast.merge(&other.forecast);
        self.retention.merge(&other.retention);
        self.cards.merge(&other.cards);
        self.study_time_ms += other.study_time_ms;
        self.answers += other.answers;
        self.quizzes.merge(&other.quizzes);
    }

    /// The figures of all `decks` together; None without any deck.
    pub fn combine<'a>(decks: impl IntoIterator<Item = &'a Stats>) -> Option<Stats> {
        let mut decks = decks.into_iter();
        let mut all = decks.next()?.clone();
        for deck in decks {
            all.merge(deck);
        }
        Some(all)
    }
}
