//! The article FAQ importer on the shared article and one article per layout. Broken, random
//! and huge inputs are covered by the property tests in `src/import/article/robustness.rs`.

use recap::import::article::{Article, ArticleError, QaPair, parse_article};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/articles/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse_fixture(name: &str) -> Article {
    parse_article(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn pairs(list: &[(&str, &str)]) -> Vec<QaPair> {
    list.iter()
        .map(|(q, a)| QaPair {
            question: q.to_string(),
            answer: a.to_string(),
        })
        .collect()
}

#[test]
fn the_shared_article_gives_its_five_pairs_verbatim() {
    let text = include_str!("../assets/kim-putin-letters.txt");
    let article = parse_article(text).expect("the shared article has a FAQ");
    let expected = pairs(&[
        (
            "What prompted the exchange of letters between Kim Jong Un and Vladimir Putin?",
            "The letters were exchanged on the 78th anniversary of Korea’s liberation from Japanese colonial rule, emphasizing the historical bond between the two nations.",
        ),
        (
            "How do North Korea and Russia plan to deepen their relationship?",
            "Both leaders expressed their commitment to transforming their current relationship into a long-standing strategic alliance that reflects the demands of the new era.",
        ),
        (
            "What are the allegations made by the United States against North Korea and Russia?",
            "The United States has accused North Korea of providing weapons to Russia for its involvement in the conflict in Ukraine, but both countries have denied these claims.",
        ),
        (
            "What issues will be discussed at the upcoming trilateral summit?",
            "At the trilateral summit, leaders from South Korea, the United States, and Japan will focus on security cooperation regarding North Korea, Ukraine, and other regional matters.",
        ),
        (
            "Why has the United Nations Security Council meeting on North Korea’s human rights situation drawn criticism?",
            "North Korea has criticized the United States for requesting this meeting, accusing them of exploiting their authority. China has also opposed the meeting, fearing it may escalate tensions.",
        ),
    ]);
    assert_eq!(article.faq, expected);
    assert_eq!(article.headline, None);
    let first_paragraph = text.split("\n\n").next().unwrap().trim();
    assert!(first_paragraph.starts_with("In a recent development, North Korean leader"));
    assert_eq!(article.lead.as_deref(), Some(first_paragraph));
    assert_eq!(article.date, None);
}

#[test]
fn markdown_faq_heading_with_question_sub_headings() {
    let article = parse_fixture("markdown-headings.md");
    assert_eq!(
        article.headline.as_deref(),
        Some("Seoul Hosts Regional Climate Talks")
    );
    assert_eq!(article.date.as_deref(), Some("2023-09-04"));
    assert_eq!(
        article.lead.as_deref(),
        Some(
            "Delegates from twelve countries met in Seoul on Monday to discuss shared targets for coastal protection."
        )
    );
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "Who attended the talks?",
                "Delegates from twelve countries, including ministers from Japan and the Philippines."
            ),
            (
                "What is on the agenda?",
                "Coastal protection targets and a joint fund for early-warning systems.\n\nFunding shares will be settled on the last day.",
            ),
            (
                "Where can I read the final statement?",
                "On the conference website, once it is published."
            ),
        ])
    );
}

#[test]
fn markdown_bold_numbered_questions_with_answers_on_the_next_line_or_the_same_line() {
    let article = parse_fixture("markdown-bold-numbered.md");
    assert_eq!(
        article.headline.as_deref(),
        Some("Rail Strike Ends After Three Days")
    );
    assert_eq!(article.date, None);
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "When did the strike end?",
                "The strike ended on Thursday morning, when the first trains left at 5:30."
            ),
            (
                "What did the unions accept?",
                "A pay rise of 4% this year and 3% next year."
            ),
            (
                "Will tickets be refunded?",
                "Yes. Season-ticket holders can claim a refund for the three days through the refunds page.",
            ),
        ])
    );
}

#[test]
fn plain_text_with_parenthesis_numbers_and_windows_line_ends() {
    let article = parse_fixture("plain-paren-numbers.txt");
    assert_eq!(
        article.headline.as_deref(),
        Some("City Council Approves New Library")
    );
    assert_eq!(article.date.as_deref(), Some("2023-08-15"));
    assert_eq!(
        article.lead.as_deref(),
        Some("The city council voted 7 to 2 on Tuesday to build a new central library.")
    );
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "Where will the library be built?",
                "On the site of the old bus depot, next to the river."
            ),
            (
                "When will it open?",
                "Construction starts next spring; the library should open in 2026."
            ),
            ("How much will it cost?", "About 40 million dollars."),
        ])
    );
}

#[test]
fn q_and_a_lines_under_a_questions_and_answers_heading() {
    let article = parse_fixture("qa-lines.md");
    assert_eq!(
        article.headline.as_deref(),
        Some("Heatwave Warning Extended")
    );
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "How long will the heatwave last?",
                "At least until Sunday, with temperatures above 35 °C."
            ),
            (
                "Who is most at risk?",
                "Older people, young children and outdoor workers. They should avoid the midday sun."
            ),
            (
                "Where can people cool down?",
                "Public libraries and community centres stay open late."
            ),
        ])
    );
}

#[test]
fn a_q_and_a_heading_with_numbered_questions_keeps_unicode() {
    let article = parse_fixture("q-and-a-heading.txt");
    assert_eq!(article.headline.as_deref(), Some("Peninsula Talks Resume"));
    assert_eq!(article.date.as_deref(), Some("2023-08-15"));
    assert_eq!(
        article.lead.as_deref(),
        Some("Envoys met again after a pause of several months.")
    );
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "Who leads the delegations?",
                "The delegations are led by 김정은’s envoy and by Путин’s adviser."
            ),
            (
                "What is the “new era” they mention?",
                "A phrase both sides use for closer economic ties."
            ),
        ])
    );
}

#[test]
fn html_with_entities_bold_questions_and_a_bold_faq_line() {
    let article = parse_fixture("html-entities.html");
    assert_eq!(
        article.headline.as_deref(),
        Some("Markets & Money: Rates Hold Steady")
    );
    assert_eq!(article.date.as_deref(), Some("2023-08-15"));
    assert_eq!(
        article.lead.as_deref(),
        Some("The central bank kept rates at 3.5 % on Tuesday, citing “stable” prices.")
    );
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "Why didn’t the bank raise rates?",
                "Inflation fell to 2.1% in July – close to the bank’s target."
            ),
            (
                "What does this mean for mortgages?",
                "Monthly payments stay the same for most borrowers’ variable loans.\n\nFixed rates may fall later & lenders expect more offers.",
            ),
        ])
    );
}

#[test]
fn html_h2_faq_with_h3_questions_multi_paragraph_answers_and_a_list() {
    let article = parse_fixture("html-headings-lists.html");
    assert_eq!(
        article.headline.as_deref(),
        Some("Typhoon Khanun Nears the Coast")
    );
    assert_eq!(article.date.as_deref(), Some("2023-08-09"));
    assert_eq!(
        article.lead.as_deref(),
        Some(
            "Typhoon Khanun is expected to make landfall on Thursday, bringing heavy rain to the southern coast."
        )
    );
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "When will the typhoon arrive?",
                "Landfall is expected on Thursday morning.\n\nThe rain will start the evening before."
            ),
            (
                "What should residents prepare?",
                "The agency recommends:\n\n- drinking water for three days,\n- a charged phone and a torch.",
            ),
            (
                "Are schools closed?",
                "Schools in coastal districts are closed on Thursday."
            ),
        ])
    );
}

#[test]
fn html_definition_list_skips_a_question_without_answer() {
    let article = parse_fixture("html-definition-list.html");
    assert_eq!(article.headline.as_deref(), Some("Election Day Guide"));
    assert_eq!(
        article.faq,
        pairs(&[
            (
                "Where do I vote?",
                "At the polling station printed on your voter card."
            ),
            (
                "What do I need to bring?",
                "Your voter card or a photo ID.\n\nPostal voters need nothing."
            ),
        ])
    );
}

#[test]
fn an_article_without_a_faq_is_an_error() {
    assert_eq!(
        parse_article(&fixture("no-faq.txt")),
        Err(ArticleError::NoFaqSection)
    );
    assert_eq!(parse_article(""), Err(ArticleError::NoFaqSection));
}

#[test]
fn a_paragraph_mentioning_the_faq_is_not_a_heading() {
    assert_eq!(
        parse_article(&fixture("mentions-faq.md")),
        Err(ArticleError::NoFaqSection)
    );
}

#[test]
fn a_faq_heading_over_plain_prose_has_no_pairs() {
    assert_eq!(
        parse_article(&fixture("faq-prose-only.md")),
        Err(ArticleError::NoPairs { line: 5 })
    );
    assert_eq!(
        parse_article("Title\n\nText.\n\nFAQ"),
        Err(ArticleError::NoPairs { line: 5 })
    );
    assert_eq!(
        parse_article("<h2>FAQ</h2>\n<p>1. What?</p>"),
        Err(ArticleError::NoPairs { line: 1 })
    );
}

#[test]
fn html_ordered_list_questions_with_answers_inside_the_item() {
    let html = "<h2>Frequently asked questions (FAQ)</h2><ol>\
        <li><strong>Who won?</strong><p>The incumbent, by 3 points.</p></li>\
        <li><b>When is the runoff?</b> There is none.</li></ol><h2>Next</h2><p>Other.</p>";
    let article = parse_article(html).unwrap();
    assert_eq!(
        article.faq,
        pairs(&[
            ("Who won?", "The incumbent, by 3 points."),
            ("When is the runoff?", "There is none.")
        ])
    );
}

#[test]
fn html_details_accordion_and_underscore_bold_lines() {
    let html =
        "<h2>FAQ</h2><details><summary>Is it free?</summary><p>Yes, for members.</p></details>";
    assert_eq!(
        parse_article(html).unwrap().faq,
        pairs(&[("Is it free?", "Yes, for members.")])
    );
    let markdown = "__FAQ__\n\n__Is it free?__\nYes, _for members_.\n";
    assert_eq!(
        parse_article(markdown).unwrap().faq,
        pairs(&[("Is it free?", "Yes, for members.")])
    );
}

#[test]
fn a_line_that_starts_with_faq_but_goes_on_is_news_not_a_heading() {
    let text = "FAQ page updated\n\n1. What changed?\n\nNothing.";
    assert_eq!(parse_article(text), Err(ArticleError::NoFaqSection));
    let heading = "## FAQs about the summit\n\n1. What changed?\n\nNothing.";
    assert_eq!(
        parse_article(heading).unwrap().faq,
        pairs(&[("What changed?", "Nothing.")])
    );
}
