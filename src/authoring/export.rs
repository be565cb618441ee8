//! "Export…" in the editor: the deck as edited, written as CSV or TSV with Anki's headers
//! (the same text as `recap export`).

use super::AuthoringError;
use crate::export::{ExportFormat, deck_to_table_text, left_out_of_table};
use crate::model::Deck;
use crate::store::write_atomic;
use std::path::Path;

/// Writes `deck` to `path` (its extension chooses CSV or TSV), replacing the file: the save
/// dialog that chose it already asked. Returns what to tell the user.
pub fn export_deck(deck: &Deck, path: &Path) -> Result<String, AuthoringError> {
    let format = ExportFormat::from_path(path)?;
    write_atomic(path, deck_to_table_text(deck, format).as_bytes()).map_err(|source| {
        AuthoringError::Write {
            path: path.to_path_buf(),
            source,
        }
    })?;
    let mut message = format!("Exported {} cards to {}.", deck.cards.len(), path.display());
    if let Some(note) = left_out_of_table(deck) {
        message.push_str(&format!(" Note: {note}"));
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, CardId, DeckId};

    #[test]
    fn csv_and_tsv_by_extension_and_a_clear_refusal_otherwise() {
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
        let message = export_deck(&deck, &csv).unwrap();
        assert!(message.starts_with("Exported 1 cards to"), "{message}");
        assert!(
            std::fs::read_to_string(&csv)
                .unwrap()
                .contains("\"Q, really?\",A")
        );
        let tsv = dir.path().join("t.tsv");
        export_deck(&deck, &tsv).unwrap();
        assert!(
            std::fs::read_to_string(&tsv)
                .unwrap()
                .contains("Q, really?\tA")
        );
        let error = export_deck(&deck, &dir.path().join("t.doc")).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("End the file name with .csv or .tsv")
        );
        assert!(!dir.path().join("t.doc").exists());
    }
}
