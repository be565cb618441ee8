//! Fitting a deck's FSRS parameters to the learner's own answers, keeping the old ones unless
//! the new ones predict the history better.

use super::evaluate::{Figures, OptimizeError, evaluate_parameters, fit_parameters};
use super::items::build_items;
use super::review::{DayBoundary, Review};
use crate::store::progress::{Entry, Record, answers_in_effect};

/// What optimizing one deck found.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckOptimization {
    /// Answers in the history (undone ones left out).
    pub reviews: usize,
    /// Answers the model predicts: on a later day than the card's previous answer.
    pub evaluated: usize,
    /// The current parameters on this history.
    pub current: Figures,
    /// The fitted parameters on this history.
    pub fitted: Figures,
    pub parameters: Vec<f32>,
}

impl DeckOptimization {
    /// The fitted parameters are worth keeping only if they predict the history better.
    pub fn improves(&self) -> bool {
        self.fitted.log_loss < self.current.log_loss
    }
}

/// The answers of a deck's review log as optimizer input.
pub fn reviews_from_history(entries: &[Entry]) -> Vec<Review> {
    answers_in_effect(entries)
        .into_iter()
        .filter_map(|entry| match &entry.record {
            Record::Answer {
                card,
                rating,
                at,
                took_ms,
                ..
            } => Some(Review {
                card: card.to_string(),
                rating: *rating,
                at: *at,
                duration_ms: *took_ms,
            }),
            Record::Undo { .. } | Record::Reschedule { .. } => None,
        })
        .collect()
}

/// Fits parameters to `reviews` and compares them with `current` (None = FSRS defaults).
pub fn optimize_deck(
    reviews: &[Review],
    days: DayBoundary,
    current: Option<&[f32]>,
) -> Result<DeckOptimization, OptimizeError> {
    let items = build_items(reviews, days);
    let parameters = fit_parameters(&items)?;
    let current = current.unwrap_or(&fsrs::DEFAULT_PARAMETERS);
    Ok(DeckOptimization {
        reviews: reviews.len(),
        evaluated: items.len(),
        current: evaluate_parameters(&items, current)?,
        fitted: evaluate_parameters(&items, &parameters)?,
        parameters,
    })
}
