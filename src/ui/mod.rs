//! The egui screens, one file per screen. Screens turn user actions into core calls; they never
//! touch files or schedule cards themselves.

mod app;
mod app_files;
mod app_quiz;
mod editor;
mod editor_card;
mod editor_export;
mod editor_list;
mod editor_preview;
mod editor_prompts;
mod folder_watcher;
mod fonts;
mod import_dialog;
mod library;
mod quiz;
mod quiz_result;
mod quiz_setup;
mod review;
mod settings;
mod stats;
mod summary;
mod window;

pub use app::{AppEnv, RecapApp};
pub use editor::{EditorAction, EditorScreen};
pub use fonts::install_fonts;
pub use library::{LibraryAction, LibraryScreen};
pub use review::ReviewScreen;
pub use window::{ScreenChoice, ScreenshotRequest, run_window, take_screenshot, window_error};
