//! True retention: of the answers given to cards due for review, the share passed (not
//! Again), set against the retention the learner asked the scheduler for. Learning steps are
//! left out: they test minutes-old memories, not the schedule.

use super::answers::Answer;
use super::calendar::CALENDAR_DAYS;
use super::date::StudyDays;

/// Review answers passed out of those given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PassRate {
    pub passed: u32,
    pub total: u32,
}

impl PassRate {
    /// The share passed, 0–1; None without any answer (no figure rather than a made-up one).
    pub fn rate(&self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.passed) / f64::from(self.total))
    }

    fn count(&mut self, answer: &Answer) {
        self.total += 1;
        self.passed += u32::from(answer.passed());
    }

    fn add(&mut self, other: &PassRate) {
        self.passed += other.passed;
        self.total += other.total;
    }
}

/// A band of review intervals, in whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntervalRange {
    /// For labels and the command line, e.g. `1-7`, `91+`.
    pub label: &'static str,
    pub min_days: u32,
    pub max_days: u32,
}

/// Short intervals fail more often than long ones; these bands show whether the schedule
/// holds at every length.
pub const INTERVAL_RANGES: [IntervalRange; 4] = [
    IntervalRange {
        label: "1-7",
        min_days: 0,
        max_days: 7,
    },
    IntervalRange {
        label: "8-21",
        min_days: 8,
        max_days: 21,
    },
    IntervalRange {
        label: "22-90",
        min_days: 22,
        max_days: 90,
    },
    IntervalRange {
        label: "91+",
        min_days: 91,
        max_days: u32::MAX,
    },
];

/// Periods ending today: `(label, days)`; None is the whole history.
pub const PERIODS: [(&str, Option<i64>); 4] = [
    ("last_7_days", Some(7)),
    ("last_30_days", Some(30)),
    ("last_365_days", Some(365)),
    ("all_time", None),
];

/// One study day's true retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRetention {
    pub day: i64,
    pub rate: PassRate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrueRetention {
    /// The deck's desired retention (for all decks: weighted by their review answers).
    pub desired: f32,
    /// One per entry of [`PERIODS`].
    pub by_period: [PassRate; 4],
    /// One per entry of [`INTERVAL_RANGES`], whole history.
    pub by_interval: [PassRate; 4],
    /// Days of the calendar window that had review answers, ascending.
    pub by_day: Vec<DayRetention>,
}

/// True retention of `answers` (time order) as of study day `today`.
pub fn true_retention(
    answers: &[Answer],
    study_days: StudyDays,
    today: i64,
    desired: f32,
) -> TrueRetention {
    let mut retention = TrueRetention {
        desired,
        by_period: [PassRate::default(); 4],
        by_interval: [PassRate::default(); 4],
        by_day: Vec::new(),
    };
    let first_calendar_day = today - (CALENDAR_DAYS as i64 - 1);
    for answer in answers {
        let Some(interval) = answer.review_interval_days else {
            continue;
        };
        let day = study_days.day_of(answer.at);
        for ((_, days), rate) in PERIODS.iter().zip(&mut retention.by_period) {
            if days.is_none_or(|days| day > today - days && day <= today) {
                rate.count(answer);
            }
        }
        if let Some(range) = INTERVAL_RANGES
            .iter()
            .position(|r| (r.min_days..=r.max_days).contains(&interval))
        {
            retention.by_interval[range].count(answer);
        }
        if (first_calendar_day..=today).contains(&day) {
            day_entry(&mut retention.by_day, day).count(answer);
        }
    }
    retention.by_day.sort_by_key(|d| d.day);
    retention
}

/// The entry for `day`, added if missing. Answers come in time order, so it is nearly always
/// the last one.
fn day_entry(by_day: &mut Vec<DayRetention>, day: i64) -> &mut PassRate {
    let index = match by_day.iter().rposition(|d| d.day == day) {
        Some(index) => index,
        None => {
            by_day.push(DayRetention {
                day,
                rate: PassRate::default(),
            });
            by_day.len() - 1
        }
    };
    &mut by_day[index].rate
}

impl TrueRetention {
    /// Adds another deck's figures. The desired retention becomes the average of both,
    /// weighted by their review answers, so a deck rarely studied barely moves it.
    pub fn merge(&mut self, other: &TrueRetention) {
        let (mine, theirs) = (self.by_period[3].total, other.by_period[3].total);
        self.desired = if mine + theirs == 0 {
            (self.desired + other.desired) / 2.0
        } else {
            (self.desired * mine as f32 + other.desired * theirs as f32) / (mine + theirs) as f32
        };
        for (rate, theirs) in self.by_period.iter_mut().zip(&other.by_period) {
            rate.add(theirs);
        }
        for (rate, theirs) in self.by_interval.iter_mut().zip(&other.by_interval) {
            rate.add(theirs);
        }
        for day in &other.by_day {
            day_entry(&mut self.by_day, day.day).add(&day.rate);
        }
        self.by_day.sort_by_key(|d| d.day);
    }
}
