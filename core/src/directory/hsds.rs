//! Open Referral HSDS 3.0 JSON: a directory is written as an array of compiled `organization`
//! objects (each with its `locations` and `services`, the services with their
//! `service_at_locations`), and read back the same way.
//!
//! HSDS has no translations; Sportello adds `x_translations` beside the Italian base text of an
//! object: `{"en": {"name": "…", "description": "…"}}`. `x_demo` marks an organization whose
//! details are not verified. Categories are `attributes` linking to taxonomy terms of the
//! `sportello` taxonomy, by `code`.
//!
//! Ids of the parts Sportello does not address on its own (phones, addresses, schedules,
//! languages, documents, attributes) are derived from their owner's id, so an export is the
//! same every time and an export read back and written again gives the same document.

use super::{
    Category, Location, Organization, Problem, Service, ServiceAt, ServiceStatus, derived_id,
};
use crate::lang::Lang;
use crate::model::{Address, GeoPoint};
use crate::schedule::ScheduleRule;
use crate::text::LocalizedText;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The name of the taxonomy whose terms are [`Category`] codes.
pub const TAXONOMY: &str = "sportello";

/// Texts in other languages, by language then field.
type Translations = BTreeMap<String, BTreeMap<String, String>>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsOrganization {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<HsdsPhone>,
    #[serde(default)]
    pub locations: Vec<HsdsLocation>,
    #[serde(default)]
    pub services: Vec<HsdsService>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub x_demo: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub x_translations: Translations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsPhone {
    pub id: String,
    pub number: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsLocation {
    pub id: String,
    pub location_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_identifier_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<HsdsAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<HsdsPhone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<HsdsSchedule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<HsdsAccessibility>,
    /// Sportello's extension: open on national holidays too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub x_open_on_holidays: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub x_translations: Translations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsAddress {
    pub id: String,
    pub address_1: String,
    pub city: String,
    pub state_province: String,
    pub postal_code: String,
    pub country: String,
    pub address_type: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsAccessibility {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub x_translations: Translations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsSchedule {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsService {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<HsdsPhone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<HsdsLanguage>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_documents: Vec<HsdsDocument>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<HsdsAttribute>,
    #[serde(default)]
    pub service_at_locations: Vec<HsdsServiceAt>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub x_translations: Translations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsLanguage {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsDocument {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub x_translations: Translations,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsAttribute {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_term_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_term: Option<HsdsTerm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsTerm {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HsdsServiceAt {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<HsdsSchedule>,
}

/// Why a document is not a directory: its shape (with the JSON path), or the problems of
/// each organization in it (with its index and id).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("not HSDS JSON at {path}: {message}")]
    Shape { path: String, message: String },
    #[error("{} organizations have problems", .0.len())]
    Rows(Vec<RowProblems>),
}

/// The problems of one row of an import (an organization of a JSON document, a line of a CSV).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RowProblems {
    /// The organization's index in the array, or the CSV line number (the header is line 1).
    pub row: usize,
    /// The row's id or name, when it has one, to find it in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub problems: Vec<Problem>,
}

/// Reads an HSDS 3.0 document (an array of compiled organizations, or one organization), and
/// checks every organization in it; every problem is reported, not only the first.
pub fn import(json: &str) -> Result<Vec<Organization>, ImportError> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    let value: serde_json::Value =
        serde_path_to_error::deserialize(deserializer).map_err(|error| ImportError::Shape {
            path: error.path().to_string(),
            message: error.inner().to_string(),
        })?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        object @ serde_json::Value::Object(_) => vec![object],
        _ => {
            return Err(ImportError::Shape {
                path: ".".into(),
                message: "expected an array of organizations".into(),
            });
        }
    };
    let mut organizations = Vec::with_capacity(items.len());
    let mut rows = Vec::new();
    for (row, item) in items.into_iter().enumerate() {
        let id = item.get("id").and_then(|id| id.as_str()).map(str::to_owned);
        let read = serde_path_to_error::deserialize::<_, HsdsOrganization>(item)
            .map_err(|error| {
                vec![Problem {
                    field: error.path().to_string(),
                    message: error.inner().to_string(),
                }]
            })
            .and_then(|hsds| from_hsds(&hsds))
            .map(Organization::normalized)
            .and_then(|organization| organization.validate().map(|()| organization));
        match read {
            Ok(organization) => organizations.push(organization),
            Err(problems) => rows.push(RowProblems { row, id, problems }),
        }
    }
    if rows.is_empty() {
        Ok(organizations)
    } else {
        Err(ImportError::Rows(rows))
    }
}

/// Writes organizations as an HSDS 3.0 document.
pub fn export(organizations: &[Organization]) -> String {
    let hsds: Vec<HsdsOrganization> = organizations.iter().map(to_hsds).collect();
    serde_json::to_string_pretty(&hsds).expect("HSDS types always serialise")
}

/// One organization as HSDS.
pub fn to_hsds(organization: &Organization) -> HsdsOrganization {
    let mut translations = Translations::new();
    translate(&mut translations, "name", &organization.name);
    translate(&mut translations, "description", &organization.description);
    HsdsOrganization {
        id: organization.id.clone(),
        name: italian(&organization.name),
        description: italian(&organization.description),
        website: organization.website.clone(),
        email: organization.email.clone(),
        phones: phones_out(&organization.id, &organization.phones),
        locations: organization.locations.iter().map(location_out).collect(),
        services: organization
            .services
            .iter()
            .map(|service| service_out(&organization.id, service))
            .collect(),
        x_demo: organization.demo,
        x_translations: translations,
    }
}

fn location_out(location: &Location) -> HsdsLocation {
    let mut translations = Translations::new();
    translate(&mut translations, "name", &location.name);
    let address = &location.address;
    HsdsLocation {
        id: location.id.clone(),
        location_type: "physical".into(),
        name: Some(italian(&location.name)),
        latitude: Some(location.point.lat),
        longitude: Some(location.point.lon),
        external_identifier: Some(address.comune_istat.clone()),
        external_identifier_type: Some("istat".into()),
        addresses: vec![HsdsAddress {
            id: derived_id(&location.id, "address"),
            address_1: address.street.clone(),
            city: address.locality.clone(),
            state_province: address.province.clone(),
            postal_code: address.postcode.clone(),
            country: "IT".into(),
            address_type: "physical".into(),
        }],
        phones: phones_out(&location.id, &location.phones),
        schedules: schedules_out(&location.id, &location.hours),
        accessibility: location
            .accessibility
            .iter()
            .enumerate()
            .map(|(i, note)| {
                let mut translations = Translations::new();
                translate(&mut translations, "description", note);
                HsdsAccessibility {
                    id: derived_id(&location.id, &format!("accessibility:{i}")),
                    description: Some(italian(note)),
                    x_translations: translations,
                }
            })
            .collect(),
        x_open_on_holidays: location.open_on_holidays,
        x_translations: translations,
    }
}

fn service_out(organization_id: &str, service: &Service) -> HsdsService {
    let mut translations = Translations::new();
    translate(&mut translations, "name", &service.name);
    translate(&mut translations, "description", &service.description);
    if let Some(fees) = &service.fees {
        translate(&mut translations, "fees_description", fees);
    }
    HsdsService {
        id: service.id.clone(),
        organization_id: Some(organization_id.to_owned()),
        name: italian(&service.name),
        description: Some(italian(&service.description)),
        status: service.status.hsds().into(),
        url: service.url.clone(),
        fees_description: service.fees.as_ref().map(italian),
        phones: phones_out(&service.id, &service.phones),
        languages: service
            .languages
            .iter()
            .map(|code| HsdsLanguage {
                id: derived_id(&service.id, &format!("language:{code}")),
                code: Some(code.clone()),
                name: None,
            })
            .collect(),
        required_documents: service
            .documents
            .iter()
            .enumerate()
            .map(|(i, document)| {
                let mut translations = Translations::new();
                translate(&mut translations, "document", document);
                HsdsDocument {
                    id: derived_id(&service.id, &format!("document:{i}")),
                    document: Some(italian(document)),
                    x_translations: translations,
                }
            })
            .collect(),
        attributes: service
            .categories
            .iter()
            .map(|category| {
                let term = term_id(*category);
                HsdsAttribute {
                    id: derived_id(&service.id, &format!("attribute:{}", category.code())),
                    link_id: Some(service.id.clone()),
                    link_type: Some("service".into()),
                    link_entity: Some("service".into()),
                    taxonomy_term_id: Some(term.clone()),
                    taxonomy_term: Some(HsdsTerm {
                        id: term,
                        code: Some(category.code().into()),
                        name: category.italian().into(),
                        description: format!(
                            "Categoria della mappa dei servizi: {}",
                            category.italian()
                        ),
                        taxonomy: Some(TAXONOMY.into()),
                    }),
                }
            })
            .collect(),
        service_at_locations: service
            .at
            .iter()
            .map(|link| HsdsServiceAt {
                id: link.id.clone(),
                service_id: Some(service.id.clone()),
                location_id: Some(link.location_id.clone()),
                schedules: schedules_out(&link.id, &link.hours),
            })
            .collect(),
        x_translations: translations,
    }
}

/// The id of a category's taxonomy term.
pub fn term_id(category: Category) -> String {
    derived_id(TAXONOMY, category.code())
}

fn phones_out(owner: &str, phones: &[String]) -> Vec<HsdsPhone> {
    phones
        .iter()
        .enumerate()
        .map(|(i, number)| HsdsPhone {
            id: derived_id(owner, &format!("phone:{i}")),
            number: number.clone(),
            kind: Some("voice".into()),
        })
        .collect()
}

fn schedules_out(owner: &str, rules: &[ScheduleRule]) -> Vec<HsdsSchedule> {
    rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            // HSDS 3.0 knows WEEKLY and MONTHLY only: every day is WEEKLY on all seven.
            let (freq, byday) = if rule.freq == "DAILY" {
                ("WEEKLY".to_owned(), Some("MO,TU,WE,TH,FR,SA,SU".to_owned()))
            } else {
                (rule.freq.clone(), rule.byday.clone())
            };
            HsdsSchedule {
                id: derived_id(owner, &format!("schedule:{i}")),
                freq: Some(freq),
                byday,
                opens_at: Some(rule.opens_at.clone()),
                closes_at: Some(rule.closes_at.clone()),
                valid_from: rule.valid_from.map(|d| d.to_string()),
                valid_to: rule.valid_to.map(|d| d.to_string()),
            }
        })
        .collect()
}

fn italian(text: &LocalizedText) -> String {
    text.get(Lang::It).to_owned()
}

fn translate(into: &mut Translations, field: &str, text: &LocalizedText) {
    for lang in text.langs().filter(|lang| *lang != Lang::It) {
        into.entry(lang.to_string())
            .or_default()
            .insert(field.to_owned(), text.get(lang).to_owned());
    }
}

/// Reads an organization, collecting every problem with its path.
pub fn from_hsds(hsds: &HsdsOrganization) -> Result<Organization, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut need = |field: String, message: &str| {
        problems.push(Problem {
            field,
            message: message.to_owned(),
        })
    };
    let name = localized(&hsds.name, &hsds.x_translations, "name");
    let description = localized(&hsds.description, &hsds.x_translations, "description");
    let mut locations = Vec::new();
    // Virtual and postal locations (a helpline, a mailbox) have no place on a map: they are
    // left out, with the links of services to them.
    let elsewhere: Vec<&str> = hsds
        .locations
        .iter()
        .filter(|l| l.location_type != "physical")
        .map(|l| l.id.as_str())
        .collect();
    for (i, location) in hsds.locations.iter().enumerate() {
        let at = |field: &str| format!("locations[{i}].{field}");
        if location.location_type != "physical" {
            continue;
        }
        let (Some(lat), Some(lon)) = (location.latitude, location.longitude) else {
            need(
                at("latitude"),
                "a place on the map needs latitude and longitude",
            );
            continue;
        };
        let Some(address) = location
            .addresses
            .iter()
            .find(|a| a.address_type == "physical")
        else {
            need(at("addresses"), "a place needs its physical address");
            continue;
        };
        let istat = match (
            location.external_identifier_type.as_deref(),
            location.external_identifier.as_deref(),
        ) {
            (Some("istat"), Some(code)) => code.to_owned(),
            _ => {
                need(
                    at("external_identifier"),
                    "the comune's ISTAT code goes in external_identifier, with external_identifier_type \"istat\"",
                );
                continue;
            }
        };
        let Some(name_it) = location.name.as_deref() else {
            need(at("name"), "a place needs a name");
            continue;
        };
        let hours = match schedules_in(&location.schedules) {
            Ok(hours) => hours,
            Err(message) => {
                need(at("schedules"), &message);
                continue;
            }
        };
        locations.push(Location {
            id: location.id.clone(),
            name: localized(name_it, &location.x_translations, "name"),
            point: GeoPoint { lat, lon },
            address: Address {
                street: address.address_1.clone(),
                postcode: address.postal_code.clone(),
                locality: address.city.clone(),
                province: address.state_province.clone(),
                comune_istat: istat,
            },
            phones: location.phones.iter().map(|p| p.number.clone()).collect(),
            hours,
            accessibility: location
                .accessibility
                .iter()
                .filter_map(|note| {
                    Some(localized(
                        note.description.as_deref()?,
                        &note.x_translations,
                        "description",
                    ))
                })
                .collect(),
            open_on_holidays: location.x_open_on_holidays,
        });
    }
    let mut services = Vec::new();
    for (i, service) in hsds.services.iter().enumerate() {
        let at = |field: &str| format!("services[{i}].{field}");
        let Some(status) = ServiceStatus::parse(&service.status) else {
            need(
                at("status"),
                "status is one of active, inactive, defunct, temporarily closed",
            );
            continue;
        };
        let mut categories = Vec::new();
        for (j, attribute) in service.attributes.iter().enumerate() {
            let Some(term) = &attribute.taxonomy_term else {
                // A link by id alone: Sportello's own terms are known by their ids.
                if let Some(category) = Category::ALL
                    .into_iter()
                    .find(|c| attribute.taxonomy_term_id.as_deref() == Some(term_id(*c).as_str()))
                    && !categories.contains(&category)
                {
                    categories.push(category);
                }
                continue;
            };
            if term.taxonomy.as_deref() != Some(TAXONOMY) {
                // Terms of other taxonomies are someone else's classification.
                continue;
            }
            match term.code.as_deref().and_then(Category::parse) {
                Some(category) if !categories.contains(&category) => categories.push(category),
                Some(_) => {}
                None => need(
                    at(&format!("attributes[{j}].taxonomy_term.code")),
                    "not a category of the services map",
                ),
            }
        }
        let mut languages = Vec::new();
        for (j, language) in service.languages.iter().enumerate() {
            match &language.code {
                Some(code) => languages.push(code.trim().to_ascii_lowercase()),
                None => need(
                    at(&format!("languages[{j}].code")),
                    "a language needs its ISO 639 code",
                ),
            }
        }
        let mut at_locations = Vec::new();
        for (j, link) in service.service_at_locations.iter().enumerate() {
            let Some(location_id) = &link.location_id else {
                need(
                    at(&format!("service_at_locations[{j}].location_id")),
                    "missing",
                );
                continue;
            };
            if elsewhere.contains(&location_id.as_str()) {
                continue;
            }
            match schedules_in(&link.schedules) {
                Ok(hours) => at_locations.push(ServiceAt {
                    id: link.id.clone(),
                    location_id: location_id.clone(),
                    hours,
                }),
                Err(message) => need(
                    at(&format!("service_at_locations[{j}].schedules")),
                    &message,
                ),
            }
        }
        if at_locations.is_empty()
            && !service.service_at_locations.is_empty()
            && service.service_at_locations.iter().all(|l| {
                l.location_id
                    .as_deref()
                    .is_some_and(|id| elsewhere.contains(&id))
            })
        {
            // Offered only by phone or online: nothing to show on the map.
            continue;
        }
        services.push(Service {
            id: service.id.clone(),
            name: localized(&service.name, &service.x_translations, "name"),
            description: localized(
                service.description.as_deref().unwrap_or(&service.name),
                &service.x_translations,
                "description",
            ),
            status,
            categories,
            languages,
            documents: service
                .required_documents
                .iter()
                .filter_map(|d| {
                    Some(localized(
                        d.document.as_deref()?,
                        &d.x_translations,
                        "document",
                    ))
                })
                .collect(),
            fees: service
                .fees_description
                .as_deref()
                .map(|fees| localized(fees, &service.x_translations, "fees_description")),
            url: service.url.clone(),
            phones: service.phones.iter().map(|p| p.number.clone()).collect(),
            at: at_locations,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Organization {
        id: hsds.id.clone(),
        name,
        description,
        website: hsds.website.clone(),
        email: hsds.email.clone(),
        phones: hsds.phones.iter().map(|p| p.number.clone()).collect(),
        demo: hsds.x_demo,
        locations,
        services,
    })
}

fn schedules_in(schedules: &[HsdsSchedule]) -> Result<Vec<ScheduleRule>, String> {
    schedules
        .iter()
        .enumerate()
        .map(|(i, schedule)| {
            let bad = |what: &str| format!("[{i}]: {what}");
            let rule = ScheduleRule {
                freq: schedule
                    .freq
                    .clone()
                    .ok_or_else(|| bad("freq is missing"))?,
                byday: schedule.byday.clone(),
                opens_at: schedule
                    .opens_at
                    .clone()
                    .ok_or_else(|| bad("opens_at is missing"))?,
                closes_at: schedule
                    .closes_at
                    .clone()
                    .ok_or_else(|| bad("closes_at is missing"))?,
                valid_from: date(schedule.valid_from.as_deref()).map_err(|e| bad(&e))?,
                valid_to: date(schedule.valid_to.as_deref()).map_err(|e| bad(&e))?,
            };
            rule.normalized().map_err(|error| bad(&error.to_string()))
        })
        .collect()
}

fn date(text: Option<&str>) -> Result<Option<jiff::civil::Date>, String> {
    text.map(|text| {
        text.get(..10)
            .unwrap_or(text)
            .parse()
            .map_err(|_| format!("{text:?} is not a date (YYYY-MM-DD)"))
    })
    .transpose()
}

/// The Italian base text with its translations; languages this build does not know are left
/// out, like everywhere else.
fn localized(italian: &str, translations: &Translations, field: &str) -> LocalizedText {
    translations
        .iter()
        .filter_map(|(tag, fields)| Some((tag.parse::<Lang>().ok()?, fields.get(field)?)))
        .filter(|(lang, text)| *lang != Lang::It && !text.trim().is_empty())
        .fold(LocalizedText::new(italian), |text, (lang, translated)| {
            text.with(lang, translated.clone())
        })
}
