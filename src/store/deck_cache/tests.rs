use super::*;
use crate::model::{Card, CardId, DeckId, Source};
use std::time::{Duration, SystemTime};

fn deck() -> Deck {
    let mut full = Card::new(
        CardId::new("c2").unwrap(),
        "Quoi ? \"Où\"",
        "À Séoul\n\n김정은",
    );
    full.tags = vec!["t1".into(), "t 2".into()];
    full.choices = vec!["Moscow".into()];
    full.short = Some("Seoul".into());
    full.both_ways = true;
    let mut empty_short = Card::new(CardId::new("c3").unwrap(), "Q3", "A3");
    empty_short.short = Some("".into());
    Deck {
        id: DeckId::new("summit").unwrap(),
        title: "Kim–Putin".into(),
        description: "two\nlines".into(),
        source: Some(Source {
            title: Some("Letters".into()),
            date: Some("2025-08-15".into()),
            file: None,
            url: Some("https://example.org".into()),
        }),
        tags: vec!["news".into()],
        cards: vec![
            Card::new(CardId::new("c1").unwrap(), "Q1", "A1"),
            full,
            empty_short,
        ],
    }
}

/// A deck file last changed an hour ago, so a cache of it may be written.
fn settled_file(dir: &Path) -> PathBuf {
    let path = dir.join("summit.ron");
    std::fs::write(&path, "the deck's RON (not read by the cache)").unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    path
}

#[test]
fn a_cached_deck_reads_back_equal_while_its_file_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (file, cache) = (settled_file(dir.path()), dir.path().join("cache"));
    assert!(
        load(&cache, &file).map(|m| m.to_deck()).is_none(),
        "no cache yet"
    );
    assert!(save(&cache, &file, FileKey::of(&file).unwrap(), &deck()));
    assert_eq!(load(&cache, &file).map(|m| m.to_deck()), Some(deck()));
}

#[test]
fn a_changed_deck_file_makes_its_cache_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (file, cache) = (settled_file(dir.path()), dir.path().join("cache"));
    save(&cache, &file, FileKey::of(&file).unwrap(), &deck());
    std::fs::write(&file, "edited by hand").unwrap();
    assert!(load(&cache, &file).map(|m| m.to_deck()).is_none());
}

#[test]
fn a_file_changed_moments_ago_is_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fresh.ron");
    std::fs::write(&file, "x").unwrap();
    let cache = dir.path().join("cache");
    assert!(!save(&cache, &file, FileKey::of(&file).unwrap(), &deck()));
    assert!(!cache_file(&cache, &file).exists());
}

#[test]
fn a_damaged_cache_is_ignored_whatever_byte_is_hit() {
    let dir = tempfile::tempdir().unwrap();
    let (file, cache) = (settled_file(dir.path()), dir.path().join("cache"));
    save(&cache, &file, FileKey::of(&file).unwrap(), &deck());
    let path = cache_file(&cache, &file);
    let good = std::fs::read(&path).unwrap();
    let word = |at: usize| u32::from_le_bytes(good[at..at + 4].try_into().unwrap()) as usize;
    // Header, deck fields, 44 bytes a card, the ids and lists: what follows is the text.
    let text_starts = 64 + word(48) + word(12) * 44 + word(52);
    for at in 0..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 0x80;
        std::fs::write(&path, &bad).unwrap();
        match load(&cache, &file).map(|m| m.to_deck()) {
            None => {}
            // Only the text is outside the checksum; there a bad byte reads as a marker
            // or as another character, never as a crash.
            Some(read) => assert!(at >= text_starts || read == deck(), "byte {at}"),
        }
    }
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    assert!(
        load(&cache, &file).map(|m| m.to_deck()).is_none(),
        "a cut cache"
    );
}

#[test]
fn caches_of_deck_files_that_are_gone_are_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let (file, cache) = (settled_file(dir.path()), dir.path().join("cache"));
    save(&cache, &file, FileKey::of(&file).unwrap(), &deck());
    prune(&cache, std::slice::from_ref(&file));
    assert!(
        cache_file(&cache, &file).is_file(),
        "kept while its file exists"
    );
    prune(&cache, &[]);
    assert!(!cache_file(&cache, &file).exists());
}
