//! Demo data for the province of Asti, loaded once into a database that never held any: the
//! comuni, the immigration offices with their counters and procedures, organisations and
//! demo accounts.

use crate::auth::password;
use crate::db::{self, Db, DbError, accounts, kiosks, leases};
use serde::Deserialize;
use sportello_core::account::{Organization, Role, UserInfo};
use sportello_core::calendar::PatronRule;
use sportello_core::device::NewKiosk;
use sportello_core::lease::LeasePolicy;
use sportello_core::model::{
    BookingRules, Comune, Counter, GeoPoint, Office, Procedure, ProcedureCategory,
};
use sportello_core::sync::Record;
use sportello_core::text::LocalizedText;
use std::collections::BTreeMap;

const COMUNI_AT: &str = include_str!("../data/comuni_AT.csv");
const DEMO_ASTI: &str = include_str!("../data/demo/asti.toml");
const DEMO_FAQ: &str = include_str!("../data/demo/faq.toml");
/// The demo services map of Asti and Matera, as HSDS 3.0 JSON (built by
/// `data/demo/directory/build.py`): loaded through the same import as an administrator's file.
const DEMO_DIRECTORY: &str = include_str!("../data/demo/directory/services.hsds.json");

/// The demo questions and answers (`data/demo/faq.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FaqFile {
    entries: Vec<sportello_core::faq::FaqEntry>,
}

/// Records, in `server_meta`, which demo data went in.
const SEEDED_KEY: &str = "demo_seeded";

use sportello_core::faq::{FaqEntry, LinkTarget};

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("comuni CSV, line {line}: {message}")]
    Comuni { line: u64, message: String },
    #[error("demo data file: {0}")]
    Demo(#[from] toml::de::Error),
    #[error("demo data file: {0}")]
    Inconsistent(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    offices: Vec<Office>,
    patron_days: BTreeMap<String, PatronRule>,
    counters: Vec<Counter>,
    documents: BTreeMap<String, LocalizedText>,
    procedures: Vec<DemoProcedure>,
    organizations: Vec<Organization>,
    users: Vec<DemoUser>,
    #[serde(default)]
    lease_policies: BTreeMap<String, LeasePolicy>,
    #[serde(default)]
    kiosks: Vec<NewKiosk>,
}

/// A procedure as the demo file writes it: documents by key, shared between procedures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoProcedure {
    id: String,
    office_id: String,
    category: ProcedureCategory,
    slot_minutes: u16,
    mediator_recommended: bool,
    counter_ids: Vec<String>,
    documents: Vec<String>,
    #[serde(default)]
    rules: BookingRules,
    name: LocalizedText,
    summary: LocalizedText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoUser {
    username: String,
    password: String,
    role: Role,
    office_id: Option<String>,
    organization_id: Option<String>,
}

/// The demo accounts this database holds with their public password still set: a server
/// reachable from beyond this machine must not have any (see `Server::start`).
pub async fn public_demo_accounts(db: &Db) -> Result<Vec<String>, SeedError> {
    let demo: DemoFile = toml::from_str(DEMO_ASTI)?;
    let mut conn = db.conn().await?;
    let mut exposed = Vec::new();
    for user in demo.users {
        let Some(stored) = accounts::find_user(&mut conn, &user.username).await? else {
            continue;
        };
        if !stored.disabled && password::verify(user.password, Some(stored.password_hash)).await {
            exposed.push(user.username);
        }
    }
    Ok(exposed)
}

/// What [`load_demo`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    Loaded {
        records: usize,
    },
    /// The database already holds reference data (demo or real): nothing was written.
    NotEmpty,
}

/// Loads the demo province into a database that has never held reference data. A database
/// with any, even one an administrator has since emptied, is left alone: demo offices must
/// never reach the kiosks of a real deployment.
pub async fn load_demo(db: &Db) -> Result<SeedOutcome, SeedError> {
    let head: i64 = sqlx::query_scalar("SELECT value FROM sync_counter WHERE id = 1")
        .fetch_one(db.pool())
        .await
        .map_err(DbError::from)?;
    if head > 0 {
        return Ok(SeedOutcome::NotEmpty);
    }
    let demo: DemoFile = toml::from_str(DEMO_ASTI)?;
    let records = demo_records(&demo)?;
    let mut users = Vec::with_capacity(demo.users.len());
    for user in &demo.users {
        users.push((
            UserInfo {
                username: user.username.clone(),
                role: user.role,
                office_id: user.office_id.clone(),
                organization_id: user.organization_id.clone(),
            },
            password::hash(user.password.clone()).await,
        ));
    }
    let mut tx = db.begin_write().await?;
    for record in &records {
        db::upsert_record(&mut tx, record).await?;
    }
    for organization in &demo.organizations {
        accounts::create_organization(&mut tx, organization).await?;
    }
    for (info, hash) in &users {
        accounts::create_user(&mut tx, info, hash, false, 0).await?;
    }
    for (office_id, policy) in &demo.lease_policies {
        leases::set_policy(&mut tx, office_id, policy).await?;
    }
    for kiosk in &demo.kiosks {
        kiosks::create_kiosk(&mut tx, kiosk, 0).await?;
    }
    db::set_meta(&mut tx, SEEDED_KEY, "asti").await?;
    tx.commit().await?;
    Ok(SeedOutcome::Loaded {
        records: records.len(),
    })
}

/// The demo reference data in the order it must be written: comuni before the offices that
/// stand in them, offices before their counters, counters before the procedures they serve.
fn demo_records(demo: &DemoFile) -> Result<Vec<Record>, SeedError> {
    let mut comuni = parse_comuni(COMUNI_AT)?;
    for comune in &mut comuni {
        comune.patron_day = demo.patron_days.get(&comune.istat).copied();
    }
    let mut procedures = Vec::with_capacity(demo.procedures.len());
    for procedure in &demo.procedures {
        let documents = procedure
            .documents
            .iter()
            .map(|key| {
                demo.documents
                    .get(key)
                    .cloned()
                    .ok_or_else(|| SeedError::Inconsistent(format!("no document {key:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        procedures.push(Procedure {
            id: procedure.id.clone(),
            office_id: procedure.office_id.clone(),
            category: procedure.category,
            name: procedure.name.clone(),
            summary: procedure.summary.clone(),
            slot_minutes: procedure.slot_minutes,
            mediator_recommended: procedure.mediator_recommended,
            documents,
            counter_ids: procedure.counter_ids.clone(),
            rules: procedure.rules,
        });
    }
    let faq = demo_faq(demo, &procedures)?;
    let directory = sportello_core::directory::hsds::import(DEMO_DIRECTORY)
        .map_err(|error| SeedError::Inconsistent(format!("directory: {error:?}")))?;
    Ok(comuni
        .into_iter()
        .map(Record::Comune)
        .chain(demo.offices.iter().cloned().map(Record::Office))
        .chain(demo.counters.iter().cloned().map(Record::Counter))
        .chain(procedures.into_iter().map(Record::Procedure))
        .chain(faq.into_iter().map(Record::Faq))
        .chain(directory.into_iter().map(Record::Organization))
        .collect())
}

/// The demo questions and answers, each checked as the admin API checks them: Italian text,
/// sources, markup, and links to procedures and offices that exist.
fn demo_faq(demo: &DemoFile, procedures: &[Procedure]) -> Result<Vec<FaqEntry>, SeedError> {
    let file: FaqFile = toml::from_str(DEMO_FAQ)?;
    let exists = |target: &LinkTarget| match target {
        LinkTarget::Procedure(id) => procedures.iter().any(|procedure| &procedure.id == id),
        LinkTarget::Office(id) => {
            demo.offices.iter().any(|office| &office.id == id)
                || demo
                    .organizations
                    .iter()
                    .any(|organization| &organization.id == id)
        }
        LinkTarget::Web(_) => true,
    };
    for entry in &file.entries {
        entry.validate(exists).map_err(|problems| {
            SeedError::Inconsistent(format!(
                "faq {}: {}",
                entry.id,
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ))
        })?;
    }
    Ok(file.entries)
}

#[derive(Debug, Deserialize)]
struct ComuneRow {
    istat: String,
    name: String,
    province: String,
    capoluogo: String,
    lat: f64,
    lon: f64,
}

/// Reads ISTAT's list as shipped in `data/comuni_*.csv`.
fn parse_comuni(csv_text: &str) -> Result<Vec<Comune>, SeedError> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    reader
        .deserialize::<ComuneRow>()
        .map(|row| {
            let row = row.map_err(|err| SeedError::Comuni {
                line: err.position().map_or(0, |p| p.line()),
                message: err.to_string(),
            })?;
            Ok(Comune {
                istat: row.istat,
                name: row.name,
                province: row.province,
                capoluogo: row.capoluogo.eq_ignore_ascii_case("true"),
                location: GeoPoint {
                    lat: row.lat,
                    lon: row.lon,
                },
                patron_day: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_core::model::OfficeKind;
    use std::collections::HashSet;

    #[test]
    fn the_province_of_asti_has_117_comuni_and_one_capital() {
        let comuni = parse_comuni(COMUNI_AT).unwrap();
        assert_eq!(comuni.len(), 117);
        let capitals: Vec<_> = comuni.iter().filter(|c| c.capoluogo).collect();
        assert_eq!(capitals.len(), 1);
        assert_eq!(capitals[0].name, "Asti");
        assert_eq!(capitals[0].istat, "005005");
        assert!(
            comuni
                .iter()
                .all(|c| c.province == "AT" && c.istat.len() == 6)
        );
        // Every comune lies in or near the province (a rough box around it).
        assert!(comuni.iter().all(
            |c| (44.5..45.2).contains(&c.location.lat) && (7.8..8.6).contains(&c.location.lon)
        ));
    }

    #[test]
    fn demo_data_is_consistent() {
        let demo: DemoFile = toml::from_str(DEMO_ASTI).unwrap();
        let records = demo_records(&demo).unwrap();
        let counters: HashSet<_> = demo.counters.iter().map(|c| c.id.as_str()).collect();
        for procedure in &demo.procedures {
            assert!(
                !procedure.counter_ids.is_empty(),
                "{} has counters",
                procedure.id
            );
            for counter in &procedure.counter_ids {
                assert!(
                    counters.contains(counter.as_str()),
                    "{}: {counter}",
                    procedure.id
                );
            }
        }
        for counter in &demo.counters {
            counter.hours.clone().normalized().unwrap();
        }
        let asti = records.iter().find_map(|r| match r {
            Record::Comune(c) if c.istat == "005005" => Some(c),
            _ => None,
        });
        assert_eq!(asti.unwrap().patron_day, Some("05-tue-1".parse().unwrap()));
        for document in demo.documents.values() {
            for lang in sportello_core::Lang::ALL {
                assert_eq!(document.resolve(lang).lang, lang, "{document:?}");
            }
        }
        let offices: Vec<&Office> = records
            .iter()
            .filter_map(|r| match r {
                Record::Office(o) => Some(o),
                _ => None,
            })
            .collect();
        let kinds: HashSet<_> = offices.iter().map(|o| o.kind).collect();
        assert_eq!(
            kinds,
            HashSet::from(OfficeKind::ALL),
            "one office of each kind"
        );

        let office_ids: HashSet<_> = offices.iter().map(|o| o.id.as_str()).collect();
        for (office_id, policy) in &demo.lease_policies {
            assert!(office_ids.contains(office_id.as_str()), "{office_id}");
            assert_eq!(policy.problem(), None, "{office_id}");
        }
        let comuni: HashSet<_> = parse_comuni(COMUNI_AT)
            .unwrap()
            .into_iter()
            .map(|c| c.istat)
            .collect();
        assert!(
            offices
                .iter()
                .all(|o| comuni.contains(&o.address.comune_istat))
        );

        let mut per_office = std::collections::HashMap::<&str, usize>::new();
        for record in &records {
            if let Record::Procedure(p) = record {
                assert!(office_ids.contains(p.office_id.as_str()), "{}", p.id);
                for lang in sportello_core::Lang::ALL {
                    assert_eq!(p.name.resolve(lang).lang, lang, "{} name in {lang}", p.id);
                    assert_eq!(
                        p.summary.resolve(lang).lang,
                        lang,
                        "{} summary in {lang}",
                        p.id
                    );
                }
                *per_office.entry(p.office_id.as_str()).or_default() += 1;
            }
        }
        for id in office_ids {
            assert!(
                per_office.get(id).copied().unwrap_or(0) >= 2,
                "{id} has procedures"
            );
        }
    }
}
