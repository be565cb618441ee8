//! The quiz driven through the whole window: library → setup → five multiple-choice questions
//! by keyboard → result, then what is on disk (the quiz history) and in the study engine
//! ("Add missed to today's review"). A fixed seed makes the quiz known in advance: the test
//! builds the same quiz with the core to know which option is right.

mod common;

use common::window::{DECK_TITLE, START, Window, open_window_with};
use egui_kittest::kittest::Queryable as _;
use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::library::Library;
use recap::model::{DeckId, ManualClock, Rating, Timestamp};
use recap::quiz::{Quiz, QuizMode, QuizOptions, build_quiz, quiz_history_file, read_quiz_history};
use recap::store::DataDir;
use recap::store::progress::DeviceId;
use recap::study::StudyDeck;

const DAY: i64 = 86_400_000;
const DECK_ID: &str = "kim-putin-letters";
const SEED: u64 = 42;
const DEVICE: &str = "ui-test";

fn open_window(data: &DataDir, clock: &ManualClock) -> Window {
    open_window_with(data, clock, |app| app.set_quiz_seed(SEED))
}

/// Quiz gestures on top of the shared window driver.
trait QuizWindow {
    fn start_multiple_choice_quiz(&mut self);
    fn start_multiple_choice_quiz_from_setup(&mut self);
    fn take_quiz(&mut self, quiz: &Quiz, wrong: &[usize]);
}

impl QuizWindow for Window {
    /// From the library to the first question of a multiple-choice quiz of every card.
    fn start_multiple_choice_quiz(&mut self) {
        self.click(&format!("Quiz {DECK_TITLE}"));
        self.start_multiple_choice_quiz_from_setup();
    }

    /// On the setup screen: multiple choice, the number of questions as it is, Start.
    fn start_multiple_choice_quiz_from_setup(&mut self) {
        assert!(self.shows("Number of questions"));
        self.click_containing("Multiple choice:");
        self.click("Start quiz");
    }

    /// Answers every question by keyboard, wrongly at the positions in `wrong` (from 0),
    /// checking the prompt, the running score and the feedback on the way.
    fn take_quiz(&mut self, quiz: &Quiz, wrong: &[usize]) {
        let digits = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
        ];
        let letters = [egui::Key::A, egui::Key::B, egui::Key::C, egui::Key::D];
        let total = quiz.questions.len();
        let mut score = 0;
        for (index, question) in quiz.questions.iter().enumerate() {
            assert!(self.shows(&question.prompt), "question {index} on screen");
            assert!(self.shows(&format!("Question {} of {total}", index + 1)));
            assert!(self.shows(&format!("Score {score}")));
            let recap::quiz::QuestionKind::MultipleChoice { options, correct } = &question.kind
            else {
                panic!("multiple-choice mode asks only multiple-choice questions");
            };
            assert_eq!(options.len(), 4, "the FAQ deck gives four options");
            if wrong.contains(&index) {
                // Letters for wrong picks, digits for right ones: both ways must work.
                self.press(letters[(correct + 1) % options.len()]);
                assert!(self.shows("Wrong. The right answer: "));
            } else {
                self.press(digits[*correct]);
                assert!(self.shows("Right!"));
                score += 1;
            }
            self.clock.advance_minutes(4.0 / 60.0);
            self.press(egui::Key::Enter);
        }
    }
}

fn faq_quiz(data: &DataDir) -> Quiz {
    let library = Library::load(data, &mut StdRng::seed_from_u64(1));
    let deck = library.find(DECK_ID).expect("the bundled FAQ deck");
    assert_eq!(deck.deck().cards.len(), 5);
    let options = QuizOptions {
        questions: 5,
        mode: QuizMode::MultipleChoice,
        seed: SEED,
    };
    build_quiz(&[deck.deck()], &options)
}

fn history(data: &DataDir) -> Vec<recap::quiz::QuizRecord> {
    let deck = DeckId::new(DECK_ID).unwrap();
    read_quiz_history(&quiz_history_file(&data.progress(), &deck))
        .unwrap()
        .records
}

#[test]
fn all_right_gives_five_of_five_saved_and_shown_in_the_library() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    let quiz = faq_quiz(&data);
    let mut window = open_window(&data, &clock);
    assert!(!window.shows("Quiz: best"), "never quizzed: no score line");

    window.start_multiple_choice_quiz();
    window.take_quiz(&quiz, &[]);

    assert!(window.shows("Score 5/5 (100%)"));
    assert!(window.shows("Time 20 s"));
    assert!(window.shows("Nothing missed."));
    let records = history(&data);
    assert_eq!(records.len(), 1);
    assert_eq!((records[0].score, records[0].total), (5, 5));
    assert_eq!(records[0].mode, QuizMode::MultipleChoice);
    assert!(records[0].missed.is_empty());

    window.press(egui::Key::Escape);
    assert!(window.shows("Quiz: best 5/5, last 5/5"));
}

#[test]
fn two_wrong_gives_three_of_five_lists_them_and_adds_them_to_todays_review() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    // Every card studied yesterday (Easy): nothing is due today.
    let mut library = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let yesterday = Timestamp(START.millis() - DAY);
    let device = DeviceId::new(DEVICE).unwrap();
    let (mut study, _) =
        StudyDeck::open(&data, &mut library.decks[0], device, yesterday, 0).unwrap();
    while study.current(yesterday).is_some() {
        study.answer(Rating::Easy, yesterday).unwrap();
    }
    study.close().unwrap();

    let clock = ManualClock::new(START);
    let quiz = faq_quiz(&data);
    let mut window = open_window(&data, &clock);
    assert!(window.shows("New 0 · Learning 0 · Due 0 · 5 cards"));

    window.start_multiple_choice_quiz();
    window.take_quiz(&quiz, &[1, 3]);

    assert!(window.shows("Score 3/5 (60%)"));
    assert!(window.shows("Missed (2):"));
    for missed in [&quiz.questions[1], &quiz.questions[3]] {
        assert!(window.shows(&missed.prompt), "missed question listed");
        assert!(window.shows(&format!("Right answer: {}", missed.right_answer())));
    }
    let records = history(&data);
    assert_eq!(records.len(), 1);
    assert_eq!((records[0].score, records[0].total), (3, 5));
    assert_eq!(
        records[0].missed,
        vec![
            quiz.questions[1].card.clone(),
            quiz.questions[3].card.clone()
        ]
    );

    window.click("Add missed to today's review");
    assert!(window.shows("2 cards due now in today's review."));
    // "Retry missed" asks the two missed questions again; leaving it saves nothing.
    window.click("Retry missed");
    assert!(window.shows("Question 1 of 2"));
    assert!(window.shows(&quiz.questions[1].prompt) || window.shows(&quiz.questions[3].prompt));
    window.press(egui::Key::Escape);
    assert_eq!(history(&data).len(), 1);
    assert!(window.shows("New 0 · Learning 0 · Due 2 · 5 cards"));
    assert!(window.shows("Quiz: best 3/5, last 3/5"));

    // Studying now shows the two missed cards, and only them.
    window.click(&format!("Study {DECK_TITLE}"));
    assert!(window.shows("New 0 · Learning 0 · Due 2"));
    assert!(window.shows(&quiz.questions[1].prompt) || window.shows(&quiz.questions[3].prompt));
}

const CAPITALS: &str = r#"(
    format: 1,
    id: "capitals",
    title: "Capitals and leaders",
    cards: [
        (id: "cfrance", front: "Capital of France?", back: "Paris"),
        (id: "cjapan", front: "Capital of Japan?", back: "Tokyo"),
        (id: "lrussia", front: "President of Russia in 2023?", back: "Vladimir Putin"),
    ],
)
"#;

#[test]
fn typed_answers_right_close_and_wrong_with_the_difference_shown() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(data.decks().join("capitals.ron"), CAPITALS).unwrap();
    let library = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let deck = library.find("capitals").expect("the test deck loads");
    let options = QuizOptions {
        questions: 3,
        mode: QuizMode::Mixed,
        seed: SEED,
    };
    let quiz = build_quiz(&[deck.deck()], &options);
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);

    // Keyboard only: the defaults (3 questions, mixed: all typed, as every answer is short)
    // and Enter on the focused Start button.
    window.click("Quiz Capitals and leaders");
    window.press(egui::Key::Enter);
    assert!(window.shows("Question 1 of 3"));
    let mut score = 0;
    for question in &quiz.questions {
        assert!(window.shows(&question.prompt));
        let (typed, expect) = match question.card.as_str() {
            "cfrance" => ("  paris. ", "Right!"),
            "lrussia" => ("vladimir putn", "Close enough, counted right."),
            _ => ("Kyoto", "Wrong. The right answer: Tokyo"),
        };
        let field = window.harness.get_by_label("Your answer");
        field.focus();
        field.set_text_value_accesskit(typed);
        window.harness.run();
        window.press(egui::Key::Enter);
        assert!(window.shows(expect), "{typed:?} gives {expect:?}");
        if question.card.as_str() == "lrussia" {
            assert!(window.shows("put[+i]n"), "the difference is shown");
        }
        if question.card.as_str() != "cjapan" {
            score += 1;
        }
        assert!(window.shows(&format!("Score {score}")));
        window.press(egui::Key::Enter);
    }
    assert!(window.shows("Score 2/3 (67%)"));
    assert!(window.shows("Right answer: Tokyo"));
    assert!(window.shows("Your answer: Kyoto"));
}

const SUMMITS: &str = r#"(
    format: 1,
    id: "summits",
    title: "Summits of 2023",
    cards: [
        (id: "svostochny", front: "Where did Kim and Putin meet in September 2023?", back: "The Vostochny Cosmodrome", tags: ["summit"]),
        (id: "strain", front: "How did Kim travel to Russia?", back: "By armoured train", tags: ["summit", "travel"]),
        (id: "sg20", front: "Which city hosted the 2023 G20 summit?", back: "New Delhi"),
    ],
)
"#;

const MEETINGS: &str = r#"(
    format: 1,
    id: "meetings",
    title: "Meetings and letters",
    tags: ["letters"],
    cards: [
        (id: "mfirst", front: "When did Kim and Putin first meet?", back: "April 2019, in Vladivostok", tags: ["Summit"]),
        (id: "mletter", front: "What did Putin's letter praise?", back: "Their deepening friendship"),
    ],
)
"#;

/// Two decks beside the bundled one; cards tagged "summit" in both ("Summit" once).
fn data_with_tagged_decks(folder: &std::path::Path) -> DataDir {
    let data = DataDir::new(folder);
    std::fs::create_dir_all(data.decks()).unwrap();
    std::fs::write(data.decks().join("summits.ron"), SUMMITS).unwrap();
    std::fs::write(data.decks().join("meetings.ron"), MEETINGS).unwrap();
    data
}

fn history_of(data: &DataDir, deck: &str) -> Vec<recap::quiz::QuizRecord> {
    let deck = DeckId::new(deck).unwrap();
    read_quiz_history(&quiz_history_file(&data.progress(), &deck))
        .unwrap()
        .records
}

#[test]
fn a_quiz_over_several_decks_limited_to_a_tag_saves_each_decks_history() {
    let folder = tempfile::tempdir().unwrap();
    let data = data_with_tagged_decks(folder.path());
    let clock = ManualClock::new(START);
    let mut window = open_window(&data, &clock);

    window.click("Quiz several decks…");
    assert!(window.shows("Quiz: 3 decks"));
    assert!(window.shows("10 cards in this choice"), "5 + 3 + 2 cards");
    // Unticking a deck narrows the choice; ticking it again brings it back.
    window.click(DECK_TITLE);
    assert!(window.shows("Quiz: 2 decks"));
    assert!(window.shows("5 cards in this choice"));
    window.click(DECK_TITLE);
    assert!(window.shows("10 cards in this choice"));

    window.click("Only cards tagged");
    window.click("summit");
    assert!(window.shows("Quiz: 3 decks · tagged summit"));
    assert!(
        window.shows("3 cards in this choice"),
        "two summit cards, and one tagged Summit"
    );

    // The same quiz from the core: the library's decks in its order, the same seed.
    let library = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let decks: Vec<_> = library.decks.iter().map(|d| d.deck()).collect();
    let scope = recap::quiz::QuizScope {
        decks: decks.iter().map(|d| d.id.clone()).collect(),
        tag: Some("summit".to_string()),
    };
    let options = QuizOptions {
        questions: 3,
        mode: QuizMode::MultipleChoice,
        seed: SEED,
    };
    let quiz = scope.build(&decks, &options);
    let asked: Vec<&str> = quiz.questions.iter().map(|q| q.card.as_str()).collect();
    let mut sorted = asked.clone();
    sorted.sort();
    assert_eq!(sorted, ["mfirst", "strain", "svostochny"]);

    window.start_multiple_choice_quiz_from_setup();
    window.take_quiz(&quiz, &[0]);
    assert!(window.shows("Quiz result: 3 decks · tagged summit"));
    assert!(window.shows("Score 2/3 (67%)"));

    // Each deck's history holds its own part of the quiz; the untagged FAQ deck none.
    let summits = history_of(&data, "summits");
    let meetings = history_of(&data, "meetings");
    assert_eq!(summits.len(), 1);
    assert_eq!(meetings.len(), 1);
    assert_eq!(summits[0].total + meetings[0].total, 3);
    assert!(history_of(&data, DECK_ID).is_empty());
    let missed_deck = &quiz.questions[0].deck;
    let missed = if missed_deck.as_str() == "summits" {
        &summits[0]
    } else {
        &meetings[0]
    };
    assert_eq!(missed.missed, vec![quiz.questions[0].card.clone()]);

    // The missed card was never studied: it stays new, and the screen says so.
    window.click("Add missed to today's review");
    assert!(window.shows("1 card was never studied"));
    window.press(egui::Key::Escape);
    assert!(window.shows("Library"));
}

#[test]
fn a_seed_typed_in_the_setup_gives_the_same_quiz_again() {
    let folder = tempfile::tempdir().unwrap();
    let data = DataDir::new(folder.path());
    let clock = ManualClock::new(START);
    // No fixed seed for the app: only the one typed in makes the quiz known.
    let mut window = open_window_with(&data, &clock, |_| {});
    let library = Library::load(&data, &mut StdRng::seed_from_u64(1));
    let deck = library.find(DECK_ID).unwrap();
    let options = QuizOptions {
        questions: 5,
        mode: QuizMode::MultipleChoice,
        seed: 2024,
    };
    let quiz = build_quiz(&[deck.deck()], &options);

    window.click(&format!("Quiz {DECK_TITLE}"));
    let seed = window.harness.get_by_label("Seed");
    seed.focus();
    seed.set_text_value_accesskit("20x4");
    window.harness.run();
    assert!(window.shows("Digits only"));
    window.click("Start quiz");
    assert!(
        window.shows("Number of questions"),
        "a bad seed does not start"
    );

    let seed = window.harness.get_by_label("Seed");
    seed.focus();
    seed.set_text_value_accesskit("2024");
    window.harness.run();
    window.start_multiple_choice_quiz_from_setup();
    assert!(window.shows("Seed 2024"));
    window.take_quiz(&quiz, &[]);
    assert!(window.shows("Score 5/5 (100%)"));
}
