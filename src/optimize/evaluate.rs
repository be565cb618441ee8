//! Fits FSRS parameters to a review history and measures how well they predict it.
//!
//! The `fsrs` crate does the learning; this module decides what to ask of it and in what order,
//! and turns its terse errors into ones a learner can act on. Three figures tell whether
//! optimizing helps: the default parameters on the history, the fitted ones on the same history
//! (optimistic, they have seen it), and a 5-split time-series evaluation that trains on the past
//! and tests on the next period only (honest: what the learner can expect from now on).

use super::items::{TrainingItems, build_items};
use super::review::{DayBoundary, Review};
use fsrs::{
    ComputeParametersInput, DEFAULT_PARAMETERS, FSRS, FSRSError, compute_parameters,
    evaluate_with_time_series_splits,
};

/// How well some parameters predict a history (lower is better for both).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Mean weighted cross-entropy of the predicted recall probabilities.
    pub log_loss: f32,
    /// Calibration error: RMSE between predicted and actual recall over bins of similar reviews.
    pub rmse_bins: f32,
}

/// Everything `recap optimize` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizeReport {
    /// Reviews given as input.
    pub reviews: usize,
    /// Reviews the model was asked to predict: those on a later day than the card's previous one.
    pub evaluated: usize,
    pub default: Figures,
    pub optimized: Figures,
    pub time_split: Figures,
    /// The fitted FSRS-6 parameters (21 numbers).
    pub parameters: Vec<f32>,
}

/// Why parameters could not be fitted or evaluated.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum OptimizeError {
    #[error(
        "not enough history to optimize: {evaluated} reviews fall on a later day than their card's \
         previous review, and FSRS needs more (a few hundred for a useful fit). Review for longer, \
         or give a longer review log."
    )]
    NotEnoughData { evaluated: usize },
    #[error(
        "the FSRS optimizer rejected this history ({0:?}); check that the review times are \
         plausible (no dates far in the future or past)."
    )]
    Rejected(FSRSError),
}

impl OptimizeError {
    fn from_fsrs(error: FSRSError, evaluated: usize) -> OptimizeError {
        match error {
            FSRSError::NotEnoughData => OptimizeError::NotEnoughData { evaluated },
            other => OptimizeError::Rejected(other),
        }
    }
}

/// Builds the items, fits parameters, and computes the three sets of figures.
///
/// This trains FSRS six times (once on everything, once per time split): seconds to a minute on
/// tens of thousands of reviews.
pub fn optimize_reviews(
    reviews: &[Review],
    days: DayBoundary,
) -> Result<OptimizeReport, OptimizeError> {
    let items = build_items(reviews, days);
    let evaluated = items.len();
    let parameters = fit_parameters(&items)?;
    Ok(OptimizeReport {
        reviews: reviews.len(),
        evaluated,
        default: evaluate_parameters(&items, &DEFAULT_PARAMETERS)?,
        optimized: evaluate_parameters(&items, &parameters)?,
        time_split: evaluate_time_splits(&items)?,
        parameters,
    })
}

/// FSRS-6 parameters fitted to all the items (short-term memory parameters included, as Anki).
pub fn fit_parameters(items: &TrainingItems) -> Result<Vec<f32>, OptimizeError> {
    if items.is_empty() {
        return Err(OptimizeError::NotEnoughData { evaluated: 0 });
    }
    compute_parameters(training_input(items))
        .map_err(|error| OptimizeError::from_fsrs(error, items.len()))
}

/// How well `parameters` predict the items (weighted towards recent ones, as the crate does).
pub fn evaluate_parameters(
    items: &TrainingItems,
    parameters: &[f32],
) -> Result<Figures, OptimizeError> {
    let to_error = |error| OptimizeError::from_fsrs(error, items.len());
    let model = FSRS::new(parameters).map_err(to_error)?;
    let evaluation = model
        .evaluate_with_card_ids(items.items.clone(), items.card_ids.clone(), |_| true)
        .map_err(to_error)?;
    Ok(Figures {
        log_loss: evaluation.log_loss,
        rmse_bins: evaluation.rmse_bins,
    })
}

/// The 5-split time-series evaluation: train on the first k sixths, test on the next one.
pub fn evaluate_time_splits(items: &TrainingItems) -> Result<Figures, OptimizeError> {
    let evaluation = evaluate_with_time_series_splits(training_input(items), |_| true)
        .map_err(|error| OptimizeError::from_fsrs(error, items.len()))?;
    Ok(Figures {
        log_loss: evaluation.log_loss,
        rmse_bins: evaluation.rmse_bins,
    })
}

fn training_input(items: &TrainingItems) -> ComputeParametersInput {
    ComputeParametersInput {
        train_set: items.items.clone(),
        card_ids: Some(items.card_ids.clone()),
        enable_short_term: true,
        ..ComputeParametersInput::default()
    }
}
