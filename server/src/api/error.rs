//! Every failure leaves the server as an `application/problem+json` document with a stable
//! code, including the rejections of axum's own extractors, so clients never parse plain text.

use crate::db::DbError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sportello_core::api::{Problem, ProblemCode};

#[derive(Debug)]
pub struct ApiError(Problem);

impl ApiError {
    pub fn new(code: ProblemCode, detail: impl Into<String>) -> Self {
        Self(Problem::new(code, Some(detail.into())))
    }

    pub fn invalid(detail: impl Into<String>) -> Self {
        Self(Problem::new(ProblemCode::InvalidInput, Some(detail.into())))
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self(Problem::new(ProblemCode::NotFound, Some(detail.into())))
    }

    pub fn code(&self) -> ProblemCode {
        self.0.code
    }
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> Self {
        // The detail stays in the log; the client learns only that it may retry.
        tracing::error!(error = %err, "database failure");
        let code = match err {
            DbError::Sqlx(sqlx::Error::PoolTimedOut | sqlx::Error::Io(_)) => {
                ProblemCode::Unavailable
            }
            _ => ProblemCode::Internal,
        };
        Self(Problem::new(code, None))
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
        problem_response(self.0)
    }
}

pub fn problem_response(problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, axum::Json(problem)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(Problem::CONTENT_TYPE),
    );
    response
}
