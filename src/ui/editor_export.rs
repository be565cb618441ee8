//! "Export…" in the editor: the system's save dialog on its own thread (the window keeps
//! drawing meanwhile, as for Import…), then the core writes the file.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A save dialog that may be open.
#[derive(Default)]
pub struct ExportDialog {
    waiting: Option<Receiver<Option<PathBuf>>>,
}

impl ExportDialog {
    /// Opens the dialog, suggesting `<file_stem>.apkg`; the window is woken when it closes.
    pub fn open(&mut self, ctx: &egui::Context, file_stem: &str) {
        if self.waiting.is_some() {
            return;
        }
        let (send, receive) = channel();
        let ctx = ctx.clone();
        let name = format!("{file_stem}.apkg");
        std::thread::spawn(move || {
            let chosen = rfd::FileDialog::new()
                .set_title("Export the deck for Anki or a spreadsheet")
                .set_file_name(name)
                .add_filter("Anki package", &["apkg"])
                .add_filter("Comma-separated (CSV)", &["csv"])
                .add_filter("Tab-separated (TSV)", &["tsv"])
                .save_file();
            let _ = send.send(chosen);
            ctx.request_repaint();
        });
        self.waiting = Some(receive);
    }

    pub fn is_open(&self) -> bool {
        self.waiting.is_some()
    }

    /// The file chosen since the last frame, if the dialog closed with one.
    pub fn chosen(&mut self) -> Option<PathBuf> {
        let receiver = self.waiting.as_ref()?;
        match receiver.try_recv() {
            Ok(chosen) => {
                self.waiting = None;
                chosen
            }
            Err(TryRecvError::Disconnected) => {
                self.waiting = None;
                None
            }
            Err(TryRecvError::Empty) => None,
        }
    }
}
