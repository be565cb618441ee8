//! `recap stats [DECK]`: the Stats screen's figures as text, for teachers and scripts.

use super::Cli;
use super::optimize::parse_utc_offset_minutes;
use crate::library::{Library, LibraryDeck};
use crate::model::{Clock, SystemClock, Timestamp};
use crate::stats::{
    INTERVAL_RANGES, LocalDate, PERIODS, PassRate, Stats, load_deck_stats, readable_duration,
};
use clap::Args;
use std::fmt::Write;

/// Print study statistics for one deck, or for every deck and all of them combined.
///
/// The output is plain text in blocks, one per deck (`== deck ID ==`), the first being
/// `== all decks ==` when no DECK is given. Each block has sections (`[cards]`, `[study]`,
/// `[streaks]`, `[reviews_per_day]`, `[forecast]`, `[retention]`, `[retention_per_day]`,
/// `[quiz_scores]`) of `name: value` lines whose names do not change between versions;
/// per-day lines are named by their date (YYYY-MM-DD, the local study day) and their value is
/// `key=value` pairs separated by spaces. A figure that cannot be computed (a rate without
/// answers) is `-`.
///
///   [cards]              total, new, learning, young, mature, leech (leeches are also
///                        counted in their phase; young = interval under 21 days)
///   [study]              answers, study_time_ms, study_time (whole history, undone answers
///                        left out)
///   [streaks]            current_days, longest_days (days with at least one answer; the day
///                        starts at the deck's rollover hour, 04:00 by default)
///   [reviews_per_day]    days_studied, reviews (last 365 days), then
///                        DATE: reviews=N time_ms=N for each day with answers
///   [forecast]           DATE: young=N mature=N total=N for today (overdue included) and the
///                        next 29 days
///   [retention]          desired, then PERIOD: passed=N total=N rate=R for last_7_days,
///                        last_30_days, last_365_days, all_time and interval_1-7_days,
///                        interval_8-21_days, interval_22-90_days, interval_91+_days (answers
///                        to cards in the Review phase only; passed = not Again)
///   [retention_per_day]  DATE: passed=N total=N rate=R, last 365 days
///   [quiz_scores]        quizzes, overall_percent, then DATE: score=N total=N percent=P
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct StatsArgs {
    /// The deck's id (as `recap list` shows it). Without it: every deck and all combined.
    pub deck: Option<String>,

    /// The learner's offset from UTC, e.g. +02:00 or -05:30; study days follow local time.
    #[arg(long, value_name = "±HH:MM", default_value = "+00:00", allow_hyphen_values = true,
          value_parser = parse_utc_offset_minutes)]
    pub utc_offset: i32,

    /// Compute the figures as of this moment, in milliseconds since 1970-01-01 UTC, instead of
    /// now (reproducible reports).
    #[arg(long, value_name = "MILLISECONDS",
          value_parser = clap::value_parser!(i64).range(0..=LAST_MILLISECOND_OF_9999))]
    pub now: Option<i64>,
}

/// 9999-12-31T23:59:59.999Z: later times are a typing slip, and far ones would overflow.
const LAST_MILLISECOND_OF_9999: i64 = 253_402_300_799_999;

pub fn run(cli: &Cli, args: &StatsArgs) -> i32 {
    let Some(data) = cli.data_dir() else { return 1 };
    let library = Library::load(&data, &mut rand::rng());
    let decks: Vec<&LibraryDeck> = match &args.deck {
        Some(id) => match library.find(id) {
            Some(deck) => vec![deck],
            None => {
                eprintln!(
                    "error: {}: no deck with the id {id:?}. Hint: `recap list` shows the ids \
                     of the bundled decks and of the decks in this folder.",
                    data.decks().display()
                );
                return 1;
            }
        },
        None => library.decks.iter().collect(),
    };
    let now = args.now.map_or_else(|| SystemClock.now(), Timestamp);
    let mut exit_code = 0;
    let mut per_deck = Vec::new();
    for deck in decks {
        match load_deck_stats(&data, deck, now, args.utc_offset) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    eprintln!("warning: {warning}");
                }
                per_deck.push((deck, loaded.stats));
            }
            Err(error) => {
                eprintln!("error: {error}");
                exit_code = 1;
            }
        }
    }
    let mut text = String::new();
    if args.deck.is_none() {
        text.push_str("== all decks ==\n");
        let _ = writeln!(text, "decks: {}", per_deck.len());
        if let Some(all) = Stats::combine(per_deck.iter().map(|(_, stats)| stats)) {
            text.push_str(&format_stats(&all));
        }
        text.push('\n');
    }
    for (deck, stats) in &per_deck {
        let _ = writeln!(text, "== deck {} ==", deck.id());
        let _ = writeln!(text, "title: {}", deck.title());
        text.push_str(&format_stats(stats));
        text.push('\n');
    }
    print!("{text}");
    exit_code
}

/// One block of the report (everything after the block's heading).
pub fn format_stats(stats: &Stats) -> String {
    let mut text = String::new();
    let date = |day: i64| LocalDate::of_study_day(day).to_string();
    let _ = writeln!(text, "today: {}", date(stats.today));

    let cards = &stats.cards;
    text.push_str("\n[cards]\n");
    let _ = writeln!(text, "total: {}", cards.total);
    let _ = writeln!(text, "new: {}", cards.new);
    let _ = writeln!(text, "learning: {}", cards.learning);
    let _ = writeln!(text, "young: {}", cards.young);
    let _ = writeln!(text, "mature: {}", cards.mature);
    let _ = writeln!(text, "leech: {}", cards.leech);

    text.push_str("\n[study]\n");
    let _ = writeln!(text, "answers: {}", stats.answers);
    let _ = writeln!(text, "study_time_ms: {}", stats.study_time_ms);
    let _ = writeln!(
        text,
        "study_time: {}",
        readable_duration(stats.study_time_ms)
    );

    let calendar = &stats.calendar;
    text.push_str("\n[streaks]\n");
    let _ = writeln!(text, "current_days: {}", calendar.streaks.current);
    let _ = writeln!(text, "longest_days: {}", calendar.streaks.longest);

    text.push_str("\n[reviews_per_day]\n");
    let _ = writeln!(text, "days_studied: {}", calendar.days_studied());
    let _ = writeln!(text, "reviews: {}", calendar.total_reviews());
    for day in calendar.days.iter().filter(|d| d.reviews > 0) {
        let _ = writeln!(
            text,
            "{}: reviews={} time_ms={}",
            date(day.day),
            day.reviews,
            day.took_ms
        );
    }

    text.push_str("\n[forecast]\n");
    for day in &stats.forecast.days {
        let _ = writeln!(
            text,
            "{}: young={} mature={} total={}",
            date(day.day),
            day.young,
            day.mature,
            day.total()
        );
    }

    format_retention(&mut text, stats);
    format_quizzes(&mut text, stats);
    text
}

fn format_retention(text: &mut String, stats: &Stats) {
    let retention = &stats.retention;
    text.push_str("\n[retention]\n");
    let _ = writeln!(text, "desired: {:.3}", retention.desired);
    for ((name, _), rate) in PERIODS.iter().zip(&retention.by_period) {
        let _ = writeln!(text, "{name}: {}", pass_rate(rate));
    }
    for (range, rate) in INTERVAL_RANGES.iter().zip(&retention.by_interval) {
        let _ = writeln!(text, "interval_{}_days: {}", range.label, pass_rate(rate));
    }
    text.push_str("\n[retention_per_day]\n");
    for day in &retention.by_day {
        let date = LocalDate::of_study_day(day.day);
        let _ = writeln!(text, "{date}: {}", pass_rate(&day.rate));
    }
}

fn format_quizzes(text: &mut String, stats: &Stats) {
    let quizzes = &stats.quizzes;
    text.push_str("\n[quiz_scores]\n");
    let _ = writeln!(text, "quizzes: {}", quizzes.results.len());
    let _ = writeln!(
        text,
        "overall_percent: {}",
        optional(quizzes.overall_percent(), 1)
    );
    for quiz in &quizzes.results {
        let _ = writeln!(
            text,
            "{}: score={} total={} percent={}",
            LocalDate::of_study_day(quiz.day),
            quiz.score,
            quiz.total,
            optional(quiz.percent(), 1)
        );
    }
}

fn pass_rate(rate: &PassRate) -> String {
    format!(
        "passed={} total={} rate={}",
        rate.passed,
        rate.total,
        optional(rate.rate(), 3)
    )
}

/// A number to `decimals` places, or `-` when there is none.
fn optional(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.decimals$}"))
}
