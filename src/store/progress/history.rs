//! The review log of a deck: every answer and undo any device ever wrote, for statistics and
//! the parameter optimizer.

use super::device::DeviceId;
use super::error::ProgressError;
use super::files::DeckFiles;
use super::log_file::{read_log, read_log_since};
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
    let mut unique = ByDevice::new();
    for source in files.log_sources()? {
        let log = match read_log(&source.path) {
            Ok(log) => log,
            Err(_) if source.copy.is_some() => continue,
            Err(error) => return Err(error),
        };
        add_once(&mut unique, &source.device, log.records);
    }
    Ok(in_time_order(unique))
}

type ByDevice = BTreeMap<(DeviceId, Seq), Vec<Record>>;

/// Adds `records` of `device`, leaving out any already there (a copy repeats its original).
fn add_once(unique: &mut ByDevice, device: &DeviceId, records: Vec<Record>) {
    for record in records {
        let same = unique.entry((device.clone(), record.seq())).or_default();
        if !same.contains(&record) {
            same.push(record);
        }
    }
}

/// Records of each device, each once, ordered by time, device, number.
fn in_time_order(unique: ByDevice) -> Vec<Entry> {
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
    entries
}

/// The records of the deck's log files (as [`read_history`] gives them) from some time before
/// `since` on: read from the end of each file, so that what happened today costs the same
/// whether the history holds a hundred answers or a million. None when the end of a file
/// cannot be read cleanly: [`read_history`] then reads everything and says what is wrong.
pub fn read_recent(
    files: &DeckFiles,
    since: crate::model::Timestamp,
) -> Result<Option<Vec<Entry>>, ProgressError> {
    let mut unique = ByDevice::new();
    for source in files.log_sources()? {
        let Some(records) = read_log_since(&source.path, since) else {
            if source.copy.is_some() {
                continue;
            }
            return Ok(None);
        };
        add_once(&mut unique, &source.device, records);
    }
    Ok(Some(in_time_order(unique)))
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
