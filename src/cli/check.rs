//! `recap check FILE...`: validate deck files, listing every problem.

use crate::deck::parse_deck;
use crate::library::read_text;
use clap::Args;
use std::path::PathBuf;

/// Check deck files for problems; exits 1 if any file has one. Every problem is listed as
/// FILE:LINE:COLUMN: message.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Deck files (.ron) to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(args: &CheckArgs) -> i32 {
    let mut failed = 0;
    let mut rng = rand::rng();
    for file in &args.files {
        match read_text(file).and_then(|text| parse_deck(&text, file, &mut rng)) {
            Ok(parsed) => {
                let missing = parsed.assigned.cards.len();
                let note = if missing > 0 {
                    format!("; {missing} without an id, given one when first studied")
                } else {
                    String::new()
                };
                println!(
                    "{}: ok ({} cards{note})",
                    file.display(),
                    parsed.deck.cards.len()
                );
            }
            Err(error) => {
                failed += 1;
                for problem in &error.problems {
                    println!("{problem}");
                }
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} files have problems", args.files.len());
        1
    } else {
        0
    }
}
