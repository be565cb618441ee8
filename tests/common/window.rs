//! Driving the whole window in tests: a harness on a temporary data folder with a manual clock,
//! and the few gestures the tests use (press a key, click a labelled control, look for text).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use recap::model::{ManualClock, Timestamp};
use recap::store::DataDir;
use recap::store::progress::DeviceId;
use recap::ui::{AppEnv, RecapApp};
use std::sync::Arc;

/// 2026-11-28 10:00 UTC.
pub const START: Timestamp = Timestamp(1_795_860_000_000);
pub const DECK_TITLE: &str = "Kim Jong Un and Vladimir Putin exchange letters";

/// The app in a test harness, and the clock it reads.
pub struct Window {
    pub harness: Harness<'static, RecapApp>,
    #[allow(dead_code)] // Not every test file moves the clock.
    pub clock: ManualClock,
}

/// The app on `data` at `clock`'s time, 1000×700, with `prepare` applied before the first frame.
pub fn open_window_with(
    data: &DataDir,
    clock: &ManualClock,
    prepare: impl FnOnce(&mut RecapApp),
) -> Window {
    let env = AppEnv {
        data: data.clone(),
        clock: Arc::new(clock.clone()),
        device: DeviceId::new("ui-test").unwrap(),
        utc_offset_minutes: 0,
    };
    let mut app = RecapApp::new(env);
    prepare(&mut app);
    // A gesture that saves a file lets the folder watcher (polling every 20 ms in tests) wake a
    // few more frames while it settles, more of them on a busy machine; 32 still catches a
    // screen that never stops repainting.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .with_max_steps(32)
        .build_ui_state(|ui, app: &mut RecapApp| app.show(ui), app);
    harness.run();
    Window {
        harness,
        clock: clock.clone(),
    }
}

#[allow(dead_code)] // Each test file uses its own subset.
impl Window {
    pub fn press(&mut self, key: egui::Key) {
        self.harness.key_press(key);
        self.harness.run();
    }

    pub fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    pub fn click_containing(&mut self, label: &str) {
        self.harness.get_by_label_contains(label).click();
        self.harness.run();
    }

    /// Runs frames until `text` shows, for what a background thread brings (the data-folder
    /// watcher, polling every 20 ms in tests); gives up after five seconds.
    pub fn run_until_shows(&mut self, text: &str) -> bool {
        for _ in 0..250 {
            if self.shows(text) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.harness.run();
        }
        self.shows(text)
    }

    pub fn shows(&self, text: &str) -> bool {
        self.harness.query_by_label_contains(text).is_some()
    }
}
