//! The editor's card list: search, the cards (question first), and the buttons that add,
//! duplicate, delete and move the chosen card. Rows with a problem are marked in red.

use super::editor::EditorScreen;
use crate::authoring::draft::card_matches;
use crate::authoring::{Place, Severity};
use crate::model::CardId;

/// The cards the list shows, by index: those matching the search, worked out again only when
/// the draft or the search changes (searching 100,000 cards every frame would stall typing).
#[derive(Debug, Default)]
pub struct ListRows {
    /// The draft revision and search the indices were made for.
    made_for: Option<(u64, String)>,
    indices: Vec<usize>,
}

impl ListRows {
    fn refresh(&mut self, revision: u64, deck: &crate::model::Deck, search: &str) {
        if self
            .made_for
            .as_ref()
            .is_some_and(|(r, s)| *r == revision && s == search)
        {
            return;
        }
        self.indices = (deck.cards.iter().enumerate())
            .filter(|(_, card)| card_matches(card, search))
            .map(|(index, _)| index)
            .collect();
        self.made_for = Some((revision, search.to_owned()));
    }
}

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
        self.rows
            .refresh(self.draft.revision(), self.draft.deck(), &self.search);
        let spacing = ui.spacing();
        let row_height = (ui.text_style_height(&egui::TextStyle::Button)
            + 2.0 * spacing.button_padding.y)
            .max(spacing.interact_size.y);
        if self.rows.indices.is_empty() {
            ui.weak(match self.draft.deck().cards.is_empty() {
                true => "No cards yet: Add card makes the first.",
                false => "No card matches the search.",
            });
            return;
        }
        // Only the rows in view are laid out: a deck of 100,000 cards scrolls like one of ten.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, self.rows.indices.len(), |ui, visible| {
                let cards = &self.draft.deck().cards;
                for &index in &self.rows.indices[visible] {
                    let Some(card) = cards.get(index) else {
                        continue;
                    };
                    let mut text = egui::RichText::new(row_text(index, &card.front));
                    if self.card_has_error(&card.id) {
                        text = text.color(ui.visuals().error_fg_color);
                    }
                    let selected = self.selected.as_ref() == Some(&card.id);
                    let row = egui::Button::selectable(selected, text).truncate();
                    if ui.add(row).clicked() {
                        clicked = Some(card.id.clone());
                    }
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
