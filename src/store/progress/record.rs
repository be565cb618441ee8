//! One line of a journal or history file: an answer, the undoing of one, or a card moved in
//! time without an answer.

use crate::model::{CardId, Rating, Timestamp};
use crate::schedule::{CardState, Phase};
use serde::{Deserialize, Serialize};

/// Position of a record in its device's journal: 1, 2, 3, ... with no gaps. A snapshot says
/// up to which number it already includes each device's records.
pub type Seq = u64;

/// What one device wrote, in the order written. Each record carries the card's whole state
/// after it, so replay needs no scheduler and gives the same state on every machine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Record {
    /// The learner rated a card; `state` is the card's state after the answer.
    Answer {
        seq: Seq,
        card: CardId,
        at: Timestamp,
        rating: Rating,
        took_ms: u32,
        state: CardState,
        /// The card's phase before the answer (Anki's review log keeps it too, as the review
        /// type): the daily limits count today's answers by it, so they are counted from
        /// today's records alone, never by reading a deck's whole history. Absent in records
        /// written before it was added.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<Phase>,
    },
    /// The learner took back answer `undoes` (same device); `restored` is the card's state
    /// before that answer, written out so replay never has to search for it.
    Undo {
        seq: Seq,
        at: Timestamp,
        undoes: Seq,
        card: CardId,
        restored: CardState,
    },
    /// The card was made due at another time without being answered (e.g. "add the cards
    /// missed in a quiz to today's review"); `state` is the card's state with only `due`
    /// changed, so the memory model sees no answer. Not an answer: statistics, daily limits
    /// and the optimizer ignore it.
    Reschedule {
        seq: Seq,
        at: Timestamp,
        card: CardId,
        state: CardState,
    },
}

impl Record {
    pub fn seq(&self) -> Seq {
        match self {
            Record::Answer { seq, .. }
            | Record::Undo { seq, .. }
            | Record::Reschedule { seq, .. } => *seq,
        }
    }

    pub fn at(&self) -> Timestamp {
        match self {
            Record::Answer { at, .. } | Record::Undo { at, .. } | Record::Reschedule { at, .. } => {
                *at
            }
        }
    }

    pub fn card(&self) -> &CardId {
        match self {
            Record::Answer { card, .. }
            | Record::Undo { card, .. }
            | Record::Reschedule { card, .. } => card,
        }
    }

    /// The card's state once this record is applied.
    pub fn resulting_state(&self) -> &CardState {
        match self {
            Record::Answer { state, .. } | Record::Reschedule { state, .. } => state,
            Record::Undo { restored, .. } => restored,
        }
    }

    /// The record as one line of text, with its newline.
    pub fn to_line(&self) -> String {
        let mut line = ron::to_string(self).expect("a record always has a RON form");
        line.push('\n');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The new record reads back through the same reader as the others, and an answer's line
    /// is what it was before the variant was added.
    #[test]
    fn a_reschedule_line_reads_back_and_answers_keep_their_format() {
        let state = CardState {
            phase: Phase::Review,
            due: Timestamp(5),
            reps: 2,
            ..CardState::default()
        };
        let reschedule = Record::Reschedule {
            seq: 7,
            at: Timestamp(5),
            card: CardId::new("q7mx2a").unwrap(),
            state: state.clone(),
        };
        let line = reschedule.to_line();
        assert!(
            line.starts_with("Reschedule(seq:7,at:5,card:\"q7mx2a\","),
            "{line}"
        );
        let read: Record =
            super::super::parse::parse_text(&line, std::path::Path::new("journal"), 1, "record")
                .unwrap();
        assert_eq!(read, reschedule);
        assert_eq!(read.resulting_state(), &state);
        let answer = Record::Answer {
            seq: 1,
            card: CardId::new("q7mx2a").unwrap(),
            at: Timestamp(5),
            rating: Rating::Good,
            took_ms: 10,
            state,
            from: None,
        };
        assert!(
            answer
                .to_line()
                .starts_with("Answer(seq:1,card:\"q7mx2a\",at:5,rating:Good,took_ms:10,state:(")
        );
    }
}
