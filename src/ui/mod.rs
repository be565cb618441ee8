//! The egui screens, one file per screen. Screens turn user actions into core calls; they never
//! touch files or schedule cards themselves.

mod app;
mod fonts;
mod library;

pub use app::{RecapApp, run_window};
pub use fonts::install_fonts;
pub use library::LibraryScreen;
