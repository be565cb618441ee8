//! "Export…" in the editor: the deck as edited, written as an Anki package, or as CSV or TSV
//! with Anki's headers (the same bytes as `recap export`).

use super::AuthoringError;
use crate::export::{
    ExportFormat, deck_to_apkg, deck_to_table_text, left_out_of_apkg, left_out_of_table,
};
use crate::model::{Deck, Timestamp};
use crate::store::write_atomic;
use std::path::Path;

/// Writes `deck` to `path` (its extension chooses .apkg, CSV or TSV; `now` dates the Anki
/// package), replacing the file: the save dialog that chose it already asked. Returns what to
/// tell the user.
pub fn export_deck(deck: &Deck, path: &Path, now: Timestamp) -> Result<String, AuthoringError> {
    let format = ExportFormat::from_path(path)?;
    let (bytes, left_out) = match format {
        ExportFormat::Apkg => {
            let package = deck_to_apkg(deck, now).map_err(|reason| AuthoringError::Write {
                path: path.to_path_buf(),
                source: std::io::Error::other(reason),
            })?;
            (package, left_out_of_apkg(deck))
        }
        _ => (
            deck_to_table_text(deck, format).into_bytes(),
            left_out_of_table(deck),
        ),
    };
    write_atomic(path, &bytes).map_err(|source| AuthoringError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    let mut message = format!("Exported {} cards to {}.", deck.cards.len(), path.display());
    if let Some(note) = left_out {
        message.push_str(&format!(" Note: {note}"));
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardId, DeckId};

    #[test]
    fn apkg_csv_and_tsv_by_extension_and_a_clear_refusal_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let deck = Deck {
            id: DeckId::new("d").unwrap(),
            title: "T".into(),
            description: String::new(),
            source: None,
            tags: Vec::new(),
            cards: vec![Card::new(CardId::new("a").unwrap(), "Q, really?", "A")],
        };
        let csv = dir.path().join("t.csv");
        let message = export_deck(&deck, &csv, Timestamp(0)).unwrap();
        assert!(message.starts_with("Exported 1 cards to"), "{message}");
        assert!(
            std::fs::read_to_string(&csv)
                .unwrap()
                .contains("\"Q, really?\",A")
        );
        let tsv = dir.path().join("t.tsv");
        export_deck(&deck, &tsv, Timestamp(0)).unwrap();
        assert!(
            std::fs::read_to_string(&tsv)
                .unwrap()
                .contains("Q, really?\tA")
        );
        let apkg = dir.path().join("t.apkg");
        export_deck(&deck, &apkg, Timestamp(1_795_860_000_000)).unwrap();
        assert!(
            std::fs::read(&apkg).unwrap().starts_with(b"PK"),
            "a zip: an Anki package"
        );
        let error = export_deck(&deck, &dir.path().join("t.doc"), Timestamp(0)).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("End the file name with .csv, .tsv or .apkg")
        );
        assert!(!dir.path().join("t.doc").exists());
    }
}
