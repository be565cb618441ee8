//! Importing tables of cards: CSV/TSV with Anki's text headers, and Quizlet's export text.
//! The parser is tested directly; the command line (dispatch, report, nothing written on
//! error) through the built binary with a temporary data folder.

#[path = "common/cli.rs"]
mod cli;
use cli::{recap, text};

use proptest::prelude::*;
use recap::import::tabular::{
    Place, QuizletSeparators, SkipReason, Skipped, Table, TableError, TableFormat, parse_table,
};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tabular")
        .join(name)
}

fn read_fixture(name: &str, format: &TableFormat) -> Table {
    parse_table(&std::fs::read_to_string(fixture(name)).unwrap(), format).unwrap()
}

/// (front, back, tags) of every row.
fn cards(table: &Table) -> Vec<(&str, &str, Vec<&str>)> {
    table
        .rows
        .iter()
        .map(|r| {
            let tags = r.tags.iter().map(String::as_str).collect();
            (r.front.as_str(), r.back.as_str(), tags)
        })
        .collect()
}

fn pairs(table: &Table) -> Vec<(&str, &str)> {
    cards(table).into_iter().map(|(f, b, _)| (f, b)).collect()
}

fn quizlet(field: &str, row: &str) -> TableFormat {
    TableFormat::Quizlet(QuizletSeparators {
        field: field.into(),
        row: row.into(),
    })
}

#[test]
fn csv_quoting_keeps_commas_quotes_and_newlines() {
    let table = read_fixture("quoting.csv", &TableFormat::Csv);
    assert_eq!(
        pairs(&table),
        [
            ("Who signed it, and where?", "Kim and Putin,\nin Pyongyang"),
            ("The \"letter\" said?", "Friendship"),
        ]
    );
    // The second record spans lines 2-3, so the rows after it keep their real line numbers.
    assert_eq!(
        table.skipped,
        [
            Skipped {
                place: Place::Line(6),
                reason: SkipReason::NoFront
            },
            Skipped {
                place: Place::Line(7),
                reason: SkipReason::NoBack
            },
        ]
    );
    assert_eq!(
        table.skipped_summary().unwrap(),
        "Skipped 2 rows: line 6 has no front; line 7 has no back"
    );
    assert!(table.notes[0].contains("line 1 was read as the column names"));
}

#[test]
fn tsv_reads_tabs_and_quoted_fields() {
    let table = parse_table(
        "one\tuno\tnumbers\n\"two\tdos\"\t\"dos,\nzwei\"\n",
        &TableFormat::Tsv,
    )
    .unwrap();
    assert_eq!(pairs(&table), [("one", "uno"), ("two\tdos", "dos,\nzwei")]);
    assert!(
        table.notes.iter().any(|n| n.contains("column 3")),
        "a third column without a #tags column header is reported, not imported: {:?}",
        table.notes
    );
}

#[test]
fn anki_notes_export_with_html_guid_notetype_deck_and_tags_columns() {
    let table = read_fixture("anki-notes.txt", &TableFormat::Tsv);
    assert_eq!(
        cards(&table),
        [
            (
                "What is the capital of France?",
                "Paris\n(since 987)",
                vec!["geo", "europe"]
            ),
            ("Tom & \"Jerry\"?", "A cartoon\nduo", vec![]),
        ]
    );
    let notes = table.notes.join("\n");
    for what in [
        "guid column (column 1)",
        "notetype column (column 2)",
        "deck column (column 3)",
    ] {
        assert!(notes.contains(what), "{what} missing from {notes}");
    }
    assert!(table.skipped.is_empty());
}

#[test]
fn anki_columns_header_may_put_the_back_first() {
    let text = "#separator:Comma\n#html:false\n#columns:Back,Front,Tags\n#tags:imported\n\
                Paris,Capital of France?,geo\n\"<b>kept</b>\",Is HTML kept as text?,\n";
    let table = parse_table(text, &TableFormat::Tsv).unwrap();
    assert_eq!(
        cards(&table),
        [
            ("Capital of France?", "Paris", vec!["geo", "imported"]),
            ("Is HTML kept as text?", "<b>kept</b>", vec!["imported"]),
        ]
    );
}

#[test]
fn anki_separator_names_and_characters() {
    for (header, row) in [
        ("semicolon", "a;b"),
        ("Pipe", "a|b"),
        ("space", "a b"),
        ("~", "a~b"),
        ("tab", "a\tb"),
    ] {
        let table = parse_table(&format!("#separator:{header}\n{row}\n"), &TableFormat::Csv)
            .unwrap_or_else(|e| panic!("{header}: {e}"));
        assert_eq!(pairs(&table), [("a", "b")], "{header}");
    }
}

#[test]
fn csv_without_separator_header_may_use_semicolons_and_columns_follow_it() {
    let table = parse_table(
        "#columns:Answer;Question\nParis;Capital of France?\n",
        &TableFormat::Csv,
    )
    .unwrap();
    assert_eq!(pairs(&table), [("Capital of France?", "Paris")]);
    assert!(table.notes[0].contains("separated by semicolons"));
}

#[test]
fn html_true_reduces_fields_to_text() {
    let text =
        "#separator:tab\n#html:true\n<i>Q</i>&nbsp;one?\tline<br>next&lt;3 &#233;t&eacute;\n";
    let table = parse_table(text, &TableFormat::Tsv).unwrap();
    assert_eq!(pairs(&table), [("Q one?", "line\nnext<3 été")]);
}

#[test]
fn quizlet_default_tab_and_newline() {
    let table = read_fixture("quizlet-default.txt", &quizlet("\t", "\n"));
    assert_eq!(
        pairs(&table),
        [
            ("capital of France", "Paris"),
            ("Tom & Jerry", "a cartoon, a duo"),
            ("\"quoted\"", "kept as typed"),
            ("last", "one"),
        ]
    );
    assert_eq!(
        table.skipped_summary().unwrap(),
        "Skipped 1 row: line 4 has no back"
    );
}

#[test]
fn quizlet_comma_and_semicolon() {
    let table = parse_table("one,uno;two,dos, or deux;", &quizlet(",", ";")).unwrap();
    assert_eq!(pairs(&table), [("one", "uno"), ("two", "dos, or deux")]);
}

#[test]
fn quizlet_custom_separators_and_quotes_kept_as_text() {
    let table = parse_table(
        "\"quoted\" term :: def\r\n===\nsecond :: two\nlines\n===\n",
        &quizlet(" :: ", "\n===\n"),
    )
    .unwrap();
    assert_eq!(
        pairs(&table),
        [("\"quoted\" term", "def"), ("second", "two\nlines")]
    );
}

#[test]
fn broken_files_name_the_line() {
    assert_eq!(
        parse_table("q,a\nq2,\"never closed\nq3,a3\n", &TableFormat::Csv).unwrap_err(),
        TableError::UnclosedQuote { line: 2 }
    );
    let bad_html = parse_table("#separator:tab\n#html:maybe\nq\ta\n", &TableFormat::Tsv);
    assert_eq!(bad_html.unwrap_err().line(), Some(2));
    let bad_column = parse_table("#tags column:zero\nq\ta\n", &TableFormat::Tsv);
    assert_eq!(bad_column.unwrap_err().line(), Some(1));
    let no_cards = parse_table("\n,\nonly a front\n", &TableFormat::Csv).unwrap_err();
    assert!(
        no_cards
            .to_string()
            .contains("line 2 is empty; line 3 has no back"),
        "{no_cards}"
    );
}

#[test]
fn cli_imports_a_csv_and_reports_what_it_skipped() {
    let data = tempfile::tempdir().unwrap();
    let out = recap(
        data.path(),
        &["import", fixture("quoting.csv").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let deck = data.path().join("decks/quoting.ron");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("Imported 2 cards into {}", deck.display())
    );
    assert_eq!(
        lines[1],
        "Skipped 2 rows: line 6 has no front; line 7 has no back"
    );
    let written = std::fs::read_to_string(&deck).unwrap();
    assert!(written.contains("title: \"Quoting\""), "{written}");
    assert!(
        written.contains("back: \"Kim and Putin,\\nin Pyongyang\""),
        "{written}"
    );
}

#[test]
fn cli_recognises_tables_in_txt_files_and_takes_separators() {
    let data = tempfile::tempdir().unwrap();
    let anki = recap(
        data.path(),
        &["import", fixture("anki-notes.txt").to_str().unwrap()],
    );
    assert!(anki.status.success(), "{}", text(&anki.stderr));
    assert!(text(&anki.stdout).starts_with("Imported 2 cards into "));
    assert!(text(&anki.stdout).contains("Note: line 3: the guid column"));

    let quizlet = recap(
        data.path(),
        &[
            "import",
            fixture("quizlet-default.txt").to_str().unwrap(),
            "--title",
            "Cartoons",
        ],
    );
    assert!(quizlet.status.success(), "{}", text(&quizlet.stderr));
    let deck = data.path().join("decks/cartoons.ron");
    assert_eq!(
        text(&quizlet.stdout),
        format!(
            "Imported 4 cards into {}\nSkipped 1 row: line 4 has no back\n",
            deck.display()
        )
    );

    let custom = data.path().join("custom.txt");
    std::fs::write(&custom, "a - b;c - d;").unwrap();
    let out = recap(
        data.path(),
        &[
            "import",
            custom.to_str().unwrap(),
            "--field-sep",
            " - ",
            "--row-sep",
            ";",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Imported 2 cards into "));

    let commas = data.path().join("commas.txt");
    std::fs::write(&commas, "\"one, two\",1 2\nthree,3\n").unwrap();
    let as_article = recap(data.path(), &["import", commas.to_str().unwrap()]);
    assert_eq!(
        as_article.status.code(),
        Some(1),
        "a .txt without tabs is an article"
    );
    let as_csv = recap(
        data.path(),
        &["import", commas.to_str().unwrap(), "--format", "csv"],
    );
    assert!(as_csv.status.success(), "{}", text(&as_csv.stderr));
    assert!(text(&as_csv.stdout).starts_with("Imported 2 cards into "));

    let forced = recap(
        data.path(),
        &[
            "import",
            custom.to_str().unwrap(),
            "--format",
            "csv",
            "--field-sep",
            ",",
        ],
    );
    assert_eq!(forced.status.code(), Some(1));
    assert!(text(&forced.stderr).contains("Quizlet text only"));
}

#[test]
fn cli_broken_file_gives_file_and_line_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let broken = data.path().join("broken.csv");
    std::fs::write(&broken, "q,a\nq2,\"never closed\nq3,a3\n").unwrap();
    let out = recap(data.path(), &["import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2: a quoted field", broken.display())),
        "{stderr}"
    );
    assert!(!data.path().join("decks").exists());

    let binary = data.path().join("binary.csv");
    std::fs::write(&binary, b"q,a\0\x01\n").unwrap();
    let out = recap(data.path(), &["import", binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a text file"));

    let empty = data.path().join("empty.tsv");
    std::fs::write(&empty, "#separator:tab\n\n").unwrap();
    let out = recap(data.path(), &["import", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no rows with both a front and a back"));
    assert!(!data.path().join("decks").exists());
}

#[test]
fn hostile_input_stays_linear() {
    // Unclosed tags in an HTML field, a row with very many columns, very many rows.
    let html = format!("#html:true\nq\t{}\n", "<a".repeat(200_000));
    let wide = format!("q,a{}\n", ",x".repeat(200_000));
    let long = "q,a\n".repeat(100_000);
    let started = std::time::Instant::now();
    assert_eq!(parse_table(&html, &TableFormat::Tsv).unwrap().rows.len(), 1);
    let table = parse_table(&wide, &TableFormat::Csv).unwrap();
    assert_eq!(
        table.notes,
        [
            "columns 3, 4, 5, 6, 7, 199995 more held text that was not imported: a card has only a front and a back"
        ]
    );
    assert_eq!(
        parse_table(&long, &TableFormat::Csv).unwrap().rows.len(),
        100_000
    );
    // Quadratic work on these sizes would take minutes.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

fn any_format() -> impl Strategy<Value = TableFormat> {
    prop_oneof![
        Just(TableFormat::Csv),
        Just(TableFormat::Tsv),
        Just(quizlet("\t", "\n")),
        (".{0,3}", ".{0,3}").prop_map(|(f, r)| quizlet(&f, &r)),
    ]
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_a_panic(text in any::<String>(), format in any_format()) {
        let _ = parse_table(&text, &format);
    }

    #[test]
    fn text_made_of_table_syntax_is_read_or_refused(
        text in "[#:,;\t\n\r\"<>&a b]{0,80}",
        format in any_format(),
    ) {
        if let Ok(table) = parse_table(&text, &format) {
            prop_assert!(!table.rows.is_empty());
            for row in &table.rows {
                prop_assert!(!row.front.is_empty() && !row.back.is_empty());
            }
        }
    }

    #[test]
    fn header_lines_are_read_or_refused(
        header in "#(separator|html|columns|tags|tags column|guid column):[a-z0-9 \t,]{0,6}",
        body in "[,\t\"a\n]{0,30}",
    ) {
        let _ = parse_table(&format!("{header}\n{body}"), &TableFormat::Tsv);
    }
}
