//! Loading a deck's progress: the snapshot, then every record of any device that it does not
//! include yet, merged in (see `merge`).

use super::device::DeviceId;
use super::error::{ProgressError, Warning};
use super::files::{DeckFiles, LogKind, LogSource};
use super::history::Entry;
use super::log_file::{LogFile, read_log, read_log_tail};
use super::merge::{Candidate, MergeReport, anything_to_merge, merge};
use super::order_cache::Basis;
use super::snapshot::Snapshot;
use super::snapshot_cache::{self, CachedSnapshot};
use crate::deck::Location;
use crate::store::FileKey;
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
    /// What merging found: records applied, cards folded again from their history.
    pub merged: MergeReport,
    /// The snapshot file `progress` equals exactly, when nothing was merged on top of it: what
    /// caches derived from the progress may be keyed by (see `order_cache`).
    pub basis: Option<Basis>,
}

/// Reads the snapshot (none yet: empty progress) and merges onto it every record it does not
/// include: from each device's journal, from a history holding more than the snapshot covers
/// (an older snapshot brought back by a sync tool), and from sync tools' conflict copies.
/// Changes no file, so it is also how a deck is opened read-only.
pub fn load(files: &DeckFiles) -> Result<Loaded, ProgressError> {
    load_with(files, &mut Damage::Refused)
}

/// Like [`load`], but when the snapshot comes from its cache and nothing is to be merged onto
/// it, its cards are left in the cache: the returned progress has no cards, and the cache is
/// returned to read them from when they are needed (see `ProgressStore`).
pub(super) fn load_deferring_cards(
    files: &DeckFiles,
) -> Result<(Loaded, Option<CachedSnapshot>), ProgressError> {
    load_from(files, &mut Damage::Refused, true)
}

/// What to do with a file that is damaged (not merely torn at its end).
pub(super) enum Damage {
    /// Fail the load with its FILE:LINE:COLUMN error.
    Refused,
    /// Leave it out and note it here: a damaged snapshot counts as none, a damaged journal or
    /// history as absent (opening a deck read-only).
    LeftOut(Vec<ProgressError>),
}

impl Damage {
    /// Passes `result` through, or notes its corruption error and gives None.
    fn allow<T>(&mut self, result: Result<T, ProgressError>) -> Result<Option<T>, ProgressError> {
        match (result, self) {
            (Ok(value), _) => Ok(Some(value)),
            (Err(error @ ProgressError::Corrupt { .. }), Damage::LeftOut(damaged)) => {
                damaged.push(error);
                Ok(None)
            }
            (Err(error), _) => Err(error),
        }
    }

    fn tolerant(&self) -> bool {
        matches!(self, Damage::LeftOut(_))
    }
}

pub(super) fn load_with(files: &DeckFiles, damage: &mut Damage) -> Result<Loaded, ProgressError> {
    Ok(load_from(files, damage, false)?.0)
}

/// A snapshot as read: whole, or its cache with the cards still to be read.
enum SnapshotRead {
    Whole(Snapshot),
    Cached(CachedSnapshot),
}

impl SnapshotRead {
    fn head(&self) -> &Snapshot {
        match self {
            SnapshotRead::Whole(snapshot) => snapshot,
            SnapshotRead::Cached(cached) => cached.head(),
        }
    }
}

fn load_from(
    files: &DeckFiles,
    damage: &mut Damage,
    defer: bool,
) -> Result<(Loaded, Option<CachedSnapshot>), ProgressError> {
    let mut warnings = Vec::new();
    let (read, basis) = damage
        .allow(read_snapshot(files, &mut warnings))?
        .unwrap_or_else(|| {
            let empty = Snapshot::empty(files.deck().clone());
            (SnapshotRead::Whole(empty), None)
        });
    let sources = files.log_sources()?;
    let mut journals = BTreeMap::new();
    let mut candidates = Vec::new();
    for source in &sources {
        let applied = read
            .head()
            .applied
            .get(&source.device)
            .copied()
            .unwrap_or(0);
        let log = match (source.kind, source.copy) {
            (_, Some(_)) => match read_log(&source.path) {
                Ok(log) => log,
                Err(error) => {
                    warnings.push(unreadable_copy(source, &error));
                    continue;
                }
            },
            (LogKind::Journal, None) => match damage.allow(read_log(&source.path))? {
                Some(log) => log,
                None => continue,
            },
            (LogKind::History, None) => match damage.allow(read_log_tail(&source.path))? {
                Some((Some(last), _)) if last > applied => {
                    match damage.allow(read_log(&source.path))? {
                        Some(log) => log,
                        None => continue,
                    }
                }
                _ => continue,
            },
        };
        warnings.extend(log.warning.clone());
        candidates.extend(candidates_of(source, &log));
        if source.kind == LogKind::Journal && source.copy.is_none() {
            journals.insert(source.device.clone(), log);
        }
    }
    let mut progress = match read {
        SnapshotRead::Cached(cached)
            if defer && !anything_to_merge(&cached.head().applied, &candidates) =>
        {
            let loaded = Loaded {
                progress: cached.head().clone(),
                warnings,
                journals,
                merged: MergeReport::default(),
                basis,
            };
            return Ok((loaded, Some(cached)));
        }
        SnapshotRead::Cached(cached) => cards_of(&cached, files)?,
        SnapshotRead::Whole(snapshot) => snapshot,
    };
    let tolerant = damage.tolerant();
    let merged = merge(&mut progress, candidates, || {
        every_record_of(&sources, tolerant)
    })?;
    let unchanged = merged.applied == 0 && merged.refolded == 0;
    let loaded = Loaded {
        progress,
        warnings,
        journals,
        merged,
        basis: basis.filter(|_| unchanged),
    };
    Ok((loaded, None))
}

/// The whole snapshot of `cached`; should its cards not read back (a damaged cache whose
/// checksum happens to add up), the snapshot file is parsed instead.
pub(super) fn cards_of(
    cached: &CachedSnapshot,
    files: &DeckFiles,
) -> Result<Snapshot, ProgressError> {
    match cached.to_snapshot() {
        Some(snapshot) => Ok(snapshot),
        None => {
            let path = files.snapshot();
            let text = std::fs::read_to_string(&path)
                .map_err(ProgressError::io(&path, "read the progress snapshot"))?;
            let text = first_side_of_git_conflict(&text).unwrap_or(text);
            Snapshot::from_text(&text, &path, files.deck())
        }
    }
}

/// The records of `log`, marked as coming from a conflict copy when `source` is one.
fn candidates_of<'a>(
    source: &'a LogSource,
    log: &'a LogFile,
) -> impl Iterator<Item = Candidate> + 'a {
    log.records.iter().map(|record| Candidate {
        entry: Entry {
            device: source.device.clone(),
            record: record.clone(),
        },
        from_copy: source.copy.is_some(),
    })
}

/// Every record of every file of the deck, for folding a card again from its whole history.
pub(super) fn every_record(sources: &[LogSource]) -> Result<Vec<Candidate>, ProgressError> {
    every_record_of(sources, false)
}

/// Like [`every_record`]; `tolerant` leaves damaged files out instead of failing.
fn every_record_of(sources: &[LogSource], tolerant: bool) -> Result<Vec<Candidate>, ProgressError> {
    let mut all = Vec::new();
    for source in sources {
        let log = match read_log(&source.path) {
            Ok(log) => log,
            Err(_) if source.copy.is_some() => continue,
            Err(ProgressError::Corrupt { .. }) if tolerant => continue,
            Err(error) => return Err(error),
        };
        all.extend(candidates_of(source, &log));
    }
    Ok(all)
}

/// A conflict copy that cannot be read is reported and left alone: the original and the
/// other devices' files still hold their answers.
fn unreadable_copy(source: &LogSource, error: &ProgressError) -> Warning {
    let tool = source.copy.map_or("a sync tool", |t| t.name());
    Warning::new(
        &source.path,
        Location::START,
        format!(
            "this conflict copy (made by {tool}) cannot be read, so its answers are not merged: {error}"
        ),
        "it is kept as it is; fix or remove it by hand if it holds answers you need",
    )
}

/// The snapshot, and the file it is exactly (None: no file, or not all of it was used). One
/// left with git's conflict markers (two machines committed it) is read as its first side,
/// with a warning: the other side's answers are in that machine's history.
fn read_snapshot(
    files: &DeckFiles,
    warnings: &mut Vec<Warning>,
) -> Result<(SnapshotRead, Option<Basis>), ProgressError> {
    let path = files.snapshot();
    let key = FileKey::of(&path);
    let basis = key.map(|key| Basis {
        key,
        written_here: false,
    });
    if let (Some(dir), Some(key)) = (files.cache(), key)
        && let Some(cached) = snapshot_cache::open(dir, &path, key)
    {
        return Ok((SnapshotRead::Cached(cached), basis));
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => match first_side_of_git_conflict(&text) {
            Some(ours) => {
                warnings.push(Warning::new(
                    &path,
                    Location::START,
                    "this file holds a git merge conflict; its first side is used, and the \
                     other machine's answers are read from its history",
                    "the file is rewritten without the markers the next time you study this deck",
                ));
                let snapshot = Snapshot::from_text(&ours, &path, files.deck())?;
                Ok((SnapshotRead::Whole(snapshot), None))
            }
            None => {
                let parsed = Snapshot::from_text(&text, &path, files.deck())?;
                if let (Some(dir), Some(key)) = (files.cache(), key) {
                    snapshot_cache::save_parsed(dir, &path, key, &parsed);
                }
                Ok((SnapshotRead::Whole(parsed), basis))
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let empty = Snapshot::empty(files.deck().clone());
            Ok((SnapshotRead::Whole(empty), None))
        }
        Err(e) => Err(ProgressError::io(&path, "read the progress snapshot")(e)),
    }
}

/// `text` without git's conflict markers, keeping the lines outside conflicts and the first
/// side of each; None when there is no conflict.
fn first_side_of_git_conflict(text: &str) -> Option<String> {
    if !text.lines().any(|line| line.starts_with("<<<<<<< ")) {
        return None;
    }
    let mut kept = String::with_capacity(text.len());
    let mut in_other_side = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("<<<<<<< ") {
            in_other_side = false;
        } else if line.starts_with("|||||||") || line.starts_with("=======") {
            in_other_side = true;
        } else if line.starts_with(">>>>>>> ") {
            in_other_side = false;
        } else if !in_other_side {
            kept.push_str(line);
        }
    }
    Some(kept)
}
