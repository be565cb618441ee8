//! The editor's card list: search, the cards (question first), and the buttons that add,
//! duplicate, delete and move the chosen card. Rows with a problem are marked in red.

use super::editor::EditorScreen;
use crate::authoring::draft::card_matches;
use crate::authoring::{Place, Severity};
use crate::model::CardId;

/// Characters of a question shown in a row.
const ROW_CHARS: usize = 48;

impl EditorScreen {
    pub(super) fn card_list(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        ui.heading(format!("Cards ({})", self.draft.deck().cards.len()));
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("question, answer or tag")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        self.list_buttons(ui);
        ui.separator();
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut shown = 0;
                for (index, card) in self.draft.deck().cards.iter().enumerate() {
                    if !card_matches(card, &self.search) {
                        continue;
                    }
                    shown += 1;
                    let text = row_text(index, &card.front);
                    let mut text = egui::RichText::new(text);
                    if self.card_has_error(&card.id) {
                        text = text.color(ui.visuals().error_fg_color);
                    }
                    let selected = self.selected.as_ref() == Some(&card.id);
                    if ui.selectable_label(selected, text).clicked() {
                        clicked = Some(card.id.clone());
                    }
                }
                if shown == 0 {
                    ui.weak(match self.draft.deck().cards.is_empty() {
                        true => "No cards yet: Add card makes the first.",
                        false => "No card matches the search.",
                    });
                }
            });
        if let Some(id) = clicked {
            self.select(id);
        }
    }

    fn list_buttons(&mut self, ui: &mut egui::Ui) {
        let has = self.selected.clone();
        ui.horizontal_wrapped(|ui| {
            if ui.button("Add card").clicked() {
                let id = self.draft.add_card(has.as_ref(), &mut rand::rng());
                self.search.clear();
                self.select(id);
            }
            let Some(id) = has else { return };
            if ui.button("Duplicate").clicked()
                && let Some(copy) = self.draft.duplicate_card(&id, &mut rand::rng())
            {
                self.select(copy);
            }
            if ui
                .button("Delete")
                .on_hover_text("Ctrl+Z brings it back")
                .clicked()
            {
                let index = self.draft.delete_card(&id);
                self.selected = None;
                self.keep_selection_valid(index);
            }
            if ui.button("Move up").clicked() {
                self.draft.move_card(&id, true);
            }
            if ui.button("Move down").clicked() {
                self.draft.move_card(&id, false);
            }
        });
    }

    pub(super) fn select(&mut self, id: CardId) {
        self.draft.break_step();
        self.selected = Some(id);
    }

    fn card_has_error(&self, id: &CardId) -> bool {
        self.issues().iter().any(|issue| {
            issue.severity == Severity::Error
                && matches!(&issue.place, Place::Card(c, _) if c == id)
        })
    }
}

/// "3. Who is Kim Son Gyong?", cut to a row's width.
fn row_text(index: usize, front: &str) -> String {
    let front = front.lines().next().unwrap_or("").trim();
    let front = match front {
        "" => "(no question yet)".to_string(),
        text if text.chars().count() > ROW_CHARS => {
            let cut: String = text.chars().take(ROW_CHARS).collect();
            format!("{}…", cut.trim_end())
        }
        text => text.to_string(),
    };
    format!("{}. {front}", index + 1)
}
