//! The flat list of blocks every input format is reduced to.
//!
//! Plain text, Markdown and HTML differ in how they mark headings, paragraphs and lists, but the
//! FAQ finder and the pairing only need to know "this is a level-3 heading saying X, starting at
//! line 40". Reducing each format to the same blocks keeps those two format-agnostic.

/// What kind of block a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A Markdown `#` heading or an HTML `<h1>`–`<h6>`, with its level.
    Heading(u8),
    /// A paragraph or a line of plain text.
    Paragraph,
    /// An item of a list. `number` is the item's position in an ordered list (HTML `<ol>`);
    /// Markdown and plain-text numbers stay in the text. `first` is false for the second and
    /// later paragraphs of the same item.
    ListItem {
        ordered: bool,
        number: Option<u32>,
        first: bool,
    },
    /// An HTML `<dt>`: the term of a definition list.
    Term,
    /// An HTML `<dd>`: the definition of a term.
    Definition,
    /// Where an HTML article's body ends (`</article>`, `<footer>`, `</body>`): no section
    /// reaches past it.
    Boundary,
}

impl BlockKind {
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Heading(_))
    }
}

/// One block of the article, its text already normalised (entities decoded, markup removed,
/// whitespace collapsed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// When the block starts with bold text (`**…**`, `<strong>…</strong>`, possibly after a
    /// list number): that text. A bold line is often the question, and the rest of the block
    /// ([`Block::after_bold`]) the start of its answer.
    pub bold_lead: Option<String>,
    /// The text after the bold lead; empty when the whole block is bold or has no bold lead.
    pub after_bold: String,
    /// The 1-based line of the input where the block starts.
    pub line: usize,
    /// Whether the block came from a single line of text (a candidate plain-text heading).
    pub single_line: bool,
}

impl Block {
    /// A block without a bold lead.
    pub fn plain(kind: BlockKind, text: String, line: usize, single_line: bool) -> Block {
        Block {
            kind,
            text,
            bold_lead: None,
            after_bold: String::new(),
            line,
            single_line,
        }
    }

    /// Records the block's bold lead and what follows it; an empty lead is no lead.
    pub fn with_bold(mut self, lead: String, after: String) -> Block {
        if !lead.is_empty() {
            self.bold_lead = Some(lead);
            self.after_bold = after;
        }
        self
    }

    /// Whether the whole block is bold: a bold line.
    pub fn is_all_bold(&self) -> bool {
        self.bold_lead.is_some() && self.after_bold.is_empty()
    }

    pub fn is_heading(&self) -> bool {
        self.kind.is_heading()
    }
}

/// An article reduced to blocks, with what HTML says about it outside its body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// HTML `<title>`.
    pub title: Option<String>,
    /// A date from HTML metadata (`<meta property="article:published_time">`, `<time datetime>`),
    /// as written there.
    pub meta_date: Option<String>,
    /// Whether the input was HTML (then `<h1>` names the headline, not a first line).
    pub is_html: bool,
}

/// Whether the input looks like HTML rather than plain text or Markdown: it has at least one
/// block-level tag. A stray `<` in prose does not count.
pub fn looks_like_html(text: &str) -> bool {
    const TAGS: [&str; 17] = [
        "<html",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<h1",
        "<h2",
        "<h3",
        "<h4",
        "<h5",
        "<h6",
        "<dl",
        "<article",
        "<ul",
        "<ol",
        "<br",
        "<!doctype",
    ];
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..].iter().position(|&b| b == b'<') {
        let at = from + offset;
        let window = &bytes[at..bytes.len().min(at + 9)];
        if TAGS.iter().any(|tag| {
            window.len() >= tag.len() && window[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
        }) {
            return true;
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_its_block_tags() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("text <P>para</P>"));
        assert!(!looks_like_html("a < b and <3 and <https://x.org>"));
    }

    #[test]
    fn bold_lead_splits_the_block() {
        let block = Block::plain(BlockKind::Paragraph, "What? Because.".into(), 1, true)
            .with_bold("What?".into(), "Because.".into());
        assert_eq!(block.after_bold, "Because.");
        assert!(!block.is_all_bold());
        assert!(!Block::plain(BlockKind::Paragraph, "x".into(), 1, true).is_all_bold());
    }
}
