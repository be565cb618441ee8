//! Reading journal and history files: one [`Record`] a line.
//!
//! A crash while appending can leave the last line cut short, or (after a power loss) filled
//! with garbage. Such a last line was never acknowledged to the learner — an answer counts
//! once its whole line and newline are on disk — so it is skipped with a [`Warning`], and the
//! writer cuts it off before appending again. A bad line with good lines after it cannot come
//! from a crash: that is corruption, reported with FILE:LINE:COLUMN, and the file is left as is.

use super::error::{ProgressError, Warning};
use super::parse::parse_text;
use super::record::{Record, Seq};
use crate::deck::Location;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// The readable content of a journal or history file.
#[derive(Debug, Clone, Default)]
pub struct LogFile {
    pub records: Vec<Record>,
    /// Bytes up to the end of the last good line: where the next append must start.
    pub valid_len: u64,
    /// Set when a torn last line was skipped.
    pub warning: Option<Warning>,
}

/// Reads every record of `path`; a missing file is empty.
pub fn read_log(path: &Path) -> Result<LogFile, ProgressError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LogFile::default()),
        Err(e) => return Err(ProgressError::io(path, "read the journal")(e)),
    };
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    let mut log = LogFile::default();
    let mut offset = 0;
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        offset += line.len();
        let parsed = if line.ends_with(b"\n") {
            parse_line(line, path, number)
        } else {
            Err(torn(path, number))
        };
        match parsed {
            Ok(None) => {}
            Ok(Some(record)) => {
                check_order(&log.records, &record, path, number)?;
                log.records.push(record);
            }
            Err(_) if number == lines.len() => {
                log.warning = Some(torn_warning(path, number));
                break;
            }
            Err(error) => return Err(error),
        }
        log.valid_len = offset as u64;
    }
    Ok(log)
}

fn torn(path: &Path, number: usize) -> ProgressError {
    ProgressError::corrupt(path, Location::new(number, 1), "this line is cut short", "")
}

fn torn_warning(path: &Path, number: usize) -> Warning {
    Warning::new(
        path,
        Location::new(number, 1),
        "the last record was cut short by a crash and is skipped (it had not been saved yet, \
         so no acknowledged answer is lost)",
        "",
    )
}

/// One line: a record, None for a blank line, or the reason it cannot be read.
fn parse_line(line: &[u8], path: &Path, number: usize) -> Result<Option<Record>, ProgressError> {
    let Ok(text) = std::str::from_utf8(line) else {
        return Err(ProgressError::corrupt(
            path,
            Location::new(number, 1),
            "this line is not UTF-8 text",
            "restore the file from a backup",
        ));
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_text(text, path, number, "journal record").map(Some)
}

/// Records of one device are numbered upwards; a number going back means lines were mixed up.
fn check_order(
    earlier: &[Record],
    record: &Record,
    path: &Path,
    number: usize,
) -> Result<(), ProgressError> {
    match earlier.last() {
        Some(previous) if previous.seq() >= record.seq() => Err(ProgressError::corrupt(
            path,
            Location::new(number, 1),
            format!(
                "record number {} follows number {}: records must be in increasing order",
                record.seq(),
                previous.seq()
            ),
            "lines of this file were moved or copied by hand; restore it from a backup",
        )),
        _ => Ok(()),
    }
}

/// How much of the end of a history file is read to find its last record: records are a few
/// hundred bytes, so this always holds several complete lines.
const TAIL_BYTES: u64 = 64 * 1024;

/// The last record's number and the length of the good part of `path`, reading only its end:
/// history files grow with every answer ever given and are not read whole when appending.
pub fn read_log_tail(path: &Path) -> Result<(Option<Seq>, u64), ProgressError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((None, 0)),
        Err(e) => return Err(ProgressError::io(path, "read the history")(e)),
    };
    let read = |file: &mut std::fs::File| -> std::io::Result<(u64, Vec<u8>)> {
        let len = file.metadata()?.len();
        let start = len.saturating_sub(TAIL_BYTES);
        file.seek(SeekFrom::Start(start))?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail)?;
        Ok((start, tail))
    };
    let (start, tail) = read(&mut file).map_err(ProgressError::io(path, "read the history"))?;
    // The first piece may begin mid-line when the tail does not start at the file's start.
    let skip_first = usize::from(start > 0);
    let lines: Vec<&[u8]> = tail
        .split_inclusive(|b| *b == b'\n')
        .skip(skip_first)
        .collect();
    let mut end = tail.len();
    let mut torn_seen = false;
    for line in lines.iter().rev() {
        let parsed = if line.ends_with(b"\n") {
            parse_line(line, path, 0)
        } else {
            Err(torn(path, 0))
        };
        match parsed {
            Ok(Some(record)) => return Ok((Some(record.seq()), start + end as u64)),
            Ok(None) => {}
            // Only one torn line can follow the last good one; more means the file was damaged.
            Err(_) if torn_seen => {
                return Err(ProgressError::corrupt(
                    path,
                    Location::START,
                    "the end of this file holds several unreadable lines",
                    "restore the file from a backup, or set it aside",
                ));
            }
            Err(_) => torn_seen = true,
        }
        end -= line.len();
    }
    Ok((
        None,
        if start == 0 {
            0
        } else {
            start + tail.len() as u64
        },
    ))
}

/// The records at the end of the log at `path`, back to the first one written before `since`
/// (a file's records are in the order written, so their times rise, clock changes apart: the
/// caller leaves some slack). Reads the file backwards, a piece at a time, parsing each line
/// once and stopping at that first older record, so a long history costs no more than its
/// recent part. A torn last line is skipped; None when any other line read cannot be parsed
/// (the caller then reads the whole file, which reports it).
pub fn read_log_since(path: &Path, since: crate::model::Timestamp) -> Option<Vec<Record>> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Vec::new()),
        Err(_) => return None,
    };
    let mut end = file.metadata().ok()?.len();
    // The start of a line cut by the piece read last, to be completed by the piece before.
    let mut cut: Vec<u8> = Vec::new();
    let mut newest_first = Vec::new();
    let mut last_line = true;
    while end > 0 {
        let start = end.saturating_sub(TAIL_BYTES);
        file.seek(SeekFrom::Start(start)).ok()?;
        let mut piece = Vec::with_capacity((end - start) as usize + cut.len());
        (&mut file).take(end - start).read_to_end(&mut piece).ok()?;
        piece.extend_from_slice(&cut);
        // Unless the piece starts the file, its first line may be cut: keep it for later.
        let first_whole = match start {
            0 => 0,
            _ => piece
                .iter()
                .position(|b| *b == b'\n')
                .map_or(piece.len(), |i| i + 1),
        };
        for line in piece[first_whole..].split_inclusive(|b| *b == b'\n').rev() {
            let torn = std::mem::take(&mut last_line) && !line.ends_with(b"\n");
            if torn {
                continue;
            }
            if let Some(record) = parse_line(line, path, 0).ok()? {
                let older = record.at() < since;
                newest_first.push(record);
                if older {
                    newest_first.reverse();
                    return Some(newest_first);
                }
            }
        }
        cut = piece[..first_whole].to_vec();
        end = start;
    }
    newest_first.reverse();
    Some(newest_first)
}
