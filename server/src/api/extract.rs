//! axum's extractors, with their rejections turned into problem documents.

use super::error::ApiError;
use axum::extract::{FromRequestParts, Path, Query};

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
