//! The middle of the editor: the deck's own fields, the chosen card's form and its preview,
//! each problem shown under its field as the teacher types.
//!
//! A card is edited as a copy that the widgets change; when the copy differs from the deck's
//! card, it goes to the draft as one edit. So a new per-card field needs only its widget, one
//! line at the end of `card_form`.

use super::editor::EditorScreen;
use crate::authoring::draft::{choices_from_text, list_text, short_from_text, tags_from_text};
use crate::authoring::validate::issues_at;
use crate::authoring::{CardField, DeckField, Issue, Place, Severity};
use crate::model::{Card, CardId};

/// The text of the list fields as typed ("a, b, " keeps its trailing comma while the teacher
/// types); taken again from the card when the card changes under it (undo, another card).
#[derive(Debug, Default)]
pub struct CardForm {
    card: Option<CardId>,
    tags: String,
    choices: String,
    short: String,
    deck_tags: String,
}

impl CardForm {
    fn sync(&mut self, card: &Card) {
        let other_card = self.card.as_ref() != Some(&card.id);
        if other_card || tags_from_text(&self.tags) != card.tags {
            self.tags = list_text(&card.tags, ", ");
        }
        if other_card || choices_from_text(&self.choices) != card.choices {
            self.choices = list_text(&card.choices, "\n");
        }
        if other_card || short_from_text(&self.short).as_deref() != card.short.as_deref() {
            self.short = card.short.as_deref().unwrap_or_default().to_owned();
        }
        self.card = Some(card.id.clone());
    }

    /// The card with the list fields as typed.
    fn apply(&self, card: &mut Card) {
        card.tags = tags_from_text(&self.tags);
        card.choices = choices_from_text(&self.choices);
        card.short = short_from_text(&self.short).map(Into::into);
    }
}

/// Width of the field names' column.
const NAME_WIDTH: f32 = 130.0;

/// A named field: its name on the left (also its accessible name), the widget, and the
/// problems found at `place` under it.
fn field(
    ui: &mut egui::Ui,
    name: &str,
    issues: &[Issue],
    place: Option<&Place>,
    widget: impl FnOnce(&mut egui::Ui) -> egui::Response,
) -> egui::Response {
    ui.horizontal_top(|ui| {
        let label = ui.add_sized([NAME_WIDTH, 20.0], egui::Label::new(name).wrap());
        ui.vertical(|ui| {
            let response = widget(ui).labelled_by(label.id);
            if let Some(place) = place {
                problems(ui, issues, place);
            }
            response
        })
        .inner
    })
    .inner
}

/// Each problem at `place`, red for what stops a save, amber for warnings.
fn problems(ui: &mut egui::Ui, issues: &[Issue], place: &Place) {
    for issue in issues_at(issues, place) {
        let color = match issue.severity {
            Severity::Error => ui.visuals().error_fg_color,
            Severity::Warning => ui.visuals().warn_fg_color,
        };
        ui.add(egui::Label::new(egui::RichText::new(&issue.message).color(color)).wrap());
    }
}

fn single(text: &mut String) -> egui::TextEdit<'_> {
    egui::TextEdit::singleline(text).desired_width(f32::INFINITY)
}

fn multi(text: &mut String, rows: usize) -> egui::TextEdit<'_> {
    egui::TextEdit::multiline(text)
        .desired_rows(rows)
        .desired_width(f32::INFINITY)
}

impl EditorScreen {
    pub(super) fn central(&mut self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new("Deck")
            // Open for a new deck (its title comes first); an existing deck opens on its cards.
            .default_open(self.draft.is_new())
            .show(ui, |ui| self.deck_fields(ui));
        ui.separator();
        let card = self
            .selected
            .as_ref()
            .and_then(|id| self.draft.deck().card(id))
            .cloned();
        match card {
            Some(card) => {
                self.card_form(ui, card);
                ui.separator();
                if let Some(card) = self
                    .selected
                    .as_ref()
                    .and_then(|id| self.draft.deck().card(id))
                {
                    let deck = (self.draft.deck(), self.draft.revision());
                    super::editor_preview::preview(ui, deck, card, &mut self.preview);
                }
            }
            None => {
                ui.weak("Choose a card on the left, or Add card.");
            }
        }
    }

    fn deck_fields(&mut self, ui: &mut egui::Ui) {
        let issues = self.issues().to_vec();
        let fields = [
            (DeckField::Title, "Title", Some(Place::Title), ""),
            (DeckField::Description, "Description", None, ""),
            (DeckField::SourceTitle, "Source headline", None, ""),
            (DeckField::SourceDate, "Source date", None, "YYYY-MM-DD"),
            (DeckField::SourceUrl, "Source address", None, "https://…"),
        ];
        for (which, name, place, hint) in fields {
            let mut text = self.draft.deck_field_text(which);
            let edit = match which {
                DeckField::Description => multi(&mut text, 2),
                _ => single(&mut text).hint_text(hint),
            };
            if field(ui, name, &issues, place.as_ref(), |ui| ui.add(edit)).changed() {
                self.draft.set_deck_field(which, &text);
            }
        }
        if tags_from_text(&self.form.deck_tags) != self.draft.deck().tags {
            self.form.deck_tags = self.draft.deck_field_text(DeckField::Tags);
        }
        let tags = single(&mut self.form.deck_tags).hint_text("comma-separated");
        if field(ui, "Deck tags", &issues, None, |ui| ui.add(tags)).changed() {
            self.draft
                .set_deck_field(DeckField::Tags, &self.form.deck_tags);
        }
    }

    fn card_form(&mut self, ui: &mut egui::Ui, original: Card) {
        let issues = self.issues().to_vec();
        let number = self.draft.index_of(&original.id).map_or(0, |i| i + 1);
        ui.horizontal(|ui| {
            ui.heading(format!(
                "Card {number} of {}",
                self.draft.deck().cards.len()
            ));
            ui.weak(format!("id {}", original.id));
        });
        self.form.sync(&original);
        let mut card = original.clone();
        let id = card.id.clone();
        let place = |f| Place::Card(id.clone(), f);
        let salt = |name: &str| (name.to_string(), id.clone());
        let (mut front, mut back) = (card.front.to_string(), card.back.to_string());
        field(
            ui,
            "Question",
            &issues,
            Some(&place(CardField::Front)),
            |ui| ui.add(multi(&mut front, 2).id_salt(salt("front"))),
        );
        field(ui, "Answer", &issues, Some(&place(CardField::Back)), |ui| {
            ui.add(multi(&mut back, 3).id_salt(salt("back")))
        });
        if card.front != front {
            card.front = front.into();
        }
        if card.back != back {
            card.back = back.into();
        }
        let form = &mut self.form;
        field(ui, "Card tags", &issues, None, |ui| {
            let edit = single(&mut form.tags).hint_text("comma-separated");
            ui.add(edit.id_salt(salt("tags")))
        });
        field(
            ui,
            "Wrong choices",
            &issues,
            Some(&place(CardField::Choices)),
            |ui| {
                let edit = multi(&mut form.choices, 3).hint_text("one per line, for quizzes");
                ui.add(edit.id_salt(salt("choices")))
            },
        );
        field(ui, "Short answer", &issues, None, |ui| {
            let edit = single(&mut form.short).hint_text("for typed-answer quizzes");
            ui.add(edit.id_salt(salt("short")))
        });
        form.apply(&mut card);
        // Per-card switches, one line each, bound to `card`: the edit, its undo step and the
        // unsaved-changes mark follow from `card` differing from `original`.
        ui.checkbox(
            &mut card.both_ways,
            "Study both ways (also ask the answer, expecting the question; its own progress)",
        );
        if card != original {
            self.draft.update_card(card);
        }
    }
}
