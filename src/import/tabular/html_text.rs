//! Anki fields hold HTML (`#html:true`); cards in Recap hold plain text.
//!
//! A small forward pass, no DOM: line-breaking tags become newlines, every other tag goes,
//! entities are decoded. A `<` that does not start a tag (`a < b`) is kept as text.

/// Block tags: their text stands on lines of its own.
const BLOCKS: [&str; 11] = [
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "blockquote",
];

/// `html` as plain text: tags stripped, `<br>` and block ends as newlines, entities decoded,
/// non-breaking spaces as spaces, at most one blank line in a row, trimmed.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let starts_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !starts_tag {
            text.push('<');
            rest = after;
            continue;
        }
        match after.find('>') {
            Some(end) => {
                match line_break(&after[..end]) {
                    Break::Hard => text.push('\n'),
                    Break::Soft if !text.is_empty() && !text.ends_with('\n') => text.push('\n'),
                    _ => {}
                }
                rest = &after[end + 1..];
            }
            // No `>` anywhere after: no later `<` can start a tag either, so the rest is
            // text (and a long run of `<` costs one search, not one per `<`).
            None => {
                text.push('<');
                rest = after;
                break;
            }
        }
    }
    text.push_str(rest);
    let decoded = html_escape::decode_html_entities(&text).replace('\u{a0}', " ");
    tidy_lines(&decoded)
}

enum Break {
    None,
    /// `<br>`: always a new line, so `<br><br>` leaves a blank line.
    Hard,
    /// A block's start or end: a new line unless one was just started.
    Soft,
}

fn line_break(tag: &str) -> Break {
    let tag = tag.trim_start_matches('/');
    let name: String = tag
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "br" => Break::Hard,
        name if BLOCKS.contains(&name) => Break::Soft,
        _ => Break::None,
    }
}

/// Trims each line and the whole, and keeps at most one blank line between paragraphs.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_breaks_become_newlines_entities_are_decoded() {
        assert_eq!(
            html_to_text("<b>Tom</b> &amp; Jerry<br>a&nbsp;&lt; b<br/>"),
            "Tom & Jerry\na < b"
        );
        assert_eq!(html_to_text("<div>one</div><div>two</div>"), "one\ntwo");
        assert_eq!(html_to_text("x < y and <3"), "x < y and <3");
        assert_eq!(html_to_text("<b>a</b> <c d"), "a <c d");
    }

    #[test]
    fn blank_lines_come_from_breaks_and_collapse_to_one() {
        assert_eq!(html_to_text("<p>one</p><p></p><p>two</p>"), "one\ntwo");
        assert_eq!(html_to_text("one<br><br><br>two"), "one\n\ntwo");
    }
}
