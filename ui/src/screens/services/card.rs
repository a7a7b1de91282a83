//! A place's card: what is offered there, the hours, the way to reach it, QR codes for a phone.

use super::*;

pub(super) fn card_view(place: &PlaceCard, lang: Lang, page_qr: bool) -> Html {
    let hours = hours_text(&place.hours);
    html! {
        <article class="place-card" id="place-card" data-id={place.id.clone()}>
            <h1 id="place-name">{ &place.name }</h1>
            <p class="choice-hint">{ &place.organization }</p>
            if place.demo {
                <p class="notice" id="place-demo">{ t!("place-demo") }</p>
            }
            <p class={classes!("place-status", "big", matches!(place.status, Phrase::OpenUntil { .. }).then_some("open"))} id="place-status">
                { phrase_text(&place.status) }
            </p>
            <div class="place-columns">
                <dl class="place-facts">
                    <dt>{ t!("place-address") }</dt>
                    <dd id="place-address"><bdi lang="it">{ &place.address }</bdi>{ " · " }{ distance_text(place.distance_m) }</dd>
                    if !hours.is_empty() {
                        <dt>{ t!("place-hours") }</dt>
                        <dd id="place-hours">{ for hours.iter().map(|line| html! { <div>{ line }</div> }) }</dd>
                    }
                    if !place.phones.is_empty() {
                        <dt>{ t!("place-phone") }</dt>
                        <dd id="place-phones">{ for place.phones.iter().map(|p| html! { <div dir="ltr" class="phone">{ p }</div> }) }</dd>
                    }
                    if let Some(website) = &place.website {
                        <dt>{ t!("place-website") }</dt>
                        <dd dir="ltr">{ website }</dd>
                    }
                    if !place.accessibility.is_empty() {
                        <dt>{ t!("place-accessibility") }</dt>
                        <dd>{ for place.accessibility.iter().map(|a| html! { <div>{ a }</div> }) }</dd>
                    }
                </dl>
                <div class="place-qr">
                    if page_qr {
                        <figure id="place-qr-page" data-url={place.page_url.clone()}>
                            { qr_svg_at(&place.page_url, 200) }
                            <figcaption>{ t!("place-qr-page") }</figcaption>
                        </figure>
                    }
                    <figure id="place-qr-geo" data-url={place.geo_uri.clone()}>
                        { qr_svg_at(&place.geo_uri, 200) }
                        <figcaption>{ t!("place-qr-geo") }</figcaption>
                    </figure>
                </div>
            </div>
            <h2>{ t!("place-services") }</h2>
            <ul class="place-services">
                { for place.services.iter().map(|service| {
                    let hours = hours_text(&service.hours);
                    html! {
                        <li class="place-service">
                            <h3>
                                { for service.categories.iter().map(|c| html! {
                                    <span class={classes!("cat-dot", format!("cat-{}", c.code()))} title={category_name(*c)}>{ category_icon(*c) }</span>
                                }) }
                                { &service.name }
                            </h3>
                            <p class="service-categories">{ service.categories.iter().map(|c| category_name(*c)).collect::<Vec<_>>().join(" · ") }</p>
                            if service.temporarily_closed {
                                <p class="notice error">{ t!("place-temporarily-closed") }</p>
                            }
                            <p>{ &service.description }</p>
                            if !hours.is_empty() {
                                <p><strong>{ t!("place-hours") }{ ": " }</strong>{ hours.join("; ") }</p>
                            }
                            if !service.languages.is_empty() {
                                <p class="service-languages"><strong>{ t!("place-languages") }{ ": " }</strong>
                                    { service.languages.iter().map(|code| language_name(code, lang)).collect::<Vec<_>>().join(", ") }</p>
                            }
                            if !service.documents.is_empty() {
                                <p><strong>{ t!("place-documents") }</strong></p>
                                <ul>{ for service.documents.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                            }
                            if let Some(fees) = &service.fees {
                                <p><strong>{ t!("place-fees") }{ ": " }</strong>{ fees }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
            <p class="attribution"><small>{ t!("map-attribution") }</small></p>
        </article>
    }
}
