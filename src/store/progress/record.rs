//! One line of a journal or history file: an answer, the undoing of one, or a card moved in
//! time without an answer.

use crate::model::{CardId, Rating, Timestamp};
use crate::schedule::CardState;
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
