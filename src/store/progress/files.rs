//! Names of one deck's progress files in the progress folder, and setting a file aside.
//!
//! - `<deck>.ron`: the snapshot;
//! - `<deck>.<device>.journal.ron`: answers since that device's last snapshot;
//! - `<deck>.<device>.history.ron`: every answer the journal ever held (the review log).
//!
//! Deck and device ids hold no '.', so the parts split without ambiguity.

use super::conflict_names::{SyncTool, conflict_original};
use super::device::DeviceId;
use super::error::ProgressError;
use crate::model::{DeckId, Timestamp};
use std::path::{Path, PathBuf};

const JOURNAL_SUFFIX: &str = ".journal.ron";
const HISTORY_SUFFIX: &str = ".history.ron";

/// Which of a device's two record files a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogKind {
    Journal,
    History,
}

/// A file of records: a device's journal or history, or a sync tool's conflict copy of one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LogSource {
    pub device: DeviceId,
    pub kind: LogKind,
    pub path: PathBuf,
    /// Set for a conflict copy: read for its records, never written or deleted.
    pub copy: Option<SyncTool>,
}

/// Where one deck's progress lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckFiles {
    folder: PathBuf,
    deck: DeckId,
    /// Where the snapshot's cache goes (see `snapshot_cache`); None: no cache.
    cache: Option<PathBuf>,
}

impl DeckFiles {
    /// `folder` is the data folder's progress folder (`DataDir::progress()`).
    pub fn new(folder: impl Into<PathBuf>, deck: DeckId) -> DeckFiles {
        DeckFiles {
            folder: folder.into(),
            deck,
            cache: None,
        }
    }

    /// The same files, the snapshot cached in `cache_dir`.
    pub fn with_cache(self, cache_dir: impl Into<PathBuf>) -> DeckFiles {
        DeckFiles {
            cache: Some(cache_dir.into()),
            ..self
        }
    }

    /// The folder of the snapshot's cache, if it has one.
    pub fn cache(&self) -> Option<&Path> {
        self.cache.as_deref()
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    pub fn deck(&self) -> &DeckId {
        &self.deck
    }

    pub fn snapshot(&self) -> PathBuf {
        self.folder.join(format!("{}.ron", self.deck))
    }

    pub fn journal(&self, device: &DeviceId) -> PathBuf {
        self.folder
            .join(format!("{}.{device}{JOURNAL_SUFFIX}", self.deck))
    }

    pub fn history(&self, device: &DeviceId) -> PathBuf {
        self.folder
            .join(format!("{}.{device}{HISTORY_SUFFIX}", self.deck))
    }

    /// Every device's journal for this deck, sorted by device.
    pub fn journals(&self) -> Result<Vec<(DeviceId, PathBuf)>, ProgressError> {
        self.per_device(JOURNAL_SUFFIX)
    }

    /// Every device's history for this deck, sorted by device.
    pub fn histories(&self) -> Result<Vec<(DeviceId, PathBuf)>, ProgressError> {
        self.per_device(HISTORY_SUFFIX)
    }

    /// Every journal and history of this deck, with the conflict copies sync tools made of
    /// them, sorted (by device, kind, path).
    pub fn log_sources(&self) -> Result<Vec<LogSource>, ProgressError> {
        let mut found = Vec::new();
        for (name, path) in self.names()? {
            let (original, copy) = match conflict_original(&name) {
                Some((original, tool)) => (original, Some(tool)),
                None => (name, None),
            };
            for (kind, suffix) in [
                (LogKind::Journal, JOURNAL_SUFFIX),
                (LogKind::History, HISTORY_SUFFIX),
            ] {
                if let Some(device) = self.device_in(&original, suffix) {
                    found.push(LogSource {
                        device,
                        kind,
                        path: path.clone(),
                        copy,
                    });
                }
            }
        }
        found.sort();
        Ok(found)
    }

    /// `<deck>.<device><suffix>` → the device.
    fn device_in(&self, name: &str, suffix: &str) -> Option<DeviceId> {
        let device = name
            .strip_prefix(self.deck.as_str())?
            .strip_prefix('.')?
            .strip_suffix(suffix)?;
        DeviceId::new(device).ok()
    }

    /// Every file name in the progress folder that starts with this deck's id, with its path.
    fn names(&self) -> Result<Vec<(String, PathBuf)>, ProgressError> {
        let entries = match std::fs::read_dir(&self.folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(ProgressError::io(&self.folder, "list the progress folder")(
                    e,
                ));
            }
        };
        let mut found = Vec::new();
        for entry in entries {
            let entry =
                entry.map_err(ProgressError::io(&self.folder, "list the progress folder"))?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.starts_with(self.deck.as_str()) {
                found.push((name, entry.path()));
            }
        }
        Ok(found)
    }

    fn per_device(&self, suffix: &str) -> Result<Vec<(DeviceId, PathBuf)>, ProgressError> {
        let entries = match std::fs::read_dir(&self.folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(ProgressError::io(&self.folder, "list the progress folder")(
                    e,
                ));
            }
        };
        let prefix = format!("{}.", self.deck);
        let mut found = Vec::new();
        for entry in entries {
            let entry =
                entry.map_err(ProgressError::io(&self.folder, "list the progress folder"))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let device = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(suffix));
            if let Some(Ok(device)) = device.map(DeviceId::new) {
                found.push((device, entry.path()));
            }
        }
        found.sort();
        Ok(found)
    }
}

/// Renames a damaged progress file to `<name>.corrupt-<millis>` beside it, so that the deck can
/// be studied again from the remaining files while the damaged one is kept for inspection or
/// recovery. Never deletes or overwrites anything; returns the new path.
pub fn set_aside(path: &Path, now: Timestamp) -> Result<PathBuf, ProgressError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for attempt in 0.. {
        let suffix = if attempt == 0 {
            String::new()
        } else {
            format!("-{attempt}")
        };
        let target = path.with_file_name(format!("{name}.corrupt-{}{suffix}", now.millis()));
        // A hard link fails if the target exists, so nothing already set aside is replaced.
        match std::fs::hard_link(path, &target) {
            Ok(()) => {
                std::fs::remove_file(path)
                    .map_err(ProgressError::io(path, "set the file aside"))?;
                return Ok(target);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(ProgressError::io(path, "set the file aside")(e)),
        }
    }
    unreachable!("some numbered name is always free")
}
