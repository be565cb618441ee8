//! Machines sharing a data folder through a file-sync tool, simulated: each machine has its own
//! copy of the progress folder, answers cards there as the app does, and a "sync" copies files
//! from one copy to another the way Syncthing, Dropbox, Nextcloud or git would.

use recap::model::{CardId, DeckId, Rating, Timestamp};
use recap::schedule::{CardState, DeckSettings, Scheduler, fuzz_seed};
use recap::store::progress::{DeckFiles, DeviceId, ProgressStore, load, read_history};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub const DECK: &str = "news";

/// How a sync tool handles a file that differs on both sides and is not simply newer on one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// The incoming file replaces the one there.
    Replace,
    /// The one there is kept (the incoming change has not arrived yet).
    Keep,
    /// Both kept: the incoming one under the tool's conflict-copy name.
    Syncthing,
    Dropbox,
    Nextcloud,
    /// `git mergetool`'s `name_REMOTE_1234.ron`.
    GitMergetool,
}

impl Clash {
    pub const ALL: [Clash; 6] = [
        Clash::Replace,
        Clash::Keep,
        Clash::Syncthing,
        Clash::Dropbox,
        Clash::Nextcloud,
        Clash::GitMergetool,
    ];

    /// The name the tool gives the incoming copy of `name`; `n` keeps names apart.
    fn copy_name(self, name: &str, n: usize) -> Option<String> {
        let (stem, ext) = name.rsplit_once('.').map_or((name, ""), |(s, e)| (s, e));
        match self {
            Clash::Replace | Clash::Keep => None,
            Clash::Syncthing => Some(format!(
                "{stem}.sync-conflict-20261128-{:06}-ABCDEFG.{ext}",
                n % 1_000_000
            )),
            Clash::Dropbox => Some(format!(
                "{stem} (Laptop's conflicted copy 2026-11-28 ({n})).{ext}"
            )),
            Clash::Nextcloud => Some(format!("{stem} (conflicted copy 2026-11-28 {n:06}).{ext}")),
            Clash::GitMergetool => Some(format!("{stem}_REMOTE_{n}.{ext}")),
        }
    }
}

/// One machine: its copy of the data folder and its device id.
pub struct Machine {
    pub dir: PathBuf,
    pub device: DeviceId,
}

impl Machine {
    pub fn new(root: &Path, name: &str) -> Machine {
        let dir = root.join(name);
        fs::create_dir_all(dir.join("progress")).unwrap();
        Machine {
            dir,
            device: DeviceId::new(name).unwrap(),
        }
    }

    pub fn files(&self) -> DeckFiles {
        DeckFiles::new(self.dir.join("progress"), DeckId::new(DECK).unwrap())
    }

    /// Answers `card` as the study session does: the scheduler's state from what this machine
    /// knows now. `close` rewrites the snapshot and trims the journal; otherwise the answer
    /// stays in the journal (the app was killed).
    pub fn answer(&self, card: &str, at: Timestamp, rating: Rating, close: bool) {
        let (mut store, _) = ProgressStore::open(self.files(), self.device.clone()).unwrap();
        let id = CardId::new(card).unwrap();
        let before = store.state(&id).unwrap().cloned().unwrap_or_default();
        let scheduler = Scheduler::new(store.settings()).unwrap();
        let after = scheduler
            .answer(&before, rating, at, fuzz_seed(card, before.reps))
            .state;
        store.record_answer(id, at, rating, 1000, after).unwrap();
        if close {
            store.close().unwrap();
        }
    }

    /// Every card's state as this machine loads it.
    pub fn states(&self) -> BTreeMap<CardId, CardState> {
        let loaded = load(&self.files()).unwrap();
        loaded.progress.cards.into_iter().collect()
    }

    /// Every answer this machine can see: (device, number, card, time).
    pub fn answers(&self) -> BTreeSet<(String, u64, String, i64)> {
        read_history(&self.files())
            .unwrap()
            .into_iter()
            .map(|e| {
                (
                    e.device.to_string(),
                    e.record.seq(),
                    e.record.card().to_string(),
                    e.record.at().millis(),
                )
            })
            .collect()
    }
}

/// Copies `from`'s progress files into `to`, as a sync tool would, keeping modification
/// times. A file only one side has is copied. A file of a machine's own (its journal or
/// history) is newest on that machine: it replaces older copies elsewhere and is never
/// replaced by them. Any other file that differs (the shared snapshot, a third machine's
/// files) is handled as `clash` says; for `Replace`, a third machine's journal or history is
/// replaced only by a newer version (sync tools track versions), while the shared snapshot is
/// replaced whatever its age (the worst case: an older snapshot coming back).
pub fn sync(from: &Machine, to: &Machine, clash: Clash, counter: &mut usize) {
    let source = from.dir.join("progress");
    let target = to.dir.join("progress");
    for entry in fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let there = target.join(&name);
        let incoming = fs::read(&path).unwrap();
        let Ok(present) = fs::read(&there) else {
            copy_file(&path, &there);
            continue;
        };
        if present == incoming || owned_by(&name, &to.device) {
            continue;
        }
        if owned_by(&name, &from.device) {
            copy_file(&path, &there);
            continue;
        }
        *counter += 1;
        match clash.copy_name(&name, *counter) {
            Some(copy) => copy_file(&path, &target.join(copy)),
            None if clash == Clash::Keep => {}
            None if is_log(&name) && modified(&path) <= modified(&there) => {}
            None => copy_file(&path, &there),
        }
    }
}

/// Copies the bytes and the modification time, as sync tools do.
fn copy_file(from: &Path, to: &Path) {
    fs::write(to, fs::read(from).unwrap()).unwrap();
    let file = fs::File::options().write(true).open(to).unwrap();
    file.set_modified(modified(from)).unwrap();
}

fn modified(path: &Path) -> std::time::SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

fn owned_by(name: &str, device: &DeviceId) -> bool {
    [".journal.ron", ".history.ron"]
        .iter()
        .any(|suffix| name == format!("{DECK}.{device}{suffix}"))
}

fn is_log(name: &str) -> bool {
    name.ends_with(".journal.ron") || name.ends_with(".history.ron")
}

/// The reference: every answer in `answers` (card, time, rating) folded in time order through
/// the scheduler from a new card, by card.
pub fn expected_states(
    answers: &[(String, Timestamp, Rating, String)],
) -> BTreeMap<CardId, CardState> {
    let scheduler = Scheduler::new(&DeckSettings::default()).unwrap();
    let mut sorted: Vec<_> = answers.to_vec();
    sorted.sort_by(|a, b| (a.1, &a.3).cmp(&(b.1, &b.3)));
    let mut states: BTreeMap<CardId, CardState> = BTreeMap::new();
    for (card, at, rating, _device) in sorted {
        let id = CardId::new(card.as_str()).unwrap();
        let before = states.get(&id).cloned().unwrap_or_default();
        let after = scheduler
            .answer(&before, rating, at, fuzz_seed(&card, before.reps))
            .state;
        states.insert(id, after);
    }
    states
}
