//! A position in text laid out exactly as one of our writers writes it: the shared base of the
//! fixed-layout readers of deck files (`deck::fixed_layout`) and progress snapshots
//! (`store::progress::fixed_layout`), which add their own methods to it.

/// Where a fixed-layout reader is in `text`.
pub(crate) struct Cursor<'a> {
    pub(crate) text: &'a str,
    pub(crate) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Cursor<'a> {
        Cursor { text, pos: 0 }
    }

    pub(crate) fn rest(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.pos..]
    }

    /// Consumes `expected` if the text goes on with it. Inlined so that each fixed literal
    /// is compared in place, not through `memcmp`.
    #[inline(always)]
    pub(crate) fn accept(&mut self, expected: &str) -> bool {
        let found = self.rest().starts_with(expected.as_bytes());
        if found {
            self.pos += expected.len();
        }
        found
    }

    /// `expected` must come next (None otherwise: the layout is not the writer's).
    #[inline(always)]
    pub(crate) fn literal(&mut self, expected: &str) -> Option<()> {
        self.accept(expected).then_some(())
    }
}
