//! The directory as one CSV table, for staff who keep it in a spreadsheet: one line per
//! service at a place (and one, its service columns blank, per place where no service is
//! listed). The organization's, the place's and the service's columns are repeated on each
//! of their lines, as a spreadsheet does; the ids (or names) tie the lines together, and a
//! later line that says something else than the first (a blank cell aside) is an error. Comma or semicolon separated (Italian spreadsheets
//! use semicolons); decimal commas in coordinates are read.
//!
//! Lists are separated by ` | ` (phones, documents, accessibility notes) or commas
//! (categories, languages). Hours are `MO,TU,FR 09:00-12:30; TH 15:00-17:00` (`DAILY` for
//! every day), a span valid for part of the year followed by `(2026-06-01..2026-09-30)`.
//! Translations are extra columns named `column@lang`, e.g. `service@fr`. Ids may be left
//! blank: they are then derived from the names (a place's from its name and street), so the
//! same sheet imported twice updates the same records; a sheet exported from Sportello
//! carries its ids, so a renamed organization stays the same one.

use super::hsds::RowProblems;
use super::{
    Category, Location, Organization, Problem, Service, ServiceAt, ServiceStatus, derived_id,
};
use crate::lang::Lang;
use crate::model::{Address, GeoPoint};
use crate::schedule::ScheduleRule;
use crate::text::LocalizedText;
use std::collections::BTreeMap;

/// The columns, in order. Translated columns follow them.
pub const COLUMNS: [&str; 32] = [
    "organization_id",
    "organization",
    "organization_description",
    "website",
    "email",
    "organization_phones",
    "demo",
    "location_id",
    "location",
    "latitude",
    "longitude",
    "street",
    "postcode",
    "city",
    "province",
    "comune_istat",
    "location_phones",
    "location_hours",
    "accessibility",
    "open_on_holidays",
    "service_id",
    "service",
    "service_description",
    "status",
    "categories",
    "languages",
    "documents",
    "fees",
    "service_url",
    "service_phones",
    "service_at_location_id",
    "service_hours",
];

/// What a column describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Organization,
    Location,
    Service,
    /// The service at this place.
    Link,
}

/// Whose a column is; a translated column (`service@fr`) is its base column's.
fn owner(column: &str) -> Option<Owner> {
    let base = column.split_once('@').map_or(column, |(base, _)| base);
    let index = COLUMNS.iter().position(|c| *c == base)?;
    // COLUMNS lists the organization's, the place's, the service's and the link's in turn.
    Some(match index {
        0..7 => Owner::Organization,
        7..20 => Owner::Location,
        20..30 => Owner::Service,
        _ => Owner::Link,
    })
}

/// Columns that may have translations.
const TRANSLATED: [&str; 8] = [
    "organization",
    "organization_description",
    "location",
    "accessibility",
    "service",
    "service_description",
    "documents",
    "fees",
];

const LIST: &str = " | ";

/// Writes the directory as CSV.
pub fn export(organizations: &[Organization]) -> String {
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|lang| *lang != Lang::It)
        .collect();
    let mut header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    for column in TRANSLATED {
        for lang in &langs {
            header.push(format!("{column}@{lang}"));
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).expect("writing to memory");
    for organization in organizations {
        // One line per service at a place, and one (service columns blank) per place where
        // nothing is listed, so the sheet holds every place.
        let linked = organization.services.iter().flat_map(|service| {
            service
                .at
                .iter()
                .map(move |link| (Some(service), Some(link), &link.location_id))
        });
        let bare = organization
            .locations
            .iter()
            .filter(|l| {
                !organization
                    .services
                    .iter()
                    .any(|s| s.at.iter().any(|a| a.location_id == l.id))
            })
            .map(|l| (None, None, &l.id));
        for (service, link, location_id) in linked.chain(bare) {
            let Some(location) = organization.location(location_id) else {
                continue;
            };
            let row = Row {
                organization,
                location,
                service,
                link,
            };
            let mut record: Vec<String> = COLUMNS.iter().map(|c| row.cell(c, Lang::It)).collect();
            for column in TRANSLATED {
                for lang in &langs {
                    record.push(row.cell(column, *lang));
                }
            }
            writer
                .write_record(
                    header
                        .iter()
                        .zip(&record)
                        .map(|(column, cell)| defused(column, cell)),
                )
                .expect("writing to memory");
        }
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("CSV of UTF-8")
}

struct Row<'a> {
    organization: &'a Organization,
    location: &'a Location,
    /// None on the line of a place where no service is listed.
    service: Option<&'a Service>,
    link: Option<&'a ServiceAt>,
}

impl Row<'_> {
    /// A column's text; for a translated column in another language, only what was translated.
    fn cell(&self, column: &str, lang: Lang) -> String {
        let text = |text: &LocalizedText| -> String {
            if lang == Lang::It || text.langs().any(|l| l == lang) {
                text.get(lang).to_owned()
            } else {
                String::new()
            }
        };
        let texts = |texts: &[LocalizedText]| -> String {
            if lang != Lang::It && !texts.iter().any(|t| t.langs().any(|l| l == lang)) {
                return String::new();
            }
            texts
                .iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join(LIST)
        };
        let (Some(s), Some(link)) = (self.service, self.link) else {
            // The line of a place where no service is listed.
            return match owner(column) {
                Some(Owner::Service | Owner::Link) => String::new(),
                _ => self.place_cell(column, &text, &texts),
            };
        };
        match column {
            "service_id" => s.id.clone(),
            "service" => text(&s.name),
            "service_description" => text(&s.description),
            "status" => s.status.hsds().into(),
            "categories" => s
                .categories
                .iter()
                .map(|c| c.code())
                .collect::<Vec<_>>()
                .join(","),
            "languages" => s.languages.join(","),
            "documents" => texts(&s.documents),
            "fees" => s.fees.as_ref().map(text).unwrap_or_default(),
            "service_url" => s.url.clone().unwrap_or_default(),
            "service_phones" => s.phones.join(LIST),
            "service_at_location_id" => link.id.clone(),
            "service_hours" => hours_text(&link.hours),
            _ => self.place_cell(column, &text, &texts),
        }
    }

    /// The organization's and the place's columns.
    fn place_cell(
        &self,
        column: &str,
        text: &dyn Fn(&LocalizedText) -> String,
        texts: &dyn Fn(&[LocalizedText]) -> String,
    ) -> String {
        let (o, l) = (self.organization, self.location);
        match column {
            "organization_id" => o.id.clone(),
            "organization" => text(&o.name),
            "organization_description" => text(&o.description),
            "website" => o.website.clone().unwrap_or_default(),
            "email" => o.email.clone().unwrap_or_default(),
            "organization_phones" => o.phones.join(LIST),
            "demo" => if o.demo { "yes" } else { "no" }.into(),
            "location_id" => l.id.clone(),
            "location" => text(&l.name),
            "latitude" => l.point.lat.to_string(),
            "longitude" => l.point.lon.to_string(),
            "street" => l.address.street.clone(),
            "postcode" => l.address.postcode.clone(),
            "city" => l.address.locality.clone(),
            "province" => l.address.province.clone(),
            "comune_istat" => l.address.comune_istat.clone(),
            "location_phones" => l.phones.join(LIST),
            "location_hours" => hours_text(&l.hours),
            "accessibility" => texts(&l.accessibility),
            "open_on_holidays" => if l.open_on_holidays { "yes" } else { "no" }.into(),
            _ => String::new(),
        }
    }
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) gets a
/// leading apostrophe, which spreadsheets show as text. Phone numbers (`+39 …`, checked to hold
/// only digits and `+-./() `) and coordinates stay as they are. [`undefused`] takes the
/// apostrophe off again on import.
fn defused(column: &str, cell: &str) -> String {
    let plain = column.ends_with("phones") || column == "latitude" || column == "longitude";
    let risky = match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !plain,
        _ => false,
    };
    if risky {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn undefused<'a>(column: &str, cell: &'a str) -> &'a str {
    match cell.strip_prefix('\'') {
        Some(rest) if defused(column, rest).len() > rest.len() => rest,
        _ => cell,
    }
}

/// `MO,TU 09:00-12:30; TH 15:00-17:00`.
pub fn hours_text(rules: &[ScheduleRule]) -> String {
    rules
        .iter()
        .map(|rule| {
            let days = if rule.freq == "DAILY" {
                "DAILY"
            } else {
                rule.byday.as_deref().unwrap_or("")
            };
            let mut text = format!("{days} {}-{}", rule.opens_at, rule.closes_at);
            if rule.valid_from.is_some() || rule.valid_to.is_some() {
                let date =
                    |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
                text.push_str(&format!(
                    " ({}..{})",
                    date(rule.valid_from),
                    date(rule.valid_to)
                ));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads `hours_text`'s form.
pub fn parse_hours(text: &str) -> Result<Vec<ScheduleRule>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let bad = || format!("{part:?}: write days and hours like \"MO,TU 09:00-12:30\"");
            // An optional validity at the end: "(2026-06-01..2026-09-30)", either side empty.
            let (part_hours, validity) = match part.split_once('(') {
                Some((hours, rest)) => {
                    let dates = rest.trim().strip_suffix(')').ok_or_else(bad)?;
                    let (from, to) = dates.split_once("..").ok_or_else(bad)?;
                    let date = |text: &str| -> Result<Option<jiff::civil::Date>, String> {
                        let text = text.trim();
                        if text.is_empty() {
                            return Ok(None);
                        }
                        text.parse()
                            .map(Some)
                            .map_err(|_| format!("{text:?} is not a date (YYYY-MM-DD)"))
                    };
                    (hours.trim(), (date(from)?, date(to)?))
                }
                None => (part, (None, None)),
            };
            let (days, span) = part_hours.rsplit_once(' ').ok_or_else(bad)?;
            let (opens, closes) = span.split_once('-').ok_or_else(bad)?;
            let days = days.trim().to_ascii_uppercase().replace(' ', "");
            let rule = ScheduleRule {
                freq: if days == "DAILY" { "DAILY" } else { "WEEKLY" }.into(),
                byday: (days != "DAILY").then_some(days),
                opens_at: opens.trim().into(),
                closes_at: closes.trim().into(),
                valid_from: validity.0,
                valid_to: validity.1,
            };
            rule.normalized().map_err(|e| format!("{part:?}: {e}"))
        })
        .collect()
}

/// Reads a CSV written by [`export`] or by hand; every problem of every line is reported.
pub fn import(text: &str) -> Result<Vec<Organization>, Vec<RowProblems>> {
    import_with_lines(text).map(|(organizations, _)| organizations)
}

/// [`import`], with the line each organization starts on (for problems found later, such as
/// an id another organization already has).
pub fn import_with_lines(text: &str) -> Result<(Vec<Organization>, Vec<usize>), Vec<RowProblems>> {
    let text = text.trim_start_matches('\u{feff}');
    // Spreadsheets set to Italian save with semicolons (the comma is the decimal separator):
    // the header line says which.
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(str::to_owned).collect(),
        Err(error) => return Err(vec![line_problem(1, None, "header", error.to_string())]),
    };
    let mut rows = Vec::new();
    let missing: Vec<&str> = [
        "organization",
        "location",
        "latitude",
        "longitude",
        "street",
        "postcode",
        "city",
        "province",
        "comune_istat",
        "service",
    ]
    .into_iter()
    .filter(|c| !header.iter().any(|h| h == c))
    .collect();
    if !missing.is_empty() {
        return Err(vec![line_problem(
            1,
            None,
            "header",
            format!("missing columns: {}", missing.join(", ")),
        )]);
    }
    let mut assembler = Assembler::default();
    for (index, record) in reader.records().enumerate() {
        // The line the record starts on, as the spreadsheet numbers it (a quoted cell may
        // span lines).
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(index + 2, |p| p.line() as usize);
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                rows.push(line_problem(line, None, "line", error.to_string()));
                continue;
            }
        };
        let cells: BTreeMap<&str, &str> = header
            .iter()
            .map(String::as_str)
            .zip(record.iter())
            .map(|(column, cell)| (column, undefused(column, cell)))
            .collect();
        if cells.values().all(|v| v.is_empty()) {
            continue;
        }
        if let Err(problems) = assembler.add(line, &cells) {
            rows.push(RowProblems {
                row: line,
                id: cells.get("service").map(|s| (*s).to_owned()),
                problems,
            });
        }
    }
    let (organizations, first_lines) = assembler.finish();
    for (organization, line) in organizations.iter().zip(&first_lines) {
        if let Err(problems) = organization.validate() {
            rows.push(RowProblems {
                row: *line,
                id: Some(organization.id.clone()),
                problems,
            });
        }
    }
    if rows.is_empty() {
        Ok((organizations, first_lines))
    } else {
        rows.sort_by_key(|row| row.row);
        Err(rows)
    }
}

fn line_problem(row: usize, id: Option<String>, field: &str, message: String) -> RowProblems {
    RowProblems {
        row,
        id,
        problems: vec![Problem {
            field: field.into(),
            message,
        }],
    }
}

#[derive(Default)]
struct Assembler {
    organizations: Vec<(Organization, usize)>,
    /// What the first line of each organization, place and service said, and its number:
    /// a later line that says otherwise is an error, not silently outvoted.
    first: BTreeMap<String, (usize, BTreeMap<String, String>)>,
}

impl Assembler {
    fn add(&mut self, line: usize, cells: &BTreeMap<&str, &str>) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        let cell = |name: &str| cells.get(name).copied().unwrap_or("");
        let mut problem = |field: &str, message: String| {
            problems.push(Problem {
                field: field.into(),
                message,
            })
        };
        let text = |column: &str| -> LocalizedText {
            cells
                .iter()
                .filter_map(|(name, value)| {
                    let (base, tag) = name.split_once('@')?;
                    (base == column && !value.is_empty())
                        .then_some((tag.parse::<Lang>().ok()?, *value))
                })
                .filter(|(lang, _)| *lang != Lang::It)
                .fold(LocalizedText::new(cell(column)), |text, (lang, value)| {
                    text.with(lang, value)
                })
        };
        let texts = |column: &str| -> Vec<LocalizedText> {
            let italian = list(cell(column));
            italian
                .iter()
                .enumerate()
                .map(|(i, it)| {
                    cells
                        .iter()
                        .filter_map(|(name, value)| {
                            let (base, tag) = name.split_once('@')?;
                            let lang = tag.parse::<Lang>().ok()?;
                            let translated = list(value).get(i)?.clone();
                            // A list translated in part repeats the Italian items.
                            (base == column && lang != Lang::It && translated != *it)
                                .then_some((lang, translated))
                        })
                        .fold(LocalizedText::new(it.clone()), |text, (lang, value)| {
                            text.with(lang, value)
                        })
                })
                .collect()
        };
        let org_name = cell("organization");
        if org_name.is_empty() && cell("organization_id").is_empty() {
            problem("organization", "is empty".into());
            return Err(problems);
        }
        let org_id = id_or(cell("organization_id"), || {
            derived_id("organization", &org_name.to_lowercase())
        });
        let location_name = cell("location");
        let location_id = id_or(cell("location_id"), || {
            // Name and street: two offices both called "Sede" are two places.
            derived_id(
                &org_id,
                &format!(
                    "location:{}|{}",
                    location_name.to_lowercase(),
                    cell("street").to_lowercase()
                ),
            )
        });
        let service_name = cell("service");
        let service_id = id_or(cell("service_id"), || {
            derived_id(&org_id, &format!("service:{}", service_name.to_lowercase()))
        });
        let link_id = id_or(cell("service_at_location_id"), || {
            derived_id(&service_id, &format!("at:{location_id}"))
        });
        let number = |column: &str, problem: &mut dyn FnMut(&str, String)| -> f64 {
            cell(column)
                .replace(',', ".")
                .parse::<f64>()
                .unwrap_or_else(|_| {
                    problem(
                        column,
                        format!("{:?} is not a number (e.g. 44.89955)", cell(column)),
                    );
                    0.0
                })
        };
        let lat = number("latitude", &mut problem);
        let lon = number("longitude", &mut problem);
        let hours = |column: &str, problem: &mut dyn FnMut(&str, String)| {
            parse_hours(cell(column)).unwrap_or_else(|message| {
                problem(column, message);
                Vec::new()
            })
        };
        let location_hours = hours("location_hours", &mut problem);
        let service_hours = hours("service_hours", &mut problem);
        let mut categories = Vec::new();
        for code in cell("categories")
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            match Category::parse(code) {
                Some(category) => categories.push(category),
                None => problem(
                    "categories",
                    format!(
                        "{code:?} is not a category; categories are {}",
                        Category::ALL.map(Category::code).join(", ")
                    ),
                ),
            }
        }
        let status = match cell("status") {
            "" => ServiceStatus::Active,
            other => ServiceStatus::parse(other).unwrap_or_else(|| {
                problem(
                    "status",
                    "is one of active, inactive, defunct, temporarily closed".into(),
                );
                ServiceStatus::Active
            }),
        };
        let yes_no = |column: &str, problem: &mut dyn FnMut(&str, String)| match cell(column)
            .to_ascii_lowercase()
            .as_str()
        {
            "" | "no" | "false" | "0" => false,
            "yes" | "true" | "1" | "sì" | "si" => true,
            other => {
                problem(column, format!("{other:?}: write yes or no"));
                false
            }
        };
        let demo = yes_no("demo", &mut problem);
        let open_on_holidays = yes_no("open_on_holidays", &mut problem);
        let listed = !(service_name.is_empty() && cell("service_id").is_empty());
        let groups = [
            (format!("organization:{org_id}"), Owner::Organization),
            (format!("location:{location_id}"), Owner::Location),
            (format!("service:{service_id}"), Owner::Service),
        ];
        for (key, group) in groups.iter().take(if listed { 3 } else { 2 }) {
            let values: BTreeMap<String, String> = cells
                .iter()
                .filter(|(name, _)| owner(name) == Some(*group))
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect();
            match self.first.get(key) {
                Some((first_line, first)) => {
                    for (column, value) in &values {
                        let before = first.get(column).map_or("", String::as_str);
                        if !value.is_empty() && value != before {
                            problem(
                                column,
                                format!("{value:?} differs from line {first_line} ({before:?})"),
                            );
                        }
                    }
                }
                None => {
                    self.first.insert(key.clone(), (line, values));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let optional = |column: &str| Some(cell(column).to_owned()).filter(|v| !v.is_empty());
        let index = match self.organizations.iter().position(|(o, _)| o.id == org_id) {
            Some(index) => index,
            None => {
                self.organizations.push((
                    Organization {
                        id: org_id.clone(),
                        name: text("organization"),
                        description: if cell("organization_description").is_empty() {
                            text("organization")
                        } else {
                            text("organization_description")
                        },
                        website: optional("website"),
                        email: optional("email"),
                        phones: list(cell("organization_phones")),
                        demo,
                        locations: Vec::new(),
                        services: Vec::new(),
                    },
                    line,
                ));
                self.organizations.len() - 1
            }
        };
        let organization = &mut self.organizations[index].0;
        if organization.location(&location_id).is_none() {
            organization.locations.push(Location {
                id: location_id.clone(),
                name: text("location"),
                point: GeoPoint { lat, lon },
                address: Address {
                    street: cell("street").into(),
                    postcode: cell("postcode").into(),
                    locality: cell("city").into(),
                    province: cell("province").into(),
                    comune_istat: cell("comune_istat").into(),
                },
                phones: list(cell("location_phones")),
                hours: location_hours,
                accessibility: texts("accessibility"),
                open_on_holidays,
            });
        }
        if service_name.is_empty() && cell("service_id").is_empty() {
            // A place where no service is listed.
            return Ok(());
        }
        let link = ServiceAt {
            id: link_id,
            location_id,
            hours: service_hours,
        };
        match organization
            .services
            .iter_mut()
            .find(|s| s.id == service_id)
        {
            Some(service) => service.at.push(link),
            None => organization.services.push(Service {
                id: service_id,
                name: text("service"),
                description: if cell("service_description").is_empty() {
                    text("service")
                } else {
                    text("service_description")
                },
                status,
                categories,
                languages: cell("languages")
                    .split(',')
                    .map(|code| code.trim().to_ascii_lowercase())
                    .filter(|code| !code.is_empty())
                    .collect(),
                documents: texts("documents"),
                fees: optional("fees").map(|_| text("fees")),
                url: optional("service_url"),
                phones: list(cell("service_phones")),
                at: vec![link],
            }),
        }
        Ok(())
    }

    fn finish(self) -> (Vec<Organization>, Vec<usize>) {
        self.organizations
            .into_iter()
            .map(|(organization, line)| (organization.normalized(), line))
            .unzip()
    }
}

fn id_or(given: &str, derive: impl FnOnce() -> String) -> String {
    if given.is_empty() {
        derive()
    } else {
        given.to_ascii_lowercase()
    }
}

fn list(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_its_owner() {
        // The ranges in `owner` follow COLUMNS' order: a column added in the wrong block
        // would be compared with the wrong record's first line.
        let first_of = |owner_wanted: Owner| {
            COLUMNS
                .iter()
                .find(|c| owner(c) == Some(owner_wanted))
                .copied()
        };
        assert_eq!(first_of(Owner::Organization), Some("organization_id"));
        assert_eq!(first_of(Owner::Location), Some("location_id"));
        assert_eq!(first_of(Owner::Service), Some("service_id"));
        assert_eq!(first_of(Owner::Link), Some("service_at_location_id"));
        assert_eq!(owner("open_on_holidays"), Some(Owner::Location));
        assert_eq!(owner("service_phones"), Some(Owner::Service));
        assert_eq!(owner("service@fr"), Some(Owner::Service));
        assert_eq!(owner("service_hours"), Some(Owner::Link));
        assert_eq!(owner("something else"), None);
    }
}
