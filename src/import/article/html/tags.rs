//! What each HTML tag does to the blocks being read: starts or ends a block, changes the bold
//! state, or carries metadata (`<title>`, `<meta>`, `<time>`).

use super::{BoldLead, HtmlReader, MAX_LIST_DEPTH};
use crate::import::article::blocks::{Block, BlockKind};
use crate::import::article::text::clean;

impl HtmlReader<'_> {
    pub(super) fn tag(&mut self, name: &str, closing: bool, attrs: &str, at: usize) {
        match (name, closing) {
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
                self.flush();
                self.kind = BlockKind::Heading(name.as_bytes()[1] - b'0');
                self.block_start = Some(at);
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => {
                self.flush();
                self.kind = self.default_kind();
            }
            ("li", false) => {
                self.flush();
                let (ordered, number) = match self.lists.last_mut() {
                    Some((ordered, counter)) => {
                        *counter = counter.saturating_add(1);
                        (*ordered, ordered.then_some(*counter))
                    }
                    None => (false, None),
                };
                self.kind = BlockKind::ListItem {
                    ordered,
                    number,
                    first: true,
                };
                self.in_item = true;
                self.block_start = Some(at);
            }
            ("li", true) => self.end_item(),
            ("ul" | "ol", false) => {
                self.flush();
                if self.lists.len() < MAX_LIST_DEPTH {
                    self.lists.push((name == "ol", 0));
                }
                self.in_item = false;
                self.kind = BlockKind::Paragraph;
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
                self.end_item();
            }
            ("dt" | "dd", false) => {
                self.flush();
                self.kind = if name == "dt" {
                    BlockKind::Term
                } else {
                    BlockKind::Definition
                };
                self.block_start = Some(at);
            }
            ("dt" | "dd" | "dl", true) => {
                self.flush();
                self.kind = self.default_kind();
            }
            ("br", _) if self.kind.is_heading() => self.raw.push(' '),
            ("br" | "hr", _) => self.flush(),
            ("strong" | "b", false) => {
                self.bold_depth = self.bold_depth.saturating_add(1).min(1000)
            }
            ("strong" | "b", true) => {
                self.bold_depth = self.bold_depth.saturating_sub(1);
                if self.bold_depth == 0 && self.bold_lead == BoldLead::Inside {
                    self.bold_lead = BoldLead::Done;
                }
            }
            ("title", false) => self.in_title = true,
            ("title", true) => {
                self.in_title = false;
                let title = clean(&std::mem::take(&mut self.title_raw));
                if self.doc.title.is_none() && !title.is_empty() {
                    self.doc.title = Some(title);
                }
            }
            ("meta", false) => self.meta(attrs),
            ("time", false) if self.doc.meta_date.is_none() => {
                self.doc.meta_date = attribute(attrs, "datetime");
            }
            ("article" | "body", true) | ("footer", false) => {
                self.flush();
                let line = self.line_of(at);
                self.doc
                    .blocks
                    .push(Block::plain(BlockKind::Boundary, String::new(), line, true));
            }
            (
                "p" | "div" | "section" | "article" | "blockquote" | "figure" | "figcaption"
                | "header" | "main" | "nav" | "aside" | "table" | "tr" | "td" | "th" | "pre"
                | "form" | "body" | "details" | "summary",
                _,
            ) => {
                self.flush();
                if self.kind.is_heading() {
                    self.kind = self.default_kind();
                }
                if !closing {
                    self.block_start = Some(at);
                }
            }
            _ => {}
        }
    }

    fn end_item(&mut self) {
        self.flush();
        self.in_item = false;
        self.kind = BlockKind::Paragraph;
    }

    fn default_kind(&self) -> BlockKind {
        match self.kind {
            BlockKind::ListItem { ordered, .. } if self.in_item => BlockKind::ListItem {
                ordered,
                number: None,
                first: false,
            },
            _ => BlockKind::Paragraph,
        }
    }

    fn meta(&mut self, attrs: &str) {
        const DATE_KEYS: [&str; 7] = [
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "dc.date",
        ];
        let key = attribute(attrs, "property")
            .or_else(|| attribute(attrs, "name"))
            .or_else(|| attribute(attrs, "itemprop"))
            .map(|k| k.to_ascii_lowercase());
        if key.is_some_and(|k| DATE_KEYS.contains(&k.as_str())) && self.doc.meta_date.is_none() {
            self.doc.meta_date = attribute(attrs, "content");
        }
    }
}

/// The value of attribute `name` in a tag's attribute text (quoted or not), entities decoded.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        let key = &attrs[key_start..i];
        if i >= bytes.len() || bytes[i] != b'=' {
            i += 1;
            continue;
        }
        i += 1;
        let (value, next) = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == q)
                    .map_or(bytes.len(), |p| i + 1 + p);
                (&attrs[i + 1..end], end + 1)
            }
            _ => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace())
                    .map_or(bytes.len(), |p| i + p);
                (&attrs[i..end], end)
            }
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(clean(value));
        }
        i = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_quoted_or_not() {
        assert_eq!(
            attribute(r#" property="a" content='2023-08-15T10:00'"#, "content").as_deref(),
            Some("2023-08-15T10:00")
        );
        assert_eq!(
            attribute(" datetime=2023-08-15 ", "datetime").as_deref(),
            Some("2023-08-15")
        );
        assert_eq!(attribute(r#" content="x"#, "content").as_deref(), Some("x"));
        assert_eq!(attribute("", "content"), None);
    }
}
