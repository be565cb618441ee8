//! Recap: study current events from news FAQs.
//!
//! The core (everything but [`ui`]) is pure: it never touches egui, and time and randomness
//! enter as parameters so every behaviour is reproducible in tests. Data flows one way:
//! files → core → screens.

pub mod authoring;
pub mod cli;
pub mod deck;
pub mod export;
pub mod import;
pub mod library;
pub mod model;
pub mod optimize;
pub mod quiz;
pub mod schedule;
pub mod stats;
pub mod store;
pub mod study;
pub mod ui;
