//! Opening hours of the places on the services map, in the shape of Open Referral HSDS 3.0's
//! `schedule` (itself RFC 5545 recurrence fields): "Tue and Thu 9–12" is
//! `freq = WEEKLY, byday = TU,TH, opens_at = 09:00, closes_at = 12:00`. Answered in Italian
//! time whatever the machine's zone, right across DST changes, and closed on national
//! holidays unless a place says otherwise.
//!
//! Only what opening hours use is read: `WEEKLY` or `DAILY`, `byday`, `opens_at`,
//! `closes_at`, `valid_from`, `valid_to`. A rule with anything else is refused, not guessed.

use crate::calendar::{is_national_holiday, office_tz};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time, Weekday};
use serde::{Deserialize, Serialize};

/// One recurring opening, as HSDS writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleRule {
    /// `WEEKLY` or `DAILY`.
    pub freq: String,
    /// Days for `WEEKLY`: `MO,TU,WE,TH,FR,SA,SU`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    /// Local time, `HH:MM`.
    pub opens_at: String,
    pub closes_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub valid_from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub valid_to: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("freq {0:?}: only WEEKLY and DAILY describe opening hours")]
    Freq(String),
    #[error("byday {0:?}: days are MO, TU, WE, TH, FR, SA, SU, separated by commas")]
    Day(String),
    #[error("WEEKLY needs byday")]
    NoDays,
    #[error("{0:?} is not a time (HH:MM)")]
    Time(String),
    #[error("opens_at {opens} is not before closes_at {closes}")]
    Order { opens: String, closes: String },
    #[error("valid_from is after valid_to")]
    Validity,
}

/// A rule read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Opening {
    days: Vec<Weekday>,
    opens: Time,
    closes: Time,
    from: Option<Date>,
    to: Option<Date>,
}

/// `H:MM` or `HH:MM`, with `:SS` allowed (HSDS writes `09:00:00`) and ignored. Anything else,
/// a zone or an offset included, is refused: hours are Italian wall-clock time.
fn time(text: &str) -> Result<Time, ScheduleError> {
    let bad = || ScheduleError::Time(text.to_owned());
    let parts: Vec<&str> = text.trim().split(':').collect();
    let digits = |part: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = match parts.as_slice() {
        [hour, minute] => digits(hour, 1..=2) && digits(minute, 2..=2),
        [hour, minute, second] => {
            digits(hour, 1..=2) && digits(minute, 2..=2) && digits(second, 2..=2)
        }
        _ => false,
    };
    if !ok {
        return Err(bad());
    }
    let hour: i8 = parts[0].parse().map_err(|_| bad())?;
    let minute: i8 = parts[1].parse().map_err(|_| bad())?;
    Time::new(hour, minute, 0, 0).map_err(|_| bad())
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code.trim() {
        "MO" => Weekday::Monday,
        "TU" => Weekday::Tuesday,
        "WE" => Weekday::Wednesday,
        "TH" => Weekday::Thursday,
        "FR" => Weekday::Friday,
        "SA" => Weekday::Saturday,
        "SU" => Weekday::Sunday,
        _ => return None,
    })
}

impl ScheduleRule {
    fn read(&self) -> Result<Opening, ScheduleError> {
        let days = match self.freq.as_str() {
            "DAILY" => vec![
                Weekday::Monday,
                Weekday::Tuesday,
                Weekday::Wednesday,
                Weekday::Thursday,
                Weekday::Friday,
                Weekday::Saturday,
                Weekday::Sunday,
            ],
            "WEEKLY" => {
                let byday = self.byday.as_deref().ok_or(ScheduleError::NoDays)?;
                byday
                    .split(',')
                    .map(|code| weekday(code).ok_or_else(|| ScheduleError::Day(byday.to_owned())))
                    .collect::<Result<Vec<_>, _>>()?
            }
            other => return Err(ScheduleError::Freq(other.to_owned())),
        };
        let (opens, closes) = (time(&self.opens_at)?, time(&self.closes_at)?);
        if opens >= closes {
            return Err(ScheduleError::Order {
                opens: self.opens_at.clone(),
                closes: self.closes_at.clone(),
            });
        }
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to)
            && from > to
        {
            return Err(ScheduleError::Validity);
        }
        Ok(Opening {
            days,
            opens,
            closes,
            from: self.valid_from,
            to: self.valid_to,
        })
    }

    /// Checks the rule; the first thing wrong with it.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        self.read().map(|_| ())
    }

    /// Whether to list the rule on `today`: not once its validity has ended.
    pub fn current_or_coming(&self, today: Date) -> bool {
        self.valid_to.is_none_or(|to| to >= today)
    }

    /// The rule's validity as dates people read the same in every language, `01/06–30/09`
    /// (`…` for an open end); `None` for a rule valid all year.
    pub fn validity_text(&self) -> Option<String> {
        if self.valid_from.is_none() && self.valid_to.is_none() {
            return None;
        }
        let date =
            |d: Option<Date>| d.map_or("…".to_owned(), |d| d.strftime("%d/%m").to_string());
        Some(format!("{}–{}", date(self.valid_from), date(self.valid_to)))
    }

    /// The rule checked and written one way: times as `HH:MM`, days in upper case.
    pub fn normalized(mut self) -> Result<ScheduleRule, ScheduleError> {
        let opening = self.read()?;
        self.opens_at = opening.opens.strftime("%H:%M").to_string();
        self.closes_at = opening.closes.strftime("%H:%M").to_string();
        Ok(self)
    }
}

/// Whether a place is open, and until when, or when it opens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OpenStatus {
    OpenUntil {
        until: Timestamp,
    },
    OpensAt {
        at: Timestamp,
    },
    /// No opening in the next two weeks (or no hours known).
    Closed,
}

/// An [`OpenStatus`] as people say it, in Italian local time: "open until 12:30", "opens
/// today at 15:00", "opens tomorrow at 9:00", "opens Tuesday at 9:00". The UI and the phone
/// page put it in words from `locales/` (`place-open-until`, `place-opens-*`, `day-*`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "say", rename_all = "snake_case")]
pub enum Phrase {
    OpenUntil {
        time: String,
    },
    OpensToday {
        time: String,
    },
    OpensTomorrow {
        time: String,
    },
    /// `day` is `mo` … `su`, for the `day-*` messages.
    OpensOn {
        day: String,
        time: String,
    },
    /// A week or more away (a holiday in between): the date too, `dd/mm`.
    OpensOnDate {
        day: String,
        date: String,
        time: String,
    },
    /// Hours known, but no opening in the next two weeks, or nothing offered for now.
    ClosedForNow,
    NoHours,
}

impl OpenStatus {
    pub fn is_open(self) -> bool {
        matches!(self, OpenStatus::OpenUntil { .. })
    }

    pub fn phrase(self, now: Timestamp) -> Phrase {
        let tz = office_tz();
        let clock = |at: Timestamp| tz.to_datetime(at).strftime("%H:%M").to_string();
        match self {
            OpenStatus::OpenUntil { until } => Phrase::OpenUntil { time: clock(until) },
            OpenStatus::OpensAt { at } => {
                let today = tz.to_datetime(now).date();
                let day = tz.to_datetime(at).date();
                let time = clock(at);
                let ahead = (day - today).get_days();
                if day == today {
                    Phrase::OpensToday { time }
                } else if today.tomorrow().ok() == Some(day) {
                    Phrase::OpensTomorrow { time }
                } else if ahead < 7 {
                    Phrase::OpensOn {
                        day: day_code(day.weekday()).to_owned(),
                        time,
                    }
                } else {
                    Phrase::OpensOnDate {
                        day: day_code(day.weekday()).to_owned(),
                        date: day.strftime("%d/%m").to_string(),
                        time,
                    }
                }
            }
            OpenStatus::Closed => Phrase::ClosedForNow,
        }
    }
}

/// `mo` … `su`.
pub fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "mo",
        Weekday::Tuesday => "tu",
        Weekday::Wednesday => "we",
        Weekday::Thursday => "th",
        Weekday::Friday => "fr",
        Weekday::Saturday => "sa",
        Weekday::Sunday => "su",
    }
}

/// Days as people read them: three or more in a row as a range (`mo`–`fr`), others one by
/// one. Codes are `day_code`s in week order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayRun<'a> {
    One(&'a str),
    Range(&'a str, &'a str),
}

pub fn day_runs<'a>(codes: &[&'a str]) -> Vec<DayRun<'a>> {
    const WEEK: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];
    let index = |code: &str| WEEK.iter().position(|d| *d == code);
    let mut runs: Vec<Vec<&'a str>> = Vec::new();
    for &code in codes {
        match runs.last_mut() {
            Some(run)
                if index(run[run.len() - 1])
                    .zip(index(code))
                    .is_some_and(|(last, this)| this == last + 1) =>
            {
                run.push(code)
            }
            _ => runs.push(vec![code]),
        }
    }
    runs.into_iter()
        .flat_map(|run| {
            if run.len() >= 3 {
                vec![DayRun::Range(run[0], run[run.len() - 1])]
            } else {
                run.into_iter().map(DayRun::One).collect()
            }
        })
        .collect()
}

/// The days a rule applies on, as `day_code`s, Monday first.
impl ScheduleRule {
    pub fn day_codes(&self) -> Vec<&'static str> {
        self.read()
            .map(|opening| opening.days.into_iter().map(day_code).collect())
            .unwrap_or_default()
    }
}

/// How far ahead "opens …" looks.
const LOOKAHEAD_DAYS: i32 = 14;

/// A place's week: its rules, and whether it closes on national holidays (most do).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub rules: Vec<ScheduleRule>,
    #[serde(default = "closed_on_holidays")]
    pub closed_on_holidays: bool,
    /// The comune's patron saint's day, when offices there close (Asti: San Secondo).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patron_day: Option<crate::calendar::PatronRule>,
}

fn closed_on_holidays() -> bool {
    true
}

impl Schedule {
    /// The status in words: "no hours given" for a place without rules.
    pub fn phrase(&self, now: Timestamp) -> Phrase {
        if self.rules.is_empty() {
            Phrase::NoHours
        } else {
            self.status(now).phrase(now)
        }
    }

    /// Open or not at `now`, and the next change.
    pub fn status(&self, now: Timestamp) -> OpenStatus {
        let openings: Vec<Opening> = self
            .rules
            .iter()
            .filter_map(|rule| rule.read().ok())
            .collect();
        let today = office_tz().to_datetime(now).date();
        let mut next: Option<Timestamp> = None;
        for offset in 0..=LOOKAHEAD_DAYS {
            let Ok(day) = today.checked_add(jiff::Span::new().days(offset)) else {
                break;
            };
            if self.closed_on_holidays
                && (is_national_holiday(day)
                    || self
                        .patron_day
                        .is_some_and(|patron| patron.date_in(day.year()) == Some(day)))
            {
                continue;
            }
            for opening in openings.iter().filter(|o| o.applies_on(day)) {
                let (Some(opens), Some(closes)) =
                    (local(day, opening.opens), local(day, opening.closes))
                else {
                    continue;
                };
                if opens <= now && now < closes {
                    // Open: until the end of this span, or of a span that continues it.
                    return OpenStatus::OpenUntil {
                        until: self.continued(&openings, day, closes),
                    };
                }
                if opens > now && next.is_none_or(|earliest| opens < earliest) {
                    next = Some(opens);
                }
            }
            if next.is_some() {
                break;
            }
        }
        next.map_or(OpenStatus::Closed, |at| OpenStatus::OpensAt { at })
    }

    /// The end of the opening that ends at `end` on `day`, following spans that start exactly
    /// when it ends (9–12 and 12–14 are open 9–14).
    fn continued(&self, openings: &[Opening], day: Date, mut end: Timestamp) -> Timestamp {
        loop {
            let further = openings
                .iter()
                .filter(|o| o.applies_on(day))
                .filter_map(|o| Some((local(day, o.opens)?, local(day, o.closes)?)))
                .filter(|(opens, closes)| *opens <= end && *closes > end)
                .map(|(_, closes)| closes)
                .max();
            match further {
                Some(later) => end = later,
                None => return end,
            }
        }
    }
}

impl Opening {
    fn applies_on(&self, day: Date) -> bool {
        self.days.contains(&day.weekday())
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
    }
}

/// A local time on a local date, as an instant; the later one in a DST fold, the moment the
/// clocks jump to in a gap.
fn local(day: Date, time: Time) -> Option<Timestamp> {
    office_tz()
        .to_ambiguous_timestamp(DateTime::from_parts(day, time))
        .compatible()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(freq: &str, byday: Option<&str>, opens: &str, closes: &str) -> ScheduleRule {
        ScheduleRule {
            freq: freq.into(),
            byday: byday.map(str::to_owned),
            opens_at: opens.into(),
            closes_at: closes.into(),
            valid_from: None,
            valid_to: None,
        }
    }

    fn at(text: &str) -> Timestamp {
        // Times written in Italian local time.
        local_time(text.parse::<DateTime>().unwrap())
    }

    fn local_time(datetime: DateTime) -> Timestamp {
        office_tz()
            .to_ambiguous_timestamp(datetime)
            .unambiguous()
            .unwrap()
    }

    fn tue_thu_9_12() -> Schedule {
        Schedule {
            rules: vec![rule("WEEKLY", Some("TU,TH"), "09:00", "12:00")],
            closed_on_holidays: true,
            patron_day: None,
        }
    }

    #[test]
    fn open_now_and_opens_next() {
        let schedule = tue_thu_9_12();
        // Tuesday 1 December 2026, 10:00: open until 12:00.
        assert_eq!(
            schedule.status(at("2026-12-01T10:00")),
            OpenStatus::OpenUntil {
                until: at("2026-12-01T12:00")
            }
        );
        // 12:00 sharp is closed: next Thursday at 9.
        assert_eq!(
            schedule.status(at("2026-12-01T12:00")),
            OpenStatus::OpensAt {
                at: at("2026-12-03T09:00")
            }
        );
        // Monday evening: Tuesday at 9.
        assert_eq!(
            schedule.status(at("2026-11-30T19:00")),
            OpenStatus::OpensAt {
                at: at("2026-12-01T09:00")
            }
        );
    }

    #[test]
    fn times_are_wall_clock_hours_and_minutes() {
        let with = |opens: &str| rule("WEEKLY", Some("MO"), opens, "12:00");
        assert_eq!(with("9:00").normalized().unwrap().opens_at, "09:00");
        assert_eq!(with("09:00:00").normalized().unwrap().opens_at, "09:00");
        for wrong in [
            "09:005",
            "09:00Z",
            "09:00+01:00",
            "9",
            "24:00",
            "09-00",
            "0900",
        ] {
            assert!(with(wrong).validate().is_err(), "{wrong}");
        }
    }

    #[test]
    fn three_days_in_a_row_read_as_a_range() {
        assert_eq!(
            day_runs(&["mo", "tu", "we", "th", "fr"]),
            [DayRun::Range("mo", "fr")]
        );
        assert_eq!(
            day_runs(&["mo", "tu", "th", "fr", "sa"]),
            [
                DayRun::One("mo"),
                DayRun::One("tu"),
                DayRun::Range("th", "sa")
            ]
        );
        assert_eq!(
            day_runs(&["tu", "th"]),
            [DayRun::One("tu"), DayRun::One("th")]
        );
    }

    #[test]
    fn the_comunes_patron_day_closes_its_places() {
        // San Secondo, Asti's patron: the first Tuesday of May (5 May 2026).
        let schedule = Schedule {
            patron_day: Some("05-tue-1".parse().unwrap()),
            ..tue_thu_9_12()
        };
        assert_eq!(
            schedule.status(at("2026-05-05T10:00")),
            OpenStatus::OpensAt {
                at: at("2026-05-07T09:00")
            }
        );
        // Elsewhere the same Tuesday is a working day.
        assert!(tue_thu_9_12().status(at("2026-05-05T10:00")).is_open());
    }

    #[test]
    fn national_holidays_close_unless_said_otherwise() {
        // Tuesday 8 December 2026 is the Immacolata.
        let schedule = tue_thu_9_12();
        assert_eq!(
            schedule.status(at("2026-12-08T10:00")),
            OpenStatus::OpensAt {
                at: at("2026-12-10T09:00")
            }
        );
        let always = Schedule {
            closed_on_holidays: false,
            ..schedule
        };
        assert!(matches!(
            always.status(at("2026-12-08T10:00")),
            OpenStatus::OpenUntil { .. }
        ));
    }

    #[test]
    fn hours_hold_in_italian_time_across_dst() {
        // Sunday 29 March 2026 clocks go forward; Monday 30 March 9:00 is 07:00 UTC (CEST).
        let schedule = Schedule {
            rules: vec![rule("WEEKLY", Some("MO"), "09:00", "12:00")],
            closed_on_holidays: true,
            patron_day: None,
        };
        let monday_nine = at("2026-03-30T09:00");
        assert_eq!(monday_nine, "2026-03-30T07:00:00Z".parse().unwrap());
        assert_eq!(
            schedule.status(at("2026-03-28T10:00")),
            OpenStatus::OpensAt { at: monday_nine }
        );
        // And in autumn, Monday 26 October 2026 9:00 is 08:00 UTC (CET).
        assert_eq!(
            schedule.status(at("2026-10-24T10:00")),
            OpenStatus::OpensAt {
                at: "2026-10-26T08:00:00Z".parse().unwrap()
            }
        );
    }

    #[test]
    fn adjacent_spans_and_validity() {
        let schedule = Schedule {
            rules: vec![
                rule("DAILY", None, "09:00", "12:00"),
                rule("WEEKLY", Some("MO,WE"), "12:00", "14:00"),
            ],
            closed_on_holidays: false,
            patron_day: None,
        };
        // Monday 11:00: open until 14:00 (the two spans touch).
        assert_eq!(
            schedule.status(at("2026-11-30T11:00")),
            OpenStatus::OpenUntil {
                until: at("2026-11-30T14:00")
            }
        );
        let mut ended = rule("WEEKLY", Some("TU"), "09:00", "12:00");
        ended.valid_to = Some(jiff::civil::date(2026, 1, 31));
        let old = Schedule {
            rules: vec![ended],
            closed_on_holidays: true,
            patron_day: None,
        };
        assert_eq!(old.status(at("2026-12-01T10:00")), OpenStatus::Closed);
    }

    #[test]
    fn rules_that_do_not_describe_hours_are_refused() {
        assert_eq!(
            rule("MONTHLY", None, "09:00", "12:00").validate(),
            Err(ScheduleError::Freq("MONTHLY".into()))
        );
        assert_eq!(
            rule("WEEKLY", None, "09:00", "12:00").validate(),
            Err(ScheduleError::NoDays)
        );
        assert!(matches!(
            rule("WEEKLY", Some("TU,XX"), "09:00", "12:00").validate(),
            Err(ScheduleError::Day(_))
        ));
        assert!(matches!(
            rule("WEEKLY", Some("TU"), "12:00", "09:00").validate(),
            Err(ScheduleError::Order { .. })
        ));
        assert!(matches!(
            rule("WEEKLY", Some("TU"), "25:00", "26:00").validate(),
            Err(ScheduleError::Time(_))
        ));
        assert!(
            rule("WEEKLY", Some("MO,TU"), "08:30", "12:30")
                .validate()
                .is_ok()
        );
    }
}
