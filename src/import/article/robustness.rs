//! Property tests: any input, however broken, gives an article or an error, never a panic, and
//! every pair it gives is a real card (non-empty question and answer, no list number left).

use super::{Article, ArticleError, parse_article};
use proptest::prelude::*;

/// Whether a question still starts with a list number ("1.", "2)").
fn starts_with_list_number(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && text[digits + 1..].starts_with(char::is_whitespace)
}

fn assert_well_formed(result: &Result<Article, ArticleError>) {
    if let Ok(article) = result {
        assert!(!article.faq.is_empty());
        for pair in &article.faq {
            assert!(!pair.question.trim().is_empty(), "empty question: {pair:?}");
            assert!(!pair.answer.trim().is_empty(), "empty answer: {pair:?}");
            assert!(
                !starts_with_list_number(&pair.question),
                "numbered question: {pair:?}"
            );
        }
    }
}

/// Pieces articles are made of, including broken ones, to build hostile inputs from.
fn fragment() -> impl Strategy<Value = String> {
    let pieces = [
        "FAQ",
        "Frequently Asked Questions",
        "Q&A",
        "# ",
        "## ",
        "### ",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "1. ",
        "2) ",
        "Q1. ",
        "Q: ",
        "A: ",
        "Question: ",
        "Answer:",
        "**",
        "__",
        "*",
        "_",
        "`",
        "[",
        "](",
        ")",
        "?",
        ".",
        "What?",
        "<h2>",
        "</h2>",
        "<h3>",
        "</h3>",
        "<p>",
        "</p>",
        "<strong>",
        "</strong>",
        "<dl>",
        "<dt>",
        "<dd>",
        "<ul>",
        "<ol>",
        "<li>",
        "</li>",
        "</ol>",
        "<br>",
        "<h",
        "<",
        ">",
        "</",
        "<!--",
        "-->",
        "<script>",
        "</article>",
        "<footer>",
        "\"",
        "'",
        "&",
        "&#",
        "&#x",
        "&amp;",
        "&rsquo;",
        "&#8217;",
        "&#x2019;",
        "&nbsp;",
        ";",
        "김정은",
        "Путин",
        "’",
        "\u{0}",
        "\u{feff}",
        "\t",
    ];
    prop_oneof![
        prop::sample::select(pieces.to_vec()).prop_map(str::to_string),
        "[a-zA-Z ?.]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        assert_well_formed(&parse_article(&text));
    }

    #[test]
    fn article_like_fragments_never_panic(parts in prop::collection::vec(fragment(), 0..120)) {
        assert_well_formed(&parse_article(&parts.concat()));
    }
}

/// Big and hostile inputs, a few megabytes each: a quadratic scan anywhere would take minutes
/// here (even unoptimised the whole test takes seconds).
#[test]
fn large_and_deeply_nested_inputs_finish_quickly() {
    let started = std::time::Instant::now();
    let mut big = String::from("# Big\n\nLead paragraph.\n\n## FAQ\n\n");
    while big.len() < 2_000_000 {
        big.push_str("1. What is **this** [link](url) &amp; more?\nIt is an answer.\n\n");
    }
    let article = parse_article(&big).expect("numbered FAQ");
    assert_eq!(article.faq[0].question, "What is this link & more?");
    assert_eq!(article.faq.len(), 32_258);
    assert_well_formed(&Ok(article));
    let nested = "<div><ul><li><strong><h3>".repeat(80_000) + "<h2>FAQ</h2>";
    assert!(parse_article(&nested).is_err());
    let unterminated = format!(
        "<h2>FAQ</h2><p><strong>Why?</strong> {}",
        "<a href=\"x ".repeat(200_000)
    );
    assert_well_formed(&parse_article(&unterminated));
    let brackets = "[a](".repeat(500_000) + "\n\n## FAQ\n\n### Q?\n\nA.";
    assert_eq!(parse_article(&brackets).map(|a| a.faq.len()), Ok(1));
    let faqs = "FAQ\n\n".repeat(300_000);
    assert!(parse_article(&faqs).is_err());
    let one_line = "a".repeat(3_000_000) + &"\n\nFAQ\n\nWhat? ".repeat(10);
    assert_well_formed(&parse_article(&one_line));
    let elapsed = started.elapsed();
    assert!(elapsed.as_secs() < 60, "took {elapsed:?}");
}
