//! A deck's study settings, stored in its progress snapshot.

use serde::{Deserialize, Serialize};

/// How a deck is scheduled. Defaults are Anki's and py-fsrs's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeckSettings {
    /// Target probability of recall when a review card comes due (0.7–0.99).
    pub desired_retention: f32,
    /// New cards introduced per day.
    pub new_per_day: u32,
    /// Review cards shown per day.
    pub reviews_per_day: u32,
    /// Learning steps in minutes (New → Review).
    pub learning_steps: Vec<f32>,
    /// Relearning steps in minutes (after a lapse).
    pub relearning_steps: Vec<f32>,
    /// Local hour (0–23) at which a new study day begins.
    pub day_rollover_hour: u32,
    /// Longest review interval in days.
    pub maximum_interval: u32,
    /// Spread review due dates a little so cards learned together do not stay together.
    pub fuzz: bool,
    /// Lapses at which a card is tagged `leech`.
    pub leech_threshold: u32,
    /// FSRS-6 parameters (21 numbers); None means the defaults.
    pub parameters: Option<Vec<f32>>,
}

impl Default for DeckSettings {
    fn default() -> Self {
        DeckSettings {
            desired_retention: 0.9,
            new_per_day: 20,
            reviews_per_day: 200,
            learning_steps: vec![1.0, 10.0],
            relearning_steps: vec![10.0],
            day_rollover_hour: 4,
            maximum_interval: 36_500,
            fuzz: true,
            leech_threshold: 8,
            parameters: None,
        }
    }
}
