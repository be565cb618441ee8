//! Reading a deck file: RON syntax, fields, then the rules serde cannot express (non-empty
//! sides, unique ids, a known format version). Every problem carries FILE:LINE:COLUMN.

use super::fast_ron;
use super::fixed_layout;
use super::line_index::LineIndex;
use super::ron_tree::{self, Node, NodeKind};
use super::{DeckError, FORMAT_VERSION, Location, Problem, ron_errors};
use crate::model::{Card, CardId, Deck, DeckId, REVERSED_MARKER, Source};
use rand::Rng;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// A deck as the file has it: ids may be missing.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDeck {
    pub format: u32,
    #[serde(default)]
    pub id: Option<DeckId>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: Option<RawSource>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub cards: Vec<RawCard>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCard {
    #[serde(default)]
    pub id: Option<CardId>,
    pub front: String,
    pub back: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub both_ways: bool,
}

/// A deck read from text, with the ids this reading had to make up.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDeck {
    pub deck: Deck,
    /// Ids given to cards (by index) and to the deck that the file does not hold yet. They
    /// must be written back (see [`super::with_ids_written`]) before progress refers to them.
    pub assigned: AssignedIds,
}

/// Ids made up while reading, not yet in the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssignedIds {
    pub deck: Option<DeckId>,
    pub cards: Vec<(usize, CardId)>,
}

impl AssignedIds {
    pub fn is_empty(&self) -> bool {
        self.deck.is_none() && self.cards.is_empty()
    }
}

/// The RON options deck files are read with: `implicit_some` lets people write
/// `short: "Camp David"` rather than `short: Some("Camp David")`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Reads and validates a deck. `file` names it in problems; a missing deck id becomes a slug
/// of the file's stem, missing card ids are drawn from `rng`.
pub fn parse_deck(text: &str, file: &Path, rng: &mut impl Rng) -> Result<ParsedDeck, DeckError> {
    // The fast paths first: the writer's exact layout byte by byte, then the fast serde
    // reader for the RON subset Recap writes, then `ron`; the position-keeping tree is built
    // only when something is wrong and a problem needs a line and column.
    let raw = fixed_layout::read(text).map_or_else(
        || {
            fast_ron::from_str_implicit_some::<RawDeck>(text)
                .or_else(|_| ron_options().from_str::<RawDeck>(text))
        },
        Ok,
    );
    let tree = || ron_tree::parse(text);
    let raw = match raw {
        Ok(raw) => raw,
        Err(error) => {
            let tree = tree();
            let lines = LineIndex::new(text);
            let problem = tree
                .as_ref()
                .and_then(|t| format_too_new(t, file, &lines))
                .unwrap_or_else(|| ron_errors::problem_from_ron(&error, file, text, tree.as_ref()));
            return Err(problem.into());
        }
    };
    if raw.format > FORMAT_VERSION || raw.format == 0 || has_rule_problem(&raw) {
        let tree = tree();
        let lines = LineIndex::new(text);
        if let Some(problem) = tree.as_ref().and_then(|t| format_too_new(t, file, &lines)) {
            return Err(problem.into());
        }
        let problems = check_rules(&raw, tree.as_ref(), file, &lines);
        if !problems.is_empty() {
            return Err(DeckError { problems });
        }
    }
    Ok(assign_ids(raw, file, rng))
}

/// Whether [`check_rules`] would find anything (cheap: no positions needed).
fn has_rule_problem(raw: &RawDeck) -> bool {
    let mut ids = std::collections::HashSet::with_capacity(raw.cards.len());
    // `trim_start` stops at the first visible character: blank or not is known there.
    let blank = |text: &str| text.trim_start().is_empty();
    blank(&raw.title)
        || raw.cards.iter().any(|card| {
            blank(&card.front)
                || blank(&card.back)
                || card
                    .id
                    .as_ref()
                    .is_some_and(|id| id.is_reversed() || !ids.insert(id.as_str()))
        })
}

/// A newer format may have fields this app does not know: say so before serde complains
/// about them.
fn format_too_new(tree: &Node, file: &Path, lines: &LineIndex) -> Option<Problem> {
    let field = tree.field("format")?;
    let NodeKind::Atom(text) = &field.value.kind else {
        return None;
    };
    let version: u64 = text.parse().ok()?;
    (version > u64::from(FORMAT_VERSION)).then(|| {
        Problem::new(
            file,
            lines.location(field.value.start),
            format!(
                "deck format {version} is newer than this Recap reads (format {FORMAT_VERSION})"
            ),
            "update Recap to open this deck",
        )
    })
}

/// Finds where a part of the deck is written, for a problem's location.
struct Places<'a> {
    tree: Option<&'a Node>,
    lines: &'a LineIndex<'a>,
}

impl Places<'_> {
    fn card(&self, index: usize) -> Option<&Node> {
        self.tree?.field("cards")?.value.items().get(index)
    }

    fn card_field(&self, index: usize, name: &str) -> Location {
        let card = self.card(index);
        let offset = card
            .and_then(|c| c.field(name).map(|f| f.value.start))
            .or(card.map(|c| c.start))
            .unwrap_or(0);
        self.lines.location(offset)
    }

    fn deck_field(&self, name: &str) -> Location {
        let offset = self
            .tree
            .and_then(|t| t.field(name))
            .map_or(0, |f| f.value.start);
        self.lines.location(offset)
    }
}

fn check_rules(raw: &RawDeck, tree: Option<&Node>, file: &Path, lines: &LineIndex) -> Vec<Problem> {
    let places = Places { tree, lines };
    let mut problems = Vec::new();
    if raw.format == 0 {
        problems.push(Problem::new(
            file,
            places.deck_field("format"),
            "deck format 0 does not exist",
            format!("write `format: {FORMAT_VERSION},`"),
        ));
    }
    if raw.title.trim().is_empty() {
        problems.push(Problem::new(
            file,
            places.deck_field("title"),
            "the deck's title is empty",
            "give the deck a title, e.g. the article's headline",
        ));
    }
    let mut first_use: HashMap<&str, usize> = HashMap::new();
    for (index, card) in raw.cards.iter().enumerate() {
        let number = index + 1;
        for (side, text, what) in [
            ("front", &card.front, "question"),
            ("back", &card.back, "answer"),
        ] {
            if text.trim().is_empty() {
                problems.push(Problem::new(
                    file,
                    places.card_field(index, side),
                    format!("card {number} has an empty `{side}`"),
                    format!("write the {what} between the quotes, or remove the card"),
                ));
            }
        }
        if let Some(id) = card.id.as_ref().filter(|id| id.is_reversed()) {
            problems.push(Problem::new(
                file,
                places.card_field(index, "id"),
                format!(
                    "card {number} has the id \"{id}\": ids ending in \"{REVERSED_MARKER}\" are kept for the reversed side of cards studied both ways"
                ),
                format!("remove \"{REVERSED_MARKER}\" from the id, or delete this `id` line and Recap will make a new one"),
            ));
        } else if let Some(id) = &card.id
            && let Some(first) = first_use.insert(id.as_str(), number)
        {
            problems.push(Problem::new(
                file,
                places.card_field(index, "id"),
                format!("card {number} has the id \"{id}\", which card {first} already uses"),
                "ids must be unique in a deck: delete this `id` line and Recap will make a new one",
            ));
        }
    }
    problems
}

fn assign_ids(raw: RawDeck, file: &Path, rng: &mut impl Rng) -> ParsedDeck {
    let mut assigned = AssignedIds::default();
    let deck_id = raw.id.unwrap_or_else(|| {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        let id = DeckId::slug(&stem);
        assigned.deck = Some(id.clone());
        id
    });
    // The set of used ids is needed only to make up new ones; a deck Recap wrote has them all.
    let mut taken: std::collections::HashSet<String> = if raw.cards.iter().any(|c| c.id.is_none()) {
        raw.cards
            .iter()
            .filter_map(|c| c.id.as_ref().map(|id| id.to_string()))
            .collect()
    } else {
        std::collections::HashSet::new()
    };
    let mut cards = Vec::with_capacity(raw.cards.len());
    for (index, card) in raw.cards.into_iter().enumerate() {
        let id = card.id.unwrap_or_else(|| {
            let id = CardId::generate(rng, |t| taken.contains(t));
            taken.insert(id.to_string());
            assigned.cards.push((index, id.clone()));
            id
        });
        cards.push(Card {
            id,
            front: card.front.into(),
            back: card.back.into(),
            tags: card.tags,
            choices: card.choices,
            short: card.short.map(Into::into),
            both_ways: card.both_ways,
        });
    }
    let deck = Deck {
        id: deck_id,
        title: raw.title,
        description: raw.description,
        source: raw.source.map(|s| Source {
            title: s.title,
            date: s.date,
            file: s.file,
            url: s.url,
        }),
        tags: raw.tags,
        cards,
    };
    ParsedDeck { deck, assigned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::deck_to_ron;

    /// What the writer produces (escapes, non-ASCII, every optional part) the fast reader
    /// reads, and exactly as `ron` does.
    #[test]
    fn written_decks_take_the_fast_path_and_read_as_ron_reads_them() {
        let mut card = Card::new(
            CardId::new("b2").unwrap(),
            "Q \"quoted\"\tx",
            "A\n\nB \\ 김정은",
        );
        card.tags = vec!["t1".into(), "t2".into()];
        card.choices = vec!["In \"Moscow\"".into()];
        card.short = Some("Camp David".into());
        card.both_ways = true;
        let deck = Deck {
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
            cards: vec![Card::new(CardId::new("a1").unwrap(), "Q", "A"), card],
        };
        let text = deck_to_ron(&deck);
        let fast: RawDeck = fast_ron::from_str_implicit_some(&text).expect("fast path");
        let ron: RawDeck = ron_options().from_str(&text).unwrap();
        let plain: RawDeck = ron::Options::default().from_str(&text).unwrap();
        assert_eq!(fast, ron);
        assert_eq!(
            fast, plain,
            "the file's own attribute turns implicit Some on"
        );
        let without_id = text.replace("            id: \"a1\",\n", "");
        let fast: RawDeck = fast_ron::from_str_implicit_some(&without_id).expect("fast path");
        assert_eq!(fast, ron_options().from_str(&without_id).unwrap());
        assert_eq!(fast.cards[0].id, None);
    }
}
