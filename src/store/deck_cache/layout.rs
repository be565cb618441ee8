//! The deck cache's bytes: a header naming the deck file's key, the deck's own fields, a table
//! of fixed-size card records, every card's id and lists back to back, then every card's text.
//!
//! ```text
//! 0    "RECAPDK1"
//! 8    u32 layout version        12  u32 card count
//! 16   32-byte key of the deck file (see FileKey)
//! 48   u32 length of the deck fields   52  u32 length of the ids and lists
//! 56   u64 checksum of the deck fields, the card table, the ids and the lists
//! 64   deck fields, the card table (RECORD_LEN bytes a card), the ids, the lists, the text
//! ```
//!
//! A record is eleven u32: offset and length of the id, front, back, short answer (length
//! [`NONE`] when there is none), and of the tags-and-choices lists, then the flags. Offsets
//! count from the start of the file. The ids are together so that reading all of them (every
//! open does) touches a megabyte of a 100,000-card deck's cache, not every page of its text.
//! Everything but the text is in the checksum, and every record is checked when the cache is
//! opened, so a card read later cannot fail; the text is checked to be UTF-8 when read (see
//! [`Text`]).

use crate::model::{Card, CardId, Deck, DeckId, SharedBytes, Source, Text};
use crate::store::FileKey;
use crate::store::cache_bytes::{Reader, Writer, big_vec, checksum};
use std::sync::Arc;

const MAGIC: &[u8; 8] = b"RECAPDK1";
const VERSION: u32 = 3;
const HEADER_LEN: usize = 64;
const RECORD_LEN: usize = 44;
/// The length of an absent short answer.
const NONE: u32 = u32::MAX;
const BOTH_WAYS: u32 = 1;

/// The cache of `deck`, read from a file whose key is `key`. None when the deck is too big for
/// 32-bit offsets (over 4 GB of text: never a real deck).
pub fn encode(deck: &Deck, key: FileKey) -> Option<Vec<u8>> {
    let mut fields = Writer::default();
    fields.str(deck.id.as_str());
    fields.str(&deck.title);
    fields.str(&deck.description);
    write_source(&mut fields, deck.source.as_ref());
    fields.list(&deck.tags);
    let table_at = HEADER_LEN + fields.bytes.len();
    let lists: Vec<Vec<u8>> = deck.cards.iter().map(lists_of).collect();
    let mut keys = Writer::default();
    let mut keys_at = table_at + deck.cards.len() * RECORD_LEN;
    let ids_len: usize = deck.cards.iter().map(|c| c.id.as_str().len()).sum();
    let keys_len = ids_len + lists.iter().map(Vec::len).sum::<usize>();
    let mut lists_at = keys_at + ids_len;
    let mut text_at = keys_at + keys_len;
    let mut table = Writer::default();
    let mut text = Writer::default();
    let mut place = |bytes: &[u8], table: &mut Writer| -> Option<()> {
        table.u32(u32::try_from(text_at).ok()?);
        table.u32(u32::try_from(bytes.len()).ok()?);
        text.bytes.extend_from_slice(bytes);
        text_at = text_at.checked_add(bytes.len())?;
        Some(())
    };
    for card in &deck.cards {
        let id = card.id.as_str().as_bytes();
        table.u32(u32::try_from(keys_at).ok()?);
        table.u32(id.len() as u32);
        keys.bytes.extend_from_slice(id);
        keys_at += id.len();
        place(card.front.as_bytes(), &mut table)?;
        place(card.back.as_bytes(), &mut table)?;
        match &card.short {
            Some(short) => place(short.as_bytes(), &mut table)?,
            None => {
                table.u32(0);
                table.u32(NONE);
            }
        }
    }
    // The lists' places, then the flags, go into each record after the texts'.
    let mut table_full = Writer::default();
    let records = table.bytes.chunks_exact(32);
    for ((record, card), lists) in records.zip(&deck.cards).zip(&lists) {
        table_full.bytes.extend_from_slice(record);
        table_full.u32(u32::try_from(lists_at).ok()?);
        table_full.u32(u32::try_from(lists.len()).ok()?);
        lists_at += lists.len();
        table_full.u32(if card.both_ways { BOTH_WAYS } else { 0 });
    }
    for card_lists in &lists {
        keys.bytes.extend_from_slice(card_lists);
    }
    u32::try_from(text_at).ok()?;
    let mut out = Writer::default();
    out.bytes.reserve(text_at);
    out.bytes.extend_from_slice(MAGIC);
    out.u32(VERSION);
    out.u32(u32::try_from(deck.cards.len()).ok()?);
    out.bytes.extend_from_slice(&key.to_bytes());
    out.u32(fields.bytes.len() as u32);
    out.u32(u32::try_from(keys_len).ok()?);
    let mut checked = fields.bytes;
    checked.extend_from_slice(&table_full.bytes);
    checked.extend_from_slice(&keys.bytes);
    out.u64(checksum(&checked));
    out.bytes.extend_from_slice(&checked);
    out.bytes.extend_from_slice(&text.bytes);
    Some(out.bytes)
}

/// A card's tags and choices as cache bytes (none at all when both are empty).
fn lists_of(card: &Card) -> Vec<u8> {
    let mut lists = Writer::default();
    if !(card.tags.is_empty() && card.choices.is_empty()) {
        lists.list(&card.tags);
        lists.list(&card.choices);
    }
    lists.bytes
}

/// The key of the deck file the cache in `bytes` was made from, if it is a cache at all.
pub fn key_of(bytes: &[u8]) -> Option<FileKey> {
    let header = bytes.get(..HEADER_LEN)?;
    if &header[..8] != MAGIC || header[8..12] != VERSION.to_le_bytes() {
        return None;
    }
    let key = FileKey::from_bytes(header[16..48].try_into().ok()?);
    // The key's unused bytes are zero in a cache this app wrote.
    (key.to_bytes() == header[16..48]).then_some(key)
}

/// A deck cache checked whole when opened: its header, fields, card table, ids and lists add
/// up to their checksum, and every card's record reads back. Any card can then be read from it
/// at any time without failing, so a big deck is opened without building its cards (see
/// `LibraryDeck`).
#[derive(Debug)]
pub struct MappedDeck {
    shared: Arc<SharedBytes>,
    /// The deck's fields, without cards.
    head: Deck,
    table_at: usize,
    count: usize,
    /// Some card is studied both ways.
    any_both_ways: bool,
}

impl MappedDeck {
    /// The deck in the cache `shared`; None when the bytes are not a whole, undamaged cache.
    pub fn open(shared: Arc<SharedBytes>) -> Option<MappedDeck> {
        let bytes = shared.bytes();
        key_of(bytes)?;
        // Offsets are u32: a bigger file is not one this app wrote.
        u32::try_from(bytes.len()).ok()?;
        let mut header = Reader::new(bytes, 12);
        let count = header.u32()? as usize;
        let mut header = Reader::new(bytes, 48);
        let fields_len = header.u32()? as usize;
        let keys_len = header.u32()? as usize;
        let sum = header.u64()?;
        let table_at = HEADER_LEN.checked_add(fields_len)?;
        let table_len = count.checked_mul(RECORD_LEN)?;
        let keys_end = table_at.checked_add(table_len)?.checked_add(keys_len)?;
        let checked = bytes.get(HEADER_LEN..keys_end)?;
        if checksum(checked) != sum {
            return None;
        }
        let mut fields = Reader::new(bytes, HEADER_LEN);
        let head = Deck {
            id: DeckId::new(fields.str()?).ok()?,
            title: fields.str()?.to_owned(),
            description: fields.str()?.to_owned(),
            source: read_source(&mut fields)?,
            tags: fields.list()?,
            cards: Vec::new(),
        };
        let table = &bytes[table_at..table_at + table_len];
        let mut any_both_ways = false;
        for record in table.chunks_exact(RECORD_LEN) {
            check_card(&shared, record)?;
            any_both_ways |= word(record, 10) & BOTH_WAYS != 0;
        }
        Some(MappedDeck {
            head,
            table_at,
            count,
            any_both_ways,
            shared,
        })
    }

    /// The deck's fields; its `cards` is empty.
    pub fn head(&self) -> &Deck {
        &self.head
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether some card is studied both ways.
    pub fn any_both_ways(&self) -> bool {
        self.any_both_ways
    }

    fn record(&self, at: usize) -> &[u8] {
        let start = self.table_at + at * RECORD_LEN;
        &self.shared.bytes()[start..start + RECORD_LEN]
    }

    /// The id of card `at` (below [`MappedDeck::len`]).
    pub fn id(&self, at: usize) -> CardId {
        id_of(self.shared.bytes(), self.record(at)).expect("checked when the cache was opened")
    }

    /// The bytes of card `at`'s id.
    pub fn id_bytes(&self, at: usize) -> &[u8] {
        slice(self.shared.bytes(), self.record(at), 0).expect("checked when the cache was opened")
    }

    /// Whether card `at` is studied both ways.
    pub fn both_ways(&self, at: usize) -> bool {
        word(self.record(at), 10) & BOTH_WAYS != 0
    }

    /// Card `at` (below [`MappedDeck::len`]), its texts pointing into the cache.
    pub fn card(&self, at: usize) -> Card {
        read_card(&self.shared, self.record(at)).expect("checked when the cache was opened")
    }

    /// The whole deck.
    pub fn to_deck(&self) -> Deck {
        // Sized up front: growing a 15 MB vector by doubling copies it and touches twice the
        // memory.
        let mut cards = big_vec(self.count);
        cards.extend((0..self.count).map(|at| self.card(at)));
        Deck {
            cards,
            ..self.head.clone()
        }
    }
}

/// The `n`th u32 of a record.
fn word(record: &[u8], n: usize) -> u32 {
    u32::from_le_bytes(record[n * 4..n * 4 + 4].try_into().unwrap())
}

/// The bytes the `n`th and `n + 1`th words of `record` place in `bytes`.
fn slice<'a>(bytes: &'a [u8], record: &[u8], n: usize) -> Option<&'a [u8]> {
    let start = word(record, n) as usize;
    bytes.get(start..start.checked_add(word(record, n + 1) as usize)?)
}

fn id_of(bytes: &[u8], record: &[u8]) -> Option<CardId> {
    CardId::new(std::str::from_utf8(slice(bytes, record, 0)?).ok()?).ok()
}

/// Whether the card of `record` reads back: what [`read_card`] does, without keeping it.
fn check_card(shared: &Arc<SharedBytes>, record: &[u8]) -> Option<()> {
    let bytes = shared.bytes();
    id_of(bytes, record)?;
    for n in [2, 4] {
        slice(bytes, record, n)?;
    }
    if word(record, 7) != NONE {
        slice(bytes, record, 6)?;
    }
    let lists = slice(bytes, record, 8)?;
    if !lists.is_empty() {
        let mut reader = Reader::new(lists, 0);
        reader.list()?;
        reader.list()?;
    }
    Some(())
}

fn read_card(shared: &Arc<SharedBytes>, record: &[u8]) -> Option<Card> {
    let bytes = shared.bytes();
    let id = id_of(bytes, record)?;
    let front = Text::shared(shared, word(record, 2), word(record, 3))?;
    let back = Text::shared(shared, word(record, 4), word(record, 5))?;
    let short = match word(record, 7) {
        NONE => None,
        len => Some(Text::shared(shared, word(record, 6), len)?),
    };
    let lists = slice(bytes, record, 8)?;
    let (tags, choices) = if lists.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let mut reader = Reader::new(lists, 0);
        (reader.list()?, reader.list()?)
    };
    Some(Card {
        id,
        front,
        back,
        tags,
        choices,
        short,
        both_ways: word(record, 10) & BOTH_WAYS != 0,
    })
}

fn write_source(out: &mut Writer, source: Option<&Source>) {
    out.bytes.push(u8::from(source.is_some()));
    if let Some(source) = source {
        out.opt(source.title.as_deref());
        out.opt(source.date.as_deref());
        out.opt(source.file.as_deref());
        out.opt(source.url.as_deref());
    }
}

fn read_source(fields: &mut Reader) -> Option<Option<Source>> {
    match fields.take(1)?[0] {
        0 => Some(None),
        1 => Some(Some(Source {
            title: fields.opt()?,
            date: fields.opt()?,
            file: fields.opt()?,
            url: fields.opt()?,
        })),
        _ => None,
    }
}
