//! `recap stats` run as a user runs it: the built binary on a temporary data folder whose
//! progress files were written by the real progress store.

#[path = "common/cli.rs"]
mod cli;
use cli::text;

use recap::library::Library;
use recap::model::{CardId, DeckId, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, Rating, Timestamp};
use recap::schedule::{CardState, MemoryState, Phase};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, DeviceId, ProgressStore};
use std::path::Path;
use std::process::Output;

/// 2026-11-02 as a day number; the learner lives at UTC+02:00.
const DAY_ONE: i64 = 20_759;
const OFFSET_MINUTES: i64 = 120;
const DECK: &str = "kim-putin-letters";

/// Local time `hour:minute` on day `day` after DAY_ONE.
fn local(day: i64, hour: i64, minute: i64) -> Timestamp {
    Timestamp(
        (DAY_ONE + day) * MS_PER_DAY
            + hour * MS_PER_HOUR
            + (minute - OFFSET_MINUTES) * MS_PER_MINUTE,
    )
}

fn review(last: Timestamp, interval_days: i64) -> CardState {
    CardState {
        phase: Phase::Review,
        memory: Some(MemoryState {
            stability: interval_days as f32,
            difficulty: 5.0,
        }),
        due: last.plus_days(interval_days),
        last_review: Some(last),
        reps: 2,
        ..CardState::default()
    }
}

fn stepping(phase: Phase, last: Timestamp, lapses: u32) -> CardState {
    CardState {
        phase,
        due: last.plus_minutes(10.0),
        last_review: Some(last),
        reps: 1,
        lapses,
        ..CardState::default()
    }
}

fn stats(data: &Path, args: &[&str]) -> Output {
    let now = local(5, 12, 0).millis().to_string();
    cli::recap_command()
        .arg("stats")
        .args(args)
        .args(["--utc-offset", "+02:00", "--now", &now, "--data-dir"])
        .arg(data)
        .output()
        .expect("the recap binary runs")
}

/// The bundled deck's five card ids, in deck order.
fn card_ids(data: &DataDir) -> Vec<CardId> {
    let library = Library::load(data, &mut rand::rng());
    let deck = library.find(DECK).expect("the bundled deck").deck();
    deck.cards.iter().map(|c| c.id.clone()).collect()
}

/// Four days of study on the bundled deck, with a checkpoint (history file) in between and an
/// undone answer.
fn write_progress(data: &DataDir) {
    let ids = card_ids(data);
    let files = DeckFiles::new(data.progress(), DeckId::new(DECK).unwrap());
    let device = DeviceId::new("laptop").unwrap();
    let (mut store, _) = ProgressStore::open(files.clone(), device.clone()).unwrap();
    let answer = |store: &mut ProgressStore, card: usize, at, rating, state| {
        store
            .record_answer(ids[card].clone(), at, rating, 1000, state)
            .unwrap()
    };
    // Day 3: card 0 learned (review in 3 days); card 3 learned (review in 30 days).
    answer(
        &mut store,
        0,
        local(3, 10, 0),
        Rating::Good,
        stepping(Phase::Learning, local(3, 10, 0), 0),
    );
    answer(
        &mut store,
        0,
        local(3, 10, 10),
        Rating::Good,
        review(local(3, 10, 10), 3),
    );
    answer(
        &mut store,
        3,
        local(3, 11, 0),
        Rating::Easy,
        review(local(3, 11, 0), 30),
    );
    store.close().unwrap();

    let (mut store, _) = ProgressStore::open(files, device).unwrap();
    // Day 4: card 1 learned (review in 1 day); card 2 forgotten for the 8th time (leech).
    answer(
        &mut store,
        1,
        local(4, 9, 0),
        Rating::Good,
        review(local(4, 9, 0), 1),
    );
    answer(
        &mut store,
        2,
        local(4, 20, 0),
        Rating::Again,
        stepping(Phase::Relearning, local(4, 20, 0), 8),
    );
    // 02:00 on day 5 still counts for day 4: card 0 reviewed (interval 3, passed).
    answer(
        &mut store,
        0,
        local(5, 2, 0),
        Rating::Good,
        review(local(5, 2, 0), 25),
    );
    // Day 5: card 1 failed, undone, then passed (interval 1); card 3 failed (interval 30).
    let undone = answer(
        &mut store,
        1,
        local(5, 9, 0),
        Rating::Again,
        stepping(Phase::Relearning, local(5, 9, 0), 1),
    );
    store
        .record_undo(
            local(5, 9, 1),
            undone,
            ids[1].clone(),
            review(local(4, 9, 0), 1),
        )
        .unwrap();
    answer(
        &mut store,
        1,
        local(5, 9, 2),
        Rating::Hard,
        review(local(5, 9, 2), 2),
    );
    answer(
        &mut store,
        3,
        local(5, 10, 0),
        Rating::Again,
        stepping(Phase::Relearning, local(5, 10, 0), 1),
    );
    // The states above are made up to give round figures, not ones the scheduler would give:
    // a checkpoint puts them in the snapshot as they are (replaying a journal recomputes
    // answers through the scheduler). The review log still holds every answer.
    store.close().unwrap();
}

/// The lines of block `heading`, section `section`.
fn section<'a>(output: &'a str, heading: &str, section: &str) -> Vec<&'a str> {
    let block = output
        .split("\n== ")
        .find(|b| b.trim_start_matches("== ").starts_with(heading));
    let block = block.unwrap_or_else(|| panic!("no block {heading} in\n{output}"));
    let start = block.find(&format!("[{section}]\n")).expect(section) + section.len() + 3;
    block[start..]
        .lines()
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn stats_of_one_deck_show_the_figures_of_its_review_log() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    write_progress(&data);
    let out = stats(dir.path(), &[DECK]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let output = text(&out.stdout);
    let heading = format!("deck {DECK}");
    assert!(
        output.starts_with(&format!("== {heading} ==\n")),
        "{output}"
    );
    assert!(output.contains("today: 2026-11-07\n"), "{output}");
    assert_eq!(
        section(&output, &heading, "cards"),
        [
            "total: 5",
            "new: 1",
            "learning: 2",
            "young: 1",
            "mature: 1",
            "leech: 1"
        ]
    );
    assert_eq!(
        section(&output, &heading, "study"),
        ["answers: 8", "study_time_ms: 8000", "study_time: 0m 08s"]
    );
    assert_eq!(
        section(&output, &heading, "streaks"),
        ["current_days: 3", "longest_days: 3"]
    );
    assert_eq!(
        section(&output, &heading, "reviews_per_day"),
        [
            "days_studied: 3",
            "reviews: 8",
            "2026-11-05: reviews=3 time_ms=3000",
            "2026-11-06: reviews=3 time_ms=3000",
            "2026-11-07: reviews=2 time_ms=2000",
        ]
    );
    let forecast = section(&output, &heading, "forecast");
    assert_eq!(forecast.len(), 30);
    assert_eq!(forecast[0], "2026-11-07: young=2 mature=0 total=2");
    assert_eq!(forecast[2], "2026-11-09: young=1 mature=0 total=1");
    assert_eq!(forecast[24], "2026-12-01: young=0 mature=1 total=1");
    let retention = section(&output, &heading, "retention");
    assert_eq!(retention[0], "desired: 0.900");
    assert!(
        retention.contains(&"all_time: passed=2 total=3 rate=0.667"),
        "{retention:?}"
    );
    assert!(retention.contains(&"interval_1-7_days: passed=2 total=2 rate=1.000"));
    assert!(retention.contains(&"interval_22-90_days: passed=0 total=1 rate=0.000"));
    assert!(retention.contains(&"interval_91+_days: passed=0 total=0 rate=-"));
    assert_eq!(
        section(&output, &heading, "retention_per_day"),
        [
            "2026-11-06: passed=1 total=1 rate=1.000",
            "2026-11-07: passed=1 total=2 rate=0.500"
        ]
    );
    assert_eq!(
        section(&output, &heading, "quiz_scores"),
        ["quizzes: 0", "overall_percent: -"]
    );
}

#[test]
fn without_a_deck_every_deck_is_shown_and_combined() {
    let dir = tempfile::tempdir().unwrap();
    write_progress(&DataDir::new(dir.path()));
    let out = stats(dir.path(), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let output = text(&out.stdout);
    assert!(
        output.starts_with("== all decks ==\ndecks: 1\n"),
        "{output}"
    );
    assert_eq!(section(&output, "all decks", "study")[0], "answers: 8");
    assert_eq!(
        section(&output, &format!("deck {DECK}"), "study")[0],
        "answers: 8"
    );
}

#[test]
fn a_damaged_review_log_is_named_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    write_progress(&data);
    let journal = data.progress().join(format!("{DECK}.laptop.history.ron"));
    let mut damaged = std::fs::read_to_string(&journal).unwrap();
    damaged.insert_str(0, "this is not a record\n");
    std::fs::write(&journal, &damaged).unwrap();

    let out = stats(dir.path(), &[DECK]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:1:", journal.display())),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), damaged);

    let unknown = stats(dir.path(), &["no-such-deck"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("recap list"));
}

#[test]
fn finished_quizzes_appear_in_the_quiz_scores() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let deck = recap::model::DeckId::new("kim-putin-letters").unwrap();
    let file = recap::quiz::quiz_history_file(&data.progress(), &deck);
    for (day, score) in [(3, 3), (4, 5)] {
        let record = recap::quiz::QuizRecord {
            date: local(day, 18, 0),
            mode: recap::quiz::QuizMode::MultipleChoice,
            score,
            total: 5,
            missed: Vec::new(),
        };
        recap::quiz::append_quiz_record(&file, &record).unwrap();
    }
    let out = stats(folder.path(), &["kim-putin-letters"]);
    let output = text(&out.stdout);
    let heading = "deck kim-putin-letters";
    let scores = section(&output, heading, "quiz_scores");
    assert_eq!(scores[0], "quizzes: 2", "{output}");
    assert_eq!(scores[1], "overall_percent: 80.0", "{output}");
}
