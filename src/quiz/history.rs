//! Quiz results kept per deck, so the library can show the best and the last score.
//!
//! A quiz over several decks is saved as one record in each deck's history, counting only
//! that deck's questions: "best score on this deck" then means the same thing however the
//! quiz was put together.

use super::error::QuizError;
use super::history_file::{append_quiz_record, quiz_history_file, read_quiz_history};
use super::question::QuizMode;
use super::result::{QuizResult, percent};
use crate::deck::Problem;
use crate::model::{CardId, DeckId, Timestamp};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One finished quiz on one deck: a line of `<deck>.quiz.ron`. The field names are part of
/// the file format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRecord {
    /// When the quiz was finished.
    pub date: Timestamp,
    pub mode: QuizMode,
    pub score: u32,
    pub total: u32,
    /// The cards answered wrongly, in the order asked.
    pub missed: Vec<CardId>,
}

impl QuizRecord {
    pub fn percent(&self) -> u32 {
        percent(self.score as usize, self.total as usize)
    }

    /// The record as one line of text, with its newline.
    pub fn to_line(&self) -> String {
        let mut line = ron::to_string(self).expect("a quiz record always has a RON form");
        line.push('\n');
        line
    }
}

/// `result`'s record for each deck it asked about.
pub fn records_per_deck(result: &QuizResult) -> Vec<(DeckId, QuizRecord)> {
    result
        .decks()
        .into_iter()
        .map(|deck| {
            let asked: Vec<_> = result
                .answered
                .iter()
                .filter(|a| a.question.deck == deck)
                .collect();
            let missed: Vec<CardId> = asked
                .iter()
                .filter(|a| !a.verdict.is_accepted())
                .map(|a| a.question.card.clone())
                .collect();
            let record = QuizRecord {
                date: result.finished_at,
                mode: result.mode,
                score: (asked.len() - missed.len()) as u32,
                total: asked.len() as u32,
                missed,
            };
            (deck, record)
        })
        .collect()
}

/// Appends `result` to the quiz history of each of its decks in the `progress` folder. Stops
/// at the first deck whose history cannot be written; the error names its file.
pub fn save_result(progress: &Path, result: &QuizResult) -> Result<(), QuizError> {
    for (deck, record) in records_per_deck(result) {
        append_quiz_record(&quiz_history_file(progress, &deck), &record)?;
    }
    Ok(())
}

/// What the library shows for a deck that has been quizzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreSummary {
    /// The highest percentage; the latest of equals.
    pub best: QuizRecord,
    pub last: QuizRecord,
    pub quizzes: usize,
}

/// The best and last score of `deck`, None if it was never quizzed, with a warning when a
/// torn last line was skipped.
pub fn score_summary(
    progress: &Path,
    deck: &DeckId,
) -> Result<(Option<ScoreSummary>, Option<Problem>), QuizError> {
    let history = read_quiz_history(&quiz_history_file(progress, deck))?;
    Ok((summarize(&history.records), history.warning))
}

/// Best and last of `records` (oldest first).
pub fn summarize(records: &[QuizRecord]) -> Option<ScoreSummary> {
    let last = records.last()?;
    // Compare score/total exactly by cross-multiplying; `max_by` keeps the latest of equals.
    let best = records
        .iter()
        .max_by(|a, b| {
            (u64::from(a.score) * u64::from(b.total.max(1)))
                .cmp(&(u64::from(b.score) * u64::from(a.total.max(1))))
        })
        .unwrap_or(last);
    Some(ScoreSummary {
        best: best.clone(),
        last: last.clone(),
        quizzes: records.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_one_readable_line() {
        let record = QuizRecord {
            date: Timestamp(1_700_000_000_000),
            mode: QuizMode::Typed,
            score: 3,
            total: 5,
            missed: vec![
                CardId::new("q7mx2a").unwrap(),
                CardId::new("w9dj5s").unwrap(),
            ],
        };
        assert_eq!(
            record.to_line(),
            "(date:1700000000000,mode:Typed,score:3,total:5,missed:[\"q7mx2a\",\"w9dj5s\"])\n"
        );
        assert_eq!(record.percent(), 60);
    }

    #[test]
    fn the_best_score_is_the_highest_share_and_the_latest_of_equals() {
        let record = |date, score, total| QuizRecord {
            date: Timestamp(date),
            mode: QuizMode::Mixed,
            score,
            total,
            missed: Vec::new(),
        };
        let records = [
            record(1, 4, 5),
            record(2, 9, 10),
            record(3, 18, 20),
            record(4, 1, 5),
        ];
        let summary = summarize(&records).unwrap();
        assert_eq!(summary.best, records[2]);
        assert_eq!(summary.last, records[3]);
        assert_eq!(summarize(&[]), None);
    }
}
