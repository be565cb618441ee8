//! The deck cache's bytes: a header naming the deck file's key, the deck's own fields, a table
//! of fixed-size card records, every card id back to back, then every card's text.
//!
//! ```text
//! 0    "RECAPDK1"
//! 8    u32 layout version        12  u32 card count
//! 16   32-byte key of the deck file (see FileKey)
//! 48   u32 length of the deck fields   52  u32 length of the ids
//! 56   u64 checksum of the deck fields, the card table and the ids
//! 64   deck fields, the card table (RECORD_LEN bytes a card), the ids, then the text
//! ```
//!
//! A record is eleven u32: offset and length of the id, front, back, short answer (length
//! [`NONE`] when there is none), and of the tags-and-choices lists, then the flags. Offsets
//! count from the start of the file. The ids are together so that reading all of them (every
//! open does) touches a megabyte of a 100,000-card deck's cache, not every page of its text.
//! The text itself is not in the checksum: it is checked to be UTF-8 when read (see [`Text`]).

use crate::model::{Card, CardId, Deck, DeckId, SharedBytes, Source, Text};
use crate::store::FileKey;
use crate::store::cache_bytes::{Reader, Writer, big_vec, checksum};
use std::sync::Arc;

const MAGIC: &[u8; 8] = b"RECAPDK1";
const VERSION: u32 = 2;
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
    let mut ids = Writer::default();
    let mut ids_at = table_at + deck.cards.len() * RECORD_LEN;
    let ids_len: usize = deck.cards.iter().map(|c| c.id.as_str().len()).sum();
    let mut text_at = ids_at + ids_len;
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
        table.u32(u32::try_from(ids_at).ok()?);
        table.u32(id.len() as u32);
        ids.bytes.extend_from_slice(id);
        ids_at += id.len();
        place(card.front.as_bytes(), &mut table)?;
        place(card.back.as_bytes(), &mut table)?;
        match &card.short {
            Some(short) => place(short.as_bytes(), &mut table)?,
            None => {
                table.u32(0);
                table.u32(NONE);
            }
        }
        let mut lists = Writer::default();
        if !(card.tags.is_empty() && card.choices.is_empty()) {
            lists.list(&card.tags);
            lists.list(&card.choices);
        }
        place(&lists.bytes, &mut table)?;
        table.u32(if card.both_ways { BOTH_WAYS } else { 0 });
    }
    u32::try_from(text_at).ok()?;
    let mut out = Writer::default();
    out.bytes.reserve(text_at);
    out.bytes.extend_from_slice(MAGIC);
    out.u32(VERSION);
    out.u32(u32::try_from(deck.cards.len()).ok()?);
    out.bytes.extend_from_slice(&key.to_bytes());
    out.u32(fields.bytes.len() as u32);
    out.u32(u32::try_from(ids_len).ok()?);
    let mut checked = fields.bytes;
    checked.extend_from_slice(&table.bytes);
    checked.extend_from_slice(&ids.bytes);
    out.u64(checksum(&checked));
    out.bytes.extend_from_slice(&checked);
    out.bytes.extend_from_slice(&text.bytes);
    Some(out.bytes)
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

/// The deck in a cache, its texts pointing into `shared`. None when the bytes are not a
/// whole, undamaged cache.
pub fn decode(shared: &Arc<SharedBytes>) -> Option<Deck> {
    let bytes = shared.bytes();
    key_of(bytes)?;
    let mut header = Reader::new(bytes, 12);
    let count = header.u32()? as usize;
    let mut header = Reader::new(bytes, 48);
    let fields_len = header.u32()? as usize;
    let ids_len = header.u32()? as usize;
    let sum = header.u64()?;
    let table_at = HEADER_LEN.checked_add(fields_len)?;
    let table_len = count.checked_mul(RECORD_LEN)?;
    let ids_end = table_at.checked_add(table_len)?.checked_add(ids_len)?;
    let checked = bytes.get(HEADER_LEN..ids_end)?;
    if checksum(checked) != sum {
        return None;
    }
    let mut fields = Reader::new(bytes, HEADER_LEN);
    let id = DeckId::new(fields.str()?).ok()?;
    let title = fields.str()?.to_owned();
    let description = fields.str()?.to_owned();
    let source = read_source(&mut fields)?;
    let tags = fields.list()?;
    let table = &bytes[table_at..table_at + table_len];
    // Sized up front: growing a 15 MB vector by doubling copies it and touches twice the memory.
    let mut cards = big_vec(count);
    for record in table.chunks_exact(RECORD_LEN) {
        cards.push(read_card(shared, record)?);
    }
    Some(Deck {
        id,
        title,
        description,
        source,
        tags,
        cards,
    })
}

fn read_card(shared: &Arc<SharedBytes>, record: &[u8]) -> Option<Card> {
    let word = |n: usize| u32::from_le_bytes(record[n * 4..n * 4 + 4].try_into().unwrap());
    let bytes = shared.bytes();
    let slice = |n: usize| {
        bytes.get(word(n) as usize..(word(n) as usize).checked_add(word(n + 1) as usize)?)
    };
    let id = CardId::new(std::str::from_utf8(slice(0)?).ok()?).ok()?;
    let front = Text::shared(shared, word(2), word(3))?;
    let back = Text::shared(shared, word(4), word(5))?;
    let short = match word(7) {
        NONE => None,
        len => Some(Text::shared(shared, word(6), len)?),
    };
    let lists = slice(8)?;
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
        both_ways: word(10) & BOTH_WAYS != 0,
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
