//! Studying a deck end to end on real progress files: answers are durable, undo restores the
//! card and its state, a restart resumes, limits and leeches behave.

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::library::Library;
use recap::model::{CardMap, MS_PER_MINUTE, Rating, Timestamp};
use recap::schedule::{CardState, DeckSettings, Phase, Scheduler};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, DeviceId, read_history};
use recap::study::{Session, StudiedToday, StudyDeck};

/// 2026-11-28 10:00 UTC: well inside a study day that rolls over at 04:00 UTC.
const START: Timestamp = Timestamp(1_795_860_000_000);

fn open(data: &DataDir, now: Timestamp) -> StudyDeck {
    let mut library = Library::load(data, &mut StdRng::seed_from_u64(1));
    let deck = library
        .decks
        .iter_mut()
        .find(|d| d.deck().id.as_str() == "kim-putin-letters")
        .unwrap();
    let device = DeviceId::new("laptop").unwrap();
    StudyDeck::open(data, deck, device, now, 0).unwrap().0
}

#[test]
fn five_new_cards_are_learned_answered_durably_and_resumed_after_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut study = open(&data, START);
    assert_eq!(study.session().counts().new, 5);

    let mut now = START;
    let mut answered = Vec::new();
    for _ in 0..5 {
        let card = study.current(now).expect("a new card");
        let answer = study.answer(Rating::Good, now).unwrap().unwrap();
        assert_eq!(answer.card, card);
        assert_eq!(
            answer.state.phase,
            Phase::Learning,
            "Good on the first step goes to the 10-minute step"
        );
        answered.push(card);
        now = now.plus_minutes(0.5);
    }
    assert_eq!(study.session().counts().learning, 5);
    assert_eq!(study.session().summary().reviewed, 5);

    // Every answer is in the journal before anything else happens: read it from disk now.
    let files = DeckFiles::new(
        data.progress(),
        recap::model::DeckId::new("kim-putin-letters").unwrap(),
    );
    assert_eq!(read_history(&files).unwrap().len(), 5);

    // Quit without closing (a crash) and restart: the learning cards come back.
    drop(study);
    let mut again = open(&data, now);
    assert_eq!(again.session().counts().learning, 5);
    assert_eq!(again.session().counts().new, 0);
    let later = now.plus_minutes(11.0);
    let card = again.current(later).unwrap();
    assert!(answered.contains(&card));
    let answer = again.answer(Rating::Good, later).unwrap().unwrap();
    assert_eq!(
        answer.state.phase,
        Phase::Review,
        "Good on the last step graduates"
    );
    again.close().unwrap();
}

#[test]
fn undo_restores_the_previous_card_and_its_state_durably() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut study = open(&data, START);
    let first = study.current(START).unwrap();
    study.answer(Rating::Easy, START).unwrap();
    let second = study.current(START).unwrap();
    assert_ne!(first, second);
    assert_eq!(study.session().state(&first).phase, Phase::Review);

    let shown = study.undo(START.plus_minutes(1.0)).unwrap();
    assert_eq!(shown, Some(first.clone()));
    assert_eq!(
        study.current(START.plus_minutes(1.0)),
        Some(first.clone()),
        "the undone card is shown again"
    );
    assert_eq!(study.session().state(&first), CardState::default());
    assert_eq!(study.session().counts().new, 5);
    assert_eq!(study.session().summary().reviewed, 0);

    // After a restart the undo still holds.
    drop(study);
    let reopened = open(&data, START.plus_minutes(2.0));
    assert_eq!(reopened.session().state(&first), CardState::default());
    assert_eq!(reopened.session().counts().new, 5);
}

#[test]
fn at_least_thirty_answers_can_be_undone() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut study = open(&data, START);
    let mut now = START;
    let mut history = Vec::new();
    for _ in 0..35 {
        let card = study.current(now).unwrap();
        history.push((card.clone(), study.session().state(&card)));
        study.answer(Rating::Again, now).unwrap();
        now = Timestamp(now.0 + 2 * MS_PER_MINUTE);
    }
    for (card, state) in history.iter().rev().take(30) {
        assert_eq!(study.undo(now).unwrap().as_ref(), Some(card));
        assert_eq!(&study.session().state(card), state);
    }
}

#[test]
fn daily_new_limit_counts_answers_made_earlier_today() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut study = open(&data, START);
    let settings = DeckSettings {
        new_per_day: 3,
        ..DeckSettings::default()
    };
    study.set_settings(settings, START, 0).unwrap();
    assert_eq!(study.session().counts().new, 3);
    study.current(START);
    study.answer(Rating::Easy, START).unwrap();
    study.close().unwrap();

    let reopened = open(&data, START.plus_minutes(60.0));
    assert_eq!(
        reopened.session().settings().new_per_day,
        3,
        "settings live in the snapshot"
    );
    assert_eq!(
        reopened.session().counts().new,
        2,
        "one of today's 3 new cards was already studied"
    );
    drop(reopened);
    // The next day the limit starts again.
    let tomorrow = open(&data, START.plus_days(1));
    assert_eq!(tomorrow.session().counts().new, 3);
}

#[test]
fn the_eighth_lapse_reports_a_leech() {
    let library = Library::load(
        &DataDir::new(tempfile::tempdir().unwrap().path()),
        &mut StdRng::seed_from_u64(1),
    );
    let deck = library.find("kim-putin-letters").unwrap().deck().clone();
    let card = deck.cards[0].id.clone();
    let settings = DeckSettings {
        learning_steps: vec![],
        relearning_steps: vec![],
        ..DeckSettings::default()
    };
    let scheduler = Scheduler::new(&settings).unwrap();
    let seven_lapses = CardState {
        phase: Phase::Review,
        memory: Some(recap::schedule::MemoryState {
            stability: 1.0,
            difficulty: 9.0,
        }),
        due: START,
        last_review: Some(START.plus_days(-1)),
        reps: 20,
        lapses: 7,
        ..CardState::default()
    };
    let states = CardMap::from_iter([(card.clone(), seven_lapses)]);
    let mut session = Session::new(
        deck,
        &states,
        settings,
        scheduler,
        StudiedToday::default(),
        START,
        0,
    );
    assert_eq!(
        session.current(START),
        Some(&card),
        "the due review comes first"
    );
    let answer = session.prepare_answer(Rating::Again, START).unwrap();
    assert!(answer.became_leech);
    session.commit_answer(answer, 1);
    assert_eq!(session.summary().leeches, vec![card.clone()]);
    assert!(session.is_leech(&card));
}

/// A deck file in the data folder, a copy of the bundled deck, whose first card has lapsed
/// seven times and is due: the next Again is its eighth lapse. Returns the file's path.
fn deck_file_with_a_near_leech(data: &DataDir) -> std::path::PathBuf {
    deck_file_with_a_near_leech_side(data, false)
}

/// [`deck_file_with_a_near_leech`]; when `reversed`, the first card is studied both ways and
/// its reversed side is the near leech.
fn deck_file_with_a_near_leech_side(data: &DataDir, reversed: bool) -> std::path::PathBuf {
    std::fs::create_dir_all(data.decks()).unwrap();
    let path = data.decks().join("kim-putin-letters.ron");
    let mut text = recap::library::BUNDLED_DECKS[0].1.to_string();
    if reversed {
        let tags = "            tags: [],\n";
        text = text.replacen(tags, &format!("{tags}            both_ways: true,\n"), 1);
    }
    std::fs::write(&path, text).unwrap();
    let device = DeviceId::new("laptop").unwrap();
    let deck = recap::model::DeckId::new("kim-putin-letters").unwrap();
    let settings = DeckSettings {
        new_per_day: 0,
        relearning_steps: vec![],
        ..DeckSettings::default()
    };
    recap::study::save_deck_settings(data, &deck, device.clone(), settings).unwrap();
    let files = DeckFiles::new(data.progress(), deck);
    let (mut store, _) = recap::store::progress::ProgressStore::open(files, device).unwrap();
    let library = Library::load(data, &mut StdRng::seed_from_u64(1));
    let card = library.find("kim-putin-letters").unwrap().deck().cards[0]
        .id
        .clone();
    let card = if reversed { card.reversed() } else { card };
    let seven_lapses = CardState {
        phase: Phase::Review,
        memory: Some(recap::schedule::MemoryState {
            stability: 1.0,
            difficulty: 9.0,
        }),
        due: START,
        last_review: Some(START.plus_days(-1)),
        reps: 20,
        lapses: 7,
        ..CardState::default()
    };
    store
        .record_answer(card, START.plus_days(-1), Rating::Good, 1000, seven_lapses)
        .unwrap();
    // Into the snapshot as written: a journal's answers are replayed through the scheduler,
    // which would not give this made-up state.
    store.close().unwrap();
    path
}

#[test]
fn the_eighth_lapse_tags_the_card_leech_in_its_file_and_nothing_else() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let path = deck_file_with_a_near_leech(&data);
    let before = std::fs::read_to_string(&path).unwrap();
    let mut study = open(&data, START);
    let card = study.current(START).expect("the due review");
    let answer = study.answer(Rating::Again, START).unwrap().unwrap();
    assert!(answer.became_leech);
    assert_eq!(study.session().summary().leeches, vec![card.clone()]);
    assert_eq!(study.take_notes(), Vec::<String>::new());

    let card_tags = "            tags: [],\n";
    let expected = before.replacen(card_tags, "            tags: [\"leech\"],\n", 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    let reloaded = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let deck = reloaded.find("kim-putin-letters").unwrap().deck();
    assert_eq!(deck.cards[0].tags, vec!["leech".to_string()]);
    assert!(deck.cards[1..].iter().all(|c| c.tags.is_empty()));
}

#[test]
fn a_deck_file_edited_since_loading_is_not_tagged_and_the_leech_is_still_reported() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let path = deck_file_with_a_near_leech(&data);
    let mut study = open(&data, START);
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("What prompted", "What caused");
    std::fs::write(&path, &edited).unwrap();
    let card = study.current(START).expect("the due review");
    study.answer(Rating::Again, START).unwrap().unwrap();
    assert_eq!(study.session().summary().leeches, vec![card]);
    let notes = study.take_notes();
    assert!(
        notes.len() == 1 && notes[0].contains("changed on disk"),
        "{notes:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn a_reversed_side_at_its_eighth_lapse_tags_its_card_leech() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let path = deck_file_with_a_near_leech_side(&data, true);
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(before.contains("both_ways: true"), "{before}");
    let mut study = open(&data, START);
    let card = study.current(START).expect("the due review");
    assert!(card.is_reversed(), "{card}");
    let answer = study.answer(Rating::Again, START).unwrap().unwrap();
    assert!(answer.became_leech);
    assert_eq!(study.take_notes(), Vec::<String>::new());
    let reloaded = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let deck = reloaded.find("kim-putin-letters").unwrap().deck();
    assert_eq!(deck.cards[0].tags, vec!["leech".to_string()]);
    assert!(deck.cards[0].both_ways);
}

/// The review screen asks when the next card is due on every frame; the answer it gets must
/// follow every answer and undo.
#[test]
fn the_next_due_time_follows_answers_and_undos() {
    let library = Library::load(
        &DataDir::new(tempfile::tempdir().unwrap().path()),
        &mut StdRng::seed_from_u64(1),
    );
    let deck = library.find("kim-putin-letters").unwrap().deck().clone();
    let settings = DeckSettings::default();
    let scheduler = Scheduler::new(&settings).unwrap();
    let mut session = Session::new(
        deck,
        &CardMap::default(),
        settings,
        scheduler,
        StudiedToday::default(),
        START,
        0,
    );
    assert_eq!(session.next_due(), None, "only new cards");
    session.current(START).unwrap();
    let answer = session.prepare_answer(Rating::Good, START).unwrap();
    let due = answer.state.due;
    session.commit_answer(answer, 1);
    assert_eq!(session.next_due(), Some(due));
    assert!(due.0 > START.0);
    session.commit_undo(START).unwrap();
    assert_eq!(session.next_due(), None, "the answer was taken back");
}
