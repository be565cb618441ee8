//! Killing the app at any moment loses no acknowledged answer and leaves every file readable.
//!
//! The child is this test binary run again (`crash_child`, ignored in normal runs): it answers
//! cards in a loop, undoes every fifth answer, checkpoints every few records, and prints
//! `ACK <seq>` once each record is durable. The parent kills it with SIGKILL after a random
//! delay, again and again on the same data folder, and after each kill checks that reloading
//! finds every acknowledged record and that the progress agrees with the history. Another
//! machine's offline answers lie in the same folder, so every run also merges them: a kill
//! during a merge must lose nothing either.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use recap::model::{CardId, DeckId, Rating, Timestamp};
use recap::schedule::{CardState, DeckSettings, Scheduler, fuzz_seed};
use recap::store::progress::{
    DeckFiles, DeviceId, ProgressStore, Record, answers_in_effect, load, read_history,
};
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Set in the child's environment: the data folder to work in.
const CHILD_DIR_VAR: &str = "RECAP_CRASH_CHILD_DIR";
const KILLS: usize = 60;
const CARDS: u64 = 10;
const CHECKPOINT_EVERY: usize = 7;
const DEVICE: &str = "crashdev";
/// A second machine whose answers sit in the same folder (see `other_machines_answers`).
const OTHER_DEVICE: &str = "laptop";
const OTHER_ANSWERS: u64 = 40;

fn files(dir: &Path) -> DeckFiles {
    DeckFiles::new(dir.join("progress"), DeckId::new("crash").unwrap())
}

fn card_for(seq: u64) -> CardId {
    CardId::new(format!("c{}", seq % CARDS)).unwrap()
}

/// The state the scheduler gives (as the study session does), so that replaying the records
/// through the scheduler on load agrees with what was recorded.
fn state_after(card: &CardId, before: &CardState, seq: u64) -> CardState {
    let scheduler = Scheduler::new(&DeckSettings::default()).unwrap();
    let seed = fuzz_seed(card.as_str(), before.reps);
    scheduler.answer(before, Rating::Good, at(seq), seed).state
}

fn at(seq: u64) -> Timestamp {
    Timestamp(1_700_000_000_000 + seq as i64 * 1000)
}

#[test]
#[ignore = "run by sigkill_at_random_moments_loses_no_acknowledged_answer as its child"]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_DIR_VAR) else {
        return;
    };
    let (mut store, _warnings) =
        ProgressStore::open(files(Path::new(&dir)), DeviceId::new(DEVICE).unwrap()).unwrap();
    let mut out = std::io::stdout().lock();
    let mut since_checkpoint = 0;
    for _ in 0..1_000_000 {
        let device = store.device().clone();
        let next = store
            .progress()
            .unwrap()
            .applied
            .get(&device)
            .copied()
            .unwrap_or(0)
            + 1;
        let card = card_for(next);
        let before = store.state(&card).unwrap().cloned().unwrap_or_default();
        let seq = store
            .record_answer(
                card.clone(),
                at(next),
                Rating::Good,
                1500,
                state_after(&card, &before, next),
            )
            .unwrap();
        assert_eq!(seq, next);
        writeln!(out, "ACK {seq}").unwrap();
        out.flush().unwrap();
        if seq % 5 == 0 {
            let undo = store.record_undo(at(seq + 1), seq, card, before).unwrap();
            writeln!(out, "ACK {undo}").unwrap();
            out.flush().unwrap();
        }
        since_checkpoint += 1;
        if since_checkpoint >= CHECKPOINT_EVERY {
            store.checkpoint().unwrap();
            since_checkpoint = 0;
        }
    }
}

/// Runs the child until killed after `delay`; returns the records it acknowledged.
fn run_child_and_kill(dir: &Path, delay: Duration) -> Vec<u64> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR_VAR, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut acked = Vec::new();
        let mut reader = BufReader::new(stdout);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
            // A line cut by the kill has no newline: that record was not acknowledged.
            let text = String::from_utf8_lossy(&line);
            if let Some(seq) = text.strip_prefix("ACK ").and_then(|t| t.strip_suffix('\n')) {
                acked.push(seq.parse().unwrap());
            }
            line.clear();
        }
        acked
    });
    std::thread::sleep(delay);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap()
}

/// Everything on disk parses, holds every acknowledged record, and the progress shows for
/// each card the state of its latest record.
fn check_after_kill(dir: &Path, acknowledged: &BTreeSet<u64>) {
    let files = files(dir);
    let loaded = load(&files).unwrap_or_else(|e| panic!("progress must load after a kill: {e}"));
    assert!(
        loaded.warnings.len() <= 1,
        "at most the one line being written is torn: {:?}",
        loaded.warnings
    );
    let history = read_history(&files).unwrap();
    let device = DeviceId::new(DEVICE).unwrap();
    let found: BTreeSet<u64> = history
        .iter()
        .filter(|e| e.device == device)
        .map(|e| e.record.seq())
        .collect();
    let missing: Vec<&u64> = acknowledged.difference(&found).collect();
    assert!(missing.is_empty(), "acknowledged records lost: {missing:?}");
    let max = found.iter().max().copied().unwrap_or(0);
    assert_eq!(found.len() as u64, max, "records are numbered without gaps");
    // Every answer still in effect, replayed in time order through the scheduler: what any
    // machine must compute from these files.
    let scheduler = Scheduler::new(&DeckSettings::default()).unwrap();
    let mut expected: HashMap<&CardId, CardState> = HashMap::new();
    for entry in answers_in_effect(&history) {
        let Record::Answer {
            card, at, rating, ..
        } = &entry.record
        else {
            continue;
        };
        let before = expected.get(card).cloned().unwrap_or_default();
        let seed = fuzz_seed(card.as_str(), before.reps);
        expected.insert(card, scheduler.answer(&before, *rating, *at, seed).state);
    }
    for (card, state) in expected {
        assert_eq!(
            loaded.progress.cards.get(card),
            Some(&state),
            "card {card} disagrees with its history"
        );
    }
    let other = DeviceId::new(OTHER_DEVICE).unwrap();
    let others = history.iter().filter(|e| e.device == other).count();
    assert_eq!(
        others, OTHER_ANSWERS as usize,
        "the other machine's answers are all kept"
    );
}

/// Another machine's answers on the same cards, made offline at times between the child's,
/// left in its journal: every run of the child merges them while it is being killed.
fn other_machines_answers(dir: &Path) {
    let (mut store, _) =
        ProgressStore::open(files(dir), DeviceId::new(OTHER_DEVICE).unwrap()).unwrap();
    let scheduler = Scheduler::new(&DeckSettings::default()).unwrap();
    for n in 0..OTHER_ANSWERS {
        let card = card_for(n * 3);
        let when = Timestamp(at(n * 3).millis() + 500);
        let before = store.state(&card).unwrap().cloned().unwrap_or_default();
        let seed = fuzz_seed(card.as_str(), before.reps);
        let state = scheduler.answer(&before, Rating::Hard, when, seed).state;
        store
            .record_answer(card, when, Rating::Hard, 900, state)
            .unwrap();
    }
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_answer() {
    let dir = tempfile::tempdir().unwrap();
    other_machines_answers(dir.path());
    let mut rng = StdRng::seed_from_u64(2024);
    let mut acknowledged = BTreeSet::new();
    let started = Instant::now();
    for kill in 0..KILLS {
        let delay = Duration::from_millis(rng.random_range(5..150));
        let acked = run_child_and_kill(dir.path(), delay);
        acknowledged.extend(acked);
        check_after_kill(dir.path(), &acknowledged);
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "too slow at kill {kill}"
        );
    }
    eprintln!(
        "{KILLS} kills in {:.1} s; {} records acknowledged in all",
        started.elapsed().as_secs_f64(),
        acknowledged.len()
    );
    assert!(
        acknowledged.len() > KILLS,
        "the child made progress between kills"
    );
}
