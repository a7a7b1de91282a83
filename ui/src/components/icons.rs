//! Line icons, drawn inline so the kiosk needs no icon font and no network.

use yew::prelude::*;

fn icon(paths: Html) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8"
             stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
            { paths }
        </svg>
    }
}

pub fn calendar() -> Html {
    icon(html! {<>
        <rect x="3" y="5" width="18" height="16" rx="2" />
        <path d="M3 10h18M8 3v4M16 3v4" />
        <path d="M8 14h2M14 14h2M8 18h2" />
    </>})
}

pub fn question() -> Html {
    icon(html! {<>
        <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
        <path d="M10 9.5a2.2 2.2 0 1 1 3 2c-.7.3-1 .8-1 1.5" />
        <path d="M12 16h.01" />
    </>})
}

pub fn map_pin() -> Html {
    icon(html! {<>
        <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" />
        <circle cx="12" cy="9.5" r="2.5" />
    </>})
}

pub fn arrow_back() -> Html {
    icon(html! { <path d="M19 12H5M11 6l-6 6 6 6" /> })
}
