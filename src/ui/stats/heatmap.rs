//! Reviews per day as a calendar: one column per week, one row per weekday (Monday on top),
//! darker for more reviews. Each day is its own hover widget whose tooltip and accessible name
//! give the date and the count, so the colour is never the only way to read it.

use crate::stats::{DayActivity, LocalDate, ReviewCalendar};
use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};

/// Width of the weekday labels on the left.
const LABEL_WIDTH: f32 = 30.0;
/// Height of the month labels on top.
const MONTH_HEIGHT: f32 = 16.0;
/// Space between cells.
const GAP: f32 = 2.0;
/// Kept free on the right: the scroll bar floats over the content there and would take the
/// pointer from the current week's days.
const SCROLL_BAR_ROOM: f32 = 20.0;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "", "Wed", "", "Fri", "", "Sun"];

/// Monday 0 … Sunday 6 of a study day (day 0, 1970-01-01, was a Thursday).
pub fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// "2026-11-28: 5 reviews": a cell's tooltip and accessible name.
pub fn day_text(activity: &DayActivity) -> String {
    let date = LocalDate::of_study_day(activity.day);
    match activity.reviews {
        1 => format!("{date}: 1 review"),
        n => format!("{date}: {n} reviews"),
    }
}

pub fn show(ui: &mut egui::Ui, calendar: &ReviewCalendar) {
    let Some(first) = calendar.days.first().map(|d| d.day) else {
        return;
    };
    let first_monday = first - weekday(first) as i64;
    let weeks = ((calendar.today - first_monday) / 7 + 1) as f32;
    let cell =
        ((ui.available_width() - LABEL_WIDTH - SCROLL_BAR_ROOM) / weeks - GAP).clamp(5.0, 16.0);
    let size = vec2(
        LABEL_WIDTH + weeks * (cell + GAP),
        MONTH_HEIGHT + 7.0 * (cell + GAP),
    );
    let (area, _) = ui.allocate_exact_size(size, Sense::hover());
    let origin = area.min + vec2(LABEL_WIDTH, MONTH_HEIGHT);
    let cell_rect = |day: i64| {
        let column = ((day - first_monday) / 7) as f32;
        let row = weekday(day) as f32;
        Rect::from_min_size(
            origin + vec2(column * (cell + GAP), row * (cell + GAP)),
            vec2(cell, cell),
        )
    };
    labels(ui, area, origin, cell, calendar, &cell_rect);
    let max = calendar.days.iter().map(|d| d.reviews).max().unwrap_or(0);
    let palette = palette(ui.visuals().dark_mode);
    for activity in &calendar.days {
        let rect = cell_rect(activity.day);
        let response = ui.interact(
            rect,
            ui.make_persistent_id(("day", activity.day)),
            Sense::hover(),
        );
        let text = day_text(activity);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, &text));
        let stroke = if response.hovered() || activity.day == calendar.today {
            Stroke::new(1.5, ui.visuals().strong_text_color())
        } else {
            Stroke::NONE
        };
        ui.painter().rect(
            rect,
            2.0,
            palette[level(activity.reviews, max)],
            stroke,
            egui::StrokeKind::Inside,
        );
        response.on_hover_text(text);
    }
    legend(ui, max, &palette);
}

/// Month names above the first week of each month, weekday names on the left.
fn labels(
    ui: &egui::Ui,
    area: Rect,
    origin: egui::Pos2,
    cell: f32,
    calendar: &ReviewCalendar,
    cell_rect: &dyn Fn(i64) -> Rect,
) {
    let painter = ui.painter();
    let font = egui::FontId::proportional(11.0);
    let color = ui.visuals().text_color();
    for (row, name) in WEEKDAYS.iter().enumerate() {
        let y = origin.y + row as f32 * (cell + GAP) + cell / 2.0;
        painter.text(
            pos2(area.min.x, y),
            egui::Align2::LEFT_CENTER,
            *name,
            font.clone(),
            color,
        );
    }
    for activity in &calendar.days {
        let date = LocalDate::of_study_day(activity.day);
        if date.day == 1 {
            let x = cell_rect(activity.day).min.x;
            let name = MONTHS[date.month as usize - 1];
            painter.text(
                pos2(x, area.min.y),
                egui::Align2::LEFT_TOP,
                name,
                font.clone(),
                color,
            );
        }
    }
}

/// 0 for no review, then 1–4 by quarters of the busiest day.
fn level(reviews: u32, max: u32) -> usize {
    if reviews == 0 || max == 0 {
        return 0;
    }
    (reviews * 4).div_ceil(max).clamp(1, 4) as usize
}

/// Lowest reviews count of each level 1–4 (for the legend's numbers).
fn level_starts(max: u32) -> [u32; 4] {
    let mut starts = [0; 4];
    for (index, start) in starts.iter_mut().enumerate() {
        let level = index as u32 + 1;
        *start = ((level - 1) * max / 4 + 1).max(1);
    }
    starts
}

fn palette(dark: bool) -> [Color32; 5] {
    if dark {
        [
            Color32::from_rgb(0x2d, 0x33, 0x3b),
            Color32::from_rgb(0x0e, 0x44, 0x29),
            Color32::from_rgb(0x00, 0x6d, 0x32),
            Color32::from_rgb(0x26, 0xa6, 0x41),
            Color32::from_rgb(0x39, 0xd3, 0x53),
        ]
    } else {
        [
            Color32::from_rgb(0xe4, 0xe7, 0xeb),
            Color32::from_rgb(0x9b, 0xe9, 0xa8),
            Color32::from_rgb(0x40, 0xc4, 0x63),
            Color32::from_rgb(0x30, 0xa1, 0x4e),
            Color32::from_rgb(0x21, 0x6e, 0x39),
        ]
    }
}

/// "Fewer ■ ■ ■ ■ ■ More" with the counts each shade stands for.
fn legend(ui: &mut egui::Ui, max: u32, palette: &[Color32; 5]) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Shades:");
        swatch(ui, palette[0], "0".to_string());
        if max > 0 {
            let starts = level_starts(max);
            for (index, start) in starts.iter().enumerate() {
                let end = starts.get(index + 1).map_or(max, |next| next - 1);
                if *start > end {
                    continue;
                }
                let range = if start == &end {
                    start.to_string()
                } else {
                    format!("{start}–{end}")
                };
                swatch(ui, palette[index + 1], range);
            }
        }
        ui.label("reviews a day. Point at a day for its date and count.");
    });
}

fn swatch(ui: &mut egui::Ui, color: Color32, text: String) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
    ui.label(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_split_the_busiest_day_in_quarters_and_the_legend_agrees() {
        assert_eq!(level(0, 10), 0);
        assert_eq!(level(1, 10), 1);
        assert_eq!(level(3, 10), 2);
        assert_eq!(level(10, 10), 4);
        assert_eq!(level(1, 1), 4);
        let starts = level_starts(10);
        assert_eq!(starts, [1, 3, 6, 8]);
        for (index, start) in starts.iter().enumerate() {
            assert_eq!(level(*start, 10), index + 1);
        }
    }

    #[test]
    fn weekdays_start_on_monday() {
        assert_eq!(weekday(0), 3, "1970-01-01 was a Thursday");
        assert_eq!(weekday(20_785), 5, "2026-11-28 is a Saturday");
    }
}
