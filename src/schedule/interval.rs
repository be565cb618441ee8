//! Review intervals: how many days until recall probability falls to the desired retention.
//!
//! Computed in f64 in py-fsrs's exact order, so a due date agrees with py-fsrs unless the
//! interval sits within f32 noise of a half day (see tests/schedule_conformance.rs).

/// Turns stability into whole days at one desired retention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntervalRule {
    /// `0.9^(1/decay) - 1`, the forgetting curve's scale.
    factor: f64,
    /// `retention^(1/decay) - 1`.
    retention_term: f64,
    maximum_days: u32,
}

impl IntervalRule {
    /// `decay` is FSRS parameter w20 (positive); `maximum_days` at least 1.
    pub fn new(decay: f32, desired_retention: f32, maximum_days: u32) -> IntervalRule {
        let decay = -as_python_float(decay);
        let retention = as_python_float(desired_retention);
        IntervalRule {
            factor: 0.9f64.powf(1.0 / decay) - 1.0,
            retention_term: retention.powf(1.0 / decay) - 1.0,
            maximum_days: maximum_days.max(1),
        }
    }

    /// Whole days, at least 1 and at most the maximum interval.
    pub fn days(&self, stability: f32) -> u32 {
        let exact = (f64::from(stability) / self.factor) * self.retention_term;
        if !exact.is_finite() {
            return self.maximum_days;
        }
        // Python's round() breaks ties to even.
        let rounded = exact
            .round_ties_even()
            .clamp(1.0, f64::from(self.maximum_days));
        rounded as u32
    }

    pub fn maximum_days(&self) -> u32 {
        self.maximum_days
    }
}

/// The f64 a person meant when they wrote this f32 (0.9f32 → 0.9, not 0.899999976…): the
/// shortest decimal that reads back as the same f32, as py-fsrs holds the same settings.
pub fn as_python_float(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_ninety_percent_interval_equals_stability() {
        let rule = IntervalRule::new(0.1542, 0.9, 36_500);
        assert_eq!(rule.days(10.0), 10);
        assert_eq!(rule.days(2.3065), 2);
        assert_eq!(rule.days(123.6), 124);
    }

    #[test]
    fn intervals_stay_between_one_day_and_the_maximum() {
        let rule = IntervalRule::new(0.1542, 0.9, 365);
        assert_eq!(rule.days(0.001), 1);
        assert_eq!(rule.days(0.3), 1);
        assert_eq!(rule.days(36_500.0), 365);
        assert_eq!(rule.days(f32::INFINITY), 365);
        assert_eq!(IntervalRule::new(0.1542, 0.9, 0).days(50.0), 1);
    }

    #[test]
    fn lower_retention_means_longer_intervals() {
        let strict = IntervalRule::new(0.1542, 0.95, 36_500);
        let loose = IntervalRule::new(0.1542, 0.8, 36_500);
        assert!(strict.days(20.0) < 20);
        assert!(loose.days(20.0) > 20);
    }

    #[test]
    fn settings_read_as_written() {
        assert_eq!(as_python_float(0.9), 0.9);
        assert_eq!(as_python_float(0.1542), 0.1542);
    }
}
