//! The services map's places: the directory's organizations built once per change of the data
//! and kept in memory, then filtered and sorted by distance on each touch (2,000 places take
//! well under the 10 ms budget: `cargo bench --bench directory`). Pure and in `core`, so the
//! kiosk runs it natively over its cache and a phone can run it in wasm.

use crate::Lang;
use crate::LocalizedText;
use crate::directory::view::{
    Choice, HoursLine, PlaceCard, PlaceFilter, PlaceList, PlaceSummary, ServiceCard,
};
use crate::directory::{Category, Organization, ServiceStatus};
use crate::model::{Comune, GeoPoint};
use crate::schedule::{Phrase, Schedule, ScheduleRule};
use crate::search::{fold, is_unspaced, words};
use std::collections::BTreeMap;

/// One location with what is offered there, ready to filter.
struct Place {
    /// Index of the organization in `Places::organizations`.
    organization: usize,
    location: usize,
    /// Bit `i` set: a service here is of `Category::ALL[i]`.
    categories: u16,
    languages: Vec<String>,
    /// `None`: everything offered there is temporarily closed.
    schedule: Option<Schedule>,
    /// Everything a person may type to find it, folded, in every language it has.
    words: String,
}

/// Longest query read, in characters: a search box, not a document.
const MAX_QUERY: usize = 200;

/// The directory in memory, as of one state of the cache.
pub struct Places {
    /// The generation of the data it was built from (the kiosk's cache counts them).
    pub generation: u64,
    organizations: Vec<Organization>,
    places: Vec<Place>,
    /// The comuni's centres, by ISTAT code (read with the records, not on every query).
    centres: std::collections::HashMap<String, GeoPoint>,
    /// The filters' choices, worked out once per build.
    comuni: Vec<Choice>,
    languages: Vec<String>,
}

impl Places {
    /// `comuni` give the patron saints' days that close the places in their comune.
    pub fn build(generation: u64, organizations: Vec<Organization>, comuni: &[Comune]) -> Places {
        let patron = |istat: &str| {
            comuni
                .iter()
                .find(|c| c.istat == istat)
                .and_then(|c| c.patron_day)
        };
        let mut places = Vec::new();
        for (o, organization) in organizations.iter().enumerate() {
            for (l, location) in organization.locations.iter().enumerate() {
                let mut categories = 0u16;
                let mut languages: Vec<String> = Vec::new();
                let mut any = false;
                let mut words = String::new();
                let mut add = |text: &LocalizedText| {
                    for lang in text.langs() {
                        words.push_str(&fold(text.get(lang)));
                        words.push('\n');
                    }
                };
                add(&organization.name);
                add(&location.name);
                for (service, _) in organization.offered_at(&location.id) {
                    any = true;
                    add(&service.name);
                    add(&service.description);
                    for category in &service.categories {
                        categories |= bit(*category);
                    }
                    for code in &service.languages {
                        if !languages.contains(code) {
                            languages.push(code.clone());
                        }
                    }
                }
                words.push_str(&fold(&format!(
                    "{}\n{}\n",
                    location.address.street, location.address.locality
                )));
                // A place where nothing is offered has nothing to show.
                if any {
                    places.push(Place {
                        organization: o,
                        location: l,
                        categories,
                        languages,
                        schedule: organization
                            .place_schedule(location, patron(&location.address.comune_istat)),
                        words,
                    });
                }
            }
        }
        let mut places = Places {
            generation,
            centres: comuni
                .iter()
                .map(|c| (c.istat.clone(), c.location))
                .collect(),
            organizations,
            places,
            comuni: Vec::new(),
            languages: Vec::new(),
        };
        places.choices();
        places
    }

    /// What the comune and language filters offer: only what some place has; comuni by name,
    /// languages by how many places speak them.
    fn choices(&mut self) {
        let mut comuni: BTreeMap<String, String> = BTreeMap::new();
        let mut languages: BTreeMap<String, usize> = BTreeMap::new();
        for place in &self.places {
            let address = &self.location(place).address;
            comuni
                .entry(address.comune_istat.clone())
                .or_insert_with(|| address.locality.clone());
            for code in &place.languages {
                *languages.entry(code.clone()).or_default() += 1;
            }
        }
        self.comuni = comuni
            .into_iter()
            .map(|(code, name)| Choice { code, name })
            .collect();
        self.comuni.sort_by(|a, b| a.name.cmp(&b.name));
        let mut languages: Vec<(String, usize)> = languages.into_iter().collect();
        languages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.languages = languages.into_iter().map(|(code, _)| code).collect();
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The places matching `filter`, nearest to `from` first (ties by name).
    pub fn query(
        &self,
        filter: &PlaceFilter,
        from: GeoPoint,
        now: jiff::Timestamp,
        lang: Lang,
    ) -> PlaceList {
        let wanted = filter.category.map(bit);
        let query: Vec<String> = filter
            .text
            .as_deref()
            .map(|text| {
                let text: String = text.chars().take(MAX_QUERY).collect();
                let folded = fold(&text);
                if is_unspaced(&folded) {
                    // Chinese: the characters typed, in order, anywhere.
                    vec![folded.split_whitespace().collect::<String>()]
                } else {
                    words(&folded).map(str::to_owned).collect()
                }
            })
            .unwrap_or_default();
        let mut places: Vec<PlaceSummary> = self
            .places
            .iter()
            .filter(|place| wanted.is_none_or(|bits| place.categories & bits != 0))
            .filter(|place| query.iter().all(|word| place.words.contains(word.as_str())))
            .filter(|place| {
                filter
                    .language
                    .as_ref()
                    .is_none_or(|code| place.languages.contains(code))
            })
            .filter(|place| {
                filter
                    .comune
                    .as_ref()
                    .is_none_or(|istat| self.location(place).address.comune_istat == *istat)
            })
            .filter_map(|place| {
                let (status, open) = describe(place.schedule.as_ref(), now);
                if filter.open_now && !open {
                    return None;
                }
                let organization = &self.organizations[place.organization];
                let location = self.location(place);
                Some(PlaceSummary {
                    id: location.id.clone(),
                    name: location.name.get(lang).to_owned(),
                    organization: organization.name.get(lang).to_owned(),
                    categories: Category::ALL
                        .into_iter()
                        .filter(|c| place.categories & bit(*c) != 0)
                        .collect(),
                    point: location.point,
                    distance_m: from.distance_m(location.point).round() as u32,
                    comune: location.address.locality.clone(),
                    status,
                    open,
                })
            })
            .collect();
        places.sort_by(|a, b| (a.distance_m, &a.name).cmp(&(b.distance_m, &b.name)));

        PlaceList {
            places,
            total: self.places.len(),
            from,
            comuni: self.comuni.clone(),
            languages: self.languages.clone(),
        }
    }

    fn location(&self, place: &Place) -> &crate::directory::Location {
        &self.organizations[place.organization].locations[place.location]
    }

    /// A place's card, or `None` if no such place is (any longer) in the directory.
    pub fn card(
        &self,
        id: &str,
        from: GeoPoint,
        now: jiff::Timestamp,
        lang: Lang,
        place_url: &str,
    ) -> Option<PlaceCard> {
        let place = self.places.iter().find(|p| self.location(p).id == id)?;
        let organization = &self.organizations[place.organization];
        let location = self.location(place);
        let (status, _) = describe(place.schedule.as_ref(), now);
        let services = organization
            .offered_at(&location.id)
            .map(|(service, here)| ServiceCard {
                name: service.name.get(lang).to_owned(),
                description: service.description.get(lang).to_owned(),
                categories: service.categories.clone(),
                languages: service.languages.clone(),
                documents: service
                    .documents
                    .iter()
                    .map(|d| d.get(lang).to_owned())
                    .collect(),
                fees: service.fees.as_ref().map(|f| f.get(lang).to_owned()),
                hours: hours(&here.hours, now),
                temporarily_closed: service.status == ServiceStatus::TemporarilyClosed,
            })
            .collect();
        let point = location.point;
        Some(PlaceCard {
            id: location.id.clone(),
            name: location.name.get(lang).to_owned(),
            organization: organization.name.get(lang).to_owned(),
            demo: organization.demo,
            address: location.address.one_line(),
            point,
            distance_m: from.distance_m(point).round() as u32,
            status,
            hours: hours(&location.hours, now),
            phones: location
                .phones
                .iter()
                .chain(&organization.phones)
                .cloned()
                .collect(),
            website: organization.website.clone(),
            accessibility: location
                .accessibility
                .iter()
                .map(|a| a.get(lang).to_owned())
                .collect(),
            services,
            page_url: format!("{place_url}{}?lang={}", location.id, lang.code()),
            geo_uri: point.geo_uri(),
        })
    }

    /// Where a comune is: its centre in the reference data, else the middle of its places.
    /// What distances are measured from when a kiosk's own spot is not configured.
    pub fn centre_of(&self, istat: &str) -> Option<GeoPoint> {
        if let Some(centre) = self.centres.get(istat) {
            return Some(*centre);
        }
        let points: Vec<GeoPoint> = self
            .places
            .iter()
            .map(|p| self.location(p))
            .filter(|l| l.address.comune_istat == istat)
            .map(|l| l.point)
            .collect();
        (!points.is_empty()).then(|| GeoPoint {
            lat: points.iter().map(|p| p.lat).sum::<f64>() / points.len() as f64,
            lon: points.iter().map(|p| p.lon).sum::<f64>() / points.len() as f64,
        })
    }
}

/// The status line and whether the place is open now.
fn describe(schedule: Option<&Schedule>, now: jiff::Timestamp) -> (Phrase, bool) {
    match schedule {
        None => (Phrase::ClosedForNow, false),
        Some(schedule) if schedule.rules.is_empty() => (Phrase::NoHours, false),
        Some(schedule) => {
            let status = schedule.status(now);
            (status.phrase(now), status.is_open())
        }
    }
}

fn bit(category: Category) -> u16 {
    let index = Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("every category is in ALL");
    1 << index
}

/// The rules as lines, those whose validity has ended left out.
fn hours(rules: &[ScheduleRule], now: jiff::Timestamp) -> Vec<HoursLine> {
    let today = crate::calendar::local_date(now);
    rules
        .iter()
        .filter(|rule| rule.current_or_coming(today))
        .map(|rule| HoursLine {
            days: rule.day_codes().into_iter().map(str::to_owned).collect(),
            opens: rule.opens_at.clone(),
            closes: rule.closes_at.clone(),
            validity: rule.validity_text(),
        })
        .collect()
}
