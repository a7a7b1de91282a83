use clap::Parser;
use sportello_server::Server;
use sportello_server::config::{Config, LogFormat};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    init_logging(config.log_format);
    if let Some(command) = config.command.clone() {
        let clock = sportello_server::clock::SystemClock;
        return match sportello_server::commands::run(&config, command, &clock).await {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("sportello-server: {message}");
                ExitCode::FAILURE
            }
        };
    }
    match run(&config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "sportello-server stopped");
            eprintln!("sportello-server: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: &Config) -> Result<(), sportello_server::ServerError> {
    let server = Server::start(config).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    server.stop().await?;
    tracing::info!("stopped");
    Ok(())
}

/// Log level from `SPORTELLO_LOG` (e.g. `debug`, `sportello_server=trace`), default `info`.
fn init_logging(format: LogFormat) {
    let filter =
        EnvFilter::try_from_env("SPORTELLO_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// Resolves on Ctrl-C or SIGTERM (what systemd and `kill` send).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
