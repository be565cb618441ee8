//! The chosen card as learners will see it: on the review screen (question, then the answer)
//! and as quiz questions, built by the quiz's own code so what is shown is what is asked.

use crate::model::{Card, CardId, Deck};
use crate::quiz::{QuestionKind, QuizMode, QuizOptions, build_quiz_from};

/// The preview's quiz seed: fixed, so the options stay put while the teacher types.
const PREVIEW_SEED: u64 = 1;

/// The preview's quiz questions, made again only when the draft or the chosen card changes:
/// making one looks at the whole deck (its answers are the wrong options), too much to do on
/// every frame for a big deck.
#[derive(Default)]
pub struct PreviewQuestions {
    made_for: Option<(u64, CardId)>,
    multiple_choice: Option<QuestionKind>,
    typed: Option<QuestionKind>,
}

impl PreviewQuestions {
    fn refresh(&mut self, revision: u64, deck: &Deck, card: &Card) {
        let key = (revision, card.id.clone());
        if self.made_for.as_ref() == Some(&key) {
            return;
        }
        self.multiple_choice = question(deck, card, QuizMode::MultipleChoice);
        self.typed = question(deck, card, QuizMode::Typed);
        self.made_for = Some(key);
    }
}

/// `revision` is the draft's, so that `questions` knows when to make its questions again.
pub(super) fn preview(
    ui: &mut egui::Ui,
    (deck, revision): (&Deck, u64),
    card: &Card,
    questions: &mut PreviewQuestions,
) {
    questions.refresh(revision, deck, card);
    ui.heading("Preview");
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.weak("Review");
        ui.add(egui::Label::new(egui::RichText::new(&card.front).size(20.0)).wrap());
        ui.separator();
        ui.add(egui::Label::new(egui::RichText::new(&card.back).size(16.0)).wrap());
    });
    if card.both_ways {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.weak("Review, the other way (studied both ways)");
            ui.add(egui::Label::new(egui::RichText::new(&card.back).size(20.0)).wrap());
            ui.separator();
            ui.add(egui::Label::new(egui::RichText::new(&card.front).size(16.0)).wrap());
        });
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.weak("Quiz: multiple choice");
        ui.add(egui::Label::new(egui::RichText::new(&card.front).size(18.0)).wrap());
        match &questions.multiple_choice {
            Some(QuestionKind::MultipleChoice { options, correct }) => {
                for (index, option) in options.iter().enumerate() {
                    let letter = (b'A' + index as u8) as char;
                    let mark = if index == *correct {
                        "  (right answer)"
                    } else {
                        ""
                    };
                    ui.add(egui::Label::new(format!("{letter}. {option}{mark}")).wrap());
                }
                if options.len() < 4 {
                    ui.weak(
                        "Fewer than four options: add wrong choices, or more cards to the deck.",
                    );
                }
            }
            _ => {
                ui.weak("Write the question and the answer to see the options.");
            }
        }
        if let Some(QuestionKind::Typed { expected }) = &questions.typed {
            ui.add_space(4.0);
            ui.weak(format!(
                "Typed-answer quiz: the learner types \"{expected}\"."
            ));
        }
    });
}

/// The quiz question the card makes in `mode`.
fn question(deck: &Deck, card: &Card, mode: QuizMode) -> Option<QuestionKind> {
    let options = QuizOptions {
        questions: 1,
        mode,
        seed: PREVIEW_SEED,
    };
    let quiz = build_quiz_from(&[deck], &options, |_, id| id == &card.id);
    quiz.questions.into_iter().next().map(|q| q.kind)
}
