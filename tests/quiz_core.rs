//! The quiz core without a window: building quizzes, wrong options, lenient matching, scoring,
//! retrying, and the quiz history file.

use rand::SeedableRng;
use rand::rngs::StdRng;
use recap::deck::parse_deck;
use recap::model::{Card, CardId, Deck, DeckId, Timestamp};
use recap::quiz::{
    QuestionKind, Quiz, QuizError, QuizMode, QuizOptions, QuizResult, QuizRun, Response, Verdict,
    build_quiz, normalize, pick_distractors,
};
use std::collections::HashSet;
use std::path::Path;

fn bundled_deck() -> Deck {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/kim-putin-letters.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    parse_deck(&text, &path, &mut StdRng::seed_from_u64(0))
        .unwrap()
        .deck
}

fn card(id: &str, back: &str) -> Card {
    Card::new(CardId::new(id).unwrap(), format!("Question {id}?"), back)
}

fn deck(id: &str, cards: Vec<Card>) -> Deck {
    Deck {
        id: DeckId::new(id).unwrap(),
        title: id.to_string(),
        description: String::new(),
        source: None,
        tags: Vec::new(),
        cards,
    }
}

fn options(mode: QuizMode, seed: u64) -> QuizOptions {
    QuizOptions::new(mode, seed)
}

/// The right response to each question, or a wrong one for the cards in `wrong`.
fn take_quiz(quiz: Quiz, wrong: &[&CardId]) -> QuizResult {
    let mut run = QuizRun::new(quiz, Timestamp(1_000_000));
    while let Some(question) = run.current() {
        let miss = wrong.contains(&&question.card);
        let response = match &question.kind {
            QuestionKind::MultipleChoice { options, correct } => Response::Choice(if miss {
                (correct + 1) % options.len()
            } else {
                *correct
            }),
            QuestionKind::Typed { expected } if miss => Response::Typed(format!("not {expected}")),
            QuestionKind::Typed { expected } => Response::Typed(expected.clone()),
        };
        run.answer(response).unwrap();
        run.advance().unwrap();
    }
    run.result(Timestamp(1_000_000 + 95_500)).unwrap()
}

#[test]
fn the_bundled_deck_gives_four_distinct_options_per_question() {
    let deck = bundled_deck();
    assert_eq!(deck.cards.len(), 5);
    for seed in 0..20 {
        let quiz = build_quiz(&[&deck], &options(QuizMode::MultipleChoice, seed));
        assert_eq!(quiz.questions.len(), 5, "all five when fewer than ten");
        for question in &quiz.questions {
            let QuestionKind::MultipleChoice { options, correct } = &question.kind else {
                panic!("multiple choice mode asked {question:?}");
            };
            assert_eq!(options.len(), 4);
            assert_eq!(options[*correct], question.answer);
            let forms: HashSet<String> = options.iter().map(|o| normalize(o)).collect();
            assert_eq!(forms.len(), 4, "duplicate options in {options:?}");
        }
    }
}

#[test]
fn long_answers_fall_back_to_multiple_choice_and_short_ones_are_typed() {
    let mut with_short = card(
        "s",
        "The summit was held at Camp David, the presidential retreat.",
    );
    with_short.short = Some("Camp David".into());
    let cards = vec![
        with_short,
        card("p", "Vladimir Putin"),
        card(
            "l",
            "A long answer of many more than six words, too long to type.",
        ),
        card("k", "Kim Jong Un"),
    ];
    let deck = deck("mixed", cards);
    for mode in [QuizMode::Typed, QuizMode::Mixed] {
        let quiz = build_quiz(&[&deck], &options(mode, 3));
        for question in &quiz.questions {
            match (question.card.as_str(), &question.kind) {
                ("s", QuestionKind::Typed { expected }) => assert_eq!(expected, "Camp David"),
                ("p" | "k", QuestionKind::Typed { .. }) => {}
                ("l", QuestionKind::MultipleChoice { options, .. }) => {
                    assert_eq!(options.len(), 4)
                }
                other => panic!("{mode:?} asked {other:?}"),
            }
        }
    }
    let quiz = build_quiz(&[&deck], &options(QuizMode::MultipleChoice, 3));
    assert!(
        quiz.questions
            .iter()
            .all(|q| matches!(q.kind, QuestionKind::MultipleChoice { .. }))
    );
}

#[test]
fn the_same_seed_gives_the_same_quiz_and_other_seeds_differ() {
    let deck = bundled_deck();
    let build = |seed| build_quiz(&[&deck], &options(QuizMode::Mixed, seed));
    assert_eq!(build(42), build(42));
    assert_ne!(build(42), build(43));
    assert_ne!(build(1), build(2));
}

#[test]
fn the_question_count_is_respected_and_cards_are_not_repeated() {
    let cards = (0..12).map(|i| card(&format!("c{i}"), &format!("answer number {i}")));
    let deck = deck("twelve", cards.collect());
    let quiz = build_quiz(&[&deck, &deck], &options(QuizMode::Mixed, 5));
    assert_eq!(
        quiz.questions.len(),
        10,
        "default ten; a deck given twice counts once"
    );
    let mut three = options(QuizMode::Mixed, 5);
    three.questions = 3;
    let quiz = build_quiz(&[&deck], &three);
    let ids: HashSet<_> = quiz.questions.iter().map(|q| &q.card).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn distractors_are_distinct_and_never_the_right_answer() {
    let backs = [
        "Moscow",
        "moscow.",
        "Pyongyang",
        "Pyŏngyang",
        "Seoul",
        "Tokyo",
        "Beijing",
    ];
    let cards: Vec<Card> = backs
        .iter()
        .enumerate()
        .map(|(i, b)| card(&format!("c{i}"), b))
        .collect();
    let pool: Vec<&Card> = cards.iter().collect();
    for seed in 0..50 {
        let mut rng = StdRng::seed_from_u64(seed);
        for asked in &cards {
            let wrong = pick_distractors(asked, &pool, 3, &mut rng);
            assert_eq!(wrong.len(), 3);
            let forms: HashSet<String> = wrong.iter().map(|w| normalize(w)).collect();
            assert_eq!(forms.len(), 3, "duplicates in {wrong:?}");
            assert!(!forms.contains(&normalize(&asked.back)), "{wrong:?}");
        }
    }
}

#[test]
fn a_cards_own_choices_come_first() {
    let mut asked = card("a", "Camp David");
    asked.choices = vec!["Mar-a-Lago".into(), "Camp David".into(), "Crawford".into()];
    let others = [card("b", "Moscow"), card("c", "Seoul"), card("d", "Tokyo")];
    let mut pool: Vec<&Card> = others.iter().collect();
    pool.push(&asked);
    let wrong = pick_distractors(&asked, &pool, 3, &mut StdRng::seed_from_u64(9));
    assert_eq!(wrong.len(), 3);
    assert!(wrong.contains(&"Mar-a-Lago".to_string()), "{wrong:?}");
    assert!(wrong.contains(&"Crawford".to_string()), "{wrong:?}");
    assert!(!wrong.contains(&"Camp David".to_string()), "{wrong:?}");

    asked.choices = vec!["Mar-a-Lago".into(), "Crawford".into(), "Sunnylands".into()];
    let pool: Vec<&Card> = others.iter().collect();
    let wrong = pick_distractors(&asked, &pool, 3, &mut StdRng::seed_from_u64(9));
    let mut wrong_sorted = wrong.clone();
    wrong_sorted.sort();
    assert_eq!(wrong_sorted, ["Crawford", "Mar-a-Lago", "Sunnylands"]);
}

#[test]
fn small_decks_give_as_many_options_as_they_can() {
    for size in 1..=3 {
        let cards = (0..size).map(|i| card(&format!("c{i}"), &format!("answer {i}")));
        let deck = deck("small", cards.collect());
        let quiz = build_quiz(&[&deck], &options(QuizMode::MultipleChoice, 1));
        assert_eq!(quiz.questions.len(), size);
        for question in &quiz.questions {
            let QuestionKind::MultipleChoice { options, correct } = &question.kind else {
                panic!("expected multiple choice");
            };
            assert_eq!(options.len(), size, "{options:?}");
            assert_eq!(options[*correct], question.answer);
        }
    }
}

#[test]
fn typed_answers_are_matched_leniently() {
    use Verdict::{Exact, Wrong};
    let close = |v: &Verdict| matches!(v, Verdict::Close { .. });
    let table: &[(&str, &str, &str)] = &[
        // (typed, expected, "exact" | "close" | "wrong")
        ("camp-david", "Camp David", "exact"),
        ("Camp David", "Camp David", "exact"),
        ("  camp   david ", "Camp David", "exact"),
        ("CAMP DAVID!", "Camp David", "exact"),
        ("camp david.", "Camp David", "exact"),
        ("Pyongyang", "Pyŏngyang", "exact"),
        ("pyŏngyang", "Pyongyang", "exact"),
        ("Korea's", "Koreas", "exact"),
        ("U.S.", "US", "exact"),
        ("Sao Paulo", "São Paulo", "exact"),
        ("Putn", "Putin", "close"),
        ("Ptuin", "Putin", "close"),
        ("Vladimir Puttin", "Vladimir Putin", "close"),
        ("Kim Jong Um", "Kim Jong Un", "close"),
        ("campdavid", "Camp David", "close"),
        ("strategic aliance", "strategic alliance", "close"),
        ("Kim", "Putin", "wrong"),
        ("Kin", "Kim", "wrong"),
        ("Iran", "Iraq", "wrong"),
        ("", "Putin", "wrong"),
        ("   ", "Putin", "wrong"),
        ("?!", "Putin", "wrong"),
        ("1946", "1945", "wrong"),
        ("Putin Putin Putin", "Putin", "wrong"),
        ("Moscow", "Pyongyang", "wrong"),
    ];
    assert!(table.len() >= 20);
    for (typed, expected, want) in table {
        let verdict = recap::quiz::judge(typed, expected);
        let ok = match *want {
            "exact" => verdict == Exact,
            "close" => close(&verdict),
            _ => verdict == Wrong,
        };
        assert!(
            ok,
            "{typed:?} vs {expected:?}: wanted {want}, got {verdict:?}"
        );
        assert_eq!(verdict.is_accepted(), *want != "wrong");
    }
}

#[test]
fn all_right_scores_five_of_five() {
    let deck = bundled_deck();
    let result = take_quiz(build_quiz(&[&deck], &options(QuizMode::Mixed, 7)), &[]);
    assert_eq!((result.score, result.total, result.percent()), (5, 5, 100));
    assert!(result.missed.is_empty());
    assert_eq!(result.elapsed_ms, 95_500);
    assert_eq!(result.retry_missed(&[&deck], 1), None);
}

#[test]
fn two_wrong_scores_three_of_five_and_lists_them() {
    let deck = bundled_deck();
    let quiz = build_quiz(&[&deck], &options(QuizMode::MultipleChoice, 7));
    let wrong = [
        &quiz.questions[1].card.clone(),
        &quiz.questions[3].card.clone(),
    ];
    let result = take_quiz(quiz.clone(), &wrong);
    assert_eq!((result.score, result.total, result.percent()), (3, 5, 60));
    let missed: Vec<&CardId> = result.missed.iter().map(|m| &m.card).collect();
    assert_eq!(missed, wrong);
    for missed in &result.missed {
        let card = deck.card(&missed.card).unwrap();
        assert_eq!(missed.right_answer, card.back);
        assert_eq!(missed.prompt, card.front);
        assert_ne!(missed.given, card.back);
    }

    let retry = result.retry_missed(&[&deck], 8).unwrap();
    let retried: HashSet<&CardId> = retry.questions.iter().map(|q| &q.card).collect();
    assert_eq!(retried, wrong.into_iter().collect());
    assert_eq!(retry.mode, QuizMode::MultipleChoice);
}

#[test]
fn a_close_typed_answer_counts_and_shows_the_difference() {
    let deck = deck("names", vec![card("p", "Putin"), card("k", "Kim Jong Un")]);
    let quiz = build_quiz(&[&deck], &options(QuizMode::Typed, 1));
    let mut run = QuizRun::new(quiz, Timestamp(0));
    while let Some(question) = run.current() {
        let typed = if question.card.as_str() == "p" {
            "putn"
        } else {
            "kim jong un"
        };
        let feedback = run.answer(Response::Typed(typed.into())).unwrap();
        if typed == "putn" {
            assert!(matches!(feedback.verdict, Verdict::Close { .. }));
        }
        run.advance().unwrap();
    }
    assert_eq!(run.result(Timestamp(10)).unwrap().score, 2);
}

#[test]
fn out_of_turn_requests_are_refused_not_panics() {
    let quiz = build_quiz(&[&bundled_deck()], &options(QuizMode::MultipleChoice, 1));
    let mut run = QuizRun::new(quiz, Timestamp(0));
    assert!(matches!(
        run.advance(),
        Err(QuizError::NotAnswered { number: 1 })
    ));
    assert!(matches!(
        run.answer(Response::Choice(4)),
        Err(QuizError::NoSuchOption {
            count: 4,
            picked: 5,
            ..
        })
    ));
    assert!(matches!(
        run.answer(Response::Typed("x".into())),
        Err(QuizError::WrongKindOfAnswer { .. })
    ));
    run.answer(Response::Choice(0)).unwrap();
    assert!(matches!(
        run.answer(Response::Choice(1)),
        Err(QuizError::AlreadyAnswered { number: 1 })
    ));
    assert!(matches!(
        run.result(Timestamp(5)),
        Err(QuizError::NotFinished { left: 4 })
    ));
}

mod history {
    use super::*;
    use recap::quiz::{quiz_history_file, read_quiz_history, save_result, score_summary};
    use recap::store::DataDir;

    #[test]
    fn results_round_trip_with_best_and_last_score() {
        let data = tempfile::tempdir().unwrap();
        let progress = DataDir::new(data.path()).progress();
        let deck = bundled_deck();
        let quiz = build_quiz(&[&deck], &options(QuizMode::MultipleChoice, 7));
        let two = [
            &quiz.questions[0].card.clone(),
            &quiz.questions[4].card.clone(),
        ];
        save_result(&progress, &take_quiz(quiz.clone(), &[])).unwrap();
        save_result(&progress, &take_quiz(quiz, &two)).unwrap();

        let file = progress.join("kim-putin-letters.quiz.ron");
        assert_eq!(quiz_history_file(&progress, &deck.id), file);
        let history = read_quiz_history(&file).unwrap();
        assert_eq!(history.warning, None);
        assert_eq!(history.records.len(), 2);
        let last = &history.records[1];
        assert_eq!(
            (last.score, last.total, last.mode),
            (3, 5, QuizMode::MultipleChoice)
        );
        assert_eq!(last.missed.iter().collect::<Vec<_>>(), two);
        assert_eq!(last.date, Timestamp(1_095_500));

        let (summary, warning) = score_summary(&progress, &deck.id).unwrap();
        let summary = summary.unwrap();
        assert_eq!(warning, None);
        assert_eq!(
            (summary.best.score, summary.last.score, summary.quizzes),
            (5, 3, 2)
        );
        let never = DeckId::new("never-quizzed").unwrap();
        assert_eq!(score_summary(&progress, &never).unwrap().0, None);
    }

    #[test]
    fn a_quiz_over_two_decks_is_scored_per_deck() {
        let data = tempfile::tempdir().unwrap();
        let progress = DataDir::new(data.path()).progress();
        let first = deck(
            "first",
            vec![card("a", "Alpha answer"), card("b", "Beta answer")],
        );
        let second = deck("second", vec![card("c", "Gamma answer")]);
        let quiz = build_quiz(&[&first, &second], &options(QuizMode::MultipleChoice, 2));
        let result = take_quiz(quiz, &[&CardId::new("c").unwrap()]);
        save_result(&progress, &result).unwrap();
        let read = |deck: &Deck| read_quiz_history(&quiz_history_file(&progress, &deck.id));
        let first_records = read(&first).unwrap().records;
        assert_eq!((first_records[0].score, first_records[0].total), (2, 2));
        let second_records = read(&second).unwrap().records;
        assert_eq!((second_records[0].score, second_records[0].total), (0, 1));
        assert_eq!(second_records[0].missed, [CardId::new("c").unwrap()]);
    }
}

fn tagged(mut card: Card, tags: &[&str]) -> Card {
    card.tags = tags.iter().map(|t| t.to_string()).collect();
    card
}

#[test]
fn a_scope_limits_a_quiz_to_chosen_decks_and_a_tag_counting_deck_tags_too() {
    let korea = deck(
        "korea",
        vec![
            tagged(card("k1", "Pyongyang"), &["summit"]),
            tagged(card("k2", "Kim Jong Un"), &["Leaders"]),
            card("k3", "Juche"),
        ],
    );
    let mut russia = deck(
        "russia",
        vec![
            card("r1", "Moscow"),
            tagged(card("r2", "Putin"), &["leaders"]),
        ],
    );
    russia.tags = vec!["SUMMIT".to_string()];
    let other = deck("other", vec![tagged(card("o1", "Paris"), &["summit"])]);
    let all = [&korea, &russia, &other];
    let ids = |names: &[&str]| names.iter().map(|n| DeckId::new(*n).unwrap()).collect();

    let both = recap::quiz::QuizScope {
        decks: ids(&["korea", "russia"]),
        tag: None,
    };
    assert_eq!(both.card_count(&all), 5, "the third deck is not chosen");
    let summit = recap::quiz::QuizScope {
        tag: Some("summit".to_string()),
        ..both.clone()
    };
    // k1 by its own tag, r1 and r2 by their deck's tag (any case).
    assert_eq!(summit.card_count(&all), 3);
    let quiz = summit.build(&all, &options(QuizMode::MultipleChoice, 7));
    let mut asked: Vec<&str> = quiz.questions.iter().map(|q| q.card.as_str()).collect();
    asked.sort();
    assert_eq!(asked, ["k1", "r1", "r2"]);
    for question in &quiz.questions {
        let recap::quiz::QuestionKind::MultipleChoice { options, .. } = &question.kind else {
            panic!("multiple choice asked");
        };
        assert!(
            !options.iter().any(|o| o == "Paris"),
            "wrong options come from the chosen decks only"
        );
        assert_eq!(
            options.len(),
            4,
            "untagged cards of the chosen decks still give options"
        );
    }
    assert_eq!(
        recap::quiz::tags_in(&all),
        ["leaders", "summit"],
        "each tag once, the lowercase spelling preferred"
    );
    let nothing = recap::quiz::QuizScope {
        decks: ids(&["other"]),
        tag: Some("leaders".to_string()),
    };
    assert_eq!(nothing.card_count(&all), 0);
    assert!(
        nothing
            .build(&all, &options(QuizMode::Mixed, 1))
            .questions
            .is_empty()
    );
}
