//! The `sportello-server` binary as an operator runs it: configured from flags or the
//! environment, stopped by a signal.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_healthy(port: u16, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server exited early: {status}");
        }
        if let Ok(response) = get_health(port) {
            assert!(response.contains("\"status\":\"ok\""), "{response}");
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the server did not become healthy on port {port}");
}

/// `GET /health` over a plain socket, so this test needs no async runtime.
fn get_health(port: u16) -> std::io::Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

fn terminate(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_exit(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + within;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not exit within {within:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn configured_by_flags_it_serves_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sportello-server"))
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args([
            "--database",
            dir.path().join("db.sqlite3").to_str().unwrap(),
        ])
        .args(["--log-format", "json"])
        .env_remove("SPORTELLO_LISTEN")
        .env_remove("SPORTELLO_DATABASE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_healthy(port, &mut child);
    terminate(&child);
    let status = wait_exit(&mut child, Duration::from_secs(15));
    assert!(status.success(), "exit status {status}");

    let output = child.wait_with_output().unwrap();
    let logs = String::from_utf8(output.stdout).unwrap();
    // Structured logs: one JSON object a line, ending with the clean stop.
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON log line"))
        .collect();
    assert!(
        lines.iter().any(|l| l["fields"]["message"] == "serving"),
        "{logs}"
    );
    assert_eq!(
        lines.last().unwrap()["fields"]["message"],
        "stopped",
        "{logs}"
    );
    assert!(dir.path().join("db.sqlite3").exists());
}

#[test]
fn configured_by_environment_it_serves_too() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sportello-server"))
        .env("SPORTELLO_LISTEN", format!("127.0.0.1:{port}"))
        .env("SPORTELLO_DATABASE", dir.path().join("env.sqlite3"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_healthy(port, &mut child);
    terminate(&child);
    assert!(wait_exit(&mut child, Duration::from_secs(15)).success());
    assert!(dir.path().join("env.sqlite3").exists());
}

#[test]
fn an_unusable_database_location_is_reported_and_the_server_exits() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_sportello-server"))
        .args(["--listen", "127.0.0.1:0"])
        .args(["--database", blocker.join("db.sqlite3").to_str().unwrap()])
        .env_remove("SPORTELLO_LISTEN")
        .env_remove("SPORTELLO_DATABASE")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot create the database folder"),
        "{stderr}"
    );
}

#[test]
fn a_busy_port_is_reported_and_the_server_exits() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_sportello-server"))
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args([
            "--database",
            dir.path().join("db.sqlite3").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{stderr}"
    );
}

#[tokio::test]
async fn personal_data_never_reaches_the_logs() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sportello-server"))
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args([
            "--database",
            dir.path().join("db.sqlite3").to_str().unwrap(),
        ])
        .args(["--seed", "demo"])
        // The most talkative level, sqlx's statements and tower-http's requests included.
        .env("SPORTELLO_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain both pipes while the server runs: a full pipe would block its logging.
    let drain = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    wait_healthy(port, &mut child);
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let http = reqwest::Client::new();
    let availability: serde_json::Value = http
        .get(format!(
            "{base}/availability?procedure_id=questura-asti-permesso-rinnovo"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let start = availability["slots"][0]["start"].clone();
    let hold: serde_json::Value = http
        .post(format!("{base}/holds"))
        .header("Idempotency-Key", "log-test-hold-1")
        .json(
            &serde_json::json!({"procedure_id": "questura-asti-permesso-rinnovo",
            "office_id": "questura-asti", "start": start}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let person = serde_json::json!({"given_names": "Zainab", "surname": "Quellenbergh",
        "date_of_birth": "1987-06-23", "nationality": "SN",
        "identity": {"kind": "passport", "number": "ZQ7788990"}, "phone": "+39 347 555 1234"});
    let response = http
        .post(format!(
            "{base}/holds/{}/confirm",
            hold["hold_id"].as_str().unwrap()
        ))
        .header("Idempotency-Key", "log-test-confirm-1")
        .json(&serde_json::json!({"person": person}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let booking: serde_json::Value = response.json().await.unwrap();
    // A failed lookup with a wrong date of birth is logged as a request, nothing more.
    http.post(format!(
        "{base}/bookings/{}/lookup",
        booking["code"].as_str().unwrap()
    ))
    .json(&serde_json::json!({"date_of_birth": "1987-06-24", "document_end": "8990"}))
    .send()
    .await
    .unwrap();
    terminate(&child);
    assert!(wait_exit(&mut child, Duration::from_secs(15)).success());
    let logs = format!("{}{}", stdout.join().unwrap(), stderr.join().unwrap());
    assert!(logs.contains("/confirm"), "the requests were logged at all");
    for secret in [
        "Zainab",
        "Quellenbergh",
        "1987-06-23",
        "1987-06-24",
        "ZQ7788990",
        "347 555",
        "3475551234",
    ] {
        assert!(!logs.contains(secret), "{secret} appears in the logs");
    }
}

#[test]
fn accounts_are_created_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("db.sqlite3");
    let add = |username: &str, password: &str, extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sportello-server"));
        command
            .args(["--database", database.to_str().unwrap(), "user", "add"])
            .args(["--username", username])
            .args(extra)
            .env("SPORTELLO_PASSWORD", password)
            .env("SPORTELLO_LOG", "error")
            .output()
            .unwrap()
    };
    let created = add("capo.ufficio", "una-password-sicura", &["--role", "admin"]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("created capo.ufficio (admin)"));
    let taken = add("capo.ufficio", "una-password-sicura", &["--role", "admin"]);
    assert!(!taken.status.success());
    assert!(String::from_utf8_lossy(&taken.stderr).contains("taken"));
    let short = add("altro", "corta", &["--role", "admin"]);
    assert!(String::from_utf8_lossy(&short.stderr).contains("10 to 256"));
    let no_office = add("sportellista", "una-password-sicura", &["--role", "staff"]);
    assert!(String::from_utf8_lossy(&no_office.stderr).contains("office_id"));
    let bad_role = add("x.y", "una-password-sicura", &["--role", "king"]);
    assert!(!bad_role.status.success());
}

/// The server binary with `args`, its environment cleared of Sportello's settings.
fn server(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sportello-server"));
    command.args(args);
    // Every setting, present and future: a developer's shell must not change what is tested.
    for (var, _) in std::env::vars().filter(|(var, _)| var.starts_with("SPORTELLO_")) {
        command.env_remove(var);
    }
    command.env("SPORTELLO_LOG", "error");
    command
}

/// Logs in over a plain socket: the HTTP status.
fn login_status(port: u16, username: &str, password: &str) -> u16 {
    use std::io::{Read, Write};
    let body = serde_json::json!({"username": username, "password": password}).to_string();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response[9..12].parse().unwrap()
}

#[test]
fn started_with_no_flags_it_has_no_account_anyone_can_guess() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("db.sqlite3");
    let port = free_port();
    let mut child = server(&["--listen", &format!("127.0.0.1:{port}")])
        .args(["--database", database.to_str().unwrap()])
        .spawn()
        .unwrap();
    wait_healthy(port, &mut child);
    for (username, password) in [
        ("admin", "sportello-admin"),
        ("questura.staff", "sportello-staff"),
        ("asti.operatore", "sportello-operatore"),
    ] {
        assert_eq!(login_status(port, username, password), 401, "{username}");
    }
    terminate(&child);
    assert!(wait_exit(&mut child, Duration::from_secs(15)).success());
}

#[test]
fn demo_accounts_never_listen_beyond_this_machine_unless_it_is_a_demo() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("db.sqlite3");
    let database = database.to_str().unwrap();
    // The demo, on loopback: fine.
    let port = free_port();
    let mut child = server(&["--listen", &format!("127.0.0.1:{port}"), "--seed", "demo"])
        .args(["--database", database])
        .spawn()
        .unwrap();
    wait_healthy(port, &mut child);
    assert_eq!(login_status(port, "admin", "sportello-admin"), 200);
    terminate(&child);
    assert!(wait_exit(&mut child, Duration::from_secs(15)).success());

    // On every address: refused, naming the accounts and the ways out.
    let port = free_port();
    let refused = server(&["--listen", &format!("0.0.0.0:{port}")])
        .args(["--database", database])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    for part in [
        "demo accounts",
        "admin",
        "questura.staff",
        "--demo",
        "user passwd",
    ] {
        assert!(said.contains(part), "{part}: {said}");
    }
    // On loopback behind a reverse proxy, which serves the world: refused too.
    let behind_proxy = server(&["--listen", &format!("127.0.0.1:{port}")])
        .args(["--database", database, "--trusted-proxy", "127.0.0.1"])
        .output()
        .unwrap();
    assert!(!behind_proxy.status.success());
    let said = String::from_utf8_lossy(&behind_proxy.stderr);
    assert!(said.contains("reverse proxy"), "{said}");
    // Told it is a public demonstration: it serves.
    let mut child = server(&["--listen", &format!("0.0.0.0:{port}"), "--demo"])
        .args(["--database", database])
        .spawn()
        .unwrap();
    wait_healthy(port, &mut child);
    terminate(&child);
    assert!(wait_exit(&mut child, Duration::from_secs(15)).success());

    // Every demo password changed on the command line (one a temporary one): it serves.
    for username in [
        "admin",
        "questura.staff",
        "sui.staff",
        "prefettura.staff",
        "asti.operatore",
        "nizza.operatore",
        "patronato.operatore",
    ] {
        let changed = server(&["--database", database, "user", "passwd"])
            .args(["--username", username])
            .args(if username == "admin" {
                &["--temporary"][..]
            } else {
                &[]
            })
            .env("SPORTELLO_PASSWORD", format!("{username}-new-secret"))
            .output()
            .unwrap();
        assert!(
            changed.status.success(),
            "{}",
            String::from_utf8_lossy(&changed.stderr)
        );
    }
    let unknown = server(&[
        "--database",
        database,
        "user",
        "passwd",
        "--username",
        "nobody",
    ])
    .env("SPORTELLO_PASSWORD", "whatever-long-enough")
    .output()
    .unwrap();
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no account nobody"));
    let mut child = server(&["--listen", &format!("0.0.0.0:{port}")])
        .args(["--database", database])
        .spawn()
        .unwrap();
    wait_healthy(port, &mut child);
    assert_eq!(login_status(port, "admin", "sportello-admin"), 401);
    assert_eq!(login_status(port, "sui.staff", "sui.staff-new-secret"), 200);
    terminate(&child);
    assert!(wait_exit(&mut child, Duration::from_secs(15)).success());
}
