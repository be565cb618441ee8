//! Scheduling: what each answer does to a card. FSRS-6 (the `fsrs` crate) gives the memory
//! model; this module adds what the crate leaves to the app, as Anki and py-fsrs do: phases,
//! learning steps, intervals at the desired retention, fuzz.

mod settings;
mod state;

pub use settings::DeckSettings;
pub use state::{CardState, MemoryState, Phase};
