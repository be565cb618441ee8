//! Fuzz: spread review due dates a little so cards learned together do not stay together.
//!
//! The ranges are Anki's: no fuzz under 2.5 days; otherwise ±(1 day + 15% of the days between
//! 2.5 and 7 + 10% of those between 7 and 20 + 5% of those above 20). The draw comes from a
//! seed, not a running RNG, because the window labels the four buttons with their outcomes
//! *before* the answer: the answer must land on the very day the label promised, so the
//! labels and the answer derive the same fuzz from the same seed (the session derives it from
//! the card id and its number of answers, as Anki does).

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// (start, end, share of the days in that range added to the fuzz).
const FUZZ_RANGES: [(f64, f64, f64); 3] =
    [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f64::MAX, 0.05)];

/// Intervals shorter than this many days are never fuzzed.
const SHORTEST_FUZZED: f64 = 2.5;

/// Where in its fuzz range an interval lands: 0 (earliest) to 1 (exclusive, latest).
pub fn fuzz_factor(seed: u64) -> f64 {
    StdRng::seed_from_u64(seed).random_range(0.0..1.0)
}

/// The fuzz seed for a card's next answer, from its id and how many answers it has had (as
/// Anki seeds it): stable while the card waits, so its labels and its answer agree, and new
/// after each answer. FNV-1a, because it is fixed forever, unlike std's hasher.
pub fn fuzz_seed(card_id: &str, reps: u32) -> u64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    card_id
        .bytes()
        .chain(reps.to_le_bytes())
        .fold(FNV_OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
        })
}

/// Days either side of `interval` the fuzz may move it.
fn fuzz_delta(interval: f64) -> f64 {
    if interval < SHORTEST_FUZZED {
        return 0.0;
    }
    FUZZ_RANGES.iter().fold(1.0, |delta, &(start, end, share)| {
        delta + share * (interval.min(end) - start).max(0.0)
    })
}

/// The earliest and latest day a fuzzed `interval` may land on, within 1..=maximum. Rounds
/// half away from zero, as Anki does.
pub fn fuzz_range(interval: u32, maximum: u32) -> (u32, u32) {
    let maximum = maximum.max(1);
    let interval = f64::from(interval.clamp(1, maximum));
    let delta = fuzz_delta(interval);
    let clamp = |days: f64| (days.round().max(1.0) as u32).clamp(1, maximum);
    let (lower, mut upper) = (clamp(interval - delta), clamp(interval + delta));
    // A fuzzed interval must have somewhere to go, when the maximum allows it.
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// `interval` moved within its fuzz range by `factor` (from [`fuzz_factor`]). Every day in
/// the range is equally likely.
pub fn fuzzed_interval(interval: u32, factor: f64, maximum: u32) -> u32 {
    let (lower, upper) = fuzz_range(interval, maximum);
    let span = f64::from(1 + upper - lower);
    let offset = (factor.clamp(0.0, 1.0) * span).floor() as u32;
    (lower + offset).min(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_match_anki() {
        assert_eq!(fuzz_range(1, 1000), (1, 1));
        assert_eq!(fuzz_range(2, 1000), (2, 2));
        assert_eq!(fuzz_range(3, 1000), (2, 4));
        assert_eq!(fuzz_range(7, 1000), (5, 9));
        assert_eq!(fuzz_range(17, 1000), (14, 20));
        assert_eq!(fuzz_range(20, 1000), (17, 23));
        assert_eq!(fuzz_range(37, 1000), (33, 41));
        assert_eq!(fuzz_range(100, 99), (92, 99));
    }

    #[test]
    fn factor_picks_lowest_middle_highest() {
        assert_eq!(fuzzed_interval(37, 0.0, 1000), 33);
        assert_eq!(fuzzed_interval(37, 0.5, 1000), 37);
        assert_eq!(fuzzed_interval(37, 0.99, 1000), 41);
        assert_eq!(fuzzed_interval(37, 1.0, 1000), 41);
    }

    #[test]
    fn seeds_follow_card_and_answer_count() {
        assert_eq!(fuzz_seed("k3m9q2", 4), fuzz_seed("k3m9q2", 4));
        assert_ne!(fuzz_seed("k3m9q2", 4), fuzz_seed("k3m9q2", 5));
        assert_ne!(fuzz_seed("k3m9q2", 4), fuzz_seed("k3m9q3", 4));
    }

    #[test]
    fn same_seed_same_factor() {
        assert_eq!(fuzz_factor(42), fuzz_factor(42));
        assert_ne!(fuzz_factor(42), fuzz_factor(43));
        assert!((0.0..1.0).contains(&fuzz_factor(7)));
    }
}
