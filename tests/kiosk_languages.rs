//! End to end, in the real window: every language of the interface. Each is chosen on the
//! home screen; the whole document takes its language and direction (Arabic and Urdu right to
//! left), the tiles speak it, the booking wizard's search opens the keyboard of its script,
//! and the services map and a place's card show in it.
//! Every letter shown must come from the fonts the app ships: the test asks the webview which
//! font faces it used and fails on a character no shipped face covers (the "tofu" boxes).
//! A screenshot of each language is saved in `$CARGO_TARGET_TMPDIR/kiosk_languages/`.

mod support;

use sportello_core::Lang;
use std::path::PathBuf;
use support::{Kiosk, ServerProcess, VirtualDisplay, message};

/// Characters on screen that the shipped fonts' ranges do not cover. Each face of "Sportello
/// Sans" declares the scripts it holds (`unicode-range`); a character outside every range
/// would be drawn from whatever the system has, or as an empty box.
const UNCOVERED: &str = r#"
    const faces = [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Sportello Sans'
        || f.family.replace(/"/g, '') === 'Sportello Urdu');
    const ranges = faces.flatMap(f => f.unicodeRange.split(',').map(r => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a, 16), parseInt(b || a, 16)];
    }));
    // The face without a range (Noto Sans) covers Latin, Greek and Cyrillic.
    const noto = c => c < 0x0530 || (c >= 0x1E00 && c < 0x2200) || c === 0x25CC;
    const text = document.body.innerText;
    const missing = new Set();
    for (const ch of text) {
        const c = ch.codePointAt(0);
        if (c < 0x20 || /\s/.test(ch)) continue;
        if (!noto(c) && !ranges.some(([a, b]) => c >= a && c <= b)) missing.add(ch);
    }
    return [...missing].join('');
"#;

#[tokio::test(flavor = "multi_thread")]
async fn every_language_is_complete_in_its_script_and_direction() {
    let display = VirtualDisplay::start();
    let data = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&data.path().join("server.sqlite3"));
    let kiosk = Kiosk::start(
        &display,
        &format!(
            "server_url = \"{}\"\nkiosk_id = \"languages\"\nplace = \"Test\"\n\
             comune_istat = \"005005\"\nsync_interval_secs = 5\n",
            server.url
        ),
    )
    .await;
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kiosk_languages");
    std::fs::create_dir_all(&shots).unwrap();
    kiosk.wait_for("#tile-book").await;
    // The fonts are the app's own, loaded before anything is judged.
    kiosk
        .eval("return document.fonts.ready.then(() => true)")
        .await;

    for lang in Lang::ALL {
        let code = lang.code();
        kiosk
            .click(&format!(".lang-option[data-lang='{code}']"))
            .await;
        kiosk.wait_for(&format!("html[lang='{code}']")).await;
        let dir = kiosk.eval("return document.documentElement.dir").await;
        assert_eq!(dir, lang.direction().as_html(), "{code}");
        assert_eq!(
            kiosk.text("#tile-book .tile-title").await,
            message(code, "tile-book"),
            "{code}"
        );
        assert_eq!(
            kiosk.text("#tile-faq .tile-title").await,
            message(code, "tile-faq"),
            "{code}"
        );
        kiosk
            .eval("return document.fonts.ready.then(() => true)")
            .await;
        let uncovered = kiosk.eval(UNCOVERED).await;
        assert_eq!(uncovered, "", "{code}: no shipped font draws these");
        display.screenshot(&shots, &format!("home-{code}"));

        // The wizard's search opens the keyboard of the language's script.
        kiosk.click("#tile-book").await;
        kiosk.wait_for(".procedure-choice").await;
        kiosk.click("#procedure-search").await;
        let layout = match lang {
            Lang::Ar => "arabic",
            Lang::Ur => "urdu",
            Lang::Ru => "russian",
            Lang::Uk => "ukrainian",
            Lang::Bn => "bengali",
            Lang::Pa => "gurmukhi",
            Lang::Hi => "devanagari",
            _ => "latin",
        };
        kiosk
            .wait_for(&format!("#keyboard[data-layout='{layout}']"))
            .await;
        let uncovered = kiosk.eval(UNCOVERED).await;
        assert_eq!(uncovered, "", "{code}: the keyboard draws what no font has");
        display.screenshot(&shots, &format!("book-{code}"));
        kiosk.click("#keyboard-done").await;
        kiosk.click("#back").await;
        kiosk.wait_for("#tile-book").await;

        // The services map and a place's card: every category, status and day name drawn.
        kiosk.click("#tile-map").await;
        kiosk.wait_for(".place-item").await;
        assert_eq!(
            kiosk.text("#screen-map h1").await,
            message(code, "map-title"),
            "{code}"
        );
        let uncovered = kiosk.eval(UNCOVERED).await;
        assert_eq!(uncovered, "", "{code}: the map draws what no font has");
        display.screenshot(&shots, &format!("map-{code}"));
        kiosk.click(".place-item").await;
        kiosk.wait_for("#place-card").await;
        let uncovered = kiosk.eval(UNCOVERED).await;
        assert_eq!(
            uncovered, "",
            "{code}: a place's card draws what no font has"
        );
        display.screenshot(&shots, &format!("place-{code}"));
        kiosk.click("#back").await;
        kiosk.wait_for(".place-item").await;
        kiosk.click("#back").await;
        kiosk.wait_for("#tile-book").await;
    }
    kiosk.close().await;
}
