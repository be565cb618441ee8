//! The window: which screen is showing, and the data behind it.

use super::library::LibraryScreen;
use crate::library::Library;
use crate::store::DataDir;

/// The whole app as egui sees it.
pub struct RecapApp {
    library: Library,
    library_screen: LibraryScreen,
}

impl RecapApp {
    /// Loads the library from `data` (the only file access; screens get values).
    pub fn new(data: DataDir) -> RecapApp {
        let library = Library::load(&data, &mut rand::rng());
        RecapApp {
            library,
            library_screen: LibraryScreen::new(data),
        }
    }

    /// Draws the current screen.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.library_screen.ui(ui, &self.library);
    }
}

impl eframe::App for RecapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

/// Opens the window on the library; returns when it is closed.
pub fn run_window(data: DataDir) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Recap")
            .with_inner_size([1000.0, 700.0])
            .with_min_inner_size([800.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "recap",
        options,
        Box::new(|_cc| Ok(Box::new(RecapApp::new(data)))),
    )
}
