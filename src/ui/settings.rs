//! Settings: the deck's study settings (saved in its progress snapshot) and the window's theme
//! and text size (kept by egui in eframe's storage; never study progress).

use super::app::AppEnv;
use crate::library::Library;
use crate::model::DeckId;
use crate::schedule::{DeckSettings, format_steps, parse_steps};
use crate::study::{deck_settings, save_deck_settings};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAction {
    Close,
}

/// The settings as typed: text fields, checked on Save, so any value can be typed and a
/// mistake is shown next to its field rather than silently clamped.
pub struct SettingsScreen {
    deck: DeckId,
    deck_title: String,
    saved: DeckSettings,
    retention: String,
    new_per_day: String,
    reviews_per_day: String,
    learning_steps: String,
    relearning_steps: String,
    rollover_hour: String,
    problems: Vec<(&'static str, String)>,
    status: Option<String>,
}

impl SettingsScreen {
    /// The settings of `deck` as saved.
    pub fn open(env: &AppEnv, library: &Library, deck: &str) -> Result<SettingsScreen, String> {
        let entry = library
            .find(deck)
            .ok_or_else(|| format!("no deck {deck:?} in the library"))?;
        let id = entry.id().clone();
        let saved = deck_settings(&env.data, &id).map_err(|e| e.to_string())?;
        Ok(SettingsScreen {
            deck: id,
            deck_title: entry.title().to_string(),
            retention: saved.desired_retention.to_string(),
            new_per_day: saved.new_per_day.to_string(),
            reviews_per_day: saved.reviews_per_day.to_string(),
            learning_steps: format_steps(&saved.learning_steps),
            relearning_steps: format_steps(&saved.relearning_steps),
            rollover_hour: saved.day_rollover_hour.to_string(),
            saved,
            problems: Vec::new(),
            status: None,
        })
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, env: &AppEnv) -> Option<SettingsAction> {
        let mut action = None;
        let save = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
        if ui.input_mut(|i| i.consume_shortcut(&save)) {
            self.save(env);
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(SettingsAction::Close);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.heading(format!("Settings: {}", self.deck_title));
                    self.deck_fields(ui);
                    ui.horizontal(|ui| {
                        if ui.button("Save (Ctrl+S)").clicked() {
                            self.save(env);
                        }
                        if ui.button("Back to the library (Esc)").clicked() {
                            action = Some(SettingsAction::Close);
                        }
                    });
                    if let Some(status) = &self.status {
                        ui.label(status);
                    }
                    ui.add_space(16.0);
                    ui.heading("Window");
                    window_fields(ui);
                });
        });
        action
    }

    fn deck_fields(&mut self, ui: &mut egui::Ui) {
        let problems = &self.problems;
        let field = |ui: &mut egui::Ui, name: &'static str, hint: &str, value: &mut String| {
            ui.horizontal(|ui| {
                let label = ui.add_sized([200.0, 22.0], egui::Label::new(name));
                ui.add_sized([160.0, 22.0], egui::TextEdit::singleline(value))
                    .labelled_by(label.id);
                match problems.iter().find(|(field, _)| *field == name) {
                    Some((_, problem)) => ui.colored_label(ui.visuals().error_fg_color, problem),
                    None => ui.weak(hint),
                };
            });
        };
        field(
            ui,
            "Desired retention",
            "0.70 to 0.99: higher means more reviews",
            &mut self.retention,
        );
        field(ui, "New cards per day", "", &mut self.new_per_day);
        field(ui, "Reviews per day", "", &mut self.reviews_per_day);
        field(
            ui,
            "Learning steps",
            "e.g. 1m 10m",
            &mut self.learning_steps,
        );
        field(
            ui,
            "Relearning steps",
            "e.g. 10m",
            &mut self.relearning_steps,
        );
        field(
            ui,
            "New day starts at (hour)",
            "0 to 23, local time",
            &mut self.rollover_hour,
        );
    }

    /// Checks every field; saves only when all are valid and the scheduler accepts them.
    fn save(&mut self, env: &AppEnv) {
        self.problems.clear();
        self.status = None;
        let settings = self.parsed();
        if !self.problems.is_empty() {
            return;
        }
        match save_deck_settings(&env.data, &self.deck, env.device.clone(), settings.clone()) {
            Ok(()) => {
                self.saved = settings;
                self.status = Some("Saved.".to_string());
            }
            Err(error) => self.status = Some(format!("Not saved: {error}")),
        }
    }

    fn parsed(&mut self) -> DeckSettings {
        let mut settings = self.saved.clone();
        let mut problems = Vec::new();
        match self.retention.trim().parse::<f32>() {
            Ok(value) if (0.7..=0.99).contains(&value) => settings.desired_retention = value,
            _ => problems.push((
                "Desired retention",
                "write a number from 0.70 to 0.99".to_string(),
            )),
        }
        let mut count = |name: &'static str, text: &str, target: &mut u32, max: u32| match text
            .trim()
            .parse::<u32>()
        {
            Ok(value) if value <= max => *target = value,
            _ => problems.push((name, format!("write a whole number from 0 to {max}"))),
        };
        count(
            "New cards per day",
            &self.new_per_day,
            &mut settings.new_per_day,
            9999,
        );
        count(
            "Reviews per day",
            &self.reviews_per_day,
            &mut settings.reviews_per_day,
            99_999,
        );
        count(
            "New day starts at (hour)",
            &self.rollover_hour,
            &mut settings.day_rollover_hour,
            23,
        );
        for (name, text, target) in [
            (
                "Learning steps",
                &self.learning_steps,
                &mut settings.learning_steps,
            ),
            (
                "Relearning steps",
                &self.relearning_steps,
                &mut settings.relearning_steps,
            ),
        ] {
            match parse_steps(text) {
                Ok(steps) => *target = steps,
                Err(problem) => problems.push((name, problem)),
            }
        }
        self.problems = problems;
        settings
    }
}

/// Theme and text size: egui keeps both in its memory, which eframe saves with the window.
fn window_fields(ui: &mut egui::Ui) {
    let mut theme = ui.ctx().options(|o| o.theme_preference);
    ui.horizontal(|ui| {
        ui.label("Theme");
        ui.selectable_value(&mut theme, egui::ThemePreference::System, "Follow system");
        ui.selectable_value(&mut theme, egui::ThemePreference::Light, "Light");
        ui.selectable_value(&mut theme, egui::ThemePreference::Dark, "Dark");
    });
    ui.ctx().set_theme(theme);
    let zoom = ui.ctx().zoom_factor();
    ui.horizontal(|ui| {
        ui.label("Text size");
        for (name, factor) in [
            ("Smaller", 0.9),
            ("Normal", 1.0),
            ("Larger", 1.25),
            ("Largest", 1.5),
        ] {
            if ui
                .selectable_label((zoom - factor).abs() < 0.01, name)
                .clicked()
            {
                ui.ctx().set_zoom_factor(factor);
            }
        }
    });
}
