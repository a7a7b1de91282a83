//! Harness for end-to-end tests: a virtual display, the real server binary, and the real
//! kiosk binary driven over WebDriver (tauri-driver + WebKitWebDriver). Every process is
//! stopped when its guard drops, also when a test fails. Each test crate uses a part of it.
#![allow(dead_code)]

pub mod cups;
pub mod escpos;
pub mod proxy;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("a free loopback port")
        .local_addr()
        .unwrap()
        .port()
}

/// A child process stopped with SIGTERM (then SIGKILL) when dropped. SIGTERM first matters for
/// tauri-driver: only then does it stop the WebKitWebDriver it started.
pub struct Process {
    name: &'static str,
    child: Option<Child>,
}

impl Process {
    pub fn spawn(name: &'static str, command: &mut Command) -> Process {
        // If the test process dies without unwinding (killed by a CI timeout), the kernel
        // stops its children too, so no Xvfb or driver outlives the run.
        // SAFETY: prctl is async-signal-safe and touches only the new process.
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
        let child = command
            .stdin(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("cannot start {name} ({command:?}): {err}"));
        Process {
            name,
            child: Some(child),
        }
    }

    /// Stops the process gracefully and waits for it.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("{} ignored SIGTERM; killing it", self.name);
        let _ = child.kill();
        let _ = child.wait();
    }

    /// Kills the process at once (SIGKILL), as a power cut would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn assert_running(&mut self) {
        if let Some(child) = self.child.as_mut()
            && let Ok(Some(status)) = child.try_wait()
        {
            panic!("{} exited early: {status}", self.name);
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A private X server, so tests neither need nor disturb a desktop.
pub struct VirtualDisplay {
    pub display: String,
    _xvfb: Process,
}

impl VirtualDisplay {
    pub fn start() -> VirtualDisplay {
        let number = (90..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .expect("a free X display number");
        let display = format!(":{number}");
        let xvfb = Process::spawn(
            "Xvfb",
            Command::new("Xvfb")
                .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        wait_until(Duration::from_secs(10), "Xvfb to start", || socket.exists());
        VirtualDisplay {
            display,
            _xvfb: xvfb,
        }
    }

    /// Saves what the display shows as `dir/name.png`. Taken from the X server rather than
    /// through WebDriver: WebKitWebDriver's screenshot waits up to a minute for a repaint of
    /// an idle page, and the X server shows exactly what a person would see.
    pub fn screenshot(&self, dir: &Path, name: &str) {
        std::fs::create_dir_all(dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status()
            .expect("ImageMagick's import (the README's test command installs it)");
        assert!(status.success(), "import failed for {name}");
        eprintln!("screenshot: {}", path.display());
    }
}

/// Where the binaries of this build are: next to the kiosk binary cargo built for the test.
pub fn sibling_binary(name: &str) -> PathBuf {
    let kiosk = PathBuf::from(env!("CARGO_BIN_EXE_sportello"));
    let path = kiosk.with_file_name(name);
    assert!(
        path.exists(),
        "{} is missing: build it first (`cargo build -p sportello-server`; the README's test \
         command does)",
        path.display()
    );
    path
}

/// The real `sportello-server` on a free loopback port with a fresh database.
pub struct ServerProcess {
    pub url: String,
    process: Process,
}

impl ServerProcess {
    pub fn start(database: &Path) -> ServerProcess {
        Self::start_on(database, free_port())
    }

    /// On a given port: a restarted server comes back where its kiosks look for it.
    pub fn start_on(database: &Path, port: u16) -> ServerProcess {
        let url = format!("http://127.0.0.1:{port}");
        let mut process = Process::spawn(
            "sportello-server",
            Command::new(sibling_binary("sportello-server"))
                .args(["--listen", &format!("127.0.0.1:{port}")])
                .args(["--seed", "demo"])
                .arg("--database")
                .arg(database)
                .env("SPORTELLO_LOG", "warn"),
        );
        let health = format!("{url}/health");
        wait_until(Duration::from_secs(30), "the server to answer", || {
            process.assert_running();
            http_ok(&health)
        });
        ServerProcess { url, process }
    }

    pub fn stop(&mut self) {
        self.process.stop();
    }

    /// `kill -9`: no goodbye, no flush beyond what the database already made durable.
    pub fn kill(&mut self) {
        self.process.kill();
    }

    pub fn addr(&self) -> std::net::SocketAddr {
        self.url.trim_start_matches("http://").parse().unwrap()
    }
}

fn http_ok(url: &str) -> bool {
    // A plain socket keeps this harness free of a blocking HTTP client.
    use std::io::{Read, Write};
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let Ok(mut stream) = std::net::TcpStream::connect(host) else {
        return false;
    };
    let request = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    let mut response = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
}

/// The kiosk app in its real window, with its own config, data and cache folders.
pub struct Kiosk {
    pub client: Client,
    _home: tempfile::TempDir,
    _driver: Process,
}

impl Kiosk {
    /// Writes the kiosk's config file, starts tauri-driver, and opens a session on the app.
    pub async fn start(display: &VirtualDisplay, config_toml: &str) -> Kiosk {
        Self::start_with(display, config_toml, &[]).await
    }

    /// With extra environment for the app (e.g. an enrolment code).
    pub async fn start_with(
        display: &VirtualDisplay,
        config_toml: &str,
        env: &[(&str, &str)],
    ) -> Kiosk {
        let home = tempfile::tempdir().unwrap();
        let config_dir = home.path().join("config/it.sportello.kiosk");
        std::fs::create_dir_all(&config_dir).unwrap();
        std::fs::write(config_dir.join("kiosk.toml"), config_toml).unwrap();

        let port = free_port();
        let native_port = free_port();
        let driver = Process::spawn(
            "tauri-driver",
            Command::new(tool("tauri-driver"))
                .args(["--port", &port.to_string()])
                .args(["--native-port", &native_port.to_string()])
                // Reaches the app: its display, and folders of its own.
                .env("DISPLAY", &display.display)
                .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
                .env("XDG_CONFIG_HOME", home.path().join("config"))
                .env("XDG_DATA_HOME", home.path().join("data"))
                .env("XDG_CACHE_HOME", home.path().join("cache"))
                .env_remove("SPORTELLO_SERVER_URL")
                .env("SPORTELLO_LOG", "warn")
                .envs(env.iter().copied())
                .stdout(Stdio::null()),
        );
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": env!("CARGO_BIN_EXE_sportello") }),
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => break client,
                Err(err) if Instant::now() > deadline => {
                    panic!("no WebDriver session at {webdriver}: {err}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Kiosk {
            client,
            _home: home,
            _driver: driver,
        }
    }

    /// Waits for an element to appear and returns it.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(err) => {
                // What the screen says instead, so a failure in CI can be understood.
                let shown = self
                    .client
                    .execute("return document.body.innerText", vec![])
                    .await
                    .map(|text| text.to_string())
                    .unwrap_or_default();
                panic!("{css} did not appear: {err}\nthe screen shows:\n{shown}")
            }
        }
    }

    /// The element's text. An element replaced by a re-render between finding and reading
    /// it is found again.
    pub async fn text(&self, css: &str) -> String {
        for _ in 0..5 {
            match self.wait_for(css).await.text().await {
                Ok(text) => return text,
                Err(err) if is_stale(&err) => continue,
                Err(err) => panic!("text of {css}: {err}"),
            }
        }
        panic!("{css} kept being replaced")
    }

    pub async fn click(&self, css: &str) {
        let mut last = String::new();
        for _ in 0..5 {
            match self.wait_for(css).await.click().await {
                Ok(()) => return,
                Err(err) if is_stale(&err) => continue,
                // WebKitWebDriver sometimes answers a click on an element being re-rendered
                // (the status bar updates while a first pull lands) with an error that has no
                // message at all: the element is found again and clicked again.
                Err(err) if err.to_string().trim_end().ends_with("error:") => {
                    last = format!("{err:?}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(err) => panic!("click on {css}: {err}"),
            }
        }
        panic!("{css} kept being replaced {last}")
    }

    /// Sets an input's value as typing would (an `input` event), without the on-screen
    /// keyboard.
    pub async fn type_into(&self, id: &str, value: &str) {
        self.wait_for(&format!("#{id}")).await;
        self.eval(&format!(
            "const e = document.getElementById('{id}'); e.value = {value:?};\
             e.dispatchEvent(new Event('input', {{ bubbles: true }})); return true;"
        ))
        .await;
    }

    /// The `data-id`s of the elements `css` matches, once `expected` says they are what the
    /// screen should show (within 20 s). Read in one script: a list re-renders as results
    /// come, and elements found one call earlier may be gone.
    pub async fn ids_when(&self, css: &str, expected: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ids: Vec<String> = serde_json::from_value(
                self.eval(&format!(
                    "return [...document.querySelectorAll({css:?})].map(e => e.dataset.id)"
                ))
                .await,
            )
            .unwrap_or_default();
            if expected(&ids) {
                return ids;
            }
            assert!(Instant::now() < deadline, "{css} stayed {ids:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs a script in the page and returns what it returns.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// Texts of every element matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
            texts.push(element.text().await.unwrap());
        }
        texts
    }

    pub async fn attributes(&self, css: &str, attribute: &str) -> Vec<String> {
        let mut values = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
            values.push(element.attr(attribute).await.unwrap().unwrap_or_default());
        }
        values
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

fn is_stale(err: &fantoccini::error::CmdError) -> bool {
    err.to_string().contains("not found") || err.to_string().contains("stale")
}

/// A tool on PATH or in cargo's bin folder.
pub fn tool(name: &str) -> PathBuf {
    let in_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    });
    let in_cargo = std::env::var_os("HOME")
        .map(|home| PathBuf::from(home).join(".cargo/bin").join(name))
        .filter(|candidate| candidate.is_file());
    in_path
        .or(in_cargo)
        .unwrap_or_else(|| panic!("{name} is not installed: the README's test command installs it"))
}

pub fn wait_until(timeout: Duration, what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A message's text in one language, read straight from its Fluent file (simple messages).
pub fn message(lang: &str, id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang)
        .join("sportello.ftl");
    let source = std::fs::read_to_string(path).unwrap();
    source
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{lang}: no simple message {id}"))
        .to_owned()
}

/// A session token for a demo account.
pub async fn login(server: &str, username: &str, password: &str) -> String {
    let session: serde_json::Value = reqwest::Client::new()
        .post(format!("{server}/api/v1/auth/login"))
        .json(&serde_json::json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    session["token"]
        .as_str()
        .unwrap_or_else(|| panic!("login {username}: {session}"))
        .to_owned()
}

/// Registers a kiosk in Asti as the demo administrator; its one-time enrolment code.
pub async fn enrolment_code(server: &str, kiosk_id: &str) -> String {
    let admin = login(server, "admin", "sportello-admin").await;
    let code: serde_json::Value = reqwest::Client::new()
        .post(format!("{server}/api/v1/admin/kiosks"))
        .bearer_auth(admin)
        .json(&serde_json::json!({"kiosk_id": kiosk_id, "place": "Test", "comune_istat": "005005"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    code["code"]
        .as_str()
        .unwrap_or_else(|| panic!("register {kiosk_id}: {code}"))
        .to_owned()
}
