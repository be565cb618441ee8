//! Parameter optimization: fit FSRS to a learner's own review history.
//!
//! Pure core: reviews come in as values (from a CSV review log via [`read_revlog`], or later
//! from Recap's progress journal), figures and parameters go out. Nothing here prints.

mod deck;
mod evaluate;
mod items;
mod review;
mod revlog;
mod timestamp;

pub use deck::{DeckOptimization, optimize_deck, reviews_from_history};
pub use evaluate::{
    Figures, OptimizeError, OptimizeReport, evaluate_parameters, evaluate_time_splits,
    fit_parameters, optimize_reviews,
};
pub use items::{TrainingItems, build_items};
pub use review::{DayBoundary, Review};
pub use revlog::{ParseFailure, REVLOG_COLUMNS, RevlogError, parse_revlog, read_revlog};
pub use timestamp::{TimestampError, parse_iso8601};
