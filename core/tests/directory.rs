//! The directory: checks, HSDS 3.0 JSON and CSV both ways, and exports valid against the
//! HSDS 3.0 compiled organization schema.

use sportello_core::Lang;
use sportello_core::LocalizedText;
use sportello_core::directory::hsds::{self, ImportError};
use sportello_core::directory::{
    Category, Location, Organization, Service, ServiceAt, ServiceStatus, derived_id, table,
};
use sportello_core::model::{Address, GeoPoint};
use sportello_core::schedule::ScheduleRule;

fn rule(byday: &str, opens: &str, closes: &str) -> ScheduleRule {
    ScheduleRule {
        freq: "WEEKLY".into(),
        byday: Some(byday.into()),
        opens_at: opens.into(),
        closes_at: closes.into(),
        valid_from: None,
        valid_to: None,
    }
}

/// A CPIA with two places and two services, one of them in narrower hours at one place.
fn cpia() -> Organization {
    let org = derived_id("test", "cpia");
    let asti = derived_id(&org, "asti");
    let canelli = derived_id(&org, "canelli");
    let course = derived_id(&org, "course");
    let enrol = derived_id(&org, "enrol");
    Organization {
        id: org.clone(),
        name: LocalizedText::new("CPIA 1 Asti").with(Lang::En, "Adult school CPIA 1 Asti"),
        description: LocalizedText::new("Scuola pubblica per adulti")
            .with(Lang::Fr, "École publique pour adultes"),
        website: Some("https://www.cpia1asti.edu.it".into()),
        email: None,
        phones: vec!["+39 0141 000 001".into()],
        demo: true,
        locations: vec![
            Location {
                id: asti.clone(),
                name: LocalizedText::new("Sede di Asti"),
                point: GeoPoint {
                    lat: 44.9,
                    lon: 8.2,
                },
                address: Address {
                    street: "Via Roma, 1".into(),
                    postcode: "14100".into(),
                    locality: "Asti".into(),
                    province: "AT".into(),
                    comune_istat: "005005".into(),
                },
                phones: vec![],
                hours: vec![
                    rule("MO,TU,WE,TH,FR", "09:00", "12:30"),
                    rule("TU,TH", "15:00", "18:00"),
                ],
                accessibility: vec![
                    LocalizedText::new("Ingresso senza gradini").with(Lang::Ar, "مدخل بدون درج"),
                ],
                open_on_holidays: false,
            },
            Location {
                id: canelli.clone(),
                name: LocalizedText::new("Sede di Canelli"),
                point: GeoPoint {
                    lat: 44.72,
                    lon: 8.29,
                },
                address: Address {
                    street: "Piazza Gancia, 2".into(),
                    postcode: "14053".into(),
                    locality: "Canelli".into(),
                    province: "AT".into(),
                    comune_istat: "005013".into(),
                },
                phones: vec!["0141 000 002".into()],
                hours: vec![rule("MO,WE", "18:00", "20:00")],
                accessibility: vec![],
                // An evening school open on holidays: the extension must survive both ways.
                open_on_holidays: true,
            },
        ],
        services: vec![
            Service {
                id: course.clone(),
                name: LocalizedText::new("Corsi di italiano A1-B1")
                    .with(Lang::Fr, "Cours d'italien"),
                description: LocalizedText::new("Corsi gratuiti di lingua italiana"),
                status: ServiceStatus::Active,
                categories: vec![Category::ItalianCourses, Category::SchoolMinors],
                languages: vec!["it".into(), "ar".into(), "wo".into()],
                documents: vec![
                    LocalizedText::new("Permesso di soggiorno").with(Lang::En, "Residence permit"),
                    LocalizedText::new("Codice fiscale"),
                ],
                fees: Some(LocalizedText::new("Gratuito").with(Lang::En, "Free")),
                url: None,
                phones: vec![],
                at: vec![
                    ServiceAt {
                        id: derived_id(&course, "asti"),
                        location_id: asti.clone(),
                        hours: vec![],
                    },
                    ServiceAt {
                        id: derived_id(&course, "canelli"),
                        location_id: canelli,
                        hours: vec![],
                    },
                ],
            },
            Service {
                id: enrol.clone(),
                name: LocalizedText::new("Iscrizioni"),
                description: LocalizedText::new("Iscrizione ai corsi e test di livello"),
                status: ServiceStatus::TemporarilyClosed,
                categories: vec![Category::ItalianCourses],
                languages: vec![],
                documents: vec![],
                fees: None,
                url: Some("https://www.cpia1asti.edu.it/iscrizioni".into()),
                phones: vec![],
                at: vec![ServiceAt {
                    id: derived_id(&enrol, "asti"),
                    location_id: asti,
                    hours: vec![rule("TU,TH", "09:00", "12:00")],
                }],
            },
        ],
    }
}

#[test]
fn a_good_organization_passes_its_checks() {
    assert_eq!(cpia().validate(), Ok(()));
}

#[test]
fn checks_list_every_problem_with_where_it_is() {
    let mut org = cpia();
    org.locations[0].point = GeoPoint {
        lat: 8.2,
        lon: 44.9,
    };
    org.locations[1].address.postcode = "1405".into();
    org.services[0].categories.clear();
    org.services[1].at[0].location_id = derived_id("elsewhere", "x");
    org.services[1].at[0].hours[0].opens_at = "13:00".into();
    org.services[0].languages.push("Arabic".into());
    let problems = org.validate().unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "locations[0].point",
            "locations[1].address.postcode",
            "services[0].categories",
            "services[0].languages",
            "services[1].at[0].location_id",
            "services[1].at[0].hours[0]",
        ],
        "{problems:#?}"
    );
    assert!(problems[0].message.contains("not in Italy"));
}

#[test]
fn hsds_export_read_back_is_the_same_directory() {
    let directory = vec![cpia()];
    let json = hsds::export(&directory);
    let back = hsds::import(&json).expect("our own export imports");
    assert_eq!(back, directory);
    // And the second export is byte for byte the first: derived ids are stable.
    assert_eq!(hsds::export(&back), json);
}

#[test]
fn hsds_export_is_valid_against_the_hsds_3_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("hsds/organization.json")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the HSDS schema compiles");
    let export: serde_json::Value = serde_json::from_str(&hsds::export(&[cpia()])).unwrap();
    for organization in export.as_array().unwrap() {
        let errors: Vec<String> = validator
            .iter_errors(organization)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The schema is really applied: a service without its required status fails.
    let mut broken = export[0].clone();
    broken["services"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn hsds_translations_ride_in_the_extension() {
    let json: serde_json::Value = serde_json::from_str(&hsds::export(&[cpia()])).unwrap();
    let service = &json[0]["services"][0];
    assert_eq!(service["name"], "Corsi di italiano A1-B1");
    assert_eq!(service["x_translations"]["fr"]["name"], "Cours d'italien");
    assert_eq!(service["x_translations"]["en"]["fees_description"], "Free");
    assert_eq!(
        service["attributes"][1]["taxonomy_term"]["code"],
        "school_minors"
    );
    assert_eq!(json[0]["x_demo"], true);
    assert_eq!(json[0]["locations"][1]["external_identifier"], "005013");
}

#[test]
fn hsds_import_reports_each_bad_organization_by_index_and_path() {
    let good: serde_json::Value = serde_json::from_str(&hsds::export(&[cpia()])).unwrap();
    let mut no_status = good[0].clone();
    no_status["services"][1]
        .as_object_mut()
        .unwrap()
        .remove("status");
    let mut bad_hours = good[0].clone();
    bad_hours["locations"][0]["schedules"][0]["byday"] = "LU,MA".into();
    let mut bad_category = good[0].clone();
    bad_category["services"][0]["attributes"][0]["taxonomy_term"]["code"] = "food".into();
    let document = serde_json::json!([good[0], no_status, bad_hours, bad_category]).to_string();
    let ImportError::Rows(rows) = hsds::import(&document).unwrap_err() else {
        panic!("expected problems per organization")
    };
    let summary: Vec<(usize, String)> = rows
        .iter()
        .map(|r| (r.row, r.problems[0].field.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (1, "services[1]".to_owned()),
            (2, "locations[0].schedules".to_owned()),
            (3, "services[0].attributes[0].taxonomy_term.code".to_owned()),
        ]
    );
    assert!(
        rows[0].problems[0]
            .message
            .contains("missing field `status`")
    );
    assert!(rows[1].problems[0].message.contains("LU,MA"));
}

#[test]
fn hsds_import_refuses_what_is_not_a_directory() {
    for document in ["", "{", "42", "[1]", "\"x\""] {
        assert!(hsds::import(document).is_err(), "{document:?}");
    }
}

#[test]
fn csv_export_read_back_is_the_same_directory() {
    let directory = vec![cpia()];
    let csv = table::export(&directory);
    let back = table::import(&csv).expect("our own CSV imports");
    assert_eq!(back, directory);
    assert_eq!(table::export(&back), csv);
    assert!(csv.lines().next().unwrap().contains("service@fr"));
}

#[test]
fn a_hand_written_sheet_imports_with_ids_derived_from_names() {
    let sheet = "organization,location,latitude,longitude,street,postcode,city,province,comune_istat,location_hours,service,categories,languages\n\
        Caritas Asti,Centro d'ascolto,44.9,8.21,Via Arcivescovado 1,14100,Asti,AT,005005,\"MO,WE,FR 09:00-12:00\",Centro d'ascolto,\"social_services,housing\",\"it,fr\"\n\
        Caritas Asti,Centro d'ascolto,,,,,,,,,Mensa,social_services,it\n";
    // A spreadsheet repeats the place's columns on each of its lines: left blank, the line is
    // refused (its coordinates are not numbers) and named.
    let rows = table::import(sheet).unwrap_err();
    assert_eq!(rows[0].row, 3);
    assert_eq!(rows[0].problems[0].field, "latitude");
    let fixed = sheet.replace(
        "Caritas Asti,Centro d'ascolto,,,,,,,,,Mensa",
        "Caritas Asti,Centro d'ascolto,44.9,8.21,Via Arcivescovado 1,14100,Asti,AT,005005,,Mensa",
    );
    let directory = table::import(&fixed).expect("a correct sheet imports");
    assert_eq!(directory.len(), 1);
    let caritas = &directory[0];
    assert_eq!(caritas.locations.len(), 1);
    assert_eq!(caritas.services.len(), 2);
    // Categories in their canonical order, whatever the sheet's.
    assert_eq!(
        caritas.services[0].categories,
        [Category::Housing, Category::SocialServices]
    );
    // Imported twice, the same ids.
    assert_eq!(table::import(&fixed).unwrap(), directory);
    // The same sheet from an Italian spreadsheet: semicolons, decimal commas.
    let italian = fixed
        .replace(',', ";")
        .replace("44.9;8.21", "44,9;8,21")
        .replace("\"MO;WE;FR 09:00-12:00\"", "\"MO,WE,FR 09:00-12:00\"")
        .replace("\"social_services;housing\"", "\"social_services,housing\"")
        .replace("\"it;fr\"", "\"it,fr\"");
    assert_eq!(table::import(&italian).unwrap(), directory, "{italian}");
}

#[test]
fn a_sheet_keeps_places_without_services_and_seasonal_hours() {
    let mut org = cpia();
    // A seasonal span, and a third place where nothing is listed yet.
    org.locations[0].hours[1].valid_from = Some("2026-06-01".parse().unwrap());
    org.locations[0].hours[1].valid_to = Some("2026-09-30".parse().unwrap());
    let mut empty = org.locations[1].clone();
    empty.id = derived_id(&org.id, "empty");
    empty.name = LocalizedText::new("Sede di Nizza");
    org.locations.push(empty);
    org.validate().unwrap();
    let org = org.normalized();
    let csv = table::export(std::slice::from_ref(&org));
    assert!(csv.contains("(2026-06-01..2026-09-30)"), "{csv}");
    assert_eq!(table::import(&csv).unwrap(), vec![org]);
}

#[test]
fn a_record_spanning_lines_is_named_by_the_line_it_starts_on() {
    let sheet = "organization,location,latitude,longitude,street,postcode,city,province,comune_istat,service,categories,service_description\n\
        A,Sede,44.9,8.2,Via 1,14100,Asti,AT,005005,Corsi,italian_courses,\"Due\nrighe\"\n\
        B,Sede,44.9,8.2,Via 1,14100,Asti,AT,005005,Corsi,cucina,\n";
    let rows = table::import(sheet).unwrap_err();
    assert_eq!(rows[0].row, 4, "{rows:?}");
}

#[test]
fn csv_problems_name_the_line_and_column() {
    let sheet = "organization,location,latitude,longitude,street,postcode,city,province,comune_istat,location_hours,service,categories\n\
        A,Sede,44.9,8.2,Via 1,14100,Asti,AT,005005,,Corsi,italian_courses\n\
        B,Sede,quarantaquattro,8.2,Via 1,14100,Asti,AT,005005,\"LU 9-12\",Corsi,cooking\n";
    let rows = table::import(sheet).unwrap_err();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].row, 3);
    let fields: Vec<&str> = rows[0].problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["latitude", "location_hours", "categories"]);
    let missing = table::import("organization,service\nA,B\n").unwrap_err();
    assert!(missing[0].problems[0].message.contains("missing columns"));
}

#[test]
fn the_demo_directory_survives_the_csv_sheet() {
    let demo = hsds::import(include_str!(
        "../../server/data/demo/directory/services.hsds.json"
    ))
    .expect("the demo directory imports");
    let back = table::import(&table::export(&demo)).expect("its sheet imports");
    for (before, after) in demo.iter().zip(&back) {
        assert_eq!(
            serde_json::to_value(before).unwrap(),
            serde_json::to_value(after).unwrap(),
            "{}",
            before.name.get(Lang::It)
        );
    }
    assert_eq!(back.len(), demo.len());
}

#[test]
fn cells_a_spreadsheet_would_run_are_defused_and_read_back_intact() {
    let mut org = cpia();
    org.services[0].description = LocalizedText::new("=HYPERLINK(\"http://x\",\"clic\")");
    org.services[1].description = LocalizedText::new("-1+1+cmd|' /C calc'!A0");
    org.locations[0].name = LocalizedText::new("@SUM(1)");
    org.locations[1].phones = vec!["+39 0141 000 002".into()];
    let csv = table::export(&[org.clone()]);
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'@SUM(1)"));
    assert!(csv.contains("'-1+1+cmd"));
    assert!(
        csv.contains(",+39 0141 000 002,"),
        "phone numbers stay as they are"
    );
    assert_eq!(table::import(&csv).unwrap(), vec![org.normalized()]);
}

#[test]
fn an_hsds_file_with_a_helpline_and_terms_by_id_imports() {
    let mut json: serde_json::Value = serde_json::from_str(&hsds::export(&[cpia()])).unwrap();
    // A virtual location (a helpline) with a service offered only there, and a category given
    // by its term's id alone.
    json[0]["locations"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "0b6a1f0e-1111-4222-8333-444455556666", "location_type": "virtual",
            "name": "Numero verde"
        }));
    json[0]["services"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "0b6a1f0e-1111-4222-8333-777788889999", "name": "Linea telefonica",
            "status": "active",
            "attributes": [{"id": "0b6a1f0e-1111-4222-8333-000000000001",
                "taxonomy_term_id": hsds::term_id(Category::Mediation)}],
            "service_at_locations": [{"id": "0b6a1f0e-1111-4222-8333-000000000002",
                "location_id": "0b6a1f0e-1111-4222-8333-444455556666"}]
        }));
    json[0]["services"][0]["attributes"][0]
        .as_object_mut()
        .unwrap()
        .remove("taxonomy_term");
    let imported = hsds::import(&json.to_string()).expect("imports");
    assert_eq!(
        imported[0].locations.len(),
        2,
        "the helpline is not a place"
    );
    assert_eq!(
        imported[0].services.len(),
        2,
        "its phone-only service has no place"
    );
    assert_eq!(
        imported[0].services[0].categories,
        cpia().services[0].categories
    );
}

#[test]
fn a_later_line_that_contradicts_the_first_is_named_not_outvoted() {
    let sheet = "organization,website,location,latitude,longitude,street,postcode,city,province,comune_istat,service,categories\n\
        Caritas,https://caritas.example,Centro,44.9,8.21,Via 1,14100,Asti,AT,005005,Ascolto,social_services\n\
        Caritas,https://altro.example,Centro,44.9,8.21,Via 1,14100,Asti,AT,005005,Mensa,social_services\n\
        Caritas,,Centro,44.9,8.21,Via 1,14100,Asti,AT,005005,Ascolto,housing\n";
    let rows = table::import(sheet).unwrap_err();
    let found: Vec<(usize, &str)> = rows
        .iter()
        .flat_map(|r| r.problems.iter().map(move |p| (r.row, p.field.as_str())))
        .collect();
    // The website on line 3, and the same service's categories on line 4; a blank cell is
    // not a contradiction.
    assert_eq!(found, [(3, "website"), (4, "categories")], "{rows:#?}");
    assert!(rows[0].problems[0].message.contains("line 2"));
}
