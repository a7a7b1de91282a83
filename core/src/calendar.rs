//! When offices are open: weekly hours, dated overrides, Italian public holidays, the patron
//! saint's day of the office's comune, and the weekly release of new slots.
//!
//! All of it is civil time in Europe/Rome. Instants (for storage and comparison) come from
//! [`to_instant`], which refuses local times that do not exist or exist twice on a DST change
//! day, so a slot never maps to a wrong or duplicate instant.

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The time zone every office keeps. Looked up once: slot generation asks for it per slot.
pub fn office_tz() -> TimeZone {
    static ROME: std::sync::LazyLock<TimeZone> = std::sync::LazyLock::new(|| {
        TimeZone::get("Europe/Rome").expect("the time zone database is compiled in")
    });
    ROME.clone()
}

/// The instant of a local date and minute-of-day in Europe/Rome, if that local time happens
/// exactly once that day (not in the spring-forward gap nor the autumn fold).
pub fn to_instant(date: Date, minute_of_day: u16) -> Option<Timestamp> {
    let time = Time::new(
        i8::try_from(minute_of_day / 60).ok()?,
        i8::try_from(minute_of_day % 60).ok()?,
        0,
        0,
    )
    .ok()?;
    office_tz()
        .to_ambiguous_timestamp(DateTime::from_parts(date, time))
        .unambiguous()
        .ok()
}

/// The local date of an instant in Europe/Rome.
pub fn local_date(instant: Timestamp) -> Date {
    office_tz().to_datetime(instant).date()
}

// --- intervals and weekly hours ---------------------------------------------------------

/// A span of a day, in minutes after local midnight: `[start, end)`. Written "08:30-12:30".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: u16,
    pub end: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{0:?} is not a time span like 08:30-12:30")]
    BadInterval(String),
    #[error("{0:?} is not a time like 08:30")]
    BadTime(String),
    #[error("time spans {0} and {1} overlap")]
    Overlap(Interval, Interval),
    #[error("{0:?} is not a patron day rule like 07-02 or 05-tue-1")]
    BadPatronRule(String),
    #[error("{0:?} is not a weekly release like fri 13:00")]
    BadRelease(String),
}

fn parse_hhmm(text: &str) -> Result<u16, CalendarError> {
    let bad = || CalendarError::BadTime(text.to_owned());
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    // Digits only: `u16::from_str` alone would take "+8".
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(h) || !two_digits(m) {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn fmt_hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Interval {
    pub fn minutes(self) -> u16 {
        self.end - self.start
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", fmt_hhmm(self.start), fmt_hhmm(self.end))
    }
}

impl FromStr for Interval {
    type Err = CalendarError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (start, end) = text
            .split_once('-')
            .ok_or_else(|| CalendarError::BadInterval(text.to_owned()))?;
        let (start, end) = (parse_hhmm(start.trim())?, parse_hhmm(end.trim())?);
        if start >= end {
            return Err(CalendarError::BadInterval(text.to_owned()));
        }
        Ok(Interval { start, end })
    }
}

/// A string like "08:30-12:30"; the start must come before the end.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Interval {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        const TIME: &str = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]";
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(format!(r"^\s*{TIME}\s*-\s*(?:{TIME}|24:00)\s*$")))
            .examples([serde_json::json!("08:30-12:30")])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Interval {}

impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Interval {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Sorts spans and refuses overlaps: a day's hours are disjoint.
pub fn normalize(mut spans: Vec<Interval>) -> Result<Vec<Interval>, CalendarError> {
    spans.sort();
    for pair in spans.windows(2) {
        if pair[1].start < pair[0].end {
            return Err(CalendarError::Overlap(pair[0], pair[1]));
        }
    }
    Ok(spans)
}

/// Opening hours for each day of the week. Days left out are closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyHours {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(example = json!(["08:30-12:30"])))]
    pub mon: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tue: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wed: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thu: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fri: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sat: Vec<Interval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sun: Vec<Interval>,
}

impl WeeklyHours {
    pub fn on(&self, weekday: Weekday) -> &[Interval] {
        match weekday {
            Weekday::Monday => &self.mon,
            Weekday::Tuesday => &self.tue,
            Weekday::Wednesday => &self.wed,
            Weekday::Thursday => &self.thu,
            Weekday::Friday => &self.fri,
            Weekday::Saturday => &self.sat,
            Weekday::Sunday => &self.sun,
        }
    }

    /// Checks every day for overlaps and sorts its spans.
    pub fn normalized(self) -> Result<WeeklyHours, CalendarError> {
        Ok(WeeklyHours {
            mon: normalize(self.mon)?,
            tue: normalize(self.tue)?,
            wed: normalize(self.wed)?,
            thu: normalize(self.thu)?,
            fri: normalize(self.fri)?,
            sat: normalize(self.sat)?,
            sun: normalize(self.sun)?,
        })
    }
}

// --- holidays -------------------------------------------------------------------------------

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).expect("the algorithm yields a March or April date")
}

/// The national public holidays of Italy in `year` (offices closed), with their names.
///
/// From 2026, 4 October (San Francesco d'Assisi, patron of Italy) is a national holiday again
/// (law 151/2025).
pub fn national_holidays(year: i16) -> Vec<(Date, &'static str)> {
    let fixed = |month: i8, day: i8, name| (Date::new(year, month, day).expect("valid"), name);
    let easter_monday = easter_sunday(year).tomorrow().expect("within range");
    let mut days = vec![
        fixed(1, 1, "Capodanno"),
        fixed(1, 6, "Epifania"),
        (easter_monday, "Lunedì dell'Angelo"),
        fixed(4, 25, "Festa della Liberazione"),
        fixed(5, 1, "Festa del Lavoro"),
        fixed(6, 2, "Festa della Repubblica"),
        fixed(8, 15, "Ferragosto"),
        fixed(11, 1, "Ognissanti"),
        fixed(12, 8, "Immacolata Concezione"),
        fixed(12, 25, "Natale"),
        fixed(12, 26, "Santo Stefano"),
    ];
    if year >= 2026 {
        days.push(fixed(10, 4, "San Francesco d'Assisi"));
    }
    days.sort();
    days
}

pub fn is_national_holiday(date: Date) -> bool {
    national_holidays(date.year())
        .iter()
        .any(|(holiday, _)| *holiday == date)
}

/// How a comune's patron saint's day falls: a fixed date ("07-02", Matera's Madonna della
/// Bruna) or the n-th weekday of a month ("05-tue-1", Asti's San Secondo, first Tuesday of May).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatronRule {
    Fixed { month: i8, day: i8 },
    NthWeekday { month: i8, weekday: Weekday, n: i8 },
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

fn parse_weekday(text: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(text))
        .map(|(_, weekday)| *weekday)
}

fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, day)| *day == weekday)
        .map(|(name, _)| *name)
        .expect("every weekday has a name")
}

impl PatronRule {
    /// The patron's day in `year`.
    pub fn date_in(self, year: i16) -> Option<Date> {
        match self {
            PatronRule::Fixed { month, day } => Date::new(year, month, day).ok(),
            PatronRule::NthWeekday { month, weekday, n } => Date::new(year, month, 1)
                .ok()?
                .nth_weekday_of_month(n, weekday)
                .ok(),
        }
    }
}

impl fmt::Display for PatronRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatronRule::Fixed { month, day } => write!(f, "{month:02}-{day:02}"),
            PatronRule::NthWeekday { month, weekday, n } => {
                write!(f, "{month:02}-{}-{n}", weekday_name(*weekday))
            }
        }
    }
}

impl FromStr for PatronRule {
    type Err = CalendarError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || CalendarError::BadPatronRule(text.to_owned());
        let parts: Vec<&str> = text.split('-').collect();
        let month: i8 = parts.first().and_then(|m| m.parse().ok()).ok_or_else(bad)?;
        let rule = match parts[..] {
            [_, day] => PatronRule::Fixed {
                month,
                day: day.parse().map_err(|_| bad())?,
            },
            [_, weekday, n] => PatronRule::NthWeekday {
                month,
                weekday: parse_weekday(weekday).ok_or_else(bad)?,
                n: n.parse()
                    .ok()
                    .filter(|n| (1..=5).contains(n))
                    .ok_or_else(bad)?,
            },
            _ => return Err(bad()),
        };
        // Valid in a leap year at least (29 February is allowed, if odd).
        rule.date_in(2024).ok_or_else(bad)?;
        Ok(rule)
    }
}

impl Serialize for PatronRule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PatronRule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

// --- a day's hours ---------------------------------------------------------------------------

/// Why a day has the hours it has; shown to staff checking an agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySource {
    CounterOverride,
    OfficeOverride,
    NationalHoliday,
    PatronDay,
    Weekly,
}

/// What decides a counter's hours on one date, highest precedence first: a dated override for
/// the counter, one for its office (an explicit decision wins even over a holiday), a national
/// holiday or the patron's day (closed), then the weekly hours.
pub struct DayInputs<'a> {
    pub weekly: &'a WeeklyHours,
    pub counter_override: Option<&'a [Interval]>,
    pub office_override: Option<&'a [Interval]>,
    pub patron: Option<PatronRule>,
}

pub fn hours_on(date: Date, inputs: &DayInputs<'_>) -> (Vec<Interval>, DaySource) {
    if let Some(hours) = inputs.counter_override {
        return (hours.to_vec(), DaySource::CounterOverride);
    }
    if let Some(hours) = inputs.office_override {
        return (hours.to_vec(), DaySource::OfficeOverride);
    }
    if is_national_holiday(date) {
        return (Vec::new(), DaySource::NationalHoliday);
    }
    if inputs.patron.and_then(|rule| rule.date_in(date.year())) == Some(date) {
        return (Vec::new(), DaySource::PatronDay);
    }
    (inputs.weekly.on(date.weekday()).to_vec(), DaySource::Weekly)
}

/// Start minutes of the appointments of `length` minutes that fit the day's `hours`, on the
/// counter's grid of `grid` minutes.
///
/// The grid is counted from midnight, whatever the hours: a reduced day opening at 09:10 on a
/// 15-minute grid starts at 09:15. Every appointment on a counter then claims cells of the
/// same lattice, so two appointments that overlap in time always collide on a cell.
pub fn slot_starts(hours: &[Interval], grid: u16, length: u16) -> Vec<u16> {
    let mut starts = Vec::new();
    if grid == 0 {
        return starts;
    }
    for span in hours {
        let mut start = span.start.div_ceil(grid) * grid;
        while start + length <= span.end {
            starts.push(start);
            start += grid;
        }
    }
    starts
}

/// How many grid cells an appointment of `length` minutes occupies.
pub fn cells_for(length: u16, grid: u16) -> u16 {
    length.div_ceil(grid.max(1))
}

// --- release of new slots ---------------------------------------------------------------------

/// A weekly moment when an office opens more of its agenda, e.g. "fri 13:00" (Questura di Asti).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklyRelease {
    pub weekday: Weekday,
    pub minute_of_day: u16,
}

impl fmt::Display for WeeklyRelease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            weekday_name(self.weekday),
            fmt_hhmm(self.minute_of_day)
        )
    }
}

impl FromStr for WeeklyRelease {
    type Err = CalendarError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || CalendarError::BadRelease(text.to_owned());
        let (day, time) = text.trim().split_once(' ').ok_or_else(bad)?;
        let minute_of_day = parse_hhmm(time.trim()).map_err(|_| bad())?;
        if minute_of_day >= 24 * 60 {
            return Err(bad());
        }
        Ok(WeeklyRelease {
            weekday: parse_weekday(day).ok_or_else(bad)?,
            minute_of_day,
        })
    }
}

impl Serialize for WeeklyRelease {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WeeklyRelease {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// The last date people may book at `now`.
///
/// Without a release schedule the agenda is open `horizon_days` ahead of today, moving every
/// day. With one, it moves only at each release: `horizon_days` ahead of the date of the
/// latest release at or before `now`. Everyone then sees new slots at the same announced
/// moment, instead of whoever happens to look when a day rolls over.
pub fn bookable_until(now: Timestamp, horizon_days: u16, release: Option<WeeklyRelease>) -> Date {
    let today = local_date(now);
    let anchor = match release {
        None => today,
        Some(release) => (0..8)
            .filter_map(|back| today.checked_sub(back.days()).ok())
            .find(|day| {
                day.weekday() == release.weekday
                    && to_instant(*day, release.minute_of_day).is_some_and(|at| at <= now)
            })
            .unwrap_or(today),
    };
    anchor
        .checked_add(i32::from(horizon_days).days())
        .unwrap_or(anchor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn easter_matches_the_published_dates() {
        for (year, month, day) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), date(year, month, day), "{year}");
        }
    }

    #[test]
    fn italian_holidays_include_easter_monday_and_4_october_from_2026() {
        assert!(is_national_holiday(date(2026, 4, 6)), "Easter Monday 2026");
        assert!(is_national_holiday(date(2025, 4, 21)), "Easter Monday 2025");
        assert!(is_national_holiday(date(2026, 10, 4)));
        assert!(
            !is_national_holiday(date(2025, 10, 4)),
            "not yet a holiday in 2025"
        );
        assert!(is_national_holiday(date(2030, 6, 2)));
        assert!(is_national_holiday(date(2026, 12, 26)));
        assert!(!is_national_holiday(date(2026, 4, 7)));
        assert_eq!(national_holidays(2026).len(), 12);
        assert_eq!(national_holidays(2025).len(), 11);
    }

    #[test]
    fn patron_days_of_asti_and_matera() {
        let asti: PatronRule = "05-tue-1".parse().unwrap();
        assert_eq!(asti.date_in(2026), Some(date(2026, 5, 5)));
        assert_eq!(asti.date_in(2027), Some(date(2027, 5, 4)));
        let matera: PatronRule = "07-02".parse().unwrap();
        assert_eq!(matera.date_in(2026), Some(date(2026, 7, 2)));
        assert_eq!(asti.to_string(), "05-tue-1");
        assert_eq!(matera.to_string(), "07-02");
        for bad in ["", "13-01", "02-30", "05-xyz-1", "05-tue-6", "05", "a-b"] {
            assert!(bad.parse::<PatronRule>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn intervals_parse_print_and_refuse_nonsense() {
        let span: Interval = "08:30-12:30".parse().unwrap();
        assert_eq!((span.start, span.end), (510, 750));
        assert_eq!(span.to_string(), "08:30-12:30");
        assert_eq!("00:00-24:00".parse::<Interval>().unwrap().minutes(), 1440);
        for bad in [
            "12:30-08:30",
            "8:30-12:30",
            "08:60-09:00",
            "25:00-26:00",
            "08:30",
            "x",
            // What the number parser alone would take.
            "+8:30-12:30",
            "08:+3-12:30",
        ] {
            assert!(bad.parse::<Interval>().is_err(), "{bad:?}");
        }
        let overlapping = vec![
            "09:00-11:00".parse().unwrap(),
            "10:00-12:00".parse().unwrap(),
        ];
        assert!(normalize(overlapping).is_err());
    }

    #[test]
    fn a_days_hours_follow_the_precedence() {
        let weekly: WeeklyHours =
            serde_json::from_str(r#"{"tue": ["08:30-12:30"], "wed": ["08:30-12:30"]}"#).unwrap();
        let reduced = ["08:30-10:00".parse().unwrap()];
        let asti = Some("05-tue-1".parse().unwrap());
        let plain = DayInputs {
            weekly: &weekly,
            counter_override: None,
            office_override: None,
            patron: asti,
        };
        // San Secondo, first Tuesday of May 2026: closed in Asti.
        assert_eq!(
            hours_on(date(2026, 5, 5), &plain),
            (vec![], DaySource::PatronDay)
        );
        // The next Tuesday is an ordinary one.
        assert_eq!(hours_on(date(2026, 5, 12), &plain).1, DaySource::Weekly);
        // 2 June 2026 is a Tuesday and a national holiday.
        assert_eq!(
            hours_on(date(2026, 6, 2), &plain).1,
            DaySource::NationalHoliday
        );
        // An office override (an extra opening) wins over the holiday…
        let extra = DayInputs {
            office_override: Some(&reduced),
            ..plain
        };
        assert_eq!(
            hours_on(date(2026, 6, 2), &extra),
            (reduced.to_vec(), DaySource::OfficeOverride)
        );
        // …and a counter's own closure wins over its office.
        let closed_counter = DayInputs {
            counter_override: Some(&[]),
            office_override: Some(&reduced),
            ..plain
        };
        assert_eq!(
            hours_on(date(2026, 6, 2), &closed_counter),
            (vec![], DaySource::CounterOverride)
        );
    }

    #[test]
    fn slots_fit_the_hours_on_the_counters_grid() {
        let hours = [
            "08:30-10:00".parse().unwrap(),
            "14:00-14:30".parse().unwrap(),
        ];
        assert_eq!(slot_starts(&hours, 15, 30), [510, 525, 540, 555, 570, 840]);
        assert_eq!(slot_starts(&hours, 15, 45).len(), 4);
        // Off-grid opening hours: slots stay on the lattice counted from midnight.
        let late = ["09:10-10:00".parse().unwrap()];
        assert_eq!(slot_starts(&late, 15, 15), [555, 570, 585]);
        assert_eq!(cells_for(20, 15), 2);
        assert_eq!(cells_for(15, 15), 1);
    }

    #[test]
    fn instants_are_right_across_dst_and_skip_times_that_do_not_exist() {
        // 29 March 2026: clocks go from 02:00 to 03:00 in Rome.
        let spring = date(2026, 3, 29);
        assert_eq!(to_instant(spring, 2 * 60 + 30), None);
        assert_eq!(to_instant(spring, 9 * 60), Some(at("2026-03-29T07:00:00Z")));
        assert_eq!(
            to_instant(date(2026, 3, 28), 9 * 60),
            Some(at("2026-03-28T08:00:00Z"))
        );
        // 25 October 2026: 02:00–03:00 happens twice.
        let autumn = date(2026, 10, 25);
        assert_eq!(to_instant(autumn, 2 * 60 + 30), None);
        assert_eq!(to_instant(autumn, 9 * 60), Some(at("2026-10-25T08:00:00Z")));
        assert_eq!(local_date(at("2026-10-24T22:30:00Z")), autumn);
    }

    #[test]
    fn releases_open_the_agenda_at_the_announced_moment_only() {
        let friday_13 = "fri 13:00".parse::<WeeklyRelease>().unwrap();
        assert_eq!(friday_13.to_string(), "fri 13:00");
        // Friday 4 December 2026, 12:59 in Rome (CET, UTC+1): the previous release counts.
        let before = at("2026-12-04T11:59:00Z");
        assert_eq!(
            bookable_until(before, 14, Some(friday_13)),
            date(2026, 12, 11)
        );
        // At 13:00 the window jumps by a week.
        let after = at("2026-12-04T12:00:00Z");
        assert_eq!(
            bookable_until(after, 14, Some(friday_13)),
            date(2026, 12, 18)
        );
        // And stays until the next Friday, while days go by.
        let thursday = at("2026-12-10T09:00:00Z");
        assert_eq!(
            bookable_until(thursday, 14, Some(friday_13)),
            date(2026, 12, 18)
        );
        // Without a schedule the window moves every day.
        assert_eq!(bookable_until(thursday, 14, None), date(2026, 12, 24));
        assert!("fri 25:00".parse::<WeeklyRelease>().is_err());
        assert!("someday 13:00".parse::<WeeklyRelease>().is_err());
    }
}
