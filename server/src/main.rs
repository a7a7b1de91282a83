use clap::Parser;
use sportello_core::account::NewUser;
use sportello_server::Server;
use sportello_server::config::{Command, Config, KioskCommand, LogFormat, UserCommand};
use sportello_server::db::Db;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    init_logging(config.log_format);
    if let Some(Command::User(UserCommand::Add {
        username,
        role,
        office_id,
        organization_id,
    })) = config.command.clone()
    {
        let request = NewUser {
            username,
            password: String::new(),
            role,
            office_id,
            organization_id,
        };
        return match add_user(&config, request).await {
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
    if let Some(Command::Kiosk(KioskCommand::EnrolmentCode { kiosk_id })) = config.command.clone() {
        return match enrolment_code(&config, &kiosk_id).await {
            Ok(code) => {
                println!("{code}");
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

/// A one-time enrolment code for a kiosk, for the installer (and `./run.sh`'s demo kiosk).
async fn enrolment_code(config: &Config, kiosk_id: &str) -> Result<String, String> {
    let db = Db::open(&config.database_location())
        .await
        .map_err(|err| err.to_string())?;
    let code =
        sportello_server::auth::kiosk::issue_enrolment_code(&db, kiosk_id, jiff::Timestamp::now())
            .await
            .map_err(|err| err.to_string())?;
    Ok(code.code)
}

/// Creates an account from the command line; the password from SPORTELLO_PASSWORD or stdin,
/// never from the arguments (they show in `ps` and in shell histories).
async fn add_user(config: &Config, mut request: NewUser) -> Result<String, String> {
    request.password = match std::env::var("SPORTELLO_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|err| format!("cannot read the password: {err}"))?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    let db = Db::open(&config.database_location())
        .await
        .map_err(|err| err.to_string())?;
    let mut conn = db.conn().await.map_err(|err| err.to_string())?;
    let now = jiff::Timestamp::now().as_second();
    let info = sportello_server::auth::create_account(&mut conn, request, now)
        .await
        .map_err(|err| err.to_string())?;
    Ok(format!(
        "created {} ({})",
        info.username,
        info.role.as_str()
    ))
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
