//! Which column of a row is the front, the back and the tags.
//!
//! Anki's `#columns:` header names the columns (any order, e.g. Back before Front); its
//! `#tags column:`, `#guid column:`… headers set columns apart. Without names the first two
//! remaining columns are front and back, as in every flashcard tool's export.

use super::headers::Headers;

/// Column indices (0-based) for one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    named_front: Option<usize>,
    named_back: Option<usize>,
    pub tags: Option<usize>,
    /// Columns holding no card text.
    set_apart: Vec<usize>,
}

/// Where a row's front and back are, and which other text columns were left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowColumns {
    pub front: Option<usize>,
    pub back: Option<usize>,
    /// Text columns neither front nor back: reported once, not imported.
    pub unused: Vec<usize>,
}

pub const FRONT_NAMES: [&str; 5] = ["front", "question", "term", "text", "word"];
pub const BACK_NAMES: [&str; 4] = ["back", "answer", "definition", "meaning"];

impl Layout {
    pub fn from_headers(headers: &Headers) -> Layout {
        let names = headers.column_names.as_deref().unwrap_or_default();
        let find = |wanted: &[&str]| {
            names
                .iter()
                .position(|n| wanted.contains(&n.to_lowercase().as_str()))
        };
        let tags = headers
            .tags_column
            .or_else(|| names.iter().position(|n| n.eq_ignore_ascii_case("tags")));
        let mut set_apart = headers.skipped_columns.clone();
        set_apart.extend(tags);
        Layout {
            named_front: find(&FRONT_NAMES),
            named_back: find(&BACK_NAMES),
            tags,
            set_apart,
        }
    }

    /// The columns of a row with `width` fields.
    pub fn for_row(&self, width: usize) -> RowColumns {
        let mut text_columns = (0..width).filter(|c| !self.set_apart.contains(c));
        let mut next_free = |taken: Option<usize>| {
            text_columns
                .by_ref()
                .find(|c| Some(*c) != taken && Some(*c) != self.named_front)
        };
        let front = self.named_front.filter(|c| *c < width);
        let front = front.or_else(|| next_free(self.named_back));
        let back = self.named_back.filter(|c| *c < width);
        let back = back.or_else(|| next_free(front));
        let unused = (0..width)
            .filter(|c| !self.set_apart.contains(c) && Some(*c) != front && Some(*c) != back)
            .collect();
        RowColumns {
            front,
            back,
            unused,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str]) -> Layout {
        Layout::from_headers(&Headers {
            column_names: Some(names.iter().map(|n| n.to_string()).collect()),
            ..Headers::default()
        })
    }

    #[test]
    fn named_columns_may_come_in_any_order() {
        let columns = named(&["Back", "Front", "Tags"]).for_row(3);
        assert_eq!((columns.front, columns.back), (Some(1), Some(0)));
        assert!(columns.unused.is_empty());
    }

    #[test]
    fn without_names_the_first_two_text_columns_are_used() {
        let layout = Layout::from_headers(&Headers {
            skipped_columns: vec![0],
            tags_column: Some(3),
            ..Headers::default()
        });
        let columns = layout.for_row(5);
        assert_eq!((columns.front, columns.back), (Some(1), Some(2)));
        assert_eq!(columns.unused, [4]);
    }
}
