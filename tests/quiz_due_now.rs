//! "Add missed to today's review" in the core: `study::make_due_now` puts studied cards into
//! today's queue without an answer (memory state, reps and the review log unchanged), leaves
//! never-studied cards new, and survives reopening the deck (the journal record replays).

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::library::Library;
use recap::model::{Rating, Timestamp};
use recap::store::DataDir;
use recap::store::progress::{DeckFiles, DeviceId, Record, answers_in_effect, read_history};
use recap::study::{StudyDeck, make_due_now};

/// 2026-11-28 10:00 UTC.
const START: Timestamp = Timestamp(1_795_860_000_000);
const HOUR: i64 = 3_600_000;

#[test]
fn a_card_made_due_is_in_todays_queue_with_its_memory_unchanged() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let mut library = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let device = DeviceId::new("core-test").unwrap();
    let entry = &mut library.decks[0];
    let deck_id = entry.deck().id.clone();

    // Study one card to Review (Easy graduates a new card), leave the others new.
    let (mut study, _) = StudyDeck::open(&data, entry, device.clone(), START, 0).unwrap();
    let studied = study.current(START).unwrap();
    study.answer(Rating::Easy, START).unwrap();
    let before = study.session().state(&studied);
    assert!(
        before.due.millis() > START.millis() + 24 * HOUR,
        "due in days"
    );
    study.close().unwrap();
    let never = library.decks[0]
        .deck()
        .cards
        .iter()
        .map(|c| c.id.clone())
        .find(|id| *id != studied)
        .unwrap();

    // Later the same day it is not due; making it due puts it in the queue.
    let now = Timestamp(START.millis() + HOUR);
    let (study, _) = StudyDeck::open(&data, &mut library.decks[0], device.clone(), now, 0).unwrap();
    assert_eq!(study.session().counts().review, 0);
    drop(study);
    let made = make_due_now(
        &data,
        &deck_id,
        device.clone(),
        &[studied.clone(), never.clone()],
        now,
    )
    .unwrap();
    assert_eq!(made.rescheduled, vec![studied.clone()]);
    assert_eq!(made.still_new, vec![never.clone()]);

    let (mut study, _) =
        StudyDeck::open(&data, &mut library.decks[0], device.clone(), now, 0).unwrap();
    assert_eq!(study.session().counts().review, 1);
    assert_eq!(
        study.current(now),
        Some(studied.clone()),
        "the due review comes first"
    );
    let after = study.session().state(&studied);
    assert_eq!(after.due, now);
    assert_eq!(after.memory, before.memory);
    assert_eq!(
        (after.reps, after.lapses, after.phase),
        (before.reps, before.lapses, before.phase)
    );
    assert_eq!(after.last_review, before.last_review);
    drop(study);

    // The review log still holds one answer; the reschedule is a record of its own.
    let entries = read_history(&DeckFiles::new(data.progress(), deck_id.clone())).unwrap();
    assert_eq!(answers_in_effect(&entries).len(), 1);
    assert!(
        entries
            .iter()
            .any(|e| matches!(e.record, Record::Reschedule { .. }))
    );

    // Again at once: nothing to write, the card is already due.
    let again = make_due_now(&data, &deck_id, device, &[studied.clone()], now).unwrap();
    assert_eq!(again.already_due, vec![studied]);
}
