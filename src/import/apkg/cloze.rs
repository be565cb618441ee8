//! Cloze deletions: `{{c1::Canberra}}`, with a hint `{{c1::Canberra::city}}`, on several cards
//! at once `{{c1,2::…}}`, nested `{{c1::a {{c2::b}}}}`. Each cloze number becomes one card:
//! its deletions hidden as `[...]` (or `[hint]`) on the front, every deletion shown on the back.

use std::collections::BTreeSet;

/// Nesting deeper than this is read as text (protects against hostile input).
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Cloze {
        numbers: Vec<u32>,
        content: Vec<Part>,
        hint: Option<String>,
    },
}

/// A field's text with its cloze deletions found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClozeText(Vec<Part>);

impl ClozeText {
    pub fn parse(text: &str) -> ClozeText {
        let mut parser = Parser {
            text,
            at: 0,
            unclosed: false,
            last_close: text.rfind("}}").unwrap_or(0),
        };
        ClozeText(parser.sequence(0).parts)
    }

    /// The cloze numbers used, ascending: one card each.
    pub fn numbers(&self) -> BTreeSet<u32> {
        let mut numbers = BTreeSet::new();
        collect_numbers(&self.0, &mut numbers);
        numbers
    }

    /// The question of card `number`: its deletions hidden, the others shown.
    pub fn front(&self, number: u32) -> String {
        let mut out = String::new();
        render(&self.0, Some(number), &mut out);
        out
    }

    /// The whole text, every deletion shown.
    pub fn back(&self) -> String {
        let mut out = String::new();
        render(&self.0, None, &mut out);
        out
    }
}

fn collect_numbers(parts: &[Part], numbers: &mut BTreeSet<u32>) {
    for part in parts {
        if let Part::Cloze {
            numbers: own,
            content,
            ..
        } = part
        {
            numbers.extend(own);
            collect_numbers(content, numbers);
        }
    }
}

/// Writes `parts`, hiding the deletions of `hidden` (None: hiding nothing).
fn render(parts: &[Part], hidden: Option<u32>, out: &mut String) {
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Cloze {
                numbers,
                content,
                hint,
            } => match hidden {
                Some(n) if numbers.contains(&n) => {
                    out.push('[');
                    out.push_str(hint.as_deref().unwrap_or("..."));
                    out.push(']');
                }
                _ => render(content, hidden, out),
            },
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    /// A deletion ran to the end of the text unclosed: the rest is read as text. Trying again
    /// at every later `{{c` would make hostile input take exponential time.
    unclosed: bool,
    /// Where the text's last `}}` starts.
    last_close: usize,
}

/// A run of text and deletions, and how it ended.
struct Sequence {
    parts: Vec<Part>,
    hint: Option<String>,
    closed: bool,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    /// Reads up to the end of the text, or (at `depth` > 0) to the `}}` closing a deletion.
    fn sequence(&mut self, depth: usize) -> Sequence {
        let mut parts = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.rest().chars().next() {
            if depth > 0 && self.rest().starts_with("}}") {
                self.at += 2;
                push_text(&mut parts, &mut text);
                return Sequence {
                    parts,
                    hint: None,
                    closed: true,
                };
            }
            // (No `}}` after here, no hint: skips a search per `::` on hostile input.)
            if depth > 0
                && self.rest().starts_with("::")
                && self.at + 2 <= self.last_close
                && let Some(end) = self.rest()[2..].find("}}")
            {
                let hint = self.rest()[2..2 + end].to_string();
                self.at += end + 4;
                push_text(&mut parts, &mut text);
                return Sequence {
                    parts,
                    hint: Some(hint),
                    closed: true,
                };
            }
            if depth < MAX_DEPTH
                && let Some(cloze) = self.cloze(depth)
            {
                push_text(&mut parts, &mut text);
                parts.push(cloze);
                continue;
            }
            text.push(c);
            self.at += c.len_utf8();
        }
        push_text(&mut parts, &mut text);
        Sequence {
            parts,
            hint: None,
            closed: false,
        }
    }

    /// A deletion starting here, read whole; None (and nothing read) when there is none or it
    /// is never closed.
    fn cloze(&mut self, depth: usize) -> Option<Part> {
        if self.unclosed {
            return None;
        }
        let start = self.at;
        let after = self.rest().strip_prefix("{{c")?;
        let numbers_len = after
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .unwrap_or(after.len());
        let numbers_text = &after[..numbers_len];
        after[numbers_len..].strip_prefix("::")?;
        let numbers: Vec<u32> = numbers_text
            .split(',')
            .map(|n| n.trim().parse().ok().filter(|&n| n > 0))
            .collect::<Option<_>>()?;
        self.at += 3 + numbers_text.len() + 2;
        let sequence = self.sequence(depth + 1);
        if !sequence.closed {
            self.at = start;
            self.unclosed = true;
            return None;
        }
        Some(Part::Cloze {
            numbers,
            content: sequence.parts,
            hint: sequence.hint,
        })
    }
}

fn push_text(parts: &mut Vec<Part>, text: &mut String) {
    if !text.is_empty() {
        parts.push(Part::Text(std::mem::take(text)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_number_hides_its_own_deletions() {
        let text = ClozeText::parse("{{c1::Canberra}} is the capital of {{c2::Australia}}.");
        assert_eq!(text.numbers().into_iter().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(text.front(1), "[...] is the capital of Australia.");
        assert_eq!(text.front(2), "Canberra is the capital of [...].");
        assert_eq!(text.back(), "Canberra is the capital of Australia.");
    }

    #[test]
    fn hints_nesting_and_shared_numbers() {
        let text = ClozeText::parse("The {{c1::mitochondrion::organelle}} powers {{c1,2::cells}}");
        assert_eq!(text.front(1), "The [organelle] powers [...]");
        assert_eq!(text.front(2), "The mitochondrion powers [...]");
        let nested = ClozeText::parse("{{c1::a {{c2::b}} c}}");
        assert_eq!(nested.front(2), "a [...] c");
        assert_eq!(nested.front(1), "[...]");
        assert_eq!(nested.back(), "a b c");
    }

    #[test]
    fn broken_markup_stays_text() {
        for text in ["{{c1::never closed", "{{cx::a}}", "{{c0::a}}", "plain"] {
            let parsed = ClozeText::parse(text);
            assert!(parsed.numbers().is_empty(), "{text}");
            assert_eq!(parsed.back(), text);
        }
        let deep = "{{c1::".repeat(100) + &"}}".repeat(100);
        assert!(!ClozeText::parse(&deep).numbers().is_empty());
        for hostile in [
            "{{c1::a ".repeat(5_000),
            "{{c".repeat(20_000),
            "{{c1::a::".repeat(5_000),
        ] {
            assert_eq!(ClozeText::parse(&hostile).back(), hostile);
        }
    }
}
