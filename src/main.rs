use clap::Parser;
use recap::cli::{self, Cli};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => cli::run_window_command(&cli),
    };
    std::process::exit(code);
}
