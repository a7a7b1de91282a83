//! Questions and answers over HTTP on loopback, on SQLite and PostgreSQL: the demo content's
//! quality gates, the administrators' API (create, translate, retire) with its checks, and
//! every change reaching the change feed kiosks pull.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sportello_core::Lang;
use sportello_core::api::ProblemCode;
use sportello_core::faq::{FaqEntry, LinkTarget, links, parse_answer};
use sportello_core::sync::{ChangeOp, ChangePage, EntityKind, Record};

on_every_database! {
    the_demo_answers_have_italian_sources_and_links_that_lead_somewhere => demo_check;
    administrators_write_translate_and_retire_entries_and_kiosks_follow => admin_check;
}

async fn demo_check(h: &Harness) {
    let entries: Vec<FaqEntry> = h.get("/api/v1/faq", None).await.json().await.unwrap();
    assert!(entries.len() >= 40, "{} entries", entries.len());
    let procedures: Vec<Value> = h
        .get("/api/v1/procedures", None)
        .await
        .json()
        .await
        .unwrap();
    let offices: Vec<Value> = h.get("/api/v1/offices", None).await.json().await.unwrap();
    let organizations: Vec<Value> = h
        .get("/api/v1/organizations", None)
        .await
        .json()
        .await
        .unwrap();
    let has = |list: &[Value], id: &str| list.iter().any(|item| item["id"] == id);
    for entry in &entries {
        assert!(entry.texts.contains_key(&Lang::It), "{}: Italian", entry.id);
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            assert!(entry.texts.contains_key(&lang), "{}: {lang}", entry.id);
        }
        assert!(!entry.sources.is_empty(), "{}: a source", entry.id);
        assert!(
            entry.sources.iter().all(|s| s.url.starts_with("https://")),
            "{}",
            entry.id
        );
        for procedure in &entry.procedures {
            assert!(has(&procedures, procedure), "{}: {procedure}", entry.id);
        }
        for (lang, text) in &entry.texts {
            let blocks = parse_answer(&text.answer)
                .unwrap_or_else(|err| panic!("{} {lang}: {err}", entry.id));
            for target in links(&blocks) {
                match target {
                    LinkTarget::Procedure(id) => {
                        assert!(has(&procedures, id), "{} {lang}: {id}", entry.id)
                    }
                    LinkTarget::Office(id) => assert!(
                        has(&offices, id) || has(&organizations, id),
                        "{} {lang}: {id}",
                        entry.id
                    ),
                    LinkTarget::Web(url) => assert!(url.starts_with("https://")),
                }
            }
        }
    }
    // The ten most asked are in every language.
    let mut by_rank = entries.clone();
    by_rank.sort_by_key(|entry| entry.rank);
    for entry in by_rank.iter().take(10) {
        for lang in Lang::ALL {
            assert!(entry.texts.contains_key(&lang), "{}: {lang}", entry.id);
        }
    }
}

fn new_entry() -> Value {
    json!({
        "id": "test-tessera-sanitaria",
        "category": "health",
        "rank": 99,
        "procedures": ["questura-asti-permesso-rinnovo"],
        "reviewed": "2026-11-26",
        "sources": [{"title": "Ministero della Salute", "url": "https://www.salute.gov.it/"}],
        "texts": {
            "it": {
                "status": "reviewed",
                "question": "Come ottengo la tessera sanitaria?",
                "answer": "Iscriviti all'ASL. Poi [rinnova il permesso](procedure:questura-asti-permesso-rinnovo).",
                "keywords": ["tessera sanitaria", "medico"]
            }
        }
    })
}

async fn feed_after(h: &Harness, cursor: i64) -> ChangePage {
    h.get(
        &format!("/api/v1/sync/changes?since={cursor}&limit=500"),
        None,
    )
    .await
    .json()
    .await
    .unwrap()
}

async fn admin_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let operator = h.login("asti.operatore", "sportello-operatore").await;
    let head = feed_after(h, 0).await.cursor;

    // Only administrators write.
    let refused = h
        .put(
            "/api/v1/admin/faq/test-tessera-sanitaria",
            &operator,
            &new_entry(),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // What is wrong is said, all at once: no Italian, a link to nothing, no source.
    let mut wrong = new_entry();
    wrong["texts"] = json!({"en": {"status": "machine_draft", "question": "How?",
        "answer": "[x](procedure:no-such-procedure)"}});
    wrong["sources"] = json!([]);
    let refusal = problem(
        h.put("/api/v1/admin/faq/test-tessera-sanitaria", &admin, &wrong)
            .await,
        ProblemCode::InvalidInput,
    )
    .await;
    let detail = refusal.detail.unwrap_or_default();
    for expected in ["Italian", "source", "no-such-procedure"] {
        assert!(detail.contains(expected), "{expected}: {detail}");
    }
    let mut broken = new_entry();
    broken["texts"]["it"]["answer"] = json!("[open](procedure:x");
    let refusal = problem(
        h.put("/api/v1/admin/faq/test-tessera-sanitaria", &admin, &broken)
            .await,
        ProblemCode::InvalidInput,
    )
    .await;
    assert!(refusal.detail.unwrap_or_default().contains("line 1"));

    // Created: in the list, and in the feed for kiosks.
    let saved = h
        .put(
            "/api/v1/admin/faq/test-tessera-sanitaria",
            &admin,
            &new_entry(),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let page = feed_after(h, head).await;
    assert!(page.changes.iter().any(|change| matches!(&change.op,
        ChangeOp::Upsert { record: Record::Faq(entry) } if entry.id == "test-tessera-sanitaria")));

    // Translated into Bengali, as a machine draft; an unknown language is refused.
    let bengali = json!({"status": "machine_draft", "question": "স্বাস্থ্য কার্ড কীভাবে পাব?",
        "answer": "ASL-এ নিবন্ধন করুন।", "keywords": ["স্বাস্থ্য কার্ড"]});
    let translated = h
        .put(
            "/api/v1/admin/faq/test-tessera-sanitaria/texts/bn",
            &admin,
            &bengali,
        )
        .await;
    assert_eq!(translated.status(), StatusCode::OK);
    let entry: FaqEntry = h
        .get("/api/v1/faq/test-tessera-sanitaria", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(entry.text(Lang::Bn).0, Lang::Bn);
    assert_eq!(
        entry.text(Lang::Ur).0,
        Lang::It,
        "Urdu falls back to Italian"
    );
    problem(
        h.put(
            "/api/v1/admin/faq/test-tessera-sanitaria/texts/xx",
            &admin,
            &bengali,
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    problem(
        h.put("/api/v1/admin/faq/no-such-entry/texts/bn", &admin, &bengali)
            .await,
        ProblemCode::NotFound,
    )
    .await;

    // Retired: gone from the list, a tombstone in the feed.
    let cursor = feed_after(h, head).await.cursor;
    let retired = h
        .send(
            h.http.delete(format!(
                "{}/api/v1/admin/faq/test-tessera-sanitaria",
                h.base
            )),
            Some(&admin),
        )
        .await;
    assert_eq!(retired.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        h.get("/api/v1/faq/test-tessera-sanitaria", None)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let page = feed_after(h, cursor).await;
    assert!(page.changes.iter().any(|change| matches!(&change.op,
        ChangeOp::Delete { entity: EntityKind::Faq, id } if id == "test-tessera-sanitaria")));
}
