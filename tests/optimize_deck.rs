//! `recap optimize DECK`: fit parameters to the learner's own answers, keep the old ones unless
//! the new ones are better, save them with the deck's progress.

#[path = "common/cli.rs"]
mod cli;

use recap::model::{CardId, DeckId};
use recap::optimize::read_revlog;
use recap::schedule::CardState;
use recap::store::progress::{DeckFiles, DeviceId, Record};
use std::path::Path;
use std::process::Output;

fn recap(data: &Path, args: &[&str]) -> Output {
    cli::recap_command()
        .args(args)
        .env("RECAP_DATA_DIR", data)
        .env("RECAP_DEVICE_ID", "testbox")
        .output()
        .unwrap()
}

/// A data folder with a deck "josh" whose review history is the first `rows` rows of the
/// shared review log, written as Recap's own history file.
fn data_with_history(rows: usize) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(folder.path().join("decks")).unwrap();
    std::fs::write(
        folder.path().join("decks/josh.ron"),
        "(format: 1, id: \"josh\", title: \"Josh\", cards: [(id: \"a\", front: \"Q\", back: \"A\")])",
    )
    .unwrap();
    let log = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/revlog-josh.csv");
    let files = DeckFiles::new(folder.path().join("progress"), DeckId::new("josh").unwrap());
    let device = DeviceId::new("testbox").unwrap();
    let mut text = String::new();
    for (n, review) in read_revlog(&log)
        .unwrap()
        .into_iter()
        .take(rows)
        .enumerate()
    {
        let record = Record::Answer {
            seq: n as u64 + 1,
            card: CardId::new(review.card).unwrap(),
            at: review.at,
            rating: review.rating,
            took_ms: review.duration_ms,
            state: CardState::default(),
            from: None,
        };
        text.push_str(&record.to_line());
        text.push('\n');
    }
    std::fs::create_dir_all(files.folder()).unwrap();
    std::fs::write(files.history(&device), text).unwrap();
    folder
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn fitted_parameters_are_saved_once_and_then_kept() {
    let data = data_with_history(4000);
    let first = stdout(&recap(
        data.path(),
        &["optimize", "josh", "--utc-offset", "+00:00"],
    ));
    assert!(
        first.starts_with("josh: new parameters saved (log_loss "),
        "{first}"
    );
    let snapshot = std::fs::read_to_string(data.path().join("progress/josh.ron")).unwrap();
    assert!(snapshot.contains("parameters:Some(["), "{snapshot}");

    let second = stdout(&recap(
        data.path(),
        &["optimize", "josh", "--utc-offset", "+00:00"],
    ));
    assert!(
        second.starts_with("josh: kept the current parameters"),
        "{second}"
    );
    assert_eq!(
        std::fs::read_to_string(data.path().join("progress/josh.ron")).unwrap(),
        snapshot
    );
}

#[test]
fn decks_without_enough_history_are_left_alone() {
    let data = data_with_history(20);
    let out = stdout(&recap(data.path(), &["optimize", "--all"]));
    assert!(out.contains("josh: not enough history yet"), "{out}");
    assert!(
        out.contains("kim-putin-letters: no answers yet; parameters unchanged"),
        "{out}"
    );
    assert!(!data.path().join("progress/josh.ron").exists());
}

#[test]
fn an_unknown_deck_is_an_error() {
    let data = tempfile::tempdir().unwrap();
    let out = recap(data.path(), &["optimize", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("recap list"));
}
