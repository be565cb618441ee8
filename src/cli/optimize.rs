//! `recap optimize --revlog FILE.csv`: fit FSRS parameters to a review log and show how well
//! the default and the fitted parameters predict it.

use crate::optimize::{DayBoundary, OptimizeReport, optimize_reviews, read_revlog};
use clap::Args;
use std::path::PathBuf;

/// Fit FSRS parameters to a review history and report log loss and RMSE(bins) for the default
/// parameters, the fitted ones, and a 5-split time-series evaluation.
#[derive(Debug, Args)]
pub struct OptimizeArgs {
    /// A review log CSV with the columns card_id,review_rating,review_time,review_duration
    /// (ratings 1–4, ISO 8601 times, durations in milliseconds).
    #[arg(long, value_name = "FILE.csv")]
    pub revlog: PathBuf,

    /// The local hour at which a new study day starts.
    #[arg(long, value_name = "HOUR", default_value_t = 4,
          value_parser = clap::value_parser!(u8).range(0..=23))]
    pub day_starts_at: u8,

    /// The learner's offset from UTC, e.g. +02:00 or -05:30; study days follow local time.
    #[arg(long, value_name = "±HH:MM", default_value = "+00:00", allow_hyphen_values = true,
          value_parser = parse_utc_offset_minutes)]
    pub utc_offset: i32,
}

pub fn run(args: &OptimizeArgs) -> i32 {
    let reviews = match read_revlog(&args.revlog) {
        Ok(reviews) => reviews,
        Err(error) => {
            eprintln!("error: {error}");
            return 1;
        }
    };
    let days = DayBoundary {
        rollover_hour: args.day_starts_at,
        utc_offset_minutes: args.utc_offset,
    };
    match optimize_reviews(&reviews, days) {
        Ok(report) => {
            print!("{}", format_report(&report));
            0
        }
        Err(error) => {
            eprintln!("error: {}: {error}", args.revlog.display());
            1
        }
    }
}

/// The report, one figure set a line, numbers to 4 decimals: stable enough to compare by eye
/// across runs and to parse in scripts.
pub fn format_report(report: &OptimizeReport) -> String {
    let figures_line = |label: &str, figures: &crate::optimize::Figures| {
        format!(
            "{label:<12}log_loss={:.4} rmse_bins={:.4}\n",
            figures.log_loss, figures.rmse_bins
        )
    };
    let parameters: Vec<String> = report
        .parameters
        .iter()
        .map(|w| format!("{w:.4}"))
        .collect();
    format!(
        "reviews: {} (evaluated: {})\n{}{}{}parameters: [{}]\n",
        report.reviews,
        report.evaluated,
        figures_line("default", &report.default),
        figures_line("optimized", &report.optimized),
        figures_line("time-split", &report.time_split),
        parameters.join(", ")
    )
}

/// `±HH:MM`, `±HHMM`, `±HH` or `Z` → minutes east of UTC.
pub(super) fn parse_utc_offset_minutes(text: &str) -> Result<i32, String> {
    let wrong = || format!("{text:?} is not a UTC offset; write it like +02:00 or -05:30");
    if text.eq_ignore_ascii_case("z") {
        return Ok(0);
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(wrong()),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 2 || digits.len() == 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(wrong());
    }
    let hours: i32 = digits[..2].parse().map_err(|_| wrong())?;
    let minutes: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Ok(0), str::parse)
        .map_err(|_| wrong())?;
    if hours > 14 || minutes > 59 {
        return Err(wrong());
    }
    Ok(sign * (hours * 60 + minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_in_the_usual_spellings() {
        assert_eq!(parse_utc_offset_minutes("+02:00"), Ok(120));
        assert_eq!(parse_utc_offset_minutes("-0530"), Ok(-330));
        assert_eq!(parse_utc_offset_minutes("+09"), Ok(540));
        assert_eq!(parse_utc_offset_minutes("Z"), Ok(0));
        assert!(parse_utc_offset_minutes("2").is_err());
        assert!(parse_utc_offset_minutes("+25:00").is_err());
    }
}
