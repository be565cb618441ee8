//! Issue 3's speed targets on a generated 100,000-card deck with progress for every card
//! (mixed phases) and a history of 300,000 answers, in a temporary data folder:
//! - open to first card, as the app does it (`in_app_to_first_card`: load the library, whose
//!   decks come from their caches unbuilt, `StudyDeck::open`, the session's first card; target:
//!   faster than Anki's ~40–100 ms); the click on Study alone; the first answer after opening
//!   (it also reads the progress's cards into the store's map); the library's overview of the
//!   deck; the same steps with every card built (`to_first_card`, as when the editor or a quiz
//!   has asked for the whole deck); and with the deck file changed (parsed again);
//! - one answer: schedule it and save it durably (fsync) (target: ≤ 1 ms);
//! - a checkpoint: the snapshot rewritten (and its text alone).
//!
//! Run: `cargo bench --bench study`. `TMPDIR` picks the disk the fsyncs go to.
//! Peak memory: `cargo run --release --example open_100k`.

mod common;

use common::{
    CARD_COUNT, NOW, library_deck, open_in_app, open_parsing_the_deck, open_progress,
    open_to_first_card, study_folder, study_open, today,
};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::parse_deck;
use recap::model::Deck;
use recap::model::{Rating, Timestamp};
use recap::schedule::Scheduler;
use recap::store::progress::ProgressStore;
use recap::study::{build_queue, deck_overview};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn bench_open(c: &mut Criterion) {
    let folder = study_folder(CARD_COUNT);
    let mut group = c.benchmark_group("open_100k");
    group.sample_size(20);
    // The first load parses the deck file and writes its cache; every later one reads the cache.
    library_deck(&folder);
    group.bench_function("to_first_card", |b| {
        b.iter(|| black_box(open_to_first_card(&folder)))
    });
    group.bench_function("in_app_to_first_card", |b| {
        b.iter(|| black_box(open_in_app(&folder)))
    });
    // The click on Study: the library is loaded already.
    let deck = library_deck(&folder);
    group.bench_function("study_open_to_first_card", |b| {
        b.iter_batched(
            || deck.clone(),
            |mut deck| black_box(study_open(&folder, &mut deck)),
            BatchSize::LargeInput,
        )
    });
    // The first answer after opening also reads the snapshot's cards into the store's map.
    // Closed after each (not timed), so the next open finds a checkpointed folder again.
    group.bench_function("first_answer_after_open", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                let mut study = open_in_app(&folder);
                let started = Instant::now();
                let answer = study
                    .answer(Rating::Good, NOW)
                    .expect("the answer is saved");
                spent += started.elapsed();
                black_box(answer);
                study.close().expect("the progress is saved");
            }
            spent
        })
    });
    group.bench_function("library_overview", |b| {
        b.iter(|| black_box(deck_overview(&folder.data, &deck, NOW, 0).unwrap()))
    });
    group.bench_function("to_first_card_deck_file_changed", |b| {
        b.iter(|| black_box(open_parsing_the_deck(&folder)))
    });
    group.bench_function("library_deck_from_cache", |b| {
        b.iter(|| black_box(library_deck(&folder)))
    });
    group.bench_function("deck_read_and_parse", |b| {
        b.iter(|| {
            let text = std::fs::read_to_string(&folder.deck_file).unwrap();
            let mut rng = StdRng::seed_from_u64(2);
            black_box(parse_deck(&text, &folder.deck_file, &mut rng).unwrap())
        })
    });
    group.bench_function("progress_open", |b| {
        b.iter(|| black_box(open_progress(&folder)))
    });
    let mut opened = open_to_first_card(&folder);
    let states = opened
        .store
        .states_in_order(&*opened.deck)
        .expect("the cards read");
    group.bench_function("build_queue", |b| {
        b.iter(|| {
            black_box(build_queue(
                &states,
                &opened.scheduler,
                opened.store.settings(),
                today(),
            ))
        })
    });
    group.finish();
}

fn bench_answer(c: &mut Criterion) {
    let folder = study_folder(CARD_COUNT);
    let opened = open_to_first_card(&folder);
    let (deck, mut store, scheduler) = (opened.deck, opened.store, opened.scheduler);
    let mut group = c.benchmark_group("answer_100k");
    let mut answered = 0usize;
    group.bench_function("schedule_and_save_durably", |b| {
        b.iter(|| {
            let card = &deck.cards[answered * 7919 % deck.cards.len()].id;
            let now = Timestamp(NOW.0 + answered as i64 * 1000);
            let state = store.state(card).unwrap().cloned().unwrap_or_default();
            let outcome = scheduler.answer(&state, Rating::Good, now, answered as u64);
            let seq = store
                .record_answer(card.clone(), now, Rating::Good, 4000, outcome.state)
                .unwrap();
            answered += 1;
            black_box(seq)
        })
    });
    group.finish();
    eprintln!("answer_100k: {answered} answers recorded in the benchmark's journal");
}

fn bench_checkpoint(c: &mut Criterion) {
    let folder = study_folder(CARD_COUNT);
    let mut group = c.benchmark_group("checkpoint_100k");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(folder.snapshot_bytes as u64));
    let mut store = open_progress(&folder);
    group.bench_function("snapshot_to_text", |b| {
        b.iter(|| black_box(store.progress().expect("the cards read").to_text()))
    });
    let scheduler = Scheduler::new(store.settings()).unwrap();
    let deck = folder.deck.clone();
    group.bench_function("after_20_answers_with_fsync", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                answer_first_cards(&mut store, &scheduler, &deck, 20);
                let started = Instant::now();
                store.checkpoint().unwrap();
                spent += started.elapsed();
            }
            spent
        })
    });
    group.finish();
}

/// Answers the deck's first `count` cards Good (the journal a checkpoint moves).
fn answer_first_cards(store: &mut ProgressStore, scheduler: &Scheduler, deck: &Deck, count: usize) {
    for (n, card) in deck.cards.iter().take(count).enumerate() {
        let now = Timestamp(NOW.0 + n as i64);
        let state = store.state(&card.id).unwrap().cloned().unwrap_or_default();
        let outcome = scheduler.answer(&state, Rating::Good, now, n as u64);
        store
            .record_answer(card.id.clone(), now, Rating::Good, 4000, outcome.state)
            .unwrap();
    }
}

criterion_group!(benches, bench_open, bench_answer, bench_checkpoint);
criterion_main!(benches);
