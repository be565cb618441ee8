//! Appending records durably: each append is on disk (fsync) before it returns, so an answer
//! the learner has seen acknowledged survives a crash or power loss.
//!
//! The file stays open between appends: opening costs more than the write itself, and the open
//! handle holds an advisory lock so that a second Recap process on this machine cannot write
//! the same journal.

use super::error::ProgressError;
use super::record::Record;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How long a lock held elsewhere is waited for before the file counts as in use.
///
/// Why wait at all: a process started by this one (a file dialog, or a command-line test's
/// child) shares this process's open files between its start and its `exec`, and with them
/// their locks; a journal just closed can look locked for that moment.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);

/// Takes `file`'s advisory lock; [`ProgressError::InUse`] when another process keeps it.
fn lock_briefly_waiting(file: &File, path: &Path) -> Result<(), ProgressError> {
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if started.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(ProgressError::InUse {
                    file: path.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(ProgressError::io(path, "lock")(e)),
        }
    }
}

/// An open journal or history file, positioned to append.
#[derive(Debug)]
pub struct Appender {
    path: PathBuf,
    file: File,
    /// Bytes known good; a failed append is cut back to this.
    len: u64,
}

impl Appender {
    /// Opens (or creates) `path` for appending after its first `valid_len` bytes: a torn last
    /// line beyond them (left by a crash, never acknowledged) is cut off first, so that the
    /// next record starts on a line of its own. With `lock`, fails with
    /// [`ProgressError::InUse`] when another process holds the file.
    pub fn open(path: &Path, valid_len: u64, lock: bool) -> Result<Appender, ProgressError> {
        let folder = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder)
            .map_err(ProgressError::io(folder, "create the progress folder"))?;
        let existed = path.exists();
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(ProgressError::io(path, "open for writing"))?;
        if lock {
            lock_briefly_waiting(&file, path)?;
        }
        let len = file
            .metadata()
            .map_err(ProgressError::io(path, "read the size of"))?
            .len();
        if len > valid_len {
            file.set_len(valid_len)
                .map_err(ProgressError::io(path, "cut a torn last line from"))?;
            file.sync_data().map_err(ProgressError::io(path, "save"))?;
        }
        if !existed {
            sync_folder(folder)
                .map_err(ProgressError::io(folder, "save the new file's name in"))?;
        }
        Ok(Appender {
            path: path.to_path_buf(),
            file,
            len: valid_len.min(len),
        })
    }

    /// Appends the records, one a line, and returns once they are on disk.
    pub fn append(&mut self, records: &[Record]) -> Result<(), ProgressError> {
        if records.is_empty() {
            return Ok(());
        }
        let text: String = records.iter().map(Record::to_line).collect();
        let written = self
            .file
            .write_all(text.as_bytes())
            .and_then(|()| self.file.sync_data());
        match written {
            Ok(()) => {
                self.len += text.len() as u64;
                Ok(())
            }
            Err(error) => {
                // Leave no half line behind for the next append to run into.
                let _ = self.file.set_len(self.len);
                Err(ProgressError::io(&self.path, "save the answer to")(error))
            }
        }
    }
}

/// Makes a new file's name durable: on Linux the folder entry needs its own fsync.
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

impl Appender {
    /// Empties the file in place, durably (its records are saved elsewhere first).
    pub fn empty(&mut self) -> Result<(), ProgressError> {
        self.file
            .set_len(0)
            .and_then(|()| self.file.sync_data())
            .map_err(ProgressError::io(&self.path, "empty"))?;
        self.len = 0;
        Ok(())
    }
}
