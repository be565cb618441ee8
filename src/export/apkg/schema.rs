//! The legacy collection layout (schema 11, `collection.anki2`) that every Anki since 2.0
//! imports: the tables, and the JSON the `col` row holds (note types, decks, deck options,
//! collection settings). Written from the format's public description; Anki fills in what it
//! leaves out with its own defaults on import.

use serde_json::{Value, json};

/// The schema's tables and indexes.
pub const TABLES: &str = "
create table col (
    id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null,
    usn integer not null, ls integer not null, conf text not null,
    models text not null, decks text not null, dconf text not null, tags text not null
);
create table notes (
    id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null,
    flds text not null, sfld integer not null, csum integer not null,
    flags integer not null, data text not null
);
create table cards (
    id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null,
    type integer not null, queue integer not null, due integer not null,
    ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null
);
create table revlog (
    id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null
);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
";

/// Note type ids: fixed, so exporting the same deck again finds the note types Anki already
/// has from the last import instead of adding copies.
pub const BASIC_ID: i64 = 1_590_000_000_001;
pub const REVERSED_ID: i64 = 1_590_000_000_002;

const CSS: &str = ".card {\n    font-family: arial;\n    font-size: 20px;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n";
const ANSWER_LINE: &str = "{{FrontSide}}\n\n<hr id=answer>\n\n";

/// The `models` JSON: "Basic" and "Basic (and reversed card)", as Anki's stock types.
pub fn models(deck_id: i64, now_secs: i64) -> Value {
    let basic = note_type(
        BASIC_ID,
        "Basic",
        deck_id,
        now_secs,
        &[("Card 1", "Front", "Back")],
    );
    let reversed = note_type(
        REVERSED_ID,
        "Basic (and reversed card)",
        deck_id,
        now_secs,
        &[("Card 1", "Front", "Back"), ("Card 2", "Back", "Front")],
    );
    json!({ BASIC_ID.to_string(): basic, REVERSED_ID.to_string(): reversed })
}

/// A note type with fields Front and Back and one template per (name, question, answer).
fn note_type(
    id: i64,
    name: &str,
    deck_id: i64,
    now_secs: i64,
    templates: &[(&str, &str, &str)],
) -> Value {
    let tmpls: Vec<Value> = templates
        .iter()
        .enumerate()
        .map(|(ord, (name, question, answer))| {
            json!({
                "name": name, "ord": ord,
                "qfmt": format!("{{{{{question}}}}}"),
                "afmt": format!("{ANSWER_LINE}{{{{{answer}}}}}"),
                "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0,
            })
        })
        .collect();
    let flds: Vec<Value> = ["Front", "Back"]
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": [],
            })
        })
        .collect();
    let req: Vec<Value> = (0..templates.len())
        .map(|ord| json!([ord, "any", [ord]]))
        .collect();
    json!({
        "id": id, "name": name, "type": 0, "mod": now_secs, "usn": -1, "sortf": 0,
        "did": deck_id, "tmpls": tmpls, "flds": flds, "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}", "latexsvg": false,
        "req": req, "tags": [], "vers": [],
    })
}

/// The `decks` JSON: Anki's Default deck and the exported one.
pub fn decks(deck_id: i64, title: &str, description: &str, now_secs: i64) -> Value {
    json!({
        "1": deck_json(1, "Default", "", now_secs),
        deck_id.to_string(): deck_json(deck_id, title, description, now_secs),
    })
}

fn deck_json(id: i64, name: &str, description: &str, now_secs: i64) -> Value {
    json!({
        "id": id, "name": name, "desc": description, "mod": now_secs, "usn": -1,
        "dyn": 0, "conf": 1, "collapsed": false, "browserCollapsed": false,
        "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
    })
}

/// The `dconf` JSON: Anki's default deck options (a package must name the options its decks use).
pub fn deck_options(now_secs: i64) -> Value {
    json!({ "1": {
        "id": 1, "name": "Default", "mod": now_secs, "usn": -1, "maxTaken": 60,
        "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
        "new": { "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                 "ints": [1, 4, 0], "order": 1, "perDay": 20 },
        "rev": { "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                 "perDay": 200, "hardFactor": 1.2 },
        "lapse": { "delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0 },
    }})
}

/// The `conf` JSON: collection settings; `next_position` orders new cards after ours.
pub fn collection_settings(deck_id: i64, next_position: usize) -> Value {
    json!({
        "activeDecks": [deck_id], "curDeck": deck_id, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": BASIC_ID,
        "nextPos": next_position, "sortType": "noteFld", "sortBackwards": false,
        "addToCur": true, "schedVer": 2,
    })
}
