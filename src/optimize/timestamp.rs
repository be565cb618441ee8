//! ISO 8601 date-times as review logs write them, read into a [`Timestamp`].
//!
//! Review logs come from many tools: Python writes `2024-03-29T20:32:32.250000+00:00`, others
//! `…Z`, a space instead of `T`, no fraction, or a local offset. A small parser here covers the
//! extended ISO 8601 forms without pulling a calendar crate into the core: all we need is one
//! instant in milliseconds, and the civil-date arithmetic is a dozen lines.

use crate::model::{MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, Timestamp};

/// Why a text is not an ISO 8601 date-time; the message says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason} in {text:?}; write times like 2024-03-29T20:32:32.250+00:00")]
pub struct TimestampError {
    pub text: String,
    pub reason: String,
}

/// Reads `YYYY-MM-DD[(T| )hh:mm[:ss[(.|,)fraction]]][Z|±hh[:mm]|±hhmm]`.
///
/// A date alone means midnight; a time without an offset is taken as UTC, because the review log
/// layout we read (and the logs other tools export) writes UTC.
pub fn parse_iso8601(text: &str) -> Result<Timestamp, TimestampError> {
    let fail = |reason: &str| TimestampError {
        text: text.to_string(),
        reason: reason.to_string(),
    };
    let mut cursor = Cursor {
        bytes: text.trim().as_bytes(),
        at: 0,
    };
    let year = cursor
        .digits(4)
        .ok_or_else(|| fail("expected a 4-digit year"))?;
    cursor
        .expect(b'-')
        .ok_or_else(|| fail("expected '-' after the year"))?;
    let month = cursor
        .digits(2)
        .ok_or_else(|| fail("expected a 2-digit month"))?;
    cursor
        .expect(b'-')
        .ok_or_else(|| fail("expected '-' after the month"))?;
    let day = cursor
        .digits(2)
        .ok_or_else(|| fail("expected a 2-digit day"))?;
    if !(1..=12).contains(&month) {
        return Err(fail("the month must be 01 to 12"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(fail("the day does not exist in that month"));
    }
    let mut time_ms = 0;
    if cursor.take_if(|b| matches!(b, b'T' | b't' | b' ')) {
        time_ms = parse_time_of_day(&mut cursor).map_err(fail)?;
    }
    let offset_ms = parse_offset(&mut cursor).map_err(fail)?;
    if !cursor.at_end() {
        return Err(fail("unexpected text after the time"));
    }
    let days = days_from_civil(year, month, day);
    Ok(Timestamp(days * MS_PER_DAY + time_ms - offset_ms))
}

/// `hh:mm[:ss[.fraction]]` → milliseconds since midnight.
fn parse_time_of_day(cursor: &mut Cursor) -> Result<i64, &'static str> {
    let hour = cursor.digits(2).ok_or("expected a 2-digit hour")?;
    cursor.expect(b':').ok_or("expected ':' after the hour")?;
    let minute = cursor.digits(2).ok_or("expected 2-digit minutes")?;
    let mut second = 0;
    let mut millis = 0;
    if cursor.take_if(|b| b == b':') {
        second = cursor.digits(2).ok_or("expected 2-digit seconds")?;
        if cursor.take_if(|b| matches!(b, b'.' | b',')) {
            millis = cursor
                .fraction_as_millis()
                .ok_or("expected digits after the decimal point")?;
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err("the time of day is out of range");
    }
    // A leap second (:60) is read as the last millisecond of its minute: order is kept.
    let (second, millis) = if second == 60 {
        (59, 999)
    } else {
        (second, millis)
    };
    Ok(hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis)
}

/// `Z`, `±hh`, `±hh:mm`, `±hhmm`, or nothing (UTC) → the offset east of UTC in milliseconds.
fn parse_offset(cursor: &mut Cursor) -> Result<i64, &'static str> {
    if cursor.at_end() || cursor.take_if(|b| matches!(b, b'Z' | b'z')) {
        return Ok(0);
    }
    let sign = match cursor.peek() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err("expected Z or an offset like +02:00 after the time"),
    };
    cursor.at += 1;
    let hours = cursor.digits(2).ok_or("expected a 2-digit offset hour")?;
    let minutes = if cursor.at_end() {
        0
    } else {
        cursor.take_if(|b| b == b':');
        cursor.digits(2).ok_or("expected 2-digit offset minutes")?
    };
    if hours > 23 || minutes > 59 {
        return Err("the UTC offset is out of range");
    }
    Ok(sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE))
}

/// A read position in ASCII text.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn take_if(&mut self, wanted: impl Fn(u8) -> bool) -> bool {
        let found = self.peek().is_some_and(wanted);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.take_if(|b| b == byte).then_some(())
    }

    /// Exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<i64> {
        let slice = self.bytes.get(self.at..self.at + count)?;
        if !slice.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += count;
        Some(slice.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    }

    /// One or more digits of a decimal fraction of a second, truncated to milliseconds.
    fn fraction_as_millis(&mut self) -> Option<i64> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let digits = &self.bytes[start..self.at];
        if digits.is_empty() {
            return None;
        }
        let millis = (0..3).fold(0, |n, i| {
            n * 10 + digits.get(i).map_or(0, |d| i64::from(d - b'0'))
        });
        Some(millis)
    }
}

fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (the well-known era-based algorithm:
/// years counted from March so the leap day falls at the end of each year).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(text: &str) -> i64 {
        parse_iso8601(text).unwrap().millis()
    }

    #[test]
    fn python_isoformat_with_microseconds() {
        // 2024-03-29T20:32:32.250Z, checked with `date -d ... +%s%3N`.
        assert_eq!(ms("2024-03-29T20:32:32.250000+00:00"), 1_711_744_352_250);
    }

    #[test]
    fn equivalent_spellings_give_the_same_instant() {
        let utc = ms("2024-03-29T20:32:32Z");
        assert_eq!(ms("2024-03-29 20:32:32"), utc);
        assert_eq!(ms("2024-03-29t20:32:32z"), utc);
        assert_eq!(ms("2024-03-29T22:32:32+02:00"), utc);
        assert_eq!(ms("2024-03-29T22:32:32+0200"), utc);
        assert_eq!(ms("2024-03-29T22:32:32+02"), utc);
        assert_eq!(ms("2024-03-29T15:02:32-05:30"), utc);
        assert_eq!(ms("2024-03-29T20:32:32,000Z"), utc);
        assert_eq!(ms("2024-03-29T20:32Z") + 32_000, utc);
    }

    #[test]
    fn dates_and_epoch_edges() {
        assert_eq!(ms("1970-01-01"), 0);
        assert_eq!(ms("1969-12-31T23:59:59.999Z"), -1);
        assert_eq!(ms("2000-03-01") - ms("2000-02-28"), 2 * MS_PER_DAY);
        assert_eq!(ms("1900-03-01") - ms("1900-02-28"), MS_PER_DAY);
    }

    #[test]
    fn nonsense_is_refused_with_a_reason() {
        for bad in [
            "",
            "29/03/2024",
            "2024-13-01",
            "2023-02-29",
            "2024-03-29T25:00",
            "2024-03-29T20:32:32.",
            "2024-03-29T20:32:32+2",
            "2024-03-29T20:32:32 UTC",
        ] {
            let error = parse_iso8601(bad).unwrap_err();
            assert!(!error.reason.is_empty(), "{bad}");
        }
    }
}
