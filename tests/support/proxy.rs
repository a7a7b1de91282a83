//! A TCP proxy on loopback between kiosks and the server, to break the link on purpose: pass,
//! drop every connection (the link is down), delay each chunk, cut each response after a
//! number of bytes, or answer requests for some address itself with an HTML error page, as a
//! misconfigured proxy or a captive portal does. It counts the bytes that go through, for the
//! figures of the README.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    Pass = 0,
    /// Connections are accepted and closed at once; open ones close at their next chunk.
    Drop = 1,
    /// Each response is cut after `limit` bytes.
    Truncate = 2,
    /// The server behind is down: every request is answered `502 Bad Gateway` in HTML, as
    /// nginx does.
    Gateway = 3,
}

#[derive(Default)]
struct Shared {
    mode: AtomicU8,
    delay_ms: AtomicU64,
    limit: AtomicU64,
    up: AtomicU64,
    down: AtomicU64,
    requests: AtomicU64,
    /// Requests whose request line contains this are answered `403 Forbidden` in HTML.
    refused: Mutex<Option<String>>,
    /// How many were.
    refusals: AtomicU64,
}

pub struct Proxy {
    pub url: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    pub async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Shared::default());
        let state = shared.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    continue;
                };
                let state = state.clone();
                tokio::spawn(async move {
                    if mode(&state) == Mode::Drop {
                        return;
                    }
                    if mode(&state) == Mode::Gateway {
                        let mut client = client;
                        let mut request = vec![0u8; 16 * 1024];
                        let _ = client.read(&mut request).await;
                        let _ = client.write_all(BAD_GATEWAY_PAGE.as_bytes()).await;
                        let _ = client.shutdown().await;
                        return;
                    }
                    let Ok(server) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    relay(client, server, state).await;
                });
            }
        });
        Proxy { url, shared, task }
    }

    pub fn set_mode(&self, mode: Mode) {
        self.shared.mode.store(mode as u8, Ordering::SeqCst);
    }

    pub fn set_delay(&self, delay: Duration) {
        self.shared
            .delay_ms
            .store(u64::try_from(delay.as_millis()).unwrap(), Ordering::SeqCst);
    }

    pub fn truncate_after(&self, bytes: u64) {
        self.shared.limit.store(bytes, Ordering::SeqCst);
        self.set_mode(Mode::Truncate);
    }

    /// Answers every request whose address contains `fragment` with an HTML 403 of its own
    /// (`None`: none).
    pub fn refuse(&self, fragment: Option<&str>) {
        *self.shared.refused.lock().unwrap() = fragment.map(str::to_owned);
    }

    /// How many requests it answered itself with its 403.
    pub fn refusals(&self) -> u64 {
        self.shared.refusals.load(Ordering::SeqCst)
    }

    /// HTTP requests sent through since the last call.
    pub fn take_requests(&self) -> u64 {
        self.shared.requests.swap(0, Ordering::SeqCst)
    }

    /// Bytes sent to the server and back since the last call.
    pub fn take_bytes(&self) -> (u64, u64) {
        (
            self.shared.up.swap(0, Ordering::SeqCst),
            self.shared.down.swap(0, Ordering::SeqCst),
        )
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn mode(shared: &Shared) -> Mode {
    match shared.mode.load(Ordering::SeqCst) {
        1 => Mode::Drop,
        2 => Mode::Truncate,
        3 => Mode::Gateway,
        _ => Mode::Pass,
    }
}

const FORBIDDEN_PAGE: &str = "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n\
    Content-Length: 48\r\nConnection: close\r\n\r\n<html><body><h1>403 Forbidden</h1></body></html>";

const BAD_GATEWAY_PAGE: &str = "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\
    Content-Length: 50\r\nConnection: close\r\n\r\n<html><body><h1>502 Bad Gateway</h1></body></html>";

async fn relay(client: TcpStream, server: TcpStream, shared: Arc<Shared>) {
    let (mut client_read, client_write) = client.into_split();
    let client_write = Arc::new(tokio::sync::Mutex::new(client_write));
    let (mut server_read, mut server_write) = server.into_split();
    let up_state = shared.clone();
    let refusing = client_write.clone();
    let up = tokio::spawn(async move {
        let mut buffer = vec![0u8; 16 * 1024];
        loop {
            let Ok(n) = client_read.read(&mut buffer).await else {
                return;
            };
            if n == 0 || mode(&up_state) == Mode::Drop {
                return;
            }
            up_state.up.fetch_add(n as u64, Ordering::SeqCst);
            // Every HTTP/1.1 request line ends so (bodies here are JSON, never this text).
            let lines = buffer[..n]
                .windows(10)
                .filter(|window| *window == b"HTTP/1.1\r\n")
                .count();
            up_state.requests.fetch_add(lines as u64, Ordering::SeqCst);
            // A connection kept open from before the server went down.
            if mode(&up_state) == Mode::Gateway {
                let mut client = refusing.lock().await;
                let _ = client.write_all(BAD_GATEWAY_PAGE.as_bytes()).await;
                let _ = client.shutdown().await;
                return;
            }
            let refused = up_state.refused.lock().unwrap().clone();
            if let Some(fragment) = refused {
                let head = String::from_utf8_lossy(&buffer[..n.min(512)]);
                let line = head.lines().next().unwrap_or_default();
                if line.ends_with("HTTP/1.1") && line.contains(&fragment) {
                    up_state.refusals.fetch_add(1, Ordering::SeqCst);
                    let mut client = refusing.lock().await;
                    let _ = client.write_all(FORBIDDEN_PAGE.as_bytes()).await;
                    let _ = client.shutdown().await;
                    return;
                }
            }
            if server_write.write_all(&buffer[..n]).await.is_err() {
                return;
            }
        }
    });
    let mut buffer = vec![0u8; 16 * 1024];
    let mut sent = 0u64;
    while let Ok(n) = server_read.read(&mut buffer).await {
        if n == 0 {
            break;
        }
        let delay = shared.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        let mut n = n as u64;
        match mode(&shared) {
            Mode::Drop => break,
            Mode::Truncate => {
                let limit = shared.limit.load(Ordering::SeqCst);
                n = n.min(limit.saturating_sub(sent));
            }
            Mode::Pass | Mode::Gateway => {}
        }
        let chunk = &buffer[..usize::try_from(n).unwrap()];
        shared.down.fetch_add(n, Ordering::SeqCst);
        sent += n;
        if client_write.lock().await.write_all(chunk).await.is_err() {
            break;
        }
        if mode(&shared) == Mode::Truncate && sent >= shared.limit.load(Ordering::SeqCst) {
            break;
        }
    }
    up.abort();
}
