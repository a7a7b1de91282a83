//! The services map in the kiosk backend: places nearest first, each filter, "open now" and
//! "opens …" at a given instant (a holiday included), and a place's card in the reader's
//! language with the addresses its QR codes carry.

use sportello_core::Lang;
use sportello_core::LocalizedText;
use sportello_core::directory::places::Places;
use sportello_core::directory::view::PlaceFilter;
use sportello_core::directory::{
    Category, Location, Organization, Service, ServiceAt, ServiceStatus, derived_id,
};
use sportello_core::model::{Address, GeoPoint};
use sportello_core::schedule::{Phrase, ScheduleRule};

fn weekdays(opens: &str, closes: &str) -> ScheduleRule {
    ScheduleRule {
        freq: "WEEKLY".into(),
        byday: Some("MO,TU,WE,TH,FR".into()),
        opens_at: opens.into(),
        closes_at: closes.into(),
        valid_from: None,
        valid_to: None,
    }
}

fn place(
    org: &str,
    name: &str,
    istat: &str,
    city: &str,
    lat: f64,
    lon: f64,
    hours: Vec<ScheduleRule>,
) -> Location {
    Location {
        id: derived_id(org, name),
        name: LocalizedText::new(name).with(Lang::Fr, format!("{name} (fr)")),
        point: GeoPoint { lat, lon },
        address: Address {
            street: "Via Roma, 1".into(),
            postcode: "14100".into(),
            locality: city.into(),
            province: "AT".into(),
            comune_istat: istat.into(),
        },
        phones: vec!["+39 0141 000 001".into()],
        hours,
        accessibility: vec![],
        open_on_holidays: false,
    }
}

fn service(
    org: &str,
    name: &str,
    category: Category,
    languages: &[&str],
    at: &[&Location],
) -> Service {
    let id = derived_id(org, name);
    Service {
        id: id.clone(),
        name: LocalizedText::new(name).with(Lang::Fr, format!("{name} (fr)")),
        description: LocalizedText::new("Descrizione"),
        status: ServiceStatus::Active,
        categories: vec![category],
        languages: languages.iter().map(|l| (*l).to_owned()).collect(),
        documents: vec![LocalizedText::new("Passaporto").with(Lang::Fr, "Passeport")],
        fees: None,
        url: None,
        phones: vec![],
        at: at
            .iter()
            .map(|l| ServiceAt {
                id: derived_id(&id, &l.id),
                location_id: l.id.clone(),
                hours: vec![],
            })
            .collect(),
    }
}

fn places() -> Places {
    Places::build(1, fixture(), &[])
}

/// Three places: a clinic in Asti (mornings), a school in Canelli (evenings), a desk in
/// Matera (mornings) with an Arabic-speaking mediator.
fn fixture() -> Vec<Organization> {
    let health = derived_id("t", "asl");
    let clinic = place(
        &health,
        "Consultorio",
        "005005",
        "Asti",
        44.902,
        8.208,
        vec![weekdays("09:00", "12:00")],
    );
    let school = derived_id("t", "cpia");
    let evening = place(
        &school,
        "Scuola serale",
        "005013",
        "Canelli",
        44.721,
        8.293,
        vec![weekdays("18:00", "21:00")],
    );
    let desk = derived_id("t", "desk");
    let matera = place(
        &desk,
        "Sportello Matera",
        "077014",
        "Matera",
        40.666,
        16.604,
        vec![weekdays("09:00", "12:00")],
    );
    let directory = vec![
        Organization {
            id: health.clone(),
            name: LocalizedText::new("ASL AT"),
            description: LocalizedText::new("Sanità"),
            website: None,
            email: None,
            phones: vec![],
            demo: false,
            services: vec![service(
                &health,
                "Visite",
                Category::Health,
                &["it", "en"],
                &[&clinic],
            )],
            locations: vec![clinic],
        },
        Organization {
            id: school.clone(),
            name: LocalizedText::new("CPIA"),
            description: LocalizedText::new("Scuola"),
            website: Some("https://cpia.example".into()),
            email: None,
            phones: vec![],
            demo: true,
            services: vec![service(
                &school,
                "Italiano",
                Category::ItalianCourses,
                &["it", "fr"],
                &[&evening],
            )],
            locations: vec![evening],
        },
        Organization {
            id: desk.clone(),
            name: LocalizedText::new("Sportello"),
            description: LocalizedText::new("Aiuto"),
            website: None,
            email: None,
            phones: vec![],
            demo: true,
            services: vec![
                service(
                    &desk,
                    "Mediazione",
                    Category::Mediation,
                    &["it", "ar"],
                    &[&matera],
                ),
                service(&desk, "Salute", Category::Health, &["it"], &[&matera]),
            ],
            locations: vec![matera],
        },
    ];
    for organization in &directory {
        organization.validate().unwrap();
    }
    directory
}

const ASTI: GeoPoint = GeoPoint {
    lat: 44.8993,
    lon: 8.2065,
};
const MATERA: GeoPoint = GeoPoint {
    lat: 40.6664,
    lon: 16.6043,
};

fn at(text: &str) -> jiff::Timestamp {
    text.parse().unwrap()
}

fn names(list: &sportello_core::directory::view::PlaceList) -> Vec<&str> {
    list.places.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn places_come_nearest_first_from_where_the_kiosk_stands() {
    let places = places();
    // Tuesday 1 December 2026, 10:00 in Italy.
    let now = at("2026-12-01T09:00:00Z");
    let from_asti = places.query(&PlaceFilter::default(), ASTI, now, Lang::It);
    assert_eq!(
        names(&from_asti),
        ["Consultorio", "Scuola serale", "Sportello Matera"]
    );
    assert!(from_asti.places[0].distance_m < 500);
    assert!((20_000..25_000).contains(&from_asti.places[1].distance_m));
    let from_matera = places.query(&PlaceFilter::default(), MATERA, now, Lang::It);
    assert_eq!(
        names(&from_matera),
        ["Sportello Matera", "Scuola serale", "Consultorio"]
    );
    assert_eq!(from_matera.total, 3);
    assert_eq!(from_matera.comuni.len(), 3);
}

#[test]
fn each_filter_narrows_the_list() {
    let places = places();
    let now = at("2026-12-01T09:00:00Z");
    let query = |filter: PlaceFilter| {
        places
            .query(&filter, ASTI, now, Lang::Fr)
            .places
            .into_iter()
            .map(|p| p.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        query(PlaceFilter {
            category: Some(Category::Health),
            ..Default::default()
        }),
        ["Consultorio (fr)", "Sportello Matera (fr)"]
    );
    assert_eq!(
        query(PlaceFilter {
            comune: Some("005013".into()),
            ..Default::default()
        }),
        ["Scuola serale (fr)"]
    );
    assert_eq!(
        query(PlaceFilter {
            language: Some("ar".into()),
            ..Default::default()
        }),
        ["Sportello Matera (fr)"]
    );
    // 10:00: the morning places are open, the evening school is not.
    assert_eq!(
        query(PlaceFilter {
            open_now: true,
            ..Default::default()
        }),
        ["Consultorio (fr)", "Sportello Matera (fr)"]
    );
    assert!(
        query(PlaceFilter {
            category: Some(Category::Health),
            comune: Some("005013".into()),
            ..Default::default()
        })
        .is_empty()
    );
}

#[test]
fn open_now_and_opens_next_follow_the_italian_clock_and_holidays() {
    let places = places();
    let status = |now: &str| -> Vec<Phrase> {
        places
            .query(&PlaceFilter::default(), ASTI, at(now), Lang::It)
            .places
            .into_iter()
            .map(|p| p.status)
            .collect()
    };
    // Tuesday 10:00.
    assert_eq!(
        status("2026-12-01T09:00:00Z")[..2],
        [
            Phrase::OpenUntil {
                time: "12:00".into()
            },
            Phrase::OpensToday {
                time: "18:00".into()
            },
        ]
    );
    // Friday 13:00: the clinic opens on Monday.
    assert_eq!(
        status("2026-12-04T12:00:00Z")[0],
        Phrase::OpensOn {
            day: "mo".into(),
            time: "09:00".into()
        }
    );
    // Monday 7 December 2026, 13:00: Tuesday 8 December is a national holiday, so Wednesday.
    assert_eq!(
        status("2026-12-07T12:00:00Z")[0],
        Phrase::OpensOn {
            day: "we".into(),
            time: "09:00".into()
        }
    );
    // Wednesday evening after closing: tomorrow.
    assert_eq!(
        status("2026-12-09T18:00:00Z")[0],
        Phrase::OpensTomorrow {
            time: "09:00".into()
        }
    );
    // Summer time: 10:00 in Italy is 08:00 UTC on 1 July.
    assert_eq!(
        status("2026-07-01T08:00:00Z")[0],
        Phrase::OpenUntil {
            time: "12:00".into()
        }
    );
}

#[test]
fn a_card_is_in_the_readers_language_with_its_qr_addresses() {
    let places = places();
    let id = places
        .query(
            &PlaceFilter::default(),
            ASTI,
            at("2026-12-01T09:00:00Z"),
            Lang::It,
        )
        .places[1]
        .id
        .clone();
    let card = places
        .card(
            &id,
            ASTI,
            at("2026-12-01T09:00:00Z"),
            Lang::Fr,
            "https://sportello.example/p/",
        )
        .unwrap();
    assert_eq!(card.name, "Scuola serale (fr)");
    assert!(card.demo);
    assert_eq!(card.services[0].documents, ["Passeport"]);
    assert_eq!(
        card.page_url,
        format!("https://sportello.example/p/{id}?lang=fr")
    );
    assert_eq!(card.geo_uri, "geo:44.72100,8.29300?q=44.72100,8.29300");
    assert_eq!(card.hours[0].days, ["mo", "tu", "we", "th", "fr"]);
    assert!(
        places
            .card(
                "no-such-place",
                ASTI,
                at("2026-12-01T09:00:00Z"),
                Lang::Fr,
                ""
            )
            .is_none()
    );
}

#[test]
fn a_comunes_patron_day_closes_its_places_and_no_others() {
    let asti = sportello_core::model::Comune {
        istat: "005005".into(),
        name: "Asti".into(),
        province: "AT".into(),
        capoluogo: true,
        location: ASTI,
        patron_day: Some("05-tue-1".parse().unwrap()),
    };
    let with_patron = |places: &Places| {
        places
            .query(
                &PlaceFilter::default(),
                ASTI,
                at("2026-05-05T08:00:00Z"),
                Lang::It,
            )
            .places
            .into_iter()
            .map(|p| (p.name, p.status))
            .collect::<Vec<_>>()
    };
    let with_asti = rebuilt_with(std::slice::from_ref(&asti));
    // A kiosk without its own spot measures from its comune's centre; a comune the reference
    // data lacks, from the middle of its places.
    assert_eq!(with_asti.centre_of("005005"), Some(ASTI));
    let matera = places().centre_of("077014").unwrap();
    assert!(matera.distance_m(MATERA) < 100.0, "{matera:?}");
    assert_eq!(places().centre_of("099999"), None);
    let closed = with_patron(&with_asti);
    // San Secondo, Tuesday 5 May 2026, 10:00: Asti's clinic opens on Wednesday; Matera's desk
    // is open as on any Tuesday.
    assert_eq!(closed[0].0, "Consultorio");
    assert_eq!(
        closed[0].1,
        Phrase::OpensTomorrow {
            time: "09:00".into()
        }
    );
    assert_eq!(
        closed[2].1,
        Phrase::OpenUntil {
            time: "12:00".into()
        }
    );
}

fn rebuilt_with(comuni: &[sportello_core::model::Comune]) -> Places {
    Places::build(2, fixture(), comuni)
}

#[test]
fn a_card_lists_current_and_coming_hours_with_their_dates_not_ended_ones() {
    let mut directory = fixture();
    let mut ended = weekdays("14:00", "16:00");
    ended.valid_to = Some("2026-06-30".parse().unwrap());
    let mut summer = weekdays("17:00", "19:00");
    summer.valid_from = Some("2027-06-01".parse().unwrap());
    summer.valid_to = Some("2027-09-30".parse().unwrap());
    directory[0].locations[0].hours.extend([ended, summer]);
    let places = Places::build(3, directory, &[]);
    let id = places
        .query(
            &PlaceFilter::default(),
            ASTI,
            at("2026-12-01T09:00:00Z"),
            Lang::It,
        )
        .places[0]
        .id
        .clone();
    let card = places
        .card(&id, ASTI, at("2026-12-01T09:00:00Z"), Lang::It, "")
        .unwrap();
    let lines: Vec<(String, Option<String>)> = card
        .hours
        .iter()
        .map(|h| (h.opens.clone(), h.validity.clone()))
        .collect();
    assert_eq!(
        lines,
        [
            ("09:00".to_owned(), None),
            ("17:00".to_owned(), Some("01/06–30/09".to_owned()))
        ]
    );
}
