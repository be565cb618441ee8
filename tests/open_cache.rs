//! Opening a deck from its caches (the deck's cards and the progress snapshot, kept in binary
//! in the cache folder) gives exactly what parsing the files gives, and a changed file is
//! never hidden by a cache of its older content.

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::deck_to_ron;
use recap::library::Library;
use recap::model::{Card, CardId, Deck, DeckId, MS_PER_MINUTE, Rating, Timestamp};
use recap::store::DataDir;
use recap::store::progress::DeviceId;
use recap::study::StudyDeck;
use std::path::Path;
use std::time::{Duration, SystemTime};

const START: Timestamp = Timestamp(1_795_860_000_000);

fn deck() -> Deck {
    let cards = (0..30)
        .map(|n| {
            let id = CardId::new(format!("c{n}")).unwrap();
            Card::new(id, format!("Question {n} — Путин?"), format!("Answer {n}"))
        })
        .collect();
    Deck {
        id: DeckId::new("cached").unwrap(),
        title: "Cached".into(),
        description: String::new(),
        source: None,
        tags: Vec::new(),
        cards,
    }
}

fn date_back(file: &Path) {
    let handle = std::fs::File::options().write(true).open(file).unwrap();
    handle
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

/// A data folder whose decks/ holds `deck` in a file left alone for an hour (so the library
/// caches it), with its caches in a folder of their own.
fn cached_folder(deck: &Deck) -> (tempfile::TempDir, tempfile::TempDir, DataDir) {
    let folder = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path()).with_cache(cache.path());
    let deck_file = data.decks().join("cached.ron");
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(&deck_file, deck_to_ron(deck)).unwrap();
    date_back(&deck_file);
    (folder, cache, data)
}

fn library_deck(data: &DataDir) -> recap::library::LibraryDeck {
    let library = Library::load(data, &mut StdRng::seed_from_u64(1));
    library
        .decks
        .into_iter()
        .find(|d| d.deck().id.as_str() == "cached")
        .unwrap()
}

fn open(data: &DataDir, now: Timestamp) -> StudyDeck {
    let mut deck = library_deck(data);
    let device = DeviceId::new("laptop").unwrap();
    StudyDeck::open(data, &mut deck, device, now, 0).unwrap().0
}

/// What a session shows and knows: the queue's counts, the card up next, every card's state.
fn seen(study: &mut StudyDeck, now: Timestamp) -> String {
    let next = study.current(now);
    let session = study.session();
    let cards = session.cards();
    let states: Vec<String> = (0..cards.len())
        .map(|at| cards.card(at))
        .map(|c| format!("{} {} {:?}", c.id, c.front, session.state(&c.id)))
        .collect();
    format!("{:?} {next:?} {states:#?}", session.counts())
}

#[test]
fn a_deck_opened_from_its_caches_is_the_deck_opened_from_its_files() {
    let (folder, cache, data) = cached_folder(&deck());

    let mut now = START;
    let mut study = open(&data, now);
    for rating in [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard] {
        study.current(now).unwrap();
        study.answer(rating, now).unwrap();
        now = Timestamp(now.0 + MS_PER_MINUTE);
    }
    study.close().unwrap();
    assert!(
        cache.path().join("decks/cached.ron.cache").is_file(),
        "the settled deck file was cached when the library read it"
    );
    assert!(
        cache.path().join("progress/cached.ron.cache").is_file(),
        "closing wrote the snapshot and its cache"
    );

    let later = Timestamp(now.0 + 30 * MS_PER_MINUTE);
    let from_caches = seen(&mut open(&data, later), later);
    let no_cache = tempfile::tempdir().unwrap();
    let files_only = DataDir::new(folder.path()).with_cache(no_cache.path());
    let from_files = seen(&mut open(&files_only, later), later);
    assert_eq!(from_caches, from_files);
    assert!(from_caches.contains("Question 3 — Путин?"));
}

#[test]
fn a_deck_file_edited_after_it_was_cached_is_read_again() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let deck_file = data.decks().join("cached.ron");
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(&deck_file, deck_to_ron(&deck())).unwrap();
    date_back(&deck_file);
    library_deck(&data);
    assert!(data.cache().join("decks/cached.ron.cache").is_file());

    let mut edited = deck();
    edited.cards[0].front = "Edited by a teacher".into();
    std::fs::write(&deck_file, deck_to_ron(&edited)).unwrap();
    assert_eq!(library_deck(&data).deck(), &edited);
    // Even when the edit keeps the length and the clock is coarse: the inode or the time
    // differs, or the file is too fresh to have been cached.
    edited.cards[0].front = "Edited by a teacher!".into();
    edited.cards[1].front = "Question 1 — Путин".into();
    std::fs::write(&deck_file, deck_to_ron(&edited)).unwrap();
    assert_eq!(library_deck(&data).deck(), &edited);
}

#[test]
fn a_progress_file_replaced_by_a_sync_tool_is_read_again() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let deck_file = data.decks().join("cached.ron");
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(&deck_file, deck_to_ron(&deck())).unwrap();
    let mut study = open(&data, START);
    let first = study.current(START).unwrap();
    study.answer(Rating::Easy, START).unwrap();
    study.close().unwrap();
    let snapshot = data.progress().join("cached.ron");
    let answered = std::fs::read_to_string(&snapshot).unwrap();

    // Another machine's snapshot arrives in its place, moments after this app wrote its own.
    std::fs::write(&snapshot, answered.replace("Review", "Learning")).unwrap();
    let reopened = open(&data, START);
    assert_eq!(
        format!("{:?}", reopened.session().state(&first).phase),
        "Learning",
        "the replaced file is what counts, not the cache of the one this app wrote"
    );
}

/// Opening for study leaves the snapshot's cards in their cache (the session takes its states
/// in deck order from the order cache); answering and closing must still write every card's
/// progress, never a snapshot of only the cards touched since.
#[test]
fn studying_a_deck_opened_from_its_caches_keeps_every_cards_progress() {
    let (folder, cache, data) = cached_folder(&deck());

    let mut now = START;
    let mut study = open(&data, now);
    for _ in 0..4 {
        study.current(now).unwrap();
        study.answer(Rating::Easy, now).unwrap();
        now = Timestamp(now.0 + MS_PER_MINUTE);
    }
    study.close().unwrap();
    assert!(
        cache
            .path()
            .join("progress/cached.ron.order.cache")
            .is_file(),
        "closing cached the states in deck order"
    );

    let mut study = open(&data, now);
    let before = seen(&mut study, now);
    assert!(before.contains("Review"), "{before}");
    let fifth = study.current(now).unwrap();
    study.answer(Rating::Good, now).unwrap();
    study.close().unwrap();

    let files = data.deck_files(DeckId::new("cached").unwrap());
    let snapshot = std::fs::read_to_string(files.snapshot()).unwrap();
    let answered = snapshot.lines().filter(|l| l.contains("reps:1")).count();
    assert_eq!(
        answered, 5,
        "four earlier answers and the fifth: {snapshot}"
    );
    assert!(snapshot.contains(&format!("\"{fifth}\"")));
    // Read back without any cache: the same states the cached session worked from.
    let no_cache = tempfile::tempdir().unwrap();
    let files_only = DataDir::new(folder.path()).with_cache(no_cache.path());
    let later = Timestamp(now.0 + MS_PER_MINUTE);
    let from_files = seen(&mut open(&files_only, later), later);
    assert_eq!(seen(&mut open(&data, later), later), from_files);
}

/// The order cache holds the states of the snapshot file; answers that arrive in another
/// computer's journal after it was made are merged on top, never hidden by it.
#[test]
fn answers_from_another_computer_since_the_last_close_are_not_hidden_by_the_caches() {
    let mut both_ways = deck();
    both_ways.cards[0].both_ways = true;
    let (folder, cache, data) = cached_folder(&both_ways);
    let mut study = open(&data, START);
    let first = study.current(START).unwrap();
    study.answer(Rating::Easy, START).unwrap();
    study.close().unwrap();
    assert!(
        cache
            .path()
            .join("progress/cached.ron.order.cache")
            .is_file()
    );

    // The desktop answers the reversed side of card c0 and has not checkpointed yet: its
    // journal arrives through the sync tool.
    let files = data.deck_files(DeckId::new("cached").unwrap());
    let desk = DeviceId::new("desk").unwrap();
    let (mut store, _) = recap::store::progress::ProgressStore::open(files, desk).unwrap();
    let reversed = CardId::new("c0~rev").unwrap();
    let answered = recap::schedule::CardState {
        phase: recap::schedule::Phase::Learning,
        due: Timestamp(START.0 + 10 * MS_PER_MINUTE),
        last_review: Some(START),
        reps: 1,
        ..Default::default()
    };
    store
        .record_answer(
            reversed.clone(),
            START,
            Rating::Good,
            3000,
            answered.clone(),
        )
        .unwrap();
    drop(store);

    let later = Timestamp(START.0 + MS_PER_MINUTE);
    let reopened = open(&data, later);
    // Replayed through the scheduler on merging: the phase and count are the answer's.
    let merged = reopened.session().state(&reversed);
    assert_eq!(
        (merged.phase, merged.reps),
        (answered.phase, 1),
        "{merged:?}"
    );
    assert_eq!(reopened.session().state(&first).reps, 1);
    drop(reopened);
    let no_cache = tempfile::tempdir().unwrap();
    let files_only = DataDir::new(folder.path()).with_cache(no_cache.path());
    let from_files = seen(&mut open(&files_only, later), later);
    assert_eq!(seen(&mut open(&data, later), later), from_files);
}
