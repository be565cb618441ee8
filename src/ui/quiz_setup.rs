//! The quiz setup screen: how many questions and how they are asked, then Start. Enter starts
//! (the Start button has the focus at first), Tab moves between the labelled controls, Escape
//! goes back to the library.

use crate::model::DeckId;
use crate::quiz::{DEFAULT_QUESTION_COUNT, QuizMode};

/// What the user chose on the setup screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizSetupAction {
    Start { questions: usize, mode: QuizMode },
    Back,
}

/// The choices before a quiz on one deck.
pub struct QuizSetupScreen {
    pub(super) deck: DeckId,
    title: String,
    cards: usize,
    questions: usize,
    mode: QuizMode,
    /// The Start button takes the focus once, so Enter starts at once with the defaults.
    focused: bool,
}

impl QuizSetupScreen {
    /// Defaults: 10 questions, or every card when the deck has fewer; mixed mode.
    pub fn new(deck: DeckId, title: String, cards: usize) -> QuizSetupScreen {
        QuizSetupScreen {
            deck,
            title,
            cards,
            questions: DEFAULT_QUESTION_COUNT.min(cards).max(1),
            mode: QuizMode::default(),
            focused: false,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<QuizSetupAction> {
        let mut action = None;
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(QuizSetupAction::Back);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(format!("Quiz: {}", self.title));
            ui.label(format!("{} cards in this deck", self.cards));
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                let label = ui.label("Number of questions");
                ui.add(
                    egui::DragValue::new(&mut self.questions)
                        .range(1..=self.cards.max(1))
                        .speed(0.2),
                )
                .labelled_by(label.id);
            });
            ui.add_space(8.0);
            ui.label("How questions are asked");
            for mode in QuizMode::ALL {
                ui.radio_value(&mut self.mode, mode, mode_text(mode));
            }
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                let start = ui.add_sized([160.0, 36.0], egui::Button::new("Start quiz"));
                if !self.focused {
                    start.request_focus();
                    self.focused = true;
                }
                if start.clicked() {
                    action = Some(QuizSetupAction::Start {
                        questions: self.questions.clamp(1, self.cards.max(1)),
                        mode: self.mode,
                    });
                }
                if ui.button("Back to the library (Esc)").clicked() {
                    action = Some(QuizSetupAction::Back);
                }
            });
        });
        action
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
