//! Undo and redo as whole states: a deck being edited is small, and a copy per step is simpler
//! and surer than inverse operations. Consecutive typing in one field is one step.

use std::collections::VecDeque;

/// Steps kept; older ones are dropped so a long session stays bounded.
pub const UNDO_LIMIT: usize = 100;

/// Earlier and later states of a `T`, with the edit that made the newest step.
#[derive(Debug, Clone)]
pub(super) struct History<T, K> {
    undo: VecDeque<T>,
    redo: Vec<T>,
    /// The kind of the last edit: another edit of the same kind joins its step.
    last: Option<K>,
}

impl<T, K: PartialEq> History<T, K> {
    pub fn new() -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            last: None,
        }
    }

    /// Remembers `before` as the state to go back to, unless this edit continues the last
    /// one (same `key`, e.g. typing in the same field). `None` never joins another edit.
    pub fn record(&mut self, before: T, key: Option<K>) {
        self.redo.clear();
        if key.is_some() && key == self.last {
            return;
        }
        self.undo.push_back(before);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.last = key;
    }

    /// The state before the last step, taking `current` onto the redo list.
    pub fn undo(&mut self, current: T) -> Result<T, T> {
        match self.undo.pop_back() {
            Some(before) => {
                self.redo.push(current);
                self.last = None;
                Ok(before)
            }
            None => Err(current),
        }
    }

    /// The state undone last, taking `current` back onto the undo list.
    pub fn redo(&mut self, current: T) -> Result<T, T> {
        match self.redo.pop() {
            Some(after) => {
                self.undo.push_back(current);
                self.last = None;
                Ok(after)
            }
            None => Err(current),
        }
    }

    /// The next edit starts a step of its own (after a save, or leaving a field).
    pub fn break_step(&mut self) {
        self.last = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Every remembered state, undo and redo.
    pub fn states(&self) -> impl Iterator<Item = &T> {
        self.undo.iter().chain(self.redo.iter())
    }

    /// Changes every remembered state (e.g. the deck id chosen at the first save, which undo
    /// must not take back).
    pub fn for_each_mut(&mut self, mut change: impl FnMut(&mut T)) {
        self.undo.iter_mut().for_each(&mut change);
        self.redo.iter_mut().for_each(change);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_coalesces_and_other_keys_do_not() {
        let mut h: History<u32, &str> = History::new();
        h.record(0, Some("front"));
        h.record(1, Some("front"));
        h.record(2, Some("back"));
        h.record(3, None);
        h.record(4, None);
        assert_eq!(h.undo(5), Ok(4));
        assert_eq!(h.undo(4), Ok(3));
        assert_eq!(h.undo(3), Ok(2));
        assert_eq!(h.undo(2), Ok(0), "both front edits are one step");
        assert_eq!(h.undo(0), Err(0));
        assert_eq!(h.redo(0), Ok(2));
    }

    #[test]
    fn a_new_edit_clears_redo_and_the_limit_holds() {
        let mut h: History<usize, ()> = History::new();
        for n in 0..UNDO_LIMIT + 20 {
            h.record(n, None);
        }
        let mut state = UNDO_LIMIT + 20;
        let mut steps = 0;
        while let Ok(before) = h.undo(state) {
            state = before;
            steps += 1;
        }
        assert_eq!(steps, UNDO_LIMIT);
        assert_eq!(state, 20, "the oldest steps were dropped");
        assert!(h.can_redo());
        h.record(state, None);
        assert!(!h.can_redo());
    }

    #[test]
    fn after_undo_typing_again_is_a_new_step() {
        let mut h: History<u32, &str> = History::new();
        h.record(0, Some("front"));
        let back = h.undo(1).unwrap();
        assert_eq!(back, 0);
        h.record(0, Some("front"));
        assert!(h.can_undo());
        assert!(!h.can_redo());
    }
}
