//! The memory model: a thin bridge to the `fsrs` crate (FSRS-6, the crate Anki uses).
//!
//! The crate computes in f32 and caps stability at 36,500 days, as Anki does. We keep our own
//! copy of the 21 parameters because the crate hides its copy and the interval formula needs
//! the decay (w20).

use super::error::ScheduleError;
use super::state::MemoryState;
use crate::model::Rating;

/// Parameter bounds, as py-fsrs checks them and the fsrs crate clips to them. Checking instead
/// of clipping means a damaged progress file is reported rather than silently reinterpreted.
const PARAMETER_BOUNDS: [(f32, f32); 21] = [
    (0.001, 100.0),
    (0.001, 100.0),
    (0.001, 100.0),
    (0.001, 100.0),
    (1.0, 10.0),
    (0.001, 4.0),
    (0.001, 4.0),
    (0.001, 0.75),
    (0.0, 4.5),
    (0.0, 0.8),
    (0.001, 3.5),
    (0.001, 5.0),
    (0.001, 0.25),
    (0.001, 0.9),
    (0.0, 4.0),
    (0.0, 1.0),
    (1.0, 6.0),
    (0.0, 2.0),
    (0.0, 2.0),
    (0.0, 0.8),
    (0.1, 0.8),
];

/// FSRS-6 with one set of parameters.
#[derive(Debug, Clone)]
pub struct MemoryModel {
    fsrs: fsrs::FSRS,
    parameters: [f32; 21],
}

impl MemoryModel {
    /// The model with `parameters`, or the FSRS-6 defaults when None.
    pub fn new(parameters: Option<&[f32]>) -> Result<MemoryModel, ScheduleError> {
        let parameters: [f32; 21] = match parameters {
            None => fsrs::DEFAULT_PARAMETERS,
            Some(given) => given
                .try_into()
                .map_err(|_| ScheduleError::ParameterCount { found: given.len() })?,
        };
        for (index, (&value, &(min, max))) in parameters.iter().zip(&PARAMETER_BOUNDS).enumerate() {
            // `contains` is false for NaN too.
            if !(min..=max).contains(&value) {
                return Err(ScheduleError::ParameterOutOfRange {
                    index,
                    value,
                    min,
                    max,
                });
            }
        }
        // Only a wrong count or a non-finite number makes the crate refuse; both are excluded.
        let fsrs = fsrs::FSRS::new(&parameters).map_err(|_| ScheduleError::ParameterCount {
            found: parameters.len(),
        })?;
        Ok(MemoryModel { fsrs, parameters })
    }

    pub fn parameters(&self) -> &[f32; 21] {
        &self.parameters
    }

    /// The forgetting curve's decay (positive; the curve uses its negative).
    pub fn decay(&self) -> f32 {
        self.parameters[20]
    }

    /// The memory state after each answer, indexed Again, Hard, Good, Easy. `memory` None means
    /// a first answer (initial stability and difficulty). Zero `elapsed_days` uses FSRS-6's
    /// same-day (short-term) formula, as py-fsrs does for any answer less than a day after the
    /// previous one.
    pub fn next_states(&self, memory: Option<MemoryState>, elapsed_days: u32) -> [MemoryState; 4] {
        let current = memory.map(|m| fsrs::MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        });
        // Retention only affects the crate's own intervals, which we do not use.
        match self.fsrs.next_states(current, 0.9, elapsed_days) {
            Ok(next) => [next.again, next.hard, next.good, next.easy].map(|item| MemoryState {
                stability: item.memory.stability,
                difficulty: item.memory.difficulty,
            }),
            // The crate refuses only non-finite results, which come from a non-finite stored
            // state (a damaged file): start that card's memory over rather than panic.
            Err(_) => self.next_states(None, 0),
        }
    }

    /// The memory state after answering `rating`.
    pub fn next_state(
        &self,
        memory: Option<MemoryState>,
        elapsed_days: u32,
        rating: Rating,
    ) -> MemoryState {
        self.next_states(memory, elapsed_days)[rating_index(rating)]
    }

    /// Probability of recall `elapsed_days` after the last review.
    pub fn retrievability(&self, memory: MemoryState, elapsed_days: f32) -> f32 {
        let state = fsrs::MemoryState {
            stability: memory.stability,
            difficulty: memory.difficulty,
        };
        fsrs::current_retrievability(state, elapsed_days.max(0.0), self.decay())
    }
}

/// Position of a rating in arrays ordered Again, Hard, Good, Easy.
pub fn rating_index(rating: Rating) -> usize {
    usize::from(rating.number() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_answer_uses_initial_parameters() {
        let model = MemoryModel::new(None).unwrap();
        let [again, _, good, easy] = model.next_states(None, 0);
        assert_eq!(again.stability, 0.212);
        assert_eq!(good.stability, 2.3065);
        assert_eq!(easy.difficulty, 1.0);
    }

    #[test]
    fn bad_parameters_are_refused_with_their_place() {
        let mut params = fsrs::DEFAULT_PARAMETERS.to_vec();
        params[7] = 0.9;
        let err = MemoryModel::new(Some(&params)).unwrap_err();
        assert!(matches!(
            err,
            ScheduleError::ParameterOutOfRange { index: 7, .. }
        ));
        assert!(err.to_string().contains("w7 = 0.9"));
        params[7] = f32::NAN;
        assert!(MemoryModel::new(Some(&params)).is_err());
        let err = MemoryModel::new(Some(&params[..19])).unwrap_err();
        assert_eq!(err, ScheduleError::ParameterCount { found: 19 });
    }

    #[test]
    fn retrievability_falls_to_ninety_percent_at_stability() {
        let model = MemoryModel::new(None).unwrap();
        let memory = MemoryState {
            stability: 10.0,
            difficulty: 5.0,
        };
        assert!((model.retrievability(memory, 10.0) - 0.9).abs() < 1e-5);
        assert_eq!(model.retrievability(memory, 0.0), 1.0);
    }
}
