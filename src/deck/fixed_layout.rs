//! Reading a deck file laid out exactly as [`super::deck_to_ron`] writes it, byte by byte.
//!
//! Why: a 100,000-card deck is a 35 MB file, and even the fast serde reader (`fast_ron`) spends
//! most of its time in serde's field matching and per-token whitespace skipping. Recap's own
//! files have one fixed layout (one field a line, fields in a fixed order, fixed indentation),
//! so reading them is a walk of literal prefixes and quoted strings, found with `memchr`-fast
//! searches.
//!
//! Only a fast path: any byte that differs from the writer's layout (a comment, another
//! indentation, a field in another order, CRLF line ends, an escape the writer does not write)
//! makes it give up, and the caller reads the same text with the general readers, which stay
//! the authority on meaning and on errors. What this reader accepts, `ron` reads the same way
//! (a test holds it to that).

use super::cursor::Cursor;
use super::read::{RawCard, RawDeck, RawSource};
use crate::model::{CardId, DeckId};

/// The deck in `text`, or None when the text is not in the writer's exact layout.
pub(super) fn read(text: &str) -> Option<RawDeck> {
    let mut at = Cursor::new(text);
    at.literal("#![enable(implicit_some)]\n(\n    format: ")?;
    let format = at.number()?;
    at.literal(",\n")?;
    let id = match at.accept("    id: ") {
        true => Some(DeckId::new(at.string_line()?).ok()?),
        false => None,
    };
    let title = at.field("    title: ")?;
    let description = at.field("    description: ")?;
    let source = match at.accept("    source: (\n") {
        true => Some(at.source()?),
        false => None,
    };
    at.literal("    tags: ")?;
    let tags = at.string_list()?;
    at.literal(",\n    cards: [\n")?;
    // A card takes about 350 bytes in a news deck: one allocation for most decks.
    let mut cards = Vec::with_capacity(text.len() / 320);
    while at.accept("        (\n") {
        cards.push(at.card()?);
    }
    at.literal("    ],\n)\n")?;
    (at.pos == text.len()).then_some(RawDeck {
        format,
        id,
        title,
        description,
        source,
        tags,
        cards,
    })
}

impl Cursor<'_> {
    /// `{prefix}"text",\n`.
    fn field(&mut self, prefix: &str) -> Option<String> {
        self.literal(prefix)?;
        self.string_line()
    }

    /// `"text",\n`.
    fn string_line(&mut self) -> Option<String> {
        let text = self.string()?;
        self.literal(",\n")?;
        Some(text)
    }

    /// An unsigned number without leading zeros (`ron` judges those).
    fn number(&mut self) -> Option<u32> {
        let digits = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let token = &self.text[self.pos..self.pos + digits];
        if token.is_empty() || token.len() > 1 && token.starts_with('0') {
            return None;
        }
        self.pos += digits;
        token.parse().ok()
    }

    /// A string literal with only the escapes the writer produces (`\"`, `\\`, `\n`, `\t`,
    /// `\r`); anything else (`\u{..}`, raw strings) is left to the general readers.
    fn string(&mut self) -> Option<String> {
        self.literal("\"")?;
        let bytes = self.text.as_bytes();
        let mut out: Option<String> = None;
        loop {
            // One pass finds the closing quote or an escape: most strings have no escape.
            let next = self.pos + memchr::memchr2(b'"', b'\\', &bytes[self.pos..])?;
            let piece = &self.text[self.pos..next];
            self.pos = next + 1;
            if bytes[next] == b'"' {
                return Some(match out {
                    Some(mut out) => {
                        out.push_str(piece);
                        out
                    }
                    None => piece.to_owned(),
                });
            }
            let out = out.get_or_insert_with(String::new);
            out.push_str(piece);
            out.push(match bytes.get(self.pos)? {
                b'"' => '"',
                b'\\' => '\\',
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                _ => return None,
            });
            self.pos += 1;
        }
    }

    /// `[]` or `["a", "b"]`.
    fn string_list(&mut self) -> Option<Vec<String>> {
        self.literal("[")?;
        let mut items = Vec::new();
        if self.accept("]") {
            return Some(items);
        }
        loop {
            items.push(self.string()?);
            if self.accept("]") {
                return Some(items);
            }
            self.literal(", ")?;
        }
    }

    /// The deck's `source: ( ... ),` block, its opening line already read.
    fn source(&mut self) -> Option<RawSource> {
        let mut part = |name: &str| match self.accept(name) {
            true => self.string_line().map(Some),
            false => Some(None),
        };
        let source = RawSource {
            title: part("        title: ")?,
            date: part("        date: ")?,
            file: part("        file: ")?,
            url: part("        url: ")?,
        };
        self.literal("    ),\n")?;
        Some(source)
    }

    /// One card's block, its opening line already read.
    fn card(&mut self) -> Option<RawCard> {
        let id = match self.accept("            id: ") {
            true => Some(CardId::new(self.string_line()?).ok()?),
            false => None,
        };
        let front = self.field("            front: ")?;
        let back = self.field("            back: ")?;
        self.literal("            tags: ")?;
        let tags = self.string_list()?;
        self.literal(",\n")?;
        // The writer puts this line only for cards studied both ways.
        let both_ways = self.accept("            both_ways: true,\n");
        let mut choices = Vec::new();
        if self.accept("            choices: ") {
            choices = self.string_list()?;
            self.literal(",\n")?;
        }
        let short = match self.accept("            short: ") {
            true => Some(self.string_line()?),
            false => None,
        };
        self.literal("        ),\n")?;
        Some(RawCard {
            id,
            front,
            back,
            tags,
            choices,
            short,
            both_ways,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::{deck_to_ron, ron_options};
    use crate::model::{Card, Deck, Source};

    fn sample() -> Deck {
        let mut card = Card::new(
            CardId::new("b2").unwrap(),
            "Q \"quoted\"\tx",
            "A\n\nB \\ 김정은\r",
        );
        card.tags = vec!["t1".into(), "t \"2\"".into()];
        card.choices = vec!["In \"Moscow\"".into(), "Seoul".into()];
        card.short = Some("Camp David".into());
        card.both_ways = true;
        let mut only_short = Card::new(CardId::new("c3").unwrap(), "Q3", "A3");
        only_short.short = Some("".into());
        Deck {
            id: DeckId::new("d").unwrap(),
            title: "Kim–Putin".into(),
            description: "line\r\nnext".into(),
            source: Some(Source {
                title: Some("Headline".into()),
                date: None,
                file: Some("a.txt".into()),
                url: Some("https://example.org/a?b=c".into()),
            }),
            tags: vec!["news".into()],
            cards: vec![
                Card::new(CardId::new("a1").unwrap(), "Q", "A"),
                card,
                only_short,
            ],
        }
    }

    /// Whatever the writer writes, this reads exactly as `ron` reads it.
    #[test]
    fn reads_what_the_writer_writes_as_ron_does() {
        let mut deck = sample();
        for step in 0..4 {
            let text = deck_to_ron(&deck);
            let fast = read(&text).expect("the writer's layout");
            assert_eq!(fast, ron_options().from_str::<RawDeck>(&text).unwrap());
            match step {
                0 => deck.source = None,
                1 => deck.cards.clear(),
                _ => deck.tags.clear(),
            }
        }
        let text = deck_to_ron(&sample()).replace("            id: \"a1\",\n", "");
        let fast = read(&text).expect("a card without an id");
        assert_eq!(fast.cards[0].id, None);
        assert_eq!(fast, ron_options().from_str::<RawDeck>(&text).unwrap());
    }

    /// Anything else goes to the general readers, which report problems with their place.
    #[test]
    fn gives_up_on_any_other_layout() {
        let text = deck_to_ron(&sample());
        let variants = [
            text.replace('\n', "\r\n"),
            text.replace("    title:", "    // note\n    title:"),
            text.replace("format: 1", "format: 01"),
            text.replace("\"Q3\"", "\"Q\\u{33}\""),
            text.replace("id: \"a1\"", "id: \"a 1\""),
            text.replace(
                "            front: \"Q\",\n            back: \"A\",\n",
                "            back: \"A\",\n            front: \"Q\",\n",
            ),
            format!("{text} "),
            text.replace("\"Camp David\"", "Some(\"Camp David\")"),
            text[..text.len() - 3].to_string(),
        ];
        for (n, variant) in variants.iter().enumerate() {
            assert!(read(variant).is_none(), "variant {n} was read");
        }
    }
}
