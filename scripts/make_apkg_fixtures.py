#!/usr/bin/env python3
"""Makes the Anki package fixtures in tests/fixtures/apkg/ with the real Anki backend.

    pip install anki genanki    # anki 26.9.3 and genanki 0.13.1 made the committed files
    python3 scripts/make_apkg_fixtures.py

Writes, from one collection built by the `anki` package (the Rust backend Anki itself runs):
- current.apkg: Anki's current format (`meta` + zstd-compressed collection.anki21b);
- legacy21.apkg: Anki's "support older versions" export (collection.anki21, schema 11);
and with genanki (which writes the oldest layout):
- legacy.apkg: collection.anki2 only, as Anki 2.0 and many shared decks have it.

The collection holds, in the deck "Recap Fixture":
- 2 Basic notes (HTML in the fields; one refers to an image, one tagged `geo europe`);
- 2 "Basic (and reversed card)" notes;
- 2 Cloze notes: "{{c1::Canberra}} is the capital of {{c2::Australia}}" with a Back Extra,
  and one with a hint;
- one media file (pic.png), which Recap skips and counts;
- reviews answered through Anki's scheduler at fixed times (see REVIEWS below).

The app never runs Python: these files are committed, and the tests read them.
"""

import os
import sys
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "apkg")

# A tiny valid PNG (1x1, transparent), so Anki accepts the media file.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

DAY_MS = 86_400_000
# 2025-03-01 09:00 UTC: reviews are placed at fixed times so the fixture is reproducible.
START_MS = 1_740_819_600_000

# (note key, card ordinal, day offset, minutes offset, rating 1-4)
REVIEWS = [
    ("capital", 0, 0, 0, 3),
    ("capital", 0, 1, 0, 3),
    ("capital", 0, 5, 0, 3),
    ("hund", 0, 0, 5, 3),
    ("hund", 1, 0, 6, 1),
    ("hund", 1, 0, 16, 3),
    ("hund", 1, 2, 0, 4),
    ("cloze", 1, 0, 20, 2),
]


def build_collection(path):
    from anki.collection import Collection

    col = Collection(path)
    deck_id = col.decks.id("Recap Fixture")
    notes = {}

    def add(key, model_name, fields, tags):
        model = col.models.by_name(model_name)
        note = col.new_note(model)
        for name, value in fields.items():
            note[name] = value
        note.tags = tags
        col.add_note(note, deck_id)
        notes[key] = note

    add(
        "capital",
        "Basic",
        {"Front": "What is the capital of <b>France</b>?", "Back": "Paris&nbsp;&amp; its <i>région</i><br>Île-de-France"},
        ["geo", "europe"],
    )
    add(
        "sum",
        "Basic",
        {"Front": "<div>2 + 2 =</div>", "Back": "4 <img src=\"pic.png\">"},
        ["math"],
    )
    add(
        "hund",
        "Basic (and reversed card)",
        {"Front": "der Hund", "Back": "the dog"},
        ["german"],
    )
    add(
        "katze",
        "Basic (and reversed card)",
        {"Front": "die Katze", "Back": "the cat"},
        ["german"],
    )
    add(
        "cloze",
        "Cloze",
        {"Text": "{{c1::Canberra}} is the capital of {{c2::Australia}}.", "Back Extra": "Not Sydney."},
        ["geo"],
    )
    add(
        "hint",
        "Cloze",
        {"Text": "The {{c1::mitochondrion::organelle}} is the powerhouse of the cell.", "Back Extra": ""},
        [],
    )
    with open(os.path.join(col.media.dir(), "pic.png"), "wb") as f:
        f.write(PNG)
    answer_reviews(col, notes)
    return col, deck_id


def answer_reviews(col, notes):
    """Answers cards through Anki's own scheduler, at the fixed times in REVIEWS."""
    from anki.scheduler.v3 import CardAnswer

    ratings = {1: CardAnswer.AGAIN, 2: CardAnswer.HARD, 3: CardAnswer.GOOD, 4: CardAnswer.EASY}
    for key, ordinal, day, minutes, rating in REVIEWS:
        card = next(c for c in notes[key].cards() if c.ord == ordinal)
        card.start_timer()
        states = col._backend.get_scheduling_states(card.id)
        answer = col.sched.build_answer(card=card, states=states, rating=ratings[rating])
        answer.answered_at_millis = START_MS + day * DAY_MS + minutes * 60_000
        answer.milliseconds_taken = 4_000
        col.sched.answer_card(answer)


def export(col, deck_id, path, legacy):
    from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy
    )
    count = col.export_anki_package(out_path=path, options=options, limit=DeckIdLimit(deck_id))
    print(f"{path}: {count} notes, {zipfile.ZipFile(path).namelist()}")


def genanki_legacy(path):
    """The oldest layout (collection.anki2 only), as genanki writes it; genanki has no review
    history, so this one tests notes, tags and media only."""
    import genanki

    basic = genanki.BASIC_MODEL
    reversed_model = genanki.BASIC_AND_REVERSED_CARD_MODEL
    cloze = genanki.CLOZE_MODEL
    deck = genanki.Deck(2_059_400_110, "Recap Legacy Fixture")
    deck.add_note(genanki.Note(model=basic, fields=["What is the capital of <b>Italy</b>?", "Rome"], tags=["geo"], guid="recap-legacy-1"))
    deck.add_note(genanki.Note(model=basic, fields=["Sound check", "[sound:bell.mp3]Ding"], guid="recap-legacy-2"))
    deck.add_note(genanki.Note(model=reversed_model, fields=["el perro", "the dog"], tags=["spanish"], guid="recap-legacy-3"))
    deck.add_note(genanki.Note(model=cloze, fields=["{{c1::Ottawa}} is in {{c2::Canada}}; {{c3::Toronto}} is bigger.", ""], tags=["geo"], guid="recap-legacy-4"))
    with tempfile.TemporaryDirectory() as tmp:
        bell = os.path.join(tmp, "bell.mp3")
        with open(bell, "wb") as f:
            f.write(b"ID3 not really a sound")
        package = genanki.Package(deck)
        package.media_files = [bell]
        package.write_to_file(path)
    print(f"{path}: {zipfile.ZipFile(path).namelist()}")


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        col, deck_id = build_collection(os.path.join(tmp, "fixture.anki2"))
        try:
            export(col, deck_id, os.path.join(OUT, "current.apkg"), legacy=False)
            export(col, deck_id, os.path.join(OUT, "legacy21.apkg"), legacy=True)
        finally:
            col.close()
    genanki_legacy(os.path.join(OUT, "legacy.apkg"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
