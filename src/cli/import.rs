//! `recap import FILE [-o DECK.ron]`: a deck from an article's FAQ section, a table of cards
//! or an Anki package.

use super::Cli;
use crate::import::tabular::{FileFormat, QuizletSeparators, TableFormat, separator_from_arg};
use crate::import::{ImportRequest, import_into_library};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Build a deck from a news article's FAQ section (plain text, Markdown or HTML), a table of
/// cards (CSV/TSV, Anki's or Quizlet's text export), or an Anki package (.apkg, with its
/// review history).
///
/// The format follows the extension (.csv, .tsv, .apkg) and, for .txt, the content. Writes the deck
/// to the library's decks folder (file name from the title) unless -o is given, and prints the
/// number of cards, the path, and any rows skipped. Never overwrites a file without --force.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: an article (.txt, .md, .html), a table (.csv, .tsv, .txt) or an Anki
    /// package (.apkg).
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
    /// An Anki package (.apkg).
    Anki,
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
    let request = ImportRequest {
        file: args.article.clone(),
        output: args.output.clone(),
        force: args.force,
        title: args.title.clone(),
        date: args.date.clone(),
        format: forced_format(args)?,
    };
    let data = cli.data_dir().ok_or("no data folder")?;
    let report = import_into_library(&data, &request, &mut rand::rng())?;
    Ok((report.cards, report.path, report.notes))
}

/// `--format` when given (Quizlet when only separators are); None: guess from the file.
fn forced_format(args: &ImportArgs) -> Result<Option<FileFormat>, String> {
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
        Some(FormatArg::Article) => Some(FileFormat::Article),
        Some(FormatArg::Csv) => Some(FileFormat::Table(TableFormat::Csv)),
        Some(FormatArg::Tsv) => Some(FileFormat::Table(TableFormat::Tsv)),
        Some(FormatArg::Quizlet) => Some(FileFormat::Table(TableFormat::Quizlet(quizlet(args)?))),
        Some(FormatArg::Anki) => Some(FileFormat::Anki),
        None => None,
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
