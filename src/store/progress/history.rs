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

/// Every record in the deck's history and journal files and their sync-conflict copies, each
/// once (a crash while trimming can leave a record in both; a copy repeats its original),
/// ordered by time, device, number. Torn last lines are skipped; a conflict copy that cannot
/// be read is left out (loading the deck reports it).
///
/// Undone answers are included with the undo that takes them back: see [`answers_in_effect`].
pub fn read_history(files: &DeckFiles) -> Result<Vec<Entry>, ProgressError> {
    let mut unique: BTreeMap<(DeviceId, Seq), Vec<Record>> = BTreeMap::new();
    for source in files.log_sources()? {
        let log = match read_log(&source.path) {
            Ok(log) => log,
            Err(_) if source.copy.is_some() => continue,
            Err(error) => return Err(error),
        };
        for record in log.records {
            let same = unique
                .entry((source.device.clone(), record.seq()))
                .or_default();
            if !same.contains(&record) {
                same.push(record);
            }
        }
    }
    let mut entries: Vec<Entry> = unique
        .into_iter()
        .flat_map(|((device, _), records)| {
            records.into_iter().map(move |record| Entry {
                device: device.clone(),
                record,
            })
        })
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
