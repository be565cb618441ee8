//! Noticing, without a restart, files a sync tool (or a text editor) changed in the data
//! folder. A thread polls the folder (see `store::FolderWatch`) and, on a change, raises a flag
//! and wakes the window: egui draws only on input, and the frame path itself never touches the
//! disk. The library screen then reads the library again.

use crate::store::FolderWatch;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the data folder is checked.
pub(super) const FOLDER_POLL: Duration = Duration::from_secs(2);

pub(super) struct FolderWatcher {
    /// The folder as it was when the app read the library; moved into the thread at start.
    watch: Option<FolderWatch>,
    poll: Duration,
    /// Raised by the thread when the folder changed; None until the thread runs.
    changed: Option<Arc<AtomicBool>>,
}

impl FolderWatcher {
    pub(super) fn new(watch: FolderWatch) -> FolderWatcher {
        FolderWatcher {
            watch: Some(watch),
            poll: FOLDER_POLL,
            changed: None,
        }
    }

    /// Polls more often (tests); takes effect if the thread has not started yet.
    pub(super) fn set_poll(&mut self, poll: Duration) {
        self.poll = poll;
    }

    /// Whether the folder changed since the last call. Starts the thread on the first call
    /// (the app calls it on its first frame, on the library), which is when the window's
    /// context (to wake it) is at hand.
    pub(super) fn take_change(&mut self, ctx: &egui::Context) -> bool {
        if let Some(watch) = self.watch.take() {
            self.changed = spawn(watch, self.poll, ctx.clone());
        }
        self.changed
            .as_ref()
            .is_some_and(|flag| flag.swap(false, Ordering::AcqRel))
    }
}

/// The polling thread; it ends once the app is gone (it holds the flag's only reference).
fn spawn(mut watch: FolderWatch, poll: Duration, ctx: egui::Context) -> Option<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    let raised = flag.clone();
    let spawned = std::thread::Builder::new()
        .name("folder-watch".into())
        .spawn(move || {
            while Arc::strong_count(&raised) > 1 {
                std::thread::sleep(poll);
                if watch.changed() {
                    raised.store(true, Ordering::Release);
                    ctx.request_repaint();
                }
            }
        });
    match spawned {
        Ok(_) => Some(flag),
        Err(error) => {
            eprintln!(
                "warning: changes made by other computers show only after a restart: {error}"
            );
            None
        }
    }
}
