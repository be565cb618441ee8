//! Learning and relearning steps: the short, minute-scale delays before a card graduates to
//! day-scale intervals. Behaves exactly as py-fsrs 6 (the reference for FSRS with steps).

use super::error::{ScheduleError, StepKind};
use crate::model::{MS_PER_MINUTE, Rating};

/// The longest step accepted: 100 years, like the longest interval.
const MAX_STEP_MINUTES: f32 = 36_500.0 * 24.0 * 60.0;

/// One list of steps, in milliseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Steps(Vec<i64>);

/// What an answer does to a card on a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOutcome {
    /// Stay in (re)learning on step `step`, due again after `delay_ms`.
    Stay { step: u32, delay_ms: i64 },
    /// Leave the steps: the card becomes a review card with a day interval.
    Graduate,
}

impl Steps {
    /// Steps given in minutes, as deck settings hold them.
    pub fn from_minutes(minutes: &[f32], kind: StepKind) -> Result<Steps, ScheduleError> {
        let mut steps = Vec::with_capacity(minutes.len());
        for (index, &step) in minutes.iter().enumerate() {
            if !(step > 0.0 && step <= MAX_STEP_MINUTES) {
                return Err(ScheduleError::Step {
                    kind,
                    number: index + 1,
                    minutes: step,
                    max_minutes: MAX_STEP_MINUTES,
                });
            }
            steps.push((f64::from(step) * MS_PER_MINUTE as f64).round() as i64);
        }
        Ok(Steps(steps))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The delay of the first step, if any.
    pub fn first(&self) -> Option<i64> {
        self.0.first().copied()
    }

    /// What `rating` does to a card on step `step`. A step beyond the list (the deck's steps
    /// were shortened since) graduates on a pass and restarts on Again, as in py-fsrs.
    pub fn answer(&self, step: u32, rating: Rating) -> StepOutcome {
        let steps = &self.0;
        let index = step as usize;
        if steps.is_empty() || (index >= steps.len() && rating != Rating::Again) {
            return StepOutcome::Graduate;
        }
        match rating {
            Rating::Again => StepOutcome::Stay {
                step: 0,
                delay_ms: steps[0],
            },
            Rating::Hard => StepOutcome::Stay {
                step,
                delay_ms: self.hard_delay(index),
            },
            Rating::Good if index + 1 >= steps.len() => StepOutcome::Graduate,
            Rating::Good => StepOutcome::Stay {
                step: step + 1,
                delay_ms: steps[index + 1],
            },
            Rating::Easy => StepOutcome::Graduate,
        }
    }

    /// Hard repeats the current step, except on the first step, where it waits between the
    /// first and the second (or 1.5× the only step): Hard must come sooner than Good.
    fn hard_delay(&self, index: usize) -> i64 {
        let steps = &self.0;
        match (index, steps.len()) {
            (0, 1) => halve_to_even(steps[0] * 3),
            (0, _) => halve_to_even(steps[0] + steps[1]),
            _ => steps[index],
        }
    }
}

/// `twice / 2`, rounding a half millisecond to even as py-fsrs's timedelta does.
fn halve_to_even(twice: i64) -> i64 {
    let half = twice / 2;
    if twice % 2 != 0 && half % 2 != 0 {
        half + 1
    } else {
        half
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_to_even_like_python() {
        assert_eq!(halve_to_even(4), 2);
        assert_eq!(halve_to_even(5), 2);
        assert_eq!(halve_to_even(7), 4);
    }

    #[test]
    fn steps_must_be_positive_minutes() {
        assert!(Steps::from_minutes(&[1.0, 0.0], StepKind::Learning).is_err());
        assert!(Steps::from_minutes(&[f32::NAN], StepKind::Relearning).is_err());
        let err = Steps::from_minutes(&[1.0, -3.0], StepKind::Learning).unwrap_err();
        assert!(
            err.to_string()
                .contains("learning_steps: step 2 is -3 minutes"),
            "{err}"
        );
    }
}
