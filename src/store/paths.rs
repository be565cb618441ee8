//! The data folder: the user's decks and their progress.
//!
//! By default the platform data directory (~/.local/share/recap on Linux); `--data-dir DIR` or
//! `RECAP_DATA_DIR` choose another, e.g. a folder synced between machines.
//!
//! Caches (see `store::deck_cache`) live apart from the data, in the platform's cache folder
//! (~/.cache/recap on Linux), one subfolder per data folder: a synced data folder must not
//! carry one machine's caches to another. `RECAP_CACHE_DIR` chooses another place.

use std::path::{Path, PathBuf};

/// The root of one data folder and the layout below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
    cache: PathBuf,
}

/// Environment variable naming the cache folder, instead of the platform's.
pub const CACHE_DIR_VAR: &str = "RECAP_CACHE_DIR";

impl DataDir {
    /// The data folder `root`, its caches in `root/.cache` (what tests and tools that make a
    /// data folder of their own want: everything in one place).
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        let root = root.into();
        let cache = root.join(".cache");
        DataDir { root, cache }
    }

    /// The same data folder with its caches in `cache`.
    pub fn with_cache(self, cache: impl Into<PathBuf>) -> DataDir {
        DataDir {
            cache: cache.into(),
            ..self
        }
    }

    /// The folder given on the command line (or by RECAP_DATA_DIR), else the platform's.
    /// None only when the platform has no home folder to put one in.
    pub fn resolve(chosen: Option<&Path>) -> Option<DataDir> {
        let dirs = directories::ProjectDirs::from("", "", "recap");
        let root = match chosen {
            Some(dir) => dir.to_path_buf(),
            None => dirs.as_ref()?.data_dir().to_path_buf(),
        };
        let cache = match std::env::var_os(CACHE_DIR_VAR).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => match &dirs {
                Some(dirs) => dirs.cache_dir().join(folder_name(&root)),
                None => root.join(".cache"),
            },
        };
        Some(DataDir::new(root).with_cache(cache))
    }

    /// Where the progress files of `deck` are, their snapshot cached in [`Self::cache`].
    pub fn deck_files(&self, deck: crate::model::DeckId) -> crate::store::progress::DeckFiles {
        crate::store::progress::DeckFiles::new(self.progress(), deck)
            .with_cache(self.cache.join("progress"))
    }

    /// Where caches of this data folder's files go. Deleting it loses nothing.
    pub fn cache(&self) -> &Path {
        &self.cache
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The user's own deck files (`*.ron`).
    pub fn decks(&self) -> PathBuf {
        self.root.join("decks")
    }

    /// Snapshots and journals of study progress, one set per deck.
    pub fn progress(&self) -> PathBuf {
        self.root.join("progress")
    }
}

/// A name for the data folder at `root` among the platform cache's subfolders: its last
/// component (for whoever looks) and a hash of its full path (so two folders never share).
fn folder_name(root: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let full = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut hasher);
    let last = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let last: String = last
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(32)
        .collect();
    format!("{last}-{:016x}", hasher.finish())
}
