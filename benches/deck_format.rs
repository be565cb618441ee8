//! Parse and validate a generated 100,000-card deck (the size the study engine's
//! open-to-first-card target is set for), and write it back.
//!
//! Run: `cargo bench --bench deck_format`. Criterion reports time and throughput (MB/s).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::{deck_to_ron, parse_deck};
use recap::model::{Card, CardId, Deck, DeckId};
use std::hint::black_box;
use std::path::Path;

/// A deck of `count` cards with news-FAQ-sized text (a question of ~80 and an answer of ~170
/// characters, with some non-ASCII), every card with an id, as the importer writes them.
fn generated_deck(count: usize) -> Deck {
    let mut rng = StdRng::seed_from_u64(1);
    let mut cards: Vec<Card> = Vec::with_capacity(count);
    let mut taken = std::collections::HashSet::new();
    for n in 0..count {
        let id = CardId::generate(&mut rng, |t| taken.contains(t));
        taken.insert(id.to_string());
        let front = format!("Question {n}: what did the leaders of Korea’s neighbours say about the summit?");
        let back = format!(
            "Answer {n}: they emphasised cooperation on security and the economy, and Путин and 김정은 \
             exchanged letters on the anniversary of liberation from colonial rule."
        );
        cards.push(Card::new(id, front, back));
    }
    Deck {
        id: DeckId::new("bench").unwrap(),
        title: "Generated".into(),
        description: String::new(),
        source: None,
        tags: Vec::new(),
        cards,
    }
}

fn bench_deck_format(c: &mut Criterion) {
    let deck = generated_deck(100_000);
    let text = deck_to_ron(&deck);
    let mut group = c.benchmark_group("deck_100k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_and_validate", |b| {
        b.iter(|| {
            let mut rng = StdRng::seed_from_u64(2);
            let parsed = parse_deck(black_box(&text), Path::new("bench.ron"), &mut rng).unwrap();
            assert_eq!(parsed.deck.cards.len(), 100_000);
        })
    });
    group.bench_function("write", |b| b.iter(|| black_box(deck_to_ron(black_box(&deck)))));
    group.finish();
}

criterion_group!(benches, bench_deck_format);
criterion_main!(benches);
