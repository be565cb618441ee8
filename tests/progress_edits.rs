//! A deck edited between sessions (cards reordered, text changed, removed, added back) loses no
//! progress: progress follows card ids, never positions or text.

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::{deck_to_ron, parse_deck};
use recap::library::Library;
use recap::model::{Card, CardId, Rating, Timestamp};
use recap::schedule::{CardState, Phase};
use recap::store::DataDir;
use recap::store::progress::DeviceId;
use recap::study::StudyDeck;
use std::path::{Path, PathBuf};

const START: Timestamp = Timestamp(1_795_860_000_000);

fn open(data: &DataDir, now: Timestamp) -> StudyDeck {
    let mut library = Library::load(data, &mut StdRng::seed_from_u64(3));
    let deck = library
        .decks
        .iter_mut()
        .find(|d| d.deck().id.as_str() == "edited")
        .unwrap();
    StudyDeck::open(data, deck, DeviceId::new("desk").unwrap(), now, 0)
        .unwrap()
        .0
}

fn deck_path(data: &DataDir) -> PathBuf {
    data.decks().join("edited.ron")
}

/// Reads the deck file, lets `edit` change its cards, writes it back in the app's layout.
fn edit_deck(path: &Path, edit: impl FnOnce(&mut Vec<Card>)) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut deck = parse_deck(&text, path, &mut StdRng::seed_from_u64(0))
        .unwrap()
        .deck;
    edit(&mut deck.cards);
    std::fs::write(path, deck_to_ron(&deck)).unwrap();
}

fn states(study: &StudyDeck, ids: &[CardId]) -> Vec<CardState> {
    ids.iter().map(|id| study.session().state(id)).collect()
}

#[test]
fn reorder_edit_remove_and_re_add_keep_every_cards_progress() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    std::fs::create_dir_all(data.decks()).unwrap();
    // Written by hand, without ids: they are assigned and written back when study starts.
    std::fs::write(
        deck_path(&data),
        "(format: 1, id: \"edited\", title: \"Edited\", cards: [\n  (front: \"Q1\", back: \"A1\"),\n  (front: \"Q2\", back: \"A2\"),\n  (front: \"Q3\", back: \"A3\"),\n])\n",
    )
    .unwrap();

    let mut study = open(&data, START);
    let mut ids = Vec::new();
    for rating in [Rating::Easy, Rating::Good, Rating::Easy] {
        ids.push(study.current(START).unwrap());
        study.answer(rating, START).unwrap();
    }
    let before = states(&study, &ids);
    assert!(before.iter().all(|s| s.phase != Phase::New));
    study.close().unwrap();
    let written = std::fs::read_to_string(deck_path(&data)).unwrap();
    for id in &ids {
        assert!(
            written.contains(&format!("id: \"{id}\"")),
            "ids written back before progress: {written}"
        );
    }

    // Reorder and reword.
    edit_deck(&deck_path(&data), |cards| {
        cards.reverse();
        cards[0].front = "Q3, reworded?".into();
        cards[1].back = "A2, corrected".into();
    });
    let study = open(&data, START.plus_minutes(1.0));
    assert_eq!(states(&study, &ids), before);
    drop(study);

    // Remove the second card, add a new one: the new one starts new, the rest keep theirs.
    let removed = ids[1].clone();
    let mut removed_card = None;
    edit_deck(&deck_path(&data), |cards| {
        let at = cards.iter().position(|c| c.id == removed).unwrap();
        removed_card = Some(cards.remove(at));
        cards.push(Card::new(CardId::new("fresh").unwrap(), "Q4", "A4"));
    });
    let study = open(&data, START.plus_minutes(2.0));
    assert_eq!(
        study.session().state(&CardId::new("fresh").unwrap()),
        CardState::default()
    );
    assert_eq!(study.session().state(&ids[0]), before[0]);
    assert_eq!(study.session().state(&ids[2]), before[2]);
    study.close().unwrap();

    // The removed card returns: its progress comes back with it.
    edit_deck(&deck_path(&data), |cards| {
        cards.push(removed_card.take().unwrap())
    });
    let study = open(&data, START.plus_minutes(3.0));
    assert_eq!(study.session().state(&removed), before[1]);
}
