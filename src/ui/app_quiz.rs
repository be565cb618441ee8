//! The app's quiz moves: the setup on one deck or several, building a quiz from its scope
//! (with the seed), retrying the missed questions, and the screens `--screenshot` opens.

use super::app::{RecapApp, Screen};
use super::quiz::QuizScreen;
use super::quiz_result::QuizResultScreen;
use super::quiz_setup::QuizSetupScreen;
use crate::model::DeckId;
use crate::quiz::{QuizMode, QuizOptions, QuizResult, QuizRun, QuizScope, Response};

impl RecapApp {
    pub(super) fn quiz_seed(&self) -> u64 {
        self.quiz_seed.unwrap_or_else(rand::random)
    }

    /// The setup screen of a quiz on `deck`, or on every deck (to narrow down) when None.
    pub(super) fn on_quiz(&mut self, deck: Option<&DeckId>) {
        if let Some(missing) = deck.filter(|d| self.library.find(d.as_str()).is_none()) {
            self.show_library(Some(format!("no deck {missing:?} in the library")));
            return;
        }
        self.screen = Screen::QuizSetup(QuizSetupScreen::new(&self.library, deck));
    }

    /// Builds a quiz on the cards of `scope`. The decks' made-up card ids are written into
    /// their files first, as for study: the quiz history and "add missed to review" refer to
    /// them.
    pub(super) fn start_quiz(
        &mut self,
        scope: QuizScope,
        title: String,
        questions: usize,
        mode: QuizMode,
        seed: u64,
    ) -> Result<QuizScreen, String> {
        for entry in self.library.decks.iter_mut() {
            if scope.decks.contains(entry.id()) {
                entry.persist_assigned_ids().map_err(|e| e.to_string())?;
            }
        }
        let options = QuizOptions {
            questions,
            mode,
            seed,
        };
        let quiz = scope.build(&self.library_decks(), &options);
        if quiz.questions.is_empty() {
            return Err(format!("{title} has no cards to quiz on"));
        }
        Ok(QuizScreen::new(
            QuizRun::new(quiz, self.env.now()),
            scope,
            title,
        ))
    }

    pub(super) fn library_decks(&self) -> Vec<&crate::model::Deck> {
        self.library
            .decks
            .iter()
            .map(|entry| entry.deck())
            .collect()
    }

    /// A new quiz of the questions `result` missed.
    pub(super) fn retry_missed(
        &mut self,
        scope: QuizScope,
        title: String,
        result: &QuizResult,
    ) -> Result<QuizScreen, String> {
        let seed = self.quiz_seed();
        let decks = scope.chosen(&self.library_decks());
        let quiz = result
            .retry_missed(&decks, seed)
            .ok_or("nothing was missed")?;
        Ok(QuizScreen::new(
            QuizRun::new(quiz, self.env.now()),
            scope,
            title,
        ))
    }

    /// Opens the quiz setup with every deck ticked (used by `--screenshot`).
    pub fn open_quiz_setup(&mut self) {
        self.on_quiz(None);
    }

    /// Opens a multiple-choice quiz on `deck` at its first question (used by `--screenshot`).
    pub fn open_quiz(&mut self, deck: &str) -> Result<(), String> {
        let quiz = self.whole_deck_quiz(deck)?;
        self.screen = Screen::Quiz(Box::new(quiz));
        Ok(())
    }

    /// Shows the result of a multiple-choice quiz on `deck` answered in memory — every other
    /// question wrong — without saving it in the history (used by `--screenshot`).
    pub fn open_quiz_result(&mut self, deck: &str) -> Result<(), String> {
        let mut screen = self.whole_deck_quiz(deck)?;
        let run = &mut screen.run;
        let mut index = 0;
        while let Some(question) = run.current() {
            let pick = match &question.kind {
                crate::quiz::QuestionKind::MultipleChoice { options, correct }
                    if index % 2 == 1 =>
                {
                    (correct + 1) % options.len().max(1)
                }
                crate::quiz::QuestionKind::MultipleChoice { correct, .. } => *correct,
                crate::quiz::QuestionKind::Typed { .. } => 0,
            };
            run.answer(Response::Choice(pick))
                .map_err(|e| e.to_string())?;
            run.advance().map_err(|e| e.to_string())?;
            index += 1;
        }
        let result = run.result(self.env.now()).map_err(|e| e.to_string())?;
        let shown = QuizResultScreen::preview(result, screen.scope, screen.title);
        self.screen = Screen::QuizResult(Box::new(shown));
        Ok(())
    }

    /// A multiple-choice quiz on every card of `deck`, with the app's seed.
    fn whole_deck_quiz(&mut self, deck: &str) -> Result<QuizScreen, String> {
        let (scope, title) = self.one_deck_scope(deck)?;
        let seed = self.quiz_seed();
        self.start_quiz(scope, title, usize::MAX, QuizMode::MultipleChoice, seed)
    }

    /// The scope of a quiz on every card of `deck`, with the deck's title.
    pub(super) fn one_deck_scope(&self, deck: &str) -> Result<(QuizScope, String), String> {
        let entry = self
            .library
            .find(deck)
            .ok_or_else(|| format!("no deck {deck:?} in the library"))?;
        let d = entry.deck();
        Ok((QuizScope::deck(d.id.clone()), d.title.clone()))
    }
}
