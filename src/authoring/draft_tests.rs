use super::*;
use crate::model::DeckId;
use rand::SeedableRng;
use rand::rngs::StdRng;

fn rng() -> StdRng {
    StdRng::seed_from_u64(3)
}

fn three_cards() -> (Draft, Vec<CardId>) {
    let mut draft = Draft::new_deck();
    let mut rng = rng();
    let mut ids = Vec::new();
    for n in 0..3 {
        let id = draft.add_card(ids.last(), &mut rng);
        let mut card = draft.deck().card(&id).unwrap().clone();
        card.front = format!("Q{n}").into();
        card.back = format!("A{n}").into();
        draft.update_card(card);
        ids.push(id);
    }
    (draft, ids)
}

fn fronts(draft: &Draft) -> Vec<&str> {
    draft
        .deck()
        .cards
        .iter()
        .map(|c| c.front.as_str())
        .collect()
}

#[test]
fn a_new_empty_deck_is_not_dirty_until_edited() {
    let mut draft = Draft::new_deck();
    assert!(!draft.is_dirty());
    assert!(draft.is_new());
    draft.set_deck_field(DeckField::Title, "Summit");
    assert!(draft.is_dirty());
    assert!(draft.undo());
    assert!(!draft.is_dirty(), "undone back to the saved state");
}

#[test]
fn new_and_duplicated_cards_get_fresh_ids_and_edits_keep_them() {
    let (mut draft, ids) = three_cards();
    assert_eq!(fronts(&draft), ["Q0", "Q1", "Q2"]);
    let distinct: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), 3);
    let copy = draft.duplicate_card(&ids[0], &mut rng()).unwrap();
    assert!(!ids.contains(&copy));
    assert_eq!(draft.index_of(&copy), Some(1), "right after the original");
    assert_eq!(draft.deck().cards[1].front, "Q0");
    let mut edited = draft.deck().card(&ids[2]).unwrap().clone();
    edited.back = "changed".into();
    draft.update_card(edited);
    assert_eq!(draft.deck().card(&ids[2]).unwrap().back, "changed");
}

#[test]
fn typing_in_one_field_is_one_undo_step() {
    let (mut draft, ids) = three_cards();
    for text in ["W", "Wh", "Who"] {
        let mut card = draft.deck().card(&ids[1]).unwrap().clone();
        card.front = text.into();
        draft.update_card(card);
    }
    let mut card = draft.deck().card(&ids[1]).unwrap().clone();
    card.back = "Kim".into();
    draft.update_card(card);
    assert!(draft.undo());
    assert_eq!(draft.deck().cards[1].front, "Who");
    assert_eq!(draft.deck().cards[1].back, "A1");
    assert!(draft.undo());
    assert_eq!(
        draft.deck().cards[1].front,
        "Q1",
        "the three keystrokes at once"
    );
    assert!(draft.redo());
    assert_eq!(draft.deck().cards[1].front, "Who");
}

#[test]
fn a_change_of_two_fields_at_once_never_joins_a_step() {
    let (mut draft, ids) = three_cards();
    let mut card = draft.deck().card(&ids[0]).unwrap().clone();
    card.front = "x".into();
    card.back = "y".into();
    draft.update_card(card.clone());
    card.front = "xx".into();
    card.back = "yy".into();
    draft.update_card(card);
    assert!(draft.undo());
    assert_eq!(draft.deck().cards[0].front, "x");
}

#[test]
fn reorder_delete_and_undo_them() {
    let (mut draft, ids) = three_cards();
    assert!(draft.move_card(&ids[2], true));
    assert_eq!(fronts(&draft), ["Q0", "Q2", "Q1"]);
    assert!(!draft.move_card(&ids[0], true), "already first");
    assert!(draft.move_card(&ids[0], false));
    assert_eq!(fronts(&draft), ["Q2", "Q0", "Q1"]);
    assert_eq!(draft.delete_card(&ids[0]), Some(1));
    assert_eq!(fronts(&draft), ["Q2", "Q1"]);
    assert!(draft.undo());
    assert_eq!(fronts(&draft), ["Q2", "Q0", "Q1"]);
    assert_eq!(
        draft.deck().cards[1].id,
        ids[0],
        "the id comes back with the card"
    );
    assert!(draft.undo());
    assert!(draft.undo());
    assert_eq!(fronts(&draft), ["Q0", "Q1", "Q2"]);
}

#[test]
fn a_deleted_cards_id_is_never_given_again() {
    let mut draft = Draft::new_deck();
    let first = draft.add_card(None, &mut rng());
    draft.delete_card(&first);
    // The same seed would draw the same id again were the deleted one not remembered.
    let second = draft.add_card(None, &mut rng());
    assert_ne!(first, second);
}

#[test]
fn deck_fields_round_trip_through_their_text() {
    let mut draft = Draft::new_deck();
    draft.set_deck_field(DeckField::Tags, " news,  korea , ,");
    assert_eq!(draft.deck().tags, ["news", "korea"]);
    assert_eq!(draft.deck_field_text(DeckField::Tags), "news, korea");
    draft.set_deck_field(DeckField::SourceDate, "2023-08-15");
    assert_eq!(
        draft.deck().source.as_ref().unwrap().date.as_deref(),
        Some("2023-08-15")
    );
    draft.set_deck_field(DeckField::SourceDate, "  ");
    assert_eq!(draft.deck().source, None, "an empty source is left out");
}

#[test]
fn list_fields_parse_as_typed() {
    assert_eq!(
        choices_from_text(" Seoul \n\nMoscow\n"),
        ["Seoul", "Moscow"]
    );
    assert_eq!(short_from_text("  "), None);
    assert_eq!(short_from_text(" Camp David "), Some("Camp David".into()));
    let mut card = Card::new(CardId::new("a").unwrap(), "Who is Kim?", "A leader");
    card.tags = vec!["north-korea".into()];
    assert!(card_matches(&card, ""));
    assert!(card_matches(&card, "KIM"));
    assert!(card_matches(&card, "leader"));
    assert!(card_matches(&card, "north"));
    assert!(!card_matches(&card, "putin"));
}

#[test]
fn loading_from_disk_is_undoable_and_clean() {
    let (mut draft, _) = three_cards();
    let mut other = draft.deck().clone();
    other.id = DeckId::new("d").unwrap();
    other.cards.truncate(1);
    draft.load_from_disk(other.clone(), Some(b"x".to_vec()));
    assert!(!draft.is_dirty());
    assert_eq!(draft.deck(), &other);
    assert!(draft.undo());
    assert_eq!(draft.deck().cards.len(), 3);
    assert!(draft.is_dirty());
}
