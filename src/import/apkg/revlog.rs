//! Anki's review log into answers for the imported deck's journal: each answer (button 1–4)
//! on a card that was imported, in time order. A card reset to new in Anki ("Forget") starts
//! over: its answers before the reset are dropped, as Anki's own FSRS ignores them.

use super::collection::RevlogRow;
use super::text::Tally;
use crate::model::{CardId, Rating, Timestamp};
use crate::study::MAX_ANSWER_MS;
use std::collections::HashMap;

/// Review log kinds that are answers: learning, review, relearning, filtered deck.
const ANSWER_KINDS: [i64; 4] = [0, 1, 2, 3];
/// A manual change: with interval 0, the card was reset to new.
const MANUAL: i64 = 4;

/// One answer given in Anki.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub card: CardId,
    pub at: Timestamp,
    pub rating: Rating,
    pub took_ms: u32,
}

/// The answers to replay, and what was left out.
#[derive(Debug, Default)]
pub struct Reviews {
    pub answers: Vec<Review>,
    pub skipped: Tally,
}

/// The answers in `revlog` (in time order) to the cards in `card_ids`.
pub fn reviews(revlog: &[RevlogRow], card_ids: &HashMap<i64, CardId>) -> Reviews {
    let mut out = Reviews::default();
    for row in revlog {
        let Some(card) = card_ids.get(&row.card) else {
            out.skipped.add("of cards not imported");
            continue;
        };
        let rating = u8::try_from(row.ease).ok().and_then(Rating::from_number);
        match rating {
            Some(rating) if ANSWER_KINDS.contains(&row.kind) => out.answers.push(Review {
                card: card.clone(),
                at: Timestamp(row.id),
                rating,
                took_ms: row.time_ms.clamp(0, MAX_ANSWER_MS) as u32,
            }),
            _ if row.kind == MANUAL && row.interval == 0 => {
                let before = out.answers.len();
                out.answers.retain(|a| &a.card != card);
                for _ in out.answers.len()..before {
                    out.skipped
                        .add("given before the card was reset to new in Anki");
                }
                out.skipped.add("that reset a card to new");
            }
            _ => out.skipped.add("that rescheduled a card without an answer"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, card: i64, ease: i64, kind: i64, interval: i64) -> RevlogRow {
        RevlogRow {
            id,
            card,
            ease,
            time_ms: 90_000,
            kind,
            interval,
        }
    }

    #[test]
    fn answers_are_kept_resets_start_over_and_the_rest_is_counted() {
        let a = CardId::new("a").unwrap();
        let ids = HashMap::from([(1, a.clone()), (2, a.reversed())]);
        let log = [
            row(10, 1, 3, 0, -600),
            row(20, 2, 1, 1, 1),
            row(30, 1, 0, MANUAL, 0),
            row(40, 1, 4, 0, 3),
            row(50, 9, 3, 1, 3),
            row(60, 2, 0, 5, 9),
        ];
        let reviews = reviews(&log, &ids);
        let kept: Vec<(i64, &str, Rating)> = reviews
            .answers
            .iter()
            .map(|r| (r.at.0, r.card.as_str(), r.rating))
            .collect();
        assert_eq!(
            kept,
            [(20, "a~rev", Rating::Again), (40, "a", Rating::Easy)]
        );
        assert_eq!(reviews.answers[0].took_ms, 60_000);
        assert_eq!(reviews.skipped.total(), 4);
    }
}
