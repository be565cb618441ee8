//! The deck editor: the card list on the left (editor_list.rs), the deck's fields, the chosen
//! card's form and its preview in the middle (editor_card.rs, editor_preview.rs), Save / Undo
//! / Redo / Back / Export… on top (editor_export.rs). Unsaved changes are never lost silently:
//! leaving asks, and a file changed on disk meanwhile is either reloaded (nothing unsaved) or
//! offered as a choice (editor_prompts.rs).
//!
//! Everything that touches the deck goes through the core's [`Draft`]; this file only draws
//! and routes keys and clicks.

use super::app::AppEnv;
use super::editor_card::CardForm;
use super::editor_export::ExportDialog;
use crate::authoring::{
    AuthoringError, DiskCheck, Draft, Issue, export_deck, save_draft, validate,
};
use crate::model::CardId;

/// What the user asked of the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorAction {
    /// Back to the library; the message says what was saved or discarded.
    Close(Option<String>),
}

/// Why the leave prompt is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Leaving {
    ToLibrary,
    /// The window is closing.
    Quit,
}

/// A deck open for editing, and the screen's own state around it.
pub struct EditorScreen {
    pub(super) draft: Draft,
    pub(super) selected: Option<CardId>,
    pub(super) search: String,
    /// The list's rows for the search, kept between frames.
    pub(super) rows: super::editor_list::ListRows,
    /// The preview's quiz questions, kept between frames.
    pub(super) preview: super::editor_preview::PreviewQuestions,
    pub(super) form: CardForm,
    /// The draft's problems, worked out again only when it changes.
    issues: (u64, Vec<Issue>),
    pub(super) status: Option<Status>,
    pub(super) leaving: Option<Leaving>,
    /// The window may close: the user chose to save or discard.
    pub(super) quit_confirmed: bool,
    /// The file's new version while the user chooses between it and theirs.
    pub(super) disk: Option<DiskCheck>,
    export: ExportDialog,
}

/// A line under the toolbar: what the last action did, or why it failed.
pub(super) struct Status {
    pub(super) text: String,
    pub(super) problem: bool,
}

impl EditorScreen {
    pub fn new(draft: Draft) -> EditorScreen {
        let selected = draft.deck().cards.first().map(|c| c.id.clone());
        let issues = (draft.revision(), validate(draft.deck()));
        EditorScreen {
            draft,
            selected,
            search: String::new(),
            rows: Default::default(),
            preview: Default::default(),
            form: CardForm::default(),
            issues,
            status: None,
            leaving: None,
            quit_confirmed: false,
            disk: None,
            export: ExportDialog::default(),
        }
    }

    /// The deck as edited (tests compare it with the file).
    pub fn deck(&self) -> &crate::model::Deck {
        self.draft.deck()
    }

    /// The card whose form is showing.
    pub fn selected(&self) -> Option<&CardId> {
        self.selected.as_ref()
    }

    /// Whether there are changes not in the file.
    pub fn is_dirty(&self) -> bool {
        self.draft.is_dirty()
    }

    pub(super) fn issues(&self) -> &[Issue] {
        &self.issues.1
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<EditorAction> {
        self.finish_export(env.now());
        let mut action = self.handle_keys(ui, env);
        self.handle_window_close(ui);
        self.refresh_issues();
        egui::Panel::top("editor-top").show(ui, |ui| {
            if let Some(chosen) = self.toolbar(ui, env) {
                action = Some(chosen);
            }
        });
        egui::Panel::left("editor-cards")
            .default_size(260.0)
            .resizable(true)
            .show(ui, |ui| self.card_list(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| self.central(ui));
        });
        if let Some(chosen) = self.leave_prompt(ui, env) {
            action = Some(chosen);
        }
        self.refresh_issues();
        action
    }

    fn refresh_issues(&mut self) {
        if self.issues.0 != self.draft.revision() {
            self.issues = (self.draft.revision(), validate(self.draft.deck()));
        }
    }

    /// Shortcuts, taken before any text field sees them (a field's own Ctrl+Z would undo
    /// only its text, out of step with the deck's history).
    fn handle_keys(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<EditorAction> {
        use egui::{Key, KeyboardShortcut as Shortcut, Modifiers as M};
        let shift_z = Shortcut::new(M::COMMAND | M::SHIFT, Key::Z);
        let (save, redo, undo, escape) = ui.input_mut(|i| {
            let save = i.consume_shortcut(&Shortcut::new(M::COMMAND, Key::S));
            // The most specific shortcut first: Ctrl+Z would also match Ctrl+Shift+Z.
            let redo = i.consume_shortcut(&shift_z)
                || i.consume_shortcut(&Shortcut::new(M::COMMAND, Key::Y));
            let undo = i.consume_shortcut(&Shortcut::new(M::COMMAND, Key::Z));
            (save, redo, undo, i.key_pressed(Key::Escape))
        });
        if self.leaving.is_some() {
            return None;
        }
        if save {
            self.save(env);
        }
        if redo {
            self.redo();
        }
        if undo {
            self.undo();
        }
        // The first Escape leaves a text field (egui's own); the next one leaves the editor.
        let in_field = ui.memory(|m| m.focused().is_some());
        (escape && !in_field)
            .then(|| self.request_leave(Leaving::ToLibrary))
            .flatten()
    }

    /// Closing the window with unsaved changes asks first, as leaving the screen does.
    fn handle_window_close(&mut self, ui: &mut egui::Ui) {
        let closing = ui.input(|i| i.viewport().close_requested());
        if closing && self.draft.is_dirty() && !self.quit_confirmed {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.leaving = Some(Leaving::Quit);
        }
    }

    /// Leaves at once when nothing is unsaved; otherwise opens the Save / Discard prompt.
    pub(super) fn request_leave(&mut self, why: Leaving) -> Option<EditorAction> {
        if self.draft.is_dirty() {
            self.leaving = Some(why);
            None
        } else {
            Some(EditorAction::Close(None))
        }
    }

    pub(super) fn undo(&mut self) {
        if self.draft.undo() {
            self.keep_selection_valid(None);
        }
    }

    pub(super) fn redo(&mut self) {
        if self.draft.redo() {
            self.keep_selection_valid(None);
        }
    }

    /// After a change that may have removed the selected card: the card at `index` (or the
    /// last one) is selected instead.
    pub(super) fn keep_selection_valid(&mut self, index: Option<usize>) {
        let cards = &self.draft.deck().cards;
        let present = |id: &CardId| cards.iter().any(|c| &c.id == id);
        if self.selected.as_ref().is_some_and(present) {
            return;
        }
        let at = index.unwrap_or(0).min(cards.len().saturating_sub(1));
        self.selected = cards.get(at).map(|c| c.id.clone());
    }

    /// Saves; true when the file now holds the deck.
    pub(super) fn save(&mut self, env: &AppEnv) -> bool {
        match save_draft(&mut self.draft, &env.data, false, &mut rand::rng()) {
            Ok(outcome) => {
                self.set_status(format!("Saved {}.", outcome.path.display()), false);
                true
            }
            Err(error) => {
                if matches!(error, AuthoringError::ChangedOnDisk { .. }) && self.disk.is_none() {
                    self.disk = self.draft.poll_disk(&mut rand::rng());
                }
                self.set_status(error.to_string(), true);
                false
            }
        }
    }

    /// Writes the export once the save dialog returned a file (the deck as edited, saved or
    /// not).
    fn finish_export(&mut self, env_now: crate::model::Timestamp) {
        let Some(path) = self.export.chosen() else {
            return;
        };
        match export_deck(self.draft.deck(), &path, env_now) {
            Ok(message) => self.set_status(message, false),
            Err(error) => self.set_status(format!("Not exported: {error}"), true),
        }
    }

    pub(super) fn set_status(&mut self, text: String, problem: bool) {
        self.status = Some(Status { text, problem });
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<EditorAction> {
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            let title = match self.draft.deck().title.trim() {
                "" => "Untitled deck",
                title => title,
            };
            ui.label(egui::RichText::new(format!("Editing: {title}")).strong());
            let dirty = self.draft.is_dirty();
            if ui
                .add_enabled(dirty, egui::Button::new("Save (Ctrl+S)"))
                .clicked()
            {
                self.save(env);
            }
            if ui
                .add_enabled(self.draft.can_undo(), egui::Button::new("Undo (Ctrl+Z)"))
                .clicked()
            {
                self.undo();
            }
            if ui
                .add_enabled(self.draft.can_redo(), egui::Button::new("Redo (Ctrl+Y)"))
                .clicked()
            {
                self.redo();
            }
            if ui.button("Back to the library (Esc)").clicked() {
                action = self.request_leave(Leaving::ToLibrary);
            }
            let exporting = self.export.is_open();
            let label = if exporting {
                "Choosing a file…"
            } else {
                "Export…"
            };
            let export = ui.add_enabled(!exporting, egui::Button::new(label));
            if export
                .on_hover_text("Save the cards as CSV or TSV (Anki reads both)")
                .clicked()
            {
                let stem = self.draft.deck().id.to_string();
                self.export.open(ui.ctx(), &stem);
            }
            ui.label(match dirty {
                true => egui::RichText::new("Unsaved changes").color(ui.visuals().warn_fg_color),
                false => egui::RichText::new("All changes saved").weak(),
            });
        });
        self.disk_banner(ui);
        if let Some(status) = &self.status {
            let color = match status.problem {
                true => ui.visuals().error_fg_color,
                false => ui.visuals().text_color(),
            };
            ui.add(egui::Label::new(egui::RichText::new(&status.text).color(color)).wrap());
        }
        action
    }
}
