//! The Stats screen: one deck's figures or all decks' together, chosen on the screen. The
//! figures come from the core (`crate::stats`), read once when the screen opens; this file only
//! lays them out. Every chart has its numbers in text next to it and on hover, so nothing is
//! told by colour alone.

mod charts;
mod heatmap;

use crate::model::DeckId;
use crate::stats::{INTERVAL_RANGES, LibraryStats, LocalDate, PassRate, Stats, readable_duration};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsAction {
    Back,
}

/// Which figures are on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shown {
    AllDecks,
    /// Index into the library's decks.
    Deck(usize),
}

pub struct StatsScreen {
    data: LibraryStats,
    shown: Shown,
    /// Until the first frame is drawn: the screen opens at the top, not where egui's memory
    /// (kept across runs) last left the scroll bar.
    just_opened: bool,
}

/// Labels of the retention periods, in the order of `crate::stats::PERIODS`.
const PERIOD_LABELS: [&str; 4] = ["Last 7 days", "Last 30 days", "Last 365 days", "All time"];

impl StatsScreen {
    /// The screen on `deck`'s figures, or all decks' when None (or when `deck` is unknown).
    pub fn new(data: LibraryStats, deck: Option<&DeckId>) -> StatsScreen {
        let shown = deck
            .and_then(|id| data.decks.iter().position(|d| &d.id == id))
            .map_or(Shown::AllDecks, Shown::Deck);
        StatsScreen {
            data,
            shown,
            just_opened: true,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<StatsAction> {
        let mut action = None;
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(StatsAction::Back);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading("Statistics");
                self.deck_selector(ui);
                if ui.button("Back to the library (Esc)").clicked() {
                    action = Some(StatsAction::Back);
                }
            });
            ui.separator();
            let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
            if std::mem::take(&mut self.just_opened) {
                scroll = scroll.vertical_scroll_offset(0.0);
            }
            scroll.show(ui, |ui| self.figures(ui));
        });
        action
    }

    fn title(&self, shown: Shown) -> &str {
        match shown {
            Shown::AllDecks => "All decks",
            Shown::Deck(index) => &self.data.decks[index].title,
        }
    }

    fn deck_selector(&mut self, ui: &mut egui::Ui) {
        let mut shown = self.shown;
        ui.label("Deck:");
        let chooser = egui::ComboBox::from_id_salt("deck")
            .selected_text(self.title(shown))
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut shown, Shown::AllDecks, "All decks");
                for (index, deck) in self.data.decks.iter().enumerate() {
                    ui.selectable_value(&mut shown, Shown::Deck(index), &deck.title);
                }
            });
        let title = self.title(shown).to_string();
        chooser.response.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Deck");
            info.current_text_value = Some(title.clone());
            info
        });
        self.shown = shown;
    }

    /// The figures on show, or why there are none.
    fn figures(&self, ui: &mut egui::Ui) {
        let stats = match self.shown {
            Shown::AllDecks => {
                let decks = self.data.decks.len();
                ui.label(format!("All {decks} decks together."));
                for deck in &self.data.decks {
                    if let Err(problem) = &deck.stats {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("{}: {problem}", deck.title),
                        );
                    }
                }
                self.data.all.as_ref()
            }
            Shown::Deck(index) => match &self.data.decks[index].stats {
                Ok(loaded) => {
                    for warning in &loaded.warnings {
                        ui.colored_label(ui.visuals().warn_fg_color, warning);
                    }
                    Some(&loaded.stats)
                }
                Err(problem) => {
                    ui.colored_label(ui.visuals().error_fg_color, problem);
                    None
                }
            },
        };
        match stats {
            Some(stats) => sections(ui, stats, self.shown),
            None => {
                ui.label("No figures to show.");
            }
        }
    }
}

/// Every section of the screen, top to bottom; `shown` keeps each chart's memory apart.
fn sections(ui: &mut egui::Ui, stats: &Stats, shown: Shown) {
    ui.label(format!("Today: {}", LocalDate::of_study_day(stats.today)));
    section(ui, "Cards and study time");
    cards_table(ui, stats);
    section(ui, "Reviews per day, last 365 days");
    reviews_summary(ui, stats);
    heatmap::show(ui, &stats.calendar);
    section(ui, "Due in the next 30 days");
    forecast_summary(ui, stats);
    charts::forecast(ui, &stats.forecast, shown);
    section(ui, "True retention");
    retention_tables(ui, stats);
    charts::retention_by_day(ui, &stats.retention, stats.today, shown);
    section(ui, "Quiz scores");
    quiz_summary(ui, stats);
    charts::quiz_scores(ui, &stats.quizzes, stats.today, shown);
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(12.0);
    ui.heading(title);
}

/// A name and its number, one grid row. The number's accessible name is "name: number", so a
/// screen reader (and a test) reads the two together.
fn row(ui: &mut egui::Ui, name: &str, value: impl Into<String>) {
    let value = value.into();
    ui.label(name);
    let response = ui.label(egui::RichText::new(&value).strong());
    let spoken = format!("{name}: {value}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
    ui.end_row();
}

fn cards_table(ui: &mut egui::Ui, stats: &Stats) {
    let c = &stats.cards;
    egui::Grid::new("cards")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            row(ui, "Cards", c.total.to_string());
            row(ui, "New (never studied)", c.new.to_string());
            row(ui, "Learning (in steps)", c.learning.to_string());
            row(ui, "Young (interval under 21 days)", c.young.to_string());
            row(
                ui,
                "Mature (interval 21 days or more)",
                c.mature.to_string(),
            );
            row(ui, "Leeches (forgotten often)", c.leech.to_string());
            row(ui, "Answers", stats.answers.to_string());
            row(ui, "Study time", readable_duration(stats.study_time_ms));
        });
}

fn reviews_summary(ui: &mut egui::Ui, stats: &Stats) {
    let calendar = &stats.calendar;
    let today = calendar.days.last().map_or(0, |d| d.reviews);
    let streaks = calendar.streaks;
    egui::Grid::new("reviews")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            row(ui, "Reviews today", today.to_string());
            row(ui, "Current streak", days(streaks.current));
            row(ui, "Longest streak", days(streaks.longest));
            row(
                ui,
                "Days studied",
                format!("{} of 365", calendar.days_studied()),
            );
            row(ui, "Reviews", calendar.total_reviews().to_string());
        });
}

fn forecast_summary(ui: &mut egui::Ui, stats: &Stats) {
    let days = &stats.forecast.days;
    let sum = |n: usize| -> (u32, u32) {
        days.iter()
            .take(n)
            .fold((0, 0), |(y, m), d| (y + d.young, m + d.mature))
    };
    let (week_young, week_mature) = sum(7);
    let (month_young, month_mature) = sum(days.len());
    egui::Grid::new("forecast")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            let today = days.first().map_or(0, |d| d.total());
            row(ui, "Due today (overdue included)", today.to_string());
            row(ui, "Due in 7 days", young_mature(week_young, week_mature));
            row(
                ui,
                "Due in 30 days",
                young_mature(month_young, month_mature),
            );
        });
}

fn young_mature(young: u32, mature: u32) -> String {
    format!("{} (young {young}, mature {mature})", young + mature)
}

fn retention_tables(ui: &mut egui::Ui, stats: &Stats) {
    let retention = &stats.retention;
    ui.label(format!(
        "Share of reviews passed (not Again), against the desired retention of {}. Learning steps are not counted.",
        percent(f64::from(retention.desired))
    ));
    egui::Grid::new("retention")
        .num_columns(4)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for heading in ["Reviews", "Passed", "Total", "Retention"] {
                ui.label(egui::RichText::new(heading).strong());
            }
            ui.end_row();
            for (label, rate) in PERIOD_LABELS.iter().zip(&retention.by_period) {
                rate_row(ui, label, rate);
            }
            for (range, rate) in INTERVAL_RANGES.iter().zip(&retention.by_interval) {
                rate_row(ui, &format!("Interval {} days", range.label), rate);
            }
        });
}

fn rate_row(ui: &mut egui::Ui, label: &str, rate: &PassRate) {
    ui.label(label);
    ui.label(rate.passed.to_string());
    ui.label(rate.total.to_string());
    ui.label(rate.rate().map_or_else(|| "–".to_string(), percent));
    ui.end_row();
}

fn quiz_summary(ui: &mut egui::Ui, stats: &Stats) {
    let quizzes = &stats.quizzes;
    match quizzes.overall_percent() {
        Some(overall) => ui.label(format!(
            "{} quizzes, {:.0}% of all questions answered right.",
            quizzes.results.len(),
            overall
        )),
        None => ui.label("No quiz taken yet."),
    };
}

/// "1 day", "3 days".
fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// A share 0–1 as "90.5%".
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}
