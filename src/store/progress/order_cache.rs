//! Every card's state in the order of the deck as studied, cached beside the snapshot cache,
//! so that opening a deck for study reads its states front to back.
//!
//! Why: the progress holds states by card id, in a hash map. Building today's queue from it
//! means one lookup per card, in an order unrelated to where the map keeps them: on a
//! 100,000-card deck that was the biggest part of opening it (each lookup a cache miss). The
//! queue wants the states in deck order, so that order is kept here, made once per snapshot.
//!
//! Trust: the cache names the snapshot file's [`FileKey`] (see `snapshot_cache`), and is used
//! only when the progress in memory is exactly that file's content (the [`Basis`]: nothing
//! merged on top) and every card id matches the deck's, position by position. A checksum over
//! every byte makes a damaged cache ignored.
//!
//! ```text
//! "RECAPSO1", u32 version, u32 card count, 32-byte key of the snapshot file, u32 0, u32 0,
//! u64 checksum of the rest; then a record a card: u8 id length, the id, the state (41 bytes)
//! ```

use super::error::ProgressError;
use super::files::DeckFiles;
use super::load::{cards_of, load_deferring_cards};
use super::snapshot::Snapshot;
use super::snapshot_cache::{STATE_LEN, read_state, write_state};
use crate::model::StudyCards;
use crate::schedule::{CardState, DeckSettings};
use crate::store::cache_bytes::{Reader, Writer, big_vec, checksum, map_cache};
use crate::store::{FileKey, write_atomic};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const MAGIC: &[u8; 8] = b"RECAPSO1";
const VERSION: u32 = 1;
const HEADER_LEN: usize = 64;

/// The snapshot file that progress in memory equals exactly (nothing merged on top of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    pub key: FileKey,
    /// This app wrote the file, so its content is known even if the file's clock is coarse.
    pub written_here: bool,
}

/// Where the order cache of the snapshot file `snapshot` lives in `cache_dir`.
fn cache_file(cache_dir: &Path, snapshot: &Path) -> PathBuf {
    let name = snapshot
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    cache_dir.join(format!("{name}.order.cache"))
}

/// The state of each card of `deck` (as studied), in its order; a card without progress has
/// the default state (new). Read from the order cache when it matches `basis` and the deck;
/// otherwise looked up in `progress` and cached for next time (when `basis` can be trusted).
pub fn states_in_order(
    cache_dir: Option<&Path>,
    snapshot: &Path,
    basis: Option<Basis>,
    progress: &Snapshot,
    deck: &dyn StudyCards,
) -> Vec<CardState> {
    cached(cache_dir, snapshot, basis, deck)
        .unwrap_or_else(|| looked_up(cache_dir, snapshot, basis, progress, deck))
}

/// The states of [`states_in_order`] looked up in `progress` card by card, and cached for next
/// time when `basis` can be trusted.
pub fn looked_up(
    cache_dir: Option<&Path>,
    snapshot: &Path,
    basis: Option<Basis>,
    progress: &Snapshot,
    deck: &dyn StudyCards,
) -> Vec<CardState> {
    let states = progress.states_in_order(deck);
    if let (Some(dir), Some(basis)) = (cache_dir, basis) {
        save(dir, snapshot, basis, deck, &states);
    }
    states
}

/// A deck's settings and the state of each card of `deck` (as studied) in its order, from its
/// progress files: what a deck's overview needs. The snapshot's cards are read only when the
/// order cache does not already hold these states.
pub fn load_in_order(
    files: &DeckFiles,
    deck: &dyn StudyCards,
) -> Result<(DeckSettings, Vec<CardState>), ProgressError> {
    let (loaded, unread) = load_deferring_cards(files)?;
    let snapshot = files.snapshot();
    if let Some(states) = cached(files.cache(), &snapshot, loaded.basis, deck) {
        return Ok((loaded.progress.settings, states));
    }
    let progress = match &unread {
        Some(cached) => cards_of(cached, files)?,
        None => loaded.progress,
    };
    let states = looked_up(files.cache(), &snapshot, loaded.basis, &progress, deck);
    Ok((progress.settings, states))
}

/// The states [`states_in_order`] gives, when the cache has them.
pub fn cached(
    cache_dir: Option<&Path>,
    snapshot: &Path,
    basis: Option<Basis>,
    deck: &dyn StudyCards,
) -> Option<Vec<CardState>> {
    load(cache_dir?, snapshot, basis?.key, deck)
}

/// Caches `states` (one per card of `deck`, in its order) as those of the snapshot file in
/// `basis`; only when that file was written here or has been left alone long enough (see
/// [`FileKey::is_settled`]). A cache that cannot be written is only a slower next open.
fn save(
    cache_dir: &Path,
    snapshot: &Path,
    basis: Basis,
    deck: &dyn StudyCards,
    states: &[CardState],
) {
    if !(basis.written_here || basis.key.is_settled(SystemTime::now())) {
        return;
    }
    if let Some(bytes) = encode(basis.key, deck, states) {
        let _ = write_atomic(&cache_file(cache_dir, snapshot), &bytes);
    }
}

fn load(
    cache_dir: &Path,
    snapshot: &Path,
    key: FileKey,
    deck: &dyn StudyCards,
) -> Option<Vec<CardState>> {
    decode(&map_cache(&cache_file(cache_dir, snapshot))?, key, deck)
}

fn encode(key: FileKey, deck: &dyn StudyCards, states: &[CardState]) -> Option<Vec<u8>> {
    if deck.len() != states.len() {
        return None;
    }
    let mut body = Writer::default();
    body.bytes.reserve(deck.len() * (STATE_LEN + 12));
    for (at, state) in states.iter().enumerate() {
        let id = deck.id(at);
        let id = id.as_str().as_bytes();
        body.bytes.push(u8::try_from(id.len()).ok()?);
        body.bytes.extend_from_slice(id);
        write_state(&mut body, state);
    }
    let mut out = Writer::default();
    out.bytes.reserve(HEADER_LEN + body.bytes.len());
    out.bytes.extend_from_slice(MAGIC);
    out.u32(VERSION);
    out.u32(u32::try_from(states.len()).ok()?);
    out.bytes.extend_from_slice(&key.to_bytes());
    out.u32(0);
    out.u32(0);
    out.u64(checksum(&body.bytes));
    out.bytes.extend_from_slice(&body.bytes);
    Some(out.bytes)
}

fn decode(bytes: &[u8], key: FileKey, deck: &dyn StudyCards) -> Option<Vec<CardState>> {
    let header = bytes.get(..HEADER_LEN)?;
    let count = Reader::new(header, 12).u32()? as usize;
    if &header[..8] != MAGIC
        || header[8..12] != VERSION.to_le_bytes()
        || header[16..48] != key.to_bytes()
        || header[48..56] != [0; 8]
        || count != deck.len()
    {
        return None;
    }
    let sum = Reader::new(header, 56).u64()?;
    let body = &bytes[HEADER_LEN..];
    if checksum(body) != sum {
        return None;
    }
    let mut reader = Reader::new(body, 0);
    let mut states = big_vec(count);
    for at in 0..count {
        let id_len = reader.take(1)?[0] as usize;
        if !deck.id_is(at, reader.take(id_len)?) {
            return None;
        }
        states.push(read_state(&mut reader)?);
    }
    (reader.at == body.len()).then_some(states)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardId, Deck, DeckId, Timestamp};
    use crate::schedule::Phase;
    use std::time::Duration;

    fn deck(ids: &[&str]) -> Deck {
        Deck {
            id: DeckId::new("summit").unwrap(),
            title: "Summit".into(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: ids
                .iter()
                .map(|id| Card::new(CardId::new(*id).unwrap(), "Q", "A"))
                .collect(),
        }
    }

    fn progress() -> Snapshot {
        let mut progress = Snapshot::empty(DeckId::new("summit").unwrap());
        let learning = CardState {
            phase: Phase::Learning,
            due: Timestamp(1_700_000_000_000),
            reps: 1,
            ..CardState::default()
        };
        progress.cards.insert(CardId::new("b").unwrap(), learning);
        progress
            .cards
            .insert(CardId::new("gone").unwrap(), CardState::default());
        progress
    }

    /// A snapshot file last changed an hour ago, and its basis.
    fn settled_file(dir: &Path) -> (PathBuf, Basis) {
        let path = dir.join("summit.ron");
        std::fs::write(&path, progress().to_text()).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
        let key = FileKey::of(&path).unwrap();
        let basis = Basis {
            key,
            written_here: false,
        };
        (path, basis)
    }

    /// A settled snapshot file of [`progress`] and the order cache made from it for the deck
    /// a, b, c. Keep `_dir` bound: the folder is removed with it.
    struct Made {
        _dir: tempfile::TempDir,
        file: PathBuf,
        basis: Basis,
        cache: PathBuf,
        deck: Deck,
        states: Vec<CardState>,
    }

    fn made_cache() -> Made {
        let dir = tempfile::tempdir().unwrap();
        let (file, basis) = settled_file(dir.path());
        let cache = dir.path().join("c");
        let deck = deck(&["a", "b", "c"]);
        let states = states_in_order(Some(&cache), &file, Some(basis), &progress(), &deck);
        Made {
            _dir: dir,
            file,
            basis,
            cache,
            deck,
            states,
        }
    }

    #[test]
    fn states_come_in_deck_order_from_the_cache_once_made() {
        let Made {
            file,
            basis,
            cache,
            deck,
            states: made,
            _dir,
        } = made_cache();
        let expected = progress().states_in_order(&deck);
        assert_eq!(expected[1].phase, Phase::Learning);
        assert_eq!(expected[0], CardState::default());
        assert_eq!(made, expected);
        // From the cache now: an empty progress would give other states.
        let empty = Snapshot::empty(DeckId::new("summit").unwrap());
        let cached = states_in_order(Some(&cache), &file, Some(basis), &empty, &deck);
        assert_eq!(cached, expected);
    }

    #[test]
    fn another_snapshot_or_another_deck_order_is_not_read_from_the_cache() {
        let Made {
            file,
            basis,
            cache,
            deck: deck_abc,
            _dir,
            ..
        } = made_cache();
        let empty = Snapshot::empty(DeckId::new("summit").unwrap());
        for other in [
            deck(&["b", "a", "c"]),
            deck(&["a", "b"]),
            deck(&["a", "b", "c", "d"]),
        ] {
            assert_eq!(load(&cache, &file, basis.key, &other), None);
        }
        std::fs::write(&file, "(changed)").unwrap();
        let key = FileKey::of(&file).unwrap();
        assert_eq!(load(&cache, &file, key, &deck_abc), None);
        let fresh = states_in_order(Some(&cache), &file, None, &empty, &deck_abc);
        assert_eq!(
            fresh,
            vec![CardState::default(); 3],
            "no basis: the map decides"
        );
    }

    #[test]
    fn a_snapshot_changed_moments_ago_by_another_program_is_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("summit.ron");
        std::fs::write(&file, progress().to_text()).unwrap();
        let key = FileKey::of(&file).unwrap();
        let cache = dir.path().join("c");
        let deck = deck(&["a", "b"]);
        let foreign = Basis {
            key,
            written_here: false,
        };
        states_in_order(Some(&cache), &file, Some(foreign), &progress(), &deck);
        assert!(!cache_file(&cache, &file).exists());
        let own = Basis {
            key,
            written_here: true,
        };
        states_in_order(Some(&cache), &file, Some(own), &progress(), &deck);
        assert!(cache_file(&cache, &file).exists());
    }

    #[test]
    fn a_damaged_cache_is_ignored_whatever_byte_is_hit() {
        let Made {
            file,
            basis,
            cache,
            deck,
            _dir,
            ..
        } = made_cache();
        let path = cache_file(&cache, &file);
        let good = std::fs::read(&path).unwrap();
        assert!(load(&cache, &file, basis.key, &deck).is_some());
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            std::fs::write(&path, &bad).unwrap();
            assert_eq!(load(&cache, &file, basis.key, &deck), None, "byte {at}");
        }
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert_eq!(load(&cache, &file, basis.key, &deck), None);
    }
}
