//! The library screen: every deck with its source and size, and decks that failed to load
//! with their FILE:LINE:COLUMN problems.

use crate::library::{DeckOrigin, Library, LibraryDeck};
use crate::store::DataDir;

/// State of the library screen (nothing yet but where decks live, shown to the user).
pub struct LibraryScreen {
    data: DataDir,
}

impl LibraryScreen {
    pub fn new(data: DataDir) -> LibraryScreen {
        LibraryScreen { data }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, library: &Library) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Library");
            ui.label(format!(
                "Your decks folder: {}",
                self.data.decks().display()
            ));
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for entry in &library.decks {
                        deck_row(ui, entry);
                        ui.separator();
                    }
                    for failed in &library.failed {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("Could not load {}", failed.path.display()),
                        );
                        for problem in &failed.error.problems {
                            ui.label(egui::RichText::new(problem.to_string()).monospace());
                        }
                        ui.separator();
                    }
                });
        });
    }
}

fn deck_row(ui: &mut egui::Ui, entry: &LibraryDeck) {
    let deck = entry.deck();
    ui.label(egui::RichText::new(&deck.title).size(18.0).strong());
    let mut facts = vec![format!("{} cards", deck.cards.len())];
    if let Some(source) = &deck.source {
        facts.extend(source.date.clone());
        facts.extend(source.file.clone().or(source.url.clone()));
    }
    if matches!(entry.origin, DeckOrigin::Bundled { .. }) {
        facts.push("bundled with Recap".to_string());
    }
    ui.label(facts.join(" · "));
    if !deck.description.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(&deck.description).weak()).wrap());
    }
}
