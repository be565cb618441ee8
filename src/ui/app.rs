//! The window: which screen is showing, and the moves between screens. Screens report what the
//! user asked for; this file turns that into core calls (opening a deck for study, saving
//! settings) and the next screen.

use super::library::{LibraryAction, LibraryScreen};
use super::quiz::{QuizAction, QuizScreen};
use super::quiz_result::{QuizResultAction, QuizResultScreen};
use super::quiz_setup::{QuizSetupAction, QuizSetupScreen};
use super::review::{ReviewAction, ReviewScreen};
use super::settings::{SettingsAction, SettingsScreen};
use super::stats::{StatsAction, StatsScreen};
use super::summary::{SummaryAction, SummaryScreen};
use crate::import::{ImportRequest, import_into_library};
use crate::library::Library;
use crate::model::{Clock, DeckId, Timestamp};
use crate::quiz::{QuizMode, QuizOptions, QuizResult, QuizRun, Response, build_quiz};
use crate::stats::load_library_stats;
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
    QuizSetup(QuizSetupScreen),
    Quiz(Box<QuizScreen>),
    QuizResult(Box<QuizResultScreen>),
    Stats(Box<StatsScreen>),
}

/// The whole app as egui sees it.
pub struct RecapApp {
    env: AppEnv,
    library: Library,
    screen: Screen,
    /// Seeds every quiz when set (tests, `--screenshot`); otherwise each quiz gets a fresh one.
    quiz_seed: Option<u64>,
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
            quiz_seed: None,
        }
    }

    /// Makes every quiz from now on use `seed`, so it can be given again exactly.
    pub fn set_quiz_seed(&mut self, seed: u64) {
        self.quiz_seed = Some(seed);
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
                Some(LibraryAction::Quiz(deck)) => self.on_quiz(&deck),
                Some(LibraryAction::Import(files)) => self.import_files(&files),
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
            Screen::QuizSetup(screen) => match screen.ui(ui) {
                Some(QuizSetupAction::Start { questions, mode }) => {
                    let deck = screen.deck.clone();
                    match self.start_quiz(deck.as_str(), questions, mode) {
                        Ok(quiz) => self.screen = Screen::Quiz(Box::new(quiz)),
                        Err(message) => self.show_library(Some(message)),
                    }
                }
                Some(QuizSetupAction::Back) => self.show_library(None),
                None => {}
            },
            Screen::Quiz(screen) => match screen.ui(ui, &self.env) {
                Some(QuizAction::Finished(result)) => {
                    let (deck, title) = (screen.deck.clone(), screen.title.clone());
                    let shown = QuizResultScreen::new(&self.env, *result, deck, title);
                    self.screen = Screen::QuizResult(Box::new(shown));
                }
                Some(QuizAction::Quit) => self.show_library(None),
                None => {}
            },
            Screen::QuizResult(screen) => match screen.ui(ui, &self.env) {
                Some(QuizResultAction::RetryMissed) => {
                    let (deck, result) = (screen.deck.clone(), screen.result.clone());
                    match self.retry_missed(&deck, &result) {
                        Ok(quiz) => self.screen = Screen::Quiz(Box::new(quiz)),
                        Err(message) => self.show_library(Some(message)),
                    }
                }
                Some(QuizResultAction::Back) => self.show_library(None),
                None => {}
            },
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

    fn quiz_seed(&self) -> u64 {
        self.quiz_seed.unwrap_or_else(rand::random)
    }

    /// The setup screen of a quiz on `deck`.
    fn on_quiz(&mut self, deck: &DeckId) {
        match self.library.find(deck.as_str()) {
            Some(entry) => {
                let d = entry.deck();
                let setup = QuizSetupScreen::new(d.id.clone(), d.title.clone(), d.cards.len());
                self.screen = Screen::QuizSetup(setup);
            }
            None => self.show_library(Some(format!("no deck {deck:?} in the library"))),
        }
    }

    /// Builds a quiz on `deck`. The deck's made-up card ids are written into its file first,
    /// as for study: the quiz history and "add missed to review" refer to them.
    fn start_quiz(
        &mut self,
        deck: &str,
        questions: usize,
        mode: QuizMode,
    ) -> Result<QuizScreen, String> {
        let seed = self.quiz_seed();
        let entry = self
            .library
            .decks
            .iter_mut()
            .find(|d| d.deck().id.as_str() == deck)
            .ok_or_else(|| format!("no deck {deck:?} in the library"))?;
        entry.persist_assigned_ids().map_err(|e| e.to_string())?;
        let options = QuizOptions {
            questions,
            mode,
            seed,
        };
        let quiz = build_quiz(&[entry.deck()], &options);
        if quiz.questions.is_empty() {
            return Err(format!("{} has no cards to quiz on", entry.deck().title));
        }
        let title = entry.deck().title.clone();
        let deck = entry.deck().id.clone();
        Ok(QuizScreen::new(
            QuizRun::new(quiz, self.env.now()),
            deck,
            title,
        ))
    }

    /// A new quiz of the questions `result` missed.
    fn retry_missed(&mut self, deck: &DeckId, result: &QuizResult) -> Result<QuizScreen, String> {
        let seed = self.quiz_seed();
        let entry = self
            .library
            .find(deck.as_str())
            .ok_or_else(|| format!("no deck {deck:?} in the library"))?;
        let quiz = result
            .retry_missed(&[entry.deck()], seed)
            .ok_or("nothing was missed")?;
        let title = entry.deck().title.clone();
        Ok(QuizScreen::new(
            QuizRun::new(quiz, self.env.now()),
            deck.clone(),
            title,
        ))
    }

    /// Opens a multiple-choice quiz on `deck` at its first question (used by `--screenshot`).
    pub fn open_quiz(&mut self, deck: &str) -> Result<(), String> {
        let quiz = self.start_quiz(deck, usize::MAX, QuizMode::MultipleChoice)?;
        self.screen = Screen::Quiz(Box::new(quiz));
        Ok(())
    }

    /// Shows the result of a multiple-choice quiz on `deck` answered in memory — every other
    /// question wrong — without saving it in the history (used by `--screenshot`).
    pub fn open_quiz_result(&mut self, deck: &str) -> Result<(), String> {
        let mut screen = self.start_quiz(deck, usize::MAX, QuizMode::MultipleChoice)?;
        let run = &mut screen.run;
        let mut index = 0;
        while let Some(question) = run.current() {
            let pick = match &question.kind {
                crate::quiz::QuestionKind::MultipleChoice { options, correct }
                    if index % 2 == 1 =>
                {
                    (correct + 1) % options.len().max(1)
                }
                crate::quiz::QuestionKind::MultipleChoice { correct, .. } => *correct,
                crate::quiz::QuestionKind::Typed { .. } => 0,
            };
            run.answer(Response::Choice(pick))
                .map_err(|e| e.to_string())?;
            run.advance().map_err(|e| e.to_string())?;
            index += 1;
        }
        let result = run.result(self.env.now()).map_err(|e| e.to_string())?;
        let shown = QuizResultScreen::preview(result, screen.deck, screen.title);
        self.screen = Screen::QuizResult(Box::new(shown));
        Ok(())
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
