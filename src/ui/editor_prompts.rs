//! The editor's questions to the user: the banner when the deck's file changed on disk while
//! it was being edited, and Save / Discard / Cancel when leaving with unsaved changes.

use super::app::AppEnv;
use super::editor::{EditorAction, EditorScreen, Leaving};
use crate::authoring::DiskCheck;

impl EditorScreen {
    /// Picks up the file's new version: at once when nothing is unsaved, else the banner.
    pub(crate) fn watch_disk(&mut self) {
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

    /// "This deck changed on disk": keep the editor's version or load the file's.
    pub(super) fn disk_banner(&mut self, ui: &mut egui::Ui) {
        let Some(check) = &self.disk else { return };
        let (what, loadable) = match check {
            DiskCheck::Changed { .. } => (
                "This deck changed on disk while you were editing it.".to_string(),
                true,
            ),
            DiskCheck::Unreadable { error, .. } => (
                format!("This deck changed on disk, and the file does not load now: {error}"),
                false,
            ),
            DiskCheck::Removed => (
                "This deck's file was deleted or moved on disk.".to_string(),
                false,
            ),
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
                self.set_status(
                    "Kept your changes: the next save replaces the file.".to_string(),
                    false,
                );
            }
            (_, check) => self.disk = check,
        }
    }

    /// Save / Discard / Cancel, while leaving with unsaved changes.
    pub(super) fn leave_prompt(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<EditorAction> {
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
