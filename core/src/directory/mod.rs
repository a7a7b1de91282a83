//! The services map's directory: who offers what help to foreign residents, where and when,
//! in the shape of Open Referral HSDS 3.0 (organization → service → service_at_location ←
//! location).
//!
//! One [`Organization`] is one record of the change feed, holding its locations and services:
//! they are edited, imported and replicated together, and a service can only be offered at
//! its own organization's locations. [`hsds`] reads and writes HSDS 3.0 JSON, [`table`] the
//! one-row-per-service-at-a-place CSV that staff keep in spreadsheets.

pub mod hsds;
pub mod places;
pub mod table;
pub mod view;

use crate::model::{Address, GeoPoint};
use crate::schedule::{Schedule, ScheduleRule};
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// What a service does, after the axes of Italy's integration plans. Each has an icon and a
/// colour on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    ItalianCourses,
    WorkTraining,
    Housing,
    Health,
    SchoolMinors,
    LegalImmigration,
    Mediation,
    SocialServices,
    Associations,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::ItalianCourses,
        Category::WorkTraining,
        Category::Housing,
        Category::Health,
        Category::SchoolMinors,
        Category::LegalImmigration,
        Category::Mediation,
        Category::SocialServices,
        Category::Associations,
    ];

    /// The code in exports and on the wire (the HSDS taxonomy term's `code`).
    pub fn code(self) -> &'static str {
        match self {
            Category::ItalianCourses => "italian_courses",
            Category::WorkTraining => "work_training",
            Category::Housing => "housing",
            Category::Health => "health",
            Category::SchoolMinors => "school_minors",
            Category::LegalImmigration => "legal_immigration",
            Category::Mediation => "mediation",
            Category::SocialServices => "social_services",
            Category::Associations => "associations",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Self::ALL.into_iter().find(|c| c.code() == code.trim())
    }

    /// The Italian name, for exports (the UI names categories from `locales/`).
    pub fn italian(self) -> &'static str {
        match self {
            Category::ItalianCourses => "Corsi di lingua italiana",
            Category::WorkTraining => "Lavoro e formazione",
            Category::Housing => "Casa",
            Category::Health => "Salute",
            Category::SchoolMinors => "Scuola e minori",
            Category::LegalImmigration => "Assistenza legale e immigrazione",
            Category::Mediation => "Mediazione linguistico-culturale",
            Category::SocialServices => "Servizi sociali e prima accoglienza",
            Category::Associations => "Associazioni e comunità",
        }
    }
}

/// HSDS `service.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceStatus {
    #[default]
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

impl ServiceStatus {
    pub fn hsds(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::Inactive => "inactive",
            ServiceStatus::Defunct => "defunct",
            ServiceStatus::TemporarilyClosed => "temporarily closed",
        }
    }

    pub fn parse(text: &str) -> Option<ServiceStatus> {
        [
            ServiceStatus::Active,
            ServiceStatus::Inactive,
            ServiceStatus::Defunct,
            ServiceStatus::TemporarilyClosed,
        ]
        .into_iter()
        .find(|s| s.hsds() == text.trim())
    }
}

/// An organization with its places and services: one record in the feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// Named apart from the accounts' organisations (`account::Organization`) in the API document.
#[cfg_attr(feature = "openapi", schema(as = DirectoryOrganization))]
pub struct Organization {
    /// A UUID, as HSDS requires.
    pub id: String,
    pub name: LocalizedText,
    pub description: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Details not verified with the organization (demo data): the card says so.
    #[serde(default)]
    pub demo: bool,
    #[serde(default)]
    pub locations: Vec<Location>,
    #[serde(default)]
    pub services: Vec<Service>,
}

/// A physical place where services are offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    pub id: String,
    pub name: LocalizedText,
    pub point: GeoPoint,
    pub address: Address,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// The place's opening hours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<ScheduleRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<LocalizedText>,
    /// Open on national holidays too (a shelter, a hospital's emergency desk); most places
    /// close.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_on_holidays: bool,
}

/// What an organization offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub id: String,
    pub name: LocalizedText,
    pub description: LocalizedText,
    #[serde(default)]
    pub status: ServiceStatus,
    pub categories: Vec<Category>,
    /// Languages spoken, ISO 639 codes (also ones the UI is not in, e.g. "wo").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Documents to bring.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<LocalizedText>,
    /// What it costs, e.g. "Gratuito".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Where it is offered.
    pub at: Vec<ServiceAt>,
}

/// A service at one of its organization's locations (HSDS `service_at_location`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceAt {
    pub id: String,
    pub location_id: String,
    /// Hours of this service here, when narrower than the place's; empty: the place's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<ScheduleRule>,
}

impl Organization {
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.locations.iter().find(|l| l.id == id)
    }

    /// The services on offer at a place (not inactive or defunct), with their link to it.
    pub fn offered_at<'a>(
        &'a self,
        location_id: &'a str,
    ) -> impl Iterator<Item = (&'a Service, &'a ServiceAt)> + 'a {
        self.services
            .iter()
            .filter(|s| !matches!(s.status, ServiceStatus::Inactive | ServiceStatus::Defunct))
            .filter_map(move |s| Some((s, s.at.iter().find(|at| at.location_id == location_id)?)))
    }

    /// A place's opening hours: its own, or, when it has none, those of the services offered
    /// there; closed on its comune's patron day if given. `None` when everything offered
    /// there is temporarily closed.
    pub fn place_schedule(
        &self,
        location: &Location,
        patron_day: Option<crate::calendar::PatronRule>,
    ) -> Option<Schedule> {
        let offered: Vec<(&Service, &ServiceAt)> = self.offered_at(&location.id).collect();
        if !offered.is_empty()
            && offered
                .iter()
                .all(|(s, _)| s.status == ServiceStatus::TemporarilyClosed)
        {
            return None;
        }
        let rules = if location.hours.is_empty() {
            offered
                .iter()
                .flat_map(|(_, at)| at.hours.iter().cloned())
                .collect()
        } else {
            location.hours.clone()
        };
        Some(Schedule {
            rules,
            closed_on_holidays: !location.open_on_holidays,
            patron_day,
        })
    }

    /// The record in its canonical form: ids in lower case, categories in their order and
    /// languages once each; places and services by Italian name, a service's places in the
    /// order of the organization's. Files list them in any order (a sheet by
    /// line), and the same directory must read the same whichever way it came in.
    pub fn normalized(mut self) -> Organization {
        // UUIDs compare as text: one spelling, so the same id from two files is one id.
        self.id.make_ascii_lowercase();
        for location in &mut self.locations {
            location.id.make_ascii_lowercase();
        }
        for service in &mut self.services {
            service.id.make_ascii_lowercase();
            for at in &mut service.at {
                at.id.make_ascii_lowercase();
                at.location_id.make_ascii_lowercase();
            }
            // A category or language given twice is given once.
            service.categories.sort();
            service.categories.dedup();
            let mut seen = std::collections::BTreeSet::new();
            service.languages.retain(|code| seen.insert(code.clone()));
        }
        let key = |text: &LocalizedText, id: &str| {
            (text.get(crate::Lang::It).to_lowercase(), id.to_owned())
        };
        self.locations.sort_by_cached_key(|l| key(&l.name, &l.id));
        self.services.sort_by_cached_key(|s| key(&s.name, &s.id));
        let order: Vec<String> = self.locations.iter().map(|l| l.id.clone()).collect();
        for service in &mut self.services {
            service
                .at
                .sort_by_key(|at| order.iter().position(|id| *id == at.location_id));
        }
        self
    }

    /// Every id this record holds (its own, its locations', services' and links').
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(self.locations.iter().map(|l| l.id.as_str()))
            .chain(self.services.iter().flat_map(|s| {
                std::iter::once(s.id.as_str()).chain(s.at.iter().map(|a| a.id.as_str()))
            }))
    }

    /// Every problem, each with where it is (`services[1].at[0].location_id`), so an import
    /// can list them all at once.
    pub fn validate(&self) -> Result<(), Vec<Problem>> {
        let mut check = Checker::default();
        check.uuid("id", &self.id);
        check.text("name", &self.name, MAX_NAME);
        check.text("description", &self.description, MAX_DESCRIPTION);
        check.url("website", self.website.as_deref());
        check.email("email", self.email.as_deref());
        check.phones("phones", &self.phones);
        if self.locations.is_empty() {
            check.push("locations", "an organization needs at least one place");
        }
        for (i, location) in self.locations.iter().enumerate() {
            let at = |field: &str| format!("locations[{i}].{field}");
            check.uuid(&at("id"), &location.id);
            check.text(&at("name"), &location.name, MAX_NAME);
            if !location.point.in_italy() {
                check.push(
                    &at("point"),
                    format!(
                        "{}, {} is not in Italy (latitude, longitude in degrees)",
                        location.point.lat, location.point.lon
                    ),
                );
            }
            let address = &location.address;
            if !(address.comune_istat.len() == 6
                && address.comune_istat.bytes().all(|b| b.is_ascii_digit()))
            {
                check.push(
                    &at("address.comune_istat"),
                    format!(
                        "{:?} is not an ISTAT comune code (six digits)",
                        address.comune_istat
                    ),
                );
            }
            check.line(&at("address.street"), &address.street, true);
            check.line(&at("address.locality"), &address.locality, true);
            if !(address.postcode.len() == 5
                && address.postcode.bytes().all(|b| b.is_ascii_digit()))
            {
                check.push(
                    &at("address.postcode"),
                    format!("{:?} is not a postcode (five digits)", address.postcode),
                );
            }
            if !(address.province.len() == 2
                && address.province.bytes().all(|b| b.is_ascii_uppercase()))
            {
                check.push(
                    &at("address.province"),
                    format!(
                        "{:?} is not a province code (two capitals, e.g. AT)",
                        address.province
                    ),
                );
            }
            check.phones(&at("phones"), &location.phones);
            check.hours(&at("hours"), &location.hours);
            for (j, note) in location.accessibility.iter().enumerate() {
                check.text(&at(&format!("accessibility[{j}]")), note, MAX_NAME);
            }
        }
        for (i, service) in self.services.iter().enumerate() {
            let at = |field: &str| format!("services[{i}].{field}");
            check.uuid(&at("id"), &service.id);
            check.text(&at("name"), &service.name, MAX_NAME);
            check.text(&at("description"), &service.description, MAX_DESCRIPTION);
            if service.categories.is_empty() {
                check.push(&at("categories"), "a service needs at least one category");
            }
            for code in &service.languages {
                if !(matches!(code.len(), 2 | 3) && code.bytes().all(|b| b.is_ascii_lowercase())) {
                    check.push(
                        &at("languages"),
                        format!("{code:?} is not an ISO 639 language code (e.g. \"ar\")"),
                    );
                }
            }
            for (j, document) in service.documents.iter().enumerate() {
                check.text(&at(&format!("documents[{j}]")), document, MAX_NAME);
            }
            if let Some(fees) = &service.fees {
                check.text(&at("fees"), fees, MAX_NAME);
            }
            check.url(&at("url"), service.url.as_deref());
            check.phones(&at("phones"), &service.phones);
            if service.at.is_empty() {
                check.push(&at("at"), "a service needs at least one place");
            }
            for (j, link) in service.at.iter().enumerate() {
                let here = |field: &str| at(&format!("at[{j}].{field}"));
                check.uuid(&here("id"), &link.id);
                if self.location(&link.location_id).is_none() {
                    check.push(
                        &here("location_id"),
                        format!(
                            "{:?} is not one of this organization's places",
                            link.location_id
                        ),
                    );
                }
                check.hours(&here("hours"), &link.hours);
            }
        }
        let mut seen = BTreeSet::new();
        for id in self.ids() {
            if !seen.insert(id) {
                check.push("id", format!("{id:?} is used twice"));
            }
        }
        if check.problems.is_empty() {
            Ok(())
        } else {
            Err(check.problems)
        }
    }
}

/// Longest name, document or note kept, in bytes.
pub const MAX_NAME: usize = 300;
/// Longest description kept, in bytes.
pub const MAX_DESCRIPTION: usize = 4_000;

/// One thing wrong in a record, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// Not the API's problem document (`api::Problem`), whose name it would take.
#[cfg_attr(feature = "openapi", schema(as = RecordProblem))]
pub struct Problem {
    /// Where, e.g. `services[1].at[0].location_id` (in a CSV: the column).
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn push(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    fn uuid(&mut self, field: &str, id: &str) {
        if !is_uuid(id) {
            self.push(
                field,
                format!("{id:?} is not a UUID (8-4-4-4-12 hexadecimal digits)"),
            );
        }
    }

    fn text(&mut self, field: &str, text: &LocalizedText, max: usize) {
        for lang in text.langs() {
            self.line(&format!("{field}.{lang}"), text.get(lang), max <= MAX_NAME);
            if text.get(lang).len() > max {
                self.push(
                    &format!("{field}.{lang}"),
                    format!("longer than {max} bytes"),
                );
            }
        }
    }

    /// Control characters would break the screen and the CSV; names are one line.
    fn line(&mut self, field: &str, text: &str, one_line: bool) {
        if text.trim().is_empty() {
            self.push(field, "is empty");
        }
        if text
            .chars()
            .any(|c| c.is_control() && (c != '\n' || one_line))
        {
            self.push(field, "has control characters or line breaks");
        }
    }

    fn url(&mut self, field: &str, url: Option<&str>) {
        if let Some(url) = url {
            let ok = (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() <= 500
                && !url.chars().any(char::is_whitespace);
            if !ok {
                self.push(field, format!("{url:?} is not a web address"));
            }
        }
    }

    fn email(&mut self, field: &str, email: Option<&str>) {
        if let Some(email) = email {
            let ok = email.len() <= 254
                && !email.chars().any(char::is_whitespace)
                && email
                    .split_once('@')
                    .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
            if !ok {
                self.push(field, format!("{email:?} is not an e-mail address"));
            }
        }
    }

    fn phones(&mut self, field: &str, phones: &[String]) {
        for phone in phones {
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            let ok = (6..=15).contains(&digits)
                && phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-./()".contains(c));
            if !ok {
                self.push(field, format!("{phone:?} is not a phone number"));
            }
        }
    }

    fn hours(&mut self, field: &str, rules: &[ScheduleRule]) {
        for (i, rule) in rules.iter().enumerate() {
            if let Err(error) = rule.validate() {
                self.push(&format!("{field}[{i}]"), error.to_string());
            }
        }
    }
}

/// `8-4-4-4-12` hexadecimal digits.
pub fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The namespace of ids Sportello derives (RFC 9562 version 5), so that a record exported
/// twice gives the same ids for its phones, schedules and other parts.
pub const ID_NAMESPACE: uuid::Uuid = uuid::uuid!("6f1c2d0e-5b7a-4c1e-9a63-2f0d7b4e8a11");

/// A stable id for a part of a record, e.g. `derived_id(location_id, "schedule:0")`.
pub fn derived_id(owner: &str, part: &str) -> String {
    uuid::Uuid::new_v5(&ID_NAMESPACE, format!("{owner}:{part}").as_bytes()).to_string()
}

/// What an import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Organizations not in the file, removed because the import replaced the directory.
    pub removed: usize,
}
