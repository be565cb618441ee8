//! Why deck settings cannot drive the scheduler.
//!
//! The settings live in a deck's progress file; the caller adds the file name when it reports
//! one of these, so each message names the setting, the bad value and what to do about it.

/// Deck settings the scheduler refuses, found when a [`super::Scheduler`] is built, so a bad
/// value never reaches an answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScheduleError {
    #[error(
        "FSRS parameters: expected 21 numbers, found {found}; \
         remove `parameters` from the deck settings to use the defaults, or run the optimizer again"
    )]
    ParameterCount { found: usize },

    #[error(
        "FSRS parameter w{index} = {value} is outside {min}..={max}; \
         remove `parameters` from the deck settings to use the defaults, or run the optimizer again"
    )]
    ParameterOutOfRange {
        index: usize,
        value: f32,
        min: f32,
        max: f32,
    },

    #[error(
        "desired_retention {value} is outside 0.7..=0.99; \
         set it to a probability such as 0.9 (90% of reviews remembered)"
    )]
    Retention { value: f32 },

    #[error(
        "{kind} step {number} is {minutes} minutes; each step must be a number of minutes \
         above 0 and at most {max_minutes} (100 years): fix or remove it"
    )]
    Step {
        kind: StepKind,
        /// 1-based, as a person counts the steps.
        number: usize,
        minutes: f32,
        max_minutes: f32,
    },

    #[error("maximum_interval is 0 days; set it to at least 1 (the default is 36500)")]
    MaximumInterval,

    #[error(
        "day_rollover_hour is {hour}; set it to an hour of the day, 0 to 23 (the default is 4)"
    )]
    RolloverHour { hour: u32 },
}

/// Which list of steps a [`ScheduleError::Step`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Learning,
    Relearning,
}

impl std::fmt::Display for StepKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StepKind::Learning => "learning_steps:",
            StepKind::Relearning => "relearning_steps:",
        })
    }
}
