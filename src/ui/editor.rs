//! The deck editor: the card list on the left (editor_list.rs), the deck's fields, the chosen
//! card's form and its preview in the middle (editor_card.rs, editor_preview.rs), Save / Undo
//! / Redo / Back on top. Unsaved changes are never lost silently: leaving asks, and a file
//! changed on disk meanwhile is either reloaded (nothing unsaved) or offered as a choice.
//!
//! Everything that touches the deck goes through the core's [`Draft`]; this file only draws
//! and routes keys and clicks.

use super::app::AppEnv;
use super::editor_card::CardForm;
use crate::authoring::{AuthoringError, DiskCheck, Draft, Issue, save_draft, validate};
use crate::model::CardId;

/// What the user asked of the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorAction {
    /// Back to the library; the message says what was saved or discarded.
    Close(Option<String>),
}

/// Why the leave prompt is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaving {
    ToLibrary,
    /// The window is closing.
    Quit,
}

/// A deck open for editing, and the screen's own state around it.
pub struct EditorScreen {
    pub(super) draft: Draft,
    pub(super) selected: Option<CardId>,
    pub(super) search: String,
    pub(super) form: CardForm,
    /// The draft's problems, worked out again only when it changes.
    issues: (u64, Vec<Issue>),
    status: Option<Status>,
    leaving: Option<Leaving>,
    /// The window may close: the user chose to save or discard.
    quit_confirmed: bool,
    /// The file's new version while the user chooses between it and theirs.
    disk: Option<DiskCheck>,
}

/// A line under the toolbar: what the last action did, or why it failed.
struct Status {
    text: String,
    problem: bool,
}

impl EditorScreen {
    pub fn new(draft: Draft) -> EditorScreen {
        let selected = draft.deck().cards.first().map(|c| c.id.clone());
        let issues = (draft.revision(), validate(draft.deck()));
        EditorScreen {
            draft,
            selected,
            search: String::new(),
            form: CardForm::default(),
            issues,
            status: None,
            leaving: None,
            quit_confirmed: false,
            disk: None,
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
        self.watch_disk();
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
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.leaving = Some(Leaving::Quit);
        }
    }

    /// Leaves at once when nothing is unsaved; otherwise opens the Save / Discard prompt.
    fn request_leave(&mut self, why: Leaving) -> Option<EditorAction> {
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
    fn save(&mut self, env: &AppEnv) -> bool {
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

    pub(super) fn set_status(&mut self, text: String, problem: bool) {
        self.status = Some(Status { text, problem });
    }

    /// Picks up the file's new version: at once when nothing is unsaved, else the banner.
    fn watch_disk(&mut self) {
        let Some(check) = self.draft.poll_disk(&mut rand::rng()) else {
            return;
        };
        match check {
            DiskCheck::Changed { deck, bytes } if !self.draft.is_dirty() => {
                self.draft.load_from_disk(deck, Some(bytes));
                self.keep_selection_valid(None);
                self.disk = None;
                self.set_status(
                    "The file changed on disk and was loaded again (Ctrl+Z brings back the previous version).".to_string(),
                    false,
                );
            }
            other => self.disk = Some(other),
        }
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
            if ui.add_enabled(dirty, egui::Button::new("Save (Ctrl+S)")).clicked() {
                self.save(env);
            }
            if ui.add_enabled(self.draft.can_undo(), egui::Button::new("Undo (Ctrl+Z)")).clicked() {
                self.undo();
            }
            if ui.add_enabled(self.draft.can_redo(), egui::Button::new("Redo (Ctrl+Y)")).clicked() {
                self.redo();
            }
            if ui.button("Back to the library (Esc)").clicked() {
                action = self.request_leave(Leaving::ToLibrary);
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

    /// "This deck changed on disk": keep the editor's version or load the file's.
    fn disk_banner(&mut self, ui: &mut egui::Ui) {
        let Some(check) = &self.disk else { return };
        let (what, loadable) = match check {
            DiskCheck::Changed { .. } => ("This deck changed on disk while you were editing it.".to_string(), true),
            DiskCheck::Unreadable { error, .. } => (
                format!("This deck changed on disk, and the file does not load now: {error}"),
                false,
            ),
            DiskCheck::Removed => ("This deck's file was deleted or moved on disk.".to_string(), false),
        };
        let mut choice = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.colored_label(ui.visuals().warn_fg_color, what);
            ui.label("Progress is kept either way: it follows card ids.");
            ui.horizontal(|ui| {
                if ui
                    .button("Keep my changes")
                    .on_hover_text("The next save replaces the file with the editor's version.")
                    .clicked()
                {
                    choice = Some(false);
                }
                let load = egui::Button::new("Load the file's version");
                if ui
                    .add_enabled(loadable, load)
                    .on_hover_text("Your unsaved changes are dropped (Ctrl+Z brings them back).")
                    .clicked()
                {
                    choice = Some(true);
                }
            });
        });
        match (choice, self.disk.take()) {
            (Some(true), Some(DiskCheck::Changed { deck, bytes })) => {
                self.draft.load_from_disk(deck, Some(bytes));
                self.keep_selection_valid(None);
                self.set_status("Loaded the file's version.".to_string(), false);
            }
            (Some(false), Some(check)) => {
                self.draft.keep_mine_over(check.bytes());
                self.set_status("Kept your changes: the next save replaces the file.".to_string(), false);
            }
            (_, check) => self.disk = check,
        }
    }

    /// Save / Discard / Cancel, while leaving with unsaved changes.
    fn leave_prompt(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<EditorAction> {
        let why = self.leaving?;
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("editor-leave")).show(ui.ctx(), |ui| {
            ui.heading("Unsaved changes");
            ui.label("Save your changes to this deck before leaving?");
            ui.horizontal(|ui| {
                if ui.button("Save and leave").clicked() {
                    choice = Some(LeaveChoice::Save);
                }
                if ui.button("Discard changes").clicked() {
                    choice = Some(LeaveChoice::Discard);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(LeaveChoice::Cancel);
                }
            });
        });
        if modal.should_close() && choice.is_none() {
            choice = Some(LeaveChoice::Cancel);
        }
        let message = match choice? {
            LeaveChoice::Cancel => {
                self.leaving = None;
                return None;
            }
            LeaveChoice::Save => {
                self.leaving = None;
                if !self.save(env) {
                    return None;
                }
                self.status.take().map(|s| s.text)
            }
            LeaveChoice::Discard => {
                self.leaving = None;
                Some("Changes discarded.".to_string())
            }
        };
        if why == Leaving::Quit {
            self.quit_confirmed = true;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            return None;
        }
        Some(EditorAction::Close(message))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeaveChoice {
    Save,
    Discard,
    Cancel,
}
