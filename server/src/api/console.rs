//! The office console's files, served at `/ufficio/`: the browser build of the UI crate
//! (`ui/build.sh` writes it to `ui/dist-web`), compiled into the server so one binary is the
//! whole deployment.
//!
//! Every file but `index.html` is named by its content's hash: it is cached for a year and
//! never revalidated. `index.html` is never cached, so a new server's console is loaded at the
//! next visit. Each file is stored precompressed (brotli and gzip) and sent as the browser
//! takes it. The policy allows the page's own files only: no inline script or style, no
//! frames; wasm may be compiled.

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use rust_embed::RustEmbed;
use sportello_core::api::ProblemCode;

#[derive(RustEmbed)]
#[folder = "../ui/dist-web/"]
// A server built before the UI (its own unit tests, clippy) has no console; it says so.
#[allow_missing = true]
struct Files;

/// The addresses the console's app answers itself (everything else is a file or nothing).
const APP_PAGES: [&str; 2] = ["", "display"];

/// What the console's pages may load and do.
pub const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
     manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub async fn root() -> Redirect {
    Redirect::permanent("/ufficio/")
}

pub async fn index(headers: HeaderMap) -> Response {
    serve("", &headers)
}

pub async fn file(Path(path): Path<String>, headers: HeaderMap) -> Response {
    serve(&path, &headers)
}

fn serve(path: &str, headers: &HeaderMap) -> Response {
    let page = APP_PAGES.contains(&path.trim_end_matches('/'));
    let name = if page { "index.html" } else { path };
    // Only hashed files are served by name: `index.html` under its own name would be cached
    // as if it were one.
    if !page && (name == "index.html" || name.ends_with(".br") || name.ends_with(".gz")) {
        return super::problem(ProblemCode::NotFound, "no such file");
    }
    let Some(plain) = Files::get(name) else {
        return if page {
            super::problem(
                ProblemCode::Unavailable,
                "this server was built without the office console (run ui/build.sh, then \
                 build the server again)",
            )
        } else {
            super::problem(ProblemCode::NotFound, "no such file")
        };
    };
    let accepts = |coding: &str| {
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .any(|part| {
                let mut pieces = part.split(';').map(str::trim);
                pieces.next() == Some(coding) && pieces.all(|param| param != "q=0")
            })
    };
    let (body, encoding) = ["br", "gzip"]
        .into_iter()
        .filter(|coding| accepts(coding))
        .find_map(|coding| {
            let suffix = if coding == "br" { "br" } else { "gz" };
            Files::get(&format!("{name}.{suffix}")).map(|file| (file.data, Some(coding)))
        })
        .unwrap_or((plain.data, None));
    let mut response = (StatusCode::OK, body.into_owned()).into_response();
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(coding) = encoding {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if page {
            "no-cache"
        } else {
            "public, max-age=31536000, immutable"
        }),
    );
    response
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("json" | "webmanifest") => "application/json",
        _ => "application/octet-stream",
    }
}
