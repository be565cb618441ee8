//! Short interval labels for the answer buttons ("10m", "4d", "1.2y"), as Anki writes them.

/// Anki's unit lengths, in seconds: a month is a twelfth of a year.
const MINUTE: f64 = 60.0;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;
const MONTH: f64 = 30.417 * DAY;
const YEAR: f64 = 365.0 * DAY;

/// The label for an interval of `ms` milliseconds: the largest unit that fits, seconds,
/// minutes and days as whole numbers, hours, months and years to one decimal (without ".0").
pub fn format_interval(ms: i64) -> String {
    let seconds = ms as f64 / 1000.0;
    let magnitude = seconds.abs();
    let (size, suffix, decimals) = if magnitude < MINUTE {
        (1.0, "s", false)
    } else if magnitude < HOUR {
        (MINUTE, "m", false)
    } else if magnitude < DAY {
        (HOUR, "h", true)
    } else if magnitude < MONTH {
        (DAY, "d", false)
    } else if magnitude < YEAR {
        (MONTH, "mo", true)
    } else {
        (YEAR, "y", true)
    };
    let amount = seconds / size;
    let amount = if decimals {
        (amount * 10.0).round() / 10.0
    } else {
        amount.round()
    };
    // `{}` on f64 prints 1 for 1.0 and 1.2 for 1.2: what the labels need.
    format!("{}{suffix}", amount + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE};

    #[test]
    fn labels_like_anki() {
        assert_eq!(format_interval(30_000), "30s");
        assert_eq!(format_interval(70_000), "1m");
        assert_eq!(format_interval(MS_PER_MINUTE), "1m");
        assert_eq!(format_interval(10 * MS_PER_MINUTE), "10m");
        assert_eq!(format_interval(330_000), "6m");
        assert_eq!(format_interval(MS_PER_HOUR), "1h");
        assert_eq!(format_interval(90 * MS_PER_MINUTE), "1.5h");
        assert_eq!(format_interval(4 * MS_PER_DAY), "4d");
        assert_eq!(format_interval(30 * MS_PER_DAY), "30d");
        assert_eq!(format_interval(91 * MS_PER_DAY), "3mo");
        assert_eq!(format_interval(45 * MS_PER_DAY), "1.5mo");
        assert_eq!(format_interval(438 * MS_PER_DAY), "1.2y");
        assert_eq!(format_interval(365 * MS_PER_DAY), "1y");
        assert_eq!(format_interval(0), "0s");
    }
}
