//! Wrong answers for multiple-choice questions.
//!
//! A good wrong answer is plausible: the teacher's own `choices` are best, then answers to
//! other questions on the same topic (the same decks). Among those, ones of similar length
//! are preferred, because a lone long answer among short ones gives itself away. No option
//! may read like the right answer or like another option once normalised (case, accents,
//! punctuation), or the question would have two right answers or a visible duplicate.

use super::normalize::normalize;
use crate::model::Card;
use rand::seq::SliceRandom;
use rand::{Rng, RngExt};
use std::collections::HashSet;

/// Wrong options shown beside the right one when there are enough.
pub const WRONG_OPTIONS: usize = 3;

/// Up to `wanted` wrong answers to `card` (whose right answer is its back): first its own
/// `choices` (in random order), then the backs of `pool`'s cards, closest in length first
/// with ties in random order. `pool` may hold `card` itself: its back equals the right answer
/// and is left out like any other duplicate. Fewer than `wanted` when no more distinct
/// answers exist (a small deck). For many questions on one pool, make an [`AnswerPool`] once.
pub fn pick_distractors(
    card: &Card,
    pool: &[&Card],
    wanted: usize,
    rng: &mut impl Rng,
) -> Vec<String> {
    AnswerPool::new(pool, rng).pick(card, wanted, rng)
}

/// A quiz's answers sorted by length once (equal lengths in random order), so that each
/// question looks only at the answers nearest its own in length: a quiz over a 100,000-card
/// deck would otherwise sort the whole deck for every question.
pub struct AnswerPool<'a> {
    /// Length in characters and the answer, shortest first.
    by_length: Vec<(usize, &'a str)>,
}

impl<'a> AnswerPool<'a> {
    pub fn new(pool: &[&'a Card], rng: &mut impl Rng) -> AnswerPool<'a> {
        let mut by_length: Vec<(usize, &'a str)> = pool
            .iter()
            .map(|card| (card.back.chars().count(), card.back.as_str()))
            .collect();
        by_length.shuffle(rng);
        // Stable: equal lengths keep their random order.
        by_length.sort_by_key(|(len, _)| *len);
        AnswerPool { by_length }
    }

    /// See [`pick_distractors`].
    pub fn pick(&self, card: &Card, wanted: usize, rng: &mut impl Rng) -> Vec<String> {
        let mut seen: HashSet<String> = HashSet::from([normalize(&card.back)]);
        let mut picked = Vec::with_capacity(wanted);
        let mut take = |text: &str, picked: &mut Vec<String>| {
            let form = normalize(text);
            if !form.is_empty() && seen.insert(form) {
                picked.push(text.trim().to_string());
            }
        };
        let mut own: Vec<&str> = card.choices.iter().map(String::as_str).collect();
        own.shuffle(rng);
        for choice in own {
            if picked.len() < wanted {
                take(choice, &mut picked);
            }
        }
        let mut nearest = self.nearest(card.back.chars().count());
        while picked.len() < wanted {
            let Some(other) = nearest.next(rng) else {
                break;
            };
            take(other, &mut picked);
        }
        picked
    }

    fn nearest(&self, len: usize) -> Nearest<'_, 'a> {
        let split = self.by_length.partition_point(|(l, _)| *l < len);
        Nearest {
            by_length: &self.by_length,
            len,
            below: split,
            above: split,
        }
    }
}

/// Walks outwards from a length: the nearer side first, a coin toss when both are as near.
struct Nearest<'p, 'a> {
    by_length: &'p [(usize, &'a str)],
    len: usize,
    /// The next answer down is at `below - 1`; the next one up at `above`.
    below: usize,
    above: usize,
}

impl<'a> Nearest<'_, 'a> {
    fn next(&mut self, rng: &mut impl Rng) -> Option<&'a str> {
        let down = self
            .below
            .checked_sub(1)
            .map(|i| self.len - self.by_length[i].0);
        let up = self.by_length.get(self.above).map(|(l, _)| l - self.len);
        let go_up = match (down, up) {
            (None, None) => return None,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (Some(down), Some(up)) => up < down || (up == down && rng.random_bool(0.5)),
        };
        if go_up {
            self.above += 1;
            Some(self.by_length[self.above - 1].1)
        } else {
            self.below -= 1;
            Some(self.by_length[self.below].1)
        }
    }
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

    #[test]
    fn a_pool_gives_the_nearest_lengths_from_both_sides_for_every_question() {
        let letters = "abcdefghi";
        let cards: Vec<Card> = (1..=9)
            .map(|n| card(&format!("c{n}"), &letters[..n].replace('a', "x")))
            .collect();
        let pool: Vec<&Card> = cards.iter().collect();
        let mut rng = StdRng::seed_from_u64(3);
        let answers = AnswerPool::new(&pool, &mut rng);
        for seed in 0..20 {
            let mut rng = StdRng::seed_from_u64(seed);
            // The asked card's back has 5 characters: 4 and 6 come first, then 3 or 7.
            let lengths: Vec<usize> = answers
                .pick(&cards[4], 3, &mut rng)
                .iter()
                .map(|a| a.chars().count())
                .collect();
            let mut first_two = lengths[..2].to_vec();
            first_two.sort();
            assert_eq!(first_two, [4, 6], "{lengths:?}");
            assert!([3, 7].contains(&lengths[2]), "{lengths:?}");
        }
    }
}
