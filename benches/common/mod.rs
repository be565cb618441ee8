//! Generated study data shared by the benches and `examples/open_100k.rs`: a seeded deck of
//! news-FAQ-sized cards and progress for every card in mixed phases, written into a temporary
//! data folder the way the app lays it out (the deck file, `progress/<deck>.ron`).
//!
//! Why seeded: figures must be comparable between runs and between branches.

#![allow(dead_code)] // Each bench uses a different part.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use recap::deck::{deck_to_ron, parse_deck};
use recap::library::{Library, LibraryDeck};
use recap::model::{Card, CardId, CardMap, Deck, DeckId, MS_PER_DAY, MS_PER_MINUTE, Timestamp};
use recap::schedule::{CardState, DeckSettings, MemoryState, Phase, Scheduler};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, DeviceId, ProgressStore, SNAPSHOT_FORMAT, Snapshot};
use recap::study::{StudiedToday, StudyDeck, StudyQueue, Today, build_queue};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

/// The deck size issue 3's targets are set for.
pub const CARD_COUNT: usize = 100_000;

/// "Now" in the generated data: 2023-11-14 22:13 UTC.
pub const NOW: Timestamp = Timestamp(1_700_000_000_000);

/// A deck of `count` cards with news-FAQ-sized text (a question of ~80 and an answer of ~170
/// characters, with some non-ASCII), every card with an id, as the importer writes them.
pub fn generated_deck(count: usize) -> Deck {
    let mut rng = StdRng::seed_from_u64(1);
    let mut cards: Vec<Card> = Vec::with_capacity(count);
    let mut taken = HashSet::new();
    for n in 0..count {
        let id = CardId::generate(&mut rng, |t| taken.contains(t));
        taken.insert(id.to_string());
        let front = format!(
            "Question {n}: what did the leaders of Korea’s neighbours say about the summit?"
        );
        let back = format!(
            "Answer {n}: they emphasised cooperation on security and the economy, and Путин and 김정은 \
             exchanged letters on the anniversary of liberation from colonial rule."
        );
        cards.push(Card::new(id, front, back));
    }
    Deck {
        id: DeckId::new("bench").unwrap(),
        title: "Generated".into(),
        description: String::new(),
        source: None,
        tags: Vec::new(),
        cards,
    }
}

/// One card's state in a realistic mix: 40% review (some overdue), 10% learning, 5%
/// relearning, 45% never answered (still stored, as after an undo or a reset).
pub fn mixed_state(rng: &mut StdRng) -> CardState {
    let kind = rng.random_range(0..100);
    if kind < 45 {
        return CardState {
            due: NOW,
            ..CardState::default()
        };
    }
    let stability: f32 = rng.random_range(0.5..200.0);
    let memory = Some(MemoryState {
        stability,
        difficulty: rng.random_range(1.0..10.0),
    });
    let reps = rng.random_range(1..30);
    if kind < 85 {
        let last = NOW.0 - rng.random_range(0..(stability as i64 * 2 + 1) * MS_PER_DAY);
        return CardState {
            phase: Phase::Review,
            step: 0,
            memory,
            due: Timestamp(last + (stability as i64 + 1) * MS_PER_DAY),
            last_review: Some(Timestamp(last)),
            reps,
            lapses: rng.random_range(0..3),
        };
    }
    let phase = if kind < 95 {
        Phase::Learning
    } else {
        Phase::Relearning
    };
    let last = NOW.0 - rng.random_range(0..30 * MS_PER_MINUTE);
    CardState {
        phase,
        step: rng.random_range(0..2),
        memory,
        due: Timestamp(last + 10 * MS_PER_MINUTE),
        last_review: Some(Timestamp(last)),
        reps,
        lapses: u32::from(phase == Phase::Relearning),
    }
}

/// Answers in the history of [`study_folder`]'s deck: three per card, a realistic log for a
/// deck this size (the daily limits count today's answers from it on every open).
pub const HISTORY_ANSWERS: usize = 300_000;

/// Progress for every card of `deck`, in mixed phases, as one device left it after
/// [`HISTORY_ANSWERS`] answers (all in its history, so the snapshot includes them).
pub fn mixed_snapshot(deck: &Deck) -> Snapshot {
    let mut rng = StdRng::seed_from_u64(3);
    let cards: CardMap<CardState> = deck
        .cards
        .iter()
        .map(|card| (card.id.clone(), mixed_state(&mut rng)))
        .collect();
    Snapshot {
        format: SNAPSHOT_FORMAT,
        deck: deck.id.clone(),
        settings: DeckSettings::default(),
        applied: BTreeMap::from([(bench_device(), HISTORY_ANSWERS as u64)]),
        cards,
    }
}

/// [`HISTORY_ANSWERS`] answers over the year before [`NOW`]'s study day (the last of them the
/// evening before: this is the day's first session), written to the bench device's history as
/// the app writes them.
fn write_history(progress: &DeckFiles, deck: &Deck) {
    use std::io::Write;
    let file = std::fs::File::create(progress.history(&bench_device())).expect("a history");
    let mut out = std::io::BufWriter::new(file);
    let step = 365 * MS_PER_DAY / HISTORY_ANSWERS as i64;
    let last = NOW.0 - 19 * 60 * MS_PER_MINUTE;
    for n in 0..HISTORY_ANSWERS {
        let record = recap::store::progress::Record::Answer {
            seq: n as u64 + 1,
            card: deck.cards[n * 7919 % deck.cards.len()].id.clone(),
            at: Timestamp(last - (HISTORY_ANSWERS - 1 - n) as i64 * step),
            rating: recap::model::Rating::Good,
            took_ms: 5000,
            state: CardState {
                phase: Phase::Review,
                reps: 1 + (n / deck.cards.len()) as u32,
                ..CardState::default()
            },
            from: Some(if n < deck.cards.len() {
                Phase::New
            } else {
                Phase::Review
            }),
        };
        out.write_all(record.to_line().as_bytes())
            .expect("write the history");
    }
    out.flush().expect("write the history");
}

pub fn bench_device() -> DeviceId {
    DeviceId::new("benchdev").unwrap()
}

/// A data folder holding a generated deck file and its progress snapshot; removed on drop.
pub struct StudyFolder {
    /// None when the folder was made by another process (see [`existing_folder`]).
    _dir: Option<tempfile::TempDir>,
    /// The data folder, laid out as the app's: decks/bench.ron, progress/bench.ron, and the
    /// caches in .cache/.
    pub data: DataDir,
    pub deck_file: PathBuf,
    pub progress: DeckFiles,
    /// The deck as generated (what reading the file must give back).
    pub deck: Deck,
    /// Bytes of the deck file and of the snapshot file.
    pub deck_bytes: usize,
    pub snapshot_bytes: usize,
}

/// Writes a `count`-card deck and progress for every card into a new temporary folder.
/// `TMPDIR` chooses the disk (fsync cost depends on it).
pub fn study_folder(count: usize) -> StudyFolder {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = DataDir::new(dir.path());
    let deck = generated_deck(count);
    let deck_file = data.decks().join("bench.ron");
    let deck_text = deck_to_ron(&deck);
    std::fs::create_dir_all(data.decks()).expect("create the decks folder");
    std::fs::write(&deck_file, &deck_text).expect("write the deck file");
    date_an_hour_back(&deck_file);
    let progress_folder = data.progress();
    std::fs::create_dir_all(&progress_folder).expect("create the progress folder");
    let progress = data.deck_files(deck.id.clone());
    let snapshot_text = mixed_snapshot(&deck).to_text();
    write_history(&progress, &deck);
    std::fs::write(progress.snapshot(), &snapshot_text).expect("write the snapshot");
    date_an_hour_back(&progress.snapshot());
    StudyFolder {
        _dir: Some(dir),
        data,
        deck_file,
        progress,
        deck,
        deck_bytes: deck_text.len(),
        snapshot_bytes: snapshot_text.len(),
    }
}

/// As a file saved an hour ago: caches are made only of files left alone a while.
fn date_an_hour_back(file: &std::path::Path) {
    std::fs::File::options()
        .write(true)
        .open(file)
        .and_then(|f| f.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600)))
        .expect("date the file");
}

impl StudyFolder {
    /// Keeps the files on disk after the program ends; returns the data folder.
    pub fn keep(&mut self) -> PathBuf {
        if let Some(dir) = self._dir.take() {
            let _ = dir.keep();
        }
        self.data.root().to_path_buf()
    }
}

/// A folder [`study_folder`] wrote in another process: only the paths are known here.
pub fn existing_folder(root: PathBuf) -> StudyFolder {
    let deck_id = DeckId::new("bench").unwrap();
    let data = DataDir::new(root);
    let deck_file = data.decks().join("bench.ron");
    StudyFolder {
        _dir: None,
        deck_bytes: std::fs::metadata(&deck_file).map_or(0, |m| m.len() as usize),
        deck_file,
        snapshot_bytes: 0,
        progress: data.deck_files(deck_id.clone()),
        data,
        deck: Deck {
            id: deck_id,
            title: String::new(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: Vec::new(),
        },
    }
}

/// What opening a deck for study gives: the deck, its progress open for answering, the
/// scheduler and today's queue.
pub struct OpenDeck {
    /// Shared with the library, as in the app (no copy of 100k cards).
    pub deck: std::sync::Arc<Deck>,
    pub store: ProgressStore,
    pub scheduler: Scheduler,
    pub queue: StudyQueue,
}

/// The study day of the generated data: ends four hours after [`NOW`], nothing studied yet.
pub fn today() -> Today {
    Today {
        now: NOW,
        day_end: Timestamp(NOW.0 + 4 * 60 * MS_PER_MINUTE),
        studied: StudiedToday::default(),
    }
}

/// Everything from the files on disk to the first card with every card of the deck built (as
/// after the editor or a quiz asked for the whole deck): read the deck from its cache, load
/// its progress (snapshot + journals) and open the journal, build today's queue.
pub fn open_to_first_card(folder: &StudyFolder) -> OpenDeck {
    let deck = library_deck(folder).shared_deck();
    let store = open_progress(folder);
    queue_for(deck, store)
}

/// The generated deck as the app's library loads it.
pub fn library_deck(folder: &StudyFolder) -> LibraryDeck {
    let mut rng = StdRng::seed_from_u64(2);
    let library = Library::load(&folder.data, &mut rng);
    assert!(library.failed.is_empty(), "{:?}", library.failed);
    library
        .decks
        .into_iter()
        .find(|d| d.id().as_str() == "bench")
        .expect("the generated deck is in the library")
}

/// What the app does from launch to the first card: load the library, open the deck for
/// study (progress, journal, what was studied today, the session and its queue), ask for the
/// card to show.
pub fn open_in_app(folder: &StudyFolder) -> StudyDeck {
    study_open(folder, &mut library_deck(folder))
}

/// What the app does when Study is clicked on a deck of the loaded library: open it for study
/// and ask for the card to show.
pub fn study_open(folder: &StudyFolder, deck: &mut LibraryDeck) -> StudyDeck {
    let (mut study, warnings) = StudyDeck::open(&folder.data, deck, bench_device(), NOW, 0)
        .expect("the generated deck opens for study");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(study.current(NOW).is_some(), "a card is due");
    study
}

/// [`open_to_first_card`] without the deck's cache: the deck file read and parsed (the first
/// open after the file changed).
pub fn open_parsing_the_deck(folder: &StudyFolder) -> OpenDeck {
    let text = std::fs::read_to_string(&folder.deck_file).expect("read the deck file");
    let mut rng = StdRng::seed_from_u64(2);
    let deck = parse_deck(&text, &folder.deck_file, &mut rng)
        .expect("the generated deck is valid")
        .deck;
    drop(text);
    queue_for(deck, open_progress(folder))
}

pub fn open_progress(folder: &StudyFolder) -> ProgressStore {
    let (store, warnings) = ProgressStore::open(folder.progress.clone(), bench_device())
        .expect("the generated progress opens");
    assert!(warnings.is_empty(), "{warnings:?}");
    store
}

fn queue_for(deck: impl Into<std::sync::Arc<Deck>>, mut store: ProgressStore) -> OpenDeck {
    let deck = deck.into();
    let scheduler = Scheduler::new(store.settings()).expect("default settings are valid");
    let queue = build_queue(
        &store.states_in_order(&*deck).expect("the cards read"),
        &scheduler,
        store.settings(),
        today(),
    );
    assert!(
        queue.next(NOW).is_some(),
        "the generated deck has cards due"
    );
    OpenDeck {
        deck,
        store,
        scheduler,
        queue,
    }
}
