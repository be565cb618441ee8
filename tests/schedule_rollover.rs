//! Study days roll over at a local hour (04:00 by default), wherever the learner is.

use recap::model::{MS_PER_HOUR, MS_PER_MINUTE, Timestamp};
use recap::schedule::{next_rollover, study_day};

/// 2025-03-10T00:00:00Z.
const MIDNIGHT_UTC: i64 = 1_741_564_800_000;

fn utc(hours: f64) -> Timestamp {
    Timestamp(MIDNIGHT_UTC + (hours * MS_PER_HOUR as f64) as i64)
}

#[test]
fn day_changes_at_four_in_utc() {
    let before = study_day(utc(3.99), 4, 0);
    assert_eq!(study_day(utc(4.0), 4, 0), before + 1);
    assert_eq!(study_day(utc(27.99), 4, 0), before + 1);
    assert_eq!(study_day(utc(28.0), 4, 0), before + 2);
    assert_eq!(next_rollover(utc(3.99), 4, 0), utc(4.0));
    assert_eq!(next_rollover(utc(4.0), 4, 0), utc(28.0));
}

#[test]
fn day_changes_at_four_local_time_across_time_zones() {
    // (offset in minutes, the UTC hour on 2025-03-10 when it is 04:00 locally)
    let zones = [
        (9 * 60, -5.0),   // Seoul: 04:00 KST is 19:00 UTC the day before
        (-5 * 60, 9.0),   // New York (EST)
        (330, -1.5),      // India, half-hour offset
        (14 * 60, -10.0), // Kiribati, furthest ahead
        (-12 * 60, 16.0), // Baker Island, furthest behind
        (0, 4.0),
    ];
    for (offset, local_four_in_utc) in zones {
        let rollover = utc(local_four_in_utc);
        let just_before = Timestamp(rollover.0 - 1);
        assert_eq!(
            study_day(rollover, 4, offset),
            study_day(just_before, 4, offset) + 1,
            "offset {offset}"
        );
        assert_eq!(
            next_rollover(just_before, 4, offset),
            rollover,
            "offset {offset}"
        );
        // Twenty-three hours later is still the same study day.
        let later = Timestamp(rollover.0 + 23 * MS_PER_HOUR + 59 * MS_PER_MINUTE);
        assert_eq!(study_day(later, 4, offset), study_day(rollover, 4, offset));
        assert_eq!(
            next_rollover(rollover, 4, offset).0 - rollover.0,
            24 * MS_PER_HOUR
        );
    }
}

#[test]
fn midnight_rollover_and_times_before_the_epoch() {
    assert_eq!(study_day(Timestamp(0), 0, 0), 0);
    assert_eq!(study_day(Timestamp(-1), 0, 0), -1);
    assert_eq!(next_rollover(Timestamp(-1), 0, 0), Timestamp(0));
}

#[test]
fn a_late_night_session_belongs_to_the_evening() {
    // 01:30 and 23:00 local (UTC+1) the same night are one study day with a 04:00 rollover.
    let evening = utc(22.0);
    let after_midnight = utc(24.5);
    assert_eq!(study_day(evening, 4, 60), study_day(after_midnight, 4, 60));
    assert_ne!(study_day(evening, 0, 60), study_day(after_midnight, 0, 60));
}
