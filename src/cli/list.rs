//! `recap list`: the decks in the library with their card counts.

use super::Cli;
use crate::library::{DeckOrigin, Library};
use clap::Args;

/// List the decks in the library (bundled and in the data folder), newest article first.
#[derive(Debug, Args)]
pub struct ListArgs {}

pub fn run(cli: &Cli, _args: &ListArgs) -> i32 {
    let Some(data) = cli.data_dir() else { return 1 };
    let library = Library::load(&data, &mut rand::rng());
    println!("{:<32} {:>5}  {:<10}  TITLE", "ID", "CARDS", "DATE");
    for entry in &library.decks {
        let deck = entry.deck();
        let date = deck
            .source
            .as_ref()
            .and_then(|s| s.date.as_deref())
            .unwrap_or("-");
        let bundled = if matches!(entry.origin, DeckOrigin::Bundled { .. }) {
            " (bundled)"
        } else {
            ""
        };
        println!(
            "{:<32} {:>5}  {:<10}  {}{bundled}",
            deck.id.as_str(),
            deck.cards.len(),
            date,
            deck.title
        );
    }
    for conflict in &library.conflicts {
        println!(
            "sync conflict: {} is {}'s copy of {}; open the window to keep one or merge both",
            conflict.copy.display(),
            conflict.tool.name(),
            conflict.original_name()
        );
    }
    for failed in &library.failed {
        println!("failed to load {}:", failed.path.display());
        for problem in &failed.error.problems {
            println!("  {problem}");
        }
    }
    0
}
