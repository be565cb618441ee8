//! The window: which screen is showing, and the moves between screens. Screens report what the
//! user asked for; this file turns that into core calls (opening a deck for study, saving
//! settings) and the next screen.

use super::editor::{EditorAction, EditorScreen};
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
use crate::quiz::{QuizMode, QuizOptions, QuizResult, QuizRun, QuizScope, Response};
use crate::stats::load_library_stats;
use crate::store::progress::DeviceId;
use crate::store::{DataDir, FolderWatch};
use crate::study::{StudyDeck, set_aside_damaged};
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
    Editor(Box<EditorScreen>),
    Stats(Box<StatsScreen>),
}

/// The whole app as egui sees it.
pub struct RecapApp {
    env: AppEnv,
    library: Library,
    screen: Screen,
    /// Seeds every quiz when set (tests, `--screenshot`); otherwise each quiz gets a fresh one.
    quiz_seed: Option<u64>,
    /// The data folder as last seen, to notice other machines' answers arriving.
    watch: FolderWatch,
}

impl RecapApp {
    /// Loads the library (the only file access at start) and shows it.
    pub fn new(env: AppEnv) -> RecapApp {
        let watch = FolderWatch::new(&env.data);
        let library = Library::load(&env.data, &mut rand::rng());
        let screen = Screen::Library(LibraryScreen::new(&env, &library));
        RecapApp {
            env,
            library,
            screen,
            quiz_seed: None,
            watch,
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

    /// Opens `deck` for study without saving anything (its progress has a damaged file).
    fn on_study_read_only(&mut self, deck: &DeckId) {
        let Some(entry) = self.library.find(deck.as_str()) else {
            return self.show_library(Some(format!("no deck {deck:?} in the library")));
        };
        let opened = StudyDeck::open_read_only(
            &self.env.data,
            entry,
            self.env.now(),
            self.env.utc_offset_minutes,
        );
        match opened {
            Ok((study, notes)) => {
                self.screen = Screen::Review(Box::new(ReviewScreen::new(study, notes)))
            }
            Err(error) => self.show_library(Some(error.to_string())),
        }
    }

    /// Renames the deck's damaged progress file aside, then studies the deck normally.
    fn on_set_aside(&mut self, deck: &DeckId, file: &std::path::Path) {
        let moved = match set_aside_damaged(&self.env.data, deck, file, self.env.now()) {
            Ok(moved) => moved,
            Err(error) => return self.show_library(Some(error.to_string())),
        };
        let note = format!(
            "The damaged file {} was set aside as {} (renamed, not deleted).",
            file.display(),
            moved.display()
        );
        match self.start_study(deck.as_str()) {
            Ok(mut review) => {
                review.add_note(note);
                self.screen = Screen::Review(Box::new(review));
            }
            Err(message) => self.show_library(Some(format!("{note}\n{message}"))),
        }
    }

    fn show_library(&mut self, message: Option<String>) {
        let mut screen = LibraryScreen::new(&self.env, &self.library);
        screen.message = message;
        self.screen = Screen::Library(screen);
    }

    /// Draws the current screen and follows the user's choice.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.reload_if_changed();
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

    fn quiz_seed(&self) -> u64 {
        self.quiz_seed.unwrap_or_else(rand::random)
    }

    /// The setup screen of a quiz on `deck`, or on every deck (to narrow down) when None.
    fn on_quiz(&mut self, deck: Option<&DeckId>) {
        if let Some(missing) = deck.filter(|d| self.library.find(d.as_str()).is_none()) {
            self.show_library(Some(format!("no deck {missing:?} in the library")));
            return;
        }
        self.screen = Screen::QuizSetup(QuizSetupScreen::new(&self.library, deck));
    }

    /// Builds a quiz on the cards of `scope`. The decks' made-up card ids are written into
    /// their files first, as for study: the quiz history and "add missed to review" refer to
    /// them.
    fn start_quiz(
        &mut self,
        scope: QuizScope,
        title: String,
        questions: usize,
        mode: QuizMode,
        seed: u64,
    ) -> Result<QuizScreen, String> {
        for entry in self.library.decks.iter_mut() {
            if scope.decks.contains(&entry.deck().id) {
                entry.persist_assigned_ids().map_err(|e| e.to_string())?;
            }
        }
        let options = QuizOptions {
            questions,
            mode,
            seed,
        };
        let quiz = scope.build(&self.library_decks(), &options);
        if quiz.questions.is_empty() {
            return Err(format!("{title} has no cards to quiz on"));
        }
        Ok(QuizScreen::new(
            QuizRun::new(quiz, self.env.now()),
            scope,
            title,
        ))
    }

    fn library_decks(&self) -> Vec<&crate::model::Deck> {
        self.library
            .decks
            .iter()
            .map(|entry| entry.deck())
            .collect()
    }

    /// A new quiz of the questions `result` missed.
    fn retry_missed(
        &mut self,
        scope: QuizScope,
        title: String,
        result: &QuizResult,
    ) -> Result<QuizScreen, String> {
        let seed = self.quiz_seed();
        let decks = scope.chosen(&self.library_decks());
        let quiz = result
            .retry_missed(&decks, seed)
            .ok_or("nothing was missed")?;
        Ok(QuizScreen::new(
            QuizRun::new(quiz, self.env.now()),
            scope,
            title,
        ))
    }

    /// Opens the quiz setup with every deck ticked (used by `--screenshot`).
    pub fn open_quiz_setup(&mut self) {
        self.on_quiz(None);
    }

    /// Opens a multiple-choice quiz on `deck` at its first question (used by `--screenshot`).
    pub fn open_quiz(&mut self, deck: &str) -> Result<(), String> {
        let (scope, title) = self.one_deck_scope(deck)?;
        let quiz = self.start_quiz(
            scope,
            title,
            usize::MAX,
            QuizMode::MultipleChoice,
            self.quiz_seed(),
        )?;
        self.screen = Screen::Quiz(Box::new(quiz));
        Ok(())
    }

    /// Shows the result of a multiple-choice quiz on `deck` answered in memory — every other
    /// question wrong — without saving it in the history (used by `--screenshot`).
    pub fn open_quiz_result(&mut self, deck: &str) -> Result<(), String> {
        let (scope, title) = self.one_deck_scope(deck)?;
        let mut screen = self.start_quiz(
            scope,
            title,
            usize::MAX,
            QuizMode::MultipleChoice,
            self.quiz_seed(),
        )?;
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
        let shown = QuizResultScreen::preview(result, screen.scope, screen.title);
        self.screen = Screen::QuizResult(Box::new(shown));
        Ok(())
    }

    /// The scope of a quiz on every card of `deck`, with the deck's title.
    fn one_deck_scope(&self, deck: &str) -> Result<(QuizScope, String), String> {
        let entry = self
            .library
            .find(deck)
            .ok_or_else(|| format!("no deck {deck:?} in the library"))?;
        let d = entry.deck();
        Ok((QuizScope::deck(d.id.clone()), d.title.clone()))
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

    /// On the library screen, picks up files a sync tool (or a text editor) changed since the
    /// last look: decks, other machines' answers, conflict copies. Other screens keep what
    /// they opened; the library is read again when they return to it.
    fn reload_if_changed(&mut self) {
        if !matches!(self.screen, Screen::Library(_)) || !self.watch.changed() {
            return;
        }
        let message = match &mut self.screen {
            Screen::Library(screen) => screen.message.take(),
            _ => None,
        };
        self.library = Library::load(&self.env.data, &mut rand::rng());
        self.show_library(message);
    }

    /// Keeps, replaces or merges a deck file with the sync tool's copy of it, as chosen.
    fn resolve_conflict(&mut self, index: usize, how: crate::library::Resolution) {
        let Some(conflict) = self.library.conflicts.get(index).cloned() else {
            return;
        };
        let message = match conflict.resolve(how, self.env.now(), &mut rand::rng()) {
            Ok(done) => done,
            Err(error) => format!("The conflict copy was left as it is: {error}"),
        };
        self.library = Library::load(&self.env.data, &mut rand::rng());
        self.watch.changed();
        self.show_library(Some(message));
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

/// The deck editor's ways in and out (see editor.rs).
impl RecapApp {
    /// Opens `deck` in the editor (also used by `--screenshot`).
    pub fn open_editor(&mut self, deck: &str) -> Result<(), String> {
        let draft = crate::authoring::open_draft(&self.library, deck, &mut rand::rng())
            .map_err(|e| e.to_string())?;
        self.screen = Screen::Editor(Box::new(EditorScreen::new(draft)));
        Ok(())
    }

    /// The editor, if showing (tests look at its state).
    pub fn editor(&self) -> Option<&EditorScreen> {
        match &self.screen {
            Screen::Editor(editor) => Some(editor),
            _ => None,
        }
    }

    fn on_edit(&mut self, deck: &str) {
        if let Err(message) = self.open_editor(deck) {
            self.show_library(Some(message));
        }
    }

    fn on_new_deck(&mut self) {
        let draft = crate::authoring::Draft::new_deck();
        self.screen = Screen::Editor(Box::new(EditorScreen::new(draft)));
    }

    /// Imports the article's FAQ as `recap import` does, then opens the new deck to edit.
    fn on_new_from_article(&mut self, file: std::path::PathBuf) {
        let request = ImportRequest {
            file,
            format: Some(crate::import::tabular::FileFormat::Article),
            ..ImportRequest::default()
        };
        match import_into_library(&self.env.data, &request, &mut rand::rng()) {
            Ok(report) => {
                self.library = Library::load(&self.env.data, &mut rand::rng());
                self.on_edit(report.deck.as_str());
            }
            Err(error) => self.show_library(Some(format!("Not imported: {error}"))),
        }
    }

    /// Reads the library again (the editor may have saved) and shows it.
    fn reload_library(&mut self, message: Option<String>) {
        self.library = Library::load(&self.env.data, &mut rand::rng());
        self.watch.changed();
        self.show_library(message);
    }
}
