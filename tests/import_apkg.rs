//! Importing Anki packages made by the real Anki backend and by genanki
//! (scripts/make_apkg_fixtures.py): the cards, the review history in the journal, the report,
//! and broken files refused with nothing written.

#[path = "common/cli.rs"]
mod cli;

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::import::{ImportReport, ImportRequest, import_into_library};
use recap::library::Library;
use recap::model::{Card, DeckId, Rating, Timestamp};
use recap::schedule::{CardState, DeckSettings, Scheduler, fuzz_seed};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, load, read_history};
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/apkg")
        .join(name)
}

fn import(data: &DataDir, file: &Path) -> Result<ImportReport, String> {
    let request = ImportRequest {
        file: file.to_path_buf(),
        ..ImportRequest::default()
    };
    import_into_library(data, &request, &mut StdRng::seed_from_u64(5))
}

fn cards(data: &DataDir, deck: &DeckId) -> Vec<Card> {
    let library = Library::load(data, &mut StdRng::seed_from_u64(0));
    library.find(deck.as_str()).unwrap().deck().cards.clone()
}

/// (front, back, tags, both ways) of each card.
fn summary(cards: &[Card]) -> Vec<(String, String, Vec<String>, bool)> {
    cards
        .iter()
        .map(|c| {
            (
                c.front.to_string(),
                c.back.to_string(),
                c.tags.clone(),
                c.both_ways,
            )
        })
        .collect()
}

fn row(front: &str, back: &str, tags: &[&str], both: bool) -> (String, String, Vec<String>, bool) {
    let tags = tags.iter().map(|t| t.to_string()).collect();
    (front.into(), back.into(), tags, both)
}

/// The notes scripts/make_apkg_fixtures.py puts in the Anki collection.
fn anki_fixture_cards() -> Vec<(String, String, Vec<String>, bool)> {
    let canberra = "Canberra is the capital of Australia.\n\nNot Sydney.";
    vec![
        row(
            "What is the capital of France?",
            "Paris & its région\nÎle-de-France",
            &["europe", "geo"],
            false,
        ),
        row("2 + 2 =", "4", &["math"], false),
        row("der Hund", "the dog", &["german"], true),
        row("die Katze", "the cat", &["german"], true),
        row(
            "[...] is the capital of Australia.",
            canberra,
            &["geo"],
            false,
        ),
        row(
            "Canberra is the capital of [...].",
            canberra,
            &["geo"],
            false,
        ),
        row(
            "The [organelle] is the powerhouse of the cell.",
            "The mitochondrion is the powerhouse of the cell.",
            &[],
            false,
        ),
    ]
}

/// scripts/make_apkg_fixtures.py's REVIEWS: (card index, reversed side, minutes from the
/// start, rating).
const START_MS: i64 = 1_740_819_600_000;
const DAY_MIN: i64 = 24 * 60;
const REVIEWS: [(usize, bool, i64, u8); 8] = [
    (0, false, 0, 3),
    (2, false, 5, 3),
    (2, true, 6, 1),
    (2, true, 16, 3),
    (5, false, 20, 2),
    (0, false, DAY_MIN, 3),
    (2, true, 2 * DAY_MIN, 4),
    (0, false, 5 * DAY_MIN, 3),
];

fn imports_the_anki_collection(package: &str) {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let report = import(&data, &fixture(package)).unwrap();
    assert_eq!(report.deck.as_str(), "recap-fixture");
    assert_eq!(report.cards, 7);
    let cards = cards(&data, &report.deck);
    assert_eq!(summary(&cards), anki_fixture_cards());
    let notes = report.notes.join("\n");
    assert!(
        notes.contains("Made 7 cards from 6 Anki notes: 2 studied both ways, 3 from 2 cloze notes"),
        "{notes}"
    );
    assert!(notes.contains("Skipped 1 media file ("), "{notes}");
    assert!(notes.contains("Imported 8 reviews"), "{notes}");
    assert_eq!(report.reviews, 8);

    // Replaying the same answers through the scheduler gives the states in the progress files.
    let scheduler = Scheduler::new(&DeckSettings::default()).unwrap();
    let mut expected: std::collections::HashMap<recap::model::CardId, CardState> =
        Default::default();
    for (index, reversed, minutes, rating) in REVIEWS {
        let id = match reversed {
            true => cards[index].id.reversed(),
            false => cards[index].id.clone(),
        };
        let previous = expected.get(&id).cloned().unwrap_or_default();
        let at = Timestamp(START_MS + minutes * 60_000);
        let rating = Rating::from_number(rating).unwrap();
        let state = scheduler
            .answer(&previous, rating, at, fuzz_seed(id.as_str(), previous.reps))
            .state;
        expected.insert(id, state);
    }
    let files = DeckFiles::new(data.progress(), report.deck.clone());
    let progress = load(&files).unwrap().progress;
    assert_eq!(progress.cards, expected.into_iter().collect());
    let forward = &progress.cards[&cards[0].id];
    assert_eq!(forward.reps, 3);
    assert!(forward.memory.unwrap().stability > 1.0);
    assert!(progress.cards[&cards[2].id.reversed()].memory.is_some());
    let history = read_history(&files).unwrap();
    assert_eq!(
        history.len(),
        8,
        "statistics and the optimizer see the answers"
    );
}

#[test]
fn the_current_format_imports_cards_both_ways_clozes_and_reviews() {
    imports_the_anki_collection("current.apkg");
}

#[test]
fn ankis_legacy_export_imports_the_same() {
    imports_the_anki_collection("legacy21.apkg");
}

#[test]
fn a_genanki_collection_anki2_imports_without_reviews() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let report = import(&data, &fixture("legacy.apkg")).unwrap();
    assert_eq!(report.deck.as_str(), "recap-legacy-fixture");
    let back = "Ottawa is in Canada; Toronto is bigger.";
    assert_eq!(
        summary(&cards(&data, &report.deck)),
        [
            row("What is the capital of Italy?", "Rome", &["geo"], false),
            row("Sound check", "Ding", &[], false),
            row("el perro", "the dog", &["spanish"], true),
            row(
                "[...] is in Canada; Toronto is bigger.",
                back,
                &["geo"],
                false
            ),
            row(
                "Ottawa is in [...]; Toronto is bigger.",
                back,
                &["geo"],
                false
            ),
            row(
                "Ottawa is in Canada; [...] is bigger.",
                back,
                &["geo"],
                false
            ),
        ]
    );
    assert_eq!(report.reviews, 0);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("Skipped 1 media file ("))
    );
    assert!(!data.progress().exists(), "no reviews, no progress files");
}

#[test]
fn the_command_line_prints_what_it_made_and_skipped() {
    let folder = tempfile::tempdir().unwrap();
    let out = cli::recap_command()
        .args(["import", fixture("current.apkg").to_str().unwrap()])
        .env("RECAP_DATA_DIR", folder.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("Imported 7 cards into "), "{stdout}");
    assert!(stdout.contains("Imported 8 reviews"), "{stdout}");
}

#[test]
fn importing_twice_makes_a_second_deck_with_its_own_progress() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let first = import(&data, &fixture("current.apkg")).unwrap();
    let second = import(&data, &fixture("current.apkg")).unwrap();
    assert_ne!(first.deck, second.deck);
    assert_eq!(second.reviews, 8);
    let files = DeckFiles::new(data.progress(), first.deck);
    assert_eq!(
        read_history(&files).unwrap().len(),
        8,
        "the first deck's history is untouched"
    );
}

/// A zip holding `entries`.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn broken_packages_are_errors_with_the_reason_and_nothing_is_written() {
    let current = std::fs::read(fixture("current.apkg")).unwrap();
    let not_sqlite = vec![7u8; 4096];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.apkg", Vec::new(), "not a zip archive"),
        (
            "random.apkg",
            (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "not a zip archive",
        ),
        (
            "truncated.apkg",
            current[..current.len() / 2].to_vec(),
            "not a zip archive",
        ),
        (
            "nocollection.apkg",
            zip_of(&[("media", b"{}")]),
            "holds no Anki collection",
        ),
        (
            "garbage.apkg",
            zip_of(&[("collection.anki2", &not_sqlite)]),
            "damaged",
        ),
        (
            "newer.apkg",
            zip_of(&[("meta", &[0x08, 0x09])]),
            "newer Anki",
        ),
        (
            "badzstd.apkg",
            zip_of(&[("meta", &[0x08, 0x03]), ("collection.anki21b", b"nope")]),
            "cannot be decompressed",
        ),
        (
            "notanki.zip",
            zip_of(&[("collection.anki2", &sqlite_without_anki_tables())]),
            "does not look like Anki's",
        ),
    ];
    for (name, bytes, expected) in cases {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join(name);
        std::fs::write(&file, &bytes).unwrap();
        let data = DataDir::new(folder.path().join("data"));
        let error = import(&data, &file).unwrap_err();
        assert!(error.contains(name), "{name}: {error}");
        assert!(error.contains(expected), "{name}: {error}");
        assert!(
            !folder.path().join("data").exists(),
            "{name}: nothing written"
        );
    }
}

/// A valid SQLite database that is not an Anki collection.
fn sqlite_without_anki_tables() -> Vec<u8> {
    let mut db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch("create table t (x integer)").unwrap();
    db.serialize("main").unwrap().to_vec()
}
