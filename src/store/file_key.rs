//! What a cache remembers of the file it was made from, to know that the file is unchanged
//! without reading it: length, modification time (to the nanosecond) and inode. Make, git's
//! index and cargo trust the same facts.
//!
//! A file changed twice within one tick of a coarse clock keeps its modification time, so a
//! cache is only written for files that have not changed for [`SETTLED`] (git calls the
//! other case "racily clean").

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long a file must have been left alone before a cache of it is trusted. Covers file
/// systems with a 2-second clock (FAT) and clocks that disagree a little (network folders).
pub const SETTLED: Duration = Duration::from_secs(3);

/// Length, modification time and inode of a file: equal keys mean the same content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileKey {
    pub len: u64,
    pub modified_secs: i64,
    pub modified_nanos: u32,
    pub inode: u64,
}

impl FileKey {
    /// The key of the file at `path`, or None when it cannot be read (then nothing is cached).
    pub fn of(path: &Path) -> Option<FileKey> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let (modified_secs, modified_nanos) = match modified.duration_since(UNIX_EPOCH) {
            Ok(after) => (i64::try_from(after.as_secs()).ok()?, after.subsec_nanos()),
            Err(before) => {
                let before = before.duration();
                (
                    -i64::try_from(before.as_secs()).ok()?,
                    before.subsec_nanos(),
                )
            }
        };
        Some(FileKey {
            len: meta.len(),
            modified_secs,
            modified_nanos,
            inode: inode(&meta),
        })
    }

    /// Whether the file was last changed at least [`SETTLED`] before `now`, so that a change
    /// after this key was taken must show in the key.
    pub fn is_settled(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(UNIX_EPOCH) else {
            return false;
        };
        let now = i128::from(now.as_secs()) * 1_000_000_000 + i128::from(now.subsec_nanos());
        let modified =
            i128::from(self.modified_secs) * 1_000_000_000 + i128::from(self.modified_nanos);
        now - modified >= SETTLED.as_nanos() as i128
    }

    /// The key as 32 bytes (little-endian), for cache headers.
    pub fn to_bytes(self) -> [u8; 32] {
        let mut bytes = [0; 32];
        bytes[0..8].copy_from_slice(&self.len.to_le_bytes());
        bytes[8..16].copy_from_slice(&self.modified_secs.to_le_bytes());
        bytes[16..20].copy_from_slice(&self.modified_nanos.to_le_bytes());
        bytes[24..32].copy_from_slice(&self.inode.to_le_bytes());
        bytes
    }

    pub fn from_bytes(bytes: &[u8; 32]) -> FileKey {
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        FileKey {
            len: u64_at(0),
            modified_secs: u64_at(8) as i64,
            modified_nanos: u32::from_le_bytes(bytes[16..20].try_into().unwrap()),
            inode: u64_at(24),
        }
    }
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &std::fs::Metadata) -> u64 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_changes_with_the_content_and_survives_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "one").unwrap();
        let first = FileKey::of(&path).unwrap();
        assert_eq!(FileKey::from_bytes(&first.to_bytes()), first);
        std::fs::write(&path, "three").unwrap();
        assert_ne!(FileKey::of(&path).unwrap(), first);
        assert!(FileKey::of(&dir.path().join("missing")).is_none());
    }

    #[test]
    fn a_file_is_settled_only_some_seconds_after_its_last_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "x").unwrap();
        let key = FileKey::of(&path).unwrap();
        let now = SystemTime::now();
        assert!(!key.is_settled(now));
        assert!(key.is_settled(now + SETTLED + Duration::from_secs(1)));
    }
}
