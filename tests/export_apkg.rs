//! `recap export DECK -o FILE.apkg`: the package's SQLite contents as Anki reads them, the real
//! Anki backend importing it (when the Python `anki` package is installed), and round trips
//! Recap → .apkg → Recap and Recap → CSV → Recap giving the same cards.

#[path = "common/cli.rs"]
mod cli;
use cli::recap;

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::deck_to_ron;
use recap::export::{BASIC_ID, REVERSED_ID, deck_to_apkg};
use recap::library::Library;
use recap::model::{Card, CardId, Deck, DeckId, Timestamp};
use std::io::Read;
use std::path::Path;
use std::process::Command;

const NOW: Timestamp = Timestamp(1_795_860_000_000);

fn card(id: &str, front: &str, back: &str, tags: &[&str], both_ways: bool) -> Card {
    let mut card = Card::new(CardId::new(id).unwrap(), front, back);
    card.tags = tags.iter().map(|t| t.to_string()).collect();
    card.both_ways = both_ways;
    card
}

fn deck() -> Deck {
    Deck {
        id: DeckId::new("words").unwrap(),
        title: "Words & more".into(),
        description: "A test deck.".into(),
        source: None,
        tags: Vec::new(),
        cards: vec![
            card(
                "c1",
                "Who wrote, and when?",
                "Kim, in 2023",
                &["asia", "letters"],
                false,
            ),
            card("c2", "der Hund", "the dog", &["german"], true),
            card(
                "c3",
                "a < b & c?",
                "First paragraph.\n\nSecond <b>one</b>.",
                &[],
                false,
            ),
            card("c4", "Plain", "Answer", &["world_news"], false),
        ],
    }
}

fn put_in_library(data: &Path, deck: &Deck) {
    std::fs::create_dir_all(data.join("decks")).unwrap();
    std::fs::write(
        data.join("decks").join(format!("{}.ron", deck.id)),
        deck_to_ron(deck),
    )
    .unwrap();
}

/// (front, back, tags, both ways) of each card of the library's deck `id`.
fn cards_of(data: &Path, id: &str) -> Vec<(String, String, Vec<String>, bool)> {
    let library = Library::load(
        &recap::store::DataDir::new(data),
        &mut StdRng::seed_from_u64(0),
    );
    let deck = library.find(id).unwrap_or_else(|| panic!("no deck {id}"));
    deck.deck()
        .cards
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

fn expected() -> Vec<(String, String, Vec<String>, bool)> {
    deck()
        .cards
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

/// The collection inside a package, opened with SQLite.
fn open_collection(package: &[u8]) -> rusqlite::Connection {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    names.sort_unstable();
    assert_eq!(names, ["collection.anki2", "media"]);
    let mut media = String::new();
    zip.by_name("media")
        .unwrap()
        .read_to_string(&mut media)
        .unwrap();
    assert_eq!(media, "{}");
    let mut bytes = Vec::new();
    zip.by_name("collection.anki2")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    let mut db = rusqlite::Connection::open_in_memory().unwrap();
    db.deserialize_read_exact("main", &bytes[..], bytes.len(), true)
        .unwrap();
    db
}

#[test]
fn the_package_holds_one_note_per_card_with_its_model_and_tags() {
    let db = open_collection(&deck_to_apkg(&deck(), NOW).unwrap());
    let (version, models, decks): (i64, String, String) = db
        .query_row("select ver, models, decks from col", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(version, 11);
    let models: serde_json::Value = serde_json::from_str(&models).unwrap();
    assert_eq!(models[BASIC_ID.to_string()]["name"], "Basic");
    assert_eq!(
        models[REVERSED_ID.to_string()]["name"],
        "Basic (and reversed card)"
    );
    assert_eq!(
        models[REVERSED_ID.to_string()]["tmpls"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(decks.contains("\"Words & more\""), "{decks}");

    let notes: Vec<(i64, String, String)> = db
        .prepare("select mid, tags, flds from notes order by id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        notes,
        [
            (
                BASIC_ID,
                " asia letters ".into(),
                "Who wrote, and when?\u{1f}Kim, in 2023".into()
            ),
            (
                REVERSED_ID,
                " german ".into(),
                "der Hund\u{1f}the dog".into()
            ),
            (
                BASIC_ID,
                String::new(),
                "a &lt; b &amp; c?\u{1f}First paragraph.<br><br>Second &lt;b&gt;one&lt;/b&gt;."
                    .into()
            ),
            (BASIC_ID, " world_news ".into(), "Plain\u{1f}Answer".into()),
        ]
    );
    let cards: Vec<(i64, i64)> = db
        .prepare("select n.mid, c.ord from cards c join notes n on n.id = c.nid order by c.id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        cards,
        [
            (BASIC_ID, 0),
            (REVERSED_ID, 0),
            (REVERSED_ID, 1),
            (BASIC_ID, 0),
            (BASIC_ID, 0)
        ]
    );
    let revlog: i64 = db
        .query_row("select count(*) from revlog", [], |r| r.get(0))
        .unwrap();
    assert_eq!(revlog, 0);
}

#[test]
fn recap_to_apkg_to_recap_gives_the_same_cards() {
    let folder = tempfile::tempdir().unwrap();
    put_in_library(folder.path(), &deck());
    let package = folder.path().join("words.apkg");
    let out = recap(
        folder.path(),
        &["export", "words", "-o", package.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Exported 4 cards into "));
    let again = recap(
        folder.path(),
        &["export", "words", "-o", package.to_str().unwrap()],
    );
    assert_eq!(
        again.status.code(),
        Some(1),
        "never replaced without --force"
    );

    let out = recap(folder.path(), &["import", package.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(cards_of(folder.path(), "words-more"), expected());
}

#[test]
fn recap_to_csv_to_recap_gives_the_same_cards() {
    let folder = tempfile::tempdir().unwrap();
    put_in_library(folder.path(), &deck());
    let csv = folder.path().join("words-copy.csv");
    let out = recap(
        folder.path(),
        &["export", "words", "-o", csv.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 studied both ways"),
        "a row cannot say so, and the command tells"
    );
    let out = recap(folder.path(), &["import", csv.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let without_both_ways: Vec<_> = expected()
        .into_iter()
        .map(|(front, back, tags, _)| (front, back, tags, false))
        .collect();
    assert_eq!(cards_of(folder.path(), "words-copy"), without_both_ways);
}

/// Imports the package into a new collection with the real Anki backend, prints its notes as
/// JSON, and exports them again in Anki's current format to `sys.argv[2]`.
const ANKI_ROUND_TRIP: &str = r#"
import json, os, sys, tempfile
from anki.collection import (Collection, DeckIdLimit, ExportAnkiPackageOptions,
    ImportAnkiPackageOptions, ImportAnkiPackageRequest)
folder = tempfile.mkdtemp()
col = Collection(os.path.join(folder, "c.anki2"))
col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1],
    options=ImportAnkiPackageOptions(with_scheduling=True)))
notes = []
for nid in sorted(col.find_notes("")):
    note = col.get_note(nid)
    notes.append({"type": note.note_type()["name"], "fields": list(note.fields),
        "tags": note.tags, "cards": len(note.card_ids())})
deck = col.decks.id_for_name("Words & more")
col.export_anki_package(out_path=sys.argv[2], limit=DeckIdLimit(deck),
    options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False,
        with_media=False, legacy=False))
col.close()
print(json.dumps(notes))
"#;

#[test]
fn the_real_anki_imports_the_package_and_its_export_comes_back_the_same() {
    let has_anki = Command::new("python3")
        .args(["-c", "import anki"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_anki {
        println!("skipped: the Python `anki` package is not installed (pip install anki)");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let package = folder.path().join("words.apkg");
    std::fs::write(&package, deck_to_apkg(&deck(), NOW).unwrap()).unwrap();
    let back = folder.path().join("from-anki.apkg");
    let out = Command::new("python3")
        .args([
            "-c",
            ANKI_ROUND_TRIP,
            package.to_str().unwrap(),
            back.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let notes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = notes.as_array().unwrap();
    assert_eq!(notes.len(), 4, "{notes:?}");
    assert_eq!(
        notes[0]["fields"],
        serde_json::json!(["Who wrote, and when?", "Kim, in 2023"])
    );
    assert_eq!(notes[0]["tags"], serde_json::json!(["asia", "letters"]));
    // A fresh collection has its own stock types of these names: Anki adds ours with a "+".
    let type_of = |i: usize| {
        notes[i]["type"]
            .as_str()
            .unwrap()
            .trim_end_matches('+')
            .to_string()
    };
    assert_eq!(type_of(1), "Basic (and reversed card)");
    assert_eq!(notes[1]["cards"], 2);
    assert_eq!(type_of(3), "Basic");
    assert_eq!(notes[3]["cards"], 1);

    // Anki's own export (current format) of what it imported reads back as the same cards.
    let data = folder.path().join("data");
    let out = recap(&data, &["import", back.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(cards_of(&data, "words-more"), expected());
}
