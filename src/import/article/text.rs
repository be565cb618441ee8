//! Normalising text so a card shows what the article says and nothing of its markup.
//!
//! Every function here runs in one pass over its input: articles may be megabytes long.

/// Decodes HTML entities (named and numeric) and collapses every run of whitespace (including
/// no-break spaces and newlines) to one space, trimmed. Paragraph breaks are the caller's
/// business: this works on one paragraph.
pub fn clean(raw: &str) -> String {
    let decoded = html_escape::decode_html_entities(raw);
    collapse_whitespace(&decoded)
}

/// Runs of whitespace → one space, trimmed. Control characters (other than whitespace) are
/// dropped: they come from broken encodings and would show as boxes on a card.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// One paragraph of Markdown or plain text as a card shows it: entities decoded, inline
/// markup removed, whitespace collapsed.
pub fn markdown_text(raw: &str) -> String {
    strip_markdown_inline(&html_escape::decode_html_entities(raw))
}

/// Removes Markdown inline markup from one paragraph: `**`/`__` strong markers, `*`/`_` used as
/// emphasis (not an underscore inside a word such as `snake_case`), `code` backticks,
/// `[text](url)` links (the text stays) and backslash escapes.
pub fn strip_markdown_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '*' | '_' => {
                let run = run_length(&chars, i, c);
                let before = if i == 0 { None } else { Some(chars[i - 1]) };
                let after = chars.get(i + run).copied();
                if run >= 2 || is_emphasis_marker(c, before, after) {
                    i += run;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => i += 1,
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => match link_end(&chars, i) {
                Some((text_end, url_end)) => {
                    out.extend(&chars[i + 1..text_end]);
                    i = url_end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    collapse_whitespace(&out)
}

fn run_length(chars: &[char], start: usize, c: char) -> usize {
    chars[start..].iter().take_while(|&&x| x == c).count()
}

/// A single `*` or `_` is emphasis when it opens before a word or closes after one; an
/// underscore between two letters or digits is part of a name.
fn is_emphasis_marker(c: char, before: Option<char>, after: Option<char>) -> bool {
    let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
    let space = |x: Option<char>| x.is_none_or(|x| x.is_whitespace());
    if c == '_' && word(before) && word(after) {
        return false;
    }
    let opens =
        !space(after) && (space(before) || before.is_some_and(|b| b.is_ascii_punctuation()));
    let closes =
        !space(before) && (space(after) || after.is_some_and(|a| a.is_ascii_punctuation()));
    opens || closes
}

/// For `[text](url)` starting at `open`: the index of `]` and of `)`. Each scan stops at the next
/// bracket, so stray brackets in a huge paragraph cannot make the whole pass quadratic.
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    const MAX_LINK: usize = 2048;
    let limit = chars.len().min(open + MAX_LINK);
    let close = (open + 1..limit).find(|&j| chars[j] == ']' || chars[j] == '[')?;
    if chars[close] != ']' || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let url_end = (close + 2..limit)
        .find(|&j| matches!(chars[j], ')' | '(' | '[' | ']') || chars[j].is_whitespace())?;
    if chars[url_end] != ')' {
        return None;
    }
    Some((close, url_end))
}

/// What a line starts with when it numbers a question: "1.", "1)", "Q1.", "Q1:", "(1)".
/// Returns the number and the text after the marker; only 1–3 digits count, so "2023. A year"
/// keeps its year.
pub fn split_list_number(text: &str) -> Option<(u32, &str)> {
    let t = text.trim_start();
    let t = t.strip_prefix('(').unwrap_or(t);
    let t = strip_ascii_prefix(t, "question")
        .or_else(|| strip_ascii_prefix(t, "q"))
        .unwrap_or(t);
    let t = t.trim_start_matches([' ', '.']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number: u32 = t[..digits].parse().ok()?;
    let rest = &t[digits..];
    let rest = rest
        .strip_prefix(['.', ')', ':', '-'])
        .or_else(|| rest.strip_prefix(" -"))?;
    let rest = rest.strip_prefix([')', '.']).unwrap_or(rest);
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((number, rest.trim_start()))
}

/// Removes every leading list number: "1. 2) What?" → "What?".
pub fn strip_list_numbers(text: &str) -> &str {
    let mut t = text.trim();
    while let Some((_, rest)) = split_list_number(t) {
        t = rest;
    }
    t
}

/// Which side of a pair a line labels itself as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Question,
    Answer,
}

/// "Q: What?" → (Question, "What?"); "Answer: Yes" → (Answer, "Yes"). Accepts "Q:", "Q.",
/// "Q -", "Question:", "Q1:" and the same for answers, any case.
pub fn split_label(text: &str) -> Option<(Label, &str)> {
    let t = text.trim_start();
    for (word, label) in [
        ("question", Label::Question),
        ("answer", Label::Answer),
        ("q", Label::Question),
        ("a", Label::Answer),
    ] {
        let Some(rest) = strip_ascii_prefix(t, word) else {
            continue;
        };
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let rest = rest.trim_start_matches(' ');
        let Some(rest) = rest.strip_prefix([':', '.', '-']) else {
            continue;
        };
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return Some((label, rest.trim_start()));
        }
    }
    None
}

/// `text` without `prefix` when it starts with it in any ASCII case.
fn strip_ascii_prefix<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether a text ends like a question: "?" possibly followed by a closing quote, bracket or
/// emphasis marker.
pub fn ends_like_question(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['*', '_', '"', '\'', '”', '’', ')', '»', ':'])
        .ends_with(['?', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_entities_are_normalised() {
        assert_eq!(
            clean("  Korea&rsquo;s\n  liberation&nbsp;day &amp; more &#8217;&#x2019; "),
            "Korea’s liberation day & more ’’"
        );
    }

    #[test]
    fn markdown_markup_is_removed_but_names_stay() {
        assert_eq!(
            strip_markdown_inline("**Bold** and *em* and `code` in snake_case"),
            "Bold and em and code in snake_case"
        );
        assert_eq!(
            strip_markdown_inline("See [the report](https://x.org/a_b) now"),
            "See the report now"
        );
        assert_eq!(
            strip_markdown_inline("2 * 3 = 6 and a_b_c"),
            "2 * 3 = 6 and a_b_c"
        );
        assert_eq!(
            strip_markdown_inline("__Why__ \\*really\\*?"),
            "Why *really*?"
        );
    }

    #[test]
    fn list_numbers_are_recognised() {
        assert_eq!(split_list_number("1. What?"), Some((1, "What?")));
        assert_eq!(split_list_number("12) What?"), Some((12, "What?")));
        assert_eq!(split_list_number("Q3. What?"), Some((3, "What?")));
        assert_eq!(split_list_number("Q 3: What?"), Some((3, "What?")));
        assert_eq!(split_list_number("(4) What?"), Some((4, "What?")));
        assert_eq!(split_list_number("1.5 million people"), None);
        assert_eq!(split_list_number("2023. A year"), None);
        assert_eq!(split_list_number("Queen"), None);
        assert_eq!(strip_list_numbers("1. 2) What?"), "What?");
    }

    #[test]
    fn labels_are_recognised() {
        assert_eq!(split_label("Q: What?"), Some((Label::Question, "What?")));
        assert_eq!(split_label("answer: Yes."), Some((Label::Answer, "Yes.")));
        assert_eq!(split_label("A:"), Some((Label::Answer, "")));
        assert_eq!(split_label("Q1: Why?"), Some((Label::Question, "Why?")));
        assert_eq!(split_label("Quite so."), None);
        assert_eq!(split_label("A lot happened."), None);
    }

    #[test]
    fn questions_end_with_a_question_mark() {
        assert!(ends_like_question("What?**"));
        assert!(ends_like_question("“Why?”"));
        assert!(!ends_like_question("Because."));
    }
}
