//! One past answer, and where one study day ends and the next begins.

use crate::model::{MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, Rating, Timestamp};

/// One answer from a review history: the optimizer's input, whatever file it came from (a CSV
/// review log, or Recap's own progress journal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Which card was answered; only compared for equality, so any id scheme works.
    pub card: String,
    pub rating: Rating,
    pub at: Timestamp,
    /// Time taken to answer. FSRS ignores it; it is kept so nothing read is silently dropped.
    pub duration_ms: u32,
}

/// Where study days start. FSRS counts intervals in whole days, and a review at 01:00 belongs to
/// the evening before, as in Anki: the day "rolls over" at a fixed local hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayBoundary {
    /// Local hour (0–23) at which a new day starts; Anki's default is 4.
    pub rollover_hour: u8,
    /// The learner's offset east of UTC, in minutes (e.g. +120 for UTC+02:00).
    pub utc_offset_minutes: i32,
}

impl Default for DayBoundary {
    /// 04:00 UTC: the convention of the reference figures.
    fn default() -> Self {
        DayBoundary {
            rollover_hour: 4,
            utc_offset_minutes: 0,
        }
    }
}

impl DayBoundary {
    /// The study day `at` falls in, counted from the one containing the Unix epoch. Only
    /// differences between these numbers mean anything.
    pub fn day_of(self, at: Timestamp) -> i64 {
        let local = at.millis() + i64::from(self.utc_offset_minutes) * MS_PER_MINUTE;
        (local - i64::from(self.rollover_hour) * MS_PER_HOUR).div_euclid(MS_PER_DAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = MS_PER_HOUR;

    #[test]
    fn the_day_rolls_over_at_the_rollover_hour() {
        let boundary = DayBoundary::default();
        let midnight = Timestamp(20 * MS_PER_DAY);
        assert_eq!(boundary.day_of(Timestamp(midnight.0 + 4 * HOUR - 1)), 19);
        assert_eq!(boundary.day_of(Timestamp(midnight.0 + 4 * HOUR)), 20);
    }

    #[test]
    fn the_offset_moves_the_boundary_to_local_time() {
        let utc_plus_two = DayBoundary {
            rollover_hour: 4,
            utc_offset_minutes: 120,
        };
        let midnight = Timestamp(20 * MS_PER_DAY);
        // 02:00 UTC is 04:00 local: the new day has begun.
        assert_eq!(utc_plus_two.day_of(Timestamp(midnight.0 + 2 * HOUR)), 20);
        assert_eq!(
            utc_plus_two.day_of(Timestamp(midnight.0 + 2 * HOUR - 1)),
            19
        );
    }
}
