//! The command line: one file per subcommand. Each returns the process exit code and prints
//! errors itself (to stderr), so main stays thin.

mod check;
mod export;
mod import;
mod list;
mod optimize;
mod optimize_deck;
mod stats;
mod window;

pub use window::run as run_window_command;

use crate::store::DataDir;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Recap: study current events from news FAQs, as flashcards and quizzes.
///
/// Without a subcommand, opens the window.
#[derive(Debug, Parser)]
#[command(name = "recap", version, about, long_about = None)]
pub struct Cli {
    /// The data folder (decks/ and progress/). Default: the platform data directory
    /// (~/.local/share/recap on Linux).
    #[arg(long, global = true, env = "RECAP_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Render the window to this PNG file and exit (needs a display, e.g. Xvfb).
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,

    /// With --screenshot: the screen to show.
    #[arg(long, value_enum, default_value = "library", requires = "screenshot")]
    pub screen: crate::ui::ScreenChoice,

    /// With --screenshot: the deck to show (default: the library's first).
    #[arg(long, value_name = "ID", requires = "screenshot")]
    pub deck: Option<String>,

    /// Seeds every quiz, so the same deck gives the same quiz again (for a class, a test or a
    /// bug report). Default: a fresh seed for each quiz.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Import(import::ImportArgs),
    Export(export::ExportArgs),
    Check(check::CheckArgs),
    List(list::ListArgs),
    Optimize(optimize::OptimizeArgs),
    Stats(stats::StatsArgs),
}

/// Runs a subcommand; returns the exit code.
pub fn run(cli: &Cli, command: &Command) -> i32 {
    match command {
        Command::Import(args) => import::run(cli, args),
        Command::Export(args) => export::run(cli, args),
        Command::Check(args) => check::run(args),
        Command::List(args) => list::run(cli, args),
        Command::Optimize(args) => optimize::run(cli, args),
        Command::Stats(args) => stats::run(cli, args),
    }
}

impl Cli {
    /// The data folder this run uses; prints why when there is none.
    pub fn data_dir(&self) -> Option<DataDir> {
        let data = DataDir::resolve(self.data_dir.as_deref());
        if data.is_none() {
            eprintln!(
                "error: no home folder to keep Recap's data in. Give one with --data-dir DIR."
            );
        }
        data
    }
}
