//! Which importer a file needs, from its extension and its content.
//!
//! The extension decides for .csv and .tsv. A .txt may be an article or a table (Anki and
//! Quizlet both export .txt), so its content decides: Anki's headers, or a tab on every line
//! (Quizlet's default export), mean a table; anything else stays an article, as before.

use super::{QuizletSeparators, TableFormat};
use std::path::Path;

/// The importer for a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFormat {
    /// A news article's FAQ section (text, Markdown, HTML).
    Article,
    Table(TableFormat),
    /// An Anki package (.apkg), told by its extension or its zip header before any text is
    /// read (see `import::apkg::is_anki_package`).
    Anki,
}

/// Anki's header keys: a first line `#key:…` with one of these marks an Anki text export.
const ANKI_HEADERS: [&str; 9] = [
    "separator",
    "html",
    "columns",
    "tags",
    "tags column",
    "guid column",
    "notetype column",
    "deck column",
    "notetype",
];

pub fn detect_format(path: &Path, text: &str) -> FileFormat {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv") => FileFormat::Table(TableFormat::Csv),
        Some("tsv" | "tab") => FileFormat::Table(TableFormat::Tsv),
        _ if has_anki_header(text) => FileFormat::Table(TableFormat::Tsv),
        // Markdown and HTML are indented with tabs often enough that tabs prove nothing there.
        Some("md" | "markdown" | "html" | "htm") => FileFormat::Article,
        _ if is_tab_per_line(text) => {
            FileFormat::Table(TableFormat::Quizlet(QuizletSeparators::default()))
        }
        _ => FileFormat::Article,
    }
}

fn has_anki_header(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .next()
        .and_then(|line| line.strip_prefix('#'))
        .and_then(|header| header.split_once(':'))
        .is_some_and(|(key, _)| ANKI_HEADERS.contains(&key.trim().to_ascii_lowercase().as_str()))
}

/// Quizlet's default export: no line holds more than one tab or starts with one, and nearly
/// every non-empty line (at least two, and three in four) holds one after its term. A row that lost its definition still leaves
/// the file a table, so the import can report that row instead of failing as an article.
fn is_tab_per_line(text: &str) -> bool {
    let (mut lines, mut with_tab) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match line.split_once('\t') {
            None => {}
            // An indented line (nothing before its tab) is prose or code, not a term.
            Some((term, rest)) if !term.trim().is_empty() && !rest.contains('\t') => with_tab += 1,
            Some(_) => return false,
        }
        lines += 1;
    }
    with_tab >= 2 && with_tab * 4 >= lines * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_content_decides() {
        let table = |f| FileFormat::Table(f);
        assert_eq!(
            detect_format(Path::new("a.CSV"), ""),
            table(TableFormat::Csv)
        );
        assert_eq!(
            detect_format(Path::new("a.tsv"), ""),
            table(TableFormat::Tsv)
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), "#separator:tab\na\tb\n"),
            table(TableFormat::Tsv)
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), "a\tb\n\nc\td\ne\tf\nno tab\n"),
            table(TableFormat::Quizlet(QuizletSeparators::default()))
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), "Headline\n\n1. Why?\tBecause.\n"),
            FileFormat::Article
        );
        assert_eq!(
            detect_format(Path::new("a.md"), "a\tb\nc\td\n"),
            FileFormat::Article
        );
    }
}
