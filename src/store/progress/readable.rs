//! Loading a deck's progress around a damaged file, without changing any file: how a deck is
//! opened read-only when its snapshot or a journal cannot be read.
//!
//! A damaged snapshot counts as no snapshot (every journal record is replayed onto empty
//! progress); a damaged journal counts as absent. The damaged files are returned so the user
//! is told which ones were left out.

use super::error::ProgressError;
use super::files::DeckFiles;
use super::load::{Loaded, read_snapshot, replay};
use super::log_file::read_log;
use super::snapshot::Snapshot;
use std::collections::BTreeMap;

/// The progress that can be read, and the damaged files left out of it. Other errors (a
/// folder that cannot be listed, a file that cannot be opened) still fail.
pub fn load_readable(files: &DeckFiles) -> Result<(Loaded, Vec<ProgressError>), ProgressError> {
    let mut damaged = Vec::new();
    let mut progress = match read_snapshot(files) {
        Ok(snapshot) => snapshot,
        Err(error @ ProgressError::Corrupt { .. }) => {
            damaged.push(error);
            Snapshot::empty(files.deck().clone())
        }
        Err(error) => return Err(error),
    };
    let mut journals = BTreeMap::new();
    let mut warnings = Vec::new();
    for (device, path) in files.journals()? {
        match read_log(&path) {
            Ok(log) => {
                warnings.extend(log.warning.clone());
                journals.insert(device, log);
            }
            Err(error @ ProgressError::Corrupt { .. }) => damaged.push(error),
            Err(error) => return Err(error),
        }
    }
    replay(&mut progress, &journals);
    let loaded = Loaded {
        progress,
        warnings,
        journals,
    };
    Ok((loaded, damaged))
}
