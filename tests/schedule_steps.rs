//! Learning and relearning steps, interval limits, lapses and leeches, and settings the
//! scheduler refuses.

use recap::model::{MS_PER_DAY, MS_PER_MINUTE, Rating, Timestamp};
use recap::schedule::{
    CardState, DeckSettings, MemoryState, Phase, ScheduleError, Scheduler, format_interval,
};

const START: Timestamp = Timestamp(1_750_000_000_000);

fn scheduler(settings: DeckSettings) -> Scheduler {
    Scheduler::new(&DeckSettings {
        fuzz: false,
        ..settings
    })
    .unwrap()
}

fn default_scheduler() -> Scheduler {
    scheduler(DeckSettings::default())
}

/// A card at `phase`/`step`, last answered a minute before START.
fn card_on(phase: Phase, step: u32) -> CardState {
    CardState {
        phase,
        step,
        memory: Some(MemoryState {
            stability: 3.0,
            difficulty: 5.0,
        }),
        due: START,
        last_review: Some(Timestamp(START.0 - MS_PER_MINUTE)),
        reps: 3,
        lapses: 1,
    }
}

/// (phase, step, interval) after answering `card` with `rating` at START.
fn after(scheduler: &Scheduler, card: &CardState, rating: Rating) -> (Phase, u32, i64) {
    let outcome = scheduler.answer(card, rating, START, 0);
    let state = outcome.state;
    assert_eq!(state.due.0 - START.0, outcome.interval_ms);
    let step = if state.phase == Phase::Review {
        0
    } else {
        state.step
    };
    (state.phase, step, outcome.interval_ms)
}

fn minutes(m: f64) -> i64 {
    (m * MS_PER_MINUTE as f64) as i64
}

fn is_days(interval_ms: i64) -> bool {
    interval_ms >= MS_PER_DAY && interval_ms % MS_PER_DAY == 0
}

#[test]
fn new_card_on_default_steps() {
    let s = default_scheduler();
    let new = CardState::default();
    assert_eq!(
        after(&s, &new, Rating::Again),
        (Phase::Learning, 0, minutes(1.0))
    );
    assert_eq!(
        after(&s, &new, Rating::Hard),
        (Phase::Learning, 0, minutes(5.5))
    );
    assert_eq!(
        after(&s, &new, Rating::Good),
        (Phase::Learning, 1, minutes(10.0))
    );
    let (phase, _, interval) = after(&s, &new, Rating::Easy);
    assert_eq!((phase, interval), (Phase::Review, 8 * MS_PER_DAY));
}

#[test]
fn new_card_buttons_are_labelled_like_anki() {
    let outcomes = default_scheduler().outcomes(&CardState::default(), START, 0);
    let labels: Vec<String> = outcomes
        .iter()
        .map(|o| format_interval(o.interval_ms))
        .collect();
    assert_eq!(labels, ["1m", "6m", "10m", "8d"]);
}

#[test]
fn second_learning_step() {
    let s = default_scheduler();
    let card = card_on(Phase::Learning, 1);
    assert_eq!(
        after(&s, &card, Rating::Again),
        (Phase::Learning, 0, minutes(1.0))
    );
    assert_eq!(
        after(&s, &card, Rating::Hard),
        (Phase::Learning, 1, minutes(10.0))
    );
    for rating in [Rating::Good, Rating::Easy] {
        let (phase, _, interval) = after(&s, &card, rating);
        assert_eq!(phase, Phase::Review, "{rating:?}");
        assert!(is_days(interval), "{rating:?}: {interval}");
    }
}

#[test]
fn every_rating_on_every_step_of_three() {
    let s = scheduler(DeckSettings {
        learning_steps: vec![1.0, 10.0, 60.0],
        ..DeckSettings::default()
    });
    let expected_hard = [minutes(5.5), minutes(10.0), minutes(60.0)];
    let expected_good = [(1, minutes(10.0)), (2, minutes(60.0))];
    for step in 0..3u32 {
        let card = card_on(Phase::Learning, step);
        assert_eq!(
            after(&s, &card, Rating::Again),
            (Phase::Learning, 0, minutes(1.0))
        );
        let hard = expected_hard[step as usize];
        assert_eq!(
            after(&s, &card, Rating::Hard),
            (Phase::Learning, step, hard)
        );
        let good = after(&s, &card, Rating::Good);
        match expected_good.get(step as usize) {
            Some(&(next, delay)) => assert_eq!(good, (Phase::Learning, next, delay)),
            None => assert!(good.0 == Phase::Review && is_days(good.2)),
        }
        let easy = after(&s, &card, Rating::Easy);
        assert!(easy.0 == Phase::Review && is_days(easy.2));
    }
}

#[test]
fn a_single_step_makes_hard_half_as_long_again() {
    let s = scheduler(DeckSettings {
        learning_steps: vec![10.0],
        ..DeckSettings::default()
    });
    let card = card_on(Phase::Learning, 0);
    assert_eq!(
        after(&s, &card, Rating::Hard),
        (Phase::Learning, 0, minutes(15.0))
    );
    assert_eq!(after(&s, &card, Rating::Good).0, Phase::Review);
}

#[test]
fn relearning_steps_after_a_lapse() {
    let s = default_scheduler();
    let review = card_on(Phase::Review, 0);
    let lapse = s.answer(&review, Rating::Again, START, 0);
    assert_eq!(lapse.state.phase, Phase::Relearning);
    assert_eq!(lapse.interval_ms, minutes(10.0));
    assert_eq!(lapse.state.lapses, review.lapses + 1);
    for rating in [Rating::Hard, Rating::Good, Rating::Easy] {
        let outcome = s.answer(&review, rating, START, 0);
        assert_eq!(outcome.state.phase, Phase::Review);
        assert_eq!(outcome.state.lapses, review.lapses, "a pass is no lapse");
    }
    let relearning = card_on(Phase::Relearning, 0);
    assert_eq!(
        after(&s, &relearning, Rating::Again),
        (Phase::Relearning, 0, minutes(10.0))
    );
    assert_eq!(
        after(&s, &relearning, Rating::Hard),
        (Phase::Relearning, 0, minutes(15.0))
    );
    assert_eq!(after(&s, &relearning, Rating::Good).0, Phase::Review);
    assert_eq!(after(&s, &relearning, Rating::Easy).0, Phase::Review);
    let again = s.answer(&relearning, Rating::Again, START, 0);
    assert_eq!(
        again.state.lapses, relearning.lapses,
        "only a review card can lapse"
    );
}

#[test]
fn empty_steps_graduate_at_once() {
    let s = scheduler(DeckSettings {
        learning_steps: vec![],
        relearning_steps: vec![],
        ..DeckSettings::default()
    });
    for rating in Rating::ALL {
        let (phase, _, interval) = after(&s, &CardState::default(), rating);
        assert!(phase == Phase::Review && is_days(interval), "{rating:?}");
    }
    let review = card_on(Phase::Review, 0);
    let lapse = s.answer(&review, Rating::Again, START, 0);
    assert_eq!(lapse.state.phase, Phase::Review);
    assert!(is_days(lapse.interval_ms));
    assert_eq!(lapse.state.lapses, review.lapses + 1);
}

#[test]
fn a_step_beyond_shortened_steps_graduates_on_a_pass() {
    let s = default_scheduler();
    let card = card_on(Phase::Learning, 5);
    assert_eq!(
        after(&s, &card, Rating::Again),
        (Phase::Learning, 0, minutes(1.0))
    );
    assert_eq!(after(&s, &card, Rating::Hard).0, Phase::Review);
}

#[test]
fn every_answer_updates_memory_and_counts() {
    let s = default_scheduler();
    let card = card_on(Phase::Learning, 0);
    let outcome = s.answer(&card, Rating::Good, START, 0);
    assert_ne!(outcome.state.memory, card.memory);
    assert_eq!(outcome.state.reps, card.reps + 1);
    assert_eq!(outcome.state.last_review, Some(START));
}

#[test]
fn intervals_stay_within_one_day_and_the_maximum() {
    let s = scheduler(DeckSettings {
        maximum_interval: 30,
        ..DeckSettings::default()
    });
    let mut card = CardState::default();
    let mut now = START;
    for _ in 0..20 {
        let outcome = s.answer(&card, Rating::Easy, now, 0);
        let days = outcome.interval_ms / MS_PER_DAY;
        assert!((1..=30).contains(&days), "{days} days");
        now = outcome.state.due;
        card = outcome.state;
    }
    assert_eq!(card.due.0 - card.last_review.unwrap().0, 30 * MS_PER_DAY);
    // A tiny stability still waits a whole day.
    let weak = CardState {
        phase: Phase::Review,
        memory: Some(MemoryState {
            stability: 0.01,
            difficulty: 10.0,
        }),
        last_review: Some(START),
        ..CardState::default()
    };
    assert_eq!(
        s.answer(&weak, Rating::Hard, START, 0).interval_ms,
        MS_PER_DAY
    );
}

#[test]
fn a_clock_going_backwards_does_not_panic() {
    let s = default_scheduler();
    let mut card = card_on(Phase::Review, 0);
    card.last_review = Some(Timestamp(START.0 + 365 * MS_PER_DAY));
    for outcome in s.outcomes(&card, START, 0).iter() {
        assert!(outcome.state.memory.unwrap().stability.is_finite());
    }
}

#[test]
fn a_card_becomes_a_leech_at_the_eighth_lapse() {
    let s = default_scheduler();
    let mut card = card_on(Phase::Review, 0);
    card.lapses = 0;
    let mut now = START;
    let mut alerts = Vec::new();
    for _ in 0..12 {
        let lapse = s.answer(&card, Rating::Again, now, 0);
        if lapse.became_leech {
            alerts.push(lapse.state.lapses);
        }
        // Relearn, then come back as a review card.
        let relearned = s.answer(&lapse.state, Rating::Good, lapse.state.due, 0);
        assert!(!relearned.became_leech);
        now = relearned.state.due;
        card = relearned.state;
    }
    // Anki: at the threshold, then every half threshold.
    assert_eq!(alerts, [8, 12]);
}

#[test]
fn bad_settings_are_refused_with_what_to_do() {
    let refused = |settings: DeckSettings| Scheduler::new(&settings).unwrap_err();
    let err = refused(DeckSettings {
        desired_retention: 1.5,
        ..DeckSettings::default()
    });
    assert_eq!(err, ScheduleError::Retention { value: 1.5 });
    assert!(err.to_string().contains("0.7..=0.99"));
    let err = refused(DeckSettings {
        learning_steps: vec![1.0, f32::INFINITY],
        ..DeckSettings::default()
    });
    assert!(err.to_string().contains("learning_steps: step 2"), "{err}");
    let err = refused(DeckSettings {
        relearning_steps: vec![0.0],
        ..DeckSettings::default()
    });
    assert!(
        err.to_string().contains("relearning_steps: step 1"),
        "{err}"
    );
    let err = refused(DeckSettings {
        maximum_interval: 0,
        ..DeckSettings::default()
    });
    assert_eq!(err, ScheduleError::MaximumInterval);
    let err = refused(DeckSettings {
        parameters: Some(vec![0.5; 3]),
        ..DeckSettings::default()
    });
    assert_eq!(err, ScheduleError::ParameterCount { found: 3 });
    let err = refused(DeckSettings {
        day_rollover_hour: 24,
        ..DeckSettings::default()
    });
    assert_eq!(err, ScheduleError::RolloverHour { hour: 24 });
}

#[test]
fn retrievability_falls_with_time_and_is_none_for_new_cards() {
    let s = default_scheduler();
    assert_eq!(s.retrievability(&CardState::default(), START), None);
    let mut card = card_on(Phase::Review, 0);
    card.memory = Some(MemoryState {
        stability: 10.0,
        difficulty: 5.0,
    });
    card.last_review = Some(START);
    let fresh = s.retrievability(&card, START).unwrap();
    let at_stability = s.retrievability(&card, START.plus_days(10)).unwrap();
    let later = s.retrievability(&card, START.plus_days(30)).unwrap();
    assert_eq!(fresh, 1.0);
    assert!((at_stability - 0.9).abs() < 1e-4, "{at_stability}");
    assert!(later < at_stability);
}
