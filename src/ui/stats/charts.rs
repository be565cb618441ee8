//! The Stats screen's plots: due forecast (stacked bars), true retention per day against the
//! desired retention, and quiz scores over time. Each has a legend and hover labels with the
//! exact numbers; zoom and drag are off so the mouse wheel scrolls the screen, not the plot.

use super::Shown;
use crate::stats::{DueForecast, LocalDate, QuizScores, TrueRetention};
use egui::Color32;
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HLine, HoverPosition, Legend, LineStyle, Plot, Points,
};
use std::ops::RangeInclusive;

const PLOT_HEIGHT: f32 = 170.0;
const SCROLL_BAR_ROOM: f32 = 16.0;
/// Colours told apart by brightness too (blue and orange), for readers who do not see hue.
const YOUNG: Color32 = Color32::from_rgb(0x5b, 0x9b, 0xd5);
const MATURE: Color32 = Color32::from_rgb(0xc0, 0x50, 0x00);

/// A plot with the screen's common settings: fixed view, legend in `corner`, x in days, clear
/// of the scroll bar that floats over the right edge.
fn plot(ui: &egui::Ui, name: &str, shown: Shown, corner: Corner) -> Plot<'static> {
    Plot::new((name.to_string(), shown))
        .height(PLOT_HEIGHT)
        .width(ui.available_width() - SCROLL_BAR_ROOM)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .legend(Legend::default().position(corner))
}

/// "11-28" for a study day; `today` relative x = 0.
fn month_day(today: i64) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    move |mark, _| {
        if mark.value.fract() != 0.0 {
            return String::new();
        }
        let date = LocalDate::of_study_day(today + mark.value as i64);
        format!("{:02}-{:02}", date.month, date.day)
    }
}

/// Whole numbers only on a count axis.
fn whole(mark: GridMark, _: &RangeInclusive<f64>) -> String {
    if mark.value.fract() == 0.0 && mark.value >= 0.0 {
        format!("{}", mark.value)
    } else {
        String::new()
    }
}

fn percent_axis(mark: GridMark, _: &RangeInclusive<f64>) -> String {
    format!("{}%", mark.value)
}

/// Young and mature cards due per day, stacked; hovering a bar shows both and the total.
pub fn forecast(ui: &mut egui::Ui, forecast: &DueForecast, shown: Shown) {
    let Some(today) = forecast.days.first().map(|d| d.day) else {
        return;
    };
    let bars = |count: fn(&crate::stats::DueDay) -> u32, color: Color32| -> Vec<Bar> {
        forecast
            .days
            .iter()
            .map(|d| {
                Bar::new((d.day - today) as f64, f64::from(count(d)))
                    .width(0.8)
                    .fill(color.gamma_multiply(0.7))
                    .name(LocalDate::of_study_day(d.day))
            })
            .collect()
    };
    // Room above the highest bar for its hover label and the legend.
    let highest = forecast.days.iter().map(|d| d.total()).max().unwrap_or(0);
    let headroom = f64::from(highest) * 1.6 + 1.0;
    let days = forecast.days.clone();
    let label = move |bar: &Bar, _: &BarChart| {
        let index = bar.argument.max(0.0) as usize;
        days.get(index).map_or_else(String::new, |d| {
            format!(
                "{}: young {} · mature {} · total {}",
                LocalDate::of_study_day(d.day),
                d.young,
                d.mature,
                d.total()
            )
        })
    };
    let young = BarChart::new("Young (interval under 21 days)", bars(|d| d.young, YOUNG))
        .color(YOUNG)
        .element_formatter(Box::new(label.clone()));
    let mature = BarChart::new("Mature (21 days or more)", bars(|d| d.mature, MATURE))
        .color(MATURE)
        .element_formatter(Box::new(label))
        .stack_on(&[&young]);
    plot(ui, "forecast", shown, Corner::RightTop)
        .x_axis_label("Day due")
        .y_axis_label("Cards")
        .x_axis_formatter(month_day(today))
        .y_axis_formatter(whole)
        .include_y(0.0)
        .include_y(headroom)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(young);
            plot_ui.bar_chart(mature);
        });
}

/// The share passed on each day with review answers, as points, and the desired retention as
/// a dashed line; hovering a point shows the date and passed/total.
pub fn retention_by_day(ui: &mut egui::Ui, retention: &TrueRetention, today: i64, shown: Shown) {
    // Only days with a rate, so a point's index is its day's index for the hover label.
    let by_day: Vec<_> = retention
        .by_day
        .iter()
        .filter(|d| d.rate.total > 0)
        .copied()
        .collect();
    let points: Vec<[f64; 2]> = by_day
        .iter()
        .map(|d| [(d.day - today) as f64, d.rate.rate().unwrap_or(0.0) * 100.0])
        .collect();
    if points.is_empty() {
        ui.label("No review answers yet in the last 365 days (learning steps do not count).");
        return;
    }
    let desired = f64::from(retention.desired) * 100.0;
    let hover = move |position: &HoverPosition<'_>| match position {
        HoverPosition::NearDataPoint {
            plot_name, index, ..
        } if plot_name.starts_with("Passed") => by_day.get(*index).map(|d| {
            format!(
                "{}\n{} of {} passed ({:.1}%)",
                LocalDate::of_study_day(d.day),
                d.rate.passed,
                d.rate.total,
                d.rate.rate().unwrap_or(0.0) * 100.0
            )
        }),
        _ => None,
    };
    plot(ui, "retention", shown, Corner::LeftBottom)
        .x_axis_label("Day")
        .y_axis_label("Passed")
        .x_axis_formatter(month_day(today))
        .y_axis_formatter(percent_axis)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(-7.0)
        .include_x(0.0)
        .label_formatter(hover)
        .show(ui, |plot_ui| {
            plot_ui.hline(
                HLine::new(format!("Desired retention {desired:.0}%"), desired)
                    .style(LineStyle::dashed_loose())
                    .color(MATURE),
            );
            plot_ui.points(
                Points::new("Passed that day (%)", points)
                    .radius(3.5)
                    .color(YOUNG),
            );
        });
}

/// Each quiz's score in percent on the day it was taken (points only: with several decks, a
/// day can have several quizzes, and a line through them would zigzag).
pub fn quiz_scores(ui: &mut egui::Ui, quizzes: &QuizScores, today: i64, shown: Shown) {
    let results = quizzes.results.clone();
    let points: Vec<[f64; 2]> = results
        .iter()
        .map(|q| [(q.day - today) as f64, q.percent().unwrap_or(0.0)])
        .collect();
    if points.is_empty() {
        return;
    }
    let hover = move |position: &HoverPosition<'_>| match position {
        HoverPosition::NearDataPoint { index, .. } => results.get(*index).map(|q| {
            format!(
                "{}\n{} of {} right ({:.0}%)",
                LocalDate::of_study_day(q.day),
                q.score,
                q.total,
                q.percent().unwrap_or(0.0)
            )
        }),
        HoverPosition::Elsewhere { .. } => None,
    };
    plot(ui, "quizzes", shown, Corner::LeftBottom)
        .x_axis_label("Day")
        .y_axis_label("Score")
        .x_axis_formatter(month_day(today))
        .y_axis_formatter(percent_axis)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(0.0)
        .label_formatter(hover)
        .show(ui, |plot_ui| {
            plot_ui.points(
                Points::new("Quiz score (%)", points)
                    .radius(3.5)
                    .color(YOUNG),
            );
        });
}
