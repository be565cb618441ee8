//! A deck as Anki-compatible CSV/TSV text.

use super::ExportFormat;
use crate::model::Deck;

/// The deck as text: Anki's headers, then one row per card (front, back, tags).
///
/// Fields are quoted when they hold the separator, a quote, a line break, or start with `#`
/// (which Anki and Recap would read as a comment line). Tags are space-separated, as Anki
/// writes them; a space inside a tag becomes `_`, since Anki tags cannot hold spaces.
pub fn deck_to_table_text(deck: &Deck, format: ExportFormat) -> String {
    let separator = format.separator();
    let (name, sep) = match format {
        ExportFormat::Csv => ("comma", ","),
        // A package is not text: the caller writes one with `deck_to_apkg`; tab is the default.
        ExportFormat::Tsv | ExportFormat::Apkg => ("tab", "\t"),
    };
    let mut out = String::with_capacity(64 + deck.cards.len() * 128);
    out.push_str(&format!("#separator:{name}\n#html:false\n"));
    out.push_str(&format!(
        "#columns:Front{sep}Back{sep}Tags\n#tags column:3\n"
    ));
    for card in &deck.cards {
        let tags: Vec<String> = card.tags.iter().map(|t| t.replace(' ', "_")).collect();
        let fields = [card.front.as_str(), card.back.as_str(), &tags.join(" ")];
        let row: Vec<String> = fields.iter().map(|f| quoted(f, separator)).collect();
        out.push_str(&row.join(sep));
        out.push('\n');
    }
    out
}

/// What the text leaves out of this deck, to tell the user: a row has only front, back and
/// tags, so quiz choices and short answers stay in the Recap deck alone.
pub fn left_out_of_table(deck: &Deck) -> Option<String> {
    let count = deck
        .cards
        .iter()
        .filter(|c| !c.choices.is_empty() || c.short.is_some())
        .count();
    let mut parts = Vec::new();
    if count > 0 {
        let cards = if count == 1 { "card has" } else { "cards have" };
        parts.push(format!(
            "{count} {cards} quiz choices or a short answer, which CSV/TSV rows (front, back, tags) do not carry"
        ));
    }
    let both_ways = deck.cards.iter().filter(|c| c.both_ways).count();
    if both_ways > 0 {
        parts.push(format!(
            "{both_ways} studied both ways, which a row cannot say (an .apkg export keeps it)"
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// What an Anki package leaves out of this deck: quiz choices and short answers (a note has
/// front, back and tags).
pub fn left_out_of_apkg(deck: &Deck) -> Option<String> {
    let count = deck
        .cards
        .iter()
        .filter(|c| !c.choices.is_empty() || c.short.is_some())
        .count();
    (count > 0).then(|| {
        let cards = if count == 1 { "card has" } else { "cards have" };
        format!(
            "{count} {cards} quiz choices or a short answer, which Anki notes (front, back, tags) do not carry"
        )
    })
}

fn quoted(field: &str, separator: char) -> String {
    let needs_quotes = field.starts_with('#')
        || field.starts_with(' ')
        || field.ends_with(' ')
        || field
            .chars()
            .any(|c| c == separator || c == '"' || c == '\n' || c == '\r');
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardId, DeckId};

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut card = Card::new(CardId::new("a").unwrap(), "Who, and why?", "Plain");
        card.tags = vec!["world news".into(), "asia".into()];
        let deck = Deck {
            id: DeckId::new("d").unwrap(),
            title: "D".into(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: vec![card],
        };
        let text = deck_to_table_text(&deck, ExportFormat::Csv);
        assert!(
            text.ends_with("\"Who, and why?\",Plain,world_news asia\n"),
            "{text}"
        );
    }
}
