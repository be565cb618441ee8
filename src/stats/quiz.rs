//! Quiz scores over time. The quiz module reads its history file
//! (`progress/<deck>.quiz.ron`, `crate::quiz::QuizRecord` a line) and hands the scores in as
//! [`QuizEntry`]s: statistics only chart them, and need nothing else of a quiz.

use super::date::StudyDays;
use crate::model::Timestamp;

/// One finished quiz on one deck: the date, score and total of a quiz history record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizEntry {
    /// When the quiz was finished.
    pub date: Timestamp,
    /// Questions answered right.
    pub score: u32,
    /// Questions asked.
    pub total: u32,
}

/// A quiz result placed on its study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizScore {
    pub day: i64,
    pub date: Timestamp,
    /// Never above `total`: a damaged history cannot show more than 100%.
    pub score: u32,
    pub total: u32,
}

impl QuizScore {
    /// Score in percent; None for an empty quiz.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| 100.0 * f64::from(self.score) / f64::from(self.total))
    }
}

/// Every quiz result, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizScores {
    pub results: Vec<QuizScore>,
}

pub fn quiz_scores(results: &[QuizEntry], study_days: StudyDays) -> QuizScores {
    let mut results: Vec<QuizScore> = results
        .iter()
        .map(|r| QuizScore {
            day: study_days.day_of(r.date),
            date: r.date,
            score: r.score.min(r.total),
            total: r.total,
        })
        .collect();
    results.sort_by_key(|r| r.date);
    QuizScores { results }
}

impl QuizScores {
    pub fn merge(&mut self, other: &QuizScores) {
        self.results.extend_from_slice(&other.results);
        self.results.sort_by_key(|r| r.date);
    }

    /// The share of all questions answered right, in percent; None before any quiz.
    pub fn overall_percent(&self) -> Option<f64> {
        let score: u64 = self.results.iter().map(|r| u64::from(r.score)).sum();
        let total: u64 = self.results.iter().map(|r| u64::from(r.total)).sum();
        (total > 0).then(|| 100.0 * score as f64 / total as f64)
    }
}
