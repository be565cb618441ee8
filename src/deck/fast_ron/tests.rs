//! The fast reader against `ron`: what it accepts, `ron` reads the same way.

use super::*;
use crate::model::Timestamp;
use crate::schedule::{CardState, DeckSettings, MemoryState, Phase};
use serde::Deserialize;

fn sample_state() -> CardState {
    CardState {
        phase: Phase::Review,
        step: 0,
        memory: Some(MemoryState {
            stability: 12.345678,
            difficulty: 5.4321,
        }),
        due: Timestamp(1_700_000_000_000),
        last_review: Some(Timestamp(-5)),
        reps: 7,
        lapses: 1,
    }
}

#[test]
fn reads_what_ron_writes_the_same_way_ron_does() {
    let state = sample_state();
    let text = ron::to_string(&state).unwrap();
    assert_eq!(from_str::<CardState>(&text).unwrap(), state);
    let settings = DeckSettings {
        parameters: Some(vec![0.1, 2.5e-5, 3.0]),
        ..DeckSettings::default()
    };
    let text = ron::to_string(&settings).unwrap();
    assert_eq!(from_str::<DeckSettings>(&text).unwrap(), settings);
}

#[test]
fn gives_up_on_what_it_does_not_know() {
    assert!(from_str::<CardState>("CardState(phase: New, due: 0)").is_err());
    assert!(from_str::<CardState>("(phase: New, due: 0) // note").is_err());
    assert!(from_str::<CardState>("(phase: New, due: 0x10)").is_err());
    assert!(from_str::<CardState>("(phase: New, due: 0, extra: 1)").is_err());
    assert!(from_str::<String>("\"a\\u{41}b\"").is_err());
    assert_eq!(from_str::<String>("\"a\\\"b\"").unwrap(), "a\"b");
    assert!(from_str::<CardState>("(phase: New, due: 0").is_err());
    assert_eq!(
        from_str::<CardState>(" ( phase : New , due : 3 , ) ")
            .unwrap()
            .due,
        Timestamp(3)
    );
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Card {
    front: String,
    #[serde(default)]
    short: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

/// Reads `text` both ways with implicit `Some`, as decks are read; both must agree.
fn both_ways(text: &str) -> Option<Card> {
    let ron: Card = crate::deck::ron_options().from_str(text).unwrap();
    let fast = from_str_implicit_some::<Card>(text).ok()?;
    assert_eq!(fast, ron, "{text}");
    Some(fast)
}

#[test]
fn reads_deck_strings_escapes_and_implicit_some_as_ron_does() {
    let card = both_ways(r#"(front: "a \"q\"\n\tb \\ c\r\0 \'", short: "x", tags: ["t", "u"],)"#);
    assert_eq!(card.unwrap().front, "a \"q\"\n\tb \\ c\r\0 '");
    let card =
        both_ways("#![enable(implicit_some)]\n(front: \"김정은\nПутин\", short: Some(\"y\"))");
    assert_eq!(card.unwrap().short.as_deref(), Some("y"));
    assert_eq!(both_ways("(front: \"\", short: None)").unwrap().short, None);
}

#[test]
fn leaves_unusual_deck_text_to_ron() {
    for text in [
        r#"(front: "\u{e9}")"#,
        r#"(front: "\x41")"#,
        "(front: \"a\\\n   b\")",
        "(front: r\"raw\")",
        "// comment\n(front: \"a\")",
        "(front: \"a\", short: Some \"x\")",
        "(front: \"a\", short: Some(\"x\",))",
        "(front: \"a\", front: \"b\")",
        "(front: \"a\", other: 1)",
        "Card(front: \"a\")",
    ] {
        assert!(from_str_implicit_some::<Card>(text).is_err(), "{text}");
    }
}

#[test]
fn implicit_some_needs_the_option_or_the_attribute() {
    assert!(from_str::<Card>("(front: \"a\", short: \"x\")").is_err());
    let text = "#![enable(implicit_some)] (front: \"a\", short: \"x\")";
    let plain: Card = ron::Options::default().from_str(text).unwrap();
    assert_eq!(from_str::<Card>(text).unwrap(), plain);
}

#[test]
fn numbers_ron_might_read_differently_are_left_to_it() {
    assert!(from_str::<u32>("007").is_err());
    assert!(from_str::<u32>("+7").is_err());
    assert!(from_str::<u32>("1_000").is_err());
    assert!(from_str::<f32>("inf").is_err());
    assert_eq!(from_str::<u32>("0").unwrap(), 0);
    assert_eq!(from_str::<f32>("-0.5").unwrap(), -0.5);
    assert_eq!(from_str::<f32>("1e-7").unwrap(), 1e-7);
}
