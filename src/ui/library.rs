//! The library screen: every deck with today's counts, its source and date (newest first), and
//! decks that failed to load with their FILE:LINE:COLUMN problems.

use super::app::AppEnv;
use super::import_dialog::ImportDialog;
use crate::library::{DeckOrigin, Library, LibraryDeck};
use crate::model::DeckId;
use crate::quiz::{ScoreSummary, score_summary};
use crate::study::{DeckOverview, deck_overview};
use std::collections::HashMap;
use std::path::PathBuf;

/// What the user chose on the library screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryAction {
    Study(DeckId),
    Settings(DeckId),
    Quiz(DeckId),
    /// The Stats screen on this deck, or on all decks when None.
    Stats(Option<DeckId>),
    /// Import these files (chosen in the dialog or dropped onto the window).
    Import(Vec<PathBuf>),
}

/// The library screen's state: each deck's overview, worked out when the screen opens (not
/// every frame), and a message to show (e.g. why a deck could not be opened).
pub struct LibraryScreen {
    overviews: HashMap<DeckId, Result<DeckOverview, String>>,
    /// Each deck's best and last quiz score (None: never quizzed), read with the overviews.
    quiz_scores: HashMap<DeckId, Result<Option<ScoreSummary>, String>>,
    decks_folder: String,
    utc_offset_minutes: i32,
    import: ImportDialog,
    /// What the last action did, or why it failed.
    pub message: Option<String>,
}

impl LibraryScreen {
    pub fn new(env: &AppEnv, library: &Library) -> LibraryScreen {
        let now = env.now();
        let overviews = library
            .decks
            .iter()
            .map(|entry| {
                let overview = deck_overview(&env.data, entry.deck(), now, env.utc_offset_minutes)
                    .map_err(|e| e.to_string());
                (entry.deck().id.clone(), overview)
            })
            .collect();
        let quiz_scores = library
            .decks
            .iter()
            .map(|entry| {
                let id = entry.deck().id.clone();
                let summary = score_summary(&env.data.progress(), &id)
                    // A torn last line is a write cut short (the quiz was not saved); the
                    // scores of the complete lines are still right, so it is not shown here.
                    .map(|(summary, _torn_line)| summary)
                    .map_err(|e| e.to_string());
                (id, summary)
            })
            .collect();
        LibraryScreen {
            overviews,
            quiz_scores,
            decks_folder: env.data.decks().display().to_string(),
            utc_offset_minutes: env.utc_offset_minutes,
            import: ImportDialog::default(),
            message: None,
        }
    }

    /// A placeholder while another screen takes over (never drawn).
    pub(super) fn empty() -> LibraryScreen {
        LibraryScreen {
            overviews: HashMap::new(),
            quiz_scores: HashMap::new(),
            decks_folder: String::new(),
            utc_offset_minutes: 0,
            import: ImportDialog::default(),
            message: None,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, library: &Library) -> Option<LibraryAction> {
        let mut action = None;
        let chosen = self.import.chosen(ui.ctx());
        if !chosen.is_empty() {
            action = Some(LibraryAction::Import(chosen));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Library");
                let label = if self.import.is_open() { "Choosing a file…" } else { "Import…" };
                if ui.add_enabled(!self.import.is_open(), egui::Button::new(label)).clicked() {
                    self.import.open(ui.ctx());
                }
                if ui.button("Stats for all decks").clicked() {
                    action = Some(LibraryAction::Stats(None));
                }
            });
            ui.label(format!(
                "Your decks folder: {}. Drop an article (text, Markdown, HTML) or a table (CSV, TSV) here to import it.",
                self.decks_folder
            ));
            if let Some(message) = &self.message {
                ui.add(egui::Label::new(message.as_str()).wrap());
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for entry in &library.decks {
                        if let Some(chosen) = self.deck_row(ui, entry) {
                            action = Some(chosen);
                        }
                        ui.separator();
                    }
                    for failed in &library.failed {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("Could not load {}", failed.path.display()),
                        );
                        for problem in &failed.error.problems {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(problem.to_string()).monospace(),
                                )
                                .wrap(),
                            );
                        }
                        ui.separator();
                    }
                });
        });
        action
    }

    fn deck_row(&self, ui: &mut egui::Ui, entry: &LibraryDeck) -> Option<LibraryAction> {
        let deck = entry.deck();
        let mut action = None;
        ui.add(egui::Label::new(egui::RichText::new(&deck.title).size(18.0).strong()).wrap());
        ui.horizontal(|ui| {
            if deck_button(ui, "Study", &deck.title).clicked() {
                action = Some(LibraryAction::Study(deck.id.clone()));
            }
            if deck_button(ui, "Quiz", &deck.title).clicked() {
                action = Some(LibraryAction::Quiz(deck.id.clone()));
            }
            if deck_button(ui, "Settings", &deck.title).clicked() {
                action = Some(LibraryAction::Settings(deck.id.clone()));
            }
            if deck_button(ui, "Stats", &deck.title).clicked() {
                action = Some(LibraryAction::Stats(Some(deck.id.clone())));
            }
        });
        ui.label(source_line(entry));
        match self.overviews.get(&deck.id) {
            Some(Ok(overview)) => {
                let last = overview.last_studied.map_or_else(
                    || "never".to_string(),
                    |t| t.local_date(self.utc_offset_minutes),
                );
                ui.label(counts_line(overview, last));
            }
            Some(Err(problem)) => {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            None => {}
        }
        match self.quiz_scores.get(&deck.id) {
            Some(Ok(Some(summary))) => {
                ui.label(quiz_line(summary));
            }
            Some(Err(problem)) => {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            _ => {}
        }
        if !deck.description.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(&deck.description).weak()).wrap());
        }
        action
    }
}

/// A short button whose accessible name also names the deck ("Study Kim Jong Un…"), so a
/// screen reader (and a test) can tell one deck's button from another's.
fn deck_button(ui: &mut egui::Ui, verb: &str, deck_title: &str) -> egui::Response {
    let response = ui.button(verb);
    let name = format!("{verb} {deck_title}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response
}

/// "2023-08-15 · kim-putin-letters.txt · bundled with Recap".
fn source_line(entry: &LibraryDeck) -> String {
    let mut facts = Vec::new();
    if let Some(source) = &entry.deck().source {
        facts.extend(source.date.clone());
        facts.extend(source.file.clone().or(source.url.clone()));
    }
    if matches!(entry.origin, DeckOrigin::Bundled { .. }) {
        facts.push("bundled with Recap".to_string());
    }
    facts.join(" · ")
}

/// "New 5 · Learning 0 · Due 0 · 5 cards · last studied never".
fn counts_line(overview: &DeckOverview, last_studied: String) -> String {
    let c = overview.counts;
    format!(
        "New {} · Learning {} · Due {} · {} cards · last studied {last_studied}",
        c.new, c.learning, c.review, overview.total
    )
}

/// "Quiz: best 5/5, last 3/5".
fn quiz_line(summary: &ScoreSummary) -> String {
    format!(
        "Quiz: best {}/{}, last {}/{}",
        summary.best.score, summary.best.total, summary.last.score, summary.last.total
    )
}
