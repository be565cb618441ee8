//! Study days as calendar dates, for labels: the heatmap and the command line show
//! `2026-11-28`, not day numbers.
//!
//! A study day number (see [`crate::schedule::study_day`]) counts local days since
//! 1970-01-01, so the date is plain civil-date arithmetic; no calendar crate is needed.

use crate::model::Timestamp;
use crate::schedule::study_day;
use std::fmt;

/// Where study days begin: the deck's rollover hour in the learner's local time. The caller
/// knows the time zone; the core takes it as an offset so that it stays pure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyDays {
    /// Local hour (0–23) at which a new study day starts (04:00 by default).
    pub rollover_hour: u32,
    /// The learner's offset east of UTC, in minutes (+120 for UTC+02:00).
    pub utc_offset_minutes: i32,
}

impl StudyDays {
    /// The study day `at` counts for: an answer at 02:00 counts for the evening before.
    pub fn day_of(self, at: Timestamp) -> i64 {
        study_day(at, self.rollover_hour, self.utc_offset_minutes)
    }
}

/// A local calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl LocalDate {
    /// The date of study day `day` (days since 1970-01-01 in local time).
    pub fn of_study_day(day: i64) -> LocalDate {
        // Days since 0000-03-01, in 400-year eras of 146,097 days: putting February last
        // makes the leap day the era's last day.
        let shifted = day + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day_of_month = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        LocalDate {
            year: year as i32,
            month: month as u32,
            day: day_of_month as u32,
        }
    }
}

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `1h 05m`, `4m 09s`: how long, for people.
pub fn readable_duration(ms: u64) -> String {
    let seconds = ms / 1000;
    let (hours, minutes) = (seconds / 3600, seconds / 60 % 60);
    if hours > 0 {
        format!("{hours}h {minutes:02}m")
    } else {
        format!("{minutes}m {:02}s", seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_become_dates() {
        assert_eq!(LocalDate::of_study_day(0).to_string(), "1970-01-01");
        assert_eq!(LocalDate::of_study_day(-1).to_string(), "1969-12-31");
        assert_eq!(LocalDate::of_study_day(59).to_string(), "1970-03-01");
        // 2000 is a leap year, 2100 is not.
        assert_eq!(LocalDate::of_study_day(11_016).to_string(), "2000-02-29");
        assert_eq!(LocalDate::of_study_day(47_541).to_string(), "2100-03-01");
        assert_eq!(LocalDate::of_study_day(20_785).to_string(), "2026-11-28");
    }
}
