//! Today's queue: order, daily limits, learning cards, interleaving.

use recap::model::CardMap;
use recap::model::{Card, CardId, Deck, DeckId, Timestamp};
use recap::schedule::states_in_deck_order;
use recap::schedule::{CardState, DeckSettings, MemoryState, Phase, Scheduler};
use recap::study::{StudiedToday, Today, build_queue};

const NOW: Timestamp = Timestamp(1_700_000_000_000);

fn deck(cards: usize) -> Deck {
    Deck {
        id: DeckId::new("d").unwrap(),
        title: "D".into(),
        description: String::new(),
        source: None,
        tags: vec![],
        cards: (0..cards)
            .map(|i| Card::new(CardId::new(format!("c{i:03}")).unwrap(), "Q", "A"))
            .collect(),
    }
}

fn id(i: usize) -> CardId {
    CardId::new(format!("c{i:03}")).unwrap()
}

fn review(due_days: i64, elapsed_days: i64, stability: f32) -> CardState {
    CardState {
        phase: Phase::Review,
        step: 0,
        memory: Some(MemoryState {
            stability,
            difficulty: 5.0,
        }),
        due: NOW.plus_days(due_days),
        last_review: Some(NOW.plus_days(-elapsed_days)),
        reps: 3,
        lapses: 0,
    }
}

fn learning(due_minutes: f64) -> CardState {
    CardState {
        phase: Phase::Learning,
        due: NOW.plus_minutes(due_minutes),
        last_review: Some(NOW),
        reps: 1,
        ..Default::default()
    }
}

#[test]
fn learning_first_then_reviews_by_lowest_recall_with_new_cards_spread() {
    let deck = deck(8);
    let settings = DeckSettings::default();
    let scheduler = Scheduler::new(&settings).unwrap();
    let mut states = CardMap::default();
    states.insert(id(0), review(0, 10, 30.0)); // high recall
    states.insert(id(1), review(-2, 12, 2.0)); // low recall: first review
    states.insert(id(2), learning(-1.0)); // due a minute ago
    states.insert(id(3), review(5, 1, 10.0)); // not due today
    states.insert(id(4), learning(30.0)); // due later today
    // 5, 6, 7: new
    let day_end = NOW.plus_minutes(6.0 * 60.0);
    let mut queue = build_queue(
        &states_in_deck_order(&deck, &states),
        &scheduler,
        &settings,
        Today {
            now: NOW,
            day_end,
            studied: StudiedToday::default(),
        },
    );
    let counts = queue.counts();
    assert_eq!((counts.new, counts.learning, counts.review), (3, 2, 2));
    let mut order = Vec::new();
    while let Some(at) = queue.next(NOW) {
        order.push(deck.cards[at].id.to_string());
        queue.remove(at);
    }
    // c002 (learning, due) first; then 2 reviews and 3 new interleaved; c004 is due in 30 min,
    // beyond the 20-minute learn-ahead, so it waits.
    assert_eq!(order[0], "c002");
    assert_eq!(order.len(), 6);
    let reviews: Vec<_> = order
        .iter()
        .filter(|c| *c == "c000" || *c == "c001")
        .collect();
    assert_eq!(reviews, ["c001", "c000"], "lowest retrievability first");
    let new_positions: Vec<usize> = order
        .iter()
        .enumerate()
        .filter(|(_, c)| ["c005", "c006", "c007"].contains(&c.as_str()))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(new_positions.len(), 3);
    assert_ne!(
        new_positions,
        [3, 4, 5],
        "new cards are spread among reviews, not left to the end: {order:?}"
    );
    assert_eq!(queue.next_learning_due(), Some(NOW.plus_minutes(30.0)));
    assert_eq!(
        queue.next(NOW.plus_minutes(11.0)),
        Some(4),
        "learn-ahead within 20 minutes once nothing else is left"
    );
}

#[test]
fn daily_limits_count_what_was_studied_today() {
    let deck = deck(30);
    let settings = DeckSettings {
        new_per_day: 20,
        reviews_per_day: 5,
        ..Default::default()
    };
    let scheduler = Scheduler::new(&settings).unwrap();
    let mut states = CardMap::default();
    for i in 0..10 {
        states.insert(id(i), review(-1, 5, 5.0));
    }
    let day_end = NOW.plus_minutes(60.0);
    let fresh = build_queue(
        &states_in_deck_order(&deck, &states),
        &scheduler,
        &settings,
        Today {
            now: NOW,
            day_end,
            studied: StudiedToday::default(),
        },
    );
    assert_eq!((fresh.counts().new, fresh.counts().review), (20, 5));
    let studied = StudiedToday {
        new_cards: 15,
        reviews: 4,
    };
    let later = build_queue(
        &states_in_deck_order(&deck, &states),
        &scheduler,
        &settings,
        Today {
            now: NOW,
            day_end,
            studied: studied,
        },
    );
    assert_eq!((later.counts().new, later.counts().review), (5, 1));
}

#[test]
fn an_answered_card_returns_only_if_due_again_today() {
    let deck = deck(2);
    let settings = DeckSettings::default();
    let scheduler = Scheduler::new(&settings).unwrap();
    let states = CardMap::default();
    let day_end = NOW.plus_days(1);
    let mut queue = build_queue(
        &states_in_deck_order(&deck, &states),
        &scheduler,
        &settings,
        Today {
            now: NOW,
            day_end,
            studied: StudiedToday::default(),
        },
    );
    queue.schedule(0, &learning(1.0));
    assert_eq!(queue.counts().learning, 1);
    let graduated = review(3, 0, 3.0);
    queue.schedule(0, &graduated);
    assert_eq!(queue.counts().learning, 0);
    assert_eq!(queue.counts().new, 1);
}
