//! Study days: a day starts at the rollover hour (04:00 by default) in the learner's local
//! time, so a late-night session still counts as the evening's, as in Anki.
//!
//! The local time comes in as a UTC offset in minutes: the caller knows the time zone, the
//! core stays pure.

use crate::model::{MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, Timestamp};

/// Milliseconds from the UTC epoch to the first rollover, shifted so that study day numbers
/// count from local rollover moments.
fn day_origin_ms(rollover_hour: u32, utc_offset_minutes: i32) -> i64 {
    // Hours above 23 are a caller's bug; keep within the day rather than drift.
    i64::from(rollover_hour.min(23)) * MS_PER_HOUR - i64::from(utc_offset_minutes) * MS_PER_MINUTE
}

/// The study day `at` falls on: days since the epoch, changing at `rollover_hour` local time.
pub fn study_day(at: Timestamp, rollover_hour: u32, utc_offset_minutes: i32) -> i64 {
    (at.0 - day_origin_ms(rollover_hour, utc_offset_minutes)).div_euclid(MS_PER_DAY)
}

/// When the study day containing `at` ends: the next rollover strictly after `at`. A review
/// card is due today if its due time is before this.
pub fn next_rollover(at: Timestamp, rollover_hour: u32, utc_offset_minutes: i32) -> Timestamp {
    let day = study_day(at, rollover_hour, utc_offset_minutes);
    Timestamp((day + 1) * MS_PER_DAY + day_origin_ms(rollover_hour, utc_offset_minutes))
}
