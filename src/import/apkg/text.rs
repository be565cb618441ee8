//! Anki fields are HTML with media references; Recap cards hold plain text.

use crate::import::tabular::html_to_text;

/// `field` as plain text: `[sound:…]` references removed, HTML reduced to text (images go
/// with the other tags), entities decoded, runs of spaces made one (as a browser shows them,
/// and as Anki does), lines trimmed.
pub fn field_text(field: &str) -> String {
    let text = html_to_text(&without_sounds(field));
    text.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `field` without Anki's `[sound:file.mp3]` references.
fn without_sounds(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(start) = rest.find("[sound:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Counts of things left out, by reason, in the order first met: what the report lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally(Vec<(String, usize)>);

impl Tally {
    pub fn add(&mut self, reason: impl Into<String>) {
        let reason = reason.into();
        match self.0.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, count)) => *count += 1,
            None => self.0.push((reason, 1)),
        }
    }

    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }

    /// "2 of note type X; 1 with an empty side", or None when nothing was counted.
    pub fn summary(&self) -> Option<String> {
        (!self.0.is_empty()).then(|| {
            self.0
                .iter()
                .map(|(reason, n)| format!("{n} {reason}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_and_html_go_text_stays() {
        assert_eq!(
            field_text("[sound:bell.mp3]Ding <img src=\"a.png\"> &amp; <b>dong</b>"),
            "Ding & dong"
        );
        assert_eq!(field_text("a [sound:unclosed"), "a [sound:unclosed");
    }

    #[test]
    fn a_tally_groups_reasons_in_order() {
        let mut tally = Tally::default();
        tally.add("of type A");
        tally.add("empty");
        tally.add("of type A");
        assert_eq!(tally.total(), 3);
        assert_eq!(tally.summary().unwrap(), "2 of type A; 1 empty");
        assert_eq!(Tally::default().summary(), None);
    }
}
