//! The daily limits count today's answers from the end of the deck's logs: a long history costs
//! no more than a short one, and the counts are those a full read gives.

use recap::model::{CardId, DeckId, MS_PER_DAY, Rating, Timestamp};
use recap::schedule::{CardState, Phase};
use recap::store::progress::{DeckFiles, DeviceId, Record, read_history, read_recent};
use recap::study::{StudiedToday, studied_in_logs, studied_since};
use std::io::Write;

/// 2026-11-28 04:00 UTC: the study day starts.
const DAY_START: Timestamp = Timestamp(1_795_838_400_000);

/// `days` days of answers, 100 a day, on 400 cards, ending 10 hours into today; each with the
/// phase before it when `with_phase` (records written since the field exists).
fn history(files: &DeckFiles, device: &DeviceId, days: i64, with_phase: bool) {
    let mut out = std::fs::File::create(files.history(device)).unwrap();
    let mut phases = std::collections::HashMap::new();
    let first = DAY_START.0 - days * MS_PER_DAY;
    for n in 0..days * 100 + 42 {
        let at = Timestamp(first + n * MS_PER_DAY / 100);
        let card = CardId::new(format!("c{}", n % 400)).unwrap();
        let before = phases.get(&card).copied().unwrap_or(Phase::New);
        let phase = if n % 7 == 0 {
            Phase::Relearning
        } else {
            Phase::Review
        };
        phases.insert(card.clone(), phase);
        let record = Record::Answer {
            seq: n as u64 + 1,
            card,
            at,
            rating: Rating::Good,
            took_ms: 3000,
            state: CardState {
                phase,
                reps: 1 + (n / 400) as u32,
                ..CardState::default()
            },
            from: with_phase.then_some(before),
        };
        out.write_all(record.to_line().as_bytes()).unwrap();
    }
}

fn files() -> (tempfile::TempDir, DeckFiles, DeviceId) {
    let dir = tempfile::tempdir().unwrap();
    let files = DeckFiles::new(dir.path(), DeckId::new("d").unwrap());
    (dir, files, DeviceId::new("laptop").unwrap())
}

#[test]
fn today_is_counted_from_the_end_of_a_long_history_as_a_full_read_counts_it() {
    let (_dir, files, device) = files();
    history(&files, &device, 365, true);
    let full = studied_since(&read_history(&files).unwrap(), DAY_START);
    assert!(full.reviews > 30, "{full:?}");
    assert_eq!(studied_in_logs(&files, DAY_START).unwrap(), full);
    let recent = read_recent(&files, Timestamp(DAY_START.0 - MS_PER_DAY))
        .unwrap()
        .unwrap();
    assert!(
        recent.len() < 1_000,
        "{} records read of 36,542: only the end",
        recent.len()
    );
}

#[test]
fn answers_written_before_they_carried_their_phase_are_counted_from_the_whole_history() {
    let (_dir, files, device) = files();
    history(&files, &device, 30, false);
    let full = studied_since(&read_history(&files).unwrap(), DAY_START);
    assert_ne!(full, StudiedToday::default());
    assert_eq!(studied_in_logs(&files, DAY_START).unwrap(), full);
}

#[test]
fn a_damaged_line_far_back_is_not_read_and_one_at_the_end_is_reported() {
    let (_dir, files, device) = files();
    history(&files, &device, 60, true);
    let path = files.history(&device);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[10] = "Answer(seq:11,card:\"c10\",damaged";
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let full_without_line = studied_in_logs(&files, DAY_START).unwrap();
    assert!(full_without_line.reviews > 0);

    let near_the_end = lines.len() - 5;
    lines[near_the_end] = "Answer(seq:?)";
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let error = studied_in_logs(&files, DAY_START).unwrap_err().to_string();
    assert!(error.contains("history"), "{error}");
}

#[test]
fn the_recent_records_are_the_end_of_the_history_whatever_the_pieces_and_a_torn_line() {
    let (_dir, files, device) = files();
    history(&files, &device, 30, true);
    let path = files.history(&device);
    let mut log = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    log.write_all(b"Answer(seq:99999,card:\"c1\",at:").unwrap();
    drop(log);
    let all: Vec<Record> = read_history(&files)
        .unwrap()
        .into_iter()
        .map(|e| e.record)
        .collect();
    // Back to a record in every 64 kB piece of the file (each piece is read once).
    for back in [0, 1, 99, 100, 350, 1_000, 2_999, 3_041] {
        let since = all[all.len() - 1 - back].at();
        let recent: Vec<Record> = read_recent(&files, since)
            .unwrap()
            .unwrap()
            .into_iter()
            .map(|e| e.record)
            .collect();
        let first_older = all.iter().rposition(|r| r.at() < since);
        let expected = &all[first_older.unwrap_or(0)..];
        assert_eq!(recent, expected, "{back} back");
    }
}
