//! A progress snapshot kept in binary beside the app's other caches, so that opening a deck
//! with progress for 100,000 cards parses no RON.
//!
//! Why: the snapshot file of a 100,000-card deck is 13.5 MB of RON, and parsing it took most of
//! the time left in opening such a deck once the deck itself came from its cache.
//!
//! Trust works as for decks (see `store::deck_cache`): the cache names the snapshot file's
//! [`FileKey`] and is used only while the file still has it. A cache is written when a settled
//! snapshot file had to be parsed, and whenever this app writes the snapshot itself (it then
//! knows the content, and a new file has a new inode). The cache holds a checksum of its RON
//! header and one of its cards, checked when each is read (opening a deck for study reads
//! only the header: see `ProgressStore`); anything that does not add up makes it ignored.
//!
//! ```text
//! "RECAPPS1", u32 version, u32 card count, 32-byte key of the snapshot file,
//! u32 length of the RON header (format, deck, settings, applied), u32 0,
//! u64 checksum of the RON header, u64 checksum of the cards,
//! the RON header, then a record a card: u8 id length, the id, then the state (STATE_LEN bytes)
//! ```

use super::snapshot::Snapshot;
use crate::model::{CardId, CardMap, DeckId, Timestamp};
use crate::schedule::{CardState, DeckSettings, MemoryState, Phase};
use crate::store::cache_bytes::{Reader, Writer, cache_file_for, checksum, map_cache};
use crate::store::{FileKey, write_atomic};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const MAGIC: &[u8; 8] = b"RECAPPS1";
const VERSION: u32 = 2;
const HEADER_LEN: usize = 72;
const HAS_MEMORY: u8 = 1;
const HAS_LAST_REVIEW: u8 = 2;

/// The snapshot's fields other than the cards, as RON (small, and written by serde).
#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    deck: DeckId,
    settings: DeckSettings,
    applied: BTreeMap<super::DeviceId, super::record::Seq>,
}

/// Where the cache of the snapshot file `snapshot` lives in `cache_dir`.
pub fn cache_file(cache_dir: &Path, snapshot: &Path) -> PathBuf {
    cache_file_for(cache_dir, snapshot)
}

/// The cache of the file `snapshot` (its key is `key`), with everything but the cards read
/// and checked; the cards are checked when they are read. Opening a deck for study needs the cards only at the
/// first answer: see `ProgressStore`.
pub fn open(cache_dir: &Path, snapshot: &Path, key: FileKey) -> Option<CachedSnapshot> {
    CachedSnapshot::new(map_cache(&cache_file(cache_dir, snapshot))?, key)
}

/// A snapshot cache whose cards are still to be read (see [`open`]).
#[derive(Debug)]
pub struct CachedSnapshot {
    bytes: memmap2::Mmap,
    /// The snapshot without its cards.
    head: Snapshot,
    count: usize,
    /// Where the first card's record starts.
    cards_at: usize,
}

impl CachedSnapshot {
    fn new(bytes: memmap2::Mmap, key: FileKey) -> Option<CachedSnapshot> {
        let header = bytes.get(..HEADER_LEN)?;
        if &header[..8] != MAGIC || header[8..12] != VERSION.to_le_bytes() {
            return None;
        }
        if header[16..48] != key.to_bytes() || header[52..56] != [0; 4] {
            return None;
        }
        let count = Reader::new(header, 12).u32()? as usize;
        let head_len = Reader::new(header, 48).u32()? as usize;
        let head_sum = Reader::new(header, 56).u64()?;
        let body = &bytes[HEADER_LEN..];
        let head_bytes = body.get(..head_len)?;
        if checksum(head_bytes) != head_sum {
            return None;
        }
        let head_text = std::str::from_utf8(head_bytes).ok()?;
        let head: Head = ron::from_str(head_text).ok()?;
        // Each record takes at least 43 bytes: a damaged count cannot reserve gigabytes.
        if count > body.len() / 43 {
            return None;
        }
        Some(CachedSnapshot {
            head: Snapshot {
                format: head.format,
                deck: head.deck,
                settings: head.settings,
                applied: head.applied,
                cards: CardMap::default(),
            },
            count,
            cards_at: HEADER_LEN + head_len,
            bytes,
        })
    }

    /// The snapshot's fields but its cards (its `cards` is empty).
    pub fn head(&self) -> &Snapshot {
        &self.head
    }

    /// The whole snapshot. None when the cards' checksum does not add up or a card's record is
    /// not one this app writes.
    pub fn to_snapshot(&self) -> Option<Snapshot> {
        let body = &self.bytes[self.cards_at..];
        if checksum(body) != Reader::new(&self.bytes, 64).u64()? {
            return None;
        }
        let mut reader = Reader::new(body, 0);
        let mut cards = CardMap::with_capacity_and_hasher(self.count, Default::default());
        for _ in 0..self.count {
            let id_len = reader.take(1)?[0] as usize;
            let id = CardId::new(std::str::from_utf8(reader.take(id_len)?).ok()?).ok()?;
            cards.insert(id, read_state(&mut reader)?);
        }
        (reader.at == body.len()).then(|| Snapshot {
            cards,
            ..self.head.clone()
        })
    }
}

/// Caches `parsed`, read from the file `snapshot` whose key was `key` before it was read;
/// only when the file had been left alone long enough (see [`FileKey::is_settled`]).
pub fn save_parsed(cache_dir: &Path, snapshot: &Path, key: FileKey, parsed: &Snapshot) {
    if key.is_settled(SystemTime::now()) {
        save(cache_dir, snapshot, key, parsed);
    }
}

/// Caches `written`, which this app has just written to the file `snapshot`.
pub fn save_written(cache_dir: &Path, snapshot: &Path, written: &Snapshot) {
    if let Some(key) = FileKey::of(snapshot) {
        save(cache_dir, snapshot, key, written);
    }
}

fn save(cache_dir: &Path, snapshot: &Path, key: FileKey, progress: &Snapshot) {
    if let Some(bytes) = encode(progress, key) {
        // A cache that cannot be written is only a slower next open.
        let _ = write_atomic(&cache_file(cache_dir, snapshot), &bytes);
    }
}

fn encode(progress: &Snapshot, key: FileKey) -> Option<Vec<u8>> {
    let head = Head {
        format: progress.format,
        deck: progress.deck.clone(),
        settings: progress.settings.clone(),
        applied: progress.applied.clone(),
    };
    let head = ron::to_string(&head).ok()?;
    let mut body = Writer::default();
    body.bytes.reserve(progress.cards.len() * (STATE_LEN + 12));
    for (id, state) in in_map_order(&progress.cards) {
        let id = id.as_str().as_bytes();
        body.bytes.push(u8::try_from(id.len()).ok()?);
        body.bytes.extend_from_slice(id);
        write_state(&mut body, state);
    }
    let mut out = Writer::default();
    out.bytes.extend_from_slice(MAGIC);
    out.u32(VERSION);
    out.u32(u32::try_from(progress.cards.len()).ok()?);
    out.bytes.extend_from_slice(&key.to_bytes());
    out.u32(u32::try_from(head.len()).ok()?);
    out.u32(0);
    out.u64(checksum(head.as_bytes()));
    out.u64(checksum(&body.bytes));
    out.bytes.extend_from_slice(head.as_bytes());
    out.bytes.extend_from_slice(&body.bytes);
    Some(out.bytes)
}

/// The cards in the order a map made `with_capacity` of their count places them: reading the
/// cache back then fills the map front to back instead of at random, which on a 100,000-card
/// deck halves the time (fresh memory is touched in order). Only speed depends on this order.
fn in_map_order(cards: &CardMap<CardState>) -> Vec<(&CardId, &CardState)> {
    // The bucket count of std's map (hashbrown) for this capacity; a probe starts at the
    // hash's low bits.
    let buckets = if cards.len() < 8 {
        8
    } else {
        (cards.len() * 8 / 7).next_power_of_two()
    };
    let mask = buckets as u64 - 1;
    let hasher = cards.hasher();
    let mut ordered: Vec<(&CardId, &CardState)> = cards.iter().collect();
    ordered.sort_by_cached_key(|(id, _)| (hasher.hash_one(id) & mask, (*id).clone()));
    ordered
}

/// Bytes of one state in a record (see [`write_state`]).
pub(super) const STATE_LEN: usize = 41;

pub(super) fn write_state(out: &mut Writer, state: &CardState) {
    let phase = match state.phase {
        Phase::New => 0,
        Phase::Learning => 1,
        Phase::Review => 2,
        Phase::Relearning => 3,
    };
    let flags = if state.memory.is_some() {
        HAS_MEMORY
    } else {
        0
    } | if state.last_review.is_some() {
        HAS_LAST_REVIEW
    } else {
        0
    };
    out.bytes.extend_from_slice(&[phase, flags]);
    out.u32(state.step);
    let memory = state.memory.unwrap_or(MemoryState {
        stability: 0.0,
        difficulty: 0.0,
    });
    out.u32(memory.stability.to_bits());
    out.u32(memory.difficulty.to_bits());
    out.u64(state.due.0 as u64);
    out.u64(state.last_review.map_or(0, |t| t.0) as u64);
    out.u32(state.reps);
    out.u32(state.lapses);
    out.bytes.push(0);
}

pub(super) fn read_state(reader: &mut Reader) -> Option<CardState> {
    let [phase, flags] = reader.take(2)?.try_into().ok()?;
    let phase = match phase {
        0 => Phase::New,
        1 => Phase::Learning,
        2 => Phase::Review,
        3 => Phase::Relearning,
        _ => return None,
    };
    let step = reader.u32()?;
    let stability = f32::from_bits(reader.u32()?);
    let difficulty = f32::from_bits(reader.u32()?);
    let due = Timestamp(reader.u64()? as i64);
    let last_review = Timestamp(reader.u64()? as i64);
    let reps = reader.u32()?;
    let lapses = reader.u32()?;
    reader.take(1)?;
    Some(CardState {
        phase,
        step,
        memory: (flags & HAS_MEMORY != 0).then_some(MemoryState {
            stability,
            difficulty,
        }),
        due,
        last_review: (flags & HAS_LAST_REVIEW != 0).then_some(last_review),
        reps,
        lapses,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn snapshot() -> Snapshot {
        let mut progress = Snapshot::empty(DeckId::new("summit").unwrap());
        progress
            .applied
            .insert(super::super::DeviceId::new("pc").unwrap(), 7);
        progress.settings.new_per_day = 5;
        progress
            .cards
            .insert(CardId::new("a").unwrap(), CardState::default());
        let review = CardState {
            phase: Phase::Relearning,
            step: 1,
            memory: Some(MemoryState {
                stability: 3.25,
                difficulty: 6.5,
            }),
            due: Timestamp(1_700_000_123_456),
            last_review: Some(Timestamp(-5)),
            reps: 9,
            lapses: 2,
        };
        progress.cards.insert(CardId::new("b~rev").unwrap(), review);
        progress
    }

    /// The cache of `file` as it is now, read whole.
    fn cached(cache: &Path, file: &Path) -> Option<Snapshot> {
        open(cache, file, FileKey::of(file)?)?.to_snapshot()
    }

    fn settled_snapshot_file(dir: &Path) -> PathBuf {
        let path = dir.join("summit.ron");
        std::fs::write(&path, snapshot().to_text()).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
        path
    }

    #[test]
    fn a_cached_snapshot_reads_back_equal_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (file, cache) = (settled_snapshot_file(dir.path()), dir.path().join("c"));
        assert!(cached(&cache, &file).is_none());
        save_parsed(&cache, &file, FileKey::of(&file).unwrap(), &snapshot());
        assert_eq!(cached(&cache, &file), Some(snapshot()));
        std::fs::write(&file, "(changed)").unwrap();
        assert!(cached(&cache, &file).is_none());
        save_written(&cache, &file, &snapshot());
        assert_eq!(
            cached(&cache, &file),
            Some(snapshot()),
            "our own write is trusted"
        );
    }

    #[test]
    fn a_damaged_cache_is_ignored_whatever_byte_is_hit() {
        let dir = tempfile::tempdir().unwrap();
        let (file, cache) = (settled_snapshot_file(dir.path()), dir.path().join("c"));
        save_parsed(&cache, &file, FileKey::of(&file).unwrap(), &snapshot());
        let path = cache_file(&cache, &file);
        let good = std::fs::read(&path).unwrap();
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            std::fs::write(&path, &bad).unwrap();
            assert!(cached(&cache, &file).is_none(), "byte {at}");
        }
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert!(cached(&cache, &file).is_none());
    }
}
