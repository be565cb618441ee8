//! The quiz setup screen: which decks (one, several or all), optionally only the cards with a
//! tag, how many questions and how they are asked, then Start. Enter starts (the Start button
//! has the focus at first), Tab moves between the labelled controls, Escape goes back to the
//! library.

use crate::library::Library;
use crate::model::{Deck, DeckId};
use crate::quiz::{DEFAULT_QUESTION_COUNT, QuizMode, QuizScope, tags_in};

/// What the user chose on the setup screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizSetupAction {
    Start {
        scope: QuizScope,
        questions: usize,
        mode: QuizMode,
        /// The seed typed in, to give a quiz again exactly; None: a fresh one.
        seed: Option<u64>,
    },
    Back,
}

/// One deck of the library, ticked or not.
struct DeckChoice {
    id: DeckId,
    title: String,
    included: bool,
}

/// The choices before a quiz.
pub struct QuizSetupScreen {
    decks: Vec<DeckChoice>,
    /// Every tag of the library's decks and cards, for the tag filter.
    tags: Vec<String>,
    tag: Option<String>,
    /// Cards in the current choice, worked out again only when the choice changes.
    cards: usize,
    questions: usize,
    /// The learner set the number: it is then kept (within the cards) when the choice changes.
    questions_touched: bool,
    mode: QuizMode,
    /// The Seed field as typed; a number gives the same quiz every time.
    seed: String,
    /// The Start button takes the focus once, so Enter starts at once with the defaults.
    focused: bool,
}

impl QuizSetupScreen {
    /// The setup with `deck` ticked, or every deck when None. Defaults: 10 questions, or every
    /// card when there are fewer; mixed mode; no tag filter.
    pub fn new(library: &Library, deck: Option<&DeckId>) -> QuizSetupScreen {
        let decks: Vec<&Deck> = library.decks.iter().map(|entry| entry.deck()).collect();
        let mut screen = QuizSetupScreen {
            decks: decks
                .iter()
                .map(|d| DeckChoice {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    included: deck.is_none_or(|wanted| wanted == &d.id),
                })
                .collect(),
            tags: tags_in(&decks),
            tag: None,
            cards: 0,
            questions: 0,
            questions_touched: false,
            mode: QuizMode::default(),
            seed: String::new(),
            focused: false,
        };
        screen.recount(library);
        screen
    }

    /// The decks and tag chosen now.
    pub fn scope(&self) -> QuizScope {
        QuizScope {
            decks: self
                .decks
                .iter()
                .filter(|d| d.included)
                .map(|d| d.id.clone())
                .collect(),
            tag: self.tag.clone(),
        }
    }

    /// "Kim Jong Un and Putin…", "3 decks", plus "· tagged summit": names the choice.
    pub fn title(&self) -> String {
        scope_title(&self.scope(), |id| {
            self.decks
                .iter()
                .find(|d| &d.id == id)
                .map(|d| d.title.clone())
        })
    }

    fn recount(&mut self, library: &Library) {
        let decks: Vec<&Deck> = library.decks.iter().map(|entry| entry.deck()).collect();
        self.cards = self.scope().card_count(&decks);
        self.questions = if self.questions_touched {
            self.questions.clamp(1, self.cards.max(1))
        } else {
            DEFAULT_QUESTION_COUNT.min(self.cards).max(1)
        };
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, library: &Library) -> Option<QuizSetupAction> {
        let mut action = None;
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(QuizSetupAction::Back);
        }
        egui::Panel::bottom("quiz-setup-bottom").show(ui, |ui| {
            ui.add_space(6.0);
            if let Some(start) = self.buttons(ui) {
                action = Some(start);
            }
            ui.add_space(6.0);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(format!("Quiz: {}", self.title()));
            ui.label(cards_text(self.cards));
            ui.add_space(8.0);
            let mut changed = self.deck_choices(ui);
            changed |= self.tag_choice(ui);
            if changed {
                self.recount(library);
            }
            ui.add_space(8.0);
            self.question_choices(ui);
        });
        action
    }

    /// A tick box per deck (its label is the deck's title) and "All decks"; true on a change.
    fn deck_choices(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            ui.label("Decks");
            if self.decks.len() > 1 && ui.button("All decks").clicked() {
                self.decks.iter_mut().for_each(|d| d.included = true);
                changed = true;
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("quiz-decks")
            .max_height(160.0)
            .show(ui, |ui| {
                for deck in &mut self.decks {
                    changed |= ui.checkbox(&mut deck.included, &deck.title).changed();
                }
            });
        changed
    }

    /// "Only cards tagged": any tag, or one of the library's tags; true on a change.
    fn tag_choice(&mut self, ui: &mut egui::Ui) -> bool {
        if self.tags.is_empty() {
            ui.label("Only cards tagged: (these decks have no tags)");
            return false;
        }
        let before = self.tag.clone();
        ui.horizontal(|ui| {
            let label = ui.label("Only cards tagged");
            let shown = self.tag.as_deref().unwrap_or("any tag");
            egui::ComboBox::from_id_salt("quiz-tag")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.tag, None, "any tag");
                    for tag in &self.tags {
                        ui.selectable_value(&mut self.tag, Some(tag.clone()), tag);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        self.tag != before
    }

    fn question_choices(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Number of questions");
            let count = ui
                .add(
                    egui::DragValue::new(&mut self.questions)
                        .range(1..=self.cards.max(1))
                        .speed(0.2),
                )
                .labelled_by(label.id);
            self.questions_touched |= count.changed();
        });
        ui.add_space(8.0);
        ui.label("How questions are asked");
        for mode in QuizMode::ALL {
            ui.radio_value(&mut self.mode, mode, mode_text(mode));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = ui.label("Seed");
            ui.add(
                egui::TextEdit::singleline(&mut self.seed)
                    .hint_text("random")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
            match self.parsed_seed() {
                Err(()) => {
                    ui.colored_label(ui.visuals().error_fg_color, "Digits only, e.g. 2024.");
                }
                Ok(_) => {
                    ui.label(
                        egui::RichText::new(
                            "The same seed and choices give the same quiz (e.g. to a whole class).",
                        )
                        .weak(),
                    );
                }
            }
        });
    }

    /// The Seed field: Ok(None) when empty, Err when it is not a whole number.
    fn parsed_seed(&self) -> Result<Option<u64>, ()> {
        let text = self.seed.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|_| ())
    }

    fn buttons(&mut self, ui: &mut egui::Ui) -> Option<QuizSetupAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            let seed = self.parsed_seed();
            let can_start = self.cards > 0 && seed.is_ok();
            let button = egui::Button::new("Start quiz").min_size(egui::vec2(160.0, 36.0));
            let start = ui.add_enabled(can_start, button);
            if !self.focused && can_start {
                start.request_focus();
                self.focused = true;
            }
            if start.clicked() {
                action = Some(QuizSetupAction::Start {
                    scope: self.scope(),
                    questions: self.questions.clamp(1, self.cards),
                    mode: self.mode,
                    seed: seed.ok().flatten(),
                });
            }
            if ui.button("Back to the library (Esc)").clicked() {
                action = Some(QuizSetupAction::Back);
            }
            if self.cards == 0 {
                ui.label("Tick a deck with cards (or another tag) to start.");
            }
        });
        action
    }
}

/// Names a quiz's scope for headings: the deck's title when there is one deck, else the
/// number of decks; then the tag.
pub(super) fn scope_title(
    scope: &QuizScope,
    title_of: impl Fn(&DeckId) -> Option<String>,
) -> String {
    let decks = match scope.decks.as_slice() {
        [] => "no deck".to_string(),
        [one] => title_of(one).unwrap_or_else(|| one.to_string()),
        many => format!("{} decks", many.len()),
    };
    match &scope.tag {
        Some(tag) => format!("{decks} · tagged {tag}"),
        None => decks,
    }
}

/// "1 card in this choice", "12 cards in this choice".
fn cards_text(cards: usize) -> String {
    match cards {
        1 => "1 card in this choice".to_string(),
        n => format!("{n} cards in this choice"),
    }
}

/// The mode with what it means, as the radio button's label.
fn mode_text(mode: QuizMode) -> String {
    let means = match mode {
        QuizMode::MultipleChoice => "pick the right answer among four",
        QuizMode::Typed => "type short answers; long ones are multiple choice",
        QuizMode::Mixed => "typed where the answer is short, multiple choice otherwise",
    };
    format!("{}: {means}", mode.label())
}
