//! Fuzz: inside Anki's ranges, reproducible from the seed, spread across seeds, and the
//! answer always lands where the button label said.

use proptest::prelude::*;
use recap::model::{MS_PER_DAY, Rating, Timestamp};
use recap::schedule::{
    CardState, DeckSettings, MemoryState, Phase, Scheduler, fuzz_factor, fuzz_range,
    fuzzed_interval,
};
use std::collections::BTreeMap;

const START: Timestamp = Timestamp(1_750_000_000_000);

/// Anki's documented ranges: ±(1 + 15% of days in 2.5–7 + 10% in 7–20 + 5% above 20).
fn anki_delta(days: f64) -> f64 {
    if days < 2.5 {
        return 0.0;
    }
    1.0 + 0.15 * (days.min(7.0) - 2.5)
        + 0.1 * (days.min(20.0) - 7.0).max(0.0)
        + 0.05 * (days - 20.0).max(0.0)
}

#[test]
fn short_intervals_are_never_fuzzed() {
    for seed in 0..200 {
        let factor = fuzz_factor(seed);
        assert_eq!(fuzzed_interval(1, factor, 36_500), 1);
        assert_eq!(fuzzed_interval(2, factor, 36_500), 2);
    }
}

#[test]
fn fuzz_stays_inside_anki_ranges() {
    for days in 1..=2000u32 {
        let delta = anki_delta(f64::from(days));
        let (lower, upper) = fuzz_range(days, 36_500);
        assert!(
            f64::from(lower) >= (f64::from(days) - delta).round(),
            "{days}: {lower}"
        );
        assert!(
            f64::from(upper) <= (f64::from(days) + delta).round(),
            "{days}: {upper}"
        );
        for seed in 0..20 {
            let fuzzed = fuzzed_interval(days, fuzz_factor(seed), 36_500);
            assert!((lower..=upper).contains(&fuzzed), "{days} → {fuzzed}");
        }
    }
}

#[test]
fn fuzz_never_passes_the_maximum() {
    for seed in 0..500 {
        assert!(fuzzed_interval(100, fuzz_factor(seed), 100) <= 100);
        assert!(fuzzed_interval(36_500, fuzz_factor(seed), 36_500) <= 36_500);
    }
}

#[test]
fn different_seeds_spread_over_the_whole_range() {
    let mut counts = BTreeMap::new();
    for seed in 0..4000 {
        *counts
            .entry(fuzzed_interval(100, fuzz_factor(seed), 36_500))
            .or_insert(0) += 1;
    }
    let (lower, upper) = fuzz_range(100, 36_500);
    assert_eq!(
        counts.len() as u32,
        upper - lower + 1,
        "every day reached: {counts:?}"
    );
    let expected = 4000.0 / counts.len() as f64;
    for (&days, &count) in &counts {
        let share = f64::from(count) / expected;
        assert!(
            (0.7..1.3).contains(&share),
            "day {days} drawn {count} times"
        );
    }
}

fn review_card(stability: f32, last_review_days_ago: i64) -> CardState {
    CardState {
        phase: Phase::Review,
        step: 0,
        memory: Some(MemoryState {
            stability,
            difficulty: 5.0,
        }),
        due: START,
        last_review: Some(START.plus_days(-last_review_days_ago)),
        reps: 10,
        lapses: 0,
    }
}

#[test]
fn same_seed_gives_the_same_outcomes() {
    let s = Scheduler::new(&DeckSettings::default()).unwrap();
    let card = review_card(40.0, 40);
    assert_eq!(s.outcomes(&card, START, 99), s.outcomes(&card, START, 99));
    let dues: std::collections::BTreeSet<i64> = (0..50)
        .map(|seed| s.answer(&card, Rating::Good, START, seed).state.due.0)
        .collect();
    assert!(dues.len() > 3, "fuzz spreads due dates: {dues:?}");
}

#[test]
fn fuzz_off_gives_the_plain_interval() {
    let s = Scheduler::new(&DeckSettings {
        fuzz: false,
        ..DeckSettings::default()
    })
    .unwrap();
    let card = review_card(40.0, 40);
    let first = s.answer(&card, Rating::Good, START, 1);
    for seed in 2..50 {
        assert_eq!(s.answer(&card, Rating::Good, START, seed), first);
    }
}

proptest! {
    /// Whatever the card and the time, the answer is the outcome the label showed, and a
    /// fuzzed review interval lies in the range of the unfuzzed one.
    #[test]
    fn answer_keeps_the_labels_promise(
        stability in 0.01f32..20_000.0,
        days_ago in 0i64..3000,
        seed in any::<u64>(),
        rating in 1u8..=4,
    ) {
        let fuzzed = Scheduler::new(&DeckSettings::default()).unwrap();
        let plain = Scheduler::new(&DeckSettings { fuzz: false, ..DeckSettings::default() }).unwrap();
        let card = review_card(stability, days_ago);
        let rating = Rating::from_number(rating).unwrap();
        let promised = fuzzed.outcomes(&card, START, seed).get(rating).clone();
        prop_assert_eq!(&fuzzed.answer(&card, rating, START, seed), &promised);
        if promised.state.phase == Phase::Review {
            let unfuzzed = plain.answer(&card, rating, START, seed).interval_ms / MS_PER_DAY;
            let (lower, upper) = fuzz_range(unfuzzed as u32, 36_500);
            let days = promised.interval_ms / MS_PER_DAY;
            prop_assert!((i64::from(lower)..=i64::from(upper)).contains(&days));
        }
    }
}
