//! axum's extractors, with their rejections turned into problem documents.

use super::AppState;
use super::error::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// Query string parameters; malformed or unknown ones are a 400 `invalid_input`.
#[derive(Debug, FromRequestParts)]
#[from_request(via(Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

/// For endpoints without query parameters: any parameter is refused rather than ignored, so
/// a client's mistake (a misspelt filter) shows instead of silently returning everything.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

/// Path parameters; malformed ones are a 400 `invalid_input`.
#[derive(Debug, FromRequestParts)]
#[from_request(via(Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// A JSON body, strictly: malformed JSON, a wrong shape, and any field the server does not
/// know are a 400 `invalid_input` naming what is wrong. A client's typo must not be ignored.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"));
        if !is_json {
            return Err(ApiError::invalid(
                "send JSON with Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| ApiError::invalid(rejection.body_text()))?;
        let mut unknown = Vec::new();
        let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
        let value: T = serde_ignored::deserialize(&mut deserializer, |path| {
            unknown.push(path.to_string());
        })
        .map_err(|err| ApiError::invalid(format!("body: {err}")))?;
        deserializer
            .end()
            .map_err(|err| ApiError::invalid(format!("body: {err}")))?;
        if !unknown.is_empty() {
            return Err(ApiError::invalid(format!(
                "unknown fields: {}",
                unknown.join(", ")
            )));
        }
        Ok(ApiJson(value))
    }
}

/// The `Idempotency-Key` header every write carries: 8 to 128 letters, digits, `-` or `_`
/// (a UUID fits). A retry with the same key gets the first answer.
#[derive(Debug, Clone)]
pub struct IdempotencyHeader(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyHeader {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let key = parts
            .headers
            .get("idempotency-key")
            .ok_or_else(|| ApiError::invalid("the Idempotency-Key header is required on writes"))?
            .to_str()
            .map_err(|_| ApiError::invalid("Idempotency-Key: letters, digits, - and _ only"))?;
        let valid = (8..=128).contains(&key.len())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            return Err(ApiError::invalid(
                "Idempotency-Key: 8 to 128 letters, digits, - or _",
            ));
        }
        Ok(IdempotencyHeader(key.to_owned()))
    }
}

/// Checks a booking code from a path: tidies it ("k7mx-4prt") or refuses it.
pub fn booking_code(code: &str) -> Result<String, ApiError> {
    sportello_core::booking::normalize_code(code)
        .ok_or_else(|| ApiError::invalid("a booking code is 8 letters and digits, e.g. K7MX-4PRT"))
}

/// Checks an identifier taken from a path before it reaches the database: short, lowercase
/// ASCII letters, digits and dashes, as every generated or seeded id is.
pub fn slug(id: &str) -> Result<&str, ApiError> {
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(id)
    } else {
        Err(ApiError::invalid(
            "identifiers are 1 to 64 lowercase letters, digits or dashes",
        ))
    }
}

/// Checks an ISTAT comune code: six digits.
pub fn istat(code: &str) -> Result<&str, ApiError> {
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(ApiError::invalid("an ISTAT comune code is six digits"))
    }
}

/// Checks a province code: two uppercase letters.
pub fn province(code: &str) -> Result<&str, ApiError> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(ApiError::invalid(
            "a province code is two uppercase letters, e.g. AT",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_checked_before_use() {
        assert!(slug("questura-asti").is_ok());
        for bad in [
            "",
            "Questura",
            "a b",
            "x'; DROP TABLE offices; --",
            &"a".repeat(65),
        ] {
            assert!(slug(bad).is_err(), "{bad:?}");
        }
        assert!(istat("005005").is_ok());
        assert!(istat("5005").is_err() && istat("00500a").is_err());
        assert!(province("AT").is_ok());
        assert!(province("at").is_err() && province("ATX").is_err());
    }
}
