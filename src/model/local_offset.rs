//! The machine's local UTC offset, asked once by the app shell and passed to the core.

/// Minutes east of UTC in the machine's time zone at `at` (daylight saving included).
pub fn local_utc_offset_minutes(at: super::Timestamp) -> i32 {
    use chrono::{Local, Offset, TimeZone};
    match Local.timestamp_millis_opt(at.0) {
        chrono::LocalResult::Single(local) | chrono::LocalResult::Ambiguous(local, _) => {
            local.offset().fix().local_minus_utc() / 60
        }
        chrono::LocalResult::None => 0,
    }
}
