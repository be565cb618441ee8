//! The deck file format: human-writable RON, read with validation (every problem located as
//! FILE:LINE:COLUMN) and written with stable formatting. Pure: text in, text out.

pub(crate) mod cursor;
pub(crate) mod fast_ron;
mod fixed_layout;
mod ids;
mod line_index;
mod problem;
mod read;
mod ron_errors;
mod ron_tree;
mod tags;
mod write;

pub use ids::with_ids_written;
pub use problem::{DeckError, Location, Problem};
pub use read::{AssignedIds, ParsedDeck, parse_deck, ron_options};
pub use tags::{TagEdit, with_card_tag};
pub use write::deck_to_ron;

/// The newest deck format version this app reads and writes.
pub const FORMAT_VERSION: u32 = 1;
