//! The services map's directory over HTTP on loopback, on SQLite and PostgreSQL: the demo
//! directory (both provinces, every category, every place inside its comune), HSDS 3.0 and CSV
//! exports that import back to the same data and validate against the HSDS schema, imports
//! that refuse a bad file whole with every row's problems, edits reaching the change feed, and
//! the public page a kiosk's QR code opens.

mod databases;
#[macro_use]
mod harness;

use harness::*;
use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use serde_json::Value;
use sportello_core::api::ProblemCode;
use sportello_core::directory::{Category, ImportSummary, Organization};
use sportello_core::model::GeoPoint;
use sportello_core::sync::{ChangeOp, ChangePage, EntityKind, Record};

on_every_database! {
    the_demo_directory_covers_both_provinces_inside_their_comuni => demo_check;
    exports_import_back_unchanged_and_validate_against_hsds => round_trip_check;
    a_bad_file_changes_nothing_and_lists_every_row => refusal_check;
    imports_edit_replace_and_reach_the_feed => feed_check;
    a_place_has_a_page_for_phones => page_check;
}

async fn directory(h: &Harness) -> Vec<Organization> {
    h.get("/api/v1/directory", None).await.json().await.unwrap()
}

async fn export(h: &Harness, admin: &str, format: &str) -> String {
    let response = h
        .get(&format!("/api/v1/admin/directory/{format}"), Some(admin))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

async fn import(
    h: &Harness,
    admin: &str,
    content_type: &str,
    body: impl Into<reqwest::Body>,
    mode: &str,
) -> reqwest::Response {
    h.send(
        h.http
            .post(format!(
                "{}/api/v1/admin/directory/import?mode={mode}",
                h.base
            ))
            .header(CONTENT_TYPE, content_type)
            .body(body),
        Some(admin),
    )
    .await
}

/// Point in polygon (even-odd over every ring), on the shipped comune boundaries.
fn inside(point: GeoPoint, geometry: &Value) -> bool {
    let polygons: Vec<&Value> = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        _ => geometry["coordinates"].as_array().unwrap().iter().collect(),
    };
    let mut crossings = 0;
    for ring in polygons.iter().flat_map(|p| p.as_array().unwrap()) {
        let ring: Vec<(f64, f64)> = ring
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c[0].as_f64().unwrap(), c[1].as_f64().unwrap()))
            .collect();
        for pair in ring.windows(2) {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            if (y1 > point.lat) != (y2 > point.lat)
                && point.lon < x1 + (point.lat - y1) / (y2 - y1) * (x2 - x1)
            {
                crossings += 1;
            }
        }
    }
    crossings % 2 == 1
}

fn boundaries() -> Vec<(String, Value)> {
    ["comuni_AT", "comuni_MT"]
        .iter()
        .flat_map(|file| {
            let path = format!(
                "{}/../src-tauri/data/territory/{file}.geojson",
                env!("CARGO_MANIFEST_DIR")
            );
            let collection: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            collection["features"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["properties"]["istat"].as_str().unwrap().to_owned(),
                        f["geometry"].clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

async fn demo_check(h: &Harness) {
    let directory = directory(h).await;
    let boundaries = boundaries();
    let mut per_province = std::collections::BTreeMap::<&str, usize>::new();
    let mut categories = std::collections::BTreeMap::<(&str, Category), usize>::new();
    for organization in &directory {
        for location in &organization.locations {
            let address = &location.address;
            let province = address.province.as_str();
            assert!(matches!(province, "AT" | "MT"), "{}", address.one_line());
            *per_province.entry(province).or_default() += 1;
            let (_, shape) = boundaries
                .iter()
                .find(|(istat, _)| *istat == address.comune_istat)
                .unwrap_or_else(|| panic!("{}: no comune {}", location.id, address.comune_istat));
            assert!(
                inside(location.point, shape),
                "{} ({}) lies outside its comune {}",
                location.name.get(sportello_core::Lang::It),
                address.one_line(),
                address.comune_istat
            );
            for service in &organization.services {
                if service.at.iter().any(|at| at.location_id == location.id) {
                    for category in &service.categories {
                        *categories.entry((province, *category)).or_default() += 1;
                    }
                }
            }
        }
    }
    assert!(per_province["AT"] >= 28, "{per_province:?}");
    assert!(per_province["MT"] >= 28, "{per_province:?}");
    assert!(per_province.values().sum::<usize>() >= 60);
    for province in ["AT", "MT"] {
        for category in Category::ALL {
            assert!(
                categories.get(&(province, category)).copied().unwrap_or(0) >= 4,
                "{province} {category:?}: {categories:?}"
            );
        }
    }
    // The public offices are there, in both provinces.
    let names: Vec<&str> = directory
        .iter()
        .map(|o| o.name.get(sportello_core::Lang::It))
        .collect();
    for expected in [
        "Prefettura di Asti",
        "Questura di Asti",
        "Prefettura di Matera",
        "Questura di Matera",
    ] {
        assert!(
            names.iter().any(|name| name.contains(expected)),
            "{expected} in {names:?}"
        );
    }
}

async fn round_trip_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let count = directory(h).await.len();

    let json = export(h, &admin, "hsds").await;
    let schema: Value =
        serde_json::from_str(include_str!("../../core/tests/hsds/organization.json")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let exported: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(exported.len(), count);
    for organization in &exported {
        let errors: Vec<String> = validator
            .iter_errors(organization)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", organization["name"]);
    }

    // Indented for people to read, the file is larger than axum's default 2 MiB limit on a
    // body: a province's file must still go in.
    let indented = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&json).unwrap())
        .unwrap()
        .replace('\n', &format!("\n{}", " ".repeat(200)));
    assert!(indented.len() > 3 << 20, "{} bytes", indented.len());
    let summary: ImportSummary = import(h, &admin, "application/json", indented, "merge")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        summary,
        ImportSummary {
            unchanged: count,
            ..Default::default()
        }
    );
    assert_eq!(export(h, &admin, "hsds").await, json);

    let csv = export(h, &admin, "csv").await;
    let response = import(h, &admin, "text/csv; charset=utf-8", csv.clone(), "merge").await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let summary: ImportSummary = response.json().await.unwrap();
    assert_eq!(summary.unchanged, count, "{summary:?}");
    assert_eq!(export(h, &admin, "csv").await, csv);
    assert_eq!(export(h, &admin, "hsds").await, json);
}

async fn refusal_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let operator = h.login("asti.operatore", "sportello-operatore").await;
    let before = export(h, &admin, "hsds").await;

    // Only administrators import or export.
    assert_eq!(
        import(h, &operator, "application/json", before.clone(), "merge")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.get("/api/v1/admin/directory/csv", Some(&operator))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    // Two organizations at fault among good ones: both are listed, nothing is written.
    let mut file: Vec<Value> = serde_json::from_str(&before).unwrap();
    file[1]["locations"][0]["latitude"] = 8.2.into();
    file[1]["locations"][0]["longitude"] = 44.9.into();
    file[3]["services"][0]["service_at_locations"][0]["schedules"] = serde_json::json!([{"id": "9a7b1c2d-0000-4000-8000-000000000001", "freq": "WEEKLY",
            "byday": "MO", "opens_at": "14:00", "closes_at": "09:00"}]);
    file[0]["name"] = "Nuovo nome che non deve arrivare".into();
    let refusal = problem(
        import(
            h,
            &admin,
            "application/json",
            serde_json::to_string(&file).unwrap(),
            "replace",
        )
        .await,
        ProblemCode::InvalidInput,
    )
    .await;
    let rows: Vec<usize> = refusal.rows.iter().map(|row| row.row).collect();
    assert_eq!(rows, [1, 3], "{:#?}", refusal.rows);
    assert_eq!(refusal.rows[0].problems[0].field, "locations[0].point");
    assert!(
        refusal.rows[1].problems[0]
            .message
            .contains("is not before closes_at"),
        "{:?}",
        refusal.rows[1]
    );
    assert_eq!(export(h, &admin, "hsds").await, before);

    // A sheet with a bad line: the line and the column are named.
    let sheet = "organization,location,latitude,longitude,street,postcode,city,province,comune_istat,service,categories\n\
        Caritas,Centro,44.9,8.2,Via 1,14100,Asti,AT,005005,Ascolto,social_services\n\
        Altra,Sede,44.9,8.2,Via 2,1410,Asti,AT,005005,Corsi,cucina\n";
    let refusal = problem(
        import(h, &admin, "text/csv", sheet, "merge").await,
        ProblemCode::InvalidInput,
    )
    .await;
    assert_eq!(refusal.rows.len(), 1);
    assert_eq!(refusal.rows[0].row, 3);
    assert_eq!(refusal.rows[0].problems[0].field, "categories");

    // A sheet that takes another organization's place id: refused, naming its line.
    let taken = file[0]["locations"][0]["id"].as_str().unwrap().to_owned();
    let sheet = format!(
        "organization,location_id,location,latitude,longitude,street,postcode,city,province,comune_istat,service,categories\n\
         Nuova,{taken},Sede,44.9,8.2,Via 1,14100,Asti,AT,005005,Corsi,italian_courses\n"
    );
    let refusal = problem(
        import(h, &admin, "text/csv", sheet, "merge").await,
        ProblemCode::InvalidInput,
    )
    .await;
    assert_eq!(refusal.rows[0].row, 2);
    assert!(refusal.rows[0].problems[0].message.contains("already used"));

    // A sheet saved by a spreadsheet in Windows-1252 with semicolons: read as such.
    let mut windows = b"organization;location;latitude;longitude;street;postcode;city;province;comune_istat;service;categories\n\
        Associazione Citt\xe0 Aperta;Sede;44,9;8,2;Via 1;14100;Asti;AT;005005;Doposcuola;school_minors\n"
        .to_vec();
    let response = import(h, &admin, "text/csv", windows.clone(), "merge").await;
    let body = response.text().await.unwrap();
    let summary: ImportSummary = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{body}"));
    assert_eq!(summary.created, 1);
    assert!(
        directory(h)
            .await
            .iter()
            .any(|o| o.name.get(sportello_core::Lang::It) == "Associazione Città Aperta")
    );
    let added = directory(h)
        .await
        .into_iter()
        .find(|o| o.name.get(sportello_core::Lang::It) == "Associazione Città Aperta")
        .unwrap();
    let removed = h
        .send(
            h.http
                .delete(format!("{}/api/v1/admin/directory/{}", h.base, added.id)),
            Some(&admin),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    windows.clear();

    // Not JSON, not UTF-8, not a known type, not a mode: clear refusals, never a 500.
    for (content_type, body, mode) in [
        ("application/json", b"{\"id\":".to_vec(), "merge"),
        ("application/json", vec![0xff, 0xfe, 0x00], "merge"),
        ("application/xml", b"<x/>".to_vec(), "merge"),
        ("application/json", b"[]".to_vec(), "everything"),
        ("application/json", b"[{\"id\": 3}]".to_vec(), "merge"),
    ] {
        problem(
            import(h, &admin, content_type, body, mode).await,
            ProblemCode::InvalidInput,
        )
        .await;
    }
    assert_eq!(export(h, &admin, "hsds").await, before);
    for (id, status) in [
        ("not-a-uuid", StatusCode::BAD_REQUEST),
        (
            "00000000-0000-4000-8000-000000000000",
            StatusCode::NOT_FOUND,
        ),
    ] {
        let response = h
            .send(
                h.http
                    .delete(format!("{}/api/v1/admin/directory/{id}", h.base)),
                Some(&admin),
            )
            .await;
        assert_eq!(response.status(), status);
    }
}

async fn feed_after(h: &Harness, cursor: i64) -> ChangePage {
    h.get(
        &format!("/api/v1/sync/changes?since={cursor}&limit=1000"),
        None,
    )
    .await
    .json()
    .await
    .unwrap()
}

async fn feed_check(h: &Harness) {
    let admin = h.login("admin", "sportello-admin").await;
    let before = export(h, &admin, "hsds").await;
    let count = directory(h).await.len();
    let head = feed_after(h, 0).await.cursor;

    // One organization renamed: one update, and kiosks get exactly it.
    let mut file: Vec<Value> = serde_json::from_str(&before).unwrap();
    file[2]["services"][0]["name"] = "Servizio rinominato".into();
    let renamed = file[2]["id"].as_str().unwrap().to_owned();
    let service = file[2]["services"][0]["id"].as_str().unwrap().to_owned();
    let summary: ImportSummary = import(
        h,
        &admin,
        "application/json",
        serde_json::to_string(&file).unwrap(),
        "merge",
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!((summary.updated, summary.unchanged), (1, count - 1));
    let page = feed_after(h, head).await;
    let upserts: Vec<&Organization> = page
        .changes
        .iter()
        .filter_map(|change| match &change.op {
            ChangeOp::Upsert {
                record: Record::Organization(organization),
            } => Some(organization),
            _ => None,
        })
        .collect();
    assert_eq!(upserts.len(), 1);
    assert_eq!(upserts[0].id, renamed);
    let edited = upserts[0]
        .services
        .iter()
        .find(|s| s.id == service)
        .unwrap();
    assert_eq!(
        edited.name.get(sportello_core::Lang::It),
        "Servizio rinominato"
    );

    // Replacing with one organization removes the others, as tombstones for the kiosks.
    let head = page.cursor;
    let only = serde_json::to_string(&vec![file[2].clone()]).unwrap();
    let summary: ImportSummary = import(h, &admin, "application/json", only, "replace")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((summary.unchanged, summary.removed), (1, count - 1));
    let page = feed_after(h, head).await;
    let deleted = page
        .changes
        .iter()
        .filter(|c| {
            matches!(
                c.op,
                ChangeOp::Delete {
                    entity: EntityKind::Organization,
                    ..
                }
            )
        })
        .count();
    assert_eq!(deleted, count - 1);
    assert_eq!(directory(h).await.len(), 1);

    // And the whole file back.
    let summary: ImportSummary = import(h, &admin, "application/json", before.clone(), "merge")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((summary.created, summary.updated), (count - 1, 1));
    assert_eq!(export(h, &admin, "hsds").await, before);
}

async fn page_check(h: &Harness) {
    let directory = directory(h).await;
    let prefettura = directory
        .iter()
        .find(|o| {
            o.name
                .get(sportello_core::Lang::It)
                .contains("Prefettura di Asti")
        })
        .expect("the Prefettura of Asti is in the demo directory");
    let location = &prefettura.locations[0];
    let page = h.get(&format!("/p/{}?lang=fr", location.id), None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("lang=\"fr\""));
    assert!(html.contains(&location.address.street), "{html}");
    assert!(html.contains("geo:44.8"), "a link to the phone's maps");
    // Monday 08:00 in Asti, before opening: "Ouvre aujourd'hui à 09:00", in French.
    let expected = prefettura
        .place_schedule(location, None)
        .unwrap()
        .phrase(ts(MONDAY_8AM));
    let sportello_core::schedule::Phrase::OpensToday { time } = expected else {
        panic!("the demo Prefettura opens later on Monday morning: {expected:?}")
    };
    let status = html
        .split("id=\"status\"")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .unwrap_or_default();
    assert!(
        status.contains("Ouvre aujourd") && status.contains(&time),
        "the French status line: {status}"
    );
    let arabic = h
        .get(&format!("/p/{}?lang=ar", location.id), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(arabic.contains("dir=\"rtl\""));

    for path in ["/p/not-a-place", "/p/00000000-0000-4000-8000-000000000000"] {
        let response = h.get(path, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(response.text().await.unwrap().contains("lang="));
    }
}
