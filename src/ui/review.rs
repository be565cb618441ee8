//! The review screen: the question, the answer on Space/Enter, four grade buttons labelled
//! with their next intervals (keys 1–4), undo (Ctrl+Z), what is left today, Escape to end.

use super::app::AppEnv;
use crate::model::{Rating, Timestamp};
use crate::schedule::format_interval;
use crate::study::StudyDeck;

/// What the user asked of the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    End,
}

/// A study session on screen: the session lives in the core; this holds only whether the
/// answer is showing and messages to show.
pub struct ReviewScreen {
    pub(super) study: StudyDeck,
    revealed: bool,
    /// Problems worth telling (a torn journal line skipped, a failed save).
    notes: Vec<String>,
    end_requested: bool,
}

const QUESTION_SIZE: f32 = 28.0;
const ANSWER_SIZE: f32 = 22.0;

impl ReviewScreen {
    pub fn new(study: StudyDeck, notes: Vec<String>) -> ReviewScreen {
        ReviewScreen {
            study,
            revealed: false,
            notes,
            end_requested: false,
        }
    }

    /// A message to show above the card (e.g. where a damaged file was set aside).
    pub fn add_note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// Shows the answer, as Space does.
    pub fn reveal(&mut self) {
        self.revealed = true;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<ReviewAction> {
        let now = env.now();
        let current = self.study.current(now);
        self.handle_keys(ui, now, current.is_some());
        let current = self.study.current(now);
        egui::Panel::top("review-top").show(ui, |ui| self.header(ui));
        egui::Panel::bottom("review-bottom").show(ui, |ui| self.footer(ui, current.is_some(), now));
        egui::CentralPanel::default().show(ui, |ui| match &current {
            Some(_) => self.card(ui),
            None => self.done_for_today(ui, now),
        });
        // Wake up when a learning card comes due, without repainting meanwhile.
        if let Some(due) = self.study.session().next_due().filter(|due| *due > now) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis((due.0 - now.0) as u64));
        }
        std::mem::take(&mut self.end_requested).then_some(ReviewAction::End)
    }

    fn handle_keys(&mut self, ui: &mut egui::Ui, now: Timestamp, has_card: bool) {
        let undo = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
        if ui.input_mut(|i| i.consume_shortcut(&undo)) {
            self.undo(now);
            return;
        }
        let (escape, reveal, grade) = ui.input(|i| {
            let grade = [
                egui::Key::Num1,
                egui::Key::Num2,
                egui::Key::Num3,
                egui::Key::Num4,
            ]
            .iter()
            .position(|key| i.key_pressed(*key));
            (
                i.key_pressed(egui::Key::Escape),
                i.key_pressed(egui::Key::Space) || i.key_pressed(egui::Key::Enter),
                grade,
            )
        });
        if escape {
            self.end_requested = true;
        } else if has_card && !self.revealed && reveal {
            self.revealed = true;
        } else if has_card && self.revealed {
            if let Some(index) = grade {
                self.answer(Rating::ALL[index], now);
            }
        } else if !has_card && reveal {
            self.end_requested = true;
        }
    }

    fn answer(&mut self, rating: Rating, now: Timestamp) {
        match self.study.answer(rating, now) {
            Ok(_) => self.revealed = false,
            Err(error) => self
                .notes
                .push(format!("Your answer could not be saved: {error}")),
        }
        self.notes.extend(self.study.take_notes());
    }

    fn undo(&mut self, now: Timestamp) {
        match self.study.undo(now) {
            Ok(Some(_)) => self.revealed = false,
            Ok(None) => {}
            Err(error) => self.notes.push(format!("Undo could not be saved: {error}")),
        }
    }

    fn header(&mut self, ui: &mut egui::Ui) {
        let session = self.study.session();
        let counts = session.counts();
        let done = session.summary().reviewed as usize;
        if let Some(banner) = self.study.read_only() {
            read_only_banner(ui, banner);
        }
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(session.title()).strong());
            ui.label(format!(
                "New {} · Learning {} · Due {}",
                counts.new, counts.learning, counts.review
            ));
        });
        let left = counts.total();
        let fraction = if done + left == 0 {
            1.0
        } else {
            done as f32 / (done + left) as f32
        };
        ui.label(format!("{done} done, {left} left today"));
        ui.add(egui::ProgressBar::new(fraction).desired_height(6.0));
        for note in &self.notes {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
    }

    fn footer(&mut self, ui: &mut egui::Ui, has_card: bool, now: Timestamp) {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if has_card && !self.revealed {
                if ui
                    .add_sized([220.0, 40.0], egui::Button::new("Show answer (Space)"))
                    .clicked()
                {
                    self.revealed = true;
                }
            } else if has_card {
                self.grade_buttons(ui, now);
            } else if ui
                .add_sized([220.0, 40.0], egui::Button::new("End session (Esc)"))
                .clicked()
            {
                self.end_requested = true;
            }
            let can_undo = self.study.session().can_undo();
            if ui
                .add_enabled(can_undo, egui::Button::new("Undo (Ctrl+Z)"))
                .clicked()
            {
                self.undo(now);
            }
            if has_card && ui.button("End session (Esc)").clicked() {
                self.end_requested = true;
            }
        });
        ui.add_space(6.0);
    }

    fn grade_buttons(&mut self, ui: &mut egui::Ui, now: Timestamp) {
        let Some(outcomes) = self.study.session().outcomes(now) else {
            return;
        };
        for (key, outcome) in outcomes.iter().enumerate() {
            let text = format!(
                "{} {}",
                outcome.rating.label(),
                format_interval(outcome.interval_ms)
            );
            let button = ui.add_sized([120.0, 40.0], egui::Button::new(text));
            if button.on_hover_text(format!("Key {}", key + 1)).clicked() {
                self.answer(outcome.rating, now);
            }
        }
    }

    fn card(&self, ui: &mut egui::Ui) {
        let Some(card) = self.study.session().showing_card() else {
            return;
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(12.0);
                ui.add(
                    egui::Label::new(egui::RichText::new(&card.front).size(QUESTION_SIZE)).wrap(),
                );
                if self.revealed {
                    ui.add_space(8.0);
                    ui.separator();
                    ui.add_space(8.0);
                    ui.add(
                        egui::Label::new(egui::RichText::new(&card.back).size(ANSWER_SIZE)).wrap(),
                    );
                }
            });
    }

    fn done_for_today(&self, ui: &mut egui::Ui, now: Timestamp) {
        ui.add_space(24.0);
        ui.heading("Done for today");
        let next = match self.study.session().next_due() {
            Some(due) if due > now => format!(
                "The next card is due in {}.",
                format_interval(due.0 - now.0)
            ),
            Some(_) => "More cards are due, but today's limits are reached.".to_string(),
            None => "No card is scheduled.".to_string(),
        };
        ui.label(next);
    }

    /// The study deck, closing it (snapshot written unless read-only) as the session ends.
    pub(super) fn into_study(self) -> StudyDeck {
        self.study
    }
}

/// A strip that stays in view while studying read-only: nothing the learner does is saved.
fn read_only_banner(ui: &mut egui::Ui, text: &str) {
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                egui::RichText::new(text).strong(),
            );
        });
}
