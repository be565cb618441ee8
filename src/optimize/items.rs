//! Turns a review history into the training items the `fsrs` crate learns from.
//!
//! Each review after a card's first becomes one item holding the card's whole history up to it;
//! the model predicts the last review's outcome from the ones before. As Anki does, only reviews
//! on a later study day than the card's previous review become items: same-day repeats are
//! short-term practice, which the long-term memory model is not asked to predict (they still
//! appear, with a delta of 0 days, in the history of later items).

use super::review::{DayBoundary, Review};
use fsrs::{FSRSItem, FSRSReview};
use std::collections::HashMap;

/// Training items in the order the optimizer needs: by the time of their last review, so that
/// recency weights favour recent behaviour and time-series splits train only on the past.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingItems {
    pub items: Vec<FSRSItem>,
    /// Per item, a number naming its card (the crate groups one card's items with it).
    pub card_ids: Vec<i64>,
}

impl TrainingItems {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Builds the items from reviews in any order: shuffling the input gives the same items and card
/// numbers, except that reviews of one card at the very same instant keep their input order.
pub fn build_items(reviews: &[Review], days: DayBoundary) -> TrainingItems {
    let mut timed_items: Vec<(i64, usize, FSRSItem, i64)> = Vec::new();
    for (card_number, history) in histories_by_card(reviews).into_iter().enumerate() {
        let fsrs_reviews = to_fsrs_reviews(&history, days);
        for (index, review) in history.iter().enumerate().skip(1) {
            if fsrs_reviews[index].delta_t == 0 {
                continue;
            }
            let item = FSRSItem {
                reviews: fsrs_reviews[..=index].to_vec(),
            };
            let order = timed_items.len();
            timed_items.push((review.at.millis(), order, item, card_number as i64));
        }
    }
    timed_items.sort_by_key(|(at, order, _, _)| (*at, *order));
    let (items, card_ids) = timed_items
        .into_iter()
        .map(|(_, _, item, card)| (item, card))
        .unzip();
    TrainingItems { items, card_ids }
}

/// Each card's reviews in time order; cards ordered by their first review, then by id, so the
/// numbering does not depend on the order of the input.
fn histories_by_card(reviews: &[Review]) -> Vec<Vec<&Review>> {
    let mut index_of_card: HashMap<&str, usize> = HashMap::new();
    let mut histories: Vec<Vec<&Review>> = Vec::new();
    for review in reviews {
        let index = *index_of_card.entry(&review.card).or_insert_with(|| {
            histories.push(Vec::new());
            histories.len() - 1
        });
        histories[index].push(review);
    }
    for history in &mut histories {
        history.sort_by_key(|review| review.at); // stable: ties keep input order
    }
    histories.sort_by(|a, b| (a[0].at, &a[0].card).cmp(&(b[0].at, &b[0].card)));
    histories
}

/// Ratings with the number of study days since the previous review (0 for the first).
fn to_fsrs_reviews(history: &[&Review], days: DayBoundary) -> Vec<FSRSReview> {
    let mut previous_day: Option<i64> = None;
    history
        .iter()
        .map(|review| {
            let day = days.day_of(review.at);
            let delta_t = previous_day.map_or(0, |previous| (day - previous).max(0) as u32);
            previous_day = Some(day);
            FSRSReview {
                rating: u32::from(review.rating.number()),
                delta_t,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MS_PER_DAY, MS_PER_HOUR, Rating, Timestamp};

    fn review(card: &str, rating: Rating, at_ms: i64) -> Review {
        Review {
            card: card.to_string(),
            rating,
            at: Timestamp(at_ms),
            duration_ms: 0,
        }
    }

    #[test]
    fn first_reviews_and_same_day_repeats_are_not_items() {
        let day = 100 * MS_PER_DAY;
        let reviews = [
            review("a", Rating::Again, day + 10 * MS_PER_HOUR),
            review("a", Rating::Good, day + 11 * MS_PER_HOUR),
            review("a", Rating::Good, day + MS_PER_DAY + 10 * MS_PER_HOUR),
        ];
        let built = build_items(&reviews, DayBoundary::default());
        assert_eq!(built.items.len(), 1);
        let deltas: Vec<u32> = built.items[0].reviews.iter().map(|r| r.delta_t).collect();
        let ratings: Vec<u32> = built.items[0].reviews.iter().map(|r| r.rating).collect();
        assert_eq!(deltas, [0, 0, 1]);
        assert_eq!(ratings, [1, 3, 3]);
    }

    #[test]
    fn items_are_sorted_by_time_across_cards() {
        let day = 100 * MS_PER_DAY + 12 * MS_PER_HOUR;
        let reviews = [
            review("a", Rating::Good, day),
            review("a", Rating::Good, day + 5 * MS_PER_DAY),
            review("b", Rating::Good, day + MS_PER_HOUR),
            review("b", Rating::Hard, day + 2 * MS_PER_DAY),
        ];
        let built = build_items(&reviews, DayBoundary::default());
        let last_deltas: Vec<u32> = built
            .items
            .iter()
            .map(|item| item.reviews.last().unwrap().delta_t)
            .collect();
        assert_eq!(last_deltas, [2, 5]);
        assert_eq!(built.card_ids, [1, 0]); // cards numbered by first review
    }
}
