//! The deck being edited: every change goes through here so it can be undone, and so the
//! editor knows what differs from the file (unsaved changes are never lost silently).
//!
//! Card ids are the contract with progress: an edit keeps the card's id, a new card or a
//! duplicate gets a fresh one, and nothing here ever changes an existing card's id.

use super::history::History;
use crate::model::{Card, CardId, Deck, DeckId, Source};
use rand::Rng;
use std::path::PathBuf;

/// Where the deck being edited lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftOrigin {
    /// Not saved yet: the first save picks a file name and a deck id from the title.
    New,
    /// Built into the app: saving writes a copy with the same deck id into the decks folder,
    /// which then replaces the bundled deck (progress follows the id).
    Bundled { name: &'static str },
    /// A file in the decks folder.
    File(PathBuf),
}

/// The deck-wide fields the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeckField {
    Title,
    Description,
    SourceTitle,
    SourceDate,
    SourceUrl,
    Tags,
}

/// A card's fields, to place a problem and to join typing in one field into one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardField {
    Front,
    Back,
    Tags,
    Choices,
    Short,
    /// Any other field (e.g. a checkbox): each change is its own undo step.
    Other,
}

/// What an edit changed; edits with the same key in a row are one undo step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditKey {
    Deck(DeckField),
    Card(CardId, CardField),
}

/// A deck open in the editor, with its undo history and what it was when last saved.
#[derive(Debug, Clone)]
pub struct Draft {
    pub(super) deck: Deck,
    /// The deck as the file holds it (as loaded or last saved): the editor's changes are
    /// what differs from it.
    pub(super) saved: Deck,
    pub(super) origin: DraftOrigin,
    /// The file's bytes this draft is based on (None: no file). Saving refuses to overwrite
    /// other bytes unless told to.
    pub(super) base_bytes: Option<Vec<u8>>,
    /// The file's size and time as last looked at, so polling reads it only when it moved.
    pub(super) seen: Option<super::disk::Fingerprint>,
    history: History<Deck, EditKey>,
    revision: u64,
}

/// The id a new deck has until its first save names it after its title.
const PLACEHOLDER_ID: &str = "new-deck";

impl Draft {
    /// An empty, untitled deck not saved anywhere yet.
    pub fn new_deck() -> Draft {
        let deck = Deck {
            id: DeckId::new(PLACEHOLDER_ID).expect("a valid id"),
            title: String::new(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: Vec::new(),
        };
        Draft::opened(deck, DraftOrigin::New, None)
    }

    /// `deck` as read from `origin`, whose file held `bytes`.
    pub fn opened(deck: Deck, origin: DraftOrigin, bytes: Option<Vec<u8>>) -> Draft {
        let seen = match &origin {
            DraftOrigin::File(path) => super::disk::fingerprint(path),
            _ => None,
        };
        Draft {
            saved: deck.clone(),
            deck,
            origin,
            base_bytes: bytes,
            seen,
            history: History::new(),
            revision: 0,
        }
    }

    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    pub fn origin(&self) -> &DraftOrigin {
        &self.origin
    }

    /// The deck's file, once it has one.
    pub fn path(&self) -> Option<&PathBuf> {
        match &self.origin {
            DraftOrigin::File(path) => Some(path),
            _ => None,
        }
    }

    /// Whether the deck differs from its file (a new deck: from the empty one).
    pub fn is_dirty(&self) -> bool {
        self.deck != self.saved
    }

    /// Changes whenever the deck does, so the screen can cache what it derives from it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Takes back the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let current = self.deck.clone();
        match self.history.undo(current) {
            Ok(before) => self.set_deck(before),
            Err(_) => false,
        }
    }

    /// Makes the last undone step again; false when there is none.
    pub fn redo(&mut self) -> bool {
        let current = self.deck.clone();
        match self.history.redo(current) {
            Ok(after) => self.set_deck(after),
            Err(_) => false,
        }
    }

    fn set_deck(&mut self, deck: Deck) -> bool {
        self.deck = deck;
        self.revision += 1;
        true
    }

    /// Applies `change` as one undoable edit (joined with the previous one when `key` is the
    /// same); nothing is recorded when it changes nothing.
    fn edit(&mut self, key: Option<EditKey>, change: impl FnOnce(&mut Deck)) {
        let before = self.deck.clone();
        change(&mut self.deck);
        if self.deck != before {
            self.history.record(before, key);
            self.revision += 1;
        }
    }

    /// The next edit is its own undo step, even in the same field.
    pub fn break_step(&mut self) {
        self.history.break_step();
    }

    /// A deck-wide field as the form shows it (tags: comma-separated).
    pub fn deck_field_text(&self, field: DeckField) -> String {
        let source = self.deck.source.as_ref();
        let part = |get: fn(&Source) -> &Option<String>| {
            source.and_then(|s| get(s).clone()).unwrap_or_default()
        };
        match field {
            DeckField::Title => self.deck.title.clone(),
            DeckField::Description => self.deck.description.clone(),
            DeckField::SourceTitle => part(|s| &s.title),
            DeckField::SourceDate => part(|s| &s.date),
            DeckField::SourceUrl => part(|s| &s.url),
            DeckField::Tags => list_text(&self.deck.tags, ", "),
        }
    }

    /// Sets a deck-wide field from the text typed into it. An empty source part is left out of
    /// the file; a source with no part left is removed.
    pub fn set_deck_field(&mut self, field: DeckField, text: &str) {
        self.edit(Some(EditKey::Deck(field)), |deck| {
            let optional = (!text.trim().is_empty()).then(|| text.to_string());
            let mut source = deck.source.take().unwrap_or_default();
            match field {
                DeckField::Title => deck.title = text.to_string(),
                DeckField::Description => deck.description = text.to_string(),
                DeckField::SourceTitle => source.title = optional,
                DeckField::SourceDate => source.date = optional,
                DeckField::SourceUrl => source.url = optional,
                DeckField::Tags => deck.tags = tags_from_text(text),
            }
            deck.source = (source != Source::default()).then_some(source);
        });
    }

    /// Replaces the card with `card.id` by `card` (an edit from the form). The undo step is
    /// joined with the previous one while the same text field is being typed in.
    pub fn update_card(&mut self, card: Card) {
        let Some(index) = self.index_of(&card.id) else {
            return;
        };
        let field = changed_field(&self.deck.cards[index], &card);
        let key = EditKey::Card(card.id.clone(), field);
        let key = (field != CardField::Other).then_some(key);
        self.edit(key, |deck| deck.cards[index] = card);
    }

    /// Adds an empty card after `after` (at the end when None or not found) with a new id.
    pub fn add_card(&mut self, after: Option<&CardId>, rng: &mut impl Rng) -> CardId {
        let id = self.fresh_id(rng);
        let card = Card::new(id.clone(), "", "");
        self.insert_after(after, card);
        id
    }

    /// A copy of the card right after it, with a new id (its own progress).
    pub fn duplicate_card(&mut self, id: &CardId, rng: &mut impl Rng) -> Option<CardId> {
        let index = self.index_of(id)?;
        let mut copy = self.deck.cards[index].clone();
        copy.id = self.fresh_id(rng);
        let new_id = copy.id.clone();
        self.insert_after(Some(id), copy);
        Some(new_id)
    }

    fn insert_after(&mut self, after: Option<&CardId>, card: Card) {
        let at = after
            .and_then(|id| self.index_of(id))
            .map_or(self.deck.cards.len(), |i| i + 1);
        self.edit(None, |deck| deck.cards.insert(at, card));
    }

    /// Removes the card; returns where it was, for choosing the next one to show.
    pub fn delete_card(&mut self, id: &CardId) -> Option<usize> {
        let index = self.index_of(id)?;
        self.edit(None, |deck| {
            deck.cards.remove(index);
        });
        Some(index)
    }

    /// Moves the card one place up (towards the start) or down; false at either end.
    pub fn move_card(&mut self, id: &CardId, up: bool) -> bool {
        let Some(index) = self.index_of(id) else {
            return false;
        };
        let other = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1).filter(|i| *i < self.deck.cards.len())
        };
        let Some(other) = other else { return false };
        self.edit(None, |deck| deck.cards.swap(index, other));
        true
    }

    pub fn index_of(&self, id: &CardId) -> Option<usize> {
        self.deck.cards.iter().position(|c| &c.id == id)
    }

    /// An id no card of this deck, nor of what it was when saved, nor of any undo step has:
    /// a deleted card's id must not come back on another card (its progress would follow).
    fn fresh_id(&self, rng: &mut impl Rng) -> CardId {
        let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut note = |deck: &Deck| {
            taken.extend(deck.cards.iter().map(|c| c.id.to_string()));
        };
        note(&self.deck);
        note(&self.saved);
        self.history.states().for_each(&mut note);
        CardId::generate(rng, |text| taken.contains(text))
    }

    /// Takes `deck` (read from the file, which holds `bytes`) as both the deck and its saved
    /// state; undo brings back what was there before.
    pub fn load_from_disk(&mut self, deck: Deck, bytes: Option<Vec<u8>>) {
        self.history.record(self.deck.clone(), None);
        self.history.break_step();
        self.saved = deck.clone();
        self.deck = deck;
        self.base_bytes = bytes;
        self.revision += 1;
    }

    /// Keeps the editor's version over what the file now holds: the next save overwrites it.
    pub fn keep_mine_over(&mut self, bytes: Option<Vec<u8>>) {
        self.base_bytes = bytes;
    }

    /// After a save: the file holds the deck now. A new deck's id is the one chosen at its
    /// first save, in every undo step too (undo must not change the file's deck id).
    pub(super) fn mark_saved(&mut self, origin: DraftOrigin, bytes: Vec<u8>) {
        let id = self.deck.id.clone();
        self.history.for_each_mut(|deck| deck.id = id.clone());
        self.history.break_step();
        self.saved = self.deck.clone();
        self.origin = origin;
        self.seen = self.path().and_then(|p| super::disk::fingerprint(p));
        self.base_bytes = Some(bytes);
    }

    /// Whether a new deck still needs a file name and id.
    pub fn is_new(&self) -> bool {
        self.origin == DraftOrigin::New
    }
}

/// Which field differs between two versions of a card (Other when several or another do).
fn changed_field(old: &Card, new: &Card) -> CardField {
    let fields = [
        (old.front != new.front, CardField::Front),
        (old.back != new.back, CardField::Back),
        (old.tags != new.tags, CardField::Tags),
        (old.choices != new.choices, CardField::Choices),
        (old.short != new.short, CardField::Short),
    ];
    let mut changed = fields.iter().filter(|(differs, _)| *differs);
    match (changed.next(), changed.next()) {
        (Some((_, field)), None) => *field,
        _ => CardField::Other,
    }
}

/// Tags typed as "a, b, c": trimmed, empty ones left out.
pub fn tags_from_text(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Wrong answers typed one per line: trimmed, blank lines left out.
pub fn choices_from_text(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// A short answer as typed: None when blank.
pub fn short_from_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A list as the form shows it.
pub fn list_text(items: &[String], separator: &str) -> String {
    items.join(separator)
}

/// Whether the card's question, answer or a tag contains `query` (case ignored); an empty
/// query matches every card.
pub fn card_matches(card: &Card, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let has = |text: &str| text.to_lowercase().contains(&query);
    has(&card.front) || has(&card.back) || card.tags.iter().any(|t| has(t))
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
