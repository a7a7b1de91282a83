//! Every failure leaves the server as an `application/problem+json` document with a stable
//! code, including the rejections of axum's own extractors, so clients never parse plain text.

use crate::auth::limits::{Busy, LimitError, TooMany};
use crate::booking::BookingError;
use crate::db::DbError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sportello_core::api::{Problem, ProblemCode};

/// A problem document on its way out. Boxed: errors travel through every `?` and should be
/// cheap to move.
#[derive(Debug)]
pub struct ApiError(Box<Problem>);

impl ApiError {
    pub fn new(code: ProblemCode, detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(code, Some(detail.into()))))
    }

    pub fn invalid(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(
            ProblemCode::InvalidInput,
            Some(detail.into()),
        )))
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self(Box::new(Problem::new(
            ProblemCode::NotFound,
            Some(detail.into()),
        )))
    }

    pub fn code(&self) -> ProblemCode {
        self.0.code
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0.detail {
            Some(detail) => write!(f, "{}: {detail}", self.0.title),
            None => f.write_str(&self.0.title),
        }
    }
}

impl From<Problem> for ApiError {
    fn from(problem: Problem) -> Self {
        Self(Box::new(problem))
    }
}

impl From<BookingError> for ApiError {
    fn from(err: BookingError) -> Self {
        let detail = err.to_string();
        let problem = match err {
            BookingError::Db(err) => return ApiError::from(err),
            BookingError::NotFound(_) => Problem::new(ProblemCode::NotFound, Some(detail)),
            BookingError::Invalid { fields, .. } => {
                let mut problem = Problem::new(ProblemCode::InvalidInput, Some(detail));
                problem.fields = fields;
                problem
            }
            BookingError::SlotTaken { alternatives } => {
                let mut problem = Problem::new(ProblemCode::SlotTaken, Some(detail));
                problem.alternatives = alternatives;
                problem
            }
            BookingError::AlreadyBooked(existing) => {
                let mut problem = Problem::new(ProblemCode::AlreadyBooked, Some(detail));
                problem.existing = Some(existing);
                problem
            }
            BookingError::HoldExpired => Problem::new(ProblemCode::HoldExpired, Some(detail)),
            BookingError::NotBookable(_) => Problem::new(ProblemCode::NotBookable, Some(detail)),
            BookingError::InvalidState(_) => Problem::new(ProblemCode::InvalidState, Some(detail)),
            BookingError::LeaseGone(_) => Problem::new(ProblemCode::LeaseGone, Some(detail)),
            BookingError::InvalidReceipt(_) => {
                Problem::new(ProblemCode::InvalidReceipt, Some(detail))
            }
            BookingError::IdempotencyMismatch => {
                Problem::new(ProblemCode::IdempotencyMismatch, Some(detail))
            }
            BookingError::Forbidden => Problem::new(ProblemCode::Forbidden, Some(detail)),
            BookingError::TooMany(wait) => return TooMany(wait).into(),
            // Only after several retries: the agenda keeps changing under the request.
            BookingError::AgendaChanged => Problem::new(ProblemCode::Unavailable, Some(detail)),
        };
        ApiError(Box::new(problem))
    }
}

impl From<TooMany> for ApiError {
    fn from(TooMany(wait): TooMany) -> Self {
        let mut problem = Problem::new(
            ProblemCode::TooManyRequests,
            Some("too many attempts; wait a little and try again".to_owned()),
        );
        problem.retry_after_secs = Some(wait.as_secs().max(1));
        ApiError(Box::new(problem))
    }
}

impl From<LimitError> for ApiError {
    fn from(err: LimitError) -> Self {
        match err {
            LimitError::TooMany(too_many) => too_many.into(),
            LimitError::Db(err) => err.into(),
        }
    }
}

impl From<Busy> for ApiError {
    fn from(_: Busy) -> Self {
        let mut problem = Problem::new(
            ProblemCode::Unavailable,
            Some("the server is busy; try again in a moment".to_owned()),
        );
        problem.retry_after_secs = Some(2);
        ApiError(Box::new(problem))
    }
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> Self {
        // The detail stays in the log; the client learns only that it may retry.
        tracing::error!(error = %err, "database failure");
        let code = if err.is_retryable() || matches!(err, DbError::Sqlx(sqlx::Error::Io(_))) {
            ProblemCode::Unavailable
        } else {
            ProblemCode::Internal
        };
        Self(Box::new(Problem::new(code, None)))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self::invalid(rejection.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        Self::invalid(rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem_response(*self.0)
    }
}

pub fn problem_response(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let retry_after = problem.retry_after_secs;
    let mut response = (status, axum::Json(problem)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(Problem::CONTENT_TYPE),
    );
    if let Some(seconds) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
