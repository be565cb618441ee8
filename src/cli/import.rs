//! `recap import FILE [-o DECK.ron]`: a deck from an article's FAQ section or a table of cards.

use super::Cli;
use crate::deck::deck_to_ron;
use crate::import::tabular::{
    FileFormat, QuizletSeparators, TableDeckOptions, TableFormat, deck_from_table, detect_format,
    separator_from_arg,
};
use crate::import::{
    ArticleDeckOptions, deck_from_article, parse_article_file, parse_table_file, read_article,
};
use crate::library::Library;
use crate::model::{Deck, DeckId};
use crate::store::atomic::{write_atomic, write_new};
use clap::{Args, ValueEnum};
use rand::Rng;
use std::path::{Path, PathBuf};

/// Build a deck from a news article's FAQ section (plain text, Markdown or HTML), or from a
/// table of cards (CSV/TSV, Anki's or Quizlet's text export).
///
/// The format follows the extension (.csv, .tsv) and, for .txt, the content. Writes the deck
/// to the library's decks folder (file name from the title) unless -o is given, and prints the
/// number of cards, the path, and any rows skipped. Never overwrites a file without --force.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: an article (.txt, .md, .html) or a table (.csv, .tsv, .txt).
    #[arg(value_name = "FILE")]
    pub article: PathBuf,
    /// Where to write the deck (a .ron file). Its file name also gives the deck's id.
    #[arg(short, long, value_name = "DECK.ron")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// The deck's title. Default: the article's headline; for a table, the file name made
    /// readable ("world-capitals.csv" → "World Capitals").
    #[arg(long)]
    pub title: Option<String>,
    /// The source's date (YYYY-MM-DD), when the article does not give one.
    #[arg(long)]
    pub date: Option<String>,
    /// Read the file as this format instead of guessing from its name and content.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Quizlet text: what separates term and definition (default tab). `\t`, `,` or any text.
    #[arg(long, value_name = "SEP")]
    pub field_sep: Option<String>,
    /// Quizlet text: what separates one card from the next (default new line). `\n`, `;` or
    /// any text.
    #[arg(long, value_name = "SEP")]
    pub row_sep: Option<String>,
}

/// The formats `--format` can force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Article,
    Csv,
    Tsv,
    Quizlet,
}

pub fn run(cli: &Cli, args: &ImportArgs) -> i32 {
    match import(cli, args) {
        Ok((cards, path, report)) => {
            println!("Imported {cards} cards into {}", path.display());
            for line in report {
                println!("{line}");
            }
            0
        }
        Err(message) => {
            eprintln!("error: {message}");
            1
        }
    }
}

fn import(cli: &Cli, args: &ImportArgs) -> Result<(usize, PathBuf, Vec<String>), String> {
    if let Some(date) = &args.date {
        check_date(date)?;
    }
    let mut rng = rand::rng();
    let (mut deck, report) = match file_format(args)? {
        FileFormat::Article => (article_deck(args, &mut rng)?, Vec::new()),
        FileFormat::Table(format) => table_deck(args, &format, &mut rng)?,
    };
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
    Ok((deck.cards.len(), output, report))
}

fn file_name(args: &ImportArgs) -> Option<String> {
    args.article
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
}

fn article_deck(args: &ImportArgs, rng: &mut impl Rng) -> Result<Deck, String> {
    let article = parse_article_file(&args.article).map_err(|e| e.to_string())?;
    let options = ArticleDeckOptions {
        title: args.title.clone(),
        date: args.date.clone(),
        file_name: file_name(args),
    };
    Ok(deck_from_article(&article, &options, rng))
}

/// The deck and the report lines: rows skipped, parts of the file not imported.
fn table_deck(
    args: &ImportArgs,
    format: &TableFormat,
    rng: &mut impl Rng,
) -> Result<(Deck, Vec<String>), String> {
    let table = parse_table_file(&args.article, format).map_err(|e| e.to_string())?;
    let options = TableDeckOptions {
        title: args.title.clone(),
        date: args.date.clone(),
        file_name: file_name(args),
    };
    let deck = deck_from_table(&table, &options, rng);
    let mut report: Vec<String> = table.skipped_summary().into_iter().collect();
    report.extend(table.notes.iter().map(|note| format!("Note: {note}")));
    Ok((deck, report))
}

/// `--format` when given (Quizlet when only separators are), else guessed from the file.
fn file_format(args: &ImportArgs) -> Result<FileFormat, String> {
    let separators_given = args.field_sep.is_some() || args.row_sep.is_some();
    let forced = args
        .format
        .or(separators_given.then_some(FormatArg::Quizlet));
    if separators_given && forced != Some(FormatArg::Quizlet) {
        return Err(
            "--field-sep and --row-sep apply to Quizlet text only: use them with --format quizlet"
                .to_string(),
        );
    }
    Ok(match forced {
        Some(FormatArg::Article) => FileFormat::Article,
        Some(FormatArg::Csv) => FileFormat::Table(TableFormat::Csv),
        Some(FormatArg::Tsv) => FileFormat::Table(TableFormat::Tsv),
        Some(FormatArg::Quizlet) => FileFormat::Table(TableFormat::Quizlet(quizlet(args)?)),
        None => {
            let text = read_article(&args.article).map_err(|e| e.to_string())?;
            detect_format(&args.article, &text)
        }
    })
}

fn quizlet(args: &ImportArgs) -> Result<QuizletSeparators, String> {
    let default = QuizletSeparators::default();
    let parse = |arg: &Option<String>, flag: &str, default: String| match arg {
        None => Ok(default),
        Some(text) => separator_from_arg(text)
            .ok_or_else(|| format!("{flag} cannot be empty: give a separator such as \\t or ;")),
    };
    let field = parse(&args.field_sep, "--field-sep", default.field)?;
    let row = parse(&args.row_sep, "--row-sep", default.row)?;
    if field == row {
        return Err(format!(
            "--field-sep and --row-sep are both {field:?}: they must differ to tell cards apart"
        ));
    }
    Ok(QuizletSeparators { field, row })
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
