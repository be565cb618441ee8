//! The quiz screen: one question at a time. Multiple choice shows options A–D (keys 1–4 or
//! A–D pick); a typed question has a focused text field (Enter submits). Feedback comes at
//! once — right, close with the difference, or wrong with the right answer — and Enter
//! continues. The quiz itself (judging, score) lives in the core's [`QuizRun`].

use super::app::AppEnv;
use crate::model::Timestamp;
use crate::quiz::{DiffPart, QuestionKind, QuizResult, QuizRun, QuizScope, Response, Verdict};

/// What the user asked of the quiz screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizAction {
    /// Every question is answered: show the result.
    Finished(Box<QuizResult>),
    /// Escape: leave without finishing (nothing is saved).
    Quit,
}

const QUESTION_SIZE: f32 = 24.0;
const OPTION_KEYS: [(egui::Key, egui::Key); 4] = [
    (egui::Key::Num1, egui::Key::A),
    (egui::Key::Num2, egui::Key::B),
    (egui::Key::Num3, egui::Key::C),
    (egui::Key::Num4, egui::Key::D),
];

/// A quiz on screen: the run, the text being typed, and problems to tell.
pub struct QuizScreen {
    pub(super) run: QuizRun,
    /// The decks and tag the quiz was made from: retrying and the history need them.
    pub(super) scope: QuizScope,
    pub(super) title: String,
    typed: String,
    /// The question number whose text field already took the focus.
    focused_question: Option<usize>,
    note: Option<String>,
}

impl QuizScreen {
    pub fn new(run: QuizRun, scope: QuizScope, title: String) -> QuizScreen {
        QuizScreen {
            run,
            scope,
            title,
            typed: String::new(),
            focused_question: None,
            note: None,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<QuizAction> {
        let now = env.now();
        if let Some(action) = self.handle_keys(ui, now) {
            return Some(action);
        }
        egui::Panel::top("quiz-top").show(ui, |ui| self.header(ui));
        let mut action = None;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| action = self.question(ui, now));
        });
        action
    }

    /// Keys that do not belong to a widget: picking an option, continuing, leaving.
    fn handle_keys(&mut self, ui: &mut egui::Ui, now: Timestamp) -> Option<QuizAction> {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            return Some(QuizAction::Quit);
        }
        if self.run.feedback().is_some() {
            if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                return self.advance(now);
            }
            return None;
        }
        let options = match &self.run.current()?.kind {
            QuestionKind::MultipleChoice { options, .. } => options.len(),
            QuestionKind::Typed { .. } => return None,
        };
        let picked = ui.input(|i| {
            OPTION_KEYS
                .iter()
                .take(options)
                .position(|(digit, letter)| i.key_pressed(*digit) || i.key_pressed(*letter))
        });
        if let Some(index) = picked {
            self.respond(Response::Choice(index));
        }
        None
    }

    fn respond(&mut self, response: Response) {
        if let Err(error) = self.run.answer(response) {
            self.note = Some(error.to_string());
        }
    }

    fn advance(&mut self, now: Timestamp) -> Option<QuizAction> {
        self.typed.clear();
        match self.run.advance() {
            Ok(true) => None,
            Ok(false) => match self.run.result(now) {
                Ok(result) => Some(QuizAction::Finished(Box::new(result))),
                Err(error) => {
                    self.note = Some(error.to_string());
                    None
                }
            },
            Err(error) => {
                self.note = Some(error.to_string());
                None
            }
        }
    }

    fn header(&self, ui: &mut egui::Ui) {
        let (number, total) = self.run.progress();
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&self.title).strong());
            ui.label(format!("Question {} of {total}", number.min(total)));
            ui.label(format!("Score {}", self.run.score_so_far()));
            // The seed gives this exact quiz again (setup's Seed field, or `--seed`).
            ui.label(egui::RichText::new(format!("Seed {}", self.run.quiz().seed)).weak());
        });
        // Counts the question on screen, so the bar is never an empty blob at the start.
        ui.add(
            egui::ProgressBar::new(number.min(total) as f32 / total.max(1) as f32)
                .desired_height(6.0),
        );
        if let Some(note) = &self.note {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
    }

    fn question(&mut self, ui: &mut egui::Ui, now: Timestamp) -> Option<QuizAction> {
        let (number, _) = self.run.progress();
        let question = self.run.current()?.clone();
        ui.add_space(12.0);
        ui.add(egui::Label::new(egui::RichText::new(&question.prompt).size(QUESTION_SIZE)).wrap());
        ui.add_space(12.0);
        let answered = self.run.feedback().is_some();
        match &question.kind {
            QuestionKind::MultipleChoice { options, .. } => {
                for (index, option) in options.iter().enumerate() {
                    let letter = (b'A' + index as u8) as char;
                    let text = format!("{letter}. {option}");
                    let button = egui::Button::new(egui::RichText::new(text).size(18.0)).wrap();
                    if ui.add_enabled(!answered, button).clicked() {
                        self.respond(Response::Choice(index));
                    }
                }
                if !answered {
                    ui.weak("Keys 1–4 or A–D pick an option.");
                }
            }
            QuestionKind::Typed { .. } => {
                ui.horizontal(|ui| {
                    let label = ui.label("Your answer");
                    let field = ui.add_enabled(
                        !answered,
                        egui::TextEdit::singleline(&mut self.typed).desired_width(400.0),
                    );
                    let field = field.labelled_by(label.id);
                    if !answered && self.focused_question != Some(number) {
                        field.request_focus();
                        self.focused_question = Some(number);
                    }
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let submit = ui.add_enabled(!answered, egui::Button::new("Check (Enter)"));
                    if !answered && (enter || submit.clicked()) {
                        self.respond(Response::Typed(self.typed.clone()));
                    }
                });
            }
        }
        self.feedback(ui, now)
    }

    fn feedback(&mut self, ui: &mut egui::Ui, now: Timestamp) -> Option<QuizAction> {
        let answered = self.run.feedback()?.clone();
        ui.add_space(12.0);
        let right = answered.question.right_answer().to_string();
        let (text, color) = match &answered.verdict {
            Verdict::Exact => ("Right!".to_string(), egui::Color32::from_rgb(40, 150, 60)),
            Verdict::Close { diff } => (
                format!(
                    "Close enough, counted right. The answer is \"{right}\"; the difference: {}",
                    diff_text(diff)
                ),
                egui::Color32::from_rgb(190, 140, 20),
            ),
            Verdict::Wrong => (
                format!("Wrong. The right answer: {right}"),
                ui.visuals().error_fg_color,
            ),
        };
        ui.add(egui::Label::new(egui::RichText::new(text).size(18.0).color(color)).wrap());
        if answered.question.answer != right {
            ui.add(egui::Label::new(egui::RichText::new(&answered.question.answer).weak()).wrap());
        }
        ui.add_space(8.0);
        let last = self.run.progress().0 >= self.run.progress().1;
        let label = if last {
            "See the result (Enter)"
        } else {
            "Next question (Enter)"
        };
        if ui.button(label).clicked() {
            return self.advance(now);
        }
        None
    }
}

/// "put[+i]n" for "putn" typed: `[+x]` was missing, `[-x]` was extra.
fn diff_text(diff: &[DiffPart]) -> String {
    diff.iter()
        .map(|part| match part {
            DiffPart::Same(text) => text.clone(),
            DiffPart::Missing(text) => format!("[+{text}]"),
            DiffPart::Extra(text) => format!("[-{text}]"),
        })
        .collect()
}
