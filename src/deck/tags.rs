//! Adding a tag to one card in a deck file's text, changing nothing else in it (as `ids.rs`
//! writes ids): a leech gets `leech` in its `tags` list, so the author sees it in the file and
//! other tools can filter on it, and a diff shows that one line.

use super::ron_tree::{self, Node, NodeKind};
use super::write::quote;
use crate::model::CardId;

/// What adding a tag to a card's text gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagEdit {
    /// The new text: only the card's `tags` list changed (or a `tags` line was added).
    Added(String),
    /// The card already has the tag: nothing to write.
    AlreadyThere,
}

/// `text` with `tag` added to the card with id `card`. None when the text has no card with that
/// id, or not the shape of a deck.
pub fn with_card_tag(text: &str, card: &CardId, tag: &str) -> Option<TagEdit> {
    let tree = ron_tree::parse(text)?;
    let card = tree.field("cards")?.value.items().iter().find(|node| {
        node.field("id")
            .is_some_and(|f| is_str(&f.value, card.as_str()))
    })?;
    let Some(tags) = card.field("tags") else {
        return add_tags_line(text, card, tag).map(TagEdit::Added);
    };
    let NodeKind::List(items) = &tags.value.kind else {
        return None;
    };
    if items.iter().any(|item| is_str(item, tag)) {
        return Some(TagEdit::AlreadyThere);
    }
    let (at, insert) = match items.last() {
        Some(last) => (last.end, format!(", {}", quote(tag))),
        // Just inside the closing bracket.
        None => (tags.value.end - 1, quote(tag)),
    };
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..at]);
    out.push_str(&insert);
    out.push_str(&text[at..]);
    Some(TagEdit::Added(out))
}

fn is_str(node: &Node, expected: &str) -> bool {
    matches!(&node.kind, NodeKind::Str(s) if s == expected)
}

/// A card written without `tags`: a `tags: ["tag"],` line after its `id` line, indented like it.
fn add_tags_line(text: &str, card: &Node, tag: &str) -> Option<String> {
    let id = card.field("id")?;
    let after_id = id.value.end + text[id.value.end..card.end].find(',')? + 1;
    let line_start = text[..id.name_start].rfind('\n').map_or(0, |n| n + 1);
    let indent = &text[line_start..id.name_start];
    let insert = if indent.trim().is_empty() {
        format!("\n{indent}tags: [{}],", quote(tag))
    } else {
        format!(" tags: [{}],", quote(tag))
    };
    let mut out = text.to_string();
    out.insert_str(after_id, &insert);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> CardId {
        CardId::new(text).unwrap()
    }

    #[test]
    fn adds_the_tag_to_that_card_only() {
        let text = "(\n  cards: [\n    (\n      id: \"a\",\n      front: \"Q\",\n      tags: [],\n    ),\n    (\n      id: \"b\",\n      tags: [\"x\"],\n    ),\n  ],\n)\n";
        let Some(TagEdit::Added(a)) = with_card_tag(text, &id("a"), "leech") else {
            panic!("not added")
        };
        assert_eq!(a, text.replace("tags: [],", "tags: [\"leech\"],"));
        let Some(TagEdit::Added(b)) = with_card_tag(text, &id("b"), "leech") else {
            panic!("not added")
        };
        assert_eq!(b, text.replace("[\"x\"]", "[\"x\", \"leech\"]"));
        assert_eq!(
            with_card_tag(&b, &id("b"), "leech"),
            Some(TagEdit::AlreadyThere)
        );
        assert_eq!(with_card_tag(text, &id("zz"), "leech"), None);
    }

    #[test]
    fn a_card_without_tags_gets_a_tags_line() {
        let text = "(\n  cards: [\n    (\n      id: \"a\",\n      front: \"Q\",\n    ),\n  ],\n)\n";
        let Some(TagEdit::Added(out)) = with_card_tag(text, &id("a"), "leech") else {
            panic!("not added")
        };
        assert_eq!(
            out,
            text.replace("id: \"a\",", "id: \"a\",\n      tags: [\"leech\"],")
        );
        let inline = "(cards: [(id: \"a\", front: \"Q\")])";
        let Some(TagEdit::Added(out)) = with_card_tag(inline, &id("a"), "leech") else {
            panic!("not added")
        };
        assert_eq!(
            out,
            "(cards: [(id: \"a\", tags: [\"leech\"], front: \"Q\")])"
        );
    }
}
