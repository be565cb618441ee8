//! Running the `recap` binary in tests, as a user would from a shell. Included with
//! `#[path = "common/cli.rs"] mod cli;` by the command-line tests (not through `common`, which
//! brings the window harness).

#![allow(dead_code)] // Each test file uses its own part.

use std::path::Path;
use std::process::{Command, Output};

/// The `recap` binary, its caches in a temporary folder: never the user's.
pub fn recap_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recap"));
    command.env(
        "RECAP_CACHE_DIR",
        std::env::temp_dir().join("recap-test-cache"),
    );
    command
}

/// Runs `recap ARGS` on the data folder `data`.
pub fn recap(data: &Path, args: &[&str]) -> Output {
    recap_command()
        .args(args)
        .env("RECAP_DATA_DIR", data)
        .output()
        .expect("the recap binary runs")
}

/// Output bytes as text, for assertions and messages.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
