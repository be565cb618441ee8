//! Finding an article's FAQ section and pairing its questions with their answers.
//!
//! Works on plain text, Markdown and HTML. Pure: text in, [`Article`] out.
//!
//! The input is first reduced to a flat list of blocks (headings, paragraphs, list items…;
//! [`markdown`] or [`html`]), so finding the FAQ ([`faq`]) and pairing its questions with their
//! answers ([`pairs`]) work the same on every format. Every step is a forward pass: any input,
//! however large or broken, gives an answer in about linear time and never panics.

mod blocks;
mod faq;
mod html;
mod markdown;
mod meta;
mod pairs;
#[cfg(test)]
mod robustness;
mod text;

use blocks::Document;

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
///
/// The first FAQ heading whose section holds pairs gives them; a section ends at the next
/// heading of its level or higher, or at the next FAQ heading (so sections never overlap and the
/// search stays linear).
pub fn parse_article(text: &str) -> Result<Article, ArticleError> {
    let doc = if blocks::looks_like_html(text) {
        html::read_document(text)
    } else {
        Document {
            blocks: markdown::read_blocks(text),
            ..Document::default()
        }
    };
    let headings: Vec<faq::FaqHeading> = faq::faq_headings(&doc.blocks).collect();
    let first = headings.first().ok_or(ArticleError::NoFaqSection)?;
    let found = headings.iter().enumerate().find_map(|(n, heading)| {
        let limit = headings
            .get(n + 1)
            .map_or(doc.blocks.len(), |next| next.index);
        let found = pairs::pair_up(faq::section(&doc.blocks, heading, limit));
        (!found.is_empty()).then_some((heading, found))
    });
    let (heading, faq) = found.ok_or(ArticleError::NoPairs { line: first.line })?;
    let headline = meta::headline(&doc);
    let lead = meta::lead(&doc, headline.as_deref(), heading.index);
    Ok(Article {
        headline,
        lead,
        date: meta::date(&doc),
        faq,
    })
}
