//! Plain text and Markdown → blocks, line by line.
//!
//! Plain text is read as Markdown: a blank line ends a paragraph, `#` lines and underlined
//! lines are headings, `-`/`*`/`+` lines are list items. Beyond Markdown, a line that numbers or
//! labels a question ("1.", "Q:", "A:", a bold line) starts a block of its own, and such a block
//! ends at the line that ends the question: people write "1. What…?" and the answer on the next
//! line without a blank line between them.

use super::blocks::{Block, BlockKind};
use super::text::{ends_like_question, markdown_text, split_label, split_list_number};

/// The blocks of a plain-text or Markdown article.
pub fn read_blocks(input: &str) -> Vec<Block> {
    let mut reader = Reader::default();
    for (index, line) in input.split('\n').enumerate() {
        reader.line(index + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    reader.flush();
    reader.blocks
}

/// The block being gathered: its kind, raw lines and where it started.
#[derive(Default)]
struct Pending {
    kind: Option<BlockKind>,
    raw: String,
    first_line: usize,
    lines: usize,
    /// Started like a question (number, "Q:", bold, list item): ends at the line ending in '?'.
    ends_at_question: bool,
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    pending: Pending,
}

impl Reader {
    fn line(&mut self, number: usize, line: &str) {
        let trimmed = line.trim().trim_start_matches('>').trim();
        if trimmed.is_empty() || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            self.flush();
            return;
        }
        if let Some((level, text)) = atx_heading(trimmed) {
            self.flush();
            self.push(BlockKind::Heading(level), text, number);
            return;
        }
        if let Some(rule) = rule_line(trimmed) {
            let underlines_a_line =
                self.pending.lines == 1 && self.pending.kind == Some(BlockKind::Paragraph);
            if underlines_a_line && rule != '*' {
                self.pending.kind = Some(BlockKind::Heading(if rule == '=' { 1 } else { 2 }));
            }
            self.flush();
            return;
        }
        if let Some(item) = bullet_item(trimmed) {
            self.flush();
            self.start(
                BlockKind::ListItem {
                    ordered: false,
                    number: None,
                    first: true,
                },
                number,
                true,
            );
            self.append(item);
        } else if starts_a_question(trimmed) {
            self.flush();
            let is_answer = matches!(split_label(trimmed), Some((super::text::Label::Answer, _)));
            self.start(BlockKind::Paragraph, number, !is_answer);
            self.append(trimmed);
        } else {
            if self.pending.kind.is_none() {
                self.start(BlockKind::Paragraph, number, false);
            }
            self.append(trimmed);
        }
        if self.pending.ends_at_question && ends_like_question(trimmed) {
            self.flush();
        }
    }

    fn start(&mut self, kind: BlockKind, line: usize, ends_at_question: bool) {
        self.pending = Pending {
            kind: Some(kind),
            raw: String::new(),
            first_line: line,
            lines: 0,
            ends_at_question,
        };
    }

    fn append(&mut self, text: &str) {
        if !self.pending.raw.is_empty() {
            self.pending.raw.push('\n');
        }
        self.pending.raw.push_str(text);
        self.pending.lines += 1;
    }

    fn push(&mut self, kind: BlockKind, raw: &str, line: usize) {
        let text = markdown_text(raw);
        if text.is_empty() {
            return;
        }
        let mut block = Block::plain(kind, text, line, true);
        if let Some((lead, after)) = bold_lead(raw) {
            block = block.with_bold(lead, after);
        }
        self.blocks.push(block);
    }

    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let Some(kind) = pending.kind else { return };
        let text = markdown_text(&pending.raw);
        if text.is_empty() {
            return;
        }
        let mut block = Block::plain(kind, text, pending.first_line, pending.lines == 1);
        if let Some((lead, after)) = bold_lead(&pending.raw) {
            block = block.with_bold(lead, after);
        }
        self.blocks.push(block);
    }
}

/// "## Title ##" → (2, "Title").
fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((hashes as u8, rest.trim().trim_end_matches('#').trim_end()))
}

/// A line made only of `=`, `-`, `*` or `_` (at least three, spaces allowed): a Markdown rule or
/// a heading's underline. Returns the character.
fn rule_line(line: &str) -> Option<char> {
    let first = line.chars().next()?;
    if !matches!(first, '=' | '-' | '*' | '_') {
        return None;
    }
    let count = line.chars().filter(|&c| c == first).count();
    let only_rule = line.chars().all(|c| c == first || c == ' ');
    (only_rule && (count >= 3 || first == '=' && count >= 1)).then_some(first)
}

/// "- item", "* item", "+ item", "• item" → "item".
fn bullet_item(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['-', '*', '+', '•'])?;
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

/// Whether a line opens a question or answer of its own: "1.", "Q:", "A:", a bold start.
fn starts_a_question(line: &str) -> bool {
    let unmarked = line.trim_start_matches(['*', '_']);
    line.starts_with("**")
        || line.starts_with("__")
        || split_list_number(unmarked).is_some()
        || split_label(unmarked).is_some()
}

/// The bold text a raw block starts with, after an optional list number or label, and the
/// text after it: "1. **What?** Because." → ("1. What?"-less "What?", "Because.").
fn bold_lead(raw: &str) -> Option<(String, String)> {
    let trimmed = raw.trim_start();
    let body = split_list_number(trimmed).map_or(trimmed, |(_, rest)| rest);
    let marker = if body.starts_with("**") {
        "**"
    } else if body.starts_with("__") {
        "__"
    } else {
        return None;
    };
    let inner = &body[2..];
    let close = inner.find(marker)?;
    Some((
        markdown_text(&inner[..close]),
        markdown_text(&inner[close + 2..]),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<(BlockKind, String)> {
        read_blocks(input)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_items() {
        let blocks = texts("# Title\n\nOne\nparagraph.\n\nUnderlined\n---\n\n- item *one*\n");
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading(1), "Title".to_string()),
                (BlockKind::Paragraph, "One paragraph.".to_string()),
                (BlockKind::Heading(2), "Underlined".to_string()),
                (
                    BlockKind::ListItem {
                        ordered: false,
                        number: None,
                        first: true
                    },
                    "item one".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_question_line_ends_its_block() {
        let blocks = texts("1. What is\nit?\n   It is this.\nQ: Why?\nA: Because\nso.");
        let only_text: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            only_text,
            ["1. What is it?", "It is this.", "Q: Why?", "A: Because so."]
        );
    }

    #[test]
    fn bold_leads_are_found_after_numbers() {
        let blocks = read_blocks("1. **What?** Because.\n\n**Who?**\n");
        assert_eq!(blocks[0].bold_lead.as_deref(), Some("What?"));
        assert_eq!(blocks[0].after_bold, "Because.");
        assert!(blocks[1].is_all_bold());
        assert_eq!(blocks[0].line, 1);
        assert_eq!(blocks[1].line, 3);
    }
}
