//! Time enters the core as a parameter: a [`Timestamp`] passed in, or a [`Clock`] to ask.

use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// Milliseconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

pub const MS_PER_MINUTE: i64 = 60_000;
pub const MS_PER_HOUR: i64 = 60 * MS_PER_MINUTE;
pub const MS_PER_DAY: i64 = 24 * MS_PER_HOUR;

impl Timestamp {
    pub fn from_secs(secs: i64) -> Timestamp {
        Timestamp(secs * 1000)
    }
    pub fn millis(self) -> i64 {
        self.0
    }
    pub fn plus_minutes(self, minutes: f64) -> Timestamp {
        Timestamp(self.0 + (minutes * MS_PER_MINUTE as f64).round() as i64)
    }
    pub fn plus_days(self, days: i64) -> Timestamp {
        Timestamp(self.0 + days * MS_PER_DAY)
    }
}

/// Where "now" comes from. The app uses [`SystemClock`]; tests use [`ManualClock`].
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The machine's real time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let since_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Timestamp(since_epoch.as_millis() as i64)
    }
}

/// A clock that shows a set time until moved: reproducible tests. Clones share the same time,
/// so a test can keep one and give another to the app.
#[derive(Debug, Clone, Default)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn new(at: Timestamp) -> ManualClock {
        ManualClock(Arc::new(AtomicI64::new(at.0)))
    }
    pub fn set(&self, at: Timestamp) {
        self.0.store(at.0, Ordering::SeqCst);
    }
    pub fn advance_minutes(&self, minutes: f64) {
        self.set(self.now().plus_minutes(minutes));
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

impl Default for Timestamp {
    fn default() -> Self {
        Timestamp(0)
    }
}

impl Timestamp {
    /// The local calendar date `YYYY-MM-DD` of this moment at `utc_offset_minutes`.
    pub fn local_date(self, utc_offset_minutes: i32) -> String {
        let local_ms = self.0 + i64::from(utc_offset_minutes) * MS_PER_MINUTE;
        let (year, month, day) = civil_from_days(local_ms.div_euclid(MS_PER_DAY));
        format!("{year:04}-{month:02}-{day:02}")
    }
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar
/// (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_dates_follow_the_offset() {
        let t = Timestamp(1_795_860_000_000); // 2026-11-28 10:00 UTC
        assert_eq!(t.local_date(0), "2026-11-28");
        assert_eq!(t.local_date(15 * 60), "2026-11-29");
        assert_eq!(Timestamp(0).local_date(-60), "1969-12-31");
        assert_eq!(
            Timestamp::from_secs(951_782_400).local_date(0),
            "2000-02-29"
        );
    }
}
