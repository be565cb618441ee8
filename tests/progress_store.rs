//! Progress files: snapshot + journal round trips, replay, undo, torn lines, corruption,
//! trimming into the history, several devices, cards leaving the deck.

use recap::model::{CardId, DeckId, Rating, Timestamp};
use recap::schedule::{CardState, DeckSettings, MemoryState, Phase, Scheduler, fuzz_seed};
use recap::store::progress::{
    DeckFiles, DeviceId, DeviceRegistry, ProgressError, ProgressStore, Record, answers_in_effect,
    load, read_history, set_aside,
};
use std::fs;
use std::path::Path;

fn card(id: &str) -> CardId {
    CardId::new(id).unwrap()
}

fn device(id: &str) -> DeviceId {
    DeviceId::new(id).unwrap()
}

fn files(dir: &Path) -> DeckFiles {
    DeckFiles::new(dir.join("progress"), DeckId::new("news").unwrap())
}

/// A state that differs for every `n`, with float fields that must survive the round trip.
fn state(n: u32) -> CardState {
    CardState {
        phase: if n % 2 == 0 {
            Phase::Review
        } else {
            Phase::Learning
        },
        step: n % 3,
        memory: Some(MemoryState {
            stability: 1.0 + n as f32 / 7.0,
            difficulty: 5.123_456,
        }),
        due: Timestamp(1_700_000_000_000 + i64::from(n) * 60_000),
        last_review: Some(Timestamp(1_700_000_000_000)),
        reps: n,
        lapses: n / 4,
    }
}

/// The state the app records when `id` is answered `rating` at `when` after `before`: the
/// scheduler's, as the study session computes it. Loading replays answers through the
/// scheduler, so recorded states must be ones it gives.
fn after(before: Option<&CardState>, id: &str, when: Timestamp, rating: Rating) -> CardState {
    let before = before.cloned().unwrap_or_default();
    let scheduler = Scheduler::new(&DeckSettings::default()).unwrap();
    scheduler
        .answer(&before, rating, when, fuzz_seed(id, before.reps))
        .state
}

/// Records an answer the way the app does; returns its number and the state it recorded.
fn answer(
    store: &mut ProgressStore,
    id: &str,
    when: Timestamp,
    rating: Rating,
) -> (u64, CardState) {
    let state = after(store.state(&card(id)).unwrap(), id, when, rating);
    let seq = store
        .record_answer(card(id), when, rating, 1, state.clone())
        .unwrap();
    (seq, state)
}

fn at(minute: i64) -> Timestamp {
    Timestamp(1_700_000_000_000 + minute * 60_000)
}

fn open(files: &DeckFiles, id: &str) -> ProgressStore {
    let (store, warnings) = ProgressStore::open(files.clone(), device(id)).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    store
}

#[test]
fn answers_survive_reopening_with_and_without_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    let (seq, a1) = answer(&mut store, "a", at(0), Rating::Good);
    assert_eq!(seq, 1);
    let (seq, b1) = answer(&mut store, "b", at(1), Rating::Again);
    assert_eq!(seq, 2);
    drop(store); // no checkpoint: the journal alone must carry the answers

    let loaded = load(&files).unwrap();
    assert_eq!(loaded.progress.cards[&card("a")], a1);
    assert_eq!(loaded.progress.cards[&card("b")], b1);

    let mut store = open(&files, "laptop");
    assert_eq!(store.state(&card("b")).unwrap(), Some(&b1));
    let settings = DeckSettings {
        desired_retention: 0.85,
        parameters: Some(vec![0.2; 21]),
        ..DeckSettings::default()
    };
    store.set_settings(settings.clone()).unwrap();
    let a2 = state(3);
    assert_eq!(
        store
            .record_answer(card("a"), at(2), Rating::Easy, 1000, a2.clone())
            .unwrap(),
        3
    );
    store.close().unwrap();

    let loaded = load(&files).unwrap();
    assert_eq!(loaded.progress.settings, settings);
    assert_eq!(
        loaded.progress.cards[&card("a")],
        a2,
        "a closed store's snapshot is read as written"
    );
    assert_eq!(loaded.progress.applied[&device("laptop")], 3);
    assert_eq!(
        fs::read_to_string(files.journal(&device("laptop"))).unwrap(),
        ""
    );
}

#[test]
fn journal_records_after_the_snapshot_are_replayed_and_covered_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    let (_, a1) = answer(&mut store, "a", at(0), Rating::Good);
    store.checkpoint().unwrap();
    let (_, a2) = answer(&mut store, "a", at(11), Rating::Good);
    drop(store);
    // The snapshot says seq 1 is in; a copy of record 1 left in the journal (a crash before
    // the trim) must not take the card back to state 1.
    let journal = files.journal(&device("laptop"));
    let stale = Record::Answer {
        seq: 1,
        card: card("a"),
        at: at(0),
        rating: Rating::Good,
        took_ms: 1,
        state: a1,
        from: None,
    };
    let text = fs::read_to_string(&journal).unwrap();
    fs::write(&journal, stale.to_line() + &text).unwrap();
    let loaded = load(&files).unwrap();
    assert_eq!(loaded.progress.cards[&card("a")], a2);
    assert_eq!(loaded.progress.applied[&device("laptop")], 2);
}

#[test]
fn undo_restores_the_recorded_previous_state() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    let (_, a1) = answer(&mut store, "a", at(0), Rating::Good);
    let (second, _) = answer(&mut store, "a", at(1), Rating::Again);
    store
        .record_undo(at(2), second, card("a"), a1.clone())
        .unwrap();
    assert_eq!(store.state(&card("a")).unwrap(), Some(&a1));
    drop(store);
    assert_eq!(load(&files).unwrap().progress.cards[&card("a")], a1);

    let history = read_history(&files).unwrap();
    assert_eq!(history.len(), 3);
    let kept: Vec<u64> = answers_in_effect(&history)
        .iter()
        .map(|e| e.record.seq())
        .collect();
    assert_eq!(kept, vec![1]);
}

#[test]
fn a_torn_last_line_is_skipped_with_a_warning_and_cut_before_the_next_append() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    let (_, a1) = answer(&mut store, "a", at(0), Rating::Good);
    drop(store);
    let journal = files.journal(&device("laptop"));
    let torn = Record::Answer {
        seq: 2,
        card: card("a"),
        at: at(1),
        rating: Rating::Good,
        took_ms: 1,
        state: after(Some(&a1), "a", at(1), Rating::Good),
        from: None,
    };
    let line = torn.to_line();
    let mut bytes = fs::read(&journal).unwrap();
    bytes.extend_from_slice(&line.as_bytes()[..line.len() / 2]);
    fs::write(&journal, &bytes).unwrap();

    let loaded = load(&files).unwrap();
    assert_eq!(loaded.progress.cards[&card("a")], a1);
    assert_eq!(loaded.warnings.len(), 1);
    let warning = loaded.warnings[0].to_string();
    assert!(warning.contains("news.laptop.journal.ron:2:1"), "{warning}");
    assert_eq!(
        fs::read(&journal).unwrap(),
        bytes,
        "loading changes nothing"
    );

    let (mut store, warnings) = ProgressStore::open(files.clone(), device("laptop")).unwrap();
    assert_eq!(warnings.len(), 1);
    let (seq, b1) = answer(&mut store, "b", at(2), Rating::Hard);
    assert_eq!(seq, 2);
    drop(store);
    let loaded = load(&files).unwrap();
    assert!(loaded.warnings.is_empty());
    assert_eq!(loaded.progress.cards[&card("b")], b1);
}

#[test]
fn an_unparsable_last_complete_line_is_also_a_torn_line() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    let (_, a1) = answer(&mut store, "a", at(0), Rating::Good);
    drop(store);
    let journal = files.journal(&device("laptop"));
    let mut bytes = fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"\0\0\0\0\n");
    fs::write(&journal, &bytes).unwrap();
    let loaded = load(&files).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.progress.cards[&card("a")], a1);
}

#[test]
fn a_corrupt_middle_line_is_reported_with_its_place_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    for n in 1..=3 {
        store
            .record_answer(card("a"), at(n.into()), Rating::Good, 1, state(n))
            .unwrap();
    }
    drop(store);
    let journal = files.journal(&device("laptop"));
    let text = fs::read_to_string(&journal).unwrap();
    let damaged =
        text.replacen("rating:Good", "rating:Goood", 2)
            .replacen("rating:Goood", "rating:Good", 1);
    fs::write(&journal, &damaged).unwrap();
    let before = fs::read(&journal).unwrap();

    let error = load(&files).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, ProgressError::Corrupt { .. }));
    assert!(message.contains("news.laptop.journal.ron:2:"), "{message}");
    assert!(message.contains("Hint:"), "{message}");
    assert_eq!(error.corrupt_file(), Some(journal.as_path()));
    let error = ProgressStore::open(files.clone(), device("laptop")).unwrap_err();
    assert!(matches!(error, ProgressError::Corrupt { .. }));
    assert_eq!(
        fs::read(&journal).unwrap(),
        before,
        "the damaged file is left as it was"
    );
}

#[test]
fn a_corrupt_snapshot_is_reported_and_left_alone_and_can_be_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    store
        .record_answer(card("a"), at(0), Rating::Good, 1, state(1))
        .unwrap();
    store.close().unwrap();
    let snapshot = files.snapshot();
    let damaged = fs::read_to_string(&snapshot)
        .unwrap()
        .replace("phase:Learning", "phase:Lerning");
    fs::write(&snapshot, &damaged).unwrap();

    let error = ProgressStore::open(files.clone(), device("laptop")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{}:", snapshot.display())),
        "{message}"
    );
    assert!(message.contains(":7:"), "the card is on line 7: {message}");
    assert_eq!(fs::read_to_string(&snapshot).unwrap(), damaged);

    let aside = set_aside(&snapshot, Timestamp(1234)).unwrap();
    assert_eq!(aside.file_name().unwrap(), "news.ron.corrupt-1234");
    assert_eq!(fs::read_to_string(&aside).unwrap(), damaged);
    assert!(!snapshot.exists());
    // Setting aside twice at the same moment never replaces the first.
    fs::write(&snapshot, "x").unwrap();
    let second = set_aside(&snapshot, Timestamp(1234)).unwrap();
    assert_ne!(second, aside);
    assert_eq!(fs::read_to_string(&aside).unwrap(), damaged);
    // Without the snapshot the deck opens again; the history still holds the answer.
    ProgressStore::open(files.clone(), device("laptop")).unwrap();
    assert_eq!(read_history(&files).unwrap().len(), 1);
}

#[test]
fn trimming_moves_records_to_the_history_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    for n in 1..=5 {
        store
            .record_answer(card("a"), at(n.into()), Rating::Good, 1, state(n))
            .unwrap();
    }
    store.checkpoint().unwrap();
    for n in 6..=8 {
        store
            .record_answer(card("b"), at(n.into()), Rating::Good, 1, state(n))
            .unwrap();
    }
    // A crash after the history append but before the journal is emptied: simulate by
    // putting the history's records back into the journal too.
    let history_path = files.history(&device("laptop"));
    let history_text = fs::read_to_string(&history_path).unwrap();
    assert_eq!(history_text.lines().count(), 5);
    drop(store);

    let seqs = |files: &DeckFiles| -> Vec<u64> {
        read_history(files)
            .unwrap()
            .iter()
            .map(|e| e.record.seq())
            .collect()
    };
    assert_eq!(seqs(&files), (1..=8).collect::<Vec<_>>());

    let mut store = open(&files, "laptop");
    store.checkpoint().unwrap();
    // Checkpoint again with records already in the history: none is written twice.
    let journal = files.journal(&device("laptop"));
    fs::write(
        &journal,
        history_text
            .lines()
            .skip(3)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    )
    .unwrap();
    drop(store);
    let mut store = open(&files, "laptop");
    store.checkpoint().unwrap();
    assert_eq!(
        fs::read_to_string(&history_path).unwrap().lines().count(),
        8
    );
    assert_eq!(seqs(&files), (1..=8).collect::<Vec<_>>());
    assert_eq!(
        store
            .record_answer(card("c"), at(9), Rating::Good, 1, state(9))
            .unwrap(),
        9
    );
}

#[test]
fn two_devices_journals_are_merged_in_time_order() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut laptop = open(&files, "laptop");
    let mut desktop = open(&files, "desktop");
    // Offline: each machine answers card a without seeing the other's answers.
    answer(&mut laptop, "a", at(0), Rating::Good);
    answer(&mut desktop, "a", at(5), Rating::Good);
    answer(&mut laptop, "a", at(3), Rating::Hard);
    let (_, b1) = answer(&mut desktop, "b", at(1), Rating::Easy);
    drop((laptop, desktop));

    let loaded = load(&files).unwrap();
    // Every answer counts, replayed in time order: Good at 0, Hard at 3, Good at 5.
    let a = after(None, "a", at(0), Rating::Good);
    let a = after(Some(&a), "a", at(3), Rating::Hard);
    let a = after(Some(&a), "a", at(5), Rating::Good);
    assert_eq!(loaded.progress.cards[&card("a")], a);
    assert_eq!(loaded.progress.cards[&card("a")].reps, 3);
    assert_eq!(loaded.progress.cards[&card("b")], b1);
    let order: Vec<(String, u64)> = read_history(&files)
        .unwrap()
        .iter()
        .map(|e| (e.device.to_string(), e.record.seq()))
        .collect();
    let expected = [("laptop", 1), ("desktop", 2), ("laptop", 2), ("desktop", 1)];
    assert_eq!(order, expected.map(|(d, s)| (d.to_string(), s)));
}

#[test]
fn a_removed_cards_state_is_kept_and_new_cards_have_none() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut store = open(&files, "laptop");
    store
        .record_answer(card("gone"), at(0), Rating::Good, 1, state(7))
        .unwrap();
    store
        .record_answer(card("stays"), at(1), Rating::Good, 1, state(8))
        .unwrap();
    store.close().unwrap();
    // The deck loses card "gone" and gains "fresh"; studying goes on for a while.
    let mut store = open(&files, "laptop");
    store
        .record_answer(card("stays"), at(2), Rating::Good, 1, state(9))
        .unwrap();
    assert_eq!(store.state(&card("fresh")).unwrap(), None);
    store.close().unwrap();
    let loaded = load(&files).unwrap();
    assert_eq!(
        loaded.progress.cards[&card("gone")],
        state(7),
        "it comes back if the card returns"
    );
    assert_eq!(loaded.progress.cards.len(), 2);
}

#[test]
fn a_second_writer_for_the_same_journal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let _first = open(&files, "laptop");
    let error = ProgressStore::open(files.clone(), device("laptop")).unwrap_err();
    assert!(matches!(error, ProgressError::InUse { .. }), "{error}");
}

#[test]
fn the_device_id_lives_outside_the_data_folder_and_is_stable() {
    if std::env::var(recap::store::progress::DEVICE_ID_VAR).is_ok() {
        return; // the override is in force for this whole process
    }
    let dir = tempfile::tempdir().unwrap();
    let registry = DeviceRegistry::at(dir.path().join("machine").join("devices.ron"));
    let data = dir.path().join("data");
    let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(1);
    let first = registry.device_for(&data, &mut rng).unwrap();
    let again = registry.device_for(&data, &mut rng).unwrap();
    assert_eq!(first, again);
    let other = registry
        .device_for(&dir.path().join("other"), &mut rng)
        .unwrap();
    assert_ne!(first, other);
    assert!(registry.file().exists());
    assert_eq!(
        fs::read_dir(&data).unwrap().count(),
        0,
        "nothing is written into the data folder"
    );
}

/// Timing figures for the note; run in release:
/// `cargo test --release --test progress_store -- --ignored --nocapture timing`.
#[test]
#[ignore = "timing, for release builds"]
fn timing_of_a_100k_card_snapshot_and_of_durable_answers() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let mut snapshot = recap::store::progress::Snapshot::empty(files.deck().clone());
    for n in 0..100_000u32 {
        let mut card_state = state(n);
        card_state.phase = [
            Phase::New,
            Phase::Learning,
            Phase::Review,
            Phase::Relearning,
        ][n as usize % 4];
        snapshot.cards.insert(card(&format!("c{n:06}")), card_state);
    }
    let best = |runs: usize, mut f: Box<dyn FnMut()>| -> Duration {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let text = snapshot.to_text();
    fs::create_dir_all(files.folder()).unwrap();
    fs::write(files.snapshot(), &text).unwrap();
    let to_text = best(
        3,
        Box::new(|| {
            snapshot.to_text();
        }),
    );
    let files_load = files.clone();
    let load_time = best(
        5,
        Box::new(move || {
            assert_eq!(load(&files_load).unwrap().progress.cards.len(), 100_000);
        }),
    );
    let (mut store, _) = ProgressStore::open(files.clone(), device("laptop")).unwrap();
    let checkpoint = Instant::now();
    store.checkpoint().unwrap();
    let checkpoint = checkpoint.elapsed();

    let mut per_answer: Vec<Duration> = (0..1000u32)
        .map(|n| {
            let t = Instant::now();
            store
                .record_answer(
                    card(&format!("c{:06}", n * 97 % 100_000)),
                    at(n.into()),
                    Rating::Good,
                    3000,
                    state(n),
                )
                .unwrap();
            t.elapsed()
        })
        .collect();
    per_answer.sort();
    let mean = per_answer.iter().sum::<Duration>() / per_answer.len() as u32;
    let mut raw = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.path().join("raw"))
        .unwrap();
    let mut raw_fsync: Vec<Duration> = (0..1000)
        .map(|_| {
            let t = Instant::now();
            std::io::Write::write_all(&mut raw, b"x\n").unwrap();
            raw.sync_data().unwrap();
            t.elapsed()
        })
        .collect();
    raw_fsync.sort();
    eprintln!(
        "snapshot of 100,000 cards: {:.1} MB",
        text.len() as f64 / 1e6
    );
    eprintln!(
        "  to text: {to_text:?}; load (read + parse + replay): {load_time:?}; checkpoint (write + fsync + trim): {checkpoint:?}"
    );
    eprintln!(
        "answer incl. fsync: mean {mean:?}, median {:?}, p99 {:?}; bare write+fdatasync: median {:?}, p99 {:?}",
        per_answer[500], per_answer[990], raw_fsync[500], raw_fsync[990]
    );
}
