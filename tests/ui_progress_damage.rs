//! A deck whose progress snapshot is damaged, in the window: the library says where
//! (FILE:LINE:COLUMN) and offers to open the deck read-only or to set the file aside; neither
//! changes or deletes the damaged file's bytes.

mod common;

use common::window::{DECK_TITLE, START, open_window_with};
use recap::model::{DeckId, ManualClock};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, ProgressError, Record, load, read_history};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIRST_QUESTION: &str =
    "What prompted the exchange of letters between Kim Jong Un and Vladimir Putin?";

/// A snapshot whose fourth line is not a settings value.
const DAMAGED: &str =
    "(\n    format: 1,\n    deck: \"kim-putin-letters\",\n    settings: ((((,\n    cards: {},\n)\n";

fn files(data: &DataDir) -> DeckFiles {
    DeckFiles::new(data.progress(), DeckId::new("kim-putin-letters").unwrap())
}

/// A data folder whose deck has a damaged snapshot; returns its path and where the error is.
fn damaged_folder(data: &DataDir) -> (PathBuf, String) {
    std::fs::create_dir_all(data.progress()).unwrap();
    let snapshot = files(data).snapshot();
    std::fs::write(&snapshot, DAMAGED).unwrap();
    let Err(ProgressError::Corrupt { file, at, .. }) = load(&files(data)) else {
        panic!("the snapshot should be reported as damaged");
    };
    assert!(at.line > 1, "a real place in the file: {at:?}");
    (
        snapshot,
        format!("{}:{}:{}", file.display(), at.line, at.column),
    )
}

/// Every file in `folder` with its bytes.
fn contents(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn read_only_study_shows_a_banner_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let (_, place) = damaged_folder(&data);
    let before = contents(&data.progress());
    let clock = ManualClock::new(START);
    let mut window = open_window_with(&data, &clock, |_| {});

    assert!(window.shows(&place), "the library row names {place}");
    window.click(&format!("Open read-only {DECK_TITLE}"));
    assert!(window.shows(FIRST_QUESTION));
    assert!(window.shows("Read-only: progress file"));
    assert!(window.shows("answers are not saved"));
    window.press(egui::Key::Space);
    window.press(egui::Key::Num3);
    assert!(
        !window.shows(FIRST_QUESTION),
        "the answer moved the session on"
    );
    window.press(egui::Key::Escape);
    assert!(window.shows("Session finished"));
    window.click("Back to the library (Enter)");

    assert_eq!(
        contents(&data.progress()),
        before,
        "no progress file changed"
    );
}

#[test]
fn set_aside_renames_the_file_and_study_goes_on() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let (snapshot, place) = damaged_folder(&data);
    let clock = ManualClock::new(START);
    let mut window = open_window_with(&data, &clock, |_| {});

    assert!(window.shows(&place));
    window.click(&format!("Set aside {DECK_TITLE}"));
    let kept = snapshot.with_file_name(format!("kim-putin-letters.ron.corrupt-{}", START.0));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), DAMAGED);
    assert!(!snapshot.exists());
    assert!(
        window.shows(&kept.display().to_string()),
        "says where it went"
    );
    assert!(window.shows(FIRST_QUESTION));
    assert!(!window.shows("Read-only"));

    window.press(egui::Key::Space);
    window.press(egui::Key::Num3);
    let answers = read_history(&files(&data))
        .unwrap()
        .into_iter()
        .filter(|e| matches!(e.record, Record::Answer { .. }))
        .count();
    assert_eq!(answers, 1, "the answer is saved again");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), DAMAGED);
}
