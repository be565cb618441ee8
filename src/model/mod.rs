//! Small types with invariants: decks, cards, ids, ratings and time.

mod deck;
mod ids;
mod local_offset;
mod rating;
mod study_cards;
mod text;
mod time;

pub use deck::{Card, Deck, Source};
pub use ids::{CardId, CardMap, DeckId, IdError, MAX_ID_LEN, REVERSED_MARKER};
pub use local_offset::local_utc_offset_minutes;
pub use rating::Rating;
pub use study_cards::StudyCards;
pub use text::{SharedBytes, Text, UNREADABLE_TEXT};
pub use time::{
    Clock, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, ManualClock, SystemClock, Timestamp,
};
