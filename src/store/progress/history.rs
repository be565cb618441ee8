//! The review log of a deck: every answer and undo any device ever wrote, for statistics and
//! the parameter optimizer.

use super::device::DeviceId;
use super::error::ProgressError;
use super::files::DeckFiles;
use super::log_file::read_log;
use super::record::{Record, Seq};
use std::collections::BTreeMap;

/// One record and the device that wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub device: DeviceId,
    pub record: Record,
}

/// Every record in the deck's history and journal files, each once (a crash while trimming
/// can leave a record in both), ordered by time, device, number. Torn last lines are skipped.
///
/// Undone answers are included with the undo that takes them back: see [`answers_in_effect`].
pub fn read_history(files: &DeckFiles) -> Result<Vec<Entry>, ProgressError> {
    let mut unique: BTreeMap<(DeviceId, Seq), Record> = BTreeMap::new();
    for (device, path) in files.histories()?.into_iter().chain(files.journals()?) {
        for record in read_log(&path)?.records {
            unique
                .entry((device.clone(), record.seq()))
                .or_insert(record);
        }
    }
    let mut entries: Vec<Entry> = unique
        .into_iter()
        .map(|((device, _), record)| Entry { device, record })
        .collect();
    entries.sort_by(|a, b| {
        (a.record.at(), &a.device, a.record.seq()).cmp(&(b.record.at(), &b.device, b.record.seq()))
    });
    Ok(entries)
}

/// The answers that still count: drops undo records, the answers they undid, and reschedules
/// (a card made due is not an answer).
pub fn answers_in_effect(entries: &[Entry]) -> Vec<&Entry> {
    let undone: std::collections::HashSet<(&DeviceId, Seq)> = entries
        .iter()
        .filter_map(|e| match &e.record {
            Record::Undo { undoes, .. } => Some((&e.device, *undoes)),
            Record::Answer { .. } | Record::Reschedule { .. } => None,
        })
        .collect();
    entries
        .iter()
        .filter(|e| {
            matches!(e.record, Record::Answer { .. })
                && !undone.contains(&(&e.device, e.record.seq()))
        })
        .collect()
}
