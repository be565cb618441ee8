//! `recap optimize --revlog`: the review log reader, item building, the figures on a real
//! review log against the reference (fsrs crate 6.6.2, see ../shared/data/README.md), and the
//! command's output and errors.

#[path = "common/cli.rs"]
mod cli;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use recap::model::{MS_PER_DAY, MS_PER_HOUR, Rating, Timestamp};
use recap::optimize::{
    DayBoundary, Figures, ParseFailure, Review, RevlogError, build_items, optimize_reviews,
    parse_iso8601, parse_revlog, read_revlog,
};
use std::path::{Path, PathBuf};

fn josh_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/revlog-josh.csv")
}

fn assert_close(what: &str, actual: f32, expected: f32) {
    assert!(
        (actual - expected).abs() <= 0.002,
        "{what}: {actual:.4}, reference {expected:.4}"
    );
}

fn assert_figures(what: &str, actual: Figures, log_loss: f32, rmse_bins: f32) {
    assert_close(&format!("{what} log loss"), actual.log_loss, log_loss);
    assert_close(&format!("{what} RMSE(bins)"), actual.rmse_bins, rmse_bins);
}

#[test]
fn figures_on_the_josh_review_log_match_the_reference() {
    let reviews = read_revlog(&josh_path()).unwrap();
    let report = optimize_reviews(&reviews, DayBoundary::default()).unwrap();
    assert_eq!(report.reviews, 12_580);
    assert_eq!(report.evaluated, 6_276);
    assert_figures("default", report.default, 0.4535, 0.0766);
    assert_figures("optimized", report.optimized, 0.4428, 0.0450);
    assert_figures("time-split", report.time_split, 0.4416, 0.0427);
    assert_eq!(report.parameters.len(), 21);
}

#[test]
fn the_order_of_rows_in_the_file_does_not_matter() {
    let reviews = read_revlog(&josh_path()).unwrap();
    let mut shuffled = reviews.clone();
    shuffled.shuffle(&mut rand::rngs::StdRng::seed_from_u64(3));
    let days = DayBoundary::default();
    // Not assert_eq: a failure would print thousands of items.
    assert!(build_items(&shuffled, days) == build_items(&reviews, days));
}

// ---- reading the CSV ----

const HEADER: &str = "card_id,review_rating,review_time,review_duration";

#[test]
fn rows_are_read_with_any_iso_8601_spelling() {
    let text = format!(
        "{HEADER}\n\
         1,1,2024-03-29T20:32:32.250000+00:00,25060\n\
         1,3,2024-03-29T20:32:32.250Z,100\n\
         \n\
         card-2,4,2024-03-29 22:32:32.25+02:00,0\n\
         card-2,2,2024-03-29T20:32:32,7\n"
    );
    let reviews = parse_revlog(&text).unwrap();
    assert_eq!(reviews.len(), 4);
    let ms = 1_711_744_352_250;
    assert_eq!(reviews[0].at, Timestamp(ms));
    assert_eq!(reviews[1].at, Timestamp(ms));
    assert_eq!(reviews[2].at, Timestamp(ms));
    assert_eq!(reviews[3].at, Timestamp(ms - 250));
    assert_eq!(reviews[0].rating, Rating::Again);
    assert_eq!(reviews[2].card, "card-2");
    assert_eq!(reviews[2].rating, Rating::Easy);
    assert_eq!(reviews[0].duration_ms, 25_060);
}

#[test]
fn columns_are_found_by_name_and_fields_may_be_quoted() {
    let text = "review_time,extra,card_id,review_duration,review_rating\n\
                \"2024-01-02T03:04:05Z\",x,\"a,b\",12,3\n";
    let reviews = parse_revlog(text).unwrap();
    assert_eq!(reviews[0].card, "a,b");
    assert_eq!(reviews[0].rating, Rating::Good);
    assert_eq!(
        reviews[0].at,
        parse_iso8601("2024-01-02T03:04:05Z").unwrap()
    );
}

#[test]
fn a_bad_row_is_reported_with_its_line_and_reason() {
    let cases = [
        ("1,5,2024-01-02T03:04:05Z,0", "review_rating"),
        ("1,3,2024-01-32T03:04:05Z,0", "review_time"),
        ("1,3,yesterday,0", "review_time"),
        ("1,3,2024-01-02T03:04:05Z,fast", "review_duration"),
        ("1,3", "fields"),
        (",3,2024-01-02T03:04:05Z,0", "card_id"),
    ];
    for (row, mentions) in cases {
        let text = format!("{HEADER}\n1,3,2024-01-01T03:04:05Z,0\n\n{row}\n");
        match parse_revlog(&text) {
            Err(ParseFailure::BadRow { line, problem }) => {
                assert_eq!(line, 4, "{row}");
                assert!(problem.contains(mentions), "{row}: {problem}");
            }
            other => panic!("{row}: expected a bad row, got {other:?}"),
        }
    }
}

#[test]
fn file_errors_name_the_file_the_line_and_what_to_do() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("nope.csv");
    let message = read_revlog(&missing).unwrap_err().to_string();
    assert!(
        message.starts_with(&missing.display().to_string()),
        "{message}"
    );

    let bad_header = folder.path().join("header.csv");
    std::fs::write(&bad_header, "card,rating,time,duration\n1,3,2024-01-01,0\n").unwrap();
    let error = read_revlog(&bad_header).unwrap_err();
    assert!(matches!(
        error,
        RevlogError::MissingColumn {
            column: "card_id",
            ..
        }
    ));
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}:1:", bad_header.display())),
        "{message}"
    );
    assert!(message.contains(HEADER), "{message}");

    let bad_row = folder.path().join("row.csv");
    std::fs::write(&bad_row, format!("{HEADER}\n1,9,2024-01-01,0\n")).unwrap();
    let message = read_revlog(&bad_row).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("{}:2:", bad_row.display())),
        "{message}"
    );
    assert!(message.contains("Fix or delete this line"), "{message}");

    let empty = folder.path().join("empty.csv");
    std::fs::write(&empty, format!("{HEADER}\n")).unwrap();
    assert!(matches!(
        read_revlog(&empty),
        Err(RevlogError::Empty { .. })
    ));
}

// ---- building items ----

fn review(card: &str, rating: Rating, at: Timestamp) -> Review {
    Review {
        card: card.to_string(),
        rating,
        at,
        duration_ms: 0,
    }
}

/// `day` days after 2024-01-01 at `hour:minute` UTC.
fn at(day: i64, hour: i64, minute: i64) -> Timestamp {
    let start = parse_iso8601("2024-01-01T00:00Z").unwrap();
    Timestamp(start.millis() + day * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000)
}

fn last_deltas(reviews: &[Review], days: DayBoundary) -> Vec<u32> {
    build_items(reviews, days)
        .items
        .iter()
        .map(|item| item.reviews.last().unwrap().delta_t)
        .collect()
}

#[test]
fn the_study_day_ends_at_four_in_the_morning() {
    // 23:00, then 03:59 the next morning: the same study day, so not evaluated.
    let same_day = [
        review("a", Rating::Good, at(0, 23, 0)),
        review("a", Rating::Good, at(1, 3, 59)),
    ];
    assert_eq!(
        last_deltas(&same_day, DayBoundary::default()),
        Vec::<u32>::new()
    );
    // 03:59, then 04:00: a new study day one minute later.
    let next_day = [
        review("a", Rating::Good, at(1, 3, 59)),
        review("a", Rating::Good, at(1, 4, 0)),
    ];
    assert_eq!(last_deltas(&next_day, DayBoundary::default()), [1]);
    // With midnight as the boundary, the first pair spans two days.
    let midnight = DayBoundary {
        rollover_hour: 0,
        utc_offset_minutes: 0,
    };
    assert_eq!(last_deltas(&same_day, midnight), [1]);
}

#[test]
fn the_day_boundary_follows_the_learners_offset() {
    // 01:30 and 02:30 UTC are 03:30 and 04:30 at UTC+02:00: a new study day in between.
    let reviews = [
        review("a", Rating::Good, at(5, 1, 30)),
        review("a", Rating::Good, at(5, 2, 30)),
    ];
    let utc_plus_two = DayBoundary {
        rollover_hour: 4,
        utc_offset_minutes: 120,
    };
    assert_eq!(last_deltas(&reviews, utc_plus_two), [1]);
    assert_eq!(
        last_deltas(&reviews, DayBoundary::default()),
        Vec::<u32>::new()
    );
}

#[test]
fn same_day_repeats_stay_in_the_history_of_later_items() {
    let reviews = [
        review("a", Rating::Again, at(0, 10, 0)),
        review("a", Rating::Good, at(0, 10, 10)),
        review("a", Rating::Good, at(3, 9, 0)),
        review("a", Rating::Again, at(3, 9, 5)),
        review("a", Rating::Hard, at(10, 9, 0)),
    ];
    let built = build_items(&reviews, DayBoundary::default());
    assert_eq!(built.items.len(), 2);
    let history: Vec<(u32, u32)> = built.items[1]
        .reviews
        .iter()
        .map(|r| (r.rating, r.delta_t))
        .collect();
    assert_eq!(history, [(1, 0), (3, 0), (3, 3), (1, 0), (2, 7)]);
}

// ---- the command ----

fn run_recap(args: &[&str]) -> (i32, String, String) {
    let output = cli::recap_command().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The first `rows` reviews of the josh log, in a temporary file.
fn small_revlog(folder: &Path, rows: usize) -> PathBuf {
    let text = std::fs::read_to_string(josh_path()).unwrap();
    let head: Vec<&str> = text.lines().take(rows + 1).collect();
    let path = folder.join("small.csv");
    std::fs::write(&path, head.join("\n") + "\n").unwrap();
    path
}

fn is_figure(text: &str) -> bool {
    let (whole, decimals) = text.split_once('.').unwrap_or(("", ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && decimals.len() == 4
        && decimals.bytes().all(|b| b.is_ascii_digit())
}

#[test]
fn the_command_prints_exactly_the_five_lines() {
    let folder = tempfile::tempdir().unwrap();
    let revlog = small_revlog(folder.path(), 3000);
    let (code, stdout, stderr) = run_recap(&["optimize", "--revlog", revlog.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");

    let evaluated = lines[0]
        .strip_prefix("reviews: 3000 (evaluated: ")
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("first line: {}", lines[0]));
    let evaluated: usize = evaluated.parse().unwrap();
    assert!(evaluated > 0 && evaluated < 3000, "{}", lines[0]);

    for (line, label) in lines[1..4]
        .iter()
        .zip(["default     ", "optimized   ", "time-split  "])
    {
        let rest = line.strip_prefix(label).unwrap_or_else(|| panic!("{line}"));
        let (log_loss, rmse) = rest.split_once(' ').unwrap();
        assert!(
            is_figure(log_loss.strip_prefix("log_loss=").unwrap()),
            "{line}"
        );
        assert!(
            is_figure(rmse.strip_prefix("rmse_bins=").unwrap()),
            "{line}"
        );
    }

    let parameters = lines[4]
        .strip_prefix("parameters: [")
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or_else(|| panic!("{}", lines[4]));
    let parameters: Vec<&str> = parameters.split(", ").collect();
    assert_eq!(parameters.len(), 21, "{}", lines[4]);
    assert!(parameters.iter().all(|w| is_figure(w)), "{}", lines[4]);
}

#[test]
fn the_command_reports_a_bad_row_and_exits_1() {
    let folder = tempfile::tempdir().unwrap();
    let revlog = folder.path().join("bad.csv");
    std::fs::write(
        &revlog,
        format!("{HEADER}\n1,3,2024-01-01T10:00Z,0\n1,0,2024-01-02,0\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = run_recap(&["optimize", "--revlog", revlog.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&format!("{}:3:", revlog.display())),
        "{stderr}"
    );
    assert!(stderr.contains("review_rating"), "{stderr}");
}

#[test]
fn the_command_reports_a_missing_file_and_too_little_history() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("missing.csv");
    let (code, _, stderr) = run_recap(&["optimize", "--revlog", missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");

    let tiny = folder.path().join("tiny.csv");
    std::fs::write(
        &tiny,
        format!("{HEADER}\n1,3,2024-01-01T10:00Z,0\n1,3,2024-01-03T10:00Z,0\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = run_recap(&["optimize", "--revlog", tiny.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains(&tiny.display().to_string()), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// ---- odd histories ----

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Whatever the history, optimizing returns figures or a clear error; it never panics.
    #[test]
    fn any_history_gives_figures_or_an_error(
        answers in proptest::collection::vec((0u8..25, 1u8..=4, 0i64..60 * 24 * 60), 0..600)
    ) {
        let reviews: Vec<Review> = answers
            .iter()
            .map(|&(card, rating, minute)| {
                review(&card.to_string(), Rating::from_number(rating).unwrap(), at(0, 0, minute))
            })
            .collect();
        match optimize_reviews(&reviews, DayBoundary::default()) {
            Ok(report) => {
                proptest::prop_assert_eq!(report.parameters.len(), 21);
                proptest::prop_assert!(report.optimized.log_loss.is_finite());
            }
            Err(error) => proptest::prop_assert!(!error.to_string().is_empty()),
        }
    }

    /// The same answer every time, spread over years: degenerate data, still no panic.
    #[test]
    fn one_answer_only_over_years_gives_figures_or_an_error(
        rating in 1u8..=4,
        answers in proptest::collection::vec((0u8..8, 0i64..5 * 365 * 24 * 60), 0..300)
    ) {
        let rating = Rating::from_number(rating).unwrap();
        let reviews: Vec<Review> = answers
            .iter()
            .map(|&(card, minute)| review(&card.to_string(), rating, at(0, 0, minute)))
            .collect();
        if let Ok(report) = optimize_reviews(&reviews, DayBoundary::default()) {
            proptest::prop_assert_eq!(report.parameters.len(), 21);
        }
    }
}
