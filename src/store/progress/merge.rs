//! Merging answers from several machines into one progress, the same on every machine.
//!
//! Every device appends only to its own journal and history, so a shared data folder holds the
//! union of all answers. A card's state is a pure function of that card's records, folded in
//! the order (time, device, number): an answer is replayed through the scheduler from the state
//! before it, an undo takes its answer out, a reschedule moves the due time. Every machine that
//! sees the same records therefore computes the same state, whatever order the files arrived in.
//!
//! The snapshot is a cache of that fold. Records it does not cover are appended to it when they
//! are all newer than what the card's snapshot state already reflects; otherwise (another
//! machine's older answers arrived late, an undo of an answer the snapshot includes, a conflict
//! copy disagreeing with the original) the card is folded again from its full history, which
//! histories keep forever.

use super::device::DeviceId;
use super::history::Entry;
use super::record::{Record, Seq};
use super::snapshot::Snapshot;
use crate::model::{CardId, Rating, Timestamp};
use crate::schedule::{CardState, Scheduler, fuzz_seed};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A record read from a file, and whether that file was a sync tool's conflict copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub entry: Entry,
    pub from_copy: bool,
}

/// Replays an answer: the card's state after `rating` at `at`, from `before`. The scheduler of
/// the deck's settings, with the same fuzz seed the study session uses, so a replayed answer
/// gives exactly the state the session recorded when nothing came between.
pub struct Replay {
    scheduler: Option<Scheduler>,
}

impl Replay {
    pub fn for_settings(progress: &Snapshot) -> Replay {
        Replay {
            scheduler: Scheduler::new(&progress.settings).ok(),
        }
    }

    fn answer(
        &self,
        card: &CardId,
        before: &CardState,
        rating: Rating,
        at: Timestamp,
        recorded: &CardState,
    ) -> CardState {
        match &self.scheduler {
            Some(scheduler) => {
                let seed = fuzz_seed(card.as_str(), before.reps);
                scheduler.answer(before, rating, at, seed).state
            }
            // Settings that make no scheduler cannot come from this app; keep what was saved.
            None => recorded.clone(),
        }
    }
}

/// What merging found, for the caller's message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records applied that this snapshot did not include yet.
    pub applied: usize,
    /// Cards folded again from their full history.
    pub refolded: usize,
}

/// Applies `candidates` (records from every journal, history tail and conflict copy; covered
/// and repeated ones are fine) to `progress`. `full_history` is asked only when a card must be
/// folded again; it returns every record of the deck from every file.
pub fn merge<E>(
    progress: &mut Snapshot,
    candidates: Vec<Candidate>,
    full_history: impl FnOnce() -> Result<Vec<Candidate>, E>,
) -> Result<MergeReport, E> {
    let (pending, suspect_cards) = pending_records(&progress.applied, candidates);
    if pending.is_empty() && suspect_cards.is_empty() {
        return Ok(MergeReport::default());
    }
    let replay = Replay::for_settings(progress);
    let mut dirty = suspect_cards;
    dirty.extend(out_of_order_cards(progress, &pending));
    let mut report = MergeReport {
        applied: pending.len(),
        refolded: 0,
    };
    if !dirty.is_empty() {
        let history = distinct(full_history()?);
        report.refolded = refold(progress, &history, &dirty, &replay);
    }
    let appended: Vec<&Entry> = pending
        .iter()
        .filter(|e| !dirty.contains(e.record.card()))
        .collect();
    fold_onto(progress, &appended, &replay);
    for entry in &pending {
        note_applied(progress, &entry.device, entry.record.seq());
    }
    Ok(report)
}

/// Whether [`merge`] would change a snapshot that includes the records numbered up to
/// `applied` (per device): false when every candidate is covered and none is suspect. Then the
/// snapshot's cards need not even be read.
pub fn anything_to_merge(applied: &BTreeMap<DeviceId, Seq>, candidates: &[Candidate]) -> bool {
    let (pending, suspect) = pending_records(applied, candidates.to_vec());
    !(pending.is_empty() && suspect.is_empty())
}

/// The records a snapshot that includes `applied` does not include, each once, in fold order; and the cards whose
/// records disagree between a file and its conflict copy (the same device and number, another
/// answer: a device id used on two machines), which must be folded again.
fn pending_records(
    applied: &BTreeMap<DeviceId, Seq>,
    candidates: Vec<Candidate>,
) -> (Vec<Entry>, HashSet<CardId>) {
    let mut by_key: BTreeMap<(DeviceId, Seq), Vec<Candidate>> = BTreeMap::new();
    for candidate in candidates {
        let key = (candidate.entry.device.clone(), candidate.entry.record.seq());
        let same = by_key.entry(key).or_default();
        if !same
            .iter()
            .any(|c| c.entry.record == candidate.entry.record)
        {
            same.push(candidate);
        }
    }
    let mut pending = Vec::new();
    let mut suspect = HashSet::new();
    for ((device, seq), variants) in by_key {
        let covered = seq <= applied.get(&device).copied().unwrap_or(0);
        let copy_only = variants.iter().all(|c| c.from_copy);
        if variants.len() > 1 || (covered && copy_only) {
            // Two answers under one number, or a copy's record the snapshot may not hold.
            suspect.extend(variants.iter().map(|c| c.entry.record.card().clone()));
        }
        if !covered {
            pending.extend(variants.into_iter().map(|c| c.entry));
        }
    }
    sort_for_fold(&mut pending);
    (pending, suspect)
}

/// Cards with a pending record that does not simply come after the card's snapshot state: one
/// older than the last answer or due time the snapshot holds (the due time stands in for a
/// reschedule, which moves only it), or an undo of an answer the snapshot already includes.
fn out_of_order_cards(progress: &Snapshot, pending: &[Entry]) -> HashSet<CardId> {
    let pending_answers: HashSet<(&DeviceId, Seq)> = pending
        .iter()
        .filter(|e| matches!(e.record, Record::Answer { .. }))
        .map(|e| (&e.device, e.record.seq()))
        .collect();
    pending
        .iter()
        .filter(|entry| {
            let record = &entry.record;
            let late = progress
                .cards
                .get(record.card())
                .is_some_and(|base| record.at() < reflected_until(base));
            let undoes_covered = match record {
                Record::Undo { undoes, .. } => !pending_answers.contains(&(&entry.device, *undoes)),
                _ => false,
            };
            late || undoes_covered
        })
        .map(|entry| entry.record.card().clone())
        .collect()
}

/// The latest moment a snapshot state may reflect: its last answer, or its due time when that
/// is later (conservative: a card answered before it was due is folded again, never wrongly).
fn reflected_until(state: &CardState) -> Timestamp {
    state
        .last_review
        .unwrap_or(Timestamp(i64::MIN))
        .max(state.due)
}

/// Folds each card of `dirty` from nothing over all its records in `history`; a card whose
/// history holds none of the records its snapshot state came from (a history lost or set
/// aside) keeps that state and gets only the newer records. Returns how many were folded.
fn refold(
    progress: &mut Snapshot,
    history: &[Entry],
    dirty: &HashSet<CardId>,
    replay: &Replay,
) -> usize {
    let mut per_card: HashMap<&CardId, Vec<&Entry>> = HashMap::new();
    for entry in history.iter().filter(|e| dirty.contains(e.record.card())) {
        per_card.entry(entry.record.card()).or_default().push(entry);
    }
    for (card, entries) in &per_card {
        let covered =
            |e: &&Entry| e.record.seq() <= progress.applied.get(&e.device).copied().unwrap_or(0);
        let history_complete = entries.iter().any(covered) || !progress.cards.contains_key(*card);
        let from: Vec<&Entry> = if history_complete {
            progress.cards.remove(*card);
            entries.clone()
        } else {
            entries.iter().filter(|e| !covered(e)).copied().collect()
        };
        fold_onto(progress, &from, replay);
    }
    per_card.len()
}

/// Applies `entries` (in fold order) to the cards' current states.
fn fold_onto(progress: &mut Snapshot, entries: &[&Entry], replay: &Replay) {
    let answers: HashSet<(&DeviceId, Seq)> = entries
        .iter()
        .filter(|e| matches!(e.record, Record::Answer { .. }))
        .map(|e| (&e.device, e.record.seq()))
        .collect();
    let undone: HashSet<(&DeviceId, Seq, &CardId)> = entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::Undo { undoes, card, .. } => Some((&e.device, *undoes, card)),
            _ => None,
        })
        .collect();
    for entry in entries {
        match &entry.record {
            Record::Answer {
                seq,
                card,
                at,
                rating,
                state,
                ..
            } => {
                if !undone.contains(&(&entry.device, *seq, card)) {
                    let before = progress.cards.get(card).cloned().unwrap_or_default();
                    let after = replay.answer(card, &before, *rating, *at, state);
                    progress.cards.insert(card.clone(), after);
                }
            }
            Record::Reschedule { card, state, .. } => {
                let mut current = progress
                    .cards
                    .get(card)
                    .cloned()
                    .unwrap_or_else(|| state.clone());
                current.due = state.due;
                progress.cards.insert(card.clone(), current);
            }
            Record::Undo {
                undoes,
                card,
                restored,
                ..
            } => {
                // When the answer it takes back is not among these records (the snapshot
                // included it and its history is gone), its recorded "before" state is the
                // best there is; otherwise that answer was simply skipped above.
                if !answers.contains(&(&entry.device, *undoes)) {
                    progress.cards.insert(card.clone(), restored.clone());
                }
            }
        }
    }
}

/// Applies a record this device just wrote. It normally comes after everything the card's
/// state reflects, and takes the state it carries; when it is older than the card's last
/// answer (another machine's clock runs ahead and its later answers are already in), the card
/// is folded again from its whole history so that it agrees with what every machine computes.
pub fn apply_own<E>(
    progress: &mut Snapshot,
    device: &DeviceId,
    record: &Record,
    full_history: impl FnOnce() -> Result<Vec<Candidate>, E>,
) -> Result<(), E> {
    let card = record.card();
    let behind = progress
        .cards
        .get(card)
        .and_then(|state| state.last_review)
        .is_some_and(|last| record.at() < last);
    note_applied(progress, device, record.seq());
    if behind {
        let history = distinct(full_history()?);
        let replay = Replay::for_settings(progress);
        refold(progress, &history, &HashSet::from([card.clone()]), &replay);
    } else {
        progress
            .cards
            .insert(card.clone(), record.resulting_state().clone());
    }
    Ok(())
}

fn note_applied(progress: &mut Snapshot, device: &DeviceId, seq: Seq) {
    let applied = progress.applied.entry(device.clone()).or_insert(0);
    *applied = (*applied).max(seq);
}

/// Each record once (the same record may sit in a journal, a history and a copy), in fold
/// order.
fn distinct(candidates: Vec<Candidate>) -> Vec<Entry> {
    let mut seen: HashMap<(DeviceId, Seq), Vec<Record>> = HashMap::new();
    let mut entries = Vec::new();
    for Candidate { entry, .. } in candidates {
        let same = seen
            .entry((entry.device.clone(), entry.record.seq()))
            .or_default();
        if !same.contains(&entry.record) {
            same.push(entry.record.clone());
            entries.push(entry);
        }
    }
    sort_for_fold(&mut entries);
    entries
}

/// Time, then device, then number; two different records under one device and number (from a
/// conflict copy) are ordered by their text, so every machine folds them the same way.
fn sort_for_fold(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        (a.record.at(), &a.device, a.record.seq())
            .cmp(&(b.record.at(), &b.device, b.record.seq()))
            .then_with(|| {
                if a.record == b.record {
                    std::cmp::Ordering::Equal
                } else {
                    a.record.to_line().cmp(&b.record.to_line())
                }
            })
    });
}
