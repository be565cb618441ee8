//! Choosing files to import: the system's file dialog, run on its own thread so the window
//! keeps drawing while it is open, and files dropped onto the window.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A file dialog that may be open.
#[derive(Default)]
pub struct ImportDialog {
    waiting: Option<Receiver<Vec<PathBuf>>>,
}

impl ImportDialog {
    /// Opens the dialog (unless it is open already); the window is woken when it closes.
    pub fn open(&mut self, ctx: &egui::Context) {
        if self.waiting.is_some() {
            return;
        }
        let (send, receive) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let chosen = rfd::FileDialog::new()
                .set_title(
                    "Import a deck: an article with a FAQ, a table of cards, an Anki package",
                )
                .add_filter(
                    "Articles, tables and Anki packages",
                    &["txt", "md", "markdown", "html", "htm", "csv", "tsv", "apkg"],
                )
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default();
            let _ = send.send(chosen);
            ctx.request_repaint();
        });
        self.waiting = Some(receive);
    }

    /// Opens the dialog for one article (a FAQ to make a new deck from and edit).
    pub fn open_article(&mut self, ctx: &egui::Context) {
        if self.waiting.is_some() {
            return;
        }
        let (send, receive) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let chosen = rfd::FileDialog::new()
                .set_title("New deck from an article with a FAQ")
                .add_filter("Articles", &["txt", "md", "markdown", "html", "htm"])
                .add_filter("All files", &["*"])
                .pick_file();
            let _ = send.send(chosen.into_iter().collect());
            ctx.request_repaint();
        });
        self.waiting = Some(receive);
    }

    pub fn is_open(&self) -> bool {
        self.waiting.is_some()
    }

    /// Files chosen since the last frame: from the dialog, or dropped onto the window.
    pub fn chosen(&mut self, ctx: &egui::Context) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        files.extend(self.picked());
        files
    }

    /// Files chosen in the dialog since the last frame (not dropped ones).
    pub fn picked(&mut self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        if let Some(receiver) = &self.waiting {
            match receiver.try_recv() {
                Ok(picked) => {
                    files.extend(picked);
                    self.waiting = None;
                }
                Err(TryRecvError::Disconnected) => self.waiting = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        files
    }
}
