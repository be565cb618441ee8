//! The quiz result screen: score (n/N and %), time taken, every missed question with the right
//! answer, and what to do next: retry the missed ones, add them to today's review, or go back.
//! Opening it saves the quiz in the deck's quiz history (a core call).

use super::app::AppEnv;
use crate::quiz::{QuizResult, QuizScope, save_result};
use crate::study::{MadeDue, make_due_now};

/// The colour of right answers, as on the quiz screen.
const RIGHT_COLOR: egui::Color32 = egui::Color32::from_rgb(40, 150, 60);

/// What the user chose on the result screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizResultAction {
    RetryMissed,
    Back,
}

/// A finished quiz on screen.
pub struct QuizResultScreen {
    pub(super) result: QuizResult,
    pub(super) scope: QuizScope,
    title: String,
    /// What happened to the history and to "add to review", shown under the score.
    messages: Vec<String>,
    added: bool,
}

impl QuizResultScreen {
    /// Shows `result` and appends it to the quiz history of its decks.
    pub fn new(
        env: &AppEnv,
        result: QuizResult,
        scope: QuizScope,
        title: String,
    ) -> QuizResultScreen {
        let mut screen = QuizResultScreen::preview(result, scope, title);
        if let Err(error) = save_result(&env.data.progress(), &screen.result) {
            screen.messages.push(format!(
                "This quiz could not be saved in the history: {error}"
            ));
        }
        screen
    }

    /// Shows `result` without saving it (for `--screenshot`, which must not change the data).
    pub fn preview(result: QuizResult, scope: QuizScope, title: String) -> QuizResultScreen {
        QuizResultScreen {
            result,
            scope,
            title,
            messages: Vec::new(),
            added: false,
        }
    }

    /// The quiz's name, as its heading shows it.
    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<QuizResultAction> {
        let mut action = None;
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(QuizResultAction::Back);
        }
        let has_missed = !self.result.missed.is_empty();
        egui::Panel::bottom("quiz-result-bottom").show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(has_missed, egui::Button::new("Retry missed"))
                    .clicked()
                {
                    action = Some(QuizResultAction::RetryMissed);
                }
                let add = egui::Button::new("Add missed to today's review");
                if ui.add_enabled(has_missed && !self.added, add).clicked() {
                    self.add_missed(env);
                }
                let back = ui.button("Back to the library (Esc)");
                if back.clicked() {
                    action = Some(QuizResultAction::Back);
                }
            });
            ui.add_space(6.0);
        });
        let result = &self.result;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(format!("Quiz result: {}", self.title));
            ui.label(
                egui::RichText::new(format!(
                    "Score {}/{} ({}%)",
                    result.score,
                    result.total,
                    result.percent()
                ))
                .size(24.0)
                .strong(),
            );
            ui.label(format!("Time {}", format_duration(result.elapsed_ms)));
            for message in &self.messages {
                ui.label(message);
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if result.missed.is_empty() {
                        ui.label("Nothing missed.");
                    } else {
                        ui.label(format!("Missed ({}):", result.missed.len()));
                    }
                    for missed in &result.missed {
                        ui.add_space(6.0);
                        ui.add(
                            egui::Label::new(egui::RichText::new(&missed.prompt).strong()).wrap(),
                        );
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(format!(
                                    "Right answer: {}",
                                    missed.right_answer
                                ))
                                .color(RIGHT_COLOR),
                            )
                            .wrap(),
                        );
                        let given = if missed.given.is_empty() {
                            "(nothing)"
                        } else {
                            &missed.given
                        };
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(format!("Your answer: {given}")).weak(),
                            )
                            .wrap(),
                        );
                    }
                });
        });
        action
    }

    /// Makes the missed cards due now in the study engine, deck by deck (no answer is
    /// recorded), and says what happened, including cards that stay new because they were
    /// never studied.
    fn add_missed(&mut self, env: &AppEnv) {
        let mut total = MadeDue::default();
        let mut failures = Vec::new();
        for deck in &self.scope.decks {
            let cards: Vec<_> = self
                .result
                .missed
                .iter()
                .filter(|m| &m.deck == deck)
                .map(|m| m.card.clone())
                .collect();
            if cards.is_empty() {
                continue;
            }
            match make_due_now(&env.data, deck, env.device.clone(), &cards, env.now()) {
                Ok(made) => {
                    total.rescheduled.extend(made.rescheduled);
                    total.already_due.extend(made.already_due);
                    total.still_new.extend(made.still_new);
                }
                Err(error) => failures.push(format!(
                    "The missed cards of {deck} could not be added: {error}"
                )),
            }
        }
        self.added = failures.is_empty();
        let made = made_due_text(&total);
        if !made.is_empty() {
            self.messages.push(made);
        }
        self.messages.extend(failures);
    }
}

/// "2 cards due now in today's review. 1 card was never studied: …".
fn made_due_text(made: &MadeDue) -> String {
    let mut parts = Vec::new();
    if !made.rescheduled.is_empty() || !made.already_due.is_empty() {
        parts.push(format!(
            "{} due now in today's review.",
            cards_text(made.rescheduled.len() + made.already_due.len())
        ));
    }
    if !made.still_new.is_empty() {
        let n = made.still_new.len();
        parts.push(if n == 1 {
            "1 card was never studied: it stays new and comes with today's new cards.".to_string()
        } else {
            format!("{n} cards were never studied: they stay new and come with today's new cards.")
        });
    }
    parts.join(" ")
}

/// "1 card", "3 cards".
fn cards_text(n: usize) -> String {
    if n == 1 {
        "1 card".to_string()
    } else {
        format!("{n} cards")
    }
}

/// "4 min 05 s", "35 s".
fn format_duration(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min {:02} s", seconds / 60, seconds % 60)
    }
}
