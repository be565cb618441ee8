//! HTML → blocks, in one forward pass that forgives broken markup.
//!
//! No DOM is built: a tag either starts/ends a block (`<p>`, `<h3>`, `<li>`, `<dd>`…), changes
//! the bold state (`<strong>`, `<b>`), or is ignored (`<a>`, `<span>`…). That keeps unbalanced or
//! deeply nested markup harmless and the pass linear: every byte is looked at a bounded number of
//! times, and nothing grows with nesting depth beyond small capped counters.

mod tags;

use super::blocks::{Block, BlockKind, Document};
use super::text::clean;

/// Deeper list nesting than this is treated as this deep (protects against hostile input).
const MAX_LIST_DEPTH: usize = 64;

/// The blocks and metadata of an HTML article.
pub fn read_document(input: &str) -> Document {
    let mut reader = HtmlReader::new(input);
    reader.run();
    reader.flush();
    reader.doc.is_html = true;
    reader.doc
}

/// Where the reader is inside the block's leading bold text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BoldLead {
    /// No text yet in this block.
    NotStarted,
    /// The block's text so far is all bold.
    Inside,
    /// The bold lead has ended; text now goes to `after`.
    Done,
    /// The block did not start bold.
    Absent,
}

struct HtmlReader<'a> {
    input: &'a str,
    /// The input in ASCII lower case (same byte offsets), for case-insensitive searches.
    lower: String,
    doc: Document,
    kind: BlockKind,
    raw: String,
    bold_raw: String,
    after_raw: String,
    bold_lead: BoldLead,
    bold_depth: u32,
    block_start: Option<usize>,
    lists: Vec<(bool, u32)>,
    in_item: bool,
    in_title: bool,
    title_raw: String,
    /// Quote-aware tag scanning failed once (an unterminated quote): from then on a tag ends at
    /// the next `>`, so a broken document cannot make every later tag scan to its end.
    quotes_broken: bool,
    counted_to: usize,
    line: usize,
}

impl<'a> HtmlReader<'a> {
    fn new(input: &'a str) -> Self {
        HtmlReader {
            input,
            lower: input.to_ascii_lowercase(),
            doc: Document::default(),
            kind: BlockKind::Paragraph,
            raw: String::new(),
            bold_raw: String::new(),
            after_raw: String::new(),
            bold_lead: BoldLead::NotStarted,
            bold_depth: 0,
            block_start: None,
            lists: Vec::new(),
            in_item: false,
            in_title: false,
            title_raw: String::new(),
            quotes_broken: false,
            counted_to: 0,
            line: 1,
        }
    }

    fn run(&mut self) {
        let bytes = self.input.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(offset) = bytes[pos..].iter().position(|&b| b == b'<') else {
                self.text(pos, bytes.len());
                return;
            };
            let lt = pos + offset;
            self.text(pos, lt);
            match self.markup(lt) {
                Some(next) => pos = next,
                None => return,
            }
        }
    }

    /// Handles the markup starting at `lt` (a `<`); returns where text resumes, or None when the
    /// rest of the input is an unterminated comment, tag or script.
    fn markup(&mut self, lt: usize) -> Option<usize> {
        let bytes = self.input.as_bytes();
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if self.lower[lt..].starts_with("<!--") {
            return self.lower[lt + 4..].find("-->").map(|i| lt + 4 + i + 3);
        }
        if next == b'!' || next == b'?' {
            return self.lower[lt..].find('>').map(|i| lt + i + 1);
        }
        if !(next == b'/' || next.is_ascii_alphabetic()) {
            self.text(lt, lt + 1);
            return Some(lt + 1);
        }
        let (end, resume) = self.tag_end(lt)?;
        let closing = next == b'/';
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &self.lower[name_start..name_start + name_len];
        let attrs = &self.input[name_start + name_len..end];
        if !closing && matches!(name, "script" | "style" | "noscript" | "template" | "svg") {
            let close = format!("</{name}");
            let at = self.lower[end..].find(&close)? + end;
            return self.lower[at..].find('>').map(|i| at + i + 1);
        }
        let name = name.to_string();
        self.tag(&name, closing, attrs, lt);
        Some(resume)
    }

    /// Where the tag starting at `lt` ends: (end of its text, where reading resumes). A tag cut
    /// short by another `<` ends there; quotes are honoured for a bounded distance.
    fn tag_end(&mut self, lt: usize) -> Option<(usize, usize)> {
        const MAX_QUOTED_TAG: usize = 4096;
        let bytes = self.input.as_bytes();
        if !self.quotes_broken {
            let mut quote = None;
            let limit = bytes.len().min(lt + MAX_QUOTED_TAG);
            for (i, &b) in bytes.iter().enumerate().take(limit).skip(lt + 1) {
                match (quote, b) {
                    (None, b'"' | b'\'') => quote = Some(b),
                    (Some(q), _) if b == q => quote = None,
                    (None, b'>') => return Some((i, i + 1)),
                    (None, b'<') => return Some((i, i)),
                    _ => {}
                }
            }
            self.quotes_broken = true;
        }
        bytes[lt + 1..]
            .iter()
            .position(|&b| b == b'>')
            .map(|i| (lt + 1 + i, lt + 2 + i))
    }

    fn text(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let chunk = &self.input[from..to];
        if self.in_title {
            self.title_raw.push_str(chunk);
            return;
        }
        let has_words = chunk.contains(|c: char| !c.is_whitespace());
        if has_words {
            self.block_start.get_or_insert(from);
            if self.bold_lead == BoldLead::NotStarted {
                self.bold_lead = if self.bold_depth > 0 {
                    BoldLead::Inside
                } else {
                    BoldLead::Absent
                };
            }
        }
        match self.bold_lead {
            BoldLead::Inside => self.bold_raw.push_str(chunk),
            BoldLead::Done => self.after_raw.push_str(chunk),
            _ => {}
        }
        self.raw.push_str(chunk);
    }

    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.raw);
        let bold_raw = std::mem::take(&mut self.bold_raw);
        let after_raw = std::mem::take(&mut self.after_raw);
        let bold_lead = std::mem::replace(&mut self.bold_lead, BoldLead::NotStarted);
        let start = self.block_start.take();
        let text = clean(&raw);
        if text.is_empty() {
            return;
        }
        let line = start.map_or(self.line, |at| self.line_of(at));
        let mut block = Block::plain(self.kind, text, line, !raw.trim().contains('\n'));
        if matches!(bold_lead, BoldLead::Inside | BoldLead::Done) {
            block = block.with_bold(clean(&bold_raw), clean(&after_raw));
        }
        self.doc.blocks.push(block);
        if let BlockKind::ListItem {
            ordered,
            first: true,
            ..
        } = self.kind
        {
            self.kind = BlockKind::ListItem {
                ordered,
                number: None,
                first: false,
            };
        }
    }

    /// The 1-based line of byte `at`; positions only move forward, so counting stays linear.
    fn line_of(&mut self, at: usize) -> usize {
        if at > self.counted_to {
            self.line += self.input.as_bytes()[self.counted_to..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.counted_to = at;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lists_and_bold_leads() {
        let doc = read_document(
            "<title>T &amp; U</title><h2>FAQ</h2>\n<p><strong>What?</strong> Because &rsquo;so&rsquo;.</p>\
             <ol><li>One</li><li><p>Two</p><p>more</p></li></ol><script>x<y</script><footer>f",
        );
        assert_eq!(doc.title.as_deref(), Some("T & U"));
        let blocks: Vec<(BlockKind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading(2), "FAQ"),
                (BlockKind::Paragraph, "What? Because ’so’."),
                (
                    BlockKind::ListItem {
                        ordered: true,
                        number: Some(1),
                        first: true
                    },
                    "One"
                ),
                (
                    BlockKind::ListItem {
                        ordered: true,
                        number: Some(2),
                        first: true
                    },
                    "Two"
                ),
                (
                    BlockKind::ListItem {
                        ordered: true,
                        number: None,
                        first: false
                    },
                    "more"
                ),
                (BlockKind::Boundary, ""),
                (BlockKind::Paragraph, "f"),
            ]
        );
        assert_eq!(doc.blocks[1].bold_lead.as_deref(), Some("What?"));
        assert_eq!(doc.blocks[1].after_bold, "Because ’so’.");
        assert_eq!(doc.blocks[1].line, 2);
    }

    #[test]
    fn broken_markup_does_not_stop_the_reader() {
        let doc = read_document("<p>a <b class=\"x>b</b></p><p>c</p><h");
        assert!(doc.blocks.iter().any(|b| b.text.contains('c')));
        let doc = read_document("<!-- never closed <p>x</p>");
        assert!(doc.blocks.is_empty());
    }
}
