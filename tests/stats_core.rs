//! Statistics from hand-made review logs whose figures are known: streaks across the 04:00
//! rollover, true retention counting only review-phase answers, forecast buckets, card counts
//! with leeches, undone answers left out, decks combined.

use recap::model::{CardId, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, Rating, Timestamp};
use recap::schedule::{CardState, DeckSettings, MemoryState, Phase};
use recap::stats::{
    CALENDAR_DAYS, DeckInput, FORECAST_DAYS, LocalDate, PassRate, QuizEntry, Stats, Streaks,
    StudyDays, deck_stats,
};
use recap::store::progress::{DeviceId, Entry, Record};

/// Study day number of 2026-11-02 (UTC); `at(d, h, m)` is day d after it, at h:m UTC.
const DAY_ONE: i64 = 20_759;

fn at(day: i64, hour: i64, minute: i64) -> Timestamp {
    Timestamp((DAY_ONE + day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE)
}

fn card(id: &str) -> CardId {
    CardId::new(id).unwrap()
}

/// A card in the Review phase, reviewed at `last` with an interval of `interval_days`.
fn review(last: Timestamp, interval_days: i64) -> CardState {
    CardState {
        phase: Phase::Review,
        step: 0,
        memory: Some(MemoryState {
            stability: interval_days as f32,
            difficulty: 5.0,
        }),
        due: last.plus_days(interval_days),
        last_review: Some(last),
        reps: 3,
        lapses: 0,
    }
}

fn stepping(phase: Phase, last: Timestamp) -> CardState {
    CardState {
        phase,
        due: last.plus_minutes(10.0),
        last_review: Some(last),
        reps: 1,
        ..CardState::default()
    }
}

/// Builds a log the way devices write it: numbered answers and undos.
#[derive(Default)]
struct Log {
    entries: Vec<Entry>,
}

impl Log {
    fn answer(
        &mut self,
        id: &str,
        when: Timestamp,
        rating: Rating,
        took_ms: u32,
        state: CardState,
    ) -> u64 {
        let seq = self.entries.len() as u64 + 1;
        self.entries.push(Entry {
            device: DeviceId::new("laptop").unwrap(),
            record: Record::Answer {
                seq,
                card: card(id),
                at: when,
                rating,
                took_ms,
                state,
                from: None,
            },
        });
        seq
    }

    fn undo(&mut self, id: &str, when: Timestamp, undoes: u64, restored: CardState) {
        let seq = self.entries.len() as u64 + 1;
        self.entries.push(Entry {
            device: DeviceId::new("laptop").unwrap(),
            record: Record::Undo {
                seq,
                at: when,
                undoes,
                card: card(id),
                restored,
            },
        });
    }
}

fn stats_of(
    log: &Log,
    states: &[Option<&CardState>],
    settings: &DeckSettings,
    now: Timestamp,
    offset: i32,
) -> Stats {
    let input = DeckInput {
        log: &log.entries,
        card_states: states.to_vec(),
        settings,
        quizzes: &[],
    };
    deck_stats(&input, now, offset)
}

fn reviews_on(stats: &Stats, day: i64) -> u32 {
    stats
        .calendar
        .days
        .iter()
        .find(|d| d.day == DAY_ONE + day)
        .map_or(0, |d| d.reviews)
}

#[test]
fn an_answer_at_two_in_the_morning_counts_for_the_day_before() {
    let mut log = Log::default();
    log.answer(
        "a",
        at(1, 2, 0),
        Rating::Good,
        1000,
        stepping(Phase::Learning, at(1, 2, 0)),
    );
    let settings = DeckSettings::default();
    assert_eq!(settings.day_rollover_hour, 4);

    let same_day = stats_of(&log, &[], &settings, at(1, 12, 0), 0);
    assert_eq!(same_day.today, DAY_ONE + 1);
    assert_eq!(reviews_on(&same_day, 0), 1);
    assert_eq!(reviews_on(&same_day, 1), 0);
    // Nothing yet today, but yesterday's run is not broken before the day ends.
    assert_eq!(
        same_day.calendar.streaks,
        Streaks {
            current: 1,
            longest: 1
        }
    );

    let day_after = stats_of(&log, &[], &settings, at(2, 12, 0), 0);
    assert_eq!(
        day_after.calendar.streaks,
        Streaks {
            current: 0,
            longest: 1
        }
    );
}

#[test]
fn streaks_follow_study_days_across_the_rollover_in_local_time() {
    // Local times; the learner is at UTC+02:00, so each is logged two hours earlier in UTC.
    let local = |day, hour, minute| Timestamp(at(day, hour, minute).0 - 2 * MS_PER_HOUR);
    let mut log = Log::default();
    let state = stepping(Phase::Learning, at(0, 0, 0));
    log.answer("a", local(0, 10, 0), Rating::Good, 1000, state.clone());
    log.answer("a", local(1, 2, 0), Rating::Good, 2000, state.clone()); // day 0
    log.answer("a", local(2, 3, 59), Rating::Good, 3000, state.clone()); // day 1
    log.answer("a", local(2, 4, 0), Rating::Good, 4000, state.clone()); // day 2
    log.answer("a", local(5, 9, 0), Rating::Good, 5000, state.clone()); // day 5
    log.answer("a", local(6, 9, 0), Rating::Again, 6000, state.clone()); // day 6

    let stats = stats_of(&log, &[], &DeckSettings::default(), local(6, 23, 0), 120);
    assert_eq!(stats.today, DAY_ONE + 6);
    assert_eq!(
        (0..7).map(|d| reviews_on(&stats, d)).collect::<Vec<_>>(),
        [2, 1, 1, 0, 0, 1, 1]
    );
    let day_zero = stats
        .calendar
        .days
        .iter()
        .find(|d| d.day == DAY_ONE)
        .unwrap();
    assert_eq!(day_zero.took_ms, 3000);
    assert_eq!(
        stats.calendar.streaks,
        Streaks {
            current: 2,
            longest: 3
        }
    );
    assert_eq!(stats.calendar.days.len(), CALENDAR_DAYS);
    assert_eq!(stats.calendar.days.last().unwrap().day, stats.today);
    assert_eq!(stats.calendar.total_reviews(), 6);
    assert_eq!(stats.calendar.days_studied(), 5);
    assert_eq!(stats.study_time_ms, 21_000);
    assert_eq!(
        LocalDate::of_study_day(stats.today).to_string(),
        "2026-11-08"
    );
}

#[test]
fn true_retention_counts_only_answers_to_review_cards_and_leaves_undone_ones_out() {
    let mut log = Log::default();
    // Card a: learning steps (not counted), then review answers at intervals 3 and 1.
    log.answer(
        "a",
        at(0, 9, 0),
        Rating::Again,
        1000,
        stepping(Phase::Learning, at(0, 9, 0)),
    );
    log.answer(
        "a",
        at(0, 9, 10),
        Rating::Good,
        1000,
        review(at(0, 9, 10), 3),
    );
    log.answer(
        "a",
        at(3, 9, 0),
        Rating::Again,
        1000,
        stepping(Phase::Relearning, at(3, 9, 0)),
    ); // 1-7: fail
    log.answer(
        "a",
        at(3, 9, 10),
        Rating::Good,
        1000,
        review(at(3, 9, 10), 1),
    ); // relearning: not counted
    log.answer("a", at(4, 9, 0), Rating::Hard, 1000, review(at(4, 9, 0), 2)); // 1-7: pass
    // Card b: intervals 30 (pass) and 100 (fail).
    log.answer(
        "b",
        at(0, 10, 0),
        Rating::Easy,
        1000,
        review(at(0, 10, 0), 30),
    );
    log.answer(
        "b",
        at(1, 10, 0),
        Rating::Good,
        1000,
        review(at(1, 10, 0), 100),
    ); // 22-90: pass
    log.answer(
        "b",
        at(5, 10, 0),
        Rating::Again,
        1000,
        stepping(Phase::Relearning, at(5, 10, 0)),
    ); // 91+: fail
    // Card c: interval 10; an Again taken back, then Good.
    log.answer(
        "c",
        at(0, 11, 0),
        Rating::Easy,
        1000,
        review(at(0, 11, 0), 10),
    );
    let undone = log.answer(
        "c",
        at(5, 11, 0),
        Rating::Again,
        7000,
        stepping(Phase::Relearning, at(5, 11, 0)),
    );
    log.undo("c", at(5, 11, 1), undone, review(at(0, 11, 0), 10));
    log.answer(
        "c",
        at(5, 11, 2),
        Rating::Good,
        1000,
        review(at(5, 11, 2), 25),
    ); // 8-21: pass

    let settings = DeckSettings {
        desired_retention: 0.85,
        ..DeckSettings::default()
    };
    let stats = stats_of(&log, &[], &settings, at(5, 20, 0), 0);
    let retention = &stats.retention;
    assert_eq!(retention.desired, 0.85);
    let rate = |passed, total| PassRate { passed, total };
    assert_eq!(
        retention.by_interval,
        [rate(1, 2), rate(1, 1), rate(1, 1), rate(0, 1)]
    );
    // Periods: last 7 days, 30, 365, all time; all six review answers are within the week.
    assert_eq!(retention.by_period, [rate(3, 5); 4]);
    assert_eq!(retention.by_period[3].rate(), Some(0.6));
    let by_day: Vec<(i64, PassRate)> = retention
        .by_day
        .iter()
        .map(|d| (d.day - DAY_ONE, d.rate))
        .collect();
    assert_eq!(
        by_day,
        [
            (1, rate(1, 1)),
            (3, rate(0, 1)),
            (4, rate(1, 1)),
            (5, rate(1, 2))
        ]
    );
    // The undone answer is no answer: not in the calendar, not in the study time.
    assert_eq!(stats.answers, 10);
    assert_eq!(stats.study_time_ms, 10_000);
    assert_eq!(reviews_on(&stats, 5), 2);
}

#[test]
fn the_forecast_splits_young_and_mature_and_puts_overdue_cards_today() {
    let now = at(10, 12, 0);
    let due_today = review(at(8, 12, 0), 2); // young, due today
    let overdue = review(at(-27, 12, 0), 30); // mature, three days late: today
    let before_rollover = review(at(9, 3, 0), 2); // due day 11 at 03:00: still day 10
    let in_ten_days = review(at(-1, 12, 0), 21); // mature, due day 20
    let learning = stepping(Phase::Learning, now); // due in 10 minutes: young today
    let beyond = review(now, 40); // due after the forecast window
    let new = CardState::default();
    let states = [
        &due_today,
        &overdue,
        &before_rollover,
        &in_ten_days,
        &learning,
        &beyond,
        &new,
    ];
    let states: Vec<Option<&CardState>> = states.into_iter().map(Some).collect();
    let stats = stats_of(&Log::default(), &states, &DeckSettings::default(), now, 0);
    let forecast = &stats.forecast.days;
    assert_eq!(forecast.len(), FORECAST_DAYS);
    assert_eq!(forecast[0].day, DAY_ONE + 10);
    assert_eq!((forecast[0].young, forecast[0].mature), (3, 1));
    assert_eq!((forecast[10].young, forecast[10].mature), (0, 1));
    let total: u32 = forecast.iter().map(|d| d.total()).sum();
    assert_eq!(total, 5);
}

#[test]
fn cards_are_counted_by_phase_with_leeches_on_their_own() {
    let now = at(10, 12, 0);
    let mut relearning_leech = stepping(Phase::Relearning, now);
    relearning_leech.lapses = 8;
    let mut mature_leech = review(now, 21);
    mature_leech.lapses = 9;
    let states = [
        None,
        Some(CardState::default()),
        Some(stepping(Phase::Learning, now)),
        Some(relearning_leech),
        Some(review(now, 5)),
        Some(review(now, 20)),
        Some(mature_leech),
    ];
    let states: Vec<Option<&CardState>> = states.iter().map(Option::as_ref).collect();
    let stats = stats_of(&Log::default(), &states, &DeckSettings::default(), now, 0);
    let cards = stats.cards;
    assert_eq!(
        (
            cards.total,
            cards.new,
            cards.learning,
            cards.young,
            cards.mature,
            cards.leech
        ),
        (7, 2, 2, 2, 1, 2)
    );
}

#[test]
fn decks_combine_into_one_set_of_figures() {
    let state = stepping(Phase::Learning, at(0, 0, 0));
    let mut first = Log::default();
    first.answer("a", at(0, 9, 0), Rating::Good, 1000, state.clone());
    first.answer("a", at(2, 9, 0), Rating::Good, 1000, state.clone());
    let mut second = Log::default();
    second.answer("x", at(1, 9, 0), Rating::Good, 500, state.clone());
    second.answer("x", at(2, 10, 0), Rating::Good, 500, state.clone());
    let strict = DeckSettings {
        desired_retention: 0.95,
        ..DeckSettings::default()
    };
    let quizzes = [QuizEntry {
        date: at(1, 8, 0),
        score: 12,
        total: 10,
    }];
    let now = at(2, 20, 0);
    let one = stats_of(&first, &[None], &DeckSettings::default(), now, 0);
    let input = DeckInput {
        log: &second.entries,
        card_states: vec![None, None],
        settings: &strict,
        quizzes: &quizzes,
    };
    let two = deck_stats(&input, now, 0);
    assert_eq!(one.calendar.streaks.longest, 1);
    let all = Stats::combine([&one, &two]).unwrap();
    assert_eq!(
        all.calendar.streaks,
        Streaks {
            current: 3,
            longest: 3
        }
    );
    assert_eq!(
        (0..3).map(|d| reviews_on(&all, d)).collect::<Vec<_>>(),
        [1, 1, 2]
    );
    assert_eq!(all.cards.total, 3);
    assert_eq!(all.study_time_ms, 3000);
    assert_eq!(all.answers, 4);
    // No review answers anywhere: the desired retention is the plain mean.
    assert!((all.retention.desired - 0.925).abs() < 1e-6);
    // A damaged quiz history cannot claim more than 100%.
    let quiz = all.quizzes.results[0];
    assert_eq!((quiz.day, quiz.score, quiz.total), (DAY_ONE + 1, 10, 10));
    assert_eq!(all.quizzes.overall_percent(), Some(100.0));
    assert_eq!(
        StudyDays {
            rollover_hour: 4,
            utc_offset_minutes: 0
        }
        .day_of(quiz.date),
        DAY_ONE + 1
    );
}
