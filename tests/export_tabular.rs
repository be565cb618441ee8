//! `recap export`: a deck as Anki-compatible CSV/TSV, and back again with `recap import`.
//! Run as a user runs it: the built binary, a temporary data folder.

#[path = "common/cli.rs"]
mod cli;
use cli::{recap, text};

use proptest::prelude::*;
use recap::deck::{deck_to_ron, parse_deck};
use recap::export::{ExportFormat, deck_to_table_text};
use recap::import::tabular::{TableFormat, parse_table};
use recap::model::{Card, CardId, Deck, DeckId};
use std::path::Path;

fn card(id: &str, front: &str, back: &str, tags: &[&str]) -> Card {
    let mut card = Card::new(CardId::new(id).unwrap(), front, back);
    card.tags = tags.iter().map(|t| t.to_string()).collect();
    card
}

/// Cards whose text needs every kind of quoting: separators, quotes, line breaks, a leading
/// `#` (a comment line to Anki), HTML-like text (kept as typed: the export says #html:false).
fn tricky_deck() -> Deck {
    Deck {
        id: DeckId::new("tricky").unwrap(),
        title: "Tricky".into(),
        description: String::new(),
        source: None,
        tags: Vec::new(),
        cards: vec![
            card(
                "c1",
                "Who wrote, and when?",
                "Kim, in 2023",
                &["asia", "letters"],
            ),
            card("c2", "A \"quoted\" word?", "Yes;\tand a tab", &[]),
            card(
                "c3",
                "#1 question",
                "First paragraph.\n\nSecond <b>one</b>.",
                &["x"],
            ),
            card("c4", "Plain", "Answer", &[]),
        ],
    }
}

fn put_in_library(data: &Path, deck: &Deck) {
    let decks = data.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join(format!("{}.ron", deck.id)), deck_to_ron(deck)).unwrap();
}

fn read_deck(path: &Path) -> Deck {
    let text = std::fs::read_to_string(path).unwrap();
    let mut rng = rand::rng();
    parse_deck(&text, path, &mut rng).unwrap().deck
}

fn contents(deck: &Deck) -> Vec<(String, String, Vec<String>)> {
    deck.cards
        .iter()
        .map(|c| (c.front.to_string(), c.back.to_string(), c.tags.clone()))
        .collect()
}

#[test]
fn deck_to_csv_and_tsv_and_back_gives_the_same_cards() {
    let data = tempfile::tempdir().unwrap();
    let deck = tricky_deck();
    put_in_library(data.path(), &deck);
    for extension in ["csv", "tsv"] {
        let file = data.path().join(format!("tricky.{extension}"));
        let out = recap(
            data.path(),
            &["export", "tricky", "-o", file.to_str().unwrap()],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout).trim(),
            format!("Exported 4 cards into {}", file.display())
        );

        let back = data.path().join(format!("back-{extension}.ron"));
        let out = recap(
            data.path(),
            &[
                "import",
                file.to_str().unwrap(),
                "-o",
                back.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            format!("Imported 4 cards into {}\n", back.display()),
            "nothing skipped, nothing to note"
        );
        let imported = read_deck(&back);
        assert_eq!(contents(&imported), contents(&deck), "{extension}");
        assert!(
            imported.cards.iter().all(|c| deck.card(&c.id).is_none()),
            "the import gives new ids"
        );
    }
}

#[test]
fn export_writes_anki_headers_then_one_row_per_card() {
    let data = tempfile::tempdir().unwrap();
    put_in_library(data.path(), &tricky_deck());
    let tsv = data.path().join("out.tsv");
    let out = recap(
        data.path(),
        &["export", "tricky", "-o", tsv.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&tsv).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "#separator:tab",
            "#html:false",
            "#columns:Front\tBack\tTags",
            "#tags column:3",
            "Who wrote, and when?\tKim, in 2023\tasia letters",
        ]
    );

    // A deck file given by path works as well as a library id.
    let deck_file = data.path().join("decks/tricky.ron");
    let csv = data.path().join("out.csv");
    let out = recap(
        data.path(),
        &[
            "export",
            deck_file.to_str().unwrap(),
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with(
        "#separator:comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n\
         \"Who wrote, and when?\",\"Kim, in 2023\",asia letters\n\
         \"A \"\"quoted\"\" word?\",Yes;\tand a tab,\n\
         \"#1 question\",\"First paragraph.\n\nSecond <b>one</b>.\",x\n"
    ));
}

#[test]
fn export_never_overwrites_without_force() {
    let data = tempfile::tempdir().unwrap();
    put_in_library(data.path(), &tricky_deck());
    let file = data.path().join("mine.csv");
    std::fs::write(&file, "precious").unwrap();
    let refused = recap(
        data.path(),
        &["export", "tricky", "-o", file.to_str().unwrap()],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("already exists"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "precious");

    let forced = recap(
        data.path(),
        &["export", "tricky", "-o", file.to_str().unwrap(), "--force"],
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("#separator:comma\n")
    );
}

#[test]
fn unknown_formats_and_unknown_decks_are_clear_errors() {
    let data = tempfile::tempdir().unwrap();
    put_in_library(data.path(), &tricky_deck());
    let odd = data.path().join("out.xlsx");
    let out = recap(
        data.path(),
        &["export", "tricky", "-o", odd.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(".csv, .tsv or .apkg"),
        "{}",
        text(&out.stderr)
    );

    let csv = data.path().join("none.csv");
    let out = recap(
        data.path(),
        &["export", "no-such-deck", "-o", csv.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("recap list"),
        "{}",
        text(&out.stderr)
    );
    assert!(!csv.exists());
}

#[test]
fn export_says_what_a_row_cannot_carry() {
    let data = tempfile::tempdir().unwrap();
    let mut deck = tricky_deck();
    deck.cards[0].choices = vec!["Putin, in 2019".into()];
    deck.cards[1].short = Some("yes".into());
    put_in_library(data.path(), &deck);
    let file = data.path().join("quiz.csv");
    let out = recap(
        data.path(),
        &["export", "tricky", "-o", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().nth(1),
        Some(
            "Note: 2 cards have quiz choices or a short answer, which CSV/TSV rows (front, back, tags) do not carry"
        )
    );
}

/// Card text as people write it, with every character the formats treat specially; no
/// whitespace at the ends (imports trim fields) and no carriage returns (line ends are read as
/// newlines).
fn card_text() -> impl Strategy<Value = String> {
    "[a-zé,;|\"#\t\n <>&]{1,24}".prop_filter("trimmed, not empty", |t| {
        !t.trim().is_empty() && t.trim() == t
    })
}

proptest! {
    #[test]
    fn any_deck_survives_export_and_import(
        cards in prop::collection::vec(
            (card_text(), card_text(), prop::collection::vec("[a-z0-9:_-]{1,8}", 0..3)),
            1..6,
        ),
        tsv in any::<bool>(),
    ) {
        let deck = Deck {
            id: DeckId::new("p").unwrap(),
            title: "P".into(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: cards
                .iter()
                .enumerate()
                .map(|(i, (front, back, tags))| {
                    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
                    card(&format!("c{i}"), front, back, &tags)
                })
                .collect(),
        };
        let (format, read_as) = if tsv {
            (ExportFormat::Tsv, TableFormat::Tsv)
        } else {
            (ExportFormat::Csv, TableFormat::Csv)
        };
        let text = deck_to_table_text(&deck, format);
        let table = parse_table(&text, &read_as).unwrap();
        prop_assert!(table.skipped.is_empty());
        let read: Vec<(String, String, Vec<String>)> = table
            .rows
            .iter()
            .map(|r| (r.front.clone(), r.back.clone(), r.tags.clone()))
            .collect();
        let mut expected = contents(&deck);
        for (_, _, tags) in &mut expected {
            // Tags are a set: a tag given twice comes back once.
            let mut seen = Vec::new();
            tags.retain(|t| if seen.contains(t) { false } else { seen.push(t.clone()); true });
        }
        prop_assert_eq!(read, expected);
    }
}
