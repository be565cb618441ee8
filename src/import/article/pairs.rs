//! Pairing the questions of a FAQ section with their answers.
//!
//! Articles lay their FAQ out in many ways (numbered questions, sub-headings, "Q:"/"A:" lines,
//! bold questions, definition lists, bare question lines). Rather than guess the layout up
//! front, every layout is tried and the reading that finds the most real questions (text ending
//! in '?'), then the most pairs, wins. Each reading is one pass over the section.

use super::QaPair;
use super::blocks::{Block, BlockKind};
use super::text::{Label, ends_like_question, split_label, split_list_number, strip_list_numbers};

/// Longest bare line taken for a question when nothing else marks the questions.
const MAX_BARE_QUESTION_CHARS: usize = 300;

/// The question/answer pairs of a FAQ section, in order; pairs missing either side are dropped.
pub fn pair_up(section: &[Block]) -> Vec<QaPair> {
    let readings = [
        build(section, &labelled(section), true),
        build(section, &by_kind(section, |k| k == BlockKind::Term), false),
        build(section, &by_kind(section, BlockKind::is_heading), false),
        build(section, &numbered(section, Sequence::Consecutive), false),
        build(
            section,
            &numbered(section, Sequence::IncreasingQuestions),
            false,
        ),
        build(section, &bold(section), false),
        build(section, &bare_questions(section), false),
    ];
    let score = |pairs: &Vec<QaPair>| {
        (
            pairs
                .iter()
                .filter(|p| ends_like_question(&p.question))
                .count(),
            pairs.len(),
        )
    };
    let mut best = Vec::new();
    for reading in readings {
        if score(&reading) > score(&best) {
            best = reading;
        }
    }
    best
}

/// Where a question starts: its block, its text, and any answer text in the same block.
struct Start {
    index: usize,
    question: String,
    inline_answer: String,
}

impl Start {
    fn new(index: usize, question: &str, inline_answer: &str) -> Start {
        Start {
            index,
            question: clean_question(question),
            inline_answer: inline_answer.to_string(),
        }
    }
}

/// "Q: 1. What?" → "What?": labels and list numbers removed, however many are stacked.
fn clean_question(text: &str) -> String {
    let mut current = text.trim();
    loop {
        let before = current.len();
        current = strip_list_numbers(current);
        if let Some((Label::Question, rest)) = split_label(current) {
            current = rest;
        }
        if current.len() == before {
            return current.to_string();
        }
    }
}

/// The question and same-block answer of a block that may start with a bold question.
fn question_of(block: &Block) -> (&str, &str) {
    match &block.bold_lead {
        Some(lead) if !block.after_bold.is_empty() && ends_like_question(lead) => {
            (lead, &block.after_bold)
        }
        _ => (&block.text, ""),
    }
}

/// Blocks that can hold a question in running text (not headings, terms or list continuations).
fn is_textual(block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem { first: true, .. }
    )
}

/// "Q:" / "Question:" lines.
fn labelled(section: &[Block]) -> Vec<Start> {
    let mut starts = Vec::new();
    for (index, block) in section.iter().enumerate() {
        let (question, inline) = question_of(block);
        let unnumbered = strip_list_numbers(question);
        if let Some((Label::Question, _)) = split_label(unnumbered) {
            starts.push(Start::new(index, question, inline));
        }
    }
    starts
}

/// Every block of a kind (sub-headings, `<dt>` terms) is a question.
fn by_kind(section: &[Block], is_question: impl Fn(BlockKind) -> bool) -> Vec<Start> {
    let starts = section
        .iter()
        .enumerate()
        .filter(|(_, b)| is_question(b.kind));
    starts
        .map(|(index, block)| Start::new(index, &block.text, ""))
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sequence {
    /// 1, 2, 3…: a numbered list inside an answer rarely continues the questions' count.
    Consecutive,
    /// Increasing numbers on lines ending in '?': survives a gap or a non-question item.
    IncreasingQuestions,
}

/// Numbered questions: "1.", "2)", "Q3.", `<ol>` items, bold or not.
fn numbered(section: &[Block], sequence: Sequence) -> Vec<Start> {
    let mut starts = Vec::new();
    let mut last: Option<u32> = None;
    for (index, block) in section.iter().enumerate() {
        if !is_textual(block) {
            continue;
        }
        let (question, inline) = question_of(block);
        let number = match block.kind {
            BlockKind::ListItem {
                number: Some(n), ..
            } => Some(n),
            _ => split_list_number(&block.text).map(|(n, _)| n),
        };
        let Some(number) = number else { continue };
        let fits = match (sequence, last) {
            (_, None) => true,
            (Sequence::Consecutive, Some(previous)) => number == previous.saturating_add(1),
            (Sequence::IncreasingQuestions, Some(previous)) => number > previous,
        };
        let is_question = sequence == Sequence::Consecutive || ends_like_question(question);
        if fits && is_question {
            starts.push(Start::new(index, question, inline));
            last = Some(number);
        }
    }
    starts
}

/// Bold questions: a bold line, or a block opening with a bold question.
fn bold(section: &[Block]) -> Vec<Start> {
    let mut starts = Vec::new();
    for (index, block) in section.iter().enumerate() {
        let Some(lead) = &block.bold_lead else {
            continue;
        };
        if is_textual(block) && (block.is_all_bold() || ends_like_question(lead)) {
            starts.push(Start::new(index, lead, &block.after_bold));
        }
    }
    starts
}

/// Short lines ending in '?': the layout of last resort.
fn bare_questions(section: &[Block]) -> Vec<Start> {
    let starts = section.iter().enumerate().filter(|(_, block)| {
        is_textual(block)
            && ends_like_question(&block.text)
            && block.text.chars().count() <= MAX_BARE_QUESTION_CHARS
    });
    starts
        .map(|(index, block)| Start::new(index, &block.text, ""))
        .collect()
}

/// Pairs each start with the blocks up to the next start. `labelled` strips "A:" labels.
fn build(section: &[Block], starts: &[Start], labelled: bool) -> Vec<QaPair> {
    let mut pairs = Vec::with_capacity(starts.len());
    for (n, start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(section.len(), |next| next.index);
        let mut answer = Answer::default();
        answer.push_text(&start.inline_answer, labelled);
        for block in &section[start.index + 1..end] {
            answer.push_block(block, labelled);
        }
        let (mut question, mut answer) = (start.question.clone(), answer.text);
        if answer.is_empty() {
            (question, answer) = split_inline(&question);
        }
        if !question.is_empty() && !answer.is_empty() {
            pairs.push(QaPair { question, answer });
        }
    }
    pairs
}

/// "What is it? It is this." with no answer after it → ("What is it?", "It is this.").
fn split_inline(question: &str) -> (String, String) {
    match question.find("? ") {
        Some(at) => (
            question[..=at].to_string(),
            question[at + 2..].trim().to_string(),
        ),
        None => (question.to_string(), String::new()),
    }
}

/// An answer being assembled: paragraphs separated by a blank line, list items by a newline.
#[derive(Default)]
struct Answer {
    text: String,
    last_was_item: bool,
}

impl Answer {
    fn push_block(&mut self, block: &Block, labelled: bool) {
        match block.kind {
            BlockKind::Boundary => {}
            BlockKind::ListItem {
                ordered,
                number,
                first: true,
            } => {
                let marker = match (ordered, number) {
                    (true, Some(n)) => format!("{n}."),
                    _ => "-".to_string(),
                };
                self.push(&format!("{marker} {}", block.text), true);
            }
            _ => self.push_text(&block.text, labelled),
        }
    }

    fn push_text(&mut self, text: &str, labelled: bool) {
        let text = match split_label(text) {
            Some((Label::Answer, rest)) if labelled => rest,
            _ => text,
        };
        self.push(text, false);
    }

    fn push(&mut self, text: &str, is_item: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str(if is_item && self.last_was_item {
                "\n"
            } else {
                "\n\n"
            });
        }
        self.text.push_str(text);
        self.last_was_item = is_item;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::plain(BlockKind::Paragraph, text.to_string(), 1, true)
    }

    fn pair(question: &str, answer: &str) -> QaPair {
        QaPair {
            question: question.into(),
            answer: answer.into(),
        }
    }

    #[test]
    fn numbered_questions_keep_a_numbered_list_inside_an_answer() {
        let section = [
            para("1. What happens?"),
            para("Three steps:"),
            para("1. first"),
            para("2. second"),
            para("2. Who decides?"),
            para("The council."),
        ];
        assert_eq!(
            pair_up(&section),
            vec![
                pair("What happens?", "Three steps:\n\n1. first\n\n2. second"),
                pair("Who decides?", "The council.")
            ]
        );
    }

    #[test]
    fn labelled_lines_and_questions_without_answers() {
        let section = [
            para("Q: Why?"),
            para("A: Because."),
            para("Q: And then?"),
            para("Q: When?"),
            para("A:"),
            para("Now."),
        ];
        assert_eq!(
            pair_up(&section),
            vec![pair("Why?", "Because."), pair("When?", "Now.")]
        );
    }

    #[test]
    fn a_bold_question_with_its_answer_in_the_same_block() {
        let block = para("What? That.").with_bold("What?".into(), "That.".into());
        assert_eq!(pair_up(&[block]), vec![pair("What?", "That.")]);
    }

    #[test]
    fn stacked_labels_and_numbers_are_removed() {
        assert_eq!(clean_question("Q: 1. What?"), "What?");
        assert_eq!(clean_question("1) Q. What?"), "What?");
    }
}
