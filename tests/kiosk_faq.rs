//! End to end, in the real window: questions and answers. On an Arabic screen, the Italian
//! word "permesso" finds the answers, in Arabic; an answer opens with its sources and leads
//! to the booking of its procedure. On a Bengali screen, an answer not yet in Bengali shows in
//! English and says so. With the server gone, search still works from the kiosk's copy.
//! Screenshots in `$CARGO_TARGET_TMPDIR/kiosk_faq/`.

mod support;

use sportello_core::Lang;
use sportello_core::faq::FaqEntry;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::{Kiosk, ServerProcess, VirtualDisplay, message};

/// The ids listed, once the list shows what `expected` says it should.
#[tokio::test(flavor = "multi_thread")]
async fn answers_in_the_persons_language_found_with_italian_words_offline_too() {
    let display = VirtualDisplay::start();
    let data = tempfile::tempdir().unwrap();
    let mut server = ServerProcess::start(&data.path().join("server.sqlite3"));
    let entries: Vec<FaqEntry> = reqwest::get(format!("{}/api/v1/faq", server.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kiosk = Kiosk::start(
        &display,
        &format!(
            "server_url = \"{}\"\nkiosk_id = \"faq\"\nplace = \"Test\"\n\
             comune_istat = \"005005\"\nsync_interval_secs = 5\n",
            server.url
        ),
    )
    .await;
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kiosk_faq");
    std::fs::create_dir_all(&shots).unwrap();
    kiosk.wait_for("#status[data-connection='online']").await;

    // In Italian first: the list, and the answer the most asked question opens.
    kiosk.click("#tile-faq").await;
    kiosk
        .ids_when(".faq-item", |ids| ids.len() == entries.len())
        .await;
    display.screenshot(&shots, "00-list-it");
    kiosk
        .click(".faq-item[data-id='permesso-rinnovo-quando']")
        .await;
    kiosk.wait_for("#faq-answer[data-lang='it']").await;
    display.screenshot(&shots, "00-answer-it");
    kiosk.click("#back").await;
    kiosk.click("#back").await;

    // Arabic screen; the most asked first, in Arabic.
    kiosk.click(".lang-option[data-lang='ar']").await;
    kiosk.click("#tile-faq").await;
    let all = kiosk
        .ids_when(".faq-item", |ids| ids.len() == entries.len())
        .await;
    assert_eq!(all[0], "permesso-rinnovo-quando", "the most asked first");
    display.screenshot(&shots, "01-list-ar");

    // "permesso", an Italian word, typed on the Arabic screen: Arabic answers come up.
    kiosk.type_into("faq-search", "permesso").await;
    let found = kiosk
        .ids_when(".faq-item", |ids| {
            !ids.is_empty() && ids.len() < entries.len()
        })
        .await;
    let first = entries.iter().find(|entry| entry.id == found[0]).unwrap();
    let shown = kiosk
        .eval(
            "const e = document.querySelector('.faq-item'); \
             return [e.dataset.lang, e.querySelector('.choice-title').textContent]",
        )
        .await;
    assert_eq!(shown[0], "ar", "the answer in the person's language");
    assert_eq!(shown[1], first.texts[&Lang::Ar].question.as_str());
    display.screenshot(&shots, "02-search-permesso-ar");

    // Opened: in Arabic, marked as a machine translation, with its sources.
    kiosk
        .click(&format!(".faq-item[data-id='{}']", found[0]))
        .await;
    kiosk.wait_for("#faq-answer[data-lang='ar']").await;
    assert_eq!(kiosk.text("#faq-draft").await, message("ar", "faq-draft"));
    assert!(
        kiosk
            .text(".faq-sources")
            .await
            .contains(&first.sources[0].url)
    );
    display.screenshot(&shots, "03-answer-ar");
    kiosk.click("#back").await;

    // The renewal's answer leads to booking it: the wizard opens on its documents.
    kiosk.type_into("faq-search", "").await;
    kiosk
        .ids_when(".faq-item", |ids| ids.len() == entries.len())
        .await;
    kiosk
        .click(".faq-item[data-id='permesso-rinnovo-quando']")
        .await;
    kiosk.click(".faq-book").await;
    // The wizard shows its first step until the procedure list arrives, then the documents.
    let bring = message("ar", "wizard-bring");
    let deadline = Instant::now() + Duration::from_secs(10);
    while kiosk.text(".step-title").await != bring {
        assert!(
            Instant::now() < deadline,
            "the wizard did not open on the documents"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    kiosk.click("#back").await;
    kiosk.click("#back").await;

    // Bengali: an answer not translated yet is shown in English, and says so in Bengali.
    kiosk.click(".lang-option[data-lang='bn']").await;
    kiosk.click("#tile-faq").await;
    let missing = entries
        .iter()
        .find(|entry| !entry.texts.contains_key(&Lang::Bn))
        .expect("an entry without Bengali");
    kiosk
        .ids_when(".faq-item", |ids| ids.len() == entries.len())
        .await;
    kiosk
        .click(&format!(".faq-item[data-id='{}']", missing.id))
        .await;
    kiosk.wait_for("#faq-answer[data-lang='en']").await;
    let notice = kiosk.text("#faq-fallback").await;
    assert!(notice.contains("English"), "{notice}");
    assert_eq!(
        kiosk.text(".faq-question").await,
        missing.texts[&Lang::En].question
    );
    display.screenshot(&shots, "04-fallback-bn");
    kiosk.click("#back").await;

    // The server goes away: search still answers, from the kiosk's own copy.
    server.stop();
    wait_offline(&kiosk).await;
    kiosk.type_into("faq-search", "codice fiscale").await;
    let offline = kiosk
        .ids_when(".faq-item", |ids| {
            !ids.is_empty() && ids.len() < entries.len()
        })
        .await;
    assert!(
        offline.iter().any(|id| id.contains("codice-fiscale")),
        "{offline:?}"
    );
    display.screenshot(&shots, "05-offline-search-bn");
    kiosk.close().await;
}

async fn wait_offline(kiosk: &Kiosk) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while kiosk
        .client
        .find(fantoccini::Locator::Css(
            "#status[data-connection='offline']",
        ))
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "the kiosk never noticed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
