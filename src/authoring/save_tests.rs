use super::*;
use crate::authoring::{DeckField, DiskCheck};
use crate::model::{Card, CardId};
use rand::SeedableRng;
use rand::rngs::StdRng;

fn rng() -> StdRng {
    StdRng::seed_from_u64(11)
}

fn temp_data() -> (tempfile::TempDir, DataDir) {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    (dir, data)
}

/// A new deck titled `title` with `n` filled-in cards.
fn new_deck(title: &str, n: usize) -> Draft {
    let mut draft = Draft::new_deck();
    draft.set_deck_field(DeckField::Title, title);
    let mut rng = rng();
    for i in 0..n {
        let id = draft.add_card(None, &mut rng);
        let mut card = draft.deck().card(&id).unwrap().clone();
        card.front = format!("Question {i}?").into();
        card.back = format!("Answer {i}.").into();
        draft.update_card(card);
    }
    draft
}

fn edit_card(draft: &mut Draft, index: usize, change: impl FnOnce(&mut Card)) {
    let mut card = draft.deck().cards[index].clone();
    change(&mut card);
    draft.update_card(card);
}

#[test]
fn a_new_deck_gets_a_file_and_id_from_its_title_and_reads_back_with_its_ids() {
    let (_dir, data) = temp_data();
    let mut draft = new_deck("Leaders meet at Camp David", 3);
    let outcome = save_draft(&mut draft, &data, false, &mut rng()).unwrap();
    assert!(outcome.created);
    assert_eq!(
        outcome.path,
        data.decks().join("leaders-meet-at-camp-david.ron")
    );
    assert!(!draft.is_dirty());
    assert!(!draft.is_new());
    let text = std::fs::read_to_string(&outcome.path).unwrap();
    let parsed = parse_deck(&text, &outcome.path, &mut rng()).unwrap();
    assert!(parsed.assigned.is_empty(), "every id is in the file");
    assert_eq!(&parsed.deck, draft.deck());

    // Undo after the save brings back the text, never the placeholder id.
    assert!(draft.undo());
    assert_eq!(draft.deck().id.as_str(), "leaders-meet-at-camp-david");
}

#[test]
fn a_second_deck_with_the_same_title_gets_its_own_file_and_id() {
    let (_dir, data) = temp_data();
    let first = save_draft(&mut new_deck("Summit", 1), &data, false, &mut rng()).unwrap();
    let before = std::fs::read(&first.path).unwrap();
    let mut second = new_deck("Summit", 2);
    let outcome = save_draft(&mut second, &data, false, &mut rng()).unwrap();
    assert_eq!(outcome.path, data.decks().join("summit-2.ron"));
    assert_eq!(second.deck().id.as_str(), "summit-2");
    assert_eq!(std::fs::read(&first.path).unwrap(), before, "untouched");
    let library = Library::load(&data, &mut rng());
    assert!(library.failed.is_empty(), "{:?}", library.failed);
}

#[test]
fn a_one_card_edit_changes_only_that_cards_lines() {
    let (_dir, data) = temp_data();
    let mut draft = new_deck("Summit", 3);
    let path = save_draft(&mut draft, &data, false, &mut rng())
        .unwrap()
        .path;
    let before = std::fs::read_to_string(&path).unwrap();
    edit_card(&mut draft, 1, |c| c.back = "A new answer.".into());
    save_draft(&mut draft, &data, false, &mut rng()).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    let (a, b): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(a.len(), b.len());
    let changed: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("A new answer."));
}

#[test]
fn editing_the_bundled_deck_saves_a_copy_with_its_id_that_replaces_it() {
    let (_dir, data) = temp_data();
    let library = Library::load(&data, &mut rng());
    let id = library.decks[0].deck().id.to_string();
    let mut draft = open_draft(&library, &id, &mut rng()).unwrap();
    let ids: Vec<CardId> = draft.deck().cards.iter().map(|c| c.id.clone()).collect();
    edit_card(&mut draft, 0, |c| {
        c.front = format!("{} (edited)", c.front).into()
    });
    let outcome = save_draft(&mut draft, &data, false, &mut rng()).unwrap();
    assert_eq!(outcome.path, data.decks().join(format!("{id}.ron")));
    let library = Library::load(&data, &mut rng());
    let entry = library.find(&id).unwrap();
    assert_eq!(entry.origin, DeckOrigin::File(outcome.path.clone()));
    let now: Vec<CardId> = entry.deck().cards.iter().map(|c| c.id.clone()).collect();
    assert_eq!(now, ids, "every card keeps its id");
    assert!(entry.deck().cards[0].front.ends_with("(edited)"));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_unless_asked() {
    let (_dir, data) = temp_data();
    let mut draft = new_deck("Summit", 2);
    let path = save_draft(&mut draft, &data, false, &mut rng())
        .unwrap()
        .path;
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Answer 0.", "Their answer.");
    std::fs::write(&path, &theirs).unwrap();
    edit_card(&mut draft, 1, |c| c.back = "Mine.".into());
    let error = save_draft(&mut draft, &data, false, &mut rng()).unwrap_err();
    assert!(
        matches!(error, AuthoringError::ChangedOnDisk { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("summit.ron"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "untouched");
    assert!(draft.is_dirty());
    save_draft(&mut draft, &data, true, &mut rng()).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("Mine."));
}

#[test]
fn errors_refuse_the_save_and_warnings_do_not() {
    let (_dir, data) = temp_data();
    let mut draft = new_deck("Summit", 2);
    edit_card(&mut draft, 1, |c| c.back = "".into());
    let error = save_draft(&mut draft, &data, false, &mut rng()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "not saved: card 2: Write the answer. Fix what is marked in red, then save again."
    );
    assert!(!data.decks().exists(), "nothing written");
    edit_card(&mut draft, 1, |c| {
        c.back = "Answer 1.".into();
        c.front = "question 0?".into();
        c.choices = vec!["answer 1".into()];
    });
    save_draft(&mut draft, &data, false, &mut rng()).unwrap();
}

#[test]
fn polling_reports_real_changes_once_and_ignores_touches() {
    let (_dir, data) = temp_data();
    let mut draft = new_deck("Summit", 2);
    let path = save_draft(&mut draft, &data, false, &mut rng())
        .unwrap()
        .path;
    assert!(draft.poll_disk(&mut rng()).is_none());
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n")).unwrap();
    std::fs::write(&path, &text).unwrap();
    assert!(
        draft.poll_disk(&mut rng()).is_none(),
        "same bytes: no change"
    );

    std::fs::write(&path, text.replace("Answer 0.", "Theirs.")).unwrap();
    match draft.poll_disk(&mut rng()) {
        Some(DiskCheck::Changed { deck, .. }) => assert_eq!(deck.cards[0].back, "Theirs."),
        other => panic!("{other:?}"),
    }
    assert!(draft.poll_disk(&mut rng()).is_none(), "reported once");

    std::fs::write(&path, "(oops").unwrap();
    assert!(matches!(
        draft.poll_disk(&mut rng()),
        Some(DiskCheck::Unreadable { .. })
    ));
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        draft.poll_disk(&mut rng()),
        Some(DiskCheck::Removed)
    ));
}

#[test]
fn keeping_mine_lets_the_next_save_overwrite_and_loading_theirs_is_clean() {
    let (_dir, data) = temp_data();
    let mut draft = new_deck("Summit", 2);
    let path = save_draft(&mut draft, &data, false, &mut rng())
        .unwrap()
        .path;
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Answer 0.", "Theirs.")).unwrap();
    edit_card(&mut draft, 1, |c| c.back = "Mine.".into());
    let change = draft.poll_disk(&mut rng()).unwrap();
    let mut theirs = draft.clone();
    draft.keep_mine_over(change.bytes());
    save_draft(&mut draft, &data, false, &mut rng()).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("Mine."));

    // The other choice, from the same moment: the file's version, nothing unsaved.
    if let DiskCheck::Changed { deck, bytes } = change {
        theirs.load_from_disk(deck, Some(bytes));
    }
    assert!(!theirs.is_dirty());
    assert_eq!(theirs.deck().cards[0].back, "Theirs.");
}

#[test]
fn opening_a_missing_deck_says_so() {
    let (_dir, data) = temp_data();
    let library = Library::load(&data, &mut rng());
    let error = open_draft(&library, "nope", &mut rng()).unwrap_err();
    assert_eq!(error.to_string(), "no deck \"nope\" in the library");
}
