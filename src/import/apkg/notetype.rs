//! Note types (Anki's "models") and deck names. Schema 11 keeps both as JSON in the `col`
//! table; schema 15 and later have `notetypes`, `fields`, `templates` and `decks` tables, with
//! protobuf configs.

use super::protobuf::varint_field;
use rusqlite::Connection;
use serde::Deserialize;
use std::collections::HashMap;

/// What the import needs of a note type: whether it is a cloze type, its field names and how
/// many card templates it has (two for "Basic (and reversed card)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteType {
    pub name: String,
    pub cloze: bool,
    pub fields: Vec<String>,
    pub templates: usize,
}

/// Whether the collection has the schema-15+ tables (else the JSON in `col`).
fn has_tables(db: &Connection) -> Result<bool, String> {
    db.query_row(
        "select count(*) from sqlite_master where type = 'table' and name = 'notetypes'",
        [],
        |row| row.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(|e| e.to_string())
}

/// The note types by id.
pub fn read_note_types(db: &Connection) -> Result<HashMap<i64, NoteType>, String> {
    if has_tables(db)? {
        note_types_from_tables(db).map_err(|e| format!("its note types cannot be read ({e})"))
    } else {
        let json: String = db
            .query_row("select models from col", [], |row| row.get(0))
            .map_err(|e| e.to_string())?;
        note_types_from_json(&json).map_err(|e| format!("its note types cannot be read ({e})"))
    }
}

/// The decks' names by id; nested decks as Anki shows them ("Parent::Child").
pub fn read_decks(db: &Connection) -> Result<HashMap<i64, String>, String> {
    if has_tables(db)? {
        let mut statement = db
            .prepare("select id, name from decks")
            .map_err(|e| e.to_string())?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))
            .and_then(Iterator::collect::<rusqlite::Result<HashMap<i64, String>>>)
            .map_err(|e| e.to_string())?;
        // The tables separate nested decks' names with U+001F.
        Ok(rows
            .into_iter()
            .map(|(id, name)| (id, name.replace('\u{1f}', "::")))
            .collect())
    } else {
        let json: String = db
            .query_row("select decks from col", [], |row| row.get(0))
            .map_err(|e| e.to_string())?;
        decks_from_json(&json).map_err(|e| format!("its decks cannot be read ({e})"))
    }
}

fn note_types_from_tables(db: &Connection) -> rusqlite::Result<HashMap<i64, NoteType>> {
    let mut types = HashMap::new();
    let mut statement = db.prepare("select id, name, config from notetypes")?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
        ))
    })?;
    for row in rows {
        let (id, name, config) = row?;
        // NotetypeConfig field 1 is the kind: 0 normal, 1 cloze.
        let cloze = varint_field(&config, 1) == Some(1);
        types.insert(
            id,
            NoteType {
                name,
                cloze,
                fields: Vec::new(),
                templates: 0,
            },
        );
    }
    let mut statement = db.prepare("select ntid, name from fields order by ntid, ord")?;
    for row in statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        if let Some(note_type) = types.get_mut(&id) {
            note_type.fields.push(name);
        }
    }
    let mut statement = db.prepare("select ntid, count(*) from templates group by ntid")?;
    for row in statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, count) = row?;
        if let Some(note_type) = types.get_mut(&id) {
            note_type.templates = usize::try_from(count).unwrap_or(0);
        }
    }
    Ok(types)
}

#[derive(Deserialize)]
struct JsonModel {
    name: String,
    /// 0 standard, 1 cloze.
    #[serde(rename = "type", default)]
    kind: i64,
    #[serde(default)]
    flds: Vec<JsonNamed>,
    #[serde(default)]
    tmpls: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct JsonNamed {
    name: String,
}

fn note_types_from_json(json: &str) -> Result<HashMap<i64, NoteType>, String> {
    let models: HashMap<String, JsonModel> =
        serde_json::from_str(json).map_err(|e| e.to_string())?;
    models
        .into_iter()
        .map(|(id, model)| {
            let id = id.parse().map_err(|_| format!("note type id {id:?}"))?;
            let note_type = NoteType {
                name: model.name,
                cloze: model.kind == 1,
                fields: model.flds.into_iter().map(|f| f.name).collect(),
                templates: model.tmpls.len(),
            };
            Ok((id, note_type))
        })
        .collect()
}

fn decks_from_json(json: &str) -> Result<HashMap<i64, String>, String> {
    let decks: HashMap<String, JsonNamed> =
        serde_json::from_str(json).map_err(|e| e.to_string())?;
    decks
        .into_iter()
        .map(|(id, deck)| {
            let id = id.parse().map_err(|_| format!("deck id {id:?}"))?;
            Ok((id, deck.name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_json_gives_kind_fields_and_template_count() {
        let json = r#"{"11": {"name": "Basic (and reversed card)", "type": 0,
            "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
            "tmpls": [{"name": "Card 1"}, {"name": "Card 2"}]},
            "12": {"name": "Cloze", "type": 1, "flds": [{"name": "Text"}], "tmpls": [{}]}}"#;
        let types = note_types_from_json(json).unwrap();
        assert_eq!(types[&11].templates, 2);
        assert_eq!(types[&11].fields, ["Front", "Back"]);
        assert!(!types[&11].cloze && types[&12].cloze);
        assert!(note_types_from_json("[1]").is_err());
        assert_eq!(
            decks_from_json(r#"{"1": {"name": "Default"}}"#).unwrap()[&1],
            "Default"
        );
    }
}
