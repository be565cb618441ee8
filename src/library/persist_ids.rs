//! Writing the ids a deck file lacked back into it, before progress refers to them.

use super::{DeckOrigin, LibraryDeck, read_text};
use crate::deck::{DeckError, Location, Problem, parse_deck, with_ids_written};
use crate::store::write_atomic;

impl LibraryDeck {
    /// Puts the ids made up at load time into the deck's file (only `id:` lines are added),
    /// so the next load finds the same ids. Call before the first answer is recorded.
    ///
    /// Refuses, writing nothing, when the file changed since it was loaded in a way that
    /// moves cards (the ids would land on the wrong cards): reload the library then.
    pub fn persist_assigned_ids(&mut self) -> Result<(), DeckError> {
        let DeckOrigin::File(path) = &self.origin else {
            return Ok(());
        };
        if self.assigned.is_empty() {
            return Ok(());
        }
        let text = read_text(path)?;
        let changed = || -> DeckError {
            Problem::new(
                path,
                Location::START,
                "the deck file changed on disk since it was loaded",
                "reload the library, then study again",
            )
            .into()
        };
        let on_disk = parse_deck(&text, path, &mut rand::rng())?;
        let deck = self.deck();
        let same_cards = on_disk.deck.cards.len() == deck.cards.len()
            && self.assigned.cards.iter().all(|(index, _)| {
                let (disk, mine) = (&on_disk.deck.cards[*index], &deck.cards[*index]);
                on_disk.assigned.cards.iter().any(|(i, _)| i == index)
                    && disk.front == mine.front
                    && disk.back == mine.back
            })
            && on_disk.assigned.deck.is_some() == self.assigned.deck.is_some();
        if !same_cards {
            return Err(changed());
        }
        let written = with_ids_written(&text, &self.assigned).ok_or_else(changed)?;
        write_atomic(path, written.as_bytes()).map_err(|e| {
            DeckError::from(Problem::new(
                path,
                Location::START,
                format!("cannot save the new ids: {e}"),
                "check that the file can be written",
            ))
        })?;
        self.assigned = Default::default();
        Ok(())
    }
}
