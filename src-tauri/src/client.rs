//! The central server's API as the kiosk uses it: the public read path (change feed,
//! snapshots, free places), enrolment, and authenticated writes with short-lived tokens the
//! device key obtains.

use crate::identity::Identity;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::Signer;
use reqwest::{Method, StatusCode, Url};
use serde::de::DeserializeOwned;
use sportello_core::api::{Problem, ProblemCode};
use sportello_core::clock::SharedClock;
use sportello_core::device::{Challenge, EnrolRequest, Enrolment, KioskToken, token_proof};
use sportello_core::lease::{LeaseSet, LeaseSync};
use sportello_core::sync::{ChangePage, Cursor, EntityKind, SlotsSnapshot, Snapshot};
use std::sync::Mutex;
use std::time::Duration;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// For what a person waits for at the screen.
const INTERACTIVE_TIMEOUT: Duration = Duration::from_secs(5);
/// A token this close to its end is renewed before use: a request must not die in flight.
const TOKEN_MARGIN_SECS: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the server cannot be reached: {0}")]
    Unreachable(#[source] reqwest::Error),
    /// The server's own refusal, by status and problem code. Its detail is left out: it may
    /// repeat what was sent, and errors are logged.
    #[error("the server refused the request ({status}, {code:?})")]
    Refused {
        status: u16,
        code: Option<ProblemCode>,
    },
    #[error("the server sent something unreadable: {0}")]
    Malformed(String),
    /// An answer that is not the server's: an error page of something on the way (a proxy,
    /// a captive portal), HTTP `status`.
    #[error("something on the way answered instead of the server ({status})")]
    OnTheWay { status: u16 },
    /// The proxy in front of the server answered that it cannot reach it (502, 503 or 504
    /// without a problem document): as good as no link.
    #[error("the server's proxy cannot reach it ({status})")]
    Gateway { status: u16 },
    #[error("this kiosk is not enrolled yet")]
    NotEnrolled,
    /// The server no longer accepts this kiosk's key: revoked, or enrolled again elsewhere.
    #[error("the server does not accept this kiosk any more (revoked?)")]
    Rejected,
    #[error(transparent)]
    Cache(#[from] crate::cache::CacheError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// A transport failure, without the address it was for: addresses name bookings and holds
/// (`/bookings/K7MX4PRT/cancel`, `/holds/<id>/confirm`), and errors are logged.
fn unreachable(err: reqwest::Error) -> SyncError {
    SyncError::Unreachable(err.without_url())
}

impl SyncError {
    /// Whether trying again later may succeed: the network, or the server's own trouble.
    pub fn is_retryable(&self) -> bool {
        match self {
            SyncError::Unreachable(_)
            | SyncError::Gateway { .. }
            | SyncError::Malformed(_)
            | SyncError::OnTheWay { .. } => true,
            SyncError::Refused { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// What the server answered to a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteAnswer {
    pub status: u16,
    /// The body: the resource on success, a problem document otherwise.
    pub body: String,
}

impl WriteAnswer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The problem document of a refusal.
    pub fn problem(&self) -> Option<Problem> {
        serde_json::from_str(&self.body).ok()
    }
}

#[derive(Debug)]
pub struct ServerClient {
    http: reqwest::Client,
    base: Url,
    /// The current token and its end (Unix seconds, by this kiosk's clock).
    token: Mutex<Option<(String, i64)>>,
    /// The kiosk's clock: everything on the kiosk that depends on time reads this one.
    clock: SharedClock,
}

impl ServerClient {
    pub fn new(server_url: &str, clock: SharedClock) -> Result<ServerClient, SyncError> {
        // A trailing slash and a relative join keep a path prefix, e.g. a server behind a
        // reverse proxy at https://host/sportello/.
        let base = Url::parse(&format!("{}/", server_url.trim_end_matches('/')))
            .map_err(|err| SyncError::Malformed(format!("server URL: {err}")))?;
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("sportello-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(unreachable)?;
        Ok(ServerClient {
            http,
            base,
            token: Mutex::new(None),
            clock,
        })
    }

    /// The kiosk's clock, which this client and everything that talks through it share.
    pub fn clock(&self) -> SharedClock {
        self.clock.clone()
    }

    fn url(&self, path: &str) -> Result<Url, SyncError> {
        self.base
            .join(path.trim_start_matches('/'))
            // Not the path: it may name a booking or a hold, and errors end up in the log.
            .map_err(|err| SyncError::Malformed(format!("a request's address: {err}")))
    }

    /// One page of the change feed after `since`.
    pub async fn changes(&self, since: Cursor, limit: u32) -> Result<ChangePage, SyncError> {
        let request = self
            .http
            .get(self.url("api/v1/sync/changes")?)
            .query(&[("since", since.to_string()), ("limit", limit.to_string())]);
        read_json(request.send().await).await
    }

    /// The next free slots of a procedure, now. Quick or not at all: a person is waiting.
    pub async fn availability(
        &self,
        procedure_id: &str,
        from: Option<jiff::civil::Date>,
        limit: u32,
    ) -> Result<sportello_core::booking::Availability, SyncError> {
        let mut query = vec![
            ("procedure_id", procedure_id.to_owned()),
            ("limit", limit.to_string()),
        ];
        if let Some(from) = from {
            query.push(("from", from.to_string()));
        }
        let request = self
            .http
            .get(self.url("api/v1/availability")?)
            .query(&query)
            .timeout(INTERACTIVE_TIMEOUT);
        read_json(request.send().await).await
    }

    /// Logs an operator in: their session.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
    ) -> Result<sportello_core::account::Session, SyncError> {
        let request = self
            .http
            .post(self.url("api/v1/auth/login")?)
            .json(&serde_json::json!({"username": username, "password": password}))
            .timeout(INTERACTIVE_TIMEOUT);
        read_json(request.send().await).await
    }

    /// Changes the password of the account whose session `token` is.
    pub async fn change_password(
        &self,
        token: &str,
        change: &sportello_core::account::PasswordChange,
    ) -> Result<(), SyncError> {
        let response = self
            .http
            .post(self.url("api/v1/auth/password")?)
            .bearer_auth(token)
            .json(change)
            .timeout(INTERACTIVE_TIMEOUT)
            .send()
            .await
            .map_err(unreachable)?;
        if response.status() == StatusCode::NO_CONTENT {
            return Ok(());
        }
        read_json::<serde_json::Value>(Ok(response))
            .await
            .map(|_| ())
    }

    /// An organisation's bookings from today on, with an operator's session.
    pub async fn organization_bookings(
        &self,
        token: &str,
        organization_id: &str,
    ) -> Result<Vec<sportello_core::booking::BookingRecord>, SyncError> {
        let request = self
            .http
            .get(self.url("api/v1/bookings")?)
            .query(&[("organization_id", organization_id)])
            .bearer_auth(token)
            .timeout(INTERACTIVE_TIMEOUT);
        read_json(request.send().await).await
    }

    /// Ends an operator's session on the server; whether it is over there (ended now, or
    /// already unknown to it).
    pub async fn logout(&self, token: &str) -> bool {
        let Ok(url) = self.url("api/v1/auth/logout") else {
            return false;
        };
        let sent = self
            .http
            .post(url)
            .bearer_auth(token)
            .timeout(INTERACTIVE_TIMEOUT)
            .send()
            .await;
        sent.is_ok_and(|response| {
            response.status().is_success() || response.status() == StatusCode::UNAUTHORIZED
        })
    }

    /// A person's own booking, by its code and their proof (date of birth and the end of the
    /// document).
    pub async fn lookup(
        &self,
        code: &str,
        proof: &sportello_core::booking::CitizenProof,
    ) -> Result<sportello_core::booking::Booking, SyncError> {
        let request = self
            .http
            .post(self.url(&format!("api/v1/bookings/{code}/lookup"))?)
            .json(proof)
            .timeout(INTERACTIVE_TIMEOUT);
        read_json(request.send().await).await
    }

    /// Every row of one kind.
    pub async fn snapshot(&self, entity: EntityKind) -> Result<Snapshot, SyncError> {
        let request = self
            .http
            .get(self.url("api/v1/sync/snapshot")?)
            .query(&[("entity", entity.as_str())]);
        read_json(request.send().await).await
    }

    /// Free places, unless they are still those of `etag`: then `None`.
    pub async fn slots(
        &self,
        etag: Option<&str>,
    ) -> Result<Option<(String, SlotsSnapshot)>, SyncError> {
        let mut request = self.http.get(self.url("api/v1/sync/slots")?);
        if let Some(etag) = etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        let response = request.send().await.map_err(unreachable)?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let etag = response
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let snapshot = read_json(Ok(response)).await?;
        Ok(Some((etag, snapshot)))
    }

    /// Enrols this device's key with a one-time code.
    pub async fn enrol(&self, code: &str, public_key: &str) -> Result<Enrolment, SyncError> {
        let request = self
            .http
            .post(self.url("api/v1/kiosk/enrol")?)
            .json(&EnrolRequest {
                code: code.to_owned(),
                public_key: public_key.to_owned(),
            });
        read_json(request.send().await).await
    }

    /// A token for `identity`, the cached one while it lasts.
    async fn token(&self, identity: &Identity) -> Result<String, SyncError> {
        let now = self.clock.unix();
        if let Some((token, until)) = self
            .token
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
            && until - TOKEN_MARGIN_SECS > now
        {
            return Ok(token);
        }
        let challenge: Challenge = match read_json(
            self.http
                .post(self.url("api/v1/kiosk/challenge")?)
                .json(&serde_json::json!({"kiosk_id": identity.kiosk_id}))
                .send()
                .await,
        )
        .await
        {
            Err(SyncError::Refused { status: 401, .. }) => return Err(SyncError::Rejected),
            other => other?,
        };
        let signature = identity
            .key
            .sign(&token_proof(&identity.kiosk_id, &challenge.challenge));
        let token: KioskToken = match read_json(
            self.http
                .post(self.url("api/v1/kiosk/token")?)
                .json(&serde_json::json!({
                    "kiosk_id": identity.kiosk_id,
                    "challenge": challenge.challenge,
                    "signature": URL_SAFE_NO_PAD.encode(signature.to_bytes()),
                }))
                .send()
                .await,
        )
        .await
        {
            Err(SyncError::Refused { status: 401, .. }) => return Err(SyncError::Rejected),
            other => other?,
        };
        // Judged by this machine's clock: the token's end is on the server's, which may
        // differ. A challenge lasts two minutes, which dates the server's "now".
        let server_now = challenge.expires_at.as_second() - 120;
        let lifetime = token.expires_at.as_second() - server_now;
        let until = now + lifetime.clamp(60, 3600);
        *self
            .token
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            Some((token.token.clone(), until));
        Ok(token.token)
    }

    fn forget_token(&self) {
        *self
            .token
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    /// Sends a write as `identity`, with its idempotency key. A refusal is an answer, not an
    /// error; errors are what a retry may cure (the network, the server's trouble) and a key
    /// the server no longer accepts.
    pub async fn write(
        &self,
        identity: &Identity,
        method: &str,
        path: &str,
        idempotency_key: &str,
        body: &str,
    ) -> Result<WriteAnswer, SyncError> {
        self.write_as(identity, None, method, path, idempotency_key, body)
            .await
    }

    /// A write with an operator's session (`bearer`) instead of the kiosk's token: a refusal
    /// of that session (it ended) is an answer for this write only, not a refused kiosk.
    pub async fn write_as(
        &self,
        identity: &Identity,
        bearer: Option<&str>,
        method: &str,
        path: &str,
        idempotency_key: &str,
        body: &str,
    ) -> Result<WriteAnswer, SyncError> {
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|_| SyncError::Malformed(format!("method {method}")))?;
        for attempt in 0..2 {
            let token = match bearer {
                Some(bearer) => bearer.to_owned(),
                None => self.token(identity).await?,
            };
            let mut request = self
                .http
                .request(method.clone(), self.url(path)?)
                .bearer_auth(&token)
                .header("Idempotency-Key", idempotency_key);
            if !body.is_empty() {
                request = request
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body.to_owned());
            }
            let response = request.send().await.map_err(unreachable)?;
            let status = response.status();
            let text = response.text().await.map_err(unreachable)?;
            if status == StatusCode::UNAUTHORIZED && bearer.is_some() {
                return Ok(WriteAnswer {
                    status: status.as_u16(),
                    body: text,
                });
            }
            if status == StatusCode::UNAUTHORIZED && attempt == 0 {
                // The token ended early (the server restarted its clock, or revoked us):
                // a new one settles which.
                self.forget_token();
                continue;
            }
            if status == StatusCode::UNAUTHORIZED {
                return Err(SyncError::Rejected);
            }
            // A refusal is final only when it is the server's own, a problem document; a
            // proxy's error page on the way (404, 408, 413…) is the network's trouble, and its
            // "bad gateway" says the server is out of reach.
            let is_problem = serde_json::from_str::<Problem>(&text).is_ok();
            if is_gateway(status) && !is_problem {
                return Err(SyncError::Gateway {
                    status: status.as_u16(),
                });
            }
            if status.is_client_error() && !is_problem || status == StatusCode::REQUEST_TIMEOUT {
                return Err(SyncError::OnTheWay {
                    status: status.as_u16(),
                });
            }
            if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
                return Err(SyncError::Refused {
                    status: status.as_u16(),
                    code: serde_json::from_str::<Problem>(&text).ok().map(|p| p.code),
                });
            }
            return Ok(WriteAnswer {
                status: status.as_u16(),
                body: text,
            });
        }
        Err(SyncError::Rejected)
    }

    /// Returns leases and gets the kiosk's current set.
    pub async fn sync_leases(
        &self,
        identity: &Identity,
        returned: Vec<String>,
        known: Option<String>,
    ) -> Result<LeaseSet, SyncError> {
        let body = serde_json::to_string(&LeaseSync { returned, known }).expect("serialises");
        let answer = self
            .write(
                identity,
                "POST",
                "api/v1/kiosk/leases/sync",
                &new_key(),
                &body,
            )
            .await?;
        if !answer.is_success() {
            return Err(SyncError::Refused {
                status: answer.status,
                code: answer.problem().map(|p| p.code),
            });
        }
        serde_json::from_str(&answer.body).map_err(|err| SyncError::Malformed(err.to_string()))
    }
}

/// A fresh idempotency key.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A status a proxy gives when the server behind it is out of reach (when the answer is not
/// the server's own problem document).
fn is_gateway(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    )
}

async fn read_json<T: DeserializeOwned>(
    response: Result<reqwest::Response, reqwest::Error>,
) -> Result<T, SyncError> {
    let response = response.map_err(unreachable)?;
    let status = response.status();
    if !status.is_success() {
        let code = match response.json::<Problem>().await {
            Ok(problem) => Some(problem.code),
            Err(_) if is_gateway(status) => {
                return Err(SyncError::Gateway {
                    status: status.as_u16(),
                });
            }
            Err(_) => None,
        };
        return Err(SyncError::Refused {
            status: status.as_u16(),
            code,
        });
    }
    response.json().await.map_err(|err| {
        if err.is_decode() {
            SyncError::Malformed(err.without_url().to_string())
        } else {
            unreachable(err)
        }
    })
}
