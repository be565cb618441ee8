//! Reviews per study day over the last year (the heatmap) and the streaks of days studied.

use super::answers::Answer;
use super::date::StudyDays;

/// Days the calendar covers, today included.
pub const CALENDAR_DAYS: usize = 365;

/// What was done on one study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayActivity {
    /// Study day number (see [`StudyDays::day_of`]).
    pub day: i64,
    /// Answers given, learning steps included.
    pub reviews: u32,
    /// Time spent answering, in milliseconds.
    pub took_ms: u64,
}

/// Runs of consecutive study days with at least one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    /// Days in the run that ends today, or yesterday when nothing was answered yet today: a
    /// streak is not broken before the day is over.
    pub current: u32,
    /// The longest run in the whole history.
    pub longest: u32,
}

/// The heatmap's data and the streaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewCalendar {
    /// The study day the figures are for.
    pub today: i64,
    /// [`CALENDAR_DAYS`] entries, oldest first, the last one today; days without answers too.
    pub days: Vec<DayActivity>,
    pub streaks: Streaks,
    /// Every study day with an answer, whole history, ascending: combining decks recomputes
    /// the streaks from it, since streaks do not add up.
    pub active_days: Vec<i64>,
}

/// The calendar of `answers` (any order) as of study day `today`.
pub fn review_calendar(answers: &[Answer], study_days: StudyDays, today: i64) -> ReviewCalendar {
    let first = today - (CALENDAR_DAYS as i64 - 1);
    let mut days = empty_window(first);
    let mut active_days = Vec::new();
    for answer in answers {
        let day = study_days.day_of(answer.at);
        if active_days.last() != Some(&day) {
            active_days.push(day);
        }
        if let Some(slot) = window_slot(&mut days, first, day) {
            slot.reviews += 1;
            slot.took_ms += u64::from(answer.took_ms);
        }
    }
    active_days.sort_unstable();
    active_days.dedup();
    let streaks = streaks(&active_days, today);
    ReviewCalendar {
        today,
        days,
        streaks,
        active_days,
    }
}

impl ReviewCalendar {
    /// Adds another deck's calendar: counts add up per day, streaks come from the union of
    /// study days. Decks with different rollover hours may disagree on today by one day; the
    /// later one is kept.
    pub fn merge(&mut self, other: &ReviewCalendar) {
        let today = self.today.max(other.today);
        let first = today - (CALENDAR_DAYS as i64 - 1);
        let mut days = empty_window(first);
        for activity in self.days.iter().chain(&other.days) {
            if let Some(slot) = window_slot(&mut days, first, activity.day) {
                slot.reviews += activity.reviews;
                slot.took_ms += activity.took_ms;
            }
        }
        let mut active_days: Vec<i64> = self
            .active_days
            .iter()
            .chain(&other.active_days)
            .copied()
            .collect();
        active_days.sort_unstable();
        active_days.dedup();
        self.streaks = streaks(&active_days, today);
        self.today = today;
        self.days = days;
        self.active_days = active_days;
    }

    /// Answers over the whole calendar window.
    pub fn total_reviews(&self) -> u64 {
        self.days.iter().map(|d| u64::from(d.reviews)).sum()
    }

    /// Days in the window with at least one answer.
    pub fn days_studied(&self) -> usize {
        self.days.iter().filter(|d| d.reviews > 0).count()
    }
}

fn empty_window(first: i64) -> Vec<DayActivity> {
    (0..CALENDAR_DAYS as i64)
        .map(|offset| DayActivity {
            day: first + offset,
            ..DayActivity::default()
        })
        .collect()
}

fn window_slot(days: &mut [DayActivity], first: i64, day: i64) -> Option<&mut DayActivity> {
    let index = usize::try_from(day - first).ok()?;
    days.get_mut(index)
}

/// Streaks from ascending, distinct study days. Days after `today` (a clock set wrong on
/// another device) are ignored.
pub fn streaks(active_days: &[i64], today: i64) -> Streaks {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<i64> = None;
    for &day in active_days.iter().take_while(|&&day| day <= today) {
        run = if previous == Some(day - 1) {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    let current = match previous {
        Some(last) if last >= today - 1 => run,
        _ => 0,
    };
    Streaks { current, longest }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaks_count_runs_and_forgive_an_unfinished_today() {
        assert_eq!(streaks(&[], 10), Streaks::default());
        let days = [1, 2, 3, 5, 8, 9];
        assert_eq!(streaks(&days, 9).current, 2);
        assert_eq!(streaks(&days, 10).current, 2);
        assert_eq!(streaks(&days, 11).current, 0);
        assert_eq!(streaks(&days, 11).longest, 3);
        assert_eq!(
            streaks(&[4, 20], 5),
            Streaks {
                current: 1,
                longest: 1
            }
        );
    }
}
