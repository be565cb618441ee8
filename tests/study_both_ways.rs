//! Cards studied both ways: the reversed side (back → front) is a card of its own in the
//! queue, the session, quizzes and statistics, with its own progress under `<id>~rev`; turning
//! `both_ways` off keeps that progress in the files.

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::{deck_to_ron, parse_deck};
use recap::library::Library;
use recap::model::{CardId, Rating, Timestamp};
use recap::quiz::{QuizMode, QuizOptions, build_quiz};
use recap::schedule::{CardState, Phase};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, DeviceId, load};
use recap::study::{StudyDeck, deck_overview};
use std::path::{Path, PathBuf};

const START: Timestamp = Timestamp(1_795_860_000_000);

const DECK: &str = r#"(format: 1, id: "words", title: "Words", cards: [
  (id: "plain", front: "Q1", back: "A1"),
  (id: "hund", front: "der Hund", back: "the dog", both_ways: true),
])
"#;

fn setup() -> (tempfile::TempDir, DataDir) {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(deck_path(&data), DECK).unwrap();
    (folder, data)
}

fn deck_path(data: &DataDir) -> PathBuf {
    data.decks().join("words.ron")
}

fn open(data: &DataDir, now: Timestamp) -> StudyDeck {
    let mut library = Library::load(data, &mut StdRng::seed_from_u64(3));
    let deck = library
        .decks
        .iter_mut()
        .find(|d| d.deck().id.as_str() == "words")
        .unwrap();
    StudyDeck::open(data, deck, DeviceId::new("desk").unwrap(), now, 0)
        .unwrap()
        .0
}

fn set_both_ways(path: &Path, on: bool) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut deck = parse_deck(&text, path, &mut StdRng::seed_from_u64(0))
        .unwrap()
        .deck;
    deck.cards[1].both_ways = on;
    std::fs::write(path, deck_to_ron(&deck)).unwrap();
}

fn id(text: &str) -> CardId {
    CardId::new(text).unwrap()
}

#[test]
fn the_reversed_side_asks_the_back_and_has_its_own_progress() {
    let (_folder, data) = setup();
    let mut study = open(&data, START);
    assert_eq!(study.session().counts().new, 3, "two cards, one both ways");

    let mut shown = Vec::new();
    while let Some(card) = study.current(START) {
        if study.session().state(&card).phase != Phase::New {
            break;
        }
        let rating = if card.is_reversed() {
            Rating::Again
        } else {
            Rating::Easy
        };
        shown.push(card);
        study.answer(rating, START).unwrap();
    }
    assert_eq!(shown, [id("plain"), id("hund"), id("hund~rev")]);
    let reversed = study.session().card(&id("hund~rev")).unwrap();
    assert_eq!(reversed.front, "the dog", "the back is the question");
    assert_eq!(reversed.back, "der Hund");

    let forward = study.session().state(&id("hund"));
    let backward = study.session().state(&id("hund~rev"));
    assert_eq!(forward.phase, Phase::Review);
    assert_eq!(backward.phase, Phase::Learning);
    assert_ne!(forward, backward);
    study.close().unwrap();

    let files = DeckFiles::new(data.progress(), recap::model::DeckId::new("words").unwrap());
    let progress = load(&files).unwrap().progress;
    assert_eq!(progress.cards[&id("hund~rev")], backward);
    assert_eq!(progress.cards[&id("hund")], forward);
    // The deck file never names the reversed side.
    assert!(
        !std::fs::read_to_string(deck_path(&data))
            .unwrap()
            .contains("~rev")
    );
}

#[test]
fn turning_both_ways_off_keeps_the_reversed_sides_progress() {
    let (_folder, data) = setup();
    let mut study = open(&data, START);
    while let Some(card) = study.current(START) {
        if study.session().state(&card).phase != Phase::New {
            break;
        }
        study.answer(Rating::Good, START).unwrap();
    }
    let reversed = study.session().state(&id("hund~rev"));
    assert_ne!(reversed, CardState::default());
    study.close().unwrap();

    set_both_ways(&deck_path(&data), false);
    let written = std::fs::read_to_string(deck_path(&data)).unwrap();
    assert!(
        !written.contains("both_ways"),
        "written only when true: {written}"
    );
    let later = START.plus_minutes(1.0);
    let mut study = open(&data, later);
    assert!(study.session().card(&id("hund~rev")).is_none());
    assert_eq!(study.session().counts().learning, 2);
    study.answer(Rating::Good, later.plus_minutes(10.0)).ok();
    study.close().unwrap();
    let files = DeckFiles::new(data.progress(), recap::model::DeckId::new("words").unwrap());
    assert_eq!(
        load(&files).unwrap().progress.cards[&id("hund~rev")],
        reversed,
        "the snapshot keeps the state of a side no longer studied"
    );

    set_both_ways(&deck_path(&data), true);
    let study = open(&data, START.plus_minutes(30.0));
    assert_eq!(study.session().state(&id("hund~rev")), reversed);
}

#[test]
fn quizzes_and_the_overview_count_the_reversed_side() {
    let (_folder, data) = setup();
    let library = Library::load(&data, &mut StdRng::seed_from_u64(3));
    let deck = library.find("words").unwrap().deck();
    let quiz = build_quiz(&[deck], &QuizOptions::new(QuizMode::Typed, 7));
    let reversed = quiz
        .questions
        .iter()
        .find(|q| q.card == id("hund~rev"))
        .expect("the reversed side is asked");
    assert_eq!(reversed.prompt, "the dog");
    assert_eq!(reversed.answer, "der Hund");
    let overview = deck_overview(&data, library.find("words").unwrap(), START, 0).unwrap();
    assert_eq!(overview.total, 3);
    assert_eq!(overview.counts.new, 3);
}

#[test]
fn a_deck_file_cannot_use_the_reserved_marker() {
    let text = DECK.replace("id: \"plain\"", "id: \"plain~rev\"");
    let error = parse_deck(&text, Path::new("words.ron"), &mut StdRng::seed_from_u64(0))
        .unwrap_err()
        .to_string();
    assert!(error.contains("words.ron:2:"), "{error}");
    assert!(error.contains("~rev"), "{error}");
}
