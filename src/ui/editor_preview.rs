//! The chosen card as learners will see it: on the review screen (question, then the answer)
//! and as quiz questions, built by the quiz's own code so what is shown is what is asked.

use crate::model::{Card, Deck};
use crate::quiz::{QuestionKind, QuizMode, QuizOptions, build_quiz_from};

/// The preview's quiz seed: fixed, so the options stay put while the teacher types.
const PREVIEW_SEED: u64 = 1;

pub(super) fn preview(ui: &mut egui::Ui, deck: &Deck, card: &Card) {
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
        match question(deck, card, QuizMode::MultipleChoice) {
            Some(QuestionKind::MultipleChoice { options, correct }) => {
                for (index, option) in options.iter().enumerate() {
                    let letter = (b'A' + index as u8) as char;
                    let mark = if index == correct {
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
        if let Some(QuestionKind::Typed { expected }) = question(deck, card, QuizMode::Typed) {
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
