//! The form in which answers are compared: what a learner cannot be expected to reproduce
//! exactly (case, accents, punctuation, spacing) is taken out.
//!
//! Used both to judge typed answers and to keep multiple-choice options apart: two options
//! that normalise alike would look like the same answer.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` in lower case, accents stripped, apostrophes and full stops dropped (so "Korea’s" is
/// "koreas" and "U.S." is "us"), other punctuation read as a space (so "camp-david" is
/// "camp david"), and runs of spaces made one, with none at either end.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // Decompose to split accents off their letters, drop them, then recompose what remains
    // (Hangul syllables, for one, decompose too and must be whole again to compare and show).
    for c in text.nfd().filter(|c| !is_combining_mark(*c)).nfc() {
        if is_dropped(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        push_folded(c, &mut out);
    }
    out
}

/// Marks that sit inside words: removing them keeps the word whole.
fn is_dropped(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '.')
}

/// Lower case, and the Latin letters NFD does not split into a base and an accent.
fn push_folded(c: char, out: &mut String) {
    let replacement = match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        'ı' => "i",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(replacement);
}

/// How many words `text` has, as the learner would count them.
pub fn word_count(text: &str) -> usize {
    normalize(text).split(' ').filter(|w| !w.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_punctuation_and_spacing_are_taken_out() {
        assert_eq!(normalize("  Camp-David!  "), "camp david");
        assert_eq!(normalize("Pyŏngyang"), "pyongyang");
        assert_eq!(normalize("Korea’s  U.S.  ally"), "koreas us ally");
        assert_eq!(normalize("Straße, Łódź"), "strasse lodz");
        assert_eq!(normalize("?!"), "");
        assert_eq!(normalize("김정은 "), "김정은");
    }

    #[test]
    fn words_are_counted_after_normalising() {
        assert_eq!(word_count("Camp - David"), 2);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("one two three four five six seven"), 7);
    }
}
