//! What is wrong with a deck being edited, per card and field, for the editor to show next to
//! the field as the teacher types.
//!
//! Errors are what the deck reader refuses (an empty title or side): a deck with one cannot be
//! saved, since the file would not load. Warnings (a question asked twice, a wrong choice that
//! reads like the right answer) are worth fixing but do not stop a save.

use super::draft::CardField;
use crate::model::{CardId, Deck};
use crate::quiz::normalize;
use std::collections::HashMap;

/// Where a problem is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Title,
    Card(CardId, CardField),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The deck cannot be saved with it.
    Error,
    /// Saved anyway; shown so it gets fixed.
    Warning,
}

/// One problem, where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub place: Place,
    pub severity: Severity,
    pub message: String,
}

impl Issue {
    fn card(card: &CardId, field: CardField, severity: Severity, message: String) -> Issue {
        Issue {
            place: Place::Card(card.clone(), field),
            severity,
            message,
        }
    }
}

/// Every problem of `deck`, in card order.
pub fn validate(deck: &Deck) -> Vec<Issue> {
    let mut issues = Vec::new();
    if deck.title.trim().is_empty() {
        issues.push(Issue {
            place: Place::Title,
            severity: Severity::Error,
            message: "Give the deck a title (e.g. the article's headline).".to_string(),
        });
    }
    let questions = question_numbers(deck);
    for (index, card) in deck.cards.iter().enumerate() {
        let error = |field, message: &str| {
            Issue::card(&card.id, field, Severity::Error, message.to_string())
        };
        if card.front.trim().is_empty() {
            issues.push(error(CardField::Front, "Write the question."));
        }
        if card.back.trim().is_empty() {
            issues.push(error(CardField::Back, "Write the answer."));
        }
        if let Some(numbers) = questions.get(&question_key(&card.front)) {
            let others: Vec<String> = numbers
                .iter()
                .filter(|n| **n != index + 1)
                .map(ToString::to_string)
                .collect();
            if !others.is_empty() && !card.front.trim().is_empty() {
                let message = format!(
                    "Card {} asks the same question; reword one or delete it.",
                    others.join(", ")
                );
                issues.push(Issue::card(
                    &card.id,
                    CardField::Front,
                    Severity::Warning,
                    message,
                ));
            }
        }
        choice_issues(card, &mut issues);
    }
    issues
}

/// A question as compared for duplicates: case and spacing ignored.
fn question_key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Card numbers (1-based) by question.
fn question_numbers(deck: &Deck) -> HashMap<String, Vec<usize>> {
    let mut numbers: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, card) in deck.cards.iter().enumerate() {
        numbers
            .entry(question_key(&card.front))
            .or_default()
            .push(index + 1);
    }
    numbers
}

/// Wrong choices that read (as the quiz compares them) like the right answer or like another
/// choice: the quiz would leave them out, so they do nothing.
fn choice_issues(card: &crate::model::Card, issues: &mut Vec<Issue>) {
    let answers: Vec<String> = std::iter::once(&card.back)
        .chain(card.short.as_ref())
        .map(|a| normalize(a))
        .filter(|a| !a.is_empty())
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for choice in &card.choices {
        let form = normalize(choice);
        let message = if answers.contains(&form) {
            format!("\"{choice}\" is the right answer; a wrong choice must differ from it.")
        } else if seen.contains(&form) {
            format!("\"{choice}\" is listed twice.")
        } else {
            seen.push(form);
            continue;
        };
        issues.push(Issue::card(
            &card.id,
            CardField::Choices,
            Severity::Warning,
            message,
        ));
    }
}

/// The problems shown at `place`.
pub fn issues_at<'a>(issues: &'a [Issue], place: &'a Place) -> impl Iterator<Item = &'a Issue> {
    issues.iter().filter(move |i| &i.place == place)
}

/// Whether any problem stops a save.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, DeckId};

    fn deck(cards: Vec<Card>) -> Deck {
        Deck {
            id: DeckId::new("d").unwrap(),
            title: "T".into(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards,
        }
    }

    fn card(id: &str, front: &str, back: &str) -> Card {
        Card::new(CardId::new(id).unwrap(), front, back)
    }

    fn at(issues: &[Issue], id: &str, field: CardField) -> Vec<(Severity, String)> {
        let place = Place::Card(CardId::new(id).unwrap(), field);
        issues_at(issues, &place)
            .map(|i| (i.severity, i.message.clone()))
            .collect()
    }

    #[test]
    fn a_clean_deck_has_no_issues() {
        assert!(validate(&deck(vec![card("a", "Q?", "A")])).is_empty());
    }

    #[test]
    fn empty_title_and_sides_are_errors_at_their_fields() {
        let mut d = deck(vec![card("a", "  ", "A"), card("b", "Q", "")]);
        d.title = " ".into();
        let issues = validate(&d);
        assert!(has_errors(&issues));
        assert_eq!(issues_at(&issues, &Place::Title).count(), 1);
        assert_eq!(at(&issues, "a", CardField::Front)[0].0, Severity::Error);
        assert!(at(&issues, "a", CardField::Back).is_empty());
        assert_eq!(at(&issues, "b", CardField::Back)[0].1, "Write the answer.");
    }

    #[test]
    fn duplicate_questions_ignore_case_and_spacing_and_name_the_other_card() {
        let d = deck(vec![
            card("a", "Who  is Kim?", "1"),
            card("b", "x", "2"),
            card("c", "who is kim?", "3"),
        ]);
        let issues = validate(&d);
        assert!(!has_errors(&issues), "a warning only");
        assert_eq!(
            at(&issues, "a", CardField::Front),
            vec![(
                Severity::Warning,
                "Card 3 asks the same question; reword one or delete it.".to_string()
            )]
        );
        assert!(
            at(&issues, "c", CardField::Front)[0]
                .1
                .starts_with("Card 1 ")
        );
        assert!(at(&issues, "b", CardField::Front).is_empty());
    }

    #[test]
    fn choices_equal_to_the_answer_or_each_other_are_warnings() {
        let mut c = card("a", "Where?", "At Camp David.");
        c.short = Some("Camp David".into());
        c.choices = vec![
            "at camp david".into(),
            "Seoul".into(),
            "Camp-David".into(),
            "seoul".into(),
            "Moscow".into(),
        ];
        let issues = validate(&deck(vec![c]));
        let messages: Vec<String> = at(&issues, "a", CardField::Choices)
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(
            messages,
            vec![
                "\"at camp david\" is the right answer; a wrong choice must differ from it.",
                "\"Camp-David\" is the right answer; a wrong choice must differ from it.",
                "\"seoul\" is listed twice.",
            ]
        );
        assert!(!has_errors(&issues));
    }
}
