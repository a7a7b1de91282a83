// No console window on Windows release builds; the kiosk is a window, not a terminal program.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let filter =
        EnvFilter::try_from_env("SPORTELLO_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    match sportello::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sportello: {err}");
            ExitCode::from(2)
        }
    }
}
