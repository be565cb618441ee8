//! `recap export DECK -o FILE.csv|.tsv|.apkg`: a deck as Anki-compatible text or an Anki
//! package.

use super::Cli;
use crate::deck::parse_deck;
use crate::export::{
    ExportFormat, deck_to_apkg, deck_to_table_text, left_out_of_apkg, left_out_of_table,
};
use crate::library::{Library, read_text};
use crate::model::{Clock, Deck, SystemClock};
use crate::store::atomic::{write_atomic, write_new};
use clap::Args;
use std::path::{Path, PathBuf};

/// Export a deck as CSV or TSV with Anki's text headers, or as an Anki package (.apkg): Anki's
/// File > Import reads all three.
///
/// Never overwrites a file without --force.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The deck: its id in the library (see `recap list`), or a .ron deck file.
    pub deck: String,
    /// The file to write: .csv, .tsv or .apkg.
    #[arg(short, long, value_name = "FILE.csv|FILE.tsv|FILE.apkg")]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(cli: &Cli, args: &ExportArgs) -> i32 {
    match export(cli, args) {
        Ok((cards, note)) => {
            println!("Exported {cards} cards into {}", args.output.display());
            if let Some(note) = note {
                println!("Note: {note}");
            }
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}

/// The number of cards written, and what the format could not carry.
fn export(cli: &Cli, args: &ExportArgs) -> Result<(usize, Option<String>), String> {
    let format = ExportFormat::from_path(&args.output).map_err(|e| e.to_string())?;
    let deck = find_deck(cli, &args.deck)?;
    let (bytes, left_out) = match format {
        ExportFormat::Apkg => {
            let bytes = deck_to_apkg(&deck, SystemClock.now())
                .map_err(|e| format!("{}: {e}", args.output.display()))?;
            (bytes, left_out_of_apkg(&deck))
        }
        ExportFormat::Csv | ExportFormat::Tsv => (
            deck_to_table_text(&deck, format).into_bytes(),
            left_out_of_table(&deck),
        ),
    };
    let written = if args.force {
        write_atomic(&args.output, &bytes)
    } else {
        write_new(&args.output, &bytes)
    };
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "{} already exists. Use --force to replace it, or -o to write elsewhere.",
            args.output.display()
        ),
        _ => format!("{}: cannot write the file: {e}", args.output.display()),
    })?;
    Ok((deck.cards.len(), left_out))
}

/// A deck file when `deck` names one (ends in .ron or exists), else the library's deck with
/// that id.
fn find_deck(cli: &Cli, deck: &str) -> Result<Deck, String> {
    let path = Path::new(deck);
    let mut rng = rand::rng();
    if path.extension().is_some_and(|e| e == "ron") || path.is_file() {
        return read_text(path)
            .and_then(|text| parse_deck(&text, path, &mut rng))
            .map(|parsed| parsed.deck)
            .map_err(|error| error.to_string());
    }
    let data = cli.data_dir().ok_or("no data folder")?;
    let library = Library::load(&data, &mut rng);
    library
        .find(deck)
        .map(|found| found.deck().clone())
        .ok_or_else(|| {
            format!(
                "no deck with the id \"{deck}\" in the library ({}). `recap list` shows the ids; or give the path of a .ron deck file.",
                data.decks().display()
            )
        })
}
