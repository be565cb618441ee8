//! The egui screens, one file per screen. Screens turn user actions into core calls; they never
//! touch files or schedule cards themselves.

mod app;
mod library;

pub use app::{RecapApp, run_window};
pub use library::LibraryScreen;
