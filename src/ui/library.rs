//! The library screen: every deck with today's counts, its source and date (newest first), and
//! decks that failed to load with their FILE:LINE:COLUMN problems.

use super::app::AppEnv;
use super::import_dialog::ImportDialog;
use crate::library::{DeckConflict, DeckOrigin, Library, LibraryDeck, Resolution};
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
    /// A quiz over several decks or a tag: the setup starts with every deck ticked.
    QuizSeveral,
    /// The Stats screen on this deck, or on all decks when None.
    Stats(Option<DeckId>),
    /// Import these files (chosen in the dialog or dropped onto the window).
    Import(Vec<PathBuf>),
    /// Resolve the sync tool's conflict copy `library.conflicts[index]` this way.
    ResolveConflict(usize, Resolution),
    /// Open the deck in the editor.
    Edit(DeckId),
    /// A new, empty deck in the editor.
    NewDeck,
    /// Import this article's FAQ as a new deck and open it in the editor.
    NewFromArticle(PathBuf),
    /// Study without saving anything: the deck's progress has a damaged file.
    StudyReadOnly(DeckId),
    /// Rename the deck's damaged progress file aside, then study.
    SetAside(DeckId, PathBuf),
}

/// The library screen's state: each deck's overview, worked out when the screen opens (not
/// every frame), and a message to show (e.g. why a deck could not be opened).
pub struct LibraryScreen {
    overviews: HashMap<DeckId, Result<DeckOverview, String>>,
    /// Decks whose progress has a damaged file, and that file (the row offers what to do).
    damaged: HashMap<DeckId, PathBuf>,
    /// Each deck's best and last quiz score (None: never quizzed), read with the overviews.
    quiz_scores: HashMap<DeckId, Result<Option<ScoreSummary>, String>>,
    decks_folder: String,
    utc_offset_minutes: i32,
    import: ImportDialog,
    /// The file dialog of "New deck from article…".
    article: ImportDialog,
    /// What the last action did, or why it failed.
    pub message: Option<String>,
}

impl LibraryScreen {
    pub fn new(env: &AppEnv, library: &Library) -> LibraryScreen {
        let now = env.now();
        let mut damaged = HashMap::new();
        let overviews = library
            .decks
            .iter()
            .map(|entry| {
                let id = entry.id().clone();
                let overview = deck_overview(&env.data, entry, now, env.utc_offset_minutes)
                    .map_err(|e| {
                        if let Some(file) = e.damaged_file() {
                            damaged.insert(id.clone(), file.to_path_buf());
                        }
                        e.to_string()
                    });
                (id, overview)
            })
            .collect();
        let quiz_scores = library
            .decks
            .iter()
            .map(|entry| {
                let id = entry.id().clone();
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
            damaged,
            quiz_scores,
            decks_folder: env.data.decks().display().to_string(),
            utc_offset_minutes: env.utc_offset_minutes,
            import: ImportDialog::default(),
            article: ImportDialog::default(),
            message: None,
        }
    }

    /// A placeholder while another screen takes over (never drawn).
    pub(super) fn empty() -> LibraryScreen {
        LibraryScreen {
            overviews: HashMap::new(),
            damaged: HashMap::new(),
            quiz_scores: HashMap::new(),
            decks_folder: String::new(),
            utc_offset_minutes: 0,
            import: ImportDialog::default(),
            article: ImportDialog::default(),
            message: None,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, library: &Library) -> Option<LibraryAction> {
        let mut action = None;
        let chosen = self.import.chosen(ui.ctx());
        if !chosen.is_empty() {
            action = Some(LibraryAction::Import(chosen));
        }
        if let Some(article) = self.article.picked().into_iter().next() {
            action = Some(LibraryAction::NewFromArticle(article));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Library");
                let label = if self.import.is_open() { "Choosing a file…" } else { "Import…" };
                if ui.add_enabled(!self.import.is_open(), egui::Button::new(label)).clicked() {
                    self.import.open(ui.ctx());
                }
                if library.decks.len() > 1 && ui.button("Quiz several decks…").clicked() {
                    action = Some(LibraryAction::QuizSeveral);
                }
                if let Some(chosen) = self.authoring_buttons(ui) {
                    action = Some(chosen);
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
                    for (index, conflict) in library.conflicts.iter().enumerate() {
                        if let Some(how) = conflict_row(ui, conflict) {
                            action = Some(LibraryAction::ResolveConflict(index, how));
                        }
                        ui.separator();
                    }
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
        // Only the deck's own fields: a big deck's cards are not built to list it.
        let (id, title) = (entry.id(), entry.title());
        let mut action = None;
        ui.add(egui::Label::new(egui::RichText::new(title).size(18.0).strong()).wrap());
        ui.horizontal(|ui| {
            if deck_button(ui, "Study", title).clicked() {
                action = Some(LibraryAction::Study(id.clone()));
            }
            if deck_button(ui, "Quiz", title).clicked() {
                action = Some(LibraryAction::Quiz(id.clone()));
            }
            if deck_button(ui, "Settings", title).clicked() {
                action = Some(LibraryAction::Settings(id.clone()));
            }
            if deck_button(ui, "Edit", title).clicked() {
                action = Some(LibraryAction::Edit(id.clone()));
            }
            if deck_button(ui, "Stats", title).clicked() {
                action = Some(LibraryAction::Stats(Some(id.clone())));
            }
        });
        let source = source_line(entry);
        if !source.is_empty() {
            ui.label(source);
        }
        match self.overviews.get(id) {
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
        if let Some(file) = self.damaged.get(id) {
            action = damaged_buttons(ui, id, title, file).or(action);
        }
        match self.quiz_scores.get(id) {
            Some(Ok(Some(summary))) => {
                ui.label(quiz_line(summary));
            }
            Some(Err(problem)) => {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            _ => {}
        }
        if !entry.description().is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(entry.description()).weak()).wrap());
        }
        action
    }
}

impl LibraryScreen {
    /// "New deck" and "New deck from article…" (a file dialog on its own thread).
    fn authoring_buttons(&mut self, ui: &mut egui::Ui) -> Option<LibraryAction> {
        let new = ui.button("New deck").clicked();
        let open = self.article.is_open();
        let label = if open {
            "Choosing an article…"
        } else {
            "New deck from article…"
        };
        if ui.add_enabled(!open, egui::Button::new(label)).clicked() {
            self.article.open_article(ui.ctx());
        }
        new.then_some(LibraryAction::NewDeck)
    }
}

/// A deck file the sync tool duplicated: what happened and the three ways out.
fn conflict_row(ui: &mut egui::Ui, conflict: &DeckConflict) -> Option<Resolution> {
    let mut chosen = None;
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "Sync conflict: {} is {}'s copy of {}.",
            conflict.copy_name(),
            conflict.tool.name(),
            conflict.original_name()
        ),
    );
    ui.label(
        "Two computers changed this deck before syncing. Choose which to keep; the other is \
         renamed, not deleted. Progress is kept either way (it follows card ids).",
    );
    ui.horizontal(|ui| {
        let copy = conflict.copy_name();
        let choices = [
            ("Keep mine", Resolution::KeepOriginal, "Keep this computer's file; the copy is renamed aside."),
            ("Use the copy", Resolution::UseCopy, "The copy becomes the deck; this computer's file is renamed aside."),
            ("Merge both", Resolution::Merge, "Add the copy's cards that this file lacks (same card id = same card); the copy is renamed aside."),
        ];
        for (verb, how, means) in choices {
            if deck_button(ui, verb, &copy).on_hover_text(means).clicked() {
                chosen = Some(how);
            }
        }
    });
    chosen
}

/// A short button whose accessible name also names the deck ("Study Kim Jong Un…"), so a
/// screen reader (and a test) can tell one deck's button from another's.
fn deck_button(ui: &mut egui::Ui, verb: &str, deck_title: &str) -> egui::Response {
    let response = ui.button(verb);
    let name = format!("{verb} {deck_title}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response
}

/// What to do about a damaged progress file: study without saving, or rename it aside.
fn damaged_buttons(
    ui: &mut egui::Ui,
    id: &DeckId,
    title: &str,
    file: &std::path::Path,
) -> Option<LibraryAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        if deck_button(ui, "Open read-only", title).clicked() {
            action = Some(LibraryAction::StudyReadOnly(id.clone()));
        }
        let set_aside = deck_button(ui, "Set aside", title).on_hover_text(
            "Rename the damaged file (it is kept, not deleted) and study from the rest",
        );
        if set_aside.clicked() {
            action = Some(LibraryAction::SetAside(id.clone(), file.to_path_buf()));
        }
    });
    action
}

/// "2023-08-15 · kim-putin-letters.txt · bundled with Recap".
fn source_line(entry: &LibraryDeck) -> String {
    let mut facts = Vec::new();
    if let Some(source) = entry.source() {
        facts.extend(source.date.clone());
        facts.extend(source.file.clone().or(source.url.clone()));
    }
    if matches!(entry.origin, DeckOrigin::Bundled { .. }) {
        facts.push("bundled with Recap".to_string());
    }
    if !entry.tags().is_empty() {
        facts.push(format!("tags: {}", entry.tags().join(", ")));
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
