//! Who is calling: a citizen (no credentials), a kiosk (a token it got by signing a challenge
//! with its key) or a user (a session token from login), and what each may do. Every endpoint
//! asks through [`Actor`].

pub mod kiosk;
pub mod limits;
pub mod password;

use crate::api::{ApiError, AppState};
use crate::db::{self, DbError, accounts, kiosks};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use sportello_core::account::{
    MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, NewUser, Role, UserInfo, password_acceptable,
};
use sportello_core::api::ProblemCode;

const SESSION_PREFIX: &str = "ss_";

/// A new random session token.
pub fn new_session_token() -> String {
    format!(
        "{SESSION_PREFIX}{}",
        URL_SAFE_NO_PAD.encode(crate::keys::random_bytes::<32>())
    )
}

/// What the database keeps of a token: its SHA-256, so a copy of the database logs no one in.
pub fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// The caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Anyone without credentials: a person booking for themselves on a phone.
    Citizen,
    Kiosk {
        id: String,
    },
    User(UserInfo),
    /// Logged in with a temporary password: may change it, see who it is and log out, and
    /// nothing else.
    TemporaryPassword(UserInfo),
}

impl Actor {
    /// How the audit log and bookings name this caller. Never personal data.
    pub fn label(&self) -> String {
        match self {
            Actor::Citizen => "citizen".to_owned(),
            Actor::Kiosk { id } => format!("kiosk:{id}"),
            Actor::User(user) | Actor::TemporaryPassword(user) => {
                format!("{}:{}", user.role.as_str(), user.username)
            }
        }
    }

    /// The kiosk making the request, or "forbidden" for anyone else.
    pub fn require_kiosk(&self) -> Result<&str, AuthError> {
        match self {
            Actor::Kiosk { id } => Ok(id),
            Actor::Citizen => Err(AuthError::KiosksOnly),
            Actor::User(_) | Actor::TemporaryPassword(_) => Err(AuthError::Forbidden),
        }
    }

    /// A logged-in account or an enrolled kiosk.
    pub fn require_account_or_kiosk(&self) -> Result<(), AuthError> {
        match self {
            Actor::Kiosk { .. } => Ok(()),
            _ => self.require_user().map(|_| ()),
        }
    }

    /// The account of a session, temporary password or not: for what its owner may always
    /// do (see who they are, change the password, log out).
    pub fn require_session(&self) -> Result<&UserInfo, AuthError> {
        match self {
            Actor::User(user) | Actor::TemporaryPassword(user) => Ok(user),
            Actor::Kiosk { .. } => Err(AuthError::Forbidden),
            Actor::Citizen => Err(AuthError::LogIn),
        }
    }

    pub fn user(&self) -> Option<&UserInfo> {
        match self {
            Actor::User(user) => Some(user),
            _ => None,
        }
    }

    pub fn is_admin(&self) -> bool {
        self.user().is_some_and(|user| user.role == Role::Admin)
    }

    /// Logged-in users only. A kiosk is known but not a person with an account: refused.
    pub fn require_user(&self) -> Result<&UserInfo, AuthError> {
        match self {
            Actor::User(user) => Ok(user),
            Actor::TemporaryPassword(_) => Err(AuthError::PasswordChangeRequired),
            Actor::Kiosk { .. } => Err(AuthError::Forbidden),
            Actor::Citizen => Err(AuthError::LogIn),
        }
    }

    pub fn require_admin(&self) -> Result<&UserInfo, AuthError> {
        let user = self.require_user()?;
        if user.role == Role::Admin {
            Ok(user)
        } else {
            Err(AuthError::Forbidden)
        }
    }

    /// The province's administrators, or the staff of `office_id`.
    pub fn require_office(&self, office_id: &str) -> Result<&UserInfo, AuthError> {
        let user = self.require_user()?;
        let allowed = match user.role {
            Role::Admin => true,
            Role::Staff => user.office_id.as_deref() == Some(office_id),
            Role::Operator => false,
        };
        if allowed {
            Ok(user)
        } else {
            Err(AuthError::Forbidden)
        }
    }

    /// The organisation an operator books for, if this is an operator.
    pub fn organization(&self) -> Option<&str> {
        self.user()
            .filter(|user| user.role == Role::Operator)
            .and_then(|user| user.organization_id.as_deref())
    }
}

/// Why a caller may not do something: what the engine and the handlers ask of [`Actor`],
/// free of HTTP. The API turns each into its problem document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("log in first")]
    LogIn,
    #[error("kiosks only: authenticate with the kiosk's token")]
    KiosksOnly,
    #[error("your account does not allow this")]
    Forbidden,
    /// A session whose password is a temporary one: change it first.
    #[error(
        "this account has a temporary password: choose your own first (POST /api/v1/auth/password)"
    )]
    PasswordChangeRequired,
}

impl From<AuthError> for ApiError {
    fn from(err: AuthError) -> ApiError {
        let code = match err {
            AuthError::LogIn | AuthError::KiosksOnly => ProblemCode::Unauthorized,
            AuthError::Forbidden => ProblemCode::Forbidden,
            AuthError::PasswordChangeRequired => ProblemCode::PasswordChangeRequired,
        };
        ApiError::new(code, err.to_string())
    }
}

/// The caller as its credentials say, a session with a temporary password included.
async fn identify(parts: &Parts, state: &AppState) -> Result<Actor, ApiError> {
    let Some(header) = parts.headers.get(AUTHORIZATION) else {
        return Ok(Actor::Citizen);
    };
    let unauthorized = || ApiError::new(ProblemCode::Unauthorized, "invalid or expired token");
    let token = header
        .to_str()
        .ok()
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| token.len() <= 128)
        .ok_or_else(unauthorized)?;
    let hash = token_hash(token);
    let mut conn = state.db.conn().await?;
    if token.starts_with(SESSION_PREFIX) {
        let now = state.clock.now().as_second();
        let user = accounts::session_user(&mut conn, &hash, now)
            .await?
            .ok_or_else(unauthorized)?;
        Ok(if user.must_change_password {
            Actor::TemporaryPassword(user.info)
        } else {
            Actor::User(user.info)
        })
    } else if kiosk::is_kiosk_token(token) {
        let now = state.clock.now().as_second();
        let id = kiosks::kiosk_for_token(&mut conn, &hash, now)
            .await?
            .ok_or_else(unauthorized)?;
        Ok(Actor::Kiosk { id })
    } else {
        Err(unauthorized())
    }
}

/// Any caller, for routes open to everyone. A session with a temporary password is refused
/// here too, not taken for someone without an account: it may change its password and
/// nothing else ([`SessionOwner`]).
impl FromRequestParts<AppState> for Actor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Actor, ApiError> {
        match identify(parts, state).await? {
            Actor::TemporaryPassword(_) => Err(AuthError::PasswordChangeRequired.into()),
            actor => Ok(actor),
        }
    }
}

/// Extractors for routes that need credentials: the caller is checked first, before any
/// parameter or the body is read, so a request without a token is told "log in" (401), not
/// what is wrong with the rest of it, and a large body is not read for someone who may not
/// send it.
macro_rules! caller_extractor {
    ($(#[$doc:meta])* $name:ident, $check:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub Actor);

        impl FromRequestParts<AppState> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(
                parts: &mut Parts,
                state: &AppState,
            ) -> Result<$name, ApiError> {
                let actor = identify(parts, state).await?;
                actor.$check()?;
                Ok($name(actor))
            }
        }
    };
}

caller_extractor!(
    /// An administrator.
    Admin,
    require_admin
);
caller_extractor!(
    /// A logged-in account (with its own password).
    LoggedIn,
    require_user
);
caller_extractor!(
    /// A logged-in account, its password a temporary one or not: for what its owner may
    /// always do (see who they are, change the password, log out).
    SessionOwner,
    require_session
);
caller_extractor!(
    /// An enrolled kiosk.
    KioskCaller,
    require_kiosk
);
caller_extractor!(
    /// A logged-in account or an enrolled kiosk.
    Authenticated,
    require_account_or_kiosk
);

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Invalid(String),
    #[error("that username is taken")]
    Taken,
    #[error("no such account")]
    NoSuchAccount,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A password checked for length and hashed, ready to store. Hashed before the write
/// transaction begins: argon2id takes a while, and on SQLite every booking in the province
/// would wait for it behind the writer's lock.
pub struct NewPassword(String);

impl NewPassword {
    /// [`MIN_PASSWORD_LENGTH`] to [`MAX_PASSWORD_LENGTH`] characters, hashed.
    pub async fn hash(password: String) -> Result<NewPassword, AccountError> {
        if !password_acceptable(&password) {
            return Err(password_refused());
        }
        Ok(NewPassword(password::hash(password).await))
    }
}

/// Creates an account after checking it: a username of lowercase letters, digits and `.-_`;
/// an office for staff, an organisation for operators, neither for administrators. The
/// request's password is not read: `password` is it, checked and hashed. A `temporary`
/// password (one an administrator hands over) must be changed at first login. For the admin
/// API and the `user add` command.
pub async fn create_account(
    conn: &mut sqlx::AnyConnection,
    request: NewUser,
    password: NewPassword,
    temporary: bool,
    now: i64,
) -> Result<UserInfo, AccountError> {
    let invalid = |text: &str| AccountError::Invalid(text.to_owned());
    let valid_name = (3..=64).contains(&request.username.len())
        && request.username.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_')
        });
    if !valid_name {
        return Err(invalid(
            "username: 3 to 64 lowercase letters, digits, . - _",
        ));
    }
    let info = match (request.role, request.office_id, request.organization_id) {
        (Role::Admin, None, None) => UserInfo {
            username: request.username,
            role: Role::Admin,
            office_id: None,
            organization_id: None,
        },
        (Role::Staff, Some(office_id), None) => {
            if db::get_office(conn, &office_id).await?.is_none() {
                return Err(invalid("office_id: no such office"));
            }
            UserInfo {
                username: request.username,
                role: Role::Staff,
                office_id: Some(office_id),
                organization_id: None,
            }
        }
        (Role::Operator, None, Some(organization_id)) => {
            if !accounts::organization_exists(conn, &organization_id).await? {
                return Err(invalid("organization_id: no such organisation"));
            }
            UserInfo {
                username: request.username,
                role: Role::Operator,
                office_id: None,
                organization_id: Some(organization_id),
            }
        }
        (Role::Admin, ..) => {
            return Err(invalid("an administrator has no office nor organisation"));
        }
        (Role::Staff, ..) => return Err(invalid("staff need an office_id, and no organisation")),
        (Role::Operator, ..) => {
            return Err(invalid("operators need an organization_id, and no office"));
        }
    };
    if !accounts::create_user(conn, &info, &password.0, temporary, now).await? {
        return Err(AccountError::Taken);
    }
    Ok(info)
}

/// Orders this transaction after any other that changes the account's password, disables it
/// or opens a session for it, until it ends: on PostgreSQL a login that read the old password
/// could otherwise open its session after a reset had ended them all.
pub async fn lock_account(tx: &mut db::WriteTx, username: &str) -> Result<(), DbError> {
    tx.lock_name(&format!("account:{username}")).await
}

fn password_refused() -> AccountError {
    AccountError::Invalid(format!(
        "password: {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters"
    ))
}

/// Sets an account's password and ends its other sessions (all of them but `keep`). A
/// `temporary` one must be changed at first login. For the owner, administrators and the
/// `user passwd` command.
pub async fn set_password(
    tx: &mut db::WriteTx,
    username: &str,
    password: NewPassword,
    temporary: bool,
    keep: Option<&str>,
) -> Result<(), AccountError> {
    lock_account(tx, username).await?;
    if accounts::set_password(tx, username, &password.0, temporary, keep).await? {
        Ok(())
    } else {
        Err(AccountError::NoSuchAccount)
    }
}
