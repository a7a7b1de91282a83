//! How fast the kiosk filters and sorts the services map: 2,000 places (400 organizations
//! with five places and three services each, over both provinces), asked with the filters
//! people use (none, a category, a comune, a language, open now, two words typed, four at
//! once). Prints p50 and p99 per kind and the size of the answer the UI receives; the target
//! is under 10 ms.
//!
//! Run with `cargo bench --bench directory` (release build).

use sportello_core::Lang;
use sportello_core::LocalizedText;
use sportello_core::directory::places::Places;
use sportello_core::directory::view::PlaceFilter;
use sportello_core::directory::{
    Category, Location, Organization, Service, ServiceAt, ServiceStatus, derived_id,
};
use sportello_core::model::{Address, GeoPoint};
use sportello_core::schedule::ScheduleRule;
use std::time::{Duration, Instant};

const ORGANIZATIONS: usize = 400;
const ROUNDS: usize = 200;

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

fn directory() -> Vec<Organization> {
    let comuni = [
        ("005005", "Asti", 44.900, 8.206),
        ("005013", "Canelli", 44.721, 8.293),
        ("005080", "Nizza Monferrato", 44.773, 8.356),
        ("077014", "Matera", 40.666, 16.604),
        ("077021", "Policoro", 40.213, 16.678),
        ("077020", "Pisticci", 40.390, 16.558),
    ];
    let languages = ["it", "en", "fr", "ar", "ro", "uk", "zh", "ur", "bn", "wo"];
    let week = [
        vec![rule("MO,TU,WE,TH,FR", "09:00", "12:30")],
        vec![
            rule("MO,WE,FR", "09:00", "13:00"),
            rule("TU,TH", "15:00", "18:00"),
        ],
        vec![
            rule("TU,TH", "18:00", "20:00"),
            rule("SA", "09:00", "12:00"),
        ],
    ];
    (0..ORGANIZATIONS)
        .map(|o| {
            let id = derived_id("bench", &format!("org:{o}"));
            let locations: Vec<Location> = (0..5)
                .map(|l| {
                    let (istat, name, lat, lon) = comuni[(o + l) % comuni.len()];
                    let jitter = ((o * 7 + l * 13) % 100) as f64 / 2000.0;
                    Location {
                        id: derived_id(&id, &format!("loc:{l}")),
                        name: LocalizedText::new(format!("Sede {l} dell'organizzazione {o}")),
                        point: GeoPoint {
                            lat: lat + jitter,
                            lon: lon - jitter,
                        },
                        address: Address {
                            street: format!("Via Roma, {}", o + l),
                            postcode: "14100".into(),
                            locality: name.into(),
                            province: if istat.starts_with("005") { "AT" } else { "MT" }.into(),
                            comune_istat: istat.into(),
                        },
                        phones: vec![],
                        hours: week[(o + l) % week.len()].clone(),
                        accessibility: vec![],
                        open_on_holidays: false,
                    }
                })
                .collect();
            let services = (0..3)
                .map(|s| {
                    let sid = derived_id(&id, &format!("svc:{s}"));
                    Service {
                        id: sid.clone(),
                        name: LocalizedText::new(format!("Servizio {s}"))
                            .with(Lang::Fr, format!("Service {s}")),
                        description: LocalizedText::new("Descrizione del servizio"),
                        status: ServiceStatus::Active,
                        categories: vec![Category::ALL[(o + s) % Category::ALL.len()]],
                        languages: vec!["it".into(), languages[(o + s) % languages.len()].into()],
                        documents: vec![],
                        fees: None,
                        url: None,
                        phones: vec![],
                        at: locations
                            .iter()
                            .skip(s)
                            .step_by(2)
                            .map(|l| ServiceAt {
                                id: derived_id(&sid, &l.id),
                                location_id: l.id.clone(),
                                hours: vec![],
                            })
                            .collect(),
                    }
                })
                .collect();
            Organization {
                id: id.clone(),
                name: LocalizedText::new(format!("Organizzazione {o}")),
                description: LocalizedText::new("Descrizione"),
                website: None,
                email: None,
                phones: vec![],
                demo: true,
                locations,
                services,
            }
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() {
    let organizations = directory();
    let started = Instant::now();
    let places = Places::build(1, organizations, &[]);
    println!(
        "build: {} places in {:.2} ms",
        places.len(),
        ms(started.elapsed())
    );
    let from = GeoPoint {
        lat: 44.8993,
        lon: 8.2065,
    };
    // A Tuesday at 10:00 in Rome.
    let now: jiff::Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
    let kinds: [(&str, PlaceFilter); 7] = [
        ("everything", PlaceFilter::default()),
        (
            "health",
            PlaceFilter {
                category: Some(Category::Health),
                ..Default::default()
            },
        ),
        (
            "comune",
            PlaceFilter {
                comune: Some("077014".into()),
                ..Default::default()
            },
        ),
        (
            "language",
            PlaceFilter {
                language: Some("ar".into()),
                ..Default::default()
            },
        ),
        (
            "open now",
            PlaceFilter {
                open_now: true,
                ..Default::default()
            },
        ),
        (
            "words",
            PlaceFilter {
                text: Some("servizio asti".into()),
                ..Default::default()
            },
        ),
        (
            "all four",
            PlaceFilter {
                text: None,
                category: Some(Category::ItalianCourses),
                comune: Some("005005".into()),
                language: Some("it".into()),
                open_now: true,
            },
        ),
    ];
    let mut all = Vec::new();
    println!(
        "{:<12} {:>7} {:>9} {:>9} {:>10}",
        "filter", "places", "p50 ms", "p99 ms", "answer KB"
    );
    for (name, filter) in &kinds {
        let mut times = Vec::with_capacity(ROUNDS);
        let mut found = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            let list = places.query(filter, from, now, Lang::Fr);
            times.push(started.elapsed());
            found = list.places.len();
            std::hint::black_box(list);
        }
        let answer = serde_json::to_vec(&places.query(filter, from, now, Lang::Fr)).unwrap();
        times.sort();
        println!(
            "{name:<12} {found:>7} {:>9.2} {:>9.2} {:>10.1}",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.99)),
            answer.len() as f64 / 1024.0
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "overall: p50 {:.2} ms, p99 {:.2} ms (target < 10 ms)",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.99))
    );
}
