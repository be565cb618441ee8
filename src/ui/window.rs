//! Opening the real window, and `recap --screenshot`: the window renders one screen, saves it
//! as a PNG and closes.

use super::app::{AppEnv, RecapApp};
use super::fonts::install_fonts;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Which screen a screenshot shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScreenChoice {
    Library,
    Review,
    Answer,
    Summary,
    Settings,
    /// The quiz setup with every deck ticked (the "Quiz several decks…" button).
    QuizSetup,
    /// A multiple-choice quiz at its first question.
    Quiz,
    /// A quiz answered in memory (every other question wrong), not saved in the history.
    QuizResult,
    /// The deck editor on the deck's first card.
    Editor,
    /// The deck's statistics (`--deck`), or all decks' without `--deck`.
    Stats,
}

/// `--screenshot OUT.png --screen S --deck ID`.
#[derive(Debug, Clone)]
pub struct ScreenshotRequest {
    pub out: PathBuf,
    pub screen: ScreenChoice,
    /// The deck for review/answer/summary/settings/stats; default: the library's first (for
    /// stats: all decks).
    pub deck: Option<String>,
    /// The quiz seed (`--seed`); default [`SCREENSHOT_SEED`], so a quiz picture is repeatable.
    pub seed: Option<u64>,
}

/// Quiz screenshots use a fixed seed unless `--seed` says otherwise, so the same data gives
/// the same picture.
const SCREENSHOT_SEED: u64 = 7;

fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Recap")
            .with_app_id("recap")
            .with_inner_size([1000.0, 700.0])
            .with_min_inner_size([800.0, 600.0]),
        ..Default::default()
    }
}

/// Opens the window on the library; returns when it is closed. `quiz_seed` (`--seed`) makes
/// every quiz reproducible.
pub fn run_window(env: AppEnv, quiz_seed: Option<u64>) -> eframe::Result {
    eframe::run_native(
        "recap",
        native_options(),
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let mut app = RecapApp::new(env);
            if let Some(seed) = quiz_seed {
                app.set_quiz_seed(seed);
            }
            Ok(Box::new(app))
        }),
    )
}

/// Renders the requested screen to a PNG; Err says why not.
pub fn take_screenshot(env: AppEnv, request: ScreenshotRequest) -> Result<(), String> {
    let mut app = RecapApp::new(env);
    app.set_quiz_seed(request.seed.unwrap_or(SCREENSHOT_SEED));
    let deck = request
        .deck
        .clone()
        .or_else(|| app.first_deck())
        .ok_or("the library has no deck")?;
    match request.screen {
        ScreenChoice::Library => {}
        ScreenChoice::Review => app.open_review(&deck)?,
        ScreenChoice::Answer => {
            app.open_review(&deck)?;
            app.review_mut().map(|review| review.reveal());
        }
        ScreenChoice::Summary => {
            app.open_review(&deck)?;
            app.finish_review();
        }
        ScreenChoice::Settings => app.open_settings(&deck)?,
        ScreenChoice::QuizSetup => app.open_quiz_setup(),
        ScreenChoice::Quiz => app.open_quiz(&deck)?,
        ScreenChoice::QuizResult => app.open_quiz_result(&deck)?,
        ScreenChoice::Editor => app.open_editor(&deck)?,
        ScreenChoice::Stats => app.open_stats(request.deck.as_deref())?,
    }
    let outcome: Arc<Mutex<Option<Result<(), String>>>> = Arc::default();
    let shooter = Screenshooter {
        app,
        out: request.out,
        frames: 0,
        outcome: outcome.clone(),
    };
    eframe::run_native(
        "recap",
        native_options(),
        Box::new(|cc| {
            install_fonts(&cc.egui_ctx);
            Ok(Box::new(shooter))
        }),
    )
    .map_err(|e| window_error(&e))?;
    let result = outcome.lock().map(|o| o.clone()).unwrap_or(None);
    result.unwrap_or_else(|| Err("the window closed before the screenshot was taken".to_string()))
}

/// Draws the app, asks for a screenshot once the layout has settled, closes when it is saved.
struct Screenshooter {
    app: RecapApp,
    out: PathBuf,
    frames: u32,
    outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

/// Frames drawn before the picture: egui lays some things out over the first frames.
const SETTLE_FRAMES: u32 = 3;

impl eframe::App for Screenshooter {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.show(ui);
        self.frames += 1;
        if self.frames == SETTLE_FRAMES {
            let out = self.out.clone();
            let outcome = self.outcome.clone();
            ui.ctx().request_screenshot(move |image| {
                let saved = write_png(&out, &image);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(saved);
                }
            });
        }
        let done = self.outcome.lock().map(|o| o.is_some()).unwrap_or(true);
        if done {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
    }
}

fn write_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let fail =
        |e: &dyn std::fmt::Display| format!("{}: cannot write the screenshot: {e}", path.display());
    let file = std::fs::File::create(path).map_err(|e| fail(&e))?;
    let [width, height] = image.size;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| fail(&e))?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    writer.write_image_data(&bytes).map_err(|e| fail(&e))
}

/// Why the window did not open, with what usually fixes it.
pub fn window_error(error: &eframe::Error) -> String {
    format!(
        "cannot open the window: {error}. A display is needed (DISPLAY or WAYLAND_DISPLAY; e.g. Xvfb)"
    )
}
