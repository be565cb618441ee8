//! The deck editor driven as a teacher would: a new deck, cards typed, edited, reordered and
//! saved; then what is in the file (ids, order, a one-card diff), progress kept across an
//! edit, validation, undo/redo, the leave prompt and a file changed on disk meanwhile.

mod common;

use common::window::{DECK_TITLE, START, Window, open_window_with};
use egui_kittest::kittest::Queryable as _;
use recap::deck::{deck_to_ron, parse_deck};
use recap::library::Library;
use recap::model::{Card, CardId, Deck, DeckId, ManualClock, Rating};
use recap::store::DataDir;
use recap::store::progress::DeviceId;
use recap::study::StudyDeck;
use std::path::PathBuf;

const TITLE: &str = "Summit questions";

fn open_window(data: &DataDir) -> Window {
    // The data folder is watched by a thread; tests have it look every 20 ms.
    let poll = std::time::Duration::from_millis(20);
    open_window_with(data, &ManualClock::new(START), |app| {
        app.set_folder_poll(poll)
    })
}

trait Editing {
    fn type_into(&mut self, field: &str, text: &str);
    fn save(&mut self);
    fn edited(&self) -> Deck;
    fn add_card(&mut self, front: &str, back: &str) -> CardId;
}

impl Editing for Window {
    /// Replaces the text of the field named `field`, as assistive technology does.
    fn type_into(&mut self, field: &str, text: &str) {
        self.harness
            .get_by_label(field)
            .set_text_value_accesskit(text);
        self.harness.run();
    }

    fn save(&mut self) {
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        self.harness.run();
    }

    fn edited(&self) -> Deck {
        self.harness
            .state()
            .editor()
            .expect("the editor is showing")
            .deck()
            .clone()
    }

    fn add_card(&mut self, front: &str, back: &str) -> CardId {
        self.click("Add card");
        self.type_into("Question", front);
        self.type_into("Answer", back);
        let editor = self.harness.state().editor().unwrap();
        editor.selected().unwrap().clone()
    }
}

fn deck_file(data: &DataDir) -> PathBuf {
    data.decks().join("summit-questions.ron")
}

fn read_deck(path: &PathBuf) -> Deck {
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = parse_deck(&text, path, &mut rand::rng()).unwrap();
    assert!(parsed.assigned.is_empty(), "every card id is in the file");
    parsed.deck
}

fn ids(deck: &Deck) -> Vec<CardId> {
    deck.cards.iter().map(|c| c.id.clone()).collect()
}

/// Studies the deck's first new card (Easy) at `now` as the review screen would, and closes.
fn study_one(data: &DataDir, now: recap::model::Timestamp) -> CardId {
    let mut library = Library::load(data, &mut rand::rng());
    let entry = library
        .decks
        .iter_mut()
        .find(|d| d.deck().title == TITLE)
        .unwrap();
    let device = DeviceId::new("ui-test").unwrap();
    let (mut study, _) = StudyDeck::open(data, entry, device, now, 0).unwrap();
    let card = study.current(now).unwrap();
    study.answer(Rating::Easy, now).unwrap();
    study.close().unwrap();
    card
}

fn state_of(data: &DataDir, card: &CardId) -> recap::schedule::CardState {
    let mut library = Library::load(data, &mut rand::rng());
    let entry = library
        .decks
        .iter_mut()
        .find(|d| d.deck().title == TITLE)
        .unwrap();
    let device = DeviceId::new("ui-test").unwrap();
    let (study, _) = StudyDeck::open(data, entry, device, START, 0).unwrap();
    study.session().state(card)
}

#[test]
fn create_a_deck_add_edit_reorder_save_then_edit_a_studied_card_and_keep_its_progress() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut window = open_window(&data);

    window.click("New deck");
    assert!(window.shows("Editing: Untitled deck"));
    window.type_into("Title", TITLE);
    let a = window.add_card("Where did the leaders meet?", "At Camp David.");
    let b = window.add_card("Who hosted the summit?", "The US president.");
    let c = window.add_card("When was the summit?", "On August 18.");

    // Edit the first card, then move the last one up: a, c, b.
    window.click("1. Where did the leaders meet?");
    window.type_into("Answer", "At Camp David, near Washington.");
    window.click("3. When was the summit?");
    window.click("Move up");
    assert_eq!(ids(&window.edited()), [a.clone(), c.clone(), b.clone()]);
    assert!(window.shows("Unsaved changes"));

    window.save();
    assert!(window.shows("All changes saved"));
    let saved = read_deck(&deck_file(&data));
    assert_eq!(saved, window.edited(), "the file holds the deck as edited");
    assert_eq!(ids(&saved), [a.clone(), c.clone(), b.clone()]);
    assert_eq!(saved.cards[0].back, "At Camp David, near Washington.");

    // A one-card edit is a one-line diff.
    let before = std::fs::read_to_string(deck_file(&data)).unwrap();
    window.click("3. Who hosted the summit?");
    window.type_into("Answer", "President Biden.");
    window.save();
    let after = std::fs::read_to_string(deck_file(&data)).unwrap();
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(x, y)| x != y)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");

    // Study a card, edit its question in the editor, save: its progress is unchanged.
    use recap::model::Clock as _;
    let studied = study_one(&data, window.clock.now());
    let progress = state_of(&data, &studied);
    assert_ne!(
        progress,
        recap::schedule::CardState::default(),
        "it was studied"
    );
    let number = window
        .edited()
        .cards
        .iter()
        .position(|c| c.id == studied)
        .unwrap()
        + 1;
    let front = window.edited().cards[number - 1].front.clone();
    window.click(&format!("{number}. {front}"));
    window.type_into("Question", &format!("{front} (reworded)"));
    window.save();
    let file = read_deck(&deck_file(&data));
    assert_eq!(
        file.card(&studied).unwrap().front,
        format!("{front} (reworded)")
    );
    assert_eq!(
        state_of(&data, &studied),
        progress,
        "progress follows the id"
    );

    window.click("Back to the library (Esc)");
    window.harness.get_by_label(&format!("Edit {TITLE}"));
    window.harness.get_by_label(&format!("Edit {DECK_TITLE}"));
}

#[test]
fn problems_show_next_to_the_field_and_stop_the_save_undo_redo_and_the_leave_prompt() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut window = open_window(&data);
    window.click("New deck");
    assert!(window.shows("Give the deck a title"));
    window.type_into("Title", TITLE);
    assert!(!window.shows("Give the deck a title"));
    window.click("Add card");
    window.type_into("Question", "Where did the leaders meet?");
    assert!(window.shows("Write the answer."));
    window.save();
    assert!(window.shows("not saved: card 1: Write the answer"));
    assert!(!deck_file(&data).exists(), "nothing written");

    // Choices equal to the answer are a warning, not an obstacle.
    window.type_into("Answer", "Camp David");
    window.type_into("Wrong choices", "camp david\nSeoul");
    assert!(window.shows("\"camp david\" is the right answer"));

    // Undo takes the choices back, then the answer; redo both ways.
    let undo = |w: &mut Window, modifiers, key| {
        w.harness.key_press_modifiers(modifiers, key);
        w.harness.run();
    };
    undo(&mut window, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(window.edited().cards[0].choices.is_empty());
    undo(&mut window, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(window.edited().cards[0].back, "");
    undo(&mut window, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(window.edited().cards[0].back, "Camp David");
    let shift_z = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    undo(&mut window, shift_z, egui::Key::Z);
    assert_eq!(window.edited().cards[0].choices, ["camp david", "Seoul"]);

    // Leaving with unsaved changes asks; Cancel stays, Discard leaves without writing.
    window.click("Back to the library (Esc)");
    assert!(window.shows("Save your changes to this deck before leaving?"));
    window.click("Cancel");
    assert!(window.harness.state().editor().is_some());
    window.click("Back to the library (Esc)");
    window.click("Discard changes");
    assert!(window.harness.state().editor().is_none());
    assert!(window.shows("Changes discarded."));
    assert!(!deck_file(&data).exists());

    // Save and leave writes the deck, which the library then lists.
    window.click("New deck");
    window.type_into("Title", TITLE);
    window.add_card("Where did the leaders meet?", "At Camp David.");
    window.press(egui::Key::Escape);
    window.click("Save and leave");
    assert!(window.harness.state().editor().is_none());
    assert_eq!(read_deck(&deck_file(&data)).cards.len(), 1);
    window.harness.get_by_label(&format!("Study {TITLE}"));
}

/// A deck file as a teacher might have written it, with two cards.
fn write_deck(data: &DataDir) -> PathBuf {
    let card = |id: &str, front: &str, back: &str| Card::new(CardId::new(id).unwrap(), front, back);
    let deck = Deck {
        id: DeckId::new("summit-questions").unwrap(),
        title: TITLE.into(),
        description: String::new(),
        source: None,
        tags: Vec::new(),
        cards: vec![
            card("aaaaaa", "Where did they meet?", "At Camp David."),
            card("bbbbbb", "Who hosted?", "The US president."),
        ],
    };
    let path = deck_file(data);
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(&path, deck_to_ron(&deck)).unwrap();
    path
}

/// The file with one answer replaced, as a text editor would save it.
fn edit_file(path: &PathBuf, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn a_file_changed_on_disk_is_reloaded_or_the_user_chooses_which_to_keep() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let path = write_deck(&data);
    let mut window = open_window(&data);
    window.click(&format!("Edit {TITLE}"));

    // Nothing unsaved: the file's version is loaded and the user told.
    edit_file(&path, "At Camp David.", "At Camp David, Maryland.");
    assert!(window.run_until_shows("The file changed on disk and was loaded again"));
    assert_eq!(window.edited().cards[0].back, "At Camp David, Maryland.");
    assert!(window.shows("All changes saved"));

    // Unsaved changes: the banner; keeping mine makes the next save overwrite the file.
    window.type_into("Answer", "Mine.");
    edit_file(&path, "The US president.", "Theirs.");
    assert!(window.run_until_shows("This deck changed on disk"));
    assert_eq!(
        window.edited().cards[0].back,
        "Mine.",
        "nothing replaced silently"
    );
    window.click("Keep my changes");
    assert!(!window.shows("This deck changed on disk"));
    window.save();
    let file = read_deck(&path);
    assert_eq!(file.cards[0].back, "Mine.");
    assert_eq!(
        file.cards[1].back, "The US president.",
        "the editor's version won"
    );

    // Or the file's version, with the editor's changes dropped.
    window.type_into("Answer", "Mine again.");
    edit_file(&path, "Mine.", "Theirs again.");
    assert!(window.run_until_shows("Load the file's version"));
    window.click("Load the file's version");
    assert_eq!(window.edited().cards[0].back, "Theirs again.");
    assert!(window.shows("All changes saved"));
    assert_eq!(ids(&window.edited()), ids(&read_deck(&path)));
}

#[test]
fn study_both_ways_is_a_checkbox_saved_in_the_file_and_previewed() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut window = open_window(&data);
    window.click("New deck");
    window.type_into("Title", TITLE);
    let card = window.add_card("Capital of North Korea?", "Pyongyang");
    window.click_containing("Study both ways");
    assert!(window.shows("Review, the other way"));
    window.save();
    let deck = read_deck(&deck_file(&data));
    let saved = deck.cards.iter().find(|c| c.id == card).unwrap();
    assert!(saved.both_ways, "the file says both ways");
    assert!(
        std::fs::read_to_string(deck_file(&data))
            .unwrap()
            .contains("both_ways: true"),
    );
    // Undo takes the switch back like any edit.
    window
        .harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    window.harness.run();
    assert!(!window.edited().cards[0].both_ways);
}
