//! What an article says about itself: headline, lead paragraph and publication date.

use super::blocks::{Block, BlockKind, Document};
use super::faq::is_faq_title;

/// A first line longer than this is a paragraph, not a headline.
const MAX_HEADLINE_CHARS: usize = 150;
/// How many blocks from the top may hold the date line.
const DATE_SEARCH_BLOCKS: usize = 10;
/// A line this short that holds a date is a date line ("Tuesday, 15 August 2023"); a longer
/// one is a sentence or a headline that mentions a date, unless it says "Published:" etc.
const MAX_DATE_LINE_CHARS: usize = 40;

/// The headline: HTML `<h1>`, else `<title>`; Markdown the first `#` heading; plain text a short
/// first line that does not end like a sentence.
pub fn headline(doc: &Document) -> Option<String> {
    let first_h1 = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading(1))
        .map(|b| b.text.clone());
    if doc.is_html {
        return first_h1.or_else(|| doc.title.clone());
    }
    first_h1.or_else(|| headline_line(doc).map(|b| b.text.clone()))
}

/// The plain-text headline block: the first block (after a date line) if it is a short line.
fn headline_line(doc: &Document) -> Option<&Block> {
    let first = doc.blocks.iter().find(|b| !is_date_line(b))?;
    let is_line = match first.kind {
        BlockKind::Heading(_) => true,
        BlockKind::Paragraph => first.single_line,
        _ => false,
    };
    let short = first.text.chars().count() <= MAX_HEADLINE_CHARS;
    let sentence = first.text.ends_with('.');
    (is_line && short && !sentence && !is_faq_title(&first.text, true)).then_some(first)
}

/// The lead: the first paragraph before the FAQ that is not the headline, a date line or a
/// byline.
pub fn lead(doc: &Document, headline: Option<&str>, faq_index: usize) -> Option<String> {
    let before_faq = &doc.blocks[..faq_index.min(doc.blocks.len())];
    before_faq
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && !b.is_all_bold())
        .filter(|b| Some(b.text.as_str()) != headline && !is_date_line(b) && !is_byline(&b.text))
        .map(|b| b.text.clone())
        .next()
}

fn is_byline(text: &str) -> bool {
    text.starts_with("By ") && text.chars().count() <= 80
}

/// The publication date as `YYYY-MM-DD`: HTML metadata first, then a date line near the top.
pub fn date(doc: &Document) -> Option<String> {
    if let Some(date) = doc.meta_date.as_deref().and_then(parse_date) {
        return Some(date);
    }
    let top = &doc.blocks[..doc.blocks.len().min(DATE_SEARCH_BLOCKS)];
    let labelled = top
        .iter()
        .filter(|b| has_date_label(&b.text))
        .find_map(|b| parse_date(&b.text));
    labelled.or_else(|| {
        top.iter()
            .filter(|b| is_date_line(b))
            .find_map(|b| parse_date(&b.text))
    })
}

fn has_date_label(text: &str) -> bool {
    let lower: String = text.chars().take(12).collect::<String>().to_lowercase();
    ["published", "date", "posted", "updated", "dated"]
        .iter()
        .any(|label| lower.starts_with(label))
}

fn is_date_line(block: &Block) -> bool {
    let chars = block.text.chars().count();
    let short = chars <= MAX_DATE_LINE_CHARS;
    let labelled = chars <= 2 * MAX_DATE_LINE_CHARS && has_date_label(&block.text);
    (short || labelled) && !block.is_heading() && parse_date(&block.text).is_some()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Finds a date in a short text: "2023-08-15", "2023/08/15", "August 15, 2023", "Aug. 15 2023",
/// "15 August 2023", "15th Aug 2023" → "2023-08-15".
pub fn parse_date(text: &str) -> Option<String> {
    iso_date(text).or_else(|| written_date(text))
}

fn iso_date(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let w = &bytes[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        let separated = (w[4] == b'-' && w[7] == b'-') || (w[4] == b'/' && w[7] == b'/');
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        if !(boundary && separated && digits(0..4) && digits(5..7) && digits(8..10)) {
            return None;
        }
        let field =
            |r: std::ops::Range<usize>| std::str::from_utf8(&w[r]).ok()?.parse::<u32>().ok();
        format_date(field(0..4)?, field(5..7)?, field(8..10)?)
    })
}

fn written_date(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month_of = |word: &str| {
        MONTHS
            .iter()
            .position(|m| word.len() >= 3 && m.starts_with(word))
    };
    let day_of = |word: &str| {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix_ok = matches!(&word[digits.len()..], "" | "st" | "nd" | "rd" | "th");
        digits
            .parse::<u32>()
            .ok()
            .filter(|d| suffix_ok && (1..=31).contains(d) && digits.len() <= 2)
    };
    let year_of = |word: &str| {
        word.parse::<u32>()
            .ok()
            .filter(|y| word.len() == 4 && (1900..=2200).contains(y))
    };
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_of(word) else {
            continue;
        };
        let at = |j: usize| words.get(j).map(String::as_str);
        let after_day = at(i + 1).and_then(day_of).zip(at(i + 2).and_then(year_of));
        let before_day = i
            .checked_sub(1)
            .and_then(at)
            .and_then(day_of)
            .zip(at(i + 1).and_then(year_of));
        if let Some((day, year)) = after_day.or(before_day) {
            return format_date(year, month as u32 + 1, day);
        }
    }
    None
}

fn format_date(year: u32, month: u32, day: u32) -> Option<String> {
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_usual_spellings() {
        for text in [
            "Published: 2023-08-15",
            "2023-08-15T09:30:00+09:00",
            "Date: August 15, 2023",
            "15 August 2023",
            "Tuesday, 15th Aug. 2023",
            "Aug 15 2023",
            "Updated 2023/08/15",
        ] {
            assert_eq!(parse_date(text).as_deref(), Some("2023-08-15"), "{text}");
        }
        for text in [
            "No date here",
            "2023-13-01",
            "May we go?",
            "12345-08-15x",
            "August 2023",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
