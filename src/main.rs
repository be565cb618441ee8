use clap::Parser;
use recap::cli::{self, Cli};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => open_window(&cli),
    };
    std::process::exit(code);
}

fn open_window(cli: &Cli) -> i32 {
    let Some(data) = cli.data_dir() else { return 1 };
    match recap::ui::run_window(data) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "error: cannot open the window: {e}. Is a display available (DISPLAY or WAYLAND_DISPLAY)?"
            );
            1
        }
    }
}
