//! Wrong answers for multiple-choice questions.
//!
//! A good wrong answer is plausible: the teacher's own `choices` are best, then answers to
//! other questions on the same topic (the same decks). Among those, ones of similar length
//! are preferred, because a lone long answer among short ones gives itself away. No option
//! may read like the right answer or like another option once normalised (case, accents,
//! punctuation), or the question would have two right answers or a visible duplicate.

use super::normalize::normalize;
use crate::model::Card;
use rand::Rng;
use rand::seq::SliceRandom;
use std::collections::HashSet;

/// Wrong options shown beside the right one when there are enough.
pub const WRONG_OPTIONS: usize = 3;

/// Up to `wanted` wrong answers to `card` (whose right answer is its back): first its own
/// `choices` (in random order), then the backs of `pool`'s cards, closest in length first
/// with ties in random order. `pool` may hold `card` itself: its back equals the right answer
/// and is left out like any other duplicate. Fewer than `wanted` when no more distinct
/// answers exist (a small deck).
pub fn pick_distractors(
    card: &Card,
    pool: &[&Card],
    wanted: usize,
    rng: &mut impl Rng,
) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::from([normalize(&card.back)]);
    let mut picked = Vec::with_capacity(wanted);
    let mut take = |text: &str, picked: &mut Vec<String>| {
        let form = normalize(text);
        if picked.len() < wanted && !form.is_empty() && seen.insert(form) {
            picked.push(text.trim().to_string());
        }
    };

    let mut own: Vec<&str> = card.choices.iter().map(String::as_str).collect();
    own.shuffle(rng);
    for choice in own {
        take(choice, &mut picked);
    }

    let right_len = card.back.chars().count();
    let mut others: Vec<&str> = pool.iter().map(|other| other.back.as_str()).collect();
    others.shuffle(rng);
    // A stable sort keeps the random order among answers equally close in length; each
    // length is counted once (a pool can be a 100,000-card deck).
    others.sort_by_cached_key(|text| text.chars().count().abs_diff(right_len));
    // Stop once enough are picked: comparing forms normalises each text, and the rest of a
    // big pool could not be picked anyway.
    for other in others {
        if picked.len() == wanted {
            break;
        }
        take(other, &mut picked);
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CardId;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn card(id: &str, back: &str) -> Card {
        Card::new(CardId::new(id).unwrap(), format!("Question {id}?"), back)
    }

    #[test]
    fn similar_lengths_come_first() {
        let asked = card("a", "Pyongyang");
        let pool = [
            card(
                "b",
                "A very long answer that nobody would pick as a capital city",
            ),
            card("c", "Moscow"),
            card("d", "Beijing"),
            card("e", "Washington DC"),
            card("f", "Seoul"),
        ];
        let pool: Vec<&Card> = pool.iter().collect();
        let picked = pick_distractors(&asked, &pool, 3, &mut StdRng::seed_from_u64(1));
        assert_eq!(picked.len(), 3);
        assert!(
            !picked.iter().any(|p| p.starts_with("A very long")),
            "{picked:?}"
        );
    }

    #[test]
    fn duplicates_after_normalising_are_skipped() {
        let mut asked = card("a", "Camp David");
        asked.choices = vec!["camp-david".into(), "Moscow".into(), "moscow!".into()];
        let pool = [
            card("b", "CAMP DAVID"),
            card("c", "Móscow"),
            card("d", "Seoul"),
        ];
        let pool: Vec<&Card> = pool.iter().collect();
        let picked = pick_distractors(&asked, &pool, 3, &mut StdRng::seed_from_u64(2));
        let mut forms: Vec<String> = picked.iter().map(|p| normalize(p)).collect();
        forms.sort();
        assert_eq!(forms, ["moscow", "seoul"]);
    }
}
