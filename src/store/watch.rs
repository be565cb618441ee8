//! Noticing that the data folder changed behind the app's back: a sync tool delivered another
//! machine's answers, or a teacher saved a deck in a text editor.
//!
//! Polling, not OS notifications: it works the same on every platform and on network and FUSE
//! folders (where sync tools often live), and a few hundred `stat` calls every two seconds cost
//! nothing measurable.

use super::paths::DataDir;
use std::path::PathBuf;
use std::time::SystemTime;

/// What is known of each file: enough to tell that it changed.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// Remembers the decks and progress folders as last seen.
#[derive(Debug, Clone)]
pub struct FolderWatch {
    data: DataDir,
    seen: Fingerprint,
}

impl FolderWatch {
    /// Starts from the folder as it is now.
    pub fn new(data: &DataDir) -> FolderWatch {
        FolderWatch {
            data: data.clone(),
            seen: fingerprint(data),
        }
    }

    /// Whether any file was added, removed, resized or touched since the last call (or
    /// since `new`); the folder as it is now becomes the one remembered.
    pub fn changed(&mut self) -> bool {
        let now = fingerprint(&self.data);
        let changed = now != self.seen;
        self.seen = now;
        changed
    }
}

fn fingerprint(data: &DataDir) -> Fingerprint {
    let mut files = Vec::new();
    for folder in [data.decks(), data.progress()] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(meta) = entry.metadata() {
                files.push((entry.path(), meta.len(), meta.modified().ok()));
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_changed_or_removed_file_is_noticed_once() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path());
        std::fs::create_dir_all(data.progress()).unwrap();
        let mut watch = FolderWatch::new(&data);
        assert!(!watch.changed());
        let file = data.progress().join("news.other.journal.ron");
        std::fs::write(&file, "one\n").unwrap();
        assert!(watch.changed());
        assert!(!watch.changed(), "noticed once");
        std::fs::write(&file, "one\ntwo\n").unwrap();
        assert!(watch.changed());
        std::fs::remove_file(&file).unwrap();
        assert!(watch.changed());
    }
}
