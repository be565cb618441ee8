//! Writing a deck as RON with a fixed layout: one field a line, one card a block, fields in a
//! fixed order. Editing one card therefore changes only that card's lines in a diff.

use super::FORMAT_VERSION;
use crate::model::{Card, Deck, Source};
use std::fmt::Write as _;

/// The deck as RON text, readable by [`super::parse_deck`] and by people.
pub fn deck_to_ron(deck: &Deck) -> String {
    let mut out = String::with_capacity(256 + deck.cards.len() * 256);
    out.push_str("#![enable(implicit_some)]\n(\n");
    field(&mut out, 1, "format", &FORMAT_VERSION.to_string());
    field(&mut out, 1, "id", &quote(deck.id.as_str()));
    field(&mut out, 1, "title", &quote(&deck.title));
    field(&mut out, 1, "description", &quote(&deck.description));
    if let Some(source) = &deck.source {
        write_source(&mut out, source);
    }
    field(&mut out, 1, "tags", &string_list(&deck.tags));
    out.push_str("    cards: [\n");
    for card in &deck.cards {
        write_card(&mut out, card);
    }
    out.push_str("    ],\n)\n");
    out
}

fn write_source(out: &mut String, source: &Source) {
    out.push_str("    source: (\n");
    let parts = [
        ("title", &source.title),
        ("date", &source.date),
        ("file", &source.file),
        ("url", &source.url),
    ];
    for (name, value) in parts {
        if let Some(value) = value {
            field(out, 2, name, &quote(value));
        }
    }
    out.push_str("    ),\n");
}

fn write_card(out: &mut String, card: &Card) {
    out.push_str("        (\n");
    field(out, 3, "id", &quote(card.id.as_str()));
    field(out, 3, "front", &quote(&card.front));
    field(out, 3, "back", &quote(&card.back));
    field(out, 3, "tags", &string_list(&card.tags));
    // Written only when set, so decks without reversed cards keep their exact text.
    if card.both_ways {
        field(out, 3, "both_ways", "true");
    }
    if !card.choices.is_empty() {
        field(out, 3, "choices", &string_list(&card.choices));
    }
    if let Some(short) = &card.short {
        field(out, 3, "short", &quote(short));
    }
    out.push_str("        ),\n");
}

fn field(out: &mut String, depth: usize, name: &str, value: &str) {
    let _ = writeln!(out, "{}{name}: {value},", "    ".repeat(depth));
}

fn string_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A RON string literal. Printable text (accents, Hangul, curly quotes) stays as it is;
/// quotes, backslashes and control characters are escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
