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
    let folder = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(QuizError::io(folder, "create the progress folder"))?;
    let existed = file.exists();
    let mut handle = OpenOptions::new()
        .append(true)
        .create(true)
        .open(file)
        .map_err(QuizError::io(file, "open the quiz history"))?;
    // Another Recap window may be saving a result to this deck too: the lock (released when
    // the handle closes) makes reading, cutting a torn line and appending one step, so that
    // no one's new line is taken for a torn one and cut.
    handle
        .lock()
        .map_err(QuizError::io(file, "lock the quiz history"))?;
    let history = read_quiz_history(file)?;
    let start = history.valid_len;
    if history.warning.is_some() {
        handle
            .set_len(start)
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
        let _ = handle.set_len(start);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CardId, Timestamp};
    use crate::quiz::QuizMode;

    fn record(date: i64, score: u32, missed: &[&str]) -> QuizRecord {
        QuizRecord {
            date: Timestamp(date),
            mode: QuizMode::Mixed,
            score,
            total: 5,
            missed: missed.iter().map(|id| CardId::new(*id).unwrap()).collect(),
        }
    }

    #[test]
    fn a_torn_last_line_is_skipped_then_cut_off_by_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress/d.quiz.ron");
        append_quiz_record(&file, &record(1, 4, &["x"])).unwrap();
        let mut bytes = std::fs::read(&file).unwrap();
        bytes.extend_from_slice(b"(date:2,mode:Mix");
        std::fs::write(&file, &bytes).unwrap();

        let history = read_quiz_history(&file).unwrap();
        assert_eq!(history.records, [record(1, 4, &["x"])]);
        let warning = history.warning.unwrap();
        assert_eq!((warning.at.line, warning.at.column), (2, 1));

        append_quiz_record(&file, &record(3, 5, &[])).unwrap();
        let history = read_quiz_history(&file).unwrap();
        assert_eq!(history.records, [record(1, 4, &["x"]), record(3, 5, &[])]);
        assert_eq!(history.warning, None);
    }

    #[test]
    fn a_readable_last_line_without_its_newline_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.quiz.ron");
        let edited = record(1, 4, &["x"]).to_line();
        std::fs::write(&file, edited.trim_end()).unwrap();
        assert_eq!(
            read_quiz_history(&file).unwrap().records,
            [record(1, 4, &["x"])]
        );

        append_quiz_record(&file, &record(2, 5, &[])).unwrap();
        let history = read_quiz_history(&file).unwrap();
        assert_eq!(history.records, [record(1, 4, &["x"]), record(2, 5, &[])]);
        assert_eq!(history.warning, None);
    }

    #[test]
    fn a_corrupt_line_is_located_and_the_file_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.quiz.ron");
        append_quiz_record(&file, &record(1, 4, &[])).unwrap();
        let mut bytes = std::fs::read(&file).unwrap();
        bytes.extend_from_slice(b"(date:2,mode:Sideways,score:1,total:5,missed:[])\n");
        bytes.extend_from_slice(record(3, 5, &[]).to_line().as_bytes());
        std::fs::write(&file, &bytes).unwrap();

        let error = read_quiz_history(&file).unwrap_err();
        let QuizError::Corrupt { at, .. } = &error else {
            panic!("expected a corrupt-file error, got {error:?}");
        };
        assert_eq!(at.line, 2);
        assert!(at.column > 1, "the column points into the line: {at:?}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{}:2:", file.display())),
            "{message}"
        );
        assert!(message.contains("Hint:"), "{message}");

        let refused = append_quiz_record(&file, &record(4, 5, &[])).unwrap_err();
        assert!(matches!(refused, QuizError::Corrupt { .. }));
        assert_eq!(
            std::fs::read(&file).unwrap(),
            bytes,
            "the file is unchanged"
        );
    }
}
