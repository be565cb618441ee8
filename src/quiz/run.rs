//! A quiz being taken: one question at a time, feedback at once, then the next.
//!
//! The screen drives it: [`QuizRun::answer`] judges the current question and keeps the
//! verdict, so the feedback stays on screen until [`QuizRun::advance`]; once every question is
//! answered, [`QuizRun::result`] gives the score. Time enters as timestamps passed in.

use super::error::QuizError;
use super::matching::{Verdict, judge};
use super::question::{Question, QuestionKind, Quiz};
use super::result::QuizResult;
use crate::model::Timestamp;

/// What the learner gave for a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The index (from 0) of the option picked.
    Choice(usize),
    Typed(String),
}

/// A question with the learner's response and how it was judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub question: Question,
    pub response: Response,
    pub verdict: Verdict,
}

impl Answered {
    /// The response as text: the option picked, or what was typed.
    pub fn given(&self) -> &str {
        match (&self.response, &self.question.kind) {
            (Response::Choice(index), QuestionKind::MultipleChoice { options, .. }) => {
                options.get(*index).map(String::as_str).unwrap_or("")
            }
            (Response::Typed(text), _) => text,
            _ => "",
        }
    }
}

/// A quiz in progress.
#[derive(Debug, Clone)]
pub struct QuizRun {
    quiz: Quiz,
    started: Timestamp,
    answered: Vec<Answered>,
    /// Index of the question on screen; equals the number of questions once finished.
    position: usize,
}

impl QuizRun {
    pub fn new(quiz: Quiz, started: Timestamp) -> QuizRun {
        QuizRun {
            quiz,
            started,
            answered: Vec::new(),
            position: 0,
        }
    }

    pub fn quiz(&self) -> &Quiz {
        &self.quiz
    }

    /// The question on screen, None once the quiz is over.
    pub fn current(&self) -> Option<&Question> {
        self.quiz.questions.get(self.position)
    }

    /// 1-based number of the question on screen, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        (self.position + 1, self.quiz.questions.len())
    }

    /// The current question's answer and verdict once answered: the feedback to show.
    pub fn feedback(&self) -> Option<&Answered> {
        self.answered.get(self.position)
    }

    /// Questions answered right so far (close typed answers count), for the running score.
    pub fn score_so_far(&self) -> usize {
        self.answered
            .iter()
            .filter(|a| a.verdict.is_accepted())
            .count()
    }

    pub fn is_finished(&self) -> bool {
        self.position >= self.quiz.questions.len()
    }

    /// Judges `response` to the current question and returns the feedback.
    pub fn answer(&mut self, response: Response) -> Result<&Answered, QuizError> {
        let number = self.position + 1;
        let question = self.current().ok_or(QuizError::Finished)?;
        if self.feedback().is_some() {
            return Err(QuizError::AlreadyAnswered { number });
        }
        let verdict = verdict(question, &response, number)?;
        self.answered.push(Answered {
            question: question.clone(),
            response,
            verdict,
        });
        Ok(&self.answered[self.position])
    }

    /// Moves on from an answered question; returns whether another question follows.
    pub fn advance(&mut self) -> Result<bool, QuizError> {
        if self.is_finished() {
            return Err(QuizError::Finished);
        }
        if self.feedback().is_none() {
            return Err(QuizError::NotAnswered {
                number: self.position + 1,
            });
        }
        self.position += 1;
        Ok(!self.is_finished())
    }

    /// The score once every question is answered; `now` ends the time taken.
    pub fn result(&self, now: Timestamp) -> Result<QuizResult, QuizError> {
        let left = self.quiz.questions.len() - self.answered.len();
        if left > 0 {
            return Err(QuizError::NotFinished { left });
        }
        Ok(QuizResult::new(
            self.quiz.mode,
            self.answered.clone(),
            self.started,
            now,
        ))
    }
}

fn verdict(question: &Question, response: &Response, number: usize) -> Result<Verdict, QuizError> {
    match (&question.kind, response) {
        (QuestionKind::MultipleChoice { options, correct }, Response::Choice(picked)) => {
            if *picked >= options.len() {
                return Err(QuizError::NoSuchOption {
                    number,
                    count: options.len(),
                    picked: picked + 1,
                });
            }
            Ok(if picked == correct {
                Verdict::Exact
            } else {
                Verdict::Wrong
            })
        }
        (QuestionKind::Typed { expected }, Response::Typed(text)) => Ok(judge(text, expected)),
        (QuestionKind::MultipleChoice { .. }, Response::Typed(_)) => {
            Err(QuizError::WrongKindOfAnswer {
                number,
                expected: "to pick one of its options",
            })
        }
        (QuestionKind::Typed { .. }, Response::Choice(_)) => Err(QuizError::WrongKindOfAnswer {
            number,
            expected: "for a typed answer",
        }),
    }
}
