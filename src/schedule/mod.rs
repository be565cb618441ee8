//! Scheduling: what each answer does to a card. FSRS-6 (the `fsrs` crate) gives the memory
//! model; this module adds what the crate leaves to the app, as Anki and py-fsrs do: phases,
//! learning steps, intervals at the desired retention, fuzz, study days.

mod error;
mod fuzz;
mod interval;
mod label;
mod memory;
mod outcomes;
mod rollover;
mod settings;
mod state;
mod step_text;
mod steps;

pub use error::{ScheduleError, StepKind};
pub use fuzz::{fuzz_factor, fuzz_range, fuzz_seed, fuzzed_interval};
pub use interval::IntervalRule;
pub use label::format_interval;
pub use memory::MemoryModel;
pub use outcomes::{Outcome, Outcomes, Scheduler, elapsed_whole_days, is_leech_alert};
pub use rollover::{next_rollover, study_day};
pub use settings::DeckSettings;
pub use state::{CardState, MemoryState, Phase, states_in_deck_order};
pub use step_text::{format_steps, parse_steps};
pub use steps::{StepOutcome, Steps};
