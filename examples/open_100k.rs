//! Opens a generated 100,000-card deck with progress for every card, builds today's queue, and
//! prints how long that took and the process's peak memory (issue 3: ≤ 150 MB).
//!
//! Run: `cargo run --release --example open_100k`. Generating the files happens first, in a
//! child process, so the peak printed is that of opening alone.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, data_folder] = args.as_slice()
        && flag == "--open"
    {
        return open(data_folder);
    }
    let mut folder = common::study_folder(common::CARD_COUNT);
    // `--keep`: leave the files for profiling the child alone
    // (`open_100k --open DATA_FOLDER`, e.g. under `valgrind --tool=callgrind`).
    if args.get(1).is_some_and(|a| a == "--keep") {
        println!("kept: {}", folder.keep().display());
        return;
    }
    println!(
        "generated: deck {:.1} MB, snapshot {:.1} MB, history of {} answers {:.1} MB",
        folder.deck_bytes as f64 / 1e6,
        folder.snapshot_bytes as f64 / 1e6,
        common::HISTORY_ANSWERS,
        std::fs::metadata(folder.progress.history(&common::bench_device()))
            .map_or(0.0, |m| m.len() as f64 / 1e6)
    );
    // The first opening parses the deck file and caches it; the second reads the cache.
    for run in [
        "deck file parsed (first open, or after an edit)",
        "deck from its cache",
    ] {
        println!("--- {run}");
        let status = std::process::Command::new(&args[0])
            .arg("--open")
            .arg(folder.data.root())
            .status()
            .expect("run the opening child process");
        assert!(status.success(), "opening failed: {status}");
    }
}

/// In the child: open the files another process generated, as the app would.
fn open(data_folder: &str) {
    let folder = common::existing_folder(data_folder.into());
    let cpu_before = cpu_ms();
    let started = Instant::now();
    // What `common::open_in_app` does, each step timed.
    let mut deck = common::library_deck(&folder);
    let library = started.elapsed();
    let study = common::study_open(&folder, &mut deck);
    let elapsed = started.elapsed();
    let cpu = cpu_ms()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    let counts = study.session().counts();
    println!(
        "opened {} cards; queue: {} learning, {} review, {} new",
        study.session().cards().len(),
        counts.learning,
        counts.review,
        counts.new
    );
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!("open to first card: {:.1} ms", ms(elapsed));
    println!(
        "  load the library (the deck from its cache, or parsed): {:.1} ms",
        ms(library)
    );
    println!(
        "  open it for study (progress, states in deck order, queue, first card): {:.1} ms",
        ms(elapsed - library)
    );
    // On a loaded machine wall time is mostly waiting for a core; CPU time is the work.
    println!("  CPU time (user + system): {cpu:?} ms");
    println!(
        "peak RSS (VmHWM): {}",
        peak_rss().unwrap_or_else(|| "unknown".into())
    );
}

/// The process's peak resident memory, from Linux's `/proc/self/status`.
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

/// User + system CPU time of this process so far, in ms (Linux `/proc/self/stat`, 100 Hz ticks).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}
