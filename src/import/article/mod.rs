//! Finding an article's FAQ section and pairing its questions with their answers.
//!
//! Works on plain text, Markdown and HTML. Pure: text in, [`Article`] out.

/// One question with its answer, text kept verbatim (whitespace normalised, entities decoded,
/// emphasis markers and list numbers removed). Paragraphs of the answer are separated by "\n\n".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QaPair {
    pub question: String,
    pub answer: String,
}

/// What an article offers a deck.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The headline: a short first line, a `# ` heading, or `<title>`/`<h1>`. None when the
    /// article has no recognisable headline (e.g. it starts straight with a long paragraph).
    pub headline: Option<String>,
    /// The lead paragraph (the first paragraph of the body that is not the headline).
    pub lead: Option<String>,
    /// A publication date found in the article (`YYYY-MM-DD`), if any.
    pub date: Option<String>,
    /// The FAQ pairs, in article order.
    pub faq: Vec<QaPair>,
}

/// Why no deck could be made from an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    #[error(
        "no FAQ section found (looked for a heading such as \"FAQ\", \"Frequently Asked Questions\", \"Questions and Answers\" or \"Q&A\")"
    )]
    NoFaqSection,
    #[error("the FAQ section at line {line} has no question/answer pairs")]
    NoPairs { line: usize },
}

/// Reads an article and pulls out its headline, lead and FAQ pairs.
pub fn parse_article(_text: &str) -> Result<Article, ArticleError> {
    Err(ArticleError::NoFaqSection)
}
