//! The office's numbers: per day and week, appointments booked, checked in, served, absent,
//! no-shows and cancelled; the wait from check-in to call and the time at the counter; how
//! long people wait for an appointment; by procedure and channel. Charts in SVG, CSV export.

use super::workspace::Day;
use crate::backend::http::{self, HttpError};
use crate::format;
use crate::t;
use jiff::civil::Date;
use sportello_core::office_stats::{Counts, KeyedCounts, OfficeStats, Spread};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumbersProps {
    pub day: Day,
    pub on_error: Callback<HttpError>,
}

/// The span shown: a week from its Monday, or one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Week,
    Day,
}

fn span_of(day: Date, span: Span) -> (Date, Date) {
    match span {
        Span::Day => (day, day),
        Span::Week => {
            let back = i64::from(day.weekday().to_monday_zero_offset());
            let monday = day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day);
            let sunday = monday.checked_add(jiff::Span::new().days(6)).unwrap_or(day);
            (monday, sunday)
        }
    }
}

fn minutes(secs: u32) -> String {
    t!("console-minutes", minutes = secs.div_ceil(60))
}

#[function_component]
pub fn Numbers(props: &NumbersProps) -> Html {
    let lang = crate::app::use_lang();
    let span = use_state(|| Span::Week);
    let numbers = use_state(|| None::<OfficeStats>);
    let shown = props.day.date;
    {
        let (numbers, on_error) = (numbers.clone(), props.on_error.clone());
        let office_id = props.day.office_id.clone();
        use_effect_with(
            (office_id, shown, *span),
            move |(office_id, shown, span)| {
                if let Some(day) = shown
                    && !office_id.is_empty()
                {
                    let (from, to) = span_of(*day, *span);
                    let office_id = office_id.clone();
                    spawn_local(async move {
                        match http::office_stats(&office_id, from, to).await {
                            Ok(answer) => numbers.set(Some(answer)),
                            Err(err) => on_error.emit(err),
                        }
                    });
                }
            },
        );
    }
    let choose = |which: Span| {
        let span = span.clone();
        move |_| span.set(which)
    };
    let export = {
        let (office_id, on_error) = (props.day.office_id.clone(), props.on_error.clone());
        let current = numbers.as_ref().map(|n| (n.from, n.to));
        move |_| {
            let Some((from, to)) = current else { return };
            let (office_id, on_error) = (office_id.clone(), on_error.clone());
            spawn_local(async move {
                match http::office_stats_csv(&office_id, from, to).await {
                    Ok(text) => super::agenda::download(
                        &format!("numeri-{office_id}-{from}-{to}.csv"),
                        &text,
                    ),
                    Err(err) => on_error.emit(err),
                }
            });
        }
    };
    let Some(stats) = &*numbers else {
        return html! { <section class="console-numbers"><h2>{ t!("console-tab-numbers") }</h2></section> };
    };
    html! {
        <section class="console-numbers" aria-labelledby="numbers-title">
            <div class="console-toolbar">
                <h2 id="numbers-title">{ t!("console-tab-numbers") }</h2>
                <div role="group" aria-label={t!("console-numbers-span")}>
                    <button type="button" id="numbers-week" aria-pressed={(*span == Span::Week).to_string()}
                        onclick={choose(Span::Week)}>{ t!("console-numbers-week") }</button>
                    <button type="button" id="numbers-day" aria-pressed={(*span == Span::Day).to_string()}
                        onclick={choose(Span::Day)}>{ t!("console-numbers-day") }</button>
                </div>
                <button type="button" id="numbers-csv" onclick={export}>{ t!("console-csv") }</button>
            </div>
            <p id="numbers-span">{ format!("{} – {}", format::long_date(stats.from, lang), format::long_date(stats.to, lang)) }</p>
            <dl class="numbers-totals" id="numbers-totals">
                { figure("booked", t!("console-numbers-booked"), stats.total.booked) }
                { figure("checked_in", t!("console-numbers-checked-in"), stats.total.checked_in) }
                { figure("served", t!("console-status-served"), stats.total.served) }
                { figure("absent", t!("console-status-absent"), stats.total.absent) }
                { figure("no_show", t!("console-status-no-show"), stats.total.no_show) }
                { figure("cancelled", t!("console-status-cancelled"), stats.total.cancelled) }
            </dl>
            { day_chart(stats, lang) }
            <div class="numbers-times">
                { spread(t!("console-numbers-waiting"), stats.waiting, "numbers-waiting") }
                { spread(t!("console-numbers-service"), stats.service, "numbers-service") }
            </div>
            <h3>{ t!("console-numbers-by-procedure") }</h3>
            { keyed_table("numbers-procedures", &stats.by_procedure, |key| props.day.procedure_name(key, lang)) }
            <h3>{ t!("console-numbers-by-channel") }</h3>
            { keyed_table("numbers-channels", &stats.by_channel, channel_name) }
            <h3>{ t!("console-numbers-first-free") }</h3>
            <table class="console-table" id="numbers-first-free">
                <thead><tr>
                    <th scope="col">{ t!("console-procedure") }</th>
                    <th scope="col">{ t!("console-numbers-first-slot") }</th>
                </tr></thead>
                <tbody>
                    { for stats.first_free.iter().map(|free| html! {
                        <tr>
                            <td>{ props.day.procedure_name(&free.procedure_id, lang) }</td>
                            <td>{ match (free.first, free.days_ahead) {
                                (Some(first), Some(days)) => t!("console-numbers-in-days",
                                    days = days, day = format::long_date(sportello_core::calendar::local_date(first), lang)),
                                _ => t!("console-numbers-none-free"),
                            } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

fn channel_name(key: &str) -> String {
    match key {
        "self_service" => t!("console-channel-self"),
        "kiosk" => t!("console-numbers-kiosks"),
        "operator" => t!("console-numbers-operators"),
        "walk_in" => t!("console-channel-walk-in"),
        _ => t!("console-channel-office"),
    }
}

fn figure(id: &str, label: String, value: u32) -> Html {
    html! {
        <div class={classes!("figure", id.to_owned())}>
            <dt>{ label }</dt>
            <dd id={format!("total-{id}")}>{ value }</dd>
        </div>
    }
}

fn spread(label: String, spread: Spread, id: &str) -> Html {
    html! {
        <p id={id.to_owned()}>
            <strong>{ label }</strong>{ ": " }
            if spread.count == 0 {
                { t!("console-numbers-none") }
            } else {
                { t!("console-numbers-spread", median = minutes(spread.median_secs), p90 = minutes(spread.p90_secs), count = spread.count) }
            }
        </p>
    }
}

fn keyed_table(id: &str, rows: &[KeyedCounts], name: impl Fn(&str) -> String) -> Html {
    html! {
        <table class="console-table" id={id.to_owned()}>
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{ t!("console-numbers-what") }</span></th>
                <th scope="col">{ t!("console-numbers-booked") }</th>
                <th scope="col">{ t!("console-numbers-checked-in") }</th>
                <th scope="col">{ t!("console-status-served") }</th>
                <th scope="col">{ t!("console-status-absent") }</th>
                <th scope="col">{ t!("console-status-no-show") }</th>
                <th scope="col">{ t!("console-status-cancelled") }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|row| counts_row(&name(&row.key), &row.counts)) }
            </tbody>
        </table>
    }
}

fn counts_row(name: &str, counts: &Counts) -> Html {
    html! {
        <tr>
            <th scope="row">{ name }</th>
            <td>{ counts.booked }</td>
            <td>{ counts.checked_in }</td>
            <td>{ counts.served }</td>
            <td>{ counts.absent }</td>
            <td>{ counts.no_show }</td>
            <td>{ counts.cancelled }</td>
        </tr>
    }
}

/// Bars per day: booked, served, no-shows side by side, on one scale.
fn day_chart(stats: &OfficeStats, lang: sportello_core::Lang) -> Html {
    const WIDTH: f64 = 720.0;
    const HEIGHT: f64 = 220.0;
    const BASE: f64 = 190.0;
    let days = stats.by_day.len().max(1) as f64;
    let most = stats
        .by_day
        .iter()
        .map(|day| day.counts.booked)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = WIDTH / days;
    let bar = (slot / 4.0).min(28.0);
    let height = |value: u32| f64::from(value) / most * (BASE - 20.0);
    let summary = t!(
        "console-numbers-chart",
        booked = stats.total.booked,
        served = stats.total.served,
        no_show = stats.total.no_show
    );
    html! {
        <figure class="numbers-chart">
            <svg id="numbers-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={summary.clone()}>
                <title>{ summary }</title>
                <line x1="0" y1={BASE.to_string()} x2={WIDTH.to_string()} y2={BASE.to_string()} class="axis" />
                { for stats.by_day.iter().enumerate().map(|(i, day)| {
                    let x = i as f64 * slot + slot / 2.0 - 1.5 * bar;
                    let bars = [("booked", day.counts.booked), ("served", day.counts.served), ("no_show", day.counts.no_show)];
                    html! {
                        <g class="day">
                            { for bars.iter().enumerate().map(|(j, (kind, value))| {
                                let h = height(*value);
                                html! {
                                    <rect class={format!("bar {kind}")} x={format!("{:.1}", x + j as f64 * bar)}
                                        y={format!("{:.1}", BASE - h)} width={format!("{:.1}", bar - 2.0)}
                                        height={format!("{h:.1}")} />
                                }
                            }) }
                            <text x={format!("{:.1}", i as f64 * slot + slot / 2.0)} y={(BASE + 18.0).to_string()}
                                class="label">{ short_day(day.day, lang) }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="numbers-legend">
                <span class="key booked">{ t!("console-numbers-booked") }</span>
                <span class="key served">{ t!("console-status-served") }</span>
                <span class="key no_show">{ t!("console-status-no-show") }</span>
            </figcaption>
        </figure>
    }
}

/// "lun 30" in Italian, "Mon 30" in English.
fn short_day(day: Date, lang: sportello_core::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!(
        "{day}T12:00:00Z"
    )));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "short"),
        ("day", "numeric"),
        ("timeZone", "UTC"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_date_string(lang.code(), &options).into()
}
