//! The session summary: cards reviewed, how many Again, time spent, leeches found, next due.

use super::app::AppEnv;
use super::review::ReviewScreen;
use crate::model::Timestamp;
use crate::schedule::format_interval;
use crate::study::SessionSummary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryAction {
    Back,
}

/// What the finished session achieved.
pub struct SummaryScreen {
    deck_title: String,
    summary: SessionSummary,
    leech_questions: Vec<String>,
    next_due: Option<Timestamp>,
    ended_at: Timestamp,
    /// Why the progress snapshot could not be written (the journal still holds every answer).
    save_problem: Option<String>,
}

impl SummaryScreen {
    /// Ends the study session (the snapshot is written) and keeps what the summary shows.
    pub fn from_review(review: ReviewScreen, env: &AppEnv) -> SummaryScreen {
        let study = review.into_study();
        let session = study.session();
        let leech_questions = session
            .summary()
            .leeches
            .iter()
            .filter_map(|id| session.card(id).map(|c| c.front.to_string()))
            .collect();
        let screen = SummaryScreen {
            deck_title: session.title().to_string(),
            summary: session.summary().clone(),
            leech_questions,
            next_due: session.next_due(),
            ended_at: env.now(),
            save_problem: None,
        };
        let save_problem = study.close().err().map(|e| e.to_string());
        SummaryScreen {
            save_problem,
            ..screen
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<SummaryAction> {
        let mut action = None;
        if ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Escape)) {
            action = Some(SummaryAction::Back);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(format!("Session finished: {}", self.deck_title));
            ui.add_space(8.0);
            let s = &self.summary;
            egui::Grid::new("summary")
                .num_columns(2)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    row(ui, "Cards reviewed", s.reviewed.to_string());
                    row(ui, "Again", s.again.to_string());
                    row(ui, "Time spent", format_duration(s.time_ms));
                    row(ui, "Leeches found", s.leeches.len().to_string());
                    row(ui, "Next due", self.next_due_text());
                });
            for question in &self.leech_questions {
                ui.label(format!("Leech (forgotten many times): {question}"));
            }
            if let Some(problem) = &self.save_problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.add_space(12.0);
            if ui.button("Back to the library (Enter)").clicked() {
                action = Some(SummaryAction::Back);
            }
        });
        action
    }

    fn next_due_text(&self) -> String {
        match self.next_due {
            Some(due) if due > self.ended_at => {
                format!("in {}", format_interval(due.0 - self.ended_at.0))
            }
            Some(_) => "now".to_string(),
            None => "nothing scheduled".to_string(),
        }
    }
}

fn row(ui: &mut egui::Ui, name: &str, value: String) {
    ui.label(name);
    ui.label(egui::RichText::new(value).strong());
    ui.end_row();
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
