//! `recap` without a subcommand: the window, or with `--screenshot`, a picture of it.

use super::Cli;
use crate::model::{Clock, SystemClock, local_utc_offset_minutes};
use crate::store::progress::DeviceRegistry;
use crate::ui::{AppEnv, ScreenshotRequest, run_window, take_screenshot, window_error};
use std::sync::Arc;

pub fn run(cli: &Cli) -> i32 {
    let Some(env) = app_env(cli) else { return 1 };
    let result = match &cli.screenshot {
        Some(out) => take_screenshot(
            env,
            ScreenshotRequest {
                out: out.clone(),
                screen: cli.screen,
                deck: cli.deck.clone(),
                seed: cli.seed,
            },
        ),
        None => run_window(env, cli.seed).map_err(|e| window_error(&e)),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("error: {message}.");
            1
        }
    }
}

/// The data folder, this machine's device id for it, the clock and the local time zone.
fn app_env(cli: &Cli) -> Option<AppEnv> {
    let data = cli.data_dir()?;
    let registry = DeviceRegistry::platform();
    let device = match registry.map(|r| r.device_for(data.root(), &mut rand::rng())) {
        Some(Ok(device)) => device,
        Some(Err(error)) => {
            eprintln!("error: {error}");
            return None;
        }
        None => {
            eprintln!("error: no home folder for Recap's device registry; set RECAP_DEVICE_ID.");
            return None;
        }
    };
    let clock = Arc::new(SystemClock);
    let utc_offset_minutes = local_utc_offset_minutes(clock.now());
    Some(AppEnv {
        data,
        clock,
        device,
        utc_offset_minutes,
    })
}
