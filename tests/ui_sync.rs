//! The window with a data folder another computer syncs into: answers arriving while the
//! library shows are picked up without a restart, and a deck file the sync tool duplicated is
//! listed for the user to keep, replace or merge — never dropped.

mod common;

use common::window::{START, open_window_with};
use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::library::Library;
use recap::model::{ManualClock, Rating};
use recap::store::DataDir;
use recap::store::progress::DeviceId;
use recap::study::StudyDeck;

/// Another computer ("desktop") studies `cards` new cards of the bundled deck in the same
/// folder, as if its files had just been synced in.
fn desktop_studies(data: &DataDir, cards: usize) {
    let mut library = Library::load(data, &mut StdRng::seed_from_u64(3));
    let device = DeviceId::new("desktop").unwrap();
    let (mut study, _) = StudyDeck::open(data, &mut library.decks[0], device, START, 0).unwrap();
    for _ in 0..cards {
        assert!(study.current(START).is_some(), "a new card to study");
        study.answer(Rating::Good, START).unwrap();
    }
    study.close().unwrap();
}

#[test]
fn another_computers_answers_show_in_the_library_without_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let poll = std::time::Duration::from_millis(20);
    let mut window = open_window_with(&data, &clock, |app| app.set_folder_poll(poll));
    assert!(window.shows("New 5 · Learning 0 · Due 0 · 5 cards"));

    desktop_studies(&data, 2);
    // The watching thread notices within a poll or two and wakes the window; nothing is
    // clicked or pressed meanwhile.
    let updated = "New 3 · Learning 2 · Due 0 · 5 cards";
    for _ in 0..250 {
        if window.shows(updated) {
            break;
        }
        std::thread::sleep(poll);
        window.harness.run();
    }
    assert!(
        window.shows(updated),
        "the counts include the desktop's answers"
    );
}

const SUMMITS: &str = r#"(
    format: 1,
    id: "summits",
    title: "Summits of 2023",
    cards: [
        (id: "svostochny", front: "Where did Kim and Putin meet in September 2023?", back: "The Vostochny Cosmodrome"),
    ],
)
"#;

const SUMMITS_ON_THE_LAPTOP: &str = r#"(
    format: 1,
    id: "summits",
    title: "Summits of 2023",
    cards: [
        (id: "svostochny", front: "Where did Kim and Putin meet in September 2023?", back: "The Vostochny Cosmodrome"),
        (id: "strain", front: "How did Kim travel to Russia?", back: "By armoured train"),
    ],
)
"#;

const COPY: &str = "summits.sync-conflict-20261128-101500-ABCDEFG.ron";

fn folder_with_conflict() -> (tempfile::TempDir, DataDir) {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(data.decks().join("summits.ron"), SUMMITS).unwrap();
    std::fs::write(data.decks().join(COPY), SUMMITS_ON_THE_LAPTOP).unwrap();
    (folder, data)
}

fn deck_files(data: &DataDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.decks())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_deck_files_conflict_copy_is_shown_and_merged_on_request() {
    let (_folder, data) = folder_with_conflict();
    let clock = ManualClock::new(START);
    let mut window = open_window_with(&data, &clock, |_| {});
    assert!(window.shows(&format!(
        "Sync conflict: {COPY} is Syncthing's copy of summits.ron"
    )));
    // The copy is not loaded as a second deck: one "Summits" deck with its one card.
    assert!(window.shows("New 1 · Learning 0 · Due 0 · 1 cards"));

    window.click(&format!("Merge both {COPY}"));
    assert!(window.shows("Merged: 1 cards of the copy added to summits.ron"));
    assert!(!window.shows("Sync conflict"));
    assert!(window.shows("New 2 · Learning 0 · Due 0 · 2 cards"));
    let text = std::fs::read_to_string(data.decks().join("summits.ron")).unwrap();
    assert!(
        text.contains("\"svostochny\"") && text.contains("\"strain\""),
        "{text}"
    );
    let files = deck_files(&data);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[1].starts_with(&format!("{COPY}.merged-")),
        "the copy is kept: {files:?}"
    );
}

#[test]
fn keeping_mine_or_using_the_copy_renames_the_other_and_deletes_nothing() {
    let (_folder, data) = folder_with_conflict();
    let clock = ManualClock::new(START);
    let mut window = open_window_with(&data, &clock, |_| {});
    window.click(&format!("Use the copy {COPY}"));
    assert!(window.shows("summits.ron now holds the copy"));
    assert!(window.shows("2 cards"));
    assert_eq!(
        std::fs::read_to_string(data.decks().join("summits.ron")).unwrap(),
        SUMMITS_ON_THE_LAPTOP
    );
    let files = deck_files(&data);
    assert!(
        files.iter().any(|f| f.starts_with("summits.ron.replaced-")),
        "{files:?}"
    );

    let (_folder, data) = folder_with_conflict();
    let mut window = open_window_with(&data, &clock, |_| {});
    window.click(&format!("Keep mine {COPY}"));
    assert!(window.shows("Kept summits.ron"));
    assert!(window.shows("1 cards"));
    assert_eq!(
        std::fs::read_to_string(data.decks().join("summits.ron")).unwrap(),
        SUMMITS
    );
    let files = deck_files(&data);
    assert!(
        files
            .iter()
            .any(|f| f.starts_with(&format!("{COPY}.kept-original-"))),
        "{files:?}"
    );
    let copy = files.iter().find(|f| f.contains("kept-original")).unwrap();
    assert_eq!(
        std::fs::read_to_string(data.decks().join(copy)).unwrap(),
        SUMMITS_ON_THE_LAPTOP
    );
}

#[test]
fn a_second_window_on_the_same_folder_is_told_the_deck_is_in_use_and_loses_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let mut first = open_window_with(&data, &clock, |_| {});
    let mut second = open_window_with(&data, &clock, |_| {});
    let study = format!("Study {}", common::window::DECK_TITLE);
    first.click(&study);
    first.press(egui::Key::Space);
    first.press(egui::Key::Num3);
    second.click(&study);
    assert!(second.shows("another Recap window is already studying this deck"));
    assert!(
        second.shows("Library"),
        "the second window stays on the library"
    );

    first.press(egui::Key::Escape);
    assert!(first.shows("Cards reviewed"));
    // Once the first window has finished, the second studies on from its answer.
    second.click(&study);
    assert!(second.shows("New 4"), "the first window's answer counts");
}
