//! Turning an article's FAQ into a deck.

use super::article::Article;
use crate::model::{Card, CardId, Deck, DeckId, Source};
use rand::Rng;

/// What the importer needs besides the article itself.
#[derive(Debug, Clone, Default)]
pub struct ArticleDeckOptions {
    /// Overrides the title found in the article.
    pub title: Option<String>,
    /// Overrides the date found in the article (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The article's file name, recorded as the deck's source.
    pub file_name: Option<String>,
}

/// A deck of the article's FAQ pairs, in order, each card with a fresh id from `rng`. The
/// deck id is the title's slug; the caller makes it unique in the library.
///
/// Title: the option, else the headline, else the file name made readable
/// ("kim-putin-letters.txt" → "Kim Putin Letters").
pub fn deck_from_article(
    article: &Article,
    options: &ArticleDeckOptions,
    rng: &mut impl Rng,
) -> Deck {
    let title = options
        .title
        .clone()
        .or_else(|| article.headline.clone())
        .or_else(|| options.file_name.as_deref().map(title_from_file_name))
        .unwrap_or_else(|| "Imported article".to_string());
    let mut cards: Vec<Card> = Vec::with_capacity(article.faq.len());
    for pair in &article.faq {
        let id = CardId::generate(rng, |t| cards.iter().any(|c| c.id.as_str() == t));
        cards.push(Card::new(id, pair.question.clone(), pair.answer.clone()));
    }
    let source = Source {
        title: article.headline.clone().or_else(|| options.title.clone()),
        date: options.date.clone().or_else(|| article.date.clone()),
        file: options.file_name.clone(),
        url: None,
    };
    Deck {
        id: DeckId::slug(&title),
        title,
        description: article.lead.clone().unwrap_or_default(),
        source: Some(source),
        tags: Vec::new(),
        cards,
    }
}

/// "kim-putin-letters.txt" → "Kim Putin Letters".
pub(crate) fn title_from_file_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_falls_back_to_a_readable_file_name() {
        assert_eq!(
            title_from_file_name("kim-putin-letters.txt"),
            "Kim Putin Letters"
        );
        assert_eq!(title_from_file_name("notes"), "Notes");
    }
}
