//! The app's moves on the data folder: importing files, picking up what a sync tool changed,
//! resolving conflict copies, decks with damaged progress, and the editor's decks.

use super::app::{RecapApp, Screen};
use super::editor::EditorScreen;
use super::review::ReviewScreen;
use crate::import::{ImportRequest, import_into_library};
use crate::library::Library;
use crate::model::DeckId;
use crate::study::{StudyDeck, set_aside_damaged};

impl RecapApp {
    /// Imports each file through the same code as `recap import`, reloads the library, and
    /// says what happened.
    pub(super) fn import_files(&mut self, files: &[std::path::PathBuf]) {
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

    /// Picks up files a sync tool (or a text editor) changed since the last look, as the
    /// folder-watching thread reports them: the library reads itself again (decks, other
    /// machines' answers, conflict copies); the editor looks at its deck's file. Other screens
    /// leave the change pending; the library is read again when they return to it.
    pub(super) fn reload_if_changed(&mut self, ctx: &egui::Context) {
        if let Screen::Editor(editor) = &mut self.screen {
            if self.folder.take_change(ctx) {
                editor.watch_disk();
            }
            return;
        }
        if !matches!(self.screen, Screen::Library(_)) || !self.folder.take_change(ctx) {
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
    pub(super) fn resolve_conflict(&mut self, index: usize, how: crate::library::Resolution) {
        let Some(conflict) = self.library.conflicts.get(index).cloned() else {
            return;
        };
        let message = match conflict.resolve(how, self.env.now(), &mut rand::rng()) {
            Ok(done) => done,
            Err(error) => format!("The conflict copy was left as it is: {error}"),
        };
        self.library = Library::load(&self.env.data, &mut rand::rng());
        self.show_library(Some(message));
    }

    /// Opens `deck` for study without saving anything (its progress has a damaged file).
    pub(super) fn on_study_read_only(&mut self, deck: &DeckId) {
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
    pub(super) fn on_set_aside(&mut self, deck: &DeckId, file: &std::path::Path) {
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

    pub(super) fn on_edit(&mut self, deck: &str) {
        if let Err(message) = self.open_editor(deck) {
            self.show_library(Some(message));
        }
    }

    pub(super) fn on_new_deck(&mut self) {
        let draft = crate::authoring::Draft::new_deck();
        self.screen = Screen::Editor(Box::new(EditorScreen::new(draft)));
    }

    /// Imports the article's FAQ as `recap import` does, then opens the new deck to edit.
    pub(super) fn on_new_from_article(&mut self, file: std::path::PathBuf) {
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
    pub(super) fn reload_library(&mut self, message: Option<String>) {
        self.library = Library::load(&self.env.data, &mut rand::rng());
        self.show_library(message);
    }
}
