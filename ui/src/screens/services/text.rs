//! The map's words and signs: categories by name, colour and icon, opening hours, distances.

use super::*;

pub fn category_name(category: Category) -> String {
    match category {
        Category::ItalianCourses => t!("svc-italian_courses"),
        Category::WorkTraining => t!("svc-work_training"),
        Category::Housing => t!("svc-housing"),
        Category::Health => t!("svc-health"),
        Category::SchoolMinors => t!("svc-school_minors"),
        Category::LegalImmigration => t!("svc-legal_immigration"),
        Category::Mediation => t!("svc-mediation"),
        Category::SocialServices => t!("svc-social_services"),
        Category::Associations => t!("svc-associations"),
    }
}

/// Colours far enough apart for the common colour blindnesses, each with its icon as well
/// (the same as the `.cat-*` classes of the stylesheet, which colour the list's dots).
pub(super) fn category_color(category: Category) -> &'static str {
    match category {
        Category::ItalianCourses => "#1f5fbf",
        Category::WorkTraining => "#8a4b08",
        Category::Housing => "#6b3fa0",
        Category::Health => "#b3261e",
        Category::SchoolMinors => "#0b7a75",
        Category::LegalImmigration => "#1a1a1a",
        Category::Mediation => "#c2185b",
        Category::SocialServices => "#2e7d32",
        Category::Associations => "#a15c00",
    }
}

/// A category's icon in a line of text.
pub(super) fn category_icon(category: Category) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8"
             stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">{ category_glyph(category) }</svg>
    }
}

/// A category's 24×24 line drawing, to go inside an icon or a map marker (no nested `<svg>`
/// on the map: WebKit would size it to the whole map).
pub(super) fn category_glyph(category: Category) -> Html {
    match category {
        // An open book.
        Category::ItalianCourses => html! {<>
            <path d="M3 5c3-1 6-1 9 1v14c-3-2-6-2-9-1z" /><path d="M21 5c-3-1-6-1-9 1v14c3-2 6-2 9-1z" />
        </>},
        // A briefcase.
        Category::WorkTraining => html! {<>
            <rect x="3" y="7" width="18" height="13" rx="2" /><path d="M9 7V5h6v2M3 12h18" />
        </>},
        // A house.
        Category::Housing => html! {<>
            <path d="M3 11l9-7 9 7" /><path d="M5 10v10h14V10" /><path d="M10 20v-6h4v6" />
        </>},
        // A cross.
        Category::Health => html! {<>
            <path d="M9 3h6v6h6v6h-6v6H9v-6H3V9h6z" />
        </>},
        // A graduation cap.
        Category::SchoolMinors => html! {<>
            <path d="M2 9l10-5 10 5-10 5z" /><path d="M6 11v5c3 2 9 2 12 0v-5" />
        </>},
        // Scales.
        Category::LegalImmigration => html! {<>
            <path d="M12 3v18M7 21h10M4 7h16" /><path d="M4 7l-2 6h4zM20 7l-2 6h4z" />
        </>},
        // Two speech bubbles.
        Category::Mediation => html! {<>
            <path d="M3 5h11v7H8l-3 3v-3H3z" /><path d="M10 14v2h6l3 3v-3h2V9h-4" />
        </>},
        // A hand holding a heart.
        Category::SocialServices => html! {<>
            <path d="M12 13s-5-3-5-6a2.5 2.5 0 0 1 5-1 2.5 2.5 0 0 1 5 1c0 3-5 6-5 6z" />
            <path d="M3 16h5l3 2h6l4-3" />
        </>},
        // People.
        Category::Associations => html! {<>
            <circle cx="8" cy="8" r="3" /><circle cx="17" cy="9" r="2.5" />
            <path d="M2 20c0-4 3-6 6-6s6 2 6 6M14 15c3-1 7 0 8 4" />
        </>},
    }
}

pub(super) fn day_name(code: &str) -> String {
    match code {
        "mo" => t!("day-mo"),
        "tu" => t!("day-tu"),
        "we" => t!("day-we"),
        "th" => t!("day-th"),
        "fr" => t!("day-fr"),
        "sa" => t!("day-sa"),
        _ => t!("day-su"),
    }
}

pub fn phrase_text(phrase: &Phrase) -> String {
    match phrase {
        Phrase::OpenUntil { time } => t!("place-open-until", time = time.clone()),
        Phrase::OpensToday { time } => t!("place-opens-today", time = time.clone()),
        Phrase::OpensTomorrow { time } => t!("place-opens-tomorrow", time = time.clone()),
        Phrase::OpensOn { day, time } => {
            t!("place-opens-at", day = day_name(day), time = time.clone())
        }
        Phrase::OpensOnDate { day, date, time } => t!(
            "place-opens-at",
            day = format!("{} {date}", day_name(day)),
            time = time.clone()
        ),
        Phrase::ClosedForNow => t!("place-temporarily-closed"),
        Phrase::NoHours => t!("place-no-hours"),
    }
}

pub(super) fn distance_text(metres: u32) -> String {
    if metres < 1000 {
        t!("map-distance-m", metres = (metres / 10 * 10).to_string())
    } else {
        let km = f64::from(metres) / 1000.0;
        let km = if km < 10.0 {
            format!("{km:.1}")
        } else {
            format!("{km:.0}")
        };
        t!("map-distance-km", km = km)
    }
}

pub(super) fn hours_text(lines: &[HoursLine]) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let codes: Vec<&str> = line.days.iter().map(String::as_str).collect();
            let days: Vec<String> = day_runs(&codes)
                .into_iter()
                .map(|run| match run {
                    DayRun::One(day) => day_name(day),
                    DayRun::Range(first, last) => format!("{}–{}", day_name(first), day_name(last)),
                })
                .collect();
            match &line.validity {
                Some(validity) => {
                    format!(
                        "{} {}–{} ({validity})",
                        days.join(", "),
                        line.opens,
                        line.closes
                    )
                }
                None => format!("{} {}–{}", days.join(", "), line.opens, line.closes),
            }
        })
        .collect()
}
