//! How the server serves the office console's files: a policy that allows no inline script
//! or style, names by content hash cached for a year, index.html never cached, brotli or gzip
//! as the browser takes them.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_console_is_served_hashed_precompressed_and_under_a_strict_policy() {
    let database = databases::TestDatabase::Sqlite(tempfile::tempdir().unwrap());
    let h = Harness::start(&database, MONDAY_8AM).await;
    // Without automatic decompression, to see what is sent.
    let raw = reqwest::Client::builder()
        .no_gzip()
        .no_brotli()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str, encoding: &str| {
        raw.get(format!("{}{path}", h.base))
            .header("accept-encoding", encoding)
            .send()
    };

    let page = get("/ufficio/", "identity").await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!policy.contains("unsafe-inline") && !policy.contains(" 'unsafe-eval'"));
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(page.headers()["cache-control"], "no-cache");
    let html = page.text().await.unwrap();
    assert!(
        !html.contains("<script>") && !html.contains("style="),
        "{html}"
    );
    // The display is the same page: the app reads its address.
    let display = get("/ufficio/display?office=questura-asti", "identity")
        .await
        .unwrap();
    assert_eq!(display.status(), StatusCode::OK);

    // Every file the page names is named by its hash.
    let names: Vec<&str> = html
        .split(['"', '\''])
        .filter(|part| part.starts_with("/ufficio/") && part.len() > "/ufficio/".len())
        .collect();
    assert_eq!(names.len(), 3, "{html}");
    for name in names {
        let stem = name.rsplit('/').next().unwrap();
        let hash = stem.split(['-', '.']).nth(1).unwrap();
        assert_eq!(hash.len(), 16, "{name}");
        let brotli = get(name, "gzip, deflate, br").await.unwrap();
        assert_eq!(brotli.status(), StatusCode::OK);
        assert_eq!(brotli.headers()["content-encoding"], "br", "{name}");
        assert_eq!(
            brotli.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(brotli.headers()["vary"], "accept-encoding");
        let gzip = get(name, "gzip").await.unwrap();
        assert_eq!(gzip.headers()["content-encoding"], "gzip", "{name}");
        let plain = get(name, "identity").await.unwrap();
        assert!(plain.headers().get("content-encoding").is_none());
        let plain_size = plain.bytes().await.unwrap().len();
        assert!(brotli.bytes().await.unwrap().len() < plain_size, "{name}");
    }
    // The wasm, named in the boot file, is served as wasm.
    let boot_name = html
        .split('"')
        .find(|part| part.starts_with("/ufficio/boot-"))
        .unwrap();
    let boot = get(boot_name, "identity")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let wasm = boot
        .split('"')
        .find(|part| part.ends_with(".wasm"))
        .unwrap()
        .trim_start_matches("./");
    let wasm = get(&format!("/ufficio/{wasm}"), "br").await.unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");

    // Nothing else: not index.html by name (it would be cached as a hashed file), not the
    // compressed copies by name, not a path out of the folder.
    for path in [
        "/ufficio/index.html",
        "/ufficio/nothing.js",
        "/ufficio/../Cargo.toml",
        "/ufficio/%2e%2e/Cargo.toml",
    ] {
        let response = get(path, "identity").await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let compressed = format!("{boot_name}.br");
    assert_eq!(
        get(&compressed, "identity").await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    // /ufficio without the slash goes to the console.
    let bare = get("/ufficio", "identity").await.unwrap();
    assert_eq!(bare.status(), StatusCode::PERMANENT_REDIRECT);
    h.server.stop().await.unwrap();
}
