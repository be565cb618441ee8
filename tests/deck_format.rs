//! The deck file format: round trips, stable ids, and malformed files reported at the right
//! FILE:LINE:COLUMN.

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::{ParsedDeck, deck_to_ron, parse_deck, with_ids_written};
use recap::model::{Card, CardId, Deck, DeckId, Source};
use std::path::Path;

fn rng() -> StdRng {
    StdRng::seed_from_u64(42)
}

fn parse(text: &str) -> ParsedDeck {
    parse_deck(text, Path::new("deck.ron"), &mut rng()).unwrap_or_else(|e| panic!("{e}"))
}

fn sample_deck() -> Deck {
    let mut second = Card::new(
        CardId::new("b2").unwrap(),
        "Where did they meet?",
        "At Camp David.\n\nOn August 18.",
    );
    second.tags = vec!["summit".into()];
    second.choices = vec!["In Seoul".into(), "In \"Moscow\"".into()];
    second.short = Some("Camp David".into());
    Deck {
        id: DeckId::new("sample").unwrap(),
        title: "Kim–Putin letters: 김정은 and Путин".into(),
        description: "A lead with a backslash \\ and a tab\there.".into(),
        source: Some(Source {
            title: Some("Headline".into()),
            date: Some("2023-08-15".into()),
            file: Some("a.txt".into()),
            url: None,
        }),
        tags: vec!["news".into()],
        cards: vec![
            Card::new(
                CardId::new("a1").unwrap(),
                "What prompted the letters?",
                "The anniversary.",
            ),
            second,
        ],
    }
}

#[test]
fn a_deck_written_then_read_is_the_same_deck() {
    let deck = sample_deck();
    let text = deck_to_ron(&deck);
    let parsed = parse(&text);
    assert_eq!(parsed.deck, deck);
    assert!(parsed.assigned.is_empty());
    assert_eq!(deck_to_ron(&parsed.deck), text, "writing is stable");
}

#[test]
fn the_bundled_deck_reads_with_five_cards() {
    let text = include_str!("../decks/kim-putin-letters.ron");
    let parsed = parse(text);
    assert_eq!(parsed.deck.id.as_str(), "kim-putin-letters");
    assert_eq!(parsed.deck.cards.len(), 5);
    assert!(
        parsed.assigned.is_empty(),
        "the bundled deck carries all its ids"
    );
    assert_eq!(
        deck_to_ron(&parsed.deck),
        text,
        "the bundled deck is in the writer's layout"
    );
}

#[test]
fn editing_one_card_changes_only_its_lines() {
    let deck = sample_deck();
    let before = deck_to_ron(&deck);
    let mut edited = deck.clone();
    edited.cards[0].front = "What prompted the exchange of letters?".into();
    let after = deck_to_ron(&edited);
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
}

#[test]
fn ids_survive_editing_text_and_reordering() {
    let deck = sample_deck();
    let mut edited = deck.clone();
    edited.cards.reverse();
    edited.cards[1].back = "A different anniversary.".into();
    let parsed = parse(&deck_to_ron(&edited));
    let ids: Vec<&str> = parsed.deck.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["b2", "a1"]);
    assert_eq!(
        parsed.deck.card(&CardId::new("a1").unwrap()).unwrap().back,
        "A different anniversary."
    );
}

const HAND_WRITTEN: &str = r#"// A deck typed by a teacher.
(
    format: 1,
    title: "Hand made",
    cards: [
        (
            front: "Q1?",
            back: "A1",
        ),
        (id: "keep", front: "Q2?", back: "A2"),
        (front: "Q3?", back: "A3"),
    ],
)
"#;

#[test]
fn cards_without_ids_get_ids_that_are_written_back_and_nothing_else() {
    let parsed = parse_deck(HAND_WRITTEN, Path::new("hand-made.ron"), &mut rng()).unwrap();
    assert_eq!(
        parsed.deck.id.as_str(),
        "hand-made",
        "deck id from the file name"
    );
    assert_eq!(parsed.assigned.cards.len(), 2);
    let written = with_ids_written(HAND_WRITTEN, &parsed.assigned).unwrap();
    // Only id lines were added: removing them gives the original back.
    let first_id = parsed.deck.cards[0].id.as_str();
    let third_id = parsed.deck.cards[2].id.as_str();
    assert!(written.contains(&format!(
        "        (\n            id: \"{first_id}\",\n            front: \"Q1?\","
    )));
    assert!(written.contains(&format!("(id: \"{third_id}\", front: \"Q3?\"")));
    assert!(written.contains("(\n    id: \"hand-made\",\n    format: 1,"));
    let stripped = written
        .replace(&format!("\n            id: \"{first_id}\","), "")
        .replace(&format!("id: \"{third_id}\", "), "")
        .replace("\n    id: \"hand-made\",", "");
    assert_eq!(stripped, HAND_WRITTEN);
    // Reading the written file assigns nothing and keeps the same ids.
    let reread = parse_deck(
        &written,
        Path::new("hand-made.ron"),
        &mut StdRng::seed_from_u64(9),
    )
    .unwrap();
    assert!(reread.assigned.is_empty());
    assert_eq!(reread.deck, parsed.deck);
}

#[test]
fn optional_fields_may_be_written_with_or_without_some() {
    let text = r#"(format: 1, id: "d", title: "T", source: Some((date: "2024-01-01")),
        cards: [(id: "a", front: "F", back: "B", short: Some("s")), (id: "b", front: "F2", back: "B2", short: "t")])"#;
    let parsed = parse(text);
    assert_eq!(parsed.deck.cards[0].short.as_deref(), Some("s"));
    assert_eq!(parsed.deck.cards[1].short.as_deref(), Some("t"));
    assert_eq!(
        parsed.deck.source.unwrap().date.as_deref(),
        Some("2024-01-01")
    );
}

/// (name, file text, expected "LINE:COLUMN", a word the message must contain)
const MALFORMED: &[(&str, &str, &str, &str)] = &[
    (
        "missing comma",
        "(\n    format: 1\n    title: \"T\",\n    cards: [],\n)",
        "3:5",
        "comma",
    ),
    (
        "unclosed string",
        "(\n    format: 1,\n    title: \"T,\n    cards: [],\n)\n",
        "3:12",
        "quote",
    ),
    (
        "unknown deck field",
        "(\n    format: 1,\n    titel: \"T\",\n    cards: [],\n)",
        "3:5",
        "titel",
    ),
    (
        "misspelt card field",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", fornt: \"Q\", back: \"A\"),\n    ],\n)",
        "5:19",
        "fornt",
    ),
    (
        "missing front",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", back: \"A\"),\n    ],\n)",
        "5:9",
        "front",
    ),
    (
        "missing back",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", front: \"Q\"),\n    ],\n)",
        "5:9",
        "back",
    ),
    (
        "missing title",
        "(\n    format: 1,\n    cards: [],\n)",
        "1:1",
        "title",
    ),
    (
        "missing format",
        "(\n    title: \"T\",\n    cards: [],\n)",
        "1:1",
        "format",
    ),
    (
        "empty front",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", front: \"  \", back: \"A\"),\n    ],\n)",
        "5:26",
        "empty `front`",
    ),
    (
        "empty back",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", front: \"Q\", back: \"\"),\n    ],\n)",
        "5:37",
        "empty `back`",
    ),
    (
        "duplicate ids",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", front: \"Q\", back: \"A\"),\n        (id: \"a\", front: \"Q2\", back: \"A2\"),\n    ],\n)",
        "6:14",
        "already uses",
    ),
    (
        "format too new",
        "(\n    format: 2,\n    title: \"T\",\n    cards: [],\n    newfield: 3,\n)",
        "2:13",
        "newer",
    ),
    (
        "format zero",
        "(\n    format: 0,\n    title: \"T\",\n    cards: [],\n)",
        "2:13",
        "format 0",
    ),
    (
        "empty title",
        "(\n    format: 1,\n    title: \"\",\n    cards: [],\n)",
        "3:12",
        "title",
    ),
    (
        "bad id characters",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a b\", front: \"Q\", back: \"A\"),\n    ],\n)",
        "5:14",
        "id",
    ),
    (
        "number for text",
        "(\n    format: 1,\n    title: 42,\n    cards: [],\n)",
        "3:12",
        "text",
    ),
    (
        "unclosed list",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [\n        (id: \"a\", front: \"Q\", back: \"A\"),\n)",
        "6:1",
        "",
    ),
    (
        "trailing text",
        "(\n    format: 1,\n    title: \"T\",\n    cards: [],\n)\nextra",
        "6:1",
        "after the end",
    ),
    (
        "format as text",
        "(\n    format: \"1\",\n    title: \"T\",\n    cards: [],\n)",
        "2:13",
        "whole number",
    ),
];

#[test]
fn malformed_decks_report_file_line_column_and_a_hint() {
    let mut failures = Vec::new();
    for (name, text, expected_at, word) in MALFORMED {
        let error = match parse_deck(text, Path::new("decks/bad.ron"), &mut rng()) {
            Ok(_) => {
                failures.push(format!("{name}: accepted"));
                continue;
            }
            Err(e) => e,
        };
        let first = error.problems[0].to_string();
        let prefix = format!("decks/bad.ron:{expected_at}: ");
        if !first.starts_with(&prefix) || !first.contains(word) || !first.contains("Hint:") {
            failures.push(format!(
                "{name}: expected {prefix}…{word}… Hint:, got {first}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    assert!(MALFORMED.len() >= 15);
}

#[test]
fn every_rule_problem_is_listed_not_just_the_first() {
    let text = "(\n    format: 1,\n    title: \"\",\n    cards: [\n        (id: \"a\", front: \"\", back: \"\"),\n        (id: \"a\", front: \"Q\", back: \"A\"),\n    ],\n)";
    let error = parse_deck(text, Path::new("x.ron"), &mut rng()).unwrap_err();
    assert_eq!(error.problems.len(), 4, "{error}");
}

/// A data folder holding HAND_WRITTEN as decks/hand-made.ron, its loaded library, and the
/// index of that deck in it.
fn library_with_hand_made_deck() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    recap::library::Library,
    usize,
) {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let path = decks.join("hand-made.ron");
    std::fs::write(&path, HAND_WRITTEN).unwrap();
    let library =
        recap::library::Library::load(&recap::store::DataDir::new(data.path()), &mut rng());
    let index = library
        .decks
        .iter()
        .position(|d| d.deck().id.as_str() == "hand-made")
        .unwrap();
    (data, path, library, index)
}

#[test]
fn the_library_writes_made_up_ids_into_the_file_once_and_keeps_them() {
    let (data, path, mut library, index) = library_with_hand_made_deck();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        HAND_WRITTEN,
        "loading rewrites nothing"
    );
    let ids: Vec<String> = library.decks[index]
        .deck()
        .cards
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    library.decks[index].persist_assigned_ids().unwrap();

    let data_dir = recap::store::DataDir::new(data.path());
    let reloaded = recap::library::Library::load(&data_dir, &mut StdRng::seed_from_u64(99));
    let deck = reloaded.find("hand-made").unwrap();
    assert!(deck.assigned.is_empty());
    let reloaded_ids: Vec<String> = deck.deck().cards.iter().map(|c| c.id.to_string()).collect();
    assert_eq!(reloaded_ids, ids);
}

#[test]
fn ids_are_not_written_when_the_file_changed_since_loading() {
    let (_data, path, mut library, index) = library_with_hand_made_deck();
    let edited = HAND_WRITTEN.replace("(front: \"Q3?\", back: \"A3\"),", "");
    std::fs::write(&path, &edited).unwrap();
    let error = library.decks[index].persist_assigned_ids().unwrap_err();
    assert!(error.to_string().contains("changed on disk"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "nothing written"
    );
}
