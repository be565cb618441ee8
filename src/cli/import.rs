//! `recap import ARTICLE [-o DECK.ron]`: a deck from an article's FAQ section.

use super::Cli;
use crate::deck::deck_to_ron;
use crate::import::{ArticleDeckOptions, deck_from_article, parse_article_file};
use crate::library::Library;
use crate::model::DeckId;
use crate::store::atomic::{write_atomic, write_new};
use clap::Args;
use std::path::{Path, PathBuf};

/// Build a deck from a news article's FAQ section (plain text, Markdown or HTML).
///
/// Writes the deck to the library's decks folder (file name from the title) unless -o is
/// given, and prints the number of cards and the path. Never overwrites a file without --force.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article: .txt, .md or .html.
    pub article: PathBuf,
    /// Where to write the deck (a .ron file). Its file name also gives the deck's id.
    #[arg(short, long, value_name = "DECK.ron")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// The deck's title, when the article has no headline or another is wanted.
    #[arg(long)]
    pub title: Option<String>,
    /// The article's date (YYYY-MM-DD), when the article does not give one.
    #[arg(long)]
    pub date: Option<String>,
}

pub fn run(cli: &Cli, args: &ImportArgs) -> i32 {
    match import(cli, args) {
        Ok((cards, path)) => {
            println!("Imported {cards} cards into {}", path.display());
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}

fn import(cli: &Cli, args: &ImportArgs) -> Result<(usize, PathBuf), String> {
    if let Some(date) = &args.date {
        check_date(date)?;
    }
    let article = parse_article_file(&args.article).map_err(|e| e.to_string())?;
    let file_name = args
        .article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let options = ArticleDeckOptions {
        title: args.title.clone(),
        date: args.date.clone(),
        file_name,
    };
    let mut rng = rand::rng();
    let mut deck = deck_from_article(&article, &options, &mut rng);
    // The deck id names progress files: from -o's file name, else the title's slug made unique
    // in the library (never a bundled or existing deck's id).
    let output = match &args.output {
        Some(path) => {
            deck.id = id_from_path(path);
            path.clone()
        }
        None => {
            let data = cli.data_dir().ok_or("no data folder")?;
            let library = Library::load(&data, &mut rng);
            deck.id = unused_id(&deck.id, |id| library.has_id(id) && !args.force);
            data.decks().join(format!("{}.ron", deck.id))
        }
    };
    let text = deck_to_ron(&deck);
    let written = if args.force {
        write_atomic(&output, text.as_bytes())
    } else {
        write_new(&output, text.as_bytes())
    };
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            format!(
                "{} already exists. Use --force to replace it, or -o to write elsewhere.",
                output.display()
            )
        }
        _ => format!("{}: cannot write the deck: {e}", output.display()),
    })?;
    Ok((deck.cards.len(), output))
}

/// The deck id a file name gives: its stem as a slug.
fn id_from_path(path: &Path) -> DeckId {
    DeckId::slug(
        &path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
    )
}

/// `wanted`, or `wanted-2`, `wanted-3`… if taken: two decks must not share progress files.
fn unused_id(wanted: &DeckId, taken: impl Fn(&DeckId) -> bool) -> DeckId {
    (1..)
        .map(|n| {
            if n == 1 {
                wanted.clone()
            } else {
                DeckId::slug(&format!("{wanted}-{n}"))
            }
        })
        .find(|id| !taken(id))
        .unwrap_or_else(|| wanted.clone())
}

fn check_date(date: &str) -> Result<(), String> {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "--date {date:?} is not a date: write it as YYYY-MM-DD"
        ))
    }
}
