//! Finding the FAQ section: its heading, and where the section ends.

use super::blocks::{Block, BlockKind};
use super::text::ends_like_question;

/// Headings that announce a FAQ, compared after [`heading_key`].
const FAQ_TITLES: [&str; 12] = [
    "faq",
    "faqs",
    "frequently asked questions",
    "frequently asked questions faq",
    "frequently asked questions faqs",
    "questions and answers",
    "questions answers",
    "q&a",
    "questions&answers",
    "q and a",
    "q a",
    "qa",
];

/// The level a plain or bold FAQ line is given: it ends at `#`/`##` headings, not at the
/// sub-headings its questions may be written as.
const LINE_HEADING_LEVEL: u8 = 2;

/// A FAQ heading found among the blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaqHeading {
    /// Index of the heading block.
    pub index: usize,
    /// The heading's level (1–6); a plain or bold line counts as [`LINE_HEADING_LEVEL`].
    pub level: u8,
    /// Whether it is a real heading (Markdown `#`, HTML `<hN>`) rather than a line.
    pub is_real_heading: bool,
    /// The 1-based input line of the heading.
    pub line: usize,
}

/// Every block that is a FAQ heading, in order: a heading, a bold line or a short line of its
/// own whose whole text names a FAQ. A sentence that mentions "FAQ" is not one.
pub fn faq_headings(blocks: &[Block]) -> impl Iterator<Item = FaqHeading> + '_ {
    blocks.iter().enumerate().filter_map(|(index, block)| {
        let (level, is_real_heading) = match block.kind {
            BlockKind::Heading(level) => (level, true),
            BlockKind::Paragraph if block.single_line || block.is_all_bold() => {
                (LINE_HEADING_LEVEL, false)
            }
            _ => return None,
        };
        is_faq_title(&block.text, is_real_heading).then_some(FaqHeading {
            index,
            level,
            is_real_heading,
            line: block.line,
        })
    })
}

/// Whether a heading's text names a FAQ: "FAQ", "Frequently Asked Questions (FAQ)",
/// "Q & A:" — any case, ignoring punctuation around the words. A real heading (`#`, `<hN>`) may
/// go on ("FAQs about the summit"); a line of text may not ("FAQ page updated" is news).
pub fn is_faq_title(text: &str, may_go_on: bool) -> bool {
    if text.chars().count() > 80 {
        return false;
    }
    let key = heading_key(text);
    if FAQ_TITLES.contains(&key.as_str()) {
        return true;
    }
    [
        "faq about ",
        "faqs about ",
        "frequently asked questions about ",
        "faq ",
        "faqs ",
    ]
    .iter()
    .any(|prefix| may_go_on && key.starts_with(prefix) && !text.trim_end().ends_with('.'))
}

/// Lower-cased words of a heading, punctuation other than `&` dropped: "Q & A:" → "q&a",
/// "Frequently Asked Questions (FAQ)" → "frequently asked questions faq".
fn heading_key(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '&' {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let joined = words.join(" ");
    joined
        .replace(" & ", "&")
        .replace("& ", "&")
        .replace(" &", "&")
}

/// The blocks of the section under `heading`: up to the next heading of the same or a higher
/// level, an HTML body boundary, or `limit` (the next FAQ heading, or the end). Under a plain or
/// bold FAQ line, a heading ending in '?' is a question and does not end the section.
pub fn section<'a>(blocks: &'a [Block], heading: &FaqHeading, limit: usize) -> &'a [Block] {
    let start = heading.index + 1;
    let limit = limit.clamp(start, blocks.len());
    let end = blocks[start..limit]
        .iter()
        .position(|block| match block.kind {
            BlockKind::Boundary => true,
            BlockKind::Heading(level) if level <= heading.level => {
                heading.is_real_heading || !ends_like_question(&block.text)
            }
            _ => false,
        })
        .map_or(limit, |offset| start + offset);
    &blocks[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faq_titles_in_their_usual_spellings() {
        for title in [
            "FAQ",
            "FAQs",
            "Frequently Asked Questions (FAQ)",
            "frequently asked questions:",
            "Questions and Answers",
            "Questions & Answers",
            "Q&A",
            "Q & A",
        ] {
            assert!(is_faq_title(title, false), "{title}");
        }
        assert!(is_faq_title("FAQ: the summit", true));
        assert!(!is_faq_title("FAQ page updated", false));
        for text in [
            "FAQ is short for frequently asked questions.",
            "See our FAQ for more.",
            "Questions remain",
            "A FAQ is a list of questions and answers.",
            "Quality",
        ] {
            assert!(!is_faq_title(text, true), "{text}");
        }
    }
}
