//! The window: which screen is showing, and the moves between screens. Screens report what the
//! user asked for; this file turns that into core calls (opening a deck for study, saving
//! settings) and the next screen.

use super::library::{LibraryAction, LibraryScreen};
use super::review::{ReviewAction, ReviewScreen};
use super::settings::{SettingsAction, SettingsScreen};
use super::summary::{SummaryAction, SummaryScreen};
use crate::import::{ImportRequest, import_into_library};
use crate::library::Library;
use crate::model::{Clock, DeckId, Timestamp};
use crate::store::DataDir;
use crate::store::progress::DeviceId;
use crate::study::StudyDeck;
use std::sync::Arc;

/// What the app needs from the machine, decided once by main (tests pass their own).
#[derive(Clone)]
pub struct AppEnv {
    pub data: DataDir,
    pub clock: Arc<dyn Clock>,
    /// This machine's id for the data folder's journals.
    pub device: DeviceId,
    /// Minutes east of UTC, for study days.
    pub utc_offset_minutes: i32,
}

impl AppEnv {
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}

/// The screen on show.
enum Screen {
    Library(LibraryScreen),
    Review(Box<ReviewScreen>),
    Summary(SummaryScreen),
    Settings(Box<SettingsScreen>),
}

/// The whole app as egui sees it.
pub struct RecapApp {
    env: AppEnv,
    library: Library,
    screen: Screen,
}

impl RecapApp {
    /// Loads the library (the only file access at start) and shows it.
    pub fn new(env: AppEnv) -> RecapApp {
        let library = Library::load(&env.data, &mut rand::rng());
        let screen = Screen::Library(LibraryScreen::new(&env, &library));
        RecapApp {
            env,
            library,
            screen,
        }
    }

    /// The id of the library's first deck (newest first).
    pub fn first_deck(&self) -> Option<String> {
        self.library.decks.first().map(|d| d.deck().id.to_string())
    }

    /// Opens `deck` straight on its review screen (used by `--screenshot`).
    pub fn open_review(&mut self, deck: &str) -> Result<(), String> {
        self.start_study(deck)
            .map(|review| self.screen = Screen::Review(Box::new(review)))
    }

    /// Opens `deck`'s settings screen (used by `--screenshot`).
    pub fn open_settings(&mut self, deck: &str) -> Result<(), String> {
        let settings = SettingsScreen::open(&self.env, &self.library, deck)?;
        self.screen = Screen::Settings(Box::new(settings));
        Ok(())
    }

    /// The review screen, if showing (used by `--screenshot` to reveal the answer or finish).
    pub fn review_mut(&mut self) -> Option<&mut ReviewScreen> {
        match &mut self.screen {
            Screen::Review(review) => Some(review),
            _ => None,
        }
    }

    /// Ends a study session and shows its summary.
    pub fn finish_review(&mut self) {
        if let Screen::Review(review) =
            std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::empty()))
        {
            self.screen = Screen::Summary(SummaryScreen::from_review(*review, &self.env));
        }
    }

    fn start_study(&mut self, deck: &str) -> Result<ReviewScreen, String> {
        let entry = self
            .library
            .decks
            .iter_mut()
            .find(|d| d.deck().id.as_str() == deck)
            .ok_or_else(|| format!("no deck {deck:?} in the library"))?;
        let now = self.env.now();
        let (study, warnings) = StudyDeck::open(
            &self.env.data,
            entry,
            self.env.device.clone(),
            now,
            self.env.utc_offset_minutes,
        )
        .map_err(|e| e.to_string())?;
        let notes = warnings.iter().map(ToString::to_string).collect();
        Ok(ReviewScreen::new(study, notes))
    }

    fn show_library(&mut self, message: Option<String>) {
        let mut screen = LibraryScreen::new(&self.env, &self.library);
        screen.message = message;
        self.screen = Screen::Library(screen);
    }

    /// Draws the current screen and follows the user's choice.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        match &mut self.screen {
            Screen::Library(screen) => match screen.ui(ui, &self.library) {
                Some(LibraryAction::Study(deck)) => self.on_study(&deck),
                Some(LibraryAction::Import(files)) => self.import_files(&files),
                Some(LibraryAction::Settings(deck)) => {
                    match SettingsScreen::open(&self.env, &self.library, deck.as_str()) {
                        Ok(settings) => self.screen = Screen::Settings(Box::new(settings)),
                        Err(message) => self.show_library(Some(message)),
                    }
                }
                None => {}
            },
            Screen::Review(screen) => {
                if let Some(ReviewAction::End) = screen.ui(ui, &self.env) {
                    self.finish_review();
                }
            }
            Screen::Summary(screen) => {
                if let Some(SummaryAction::Back) = screen.ui(ui) {
                    self.show_library(None);
                }
            }
            Screen::Settings(screen) => {
                if let Some(SettingsAction::Close) = screen.ui(ui, &self.env) {
                    self.show_library(None);
                }
            }
        }
    }

    /// Imports each file through the same code as `recap import`, reloads the library, and
    /// says what happened.
    fn import_files(&mut self, files: &[std::path::PathBuf]) {
        let mut lines = Vec::new();
        for file in files {
            let request = ImportRequest {
                file: file.clone(),
                ..ImportRequest::default()
            };
            match import_into_library(&self.env.data, &request, &mut rand::rng()) {
                Ok(report) => {
                    lines.push(format!(
                        "Imported {} cards into {}",
                        report.cards,
                        report.path.display()
                    ));
                    lines.extend(report.notes);
                }
                Err(error) => lines.push(format!("Not imported: {error}")),
            }
        }
        self.library = Library::load(&self.env.data, &mut rand::rng());
        self.show_library(Some(lines.join("\n")));
    }

    fn on_study(&mut self, deck: &DeckId) {
        match self.start_study(deck.as_str()) {
            Ok(review) => self.screen = Screen::Review(Box::new(review)),
            Err(message) => self.show_library(Some(message)),
        }
    }
}

impl eframe::App for RecapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
