//! The whole window driven like a student would: keyboard and mouse, a temporary data folder,
//! then what is on screen and what is on disk.

mod common;

use common::window::{DECK_TITLE, START, Window, open_window_with};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use recap::model::{Clock, ManualClock};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, DeviceId, Record, read_history};
use recap::ui::{AppEnv, RecapApp};
use std::sync::Arc;

const FIRST_QUESTION: &str =
    "What prompted the exchange of letters between Kim Jong Un and Vladimir Putin?";

fn open_window(data: &DataDir, clock: &ManualClock) -> Window {
    open_window_with(data, clock, |_| {})
}

fn history(data: &DataDir) -> Vec<Record> {
    let files = DeckFiles::new(
        data.progress(),
        recap::model::DeckId::new("kim-putin-letters").unwrap(),
    );
    read_history(&files)
        .unwrap()
        .into_iter()
        .map(|e| e.record)
        .collect()
}

#[test]
fn study_all_five_cards_by_keyboard_then_by_mouse_with_summary_files_and_resume() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);

    // The library shows the bundled deck with its counts.
    window.harness.get_by_label(DECK_TITLE);
    assert!(window.shows("New 5 · Learning 0 · Due 0 · 5 cards"));

    // Keyboard: open, then Space shows the answer and 4 (Easy) grades, five times.
    window.click(&format!("Study {DECK_TITLE}"));
    assert!(window.shows(FIRST_QUESTION));
    assert!(
        !window.shows("The letters were exchanged"),
        "the answer is hidden at first"
    );
    for n in 0..5 {
        window.press(egui::Key::Space);
        assert!(
            window.shows("Easy "),
            "grade buttons after Space (card {n})"
        );
        window.press(egui::Key::Num4);
        window.clock.advance_minutes(0.5);
    }
    assert!(window.shows("Done for today"));
    assert!(window.shows("The next card is due in"));

    // Every answer is on disk already.
    let answers: Vec<_> = history(&data)
        .into_iter()
        .filter(|r| matches!(r, Record::Answer { .. }))
        .collect();
    assert_eq!(answers.len(), 5);

    // Escape ends the session: the summary.
    window.press(egui::Key::Escape);
    assert!(window.shows("Session finished"));
    window.harness.get_by_label("Cards reviewed");
    window.harness.get_by_label("5");
    window.click("Back to the library (Enter)");
    let snapshot = std::fs::read_to_string(data.progress().join("kim-putin-letters.ron")).unwrap();
    assert_eq!(snapshot.matches("phase:Review").count(), 5, "{snapshot}");

    // Mouse: ten days later all five are due; click Show answer and Good for each.
    clock.set(START.plus_days(10));
    drop(window);
    let mut window = open_window(&data, &clock);
    assert!(
        window.shows("Due 5"),
        "after a restart the progress is back"
    );
    window.click(&format!("Study {DECK_TITLE}"));
    for _ in 0..5 {
        window.click("Show answer (Space)");
        window.click_containing("Good ");
    }
    assert!(window.shows("Done for today"));
    window.click("End session (Esc)");
    assert!(window.shows("Session finished"));
    assert_eq!(history(&data).len(), 10);
}

#[test]
fn undo_brings_back_the_previous_card_and_its_state() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);
    window.click(&format!("Study {DECK_TITLE}"));
    assert!(window.shows(FIRST_QUESTION));
    window.press(egui::Key::Space);
    window.press(egui::Key::Num3);
    assert!(!window.shows(FIRST_QUESTION), "the next card is showing");
    assert!(window.shows("New 4 · Learning 1"));

    window
        .harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    window.harness.run();
    assert!(window.shows(FIRST_QUESTION), "Ctrl+Z shows the card again");
    assert!(window.shows("New 5 · Learning 0"), "and it is new again");
    let records = history(&data);
    assert!(
        matches!(records.last(), Some(Record::Undo { .. })),
        "the undo is on disk"
    );

    // The undo button does the same.
    window.press(egui::Key::Space);
    window.press(egui::Key::Num1);
    window.click("Undo (Ctrl+Z)");
    assert!(window.shows(FIRST_QUESTION));
    assert!(window.shows("New 5 · Learning 0"));
}

#[test]
fn desired_retention_changes_the_grade_button_labels() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);
    window.click(&format!("Study {DECK_TITLE}"));
    window.press(egui::Key::Space);
    let easy_before = window
        .harness
        .get_by_label_contains("Easy ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    window.press(egui::Key::Escape);
    window.click("Back to the library (Enter)");

    window.click(&format!("Settings {DECK_TITLE}"));
    let field = window.harness.get_by_label("Desired retention");
    field.focus();
    field.set_text_value_accesskit("0.75");
    window.harness.run();
    window.click("Save (Ctrl+S)");
    assert!(window.shows("Saved."));
    window.click("Back to the library (Esc)");

    window.click(&format!("Study {DECK_TITLE}"));
    window.press(egui::Key::Space);
    let easy_after = window
        .harness
        .get_by_label_contains("Easy ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert_ne!(
        easy_before, easy_after,
        "a lower retention gives a longer Easy interval"
    );
    assert_eq!(clock.now(), START);
}

#[test]
fn a_bad_setting_is_shown_next_to_its_field_and_not_saved() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);
    window.click(&format!("Settings {DECK_TITLE}"));
    let field = window.harness.get_by_label("Learning steps");
    field.focus();
    field.set_text_value_accesskit("1m ten");
    window.harness.run();
    window.click("Save (Ctrl+S)");
    assert!(window.shows("write steps like 1m, 10m, 1h or 1d"));
    assert!(!data.progress().join("kim-putin-letters.ron").exists());
}

#[test]
fn a_broken_deck_is_listed_with_its_error_and_the_others_still_work() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    std::fs::create_dir_all(data.decks()).unwrap();
    let broken = data.decks().join("broken.ron");
    std::fs::write(
        &broken,
        "(format: 1, title: \"Oops\", cards: [(front: \"Q\")])",
    )
    .unwrap();
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);
    assert!(window.shows(&format!("{}:1:36: missing field `back`", broken.display())));
    window.click(&format!("Study {DECK_TITLE}"));
    assert!(window.shows(FIRST_QUESTION));
}

/// A file dropped onto the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_article_is_imported_into_the_library() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let article = folder.path().join("summit.md");
    std::fs::write(
        &article,
        "# Leaders meet at Camp David\n\nThe three leaders met on August 18.\n\n## FAQ\n\n### Where did they meet?\n\nAt Camp David.\n\n### When?\n\nOn August 18.\n",
    )
    .unwrap();
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);
    window
        .harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(article.clone())));
    window.harness.run();
    assert!(
        window.shows("Imported 2 cards into"),
        "the import is reported"
    );
    window.harness.get_by_label("Leaders meet at Camp David");
    assert!(data.decks().join("leaders-meet-at-camp-david.ron").exists());

    // A file without a FAQ: the reason is shown, nothing is written.
    let plain = folder.path().join("plain.txt");
    std::fs::write(&plain, "Just a story.\n").unwrap();
    window
        .harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(plain)));
    window.harness.run();
    assert!(window.shows("Not imported"));
    assert_eq!(std::fs::read_dir(data.decks()).unwrap().count(), 1);
}

#[test]
fn the_review_screen_fits_800_by_600() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let env = AppEnv {
        data: data.clone(),
        clock: Arc::new(ManualClock::new(START)),
        device: DeviceId::new("small").unwrap(),
        utc_offset_minutes: 0,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(800.0, 600.0))
        .with_max_steps(32)
        .build_ui_state(|ui, app: &mut RecapApp| app.show(ui), RecapApp::new(env));
    harness.run();
    harness.get_by_label(&format!("Study {DECK_TITLE}")).click();
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
    for grade in ["Again ", "Hard ", "Good ", "Easy ", "Undo (Ctrl+Z)"] {
        let rect = harness.get_by_label_contains(grade).rect();
        assert!(screen.contains_rect(rect), "{grade} at {rect:?} is cut off");
    }
    let question = harness.get_by_label(FIRST_QUESTION).rect();
    assert!(
        screen.contains_rect(question),
        "the question wraps inside the window: {question:?}"
    );
}

#[test]
fn keyboard_only_from_launch_to_summary() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);
    // Tab moves through the library's controls; Enter presses the focused one.
    let study = format!("Study {DECK_TITLE}");
    for _ in 0..10 {
        if window.harness.get_by_label(&study).is_focused() {
            break;
        }
        window.press(egui::Key::Tab);
    }
    assert!(
        window.harness.get_by_label(&study).is_focused(),
        "Tab reaches the Study button"
    );
    window.press(egui::Key::Enter);
    assert!(window.shows(FIRST_QUESTION));
    for _ in 0..5 {
        window.press(egui::Key::Enter);
        window.press(egui::Key::Num3);
    }
    window.press(egui::Key::Escape);
    assert!(window.shows("Session finished"));
    window.press(egui::Key::Enter);
    window.harness.get_by_label(&study);
}
