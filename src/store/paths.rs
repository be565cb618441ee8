//! The data folder: the user's decks and their progress.
//!
//! By default the platform data directory (~/.local/share/recap on Linux); `--data-dir DIR` or
//! `RECAP_DATA_DIR` choose another, e.g. a folder synced between machines.

use std::path::{Path, PathBuf};

/// The root of one data folder and the layout below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// The folder given on the command line (or by RECAP_DATA_DIR), else the platform's.
    /// None only when the platform has no home folder to put one in.
    pub fn resolve(chosen: Option<&Path>) -> Option<DataDir> {
        if let Some(dir) = chosen {
            return Some(DataDir::new(dir));
        }
        directories::ProjectDirs::from("", "", "recap").map(|dirs| DataDir::new(dirs.data_dir()))
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
