//! The Stats screen driven like a learner would: answer cards of the bundled deck on two days,
//! open Stats from the library by clicking, and find on screen the figures the core computes
//! from the same data folder; then all decks, a day's tooltip, and Esc back to the library.

mod common;

use common::window::{DECK_TITLE, START, Window, open_window_with};
use egui_kittest::kittest::Queryable as _;
use recap::library::Library;
use recap::model::{DeckId, MS_PER_DAY, ManualClock, Timestamp};
use recap::quiz::{QuizMode, QuizRecord, append_quiz_record, quiz_history_file};
use recap::stats::{LibraryStats, LocalDate, Stats, load_library_stats};
use recap::store::DataDir;

/// A second deck of three cards, so that "All decks" differs from the bundled deck alone.
const SECOND_DECK: &str = r#"(
    format: 1,
    id: "second-deck",
    title: "Second deck",
    description: "",
    tags: [],
    cards: [
        (id: "aaaaaa", front: "One?", back: "1", tags: []),
        (id: "bbbbbb", front: "Two?", back: "2", tags: []),
        (id: "cccccc", front: "Three?", back: "3", tags: []),
    ],
)
"#;

fn prepared_data(folder: &std::path::Path) -> DataDir {
    let data = DataDir::new(folder);
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(data.decks().join("second-deck.ron"), SECOND_DECK).unwrap();
    // One quiz on the second deck the day before, so its score shows among all decks.
    let quiz = QuizRecord {
        date: Timestamp(START.0 - MS_PER_DAY),
        mode: QuizMode::MultipleChoice,
        score: 2,
        total: 3,
        missed: Vec::new(),
    };
    let id = DeckId::new("second-deck").unwrap();
    append_quiz_record(&quiz_history_file(&data.progress(), &id), &quiz).unwrap();
    data
}

/// Studies `cards` cards of the bundled deck, grading each with `grade`, then goes back to the
/// library.
fn study(window: &mut Window, cards: usize, grade: egui::Key) {
    window.click(&format!("Study {DECK_TITLE}"));
    for _ in 0..cards {
        window.press(egui::Key::Space);
        window.press(grade);
        window.clock.advance_minutes(0.5);
    }
    window.press(egui::Key::Escape);
    window.click("Back to the library (Enter)");
}

/// What the core computes from the same folder at the window's time.
fn core_stats(data: &DataDir, clock: &ManualClock) -> LibraryStats {
    use recap::model::Clock as _;
    let library = Library::load(data, &mut rand::rng());
    load_library_stats(data, &library, clock.now(), 0)
}

fn deck_figures<'a>(all: &'a LibraryStats, id: &str) -> &'a Stats {
    let deck = all.decks.iter().find(|d| d.id.as_str() == id).unwrap();
    &deck.stats.as_ref().unwrap().stats
}

/// The screen shows each figure as "Name: value" (the accessible name of its value).
fn assert_figures(window: &Window, stats: &Stats) {
    let c = &stats.cards;
    let calendar = &stats.calendar;
    let expected = [
        ("Cards", c.total.to_string()),
        ("New (never studied)", c.new.to_string()),
        ("Learning (in steps)", c.learning.to_string()),
        ("Young (interval under 21 days)", c.young.to_string()),
        ("Mature (interval 21 days or more)", c.mature.to_string()),
        ("Leeches (forgotten often)", c.leech.to_string()),
        ("Answers", stats.answers.to_string()),
        (
            "Reviews today",
            calendar.days.last().unwrap().reviews.to_string(),
        ),
        ("Current streak", days(calendar.streaks.current)),
        ("Longest streak", days(calendar.streaks.longest)),
    ];
    for (name, value) in expected {
        let label = format!("{name}: {value}");
        assert!(window.shows(&label), "the screen shows {label:?}");
    }
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

#[test]
fn stats_screen_shows_the_core_figures_per_deck_and_for_all_decks() {
    let folder = tempfile::tempdir().unwrap();
    let data = prepared_data(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window_with(&data, &clock, |_| {});
    // Day one: three cards, Good; day two: the last two new cards, Easy.
    study(&mut window, 3, egui::Key::Num3);
    clock.set(START.plus_days(1));
    study(&mut window, 2, egui::Key::Num4);

    window.click(&format!("Stats {DECK_TITLE}"));
    let core = core_stats(&data, &clock);
    let deck = deck_figures(&core, "kim-putin-letters");
    assert_eq!(deck.calendar.streaks.current, 2, "studied two days running");
    assert!(deck.answers >= 5);
    assert_figures(&window, deck);

    // A day of the heatmap names its date and count; pointing at it shows them as a tooltip.
    let today = deck.calendar.days.last().unwrap();
    let cell = format!(
        "{}: {} reviews",
        LocalDate::of_study_day(today.day),
        today.reviews
    );
    window.harness.get_by_label(&cell).hover();
    // Tooltips wait for the pointer to rest: a second of frames.
    window.harness.run_steps(4);
    assert_eq!(
        window.harness.query_all_by_label(&cell).count(),
        2,
        "the day and its tooltip"
    );

    // All decks: the bundled deck's figures and the second deck's together.
    window.click("Deck");
    window.click("All decks");
    let all = core.all.as_ref().unwrap();
    assert_eq!(all.cards.total, deck.cards.total + 3);
    assert_figures(&window, all);
    assert!(window.shows("1 quizzes, 67% of all questions answered right."));

    // Esc: back to the library.
    window.press(egui::Key::Escape);
    assert!(window.shows("Stats for all decks"));
    assert!(!window.shows("Reviews today"));
}

#[test]
fn all_stats_button_opens_every_deck_together_and_back_returns() {
    let folder = tempfile::tempdir().unwrap();
    let data = prepared_data(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window_with(&data, &clock, |_| {});
    window.click("Stats for all decks");
    let core = core_stats(&data, &clock);
    let all = core.all.as_ref().unwrap();
    assert_eq!(all.answers, 0);
    assert_figures(&window, all);
    assert!(window.shows("No review answers yet"));
    window.click("Back to the library (Esc)");
    assert!(window.shows(&format!("Stats {DECK_TITLE}")));
}
