//! For every record of a review log, the review interval its card had just before it: what
//! the previous record of the same card left.
//!
//! The straightforward way, a hash map from card id to the card's last state updated record by
//! record, spends nearly all its time waiting for memory: with 100,000 cards the map does not
//! stay in the cache while a log of a million records streams past, so every record costs a
//! few cache misses (measured: over half a second for the benchmark's log). Here the records
//! are first split by card into [`PARTITIONS`] groups in one pass, keeping log order within
//! each group; each group then has a map small enough to stay in the cache; the results are
//! read back in log order from the groups, again in one pass. Every pass reads memory in
//! order.

use crate::model::CardId;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::num::NonZeroU32;

/// Groups of cards; a power of two, chosen so that each group's map (cards / 64) stays in the
/// cache for decks up to a few hundred thousand cards.
const PARTITION_BITS: u32 = 6;
const PARTITIONS: usize = 1 << PARTITION_BITS;

/// Records pushed in log order, each with its card and the review interval the record left
/// (None: not in the Review phase); [`CardChains::intervals_before`] then gives each record
/// the interval its card had before it.
pub struct CardChains {
    long_ids: LongIds,
    /// Per group, its records' cards, in log order.
    keys: Vec<Vec<CardKey>>,
    /// Per group, its records' intervals (after, then before), in log order. Apart from the
    /// keys and in 4 bytes each, so that reading them back in log order, hopping between
    /// groups, touches little memory.
    intervals: Vec<Vec<Interval>>,
    /// Each record's group, in log order.
    group_of: Vec<u8>,
}

/// A review interval in days; intervals are at least 1 day, so 0 can stand for none.
type Interval = Option<NonZeroU32>;

impl CardChains {
    pub fn with_capacity(records: usize) -> CardChains {
        let per_group = records / PARTITIONS + 16;
        CardChains {
            long_ids: LongIds::default(),
            keys: (0..PARTITIONS)
                .map(|_| Vec::with_capacity(per_group))
                .collect(),
            intervals: (0..PARTITIONS)
                .map(|_| Vec::with_capacity(per_group))
                .collect(),
            group_of: Vec::with_capacity(records),
        }
    }

    /// The next record: its card and the review interval it left (at least 1 day; None when
    /// the card is not in the Review phase).
    pub fn push(&mut self, card: &CardId, interval_after: Option<u32>) {
        let key = CardKey::of(card, &mut self.long_ids);
        let group = key.group();
        self.group_of.push(group as u8);
        self.keys[group].push(key);
        self.intervals[group].push(interval_after.and_then(NonZeroU32::new));
    }

    /// For each record pushed, in the same order, the interval its card had before it (None
    /// for the card's first record).
    pub fn intervals_before(mut self) -> impl Iterator<Item = Option<u32>> {
        for (keys, intervals) in self.keys.iter().zip(&mut self.intervals) {
            link_to_previous(keys, intervals);
        }
        let mut read = [0usize; PARTITIONS];
        let intervals = self.intervals;
        self.group_of.into_iter().map(move |group| {
            let group = usize::from(group);
            let interval = intervals[group][read[group]];
            read[group] += 1;
            interval.map(NonZeroU32::get)
        })
    }
}

/// Turns each record's interval-after into its interval-before (the card's previous
/// record's after). One group at a time: its map stays in the cache.
fn link_to_previous(keys: &[CardKey], intervals: &mut [Interval]) {
    let mut last: HashMap<CardKey, Interval, BuildHasherDefault<FxHasher>> = HashMap::default();
    for (key, interval) in keys.iter().zip(intervals) {
        *interval = last.insert(*key, *interval).flatten();
    }
}

/// A card id as two numbers, equal exactly when the ids are: ids of up to 16 bytes are their
/// bytes (ids hold only ASCII letters, digits, '-' and '_', never a zero byte, so the zero
/// padding is unambiguous); longer ids get a number of their own, marked by a high word no
/// short id can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CardKey {
    low: u64,
    high: u64,
}

impl CardKey {
    fn of(card: &CardId, long_ids: &mut LongIds) -> CardKey {
        let bytes = card.as_str().as_bytes();
        if bytes.len() > 16 {
            return CardKey {
                low: long_ids.number(card),
                high: u64::MAX,
            };
        }
        // Byte by byte rather than a copy: a short loop, where a copy of variable length is a
        // call that keeps the processor from reading the next ids meanwhile.
        let packed = bytes.iter().enumerate().fold(0u128, |packed, (i, &byte)| {
            packed | u128::from(byte) << (8 * i)
        });
        CardKey {
            low: packed as u64,
            high: (packed >> 64) as u64,
        }
    }

    /// The key's group: the well-mixed top bits of its hash.
    fn group(self) -> usize {
        let mut hasher = FxHasher::default();
        self.hash(&mut hasher);
        (hasher.hash >> (64 - PARTITION_BITS)) as usize
    }
}

impl Hash for CardKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.low);
        state.write_u64(self.high);
    }
}

/// Numbers for ids too long to pack (rare: generated ids have 6 characters).
#[derive(Default)]
struct LongIds {
    numbers: HashMap<String, u64>,
}

impl LongIds {
    fn number(&mut self, card: &CardId) -> u64 {
        let next = self.numbers.len() as u64;
        *self
            .numbers
            .entry(card.as_str().to_string())
            .or_insert(next)
    }
}

/// FxHash (as in rustc): a multiply and a rotate per word, fast for keys that are a couple of
/// numbers. The default SipHash guards against keys crafted to collide, which a learner's own
/// log cannot hold.
#[derive(Default)]
struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, word: u64) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }

    /// The multiply leaves the low bits, which pick the map's bucket, depending on the low
    /// bits of the input alone; rotating brings well-mixed high bits down (as rustc-hash 2).
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_equal_exactly_when_ids_are() {
        let mut long_ids = LongIds::default();
        let mut key = |id: &str| CardKey::of(&CardId::new(id).unwrap(), &mut long_ids);
        assert_eq!(key("abc"), key("abc"));
        assert_ne!(key("abc"), key("abc0"));
        assert_ne!(key("a"), key("b"));
        assert_ne!(key("0123456789abcdef"), key("0123456789abcdeg"));
        let long = "a-card-id-longer-than-sixteen-bytes";
        assert_eq!(key(long), key(long));
        assert_ne!(key(long), key("a-card-id-longer-than-sixteen-bytez"));
        assert_ne!(key("a-card-id-longer"), key(long));
        assert!(key(long).group() < PARTITIONS);
    }

    /// The chains give what a plain map from card to last interval gives, record by record,
    /// for short and long ids over every group.
    #[test]
    fn chains_agree_with_a_plain_map() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        let cards: Vec<CardId> = (0..3000)
            .map(|n| match n % 3 {
                0 => format!("c{n}"),
                1 => format!("card-with-a-long-id-number-{n}"),
                _ => format!("exactly-16-{n:05}"),
            })
            .map(|id| CardId::new(id).unwrap())
            .collect();
        let records: Vec<(usize, Option<u32>)> = (0..40_000)
            .map(|_| {
                let interval = rng.random_range(0..4u32);
                (
                    rng.random_range(0..cards.len()),
                    (interval > 0).then_some(interval),
                )
            })
            .collect();
        let mut chains = CardChains::with_capacity(records.len());
        let mut plain: HashMap<&CardId, Option<u32>> = HashMap::new();
        let mut expected = Vec::new();
        for (card, after) in &records {
            chains.push(&cards[*card], *after);
            expected.push(plain.insert(&cards[*card], *after).flatten());
        }
        let got: Vec<Option<u32>> = chains.intervals_before().collect();
        assert_eq!(got, expected);
    }
}
