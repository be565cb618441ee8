//! How far a typed answer is from the expected one, and where they differ.

use serde::{Deserialize, Serialize};

/// Edits needed to turn `a` into `b`: insertions, deletions, substitutions and swaps of two
/// neighbouring characters (the commonest typo), each counting one. Compares characters, not
/// bytes, so "ŏ" is one character.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let substitution = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1)
                    .min(table[(i - 1) * width + j - 1] + substitution);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    table[a.len() * width + b.len()]
}

/// One stretch of a difference between a typed answer and the expected one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffPart {
    /// Typed as expected.
    Same(String),
    /// Expected but not typed.
    Missing(String),
    /// Typed but not expected.
    Extra(String),
}

/// The difference from `typed` to `expected`, as stretches in reading order, so that a screen
/// can show e.g. "Put[i]n" for "Putn". A changed character is an `Extra` then a `Missing`.
pub fn diff(typed: &str, expected: &str) -> Vec<DiffPart> {
    let a: Vec<char> = typed.chars().collect();
    let b: Vec<char> = expected.chars().collect();
    let width = b.len() + 1;
    // Plain Levenshtein table (no swaps): a swap reads well enough as two changes.
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let substitution = usize::from(a[i - 1] != b[j - 1]);
                (table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1)
                    .min(table[(i - 1) * width + j - 1] + substitution)
            };
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (a.len(), b.len());
    while i > 0 || j > 0 {
        let here = table[i * width + j];
        if i > 0 && j > 0 && a[i - 1] == b[j - 1] && here == table[(i - 1) * width + j - 1] {
            steps.push(DiffPart::Same(a[i - 1].to_string()));
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && j > 0 && here == table[(i - 1) * width + j - 1] + 1 {
            steps.push(DiffPart::Missing(b[j - 1].to_string()));
            steps.push(DiffPart::Extra(a[i - 1].to_string()));
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && here == table[(i - 1) * width + j] + 1 {
            steps.push(DiffPart::Extra(a[i - 1].to_string()));
            i -= 1;
        } else {
            steps.push(DiffPart::Missing(b[j - 1].to_string()));
            j -= 1;
        }
    }
    steps.reverse();
    merge(steps)
}

/// Joins neighbouring stretches of the same kind.
fn merge(steps: Vec<DiffPart>) -> Vec<DiffPart> {
    let mut merged: Vec<DiffPart> = Vec::new();
    for step in steps {
        match (merged.last_mut(), step) {
            (Some(DiffPart::Same(text)), DiffPart::Same(more))
            | (Some(DiffPart::Missing(text)), DiffPart::Missing(more))
            | (Some(DiffPart::Extra(text)), DiffPart::Extra(more)) => text.push_str(&more),
            (_, step) => merged.push(step),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffPart::*;

    #[test]
    fn distances_count_typos_including_swaps() {
        assert_eq!(edit_distance("putin", "putin"), 0);
        assert_eq!(edit_distance("putn", "putin"), 1);
        assert_eq!(edit_distance("ptuin", "putin"), 1);
        assert_eq!(edit_distance("kim", "putin"), 4);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("pyŏng", "pyong"), 1);
    }

    #[test]
    fn diffs_show_what_is_missing_and_what_is_extra() {
        assert_eq!(
            diff("putn", "putin"),
            vec![Same("put".into()), Missing("i".into()), Same("n".into())]
        );
        assert_eq!(
            diff("camp davod", "camp david"),
            vec![
                Same("camp dav".into()),
                Extra("o".into()),
                Missing("i".into()),
                Same("d".into())
            ]
        );
        assert_eq!(
            diff("kimm", "kim"),
            vec![Same("ki".into()), Extra("m".into()), Same("m".into())]
        );
    }
}
