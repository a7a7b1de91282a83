//! A TCP proxy on loopback between kiosks and the server, to break the link on purpose: pass,
//! drop every connection (the link is down), delay each chunk, or cut each response after a
//! number of bytes. It counts the bytes that go through, for the figures of the README.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
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
}

#[derive(Default)]
struct Shared {
    mode: AtomicU8,
    delay_ms: AtomicU64,
    limit: AtomicU64,
    up: AtomicU64,
    down: AtomicU64,
    requests: AtomicU64,
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
        _ => Mode::Pass,
    }
}

async fn relay(client: TcpStream, server: TcpStream, shared: Arc<Shared>) {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let up_state = shared.clone();
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
            Mode::Pass => {}
        }
        let chunk = &buffer[..usize::try_from(n).unwrap()];
        shared.down.fetch_add(n, Ordering::SeqCst);
        sent += n;
        if client_write.write_all(chunk).await.is_err() {
            break;
        }
        if mode(&shared) == Mode::Truncate && sent >= shared.limit.load(Ordering::SeqCst) {
            break;
        }
    }
    up.abort();
}
