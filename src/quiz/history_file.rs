//! The quiz history file `<deck>.quiz.ron` in the progress folder: one [`QuizRecord`] a line,
//! only ever appended to.
//!
//! Each record is written as one line with its newline in one write, then fsynced. A crash
//! mid-write can only leave a last line without its newline: if it cannot be read, that
//! result was never shown as saved, so it is skipped with a warning and cut off before the
//! next append. (A readable last line merely lacking its newline, as after editing by hand, is
//! kept: the next append starts a new line.) Any other line that cannot be read is reported
//! as FILE:LINE:COLUMN, and the file is then neither rewritten nor appended to, so nothing
//! the user has is lost or buried under new lines.

use super::error::QuizError;
use super::history::QuizRecord;
use crate::deck::{Location, Problem};
use crate::model::DeckId;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where `deck`'s quiz history lives in the `progress` folder (`DataDir::progress()`).
pub fn quiz_history_file(progress: &Path, deck: &DeckId) -> PathBuf {
    progress.join(format!("{deck}.quiz.ron"))
}

/// The readable content of a quiz history file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuizHistory {
    /// In the order appended: oldest first.
    pub records: Vec<QuizRecord>,
    /// Set when a torn last line was skipped.
    pub warning: Option<Problem>,
    /// Bytes up to the end of the last readable line: where the next append starts.
    valid_len: u64,
    /// The last readable line has no newline yet; the next append writes one first.
    needs_newline: bool,
}

/// Reads every record of `file`; a missing file is an empty history.
pub fn read_quiz_history(file: &Path) -> Result<QuizHistory, QuizError> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(QuizHistory::default()),
        Err(e) => return Err(QuizError::io(file, "read the quiz history")(e)),
    };
    let mut history = QuizHistory::default();
    for (index, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
        let number = index + 1;
        let parsed = parse_line(line, file, number);
        if !line.ends_with(b"\n") {
            match parsed {
                Ok(record) => {
                    history.records.extend(record);
                    history.needs_newline = true;
                }
                Err(_) => {
                    history.warning = Some(torn_warning(file, number));
                    break;
                }
            }
        } else if let Some(record) = parsed? {
            history.records.push(record);
        }
        history.valid_len += line.len() as u64;
    }
    Ok(history)
}

/// Appends `record` to `file` and returns once it is on disk. Refuses, changing nothing,
/// when the file holds a line it cannot read.
pub fn append_quiz_record(file: &Path, record: &QuizRecord) -> Result<(), QuizError> {
    let history = read_quiz_history(file)?;
    let folder = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(QuizError::io(folder, "create the progress folder"))?;
    let existed = file.exists();
    let mut handle = OpenOptions::new()
        .append(true)
        .create(true)
        .open(file)
        .map_err(QuizError::io(file, "open the quiz history"))?;
    let len = handle
        .metadata()
        .map_err(QuizError::io(file, "read the size of"))?
        .len();
    if len > history.valid_len {
        handle
            .set_len(history.valid_len)
            .map_err(QuizError::io(file, "cut a torn last line from"))?;
    }
    let mut line = record.to_line();
    if history.needs_newline {
        line.insert(0, '\n');
    }
    let written = handle
        .write_all(line.as_bytes())
        .and_then(|()| handle.sync_data());
    if let Err(error) = written {
        // Leave no half line behind for the next reader to stumble on.
        let _ = handle.set_len(history.valid_len);
        return Err(QuizError::io(file, "save the quiz result to")(error));
    }
    if !existed {
        sync_folder(folder).map_err(QuizError::io(folder, "save the new file's name in"))?;
    }
    Ok(())
}

fn torn_warning(file: &Path, number: usize) -> Problem {
    Problem::new(
        file,
        Location::new(number, 1),
        "the last quiz result was cut short by a crash and is skipped",
        "",
    )
}

/// One complete line: a record, None for a blank line, or why it cannot be read.
fn parse_line(line: &[u8], file: &Path, number: usize) -> Result<Option<QuizRecord>, QuizError> {
    let Ok(text) = std::str::from_utf8(line) else {
        return Err(corrupt(
            file,
            Location::new(number, 1),
            "this line is not UTF-8 text".to_string(),
        ));
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    ron::Options::default()
        .from_str(text)
        .map(Some)
        .map_err(|error| {
            let column = error.span.start.col.max(1);
            corrupt(
                file,
                Location::new(number, column),
                format!("this quiz result cannot be read: {}", error.code),
            )
        })
}

fn corrupt(file: &Path, at: Location, message: String) -> QuizError {
    QuizError::Corrupt {
        file: file.to_path_buf(),
        at,
        message,
        hint: "the file was changed outside Recap or damaged; fix or delete that line, or move \
               the file away to start a new history"
            .to_string(),
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
