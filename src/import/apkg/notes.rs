//! Anki notes into Recap cards. A standard note with one card template (Basic, Basic (type in
//! the answer)) becomes a card; one with two templates whose second card exists ("Basic (and
//! reversed card)", "Basic (optional reversed card)" with a reverse) becomes a card studied
//! both ways; a cloze note becomes one card per cloze number. Notes Recap cannot show as text
//! are skipped and counted by reason.

use super::cloze::ClozeText;
use super::collection::{AnkiCard, Collection, Note};
use super::notetype::NoteType;
use super::text::{Tally, field_text};
use crate::model::{Card, CardId};
use rand::Rng;
use std::collections::{HashMap, HashSet};

/// The cards made and how Anki's cards map onto them.
#[derive(Debug, Default)]
pub struct Converted {
    pub cards: Vec<Card>,
    /// Anki card id → the Recap card (or reversed side) it became: the review log follows it.
    pub card_ids: HashMap<i64, CardId>,
    pub notes_used: usize,
    pub both_ways: usize,
    pub cloze_notes: usize,
    pub cloze_cards: usize,
    pub skipped: Tally,
    /// Recap cards per Anki deck id.
    pub per_deck: HashMap<i64, usize>,
}

/// Converts every note of `collection`, in the order they were created.
pub fn convert(collection: &Collection, rng: &mut impl Rng) -> Converted {
    let mut by_note: HashMap<i64, Vec<&AnkiCard>> = HashMap::new();
    for card in &collection.cards {
        by_note.entry(card.note).or_default().push(card);
    }
    let mut out = Converted::default();
    let mut taken = HashSet::new();
    for note in &collection.notes {
        let cards = by_note.get(&note.id).map_or(&[][..], Vec::as_slice);
        let Some(note_type) = collection.note_types.get(&note.note_type) else {
            out.skipped.add("of a note type missing from the package");
            continue;
        };
        let before = out.cards.len();
        let made = if note_type.cloze {
            cloze_note(note, note_type, cards, &mut out, &mut || {
                new_id(rng, &mut taken)
            })
        } else {
            standard_note(note, note_type, cards, &mut out, new_id(rng, &mut taken))
        };
        match made {
            Ok(()) => {
                out.notes_used += 1;
                let deck = cards.first().map_or(0, |c| c.deck);
                *out.per_deck.entry(deck).or_default() += out.cards.len() - before;
            }
            Err(reason) => out.skipped.add(reason),
        }
    }
    out
}

fn new_id(rng: &mut impl Rng, taken: &mut HashSet<String>) -> CardId {
    let id = CardId::generate(rng, |t| taken.contains(t));
    taken.insert(id.to_string());
    id
}

fn tags(note: &Note) -> Vec<String> {
    note.tags.split_whitespace().map(str::to_string).collect()
}

/// A standard note's card; Err says why it is skipped.
fn standard_note(
    note: &Note,
    note_type: &NoteType,
    cards: &[&AnkiCard],
    out: &mut Converted,
    id: CardId,
) -> Result<(), String> {
    if note_type.templates > 2 {
        return Err(format!(
            "of note type \"{}\", which has {} card templates (Recap reads one, or two for a reversed card)",
            note_type.name, note_type.templates
        ));
    }
    let mut fields = note.fields.split('\u{1f}');
    let (Some(front), Some(back)) = (fields.next(), fields.next()) else {
        return Err(format!(
            "of note type \"{}\", which has one field",
            note_type.name
        ));
    };
    let (front, back) = (field_text(front), field_text(back));
    if front.is_empty() || back.is_empty() {
        return Err("with an empty front or back once HTML and media are removed".into());
    }
    let both_ways = note_type.templates == 2 && cards.iter().any(|c| c.ord == 1);
    for card in cards {
        match card.ord {
            0 => out.card_ids.insert(card.id, id.clone()),
            1 if both_ways => out.card_ids.insert(card.id, id.reversed()),
            _ => None,
        };
    }
    let mut card = Card::new(id, front, back);
    card.tags = tags(note);
    card.both_ways = both_ways;
    out.both_ways += usize::from(both_ways);
    out.cards.push(card);
    Ok(())
}

/// A cloze note's cards, one per cloze number; Err says why the note is skipped.
fn cloze_note(
    note: &Note,
    note_type: &NoteType,
    cards: &[&AnkiCard],
    out: &mut Converted,
    new_id: &mut impl FnMut() -> CardId,
) -> Result<(), String> {
    let mut fields = note.fields.split('\u{1f}');
    let text = fields.next().unwrap_or_default();
    if text.contains("image-occlusion:") || note_type.name.contains("Image Occlusion") {
        return Err("of image occlusion (they need their image)".into());
    }
    let extra = fields.next().map(field_text).unwrap_or_default();
    let cloze = ClozeText::parse(text);
    let mut back = field_text(&cloze.back());
    if !extra.is_empty() {
        back = format!("{back}\n\n{extra}");
    }
    let mut made = Vec::new();
    for number in cloze.numbers() {
        let front = field_text(&cloze.front(number));
        if front.is_empty() || back.is_empty() {
            continue;
        }
        let mut card = Card::new(new_id(), front, back.clone());
        card.tags = tags(note);
        let ord = i64::from(number) - 1;
        for anki in cards.iter().filter(|c| c.ord == ord) {
            out.card_ids.insert(anki.id, card.id.clone());
        }
        made.push(card);
    }
    if made.is_empty() {
        return Err("cloze notes without a deletion such as {{c1::…}}".into());
    }
    out.cloze_notes += 1;
    out.cloze_cards += made.len();
    out.cards.extend(made);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn note_type(name: &str, cloze: bool, templates: usize) -> NoteType {
        NoteType {
            name: name.into(),
            cloze,
            fields: vec!["Front".into(), "Back".into()],
            templates,
        }
    }

    fn note(id: i64, note_type: i64, fields: &str) -> Note {
        Note {
            id,
            note_type,
            tags: " t ".into(),
            fields: fields.into(),
        }
    }

    #[test]
    fn notes_recap_cannot_show_are_skipped_by_reason() {
        let collection = Collection {
            note_types: HashMap::from([
                (1, note_type("Basic", false, 1)),
                (2, note_type("Three cards", false, 3)),
                (3, note_type("Cloze", true, 1)),
                (4, note_type("Image Occlusion", true, 1)),
                (5, note_type("Optional reverse", false, 2)),
            ]),
            decks: HashMap::from([(1, "Default".into())]),
            notes: vec![
                note(10, 1, "Q\u{1f}<img src=\"a.png\">"),
                note(11, 2, "a\u{1f}b"),
                note(12, 3, "no deletion\u{1f}"),
                note(13, 4, "{{c1::image-occlusion:rect:left=.1}}\u{1f}"),
                note(14, 9, "a\u{1f}b"),
                note(15, 5, "front\u{1f}back\u{1f}"),
            ],
            cards: vec![AnkiCard {
                id: 150,
                note: 15,
                deck: 1,
                ord: 0,
            }],
            revlog: Vec::new(),
        };
        let out = convert(&collection, &mut rand::rngs::StdRng::seed_from_u64(1));
        assert_eq!(out.cards.len(), 1);
        assert!(!out.cards[0].both_ways, "no second card: no reverse");
        assert_eq!(out.cards[0].tags, ["t"]);
        assert_eq!(out.card_ids[&150], out.cards[0].id);
        assert_eq!(out.skipped.total(), 5);
        let summary = out.skipped.summary().unwrap();
        for reason in [
            "empty front or back",
            "3 card templates",
            "without a deletion",
            "image occlusion",
            "missing from the package",
        ] {
            assert!(summary.contains(reason), "{reason}: {summary}");
        }
    }
}
