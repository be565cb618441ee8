//! The window: which screen is showing, and the moves between screens. Screens report what the
//! user asked for; this file turns that into core calls (opening a deck for study, saving
//! settings) and the next screen.

use super::editor::{EditorAction, EditorScreen};
use super::folder_watcher::FolderWatcher;
use super::library::{LibraryAction, LibraryScreen};
use super::quiz::{QuizAction, QuizScreen};
use super::quiz_result::{QuizResultAction, QuizResultScreen};
use super::quiz_setup::{QuizSetupAction, QuizSetupScreen};
use super::review::{ReviewAction, ReviewScreen};
use super::settings::{SettingsAction, SettingsScreen};
use super::stats::{StatsAction, StatsScreen};
use super::summary::{SummaryAction, SummaryScreen};
use crate::library::Library;
use crate::model::{Clock, DeckId, Timestamp};
use crate::stats::load_library_stats;
use crate::store::progress::DeviceId;
use crate::store::{DataDir, FolderWatch};
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
pub(super) enum Screen {
    Library(LibraryScreen),
    Review(Box<ReviewScreen>),
    Summary(SummaryScreen),
    Settings(Box<SettingsScreen>),
    QuizSetup(QuizSetupScreen),
    Quiz(Box<QuizScreen>),
    QuizResult(Box<QuizResultScreen>),
    Editor(Box<EditorScreen>),
    Stats(Box<StatsScreen>),
}

/// The whole app as egui sees it.
pub struct RecapApp {
    pub(super) env: AppEnv,
    pub(super) library: Library,
    pub(super) screen: Screen,
    /// Seeds every quiz when set (tests, `--screenshot`); otherwise each quiz gets a fresh one.
    pub(super) quiz_seed: Option<u64>,
    /// Notices other machines' answers (and edited decks) arriving in the data folder.
    pub(super) folder: FolderWatcher,
}

impl RecapApp {
    /// Loads the library (the only file access at start) and shows it.
    pub fn new(env: AppEnv) -> RecapApp {
        let folder = FolderWatcher::new(FolderWatch::new(&env.data));
        let library = Library::load(&env.data, &mut rand::rng());
        let screen = Screen::Library(LibraryScreen::new(&env, &library));
        RecapApp {
            env,
            library,
            screen,
            quiz_seed: None,
            folder,
        }
    }

    /// Checks the data folder for changes every `poll` instead of every two seconds (tests).
    pub fn set_folder_poll(&mut self, poll: std::time::Duration) {
        self.folder.set_poll(poll);
    }

    /// Makes every quiz from now on use `seed`, so it can be given again exactly.
    pub fn set_quiz_seed(&mut self, seed: u64) {
        self.quiz_seed = Some(seed);
    }

    /// The id of the library's first deck (newest first).
    pub fn first_deck(&self) -> Option<String> {
        self.library.decks.first().map(|d| d.id().to_string())
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

    /// Ends a study session and shows its summary. A session that tagged leeches changed
    /// a deck file: the library is read again so it shows the tags.
    pub fn finish_review(&mut self) {
        if let Screen::Review(review) =
            std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::empty()))
        {
            let tagged = !review.study.session().summary().leeches.is_empty();
            self.screen = Screen::Summary(SummaryScreen::from_review(*review, &self.env));
            if tagged {
                self.library = Library::load(&self.env.data, &mut rand::rng());
            }
        }
    }

    pub(super) fn start_study(&mut self, deck: &str) -> Result<ReviewScreen, String> {
        let entry = self
            .library
            .decks
            .iter_mut()
            .find(|d| d.id().as_str() == deck)
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

    pub(super) fn show_library(&mut self, message: Option<String>) {
        let mut screen = LibraryScreen::new(&self.env, &self.library);
        screen.message = message;
        self.screen = Screen::Library(screen);
    }

    /// Draws the current screen and follows the user's choice.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.reload_if_changed(ui.ctx());
        match &mut self.screen {
            Screen::Library(screen) => match screen.ui(ui, &self.library) {
                Some(LibraryAction::Study(deck)) => self.on_study(&deck),
                Some(LibraryAction::Quiz(deck)) => self.on_quiz(Some(&deck)),
                Some(LibraryAction::QuizSeveral) => self.on_quiz(None),
                Some(LibraryAction::Import(files)) => self.import_files(&files),
                Some(LibraryAction::ResolveConflict(index, how)) => {
                    self.resolve_conflict(index, how)
                }
                Some(LibraryAction::Edit(deck)) => self.on_edit(deck.as_str()),
                Some(LibraryAction::NewDeck) => self.on_new_deck(),
                Some(LibraryAction::NewFromArticle(file)) => self.on_new_from_article(file),
                Some(LibraryAction::StudyReadOnly(deck)) => self.on_study_read_only(&deck),
                Some(LibraryAction::SetAside(deck, file)) => self.on_set_aside(&deck, &file),
                Some(LibraryAction::Stats(deck)) => {
                    if let Err(message) = self.open_stats(deck.as_ref().map(DeckId::as_str)) {
                        self.show_library(Some(message));
                    }
                }
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
            Screen::QuizSetup(screen) => match screen.ui(ui, &self.library) {
                Some(QuizSetupAction::Start {
                    scope,
                    questions,
                    mode,
                    seed,
                }) => {
                    let title = screen.title();
                    let seed = seed.unwrap_or_else(|| self.quiz_seed());
                    match self.start_quiz(scope, title, questions, mode, seed) {
                        Ok(quiz) => self.screen = Screen::Quiz(Box::new(quiz)),
                        Err(message) => self.show_library(Some(message)),
                    }
                }
                Some(QuizSetupAction::Back) => self.show_library(None),
                None => {}
            },
            Screen::Quiz(screen) => match screen.ui(ui, &self.env) {
                Some(QuizAction::Finished(result)) => {
                    let (scope, title) = (screen.scope.clone(), screen.title.clone());
                    let shown = QuizResultScreen::new(&self.env, *result, scope, title);
                    self.screen = Screen::QuizResult(Box::new(shown));
                }
                Some(QuizAction::Quit) => self.show_library(None),
                None => {}
            },
            Screen::QuizResult(screen) => match screen.ui(ui, &self.env) {
                Some(QuizResultAction::RetryMissed) => {
                    let (scope, result) = (screen.scope.clone(), screen.result.clone());
                    let title = screen.title().to_string();
                    match self.retry_missed(scope, title, &result) {
                        Ok(quiz) => self.screen = Screen::Quiz(Box::new(quiz)),
                        Err(message) => self.show_library(Some(message)),
                    }
                }
                Some(QuizResultAction::Back) => self.show_library(None),
                None => {}
            },
            Screen::Editor(screen) => {
                if let Some(EditorAction::Close(message)) = screen.ui(ui, &self.env) {
                    self.reload_library(message);
                }
            }
            Screen::Stats(screen) => {
                if let Some(StatsAction::Back) = screen.ui(ui) {
                    self.show_library(None);
                }
            }
        }
    }

    /// Opens the Stats screen on `deck`, or on all decks; every deck's figures are read now,
    /// once, so switching decks on the screen reads nothing.
    pub fn open_stats(&mut self, deck: Option<&str>) -> Result<(), String> {
        let deck = match deck {
            Some(id) => Some(
                self.library
                    .find(id)
                    .ok_or_else(|| format!("no deck {id:?} in the library"))?
                    .deck()
                    .id
                    .clone(),
            ),
            None => None,
        };
        let data = load_library_stats(
            &self.env.data,
            &self.library,
            self.env.now(),
            self.env.utc_offset_minutes,
        );
        self.screen = Screen::Stats(Box::new(StatsScreen::new(data, deck.as_ref())));
        Ok(())
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

    /// Closing the window mid-session: rewrite the snapshot (every answer is already in the
    /// journal, so a failure here loses nothing; it is reported on stderr).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        let screen = std::mem::replace(&mut self.screen, Screen::Library(LibraryScreen::empty()));
        if let Screen::Review(review) = screen {
            if let Err(error) = review.into_study().close() {
                eprintln!("warning: the progress snapshot was not rewritten: {error}");
            }
        }
    }
}
