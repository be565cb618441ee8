//! Writing made-up ids back into a deck file, changing nothing else in it.
//!
//! A card written by hand without an id gets one when the deck is read; before any progress
//! refers to that id it must be in the file, or the next reading would make up another.

use super::AssignedIds;
use super::ron_tree::{self, Node};
use super::write::quote;

/// `text` with an `id: "..."` field inserted at the start of each card (and of the deck) that
/// `assigned` names. None when the text no longer has the shape it had when read.
pub fn with_ids_written(text: &str, assigned: &AssignedIds) -> Option<String> {
    let tree = ron_tree::parse(text)?;
    let mut inserts: Vec<(usize, String)> = Vec::new();
    if let Some(id) = &assigned.deck {
        inserts.push(insertion(text, &tree, &quote(id.as_str()))?);
    }
    let cards = tree.field("cards")?.value.items();
    for (index, id) in &assigned.cards {
        let card = cards.get(*index)?;
        if card.field("id").is_some() {
            return None;
        }
        inserts.push(insertion(text, card, &quote(id.as_str()))?);
    }
    inserts.sort_by_key(|(offset, _)| std::cmp::Reverse(*offset));
    let mut out = text.to_string();
    for (offset, insert) in inserts {
        out.insert_str(offset, &insert);
    }
    Some(out)
}

/// Where and what to insert so `id` becomes the first field of the struct `node`, in the
/// struct's own layout: on its own line with the next field's indentation, or inline.
fn insertion(text: &str, node: &Node, id: &str) -> Option<(usize, String)> {
    let open = node.start + text[node.start..node.end].find('(')? + 1;
    let after = &text[open..node.end];
    let next_field_at = after.find(|c: char| !c.is_whitespace())?;
    let gap = &after[..next_field_at];
    match gap.rfind('\n') {
        Some(newline) => {
            let indent = &gap[newline + 1..];
            Some((open, format!("\n{indent}id: {id},")))
        }
        None => Some((open + next_field_at, format!("id: {id}, "))),
    }
}
