//! How many cards come due on each of the next days, split young/mature: the learner sees
//! the workload ahead.

use super::answers::interval_days;
use super::date::StudyDays;
use crate::schedule::{CardState, Phase};

/// Days the forecast covers, today included.
pub const FORECAST_DAYS: usize = 30;

/// From this interval (days) on a card is mature, as in Anki.
pub const MATURE_INTERVAL_DAYS: u32 = 21;

/// Cards due on one study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueDay {
    pub day: i64,
    /// Interval under [`MATURE_INTERVAL_DAYS`]; learning and relearning cards count here.
    pub young: u32,
    pub mature: u32,
}

impl DueDay {
    pub fn total(&self) -> u32 {
        self.young + self.mature
    }
}

/// [`FORECAST_DAYS`] days, today first. Today includes the overdue cards: they are waiting now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueForecast {
    pub days: Vec<DueDay>,
}

/// The forecast from every card's state; new cards are not due, so they are left out.
pub fn due_forecast<'a>(
    states: impl IntoIterator<Item = &'a CardState>,
    study_days: StudyDays,
    today: i64,
) -> DueForecast {
    let mut days: Vec<DueDay> = (0..FORECAST_DAYS as i64)
        .map(|offset| DueDay {
            day: today + offset,
            ..DueDay::default()
        })
        .collect();
    for state in states {
        if state.phase == Phase::New {
            continue;
        }
        let offset = (study_days.day_of(state.due) - today).max(0);
        let Some(slot) = usize::try_from(offset).ok().and_then(|i| days.get_mut(i)) else {
            continue;
        };
        if is_mature(state) {
            slot.mature += 1;
        } else {
            slot.young += 1;
        }
    }
    DueForecast { days }
}

/// A review card whose interval reached [`MATURE_INTERVAL_DAYS`].
pub fn is_mature(state: &CardState) -> bool {
    state.phase == Phase::Review && interval_days(state) >= MATURE_INTERVAL_DAYS
}

impl DueForecast {
    /// Adds another deck's forecast, day by day (same today: the caller's clock).
    pub fn merge(&mut self, other: &DueForecast) {
        for day in &mut self.days {
            if let Some(theirs) = other.days.iter().find(|d| d.day == day.day) {
                day.young += theirs.young;
                day.mature += theirs.mature;
            }
        }
    }
}
