//! Building decks from other formats: news articles' FAQ sections (text, Markdown, HTML),
//! tables of cards (CSV/TSV with Anki's headers, Quizlet's export text), and Anki packages
//! (.apkg, with their review history).

pub mod apkg;
pub mod article;
mod article_deck;
mod into_library;
pub mod tabular;

pub(crate) use article_deck::title_from_file_name;
pub use article_deck::{ArticleDeckOptions, deck_from_article};
pub use into_library::{ImportReport, ImportRequest, import_into_library};

use std::path::{Path, PathBuf};

/// Why a file could not be imported. Nothing is written when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read the file: {source}. Check that it exists and can be read.", file.display())]
    Unreadable {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: this is not a text file (it holds binary data). Give an article (plain text, Markdown or HTML), a table of cards (CSV, TSV, Quizlet text) or an Anki package (.apkg).", file.display())]
    Binary { file: PathBuf },
    #[error("{}: {source}. Hint: {}", file.display(), hint(source))]
    Article {
        file: PathBuf,
        source: article::ArticleError,
    },
    #[error("{}: {source}.", place(file, source.line()))]
    Table {
        file: PathBuf,
        source: tabular::TableError,
    },
}

/// FILE:LINE, or FILE when the problem is not on one line.
fn place(file: &Path, line: Option<usize>) -> String {
    match line {
        Some(line) => format!("{}:{line}", file.display()),
        None => file.display().to_string(),
    }
}

fn hint(error: &article::ArticleError) -> &'static str {
    match error {
        article::ArticleError::NoFaqSection => {
            "add a heading such as \"Frequently Asked Questions\" above the questions"
        }
        article::ArticleError::NoPairs { .. } => {
            "number the questions (\"1. ...?\"), write them as sub-headings, or use \"Q:\" / \"A:\" lines"
        }
    }
}

/// Reads an article file as text. Invalid UTF-8 sequences become U+FFFD (old Windows-1252
/// articles still import); a file with NUL bytes is binary and refused.
pub fn read_article(path: &Path) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Unreadable {
        file: path.to_path_buf(),
        source,
    })?;
    if bytes.contains(&0) {
        return Err(ImportError::Binary {
            file: path.to_path_buf(),
        });
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Reads an article file and finds its FAQ.
pub fn parse_article_file(path: &Path) -> Result<article::Article, ImportError> {
    let text = read_article(path)?;
    article::parse_article(&text).map_err(|source| ImportError::Article {
        file: path.to_path_buf(),
        source,
    })
}

/// Reads a table file (CSV, TSV, Quizlet text) in the given format.
pub fn parse_table_file(
    path: &Path,
    format: &tabular::TableFormat,
) -> Result<tabular::Table, ImportError> {
    let text = read_article(path)?;
    tabular::parse_table(&text, format).map_err(|source| ImportError::Table {
        file: path.to_path_buf(),
        source,
    })
}
