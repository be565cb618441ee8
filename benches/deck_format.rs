//! Parse and validate a generated 100,000-card deck (the size the study engine's
//! open-to-first-card target is set for), and write it back.
//!
//! Run: `cargo bench --bench deck_format`. Criterion reports time and throughput (MB/s).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
mod common;

use common::{CARD_COUNT, generated_deck};
use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::{deck_to_ron, parse_deck};
use std::hint::black_box;
use std::path::Path;

fn bench_deck_format(c: &mut Criterion) {
    let deck = generated_deck(CARD_COUNT);
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
    group.bench_function("write", |b| {
        b.iter(|| black_box(deck_to_ron(black_box(&deck))))
    });
    group.finish();
}

criterion_group!(benches, bench_deck_format);
criterion_main!(benches);
