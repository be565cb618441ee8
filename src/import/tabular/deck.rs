//! Turning a table's rows into a deck.

use super::Table;
use crate::model::{Card, CardId, Deck, DeckId, Source};
use rand::Rng;

/// What the importer needs besides the table itself.
#[derive(Debug, Clone, Default)]
pub struct TableDeckOptions {
    /// The deck's title; when None, the file name made readable.
    pub title: Option<String>,
    /// A date for the deck's source (`YYYY-MM-DD`), when the user gives one.
    pub date: Option<String>,
    /// The table's file name, recorded as the deck's source.
    pub file_name: Option<String>,
}

/// A deck of the table's rows, in order, each card with a fresh id from `rng`. The deck id is
/// the title's slug; the caller makes it unique in the library.
pub fn deck_from_table(table: &Table, options: &TableDeckOptions, rng: &mut impl Rng) -> Deck {
    let title = options
        .title
        .clone()
        .or_else(|| {
            options
                .file_name
                .as_deref()
                .map(crate::import::title_from_file_name)
        })
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| "Imported cards".to_string());
    let mut cards: Vec<Card> = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let id = CardId::generate(rng, |t| cards.iter().any(|c| c.id.as_str() == t));
        let mut card = Card::new(id, row.front.clone(), row.back.clone());
        card.tags = row.tags.clone();
        cards.push(card);
    }
    let source = (options.file_name.is_some() || options.date.is_some()).then(|| Source {
        title: None,
        date: options.date.clone(),
        file: options.file_name.clone(),
        url: None,
    });
    Deck {
        id: DeckId::slug(&title),
        title,
        description: String::new(),
        source,
        tags: Vec::new(),
        cards,
    }
}
