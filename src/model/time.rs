//! Time enters the core as a parameter: a [`Timestamp`] passed in, or a [`Clock`] to ask.

use serde::{Deserialize, Serialize};
use std::cell::Cell;

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
pub trait Clock {
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

/// A clock that shows a set time until moved: reproducible tests.
#[derive(Debug, Clone, Default)]
pub struct ManualClock(Cell<Timestamp>);

impl ManualClock {
    pub fn new(at: Timestamp) -> ManualClock {
        ManualClock(Cell::new(at))
    }
    pub fn set(&self, at: Timestamp) {
        self.0.set(at);
    }
    pub fn advance_minutes(&self, minutes: f64) {
        self.0.set(self.0.get().plus_minutes(minutes));
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        self.0.get()
    }
}

impl Default for Timestamp {
    fn default() -> Self {
        Timestamp(0)
    }
}
