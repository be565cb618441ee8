//! Judging a typed answer leniently: a quiz tests what the learner knows, not their typing.
//!
//! Both sides are [normalised](super::normalize) first (case, accents, punctuation and spacing
//! ignored). What still differs is accepted as a typo when it is within [`typo_allowance`]
//! edits, with one exception: numbers must be exactly right, since "1945" and "1946" are
//! different answers, not a slip of the finger.

use super::diff::{DiffPart, diff, edit_distance};
use super::normalize::normalize;

/// How a typed answer compares with the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Right (after normalising). A picked option is always either this or `Wrong`.
    Exact,
    /// Right but for a small typo; `diff` runs from the normalised typed answer to the
    /// normalised expected one, so the screen can show what to fix next time.
    Close {
        diff: Vec<DiffPart>,
    },
    Wrong,
}

impl Verdict {
    /// Whether the answer counts as right in the score: exact or close.
    pub fn is_accepted(&self) -> bool {
        !matches!(self, Verdict::Wrong)
    }
}

/// Typos forgiven in an answer of `len` characters (normalised, spaces included). None up to
/// 4, so that short names stay distinct ("Kim"/"Kin", "Iran"/"Iraq"); then one more for each
/// doubling of length: 1 up to 8 ("Putn" for "Putin"), 2 up to 16, 3 up to 32, 4 beyond.
pub fn typo_allowance(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        9..=16 => 2,
        17..=32 => 3,
        _ => 4,
    }
}

/// Judges `typed` against `expected`. An empty (or all-punctuation) answer is always wrong.
pub fn judge(typed: &str, expected: &str) -> Verdict {
    let typed_form = normalize(typed);
    let expected_form = normalize(expected);
    if typed_form.is_empty() {
        return Verdict::Wrong;
    }
    if typed_form == expected_form {
        return Verdict::Exact;
    }
    if digits(&typed_form) != digits(&expected_form) {
        return Verdict::Wrong;
    }
    let distance = edit_distance(&typed_form, &expected_form);
    if distance <= typo_allowance(expected_form.chars().count()) {
        Verdict::Close {
            diff: diff(&typed_form, &expected_form),
        }
    } else {
        Verdict::Wrong
    }
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowance_grows_with_length() {
        let allowances: Vec<usize> = [3, 4, 5, 8, 9, 16, 17, 32, 33]
            .into_iter()
            .map(typo_allowance)
            .collect();
        assert_eq!(allowances, [0, 0, 1, 1, 2, 2, 3, 3, 4]);
    }

    #[test]
    fn close_answers_carry_the_difference() {
        assert_eq!(
            judge("Putn", "Putin"),
            Verdict::Close {
                diff: vec![
                    DiffPart::Same("put".into()),
                    DiffPart::Missing("i".into()),
                    DiffPart::Same("n".into()),
                ]
            }
        );
    }

    #[test]
    fn numbers_must_be_exact() {
        assert_eq!(judge("1946", "1945"), Verdict::Wrong);
        assert_eq!(judge("78", "78th"), Verdict::Wrong);
        assert!(matches!(
            judge("78th anniversery", "78th anniversary"),
            Verdict::Close { .. }
        ));
    }
}
