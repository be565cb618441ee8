//! Loading a deck's progress: the snapshot, then every device's journal records that it does
//! not include yet, replayed in time order.

use super::device::DeviceId;
use super::error::{ProgressError, Warning};
use super::files::DeckFiles;
use super::log_file::{LogFile, read_log};
use super::record::Record;
use super::snapshot::Snapshot;
use std::collections::BTreeMap;

/// A deck's progress as of now, and what the caller should tell the user.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The snapshot with every journal replayed onto it.
    pub progress: Snapshot,
    /// Torn last lines that were skipped.
    pub warnings: Vec<Warning>,
    /// Each device's journal as read.
    pub journals: BTreeMap<DeviceId, LogFile>,
}

/// Reads the snapshot (none yet: empty progress) and replays every journal onto it. Changes no
/// file, so it is also how a deck is opened read-only.
pub fn load(files: &DeckFiles) -> Result<Loaded, ProgressError> {
    let mut progress = read_snapshot(files)?;
    let mut journals = BTreeMap::new();
    let mut warnings = Vec::new();
    for (device, path) in files.journals()? {
        let log = read_log(&path)?;
        warnings.extend(log.warning.clone());
        journals.insert(device, log);
    }
    replay(&mut progress, &journals);
    Ok(Loaded {
        progress,
        warnings,
        journals,
    })
}

pub(super) fn read_snapshot(files: &DeckFiles) -> Result<Snapshot, ProgressError> {
    let path = files.snapshot();
    match std::fs::read_to_string(&path) {
        Ok(text) => Snapshot::from_text(&text, &path, files.deck()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Snapshot::empty(files.deck().clone()))
        }
        Err(e) => Err(ProgressError::io(&path, "read the progress snapshot")(e)),
    }
}

/// Applies the records the snapshot does not include, ordered by time, then device, then
/// number, so every machine replays the same answers in the same order.
pub(super) fn replay(progress: &mut Snapshot, journals: &BTreeMap<DeviceId, LogFile>) {
    let mut pending: Vec<(&DeviceId, &Record)> = Vec::new();
    for (device, log) in journals {
        let applied = progress.applied.get(device).copied().unwrap_or(0);
        pending.extend(
            log.records
                .iter()
                .filter(|r| r.seq() > applied)
                .map(|r| (device, r)),
        );
    }
    pending.sort_by(|(da, a), (db, b)| (a.at(), da, a.seq()).cmp(&(b.at(), db, b.seq())));
    for (device, record) in pending {
        apply(progress, device, record);
    }
}

/// One record onto the progress: the card takes the record's resulting state.
pub fn apply(progress: &mut Snapshot, device: &DeviceId, record: &Record) {
    progress
        .cards
        .insert(record.card().clone(), record.resulting_state().clone());
    let applied = progress.applied.entry(device.clone()).or_insert(0);
    *applied = (*applied).max(record.seq());
}
