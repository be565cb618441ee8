//! The command line, run as a user runs it: the built binary, a temporary data folder.

#[path = "common/cli.rs"]
mod cli;
use cli::{recap, text};

use std::path::{Path, PathBuf};

fn article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/kim-putin-letters.txt")
}

#[test]
fn import_writes_a_deck_into_the_library_and_never_overwrites() {
    let data = tempfile::tempdir().unwrap();
    let out = recap(data.path(), &["import", article().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The bundled deck already uses the id "kim-putin-letters": the import gets its own id,
    // so the two never share progress files.
    let deck_path = data.path().join("decks/kim-putin-letters-2.ron");
    assert_eq!(
        text(&out.stdout).trim(),
        format!("Imported 5 cards into {}", deck_path.display())
    );
    let written = std::fs::read_to_string(&deck_path).unwrap();
    assert!(written.contains(
        "front: \"What prompted the exchange of letters between Kim Jong Un and Vladimir Putin?\""
    ));

    // The same article again: a third id and file; nothing is overwritten.
    let again = recap(data.path(), &["import", article().to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("kim-putin-letters-3.ron"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(std::fs::read_to_string(&deck_path).unwrap(), written);

    // -o onto an existing file fails without --force and leaves the file as it was.
    let refused = recap(
        data.path(),
        &[
            "import",
            article().to_str().unwrap(),
            "-o",
            deck_path.to_str().unwrap(),
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("already exists"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(std::fs::read_to_string(&deck_path).unwrap(), written);
    let forced = recap(
        data.path(),
        &[
            "import",
            article().to_str().unwrap(),
            "-o",
            deck_path.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
}

#[test]
fn the_bundled_deck_is_what_the_importer_makes_of_the_article() {
    let data = tempfile::tempdir().unwrap();
    let out_path = data.path().join("kim-putin-letters.ron");
    let out = recap(
        data.path(),
        &[
            "import",
            article().to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
            "--title",
            "Kim Jong Un and Vladimir Putin exchange letters",
            "--date",
            "2023-08-15",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Card ids are random; everything else must be identical to the bundled file.
    let strip_card_ids = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with("            id: "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let imported = std::fs::read_to_string(&out_path).unwrap();
    let bundled = include_str!("../decks/kim-putin-letters.ron");
    assert_eq!(strip_card_ids(&imported), strip_card_ids(bundled));
}

#[test]
fn import_of_an_article_without_faq_fails_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let plain = data.path().join("plain.txt");
    std::fs::write(
        &plain,
        "Headline\n\nJust a story with no questions at all.\n",
    )
    .unwrap();
    let out = recap(data.path(), &["import", plain.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("plain.txt") && err.contains("FAQ"), "{err}");
    assert!(!data.path().join("decks").exists());

    let binary = data.path().join("photo.jpg");
    std::fs::write(&binary, [0xFFu8, 0xD8, 0x00, 0x10, 0x4A]).unwrap();
    let out = recap(data.path(), &["import", binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a text file"));
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let data = tempfile::tempdir().unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/kim-putin-letters.ron");
    let bad = data.path().join("bad.ron");
    std::fs::write(&bad, "(\n    format: 1,\n    title: \"\",\n    cards: [\n        (id: \"a\", front: \"\", back: \"A\"),\n    ],\n)\n").unwrap();
    let out = recap(
        data.path(),
        &["check", good.to_str().unwrap(), bad.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("kim-putin-letters.ron: ok (5 cards)"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{}:3:12: the deck's title is empty",
            bad.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{}:5:26: card 1 has an empty `front`",
            bad.display()
        )),
        "{stdout}"
    );

    let ok = recap(data.path(), &["check", good.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn list_shows_the_bundled_deck_user_decks_and_broken_files() {
    let data = tempfile::tempdir().unwrap();
    let decks = data.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(
        decks.join("mine.ron"),
        "(format: 1, title: \"My deck\", cards: [(front: \"Q\", back: \"A\")])",
    )
    .unwrap();
    std::fs::write(
        decks.join("broken.ron"),
        "(format: 1, title: \"Oops\", cards: [(front: \"Q\")])",
    )
    .unwrap();
    std::fs::write(
        decks.join("mine.sync-conflict-20261128-101500-ABCDEFG.ron"),
        "(format: 1, title: \"My deck, elsewhere\", cards: [(front: \"Q\", back: \"A\")])",
    )
    .unwrap();
    let before = std::fs::read(decks.join("mine.ron")).unwrap();
    let out = recap(data.path(), &["list"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("kim-putin-letters"), "{stdout}");
    assert!(
        stdout.contains("Kim Jong Un and Vladimir Putin exchange letters (bundled)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("mine") && stdout.contains("My deck"),
        "{stdout}"
    );
    assert!(
        stdout.contains("broken.ron:1:36: missing field `back`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("is Syncthing's copy of mine.ron; open the window to keep one or merge"),
        "a sync conflict copy is listed, not loaded: {stdout}"
    );
    assert!(!stdout.contains("My deck, elsewhere"), "{stdout}");
    assert_eq!(
        std::fs::read(decks.join("mine.ron")).unwrap(),
        before,
        "listing never rewrites a deck"
    );
}

#[test]
fn every_command_has_help() {
    let data = tempfile::tempdir().unwrap();
    for command in [
        &["--help"][..],
        &["import", "--help"],
        &["check", "--help"],
        &["list", "--help"],
    ] {
        let out = recap(data.path(), command);
        assert!(out.status.success());
        assert!(text(&out.stdout).contains("Usage:"));
    }
}
