//! A deck as an Anki package (.apkg) in the legacy layout every Anki imports: a zip holding
//! `collection.anki2` (SQLite, schema 11) and an empty media list. One note per card: "Basic",
//! or "Basic (and reversed card)" for a card studied both ways; tags kept; no review history
//! (Anki schedules the cards as new). Pure: the deck and the time in, the file's bytes out.

mod schema;

use crate::model::{Card, Deck, Timestamp};
use rusqlite::{Connection, params};
use std::io::{Cursor, Write};

pub use schema::{BASIC_ID, REVERSED_ID};

/// The package's bytes; the error (SQLite or zip refusing, which bad input cannot cause) is
/// a sentence for the caller to put after the file name.
pub fn deck_to_apkg(deck: &Deck, now: Timestamp) -> Result<Vec<u8>, String> {
    let collection =
        collection(deck, now).map_err(|e| format!("cannot build the collection: {e}"))?;
    zip_package(&collection).map_err(|e| format!("cannot write the zip: {e}"))
}

/// The SQLite database, built in memory and returned as bytes.
fn collection(deck: &Deck, now: Timestamp) -> rusqlite::Result<Vec<u8>> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch(schema::TABLES)?;
    // Ids in Anki are creation times in milliseconds; the deck's is now, the notes' follow.
    let base = now.millis();
    let secs = base / 1000;
    let deck_id = base;
    let tx = db.transaction()?;
    tx.execute(
        "insert into col values (1, ?1, ?2, ?3, 11, 0, 0, 0, ?4, ?5, ?6, ?7, '{}')",
        params![
            secs,
            secs,
            base,
            schema::collection_settings(deck_id, deck.cards.len() + 1).to_string(),
            schema::models(deck_id, secs).to_string(),
            schema::decks(deck_id, &deck.title, &deck.description, secs).to_string(),
            schema::deck_options(secs).to_string(),
        ],
    )?;
    for (index, card) in deck.cards.iter().enumerate() {
        let note_id = base + index as i64;
        insert_note(&tx, deck, card, note_id, secs)?;
        let templates = if card.both_ways { 2 } else { 1 };
        for ord in 0..templates {
            tx.execute(
                "insert into cards values (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                params![base + 2 * index as i64 + ord, note_id, deck_id, ord, secs, index as i64 + 1],
            )?;
        }
    }
    tx.commit()?;
    Ok(db.serialize("main")?.to_vec())
}

fn insert_note(
    tx: &rusqlite::Transaction,
    deck: &Deck,
    card: &Card,
    note_id: i64,
    secs: i64,
) -> rusqlite::Result<()> {
    let note_type = if card.both_ways {
        REVERSED_ID
    } else {
        BASIC_ID
    };
    // The guid names the card for good: exporting again updates the note in Anki rather than
    // adding a copy.
    let guid = format!("recap:{}:{}", deck.id, card.id);
    let fields = format!("{}\u{1f}{}", to_html(&card.front), to_html(&card.back));
    // csum (a checksum of the sort field) is left 0: Anki recomputes it when importing.
    tx.execute(
        "insert into notes values (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, 0, 0, '')",
        params![
            note_id,
            guid,
            note_type,
            secs,
            anki_tags(&card.tags),
            fields,
            card.front.as_str()
        ],
    )?;
    Ok(())
}

/// Anki's tags column: space-separated with a space at each end; a tag cannot hold spaces.
fn anki_tags(tags: &[String]) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let tags: Vec<String> = tags.iter().map(|t| t.trim().replace(' ', "_")).collect();
    format!(" {} ", tags.join(" "))
}

/// Card text as Anki field HTML: markup characters escaped (the text shows as typed), line
/// breaks as `<br>`.
pub fn to_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '\n' => html.push_str("<br>"),
            '\r' => {}
            c => html.push(c),
        }
    }
    html
}

fn zip_package(collection: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("collection.anki2", options)?;
    zip.write_all(collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_field_html_and_tags_a_padded_list() {
        assert_eq!(to_html("a < b & c\n\nd"), "a &lt; b &amp; c<br><br>d");
        assert_eq!(anki_tags(&["a".into(), "b c".into()]), " a b_c ");
        assert_eq!(anki_tags(&[]), "");
    }
}
