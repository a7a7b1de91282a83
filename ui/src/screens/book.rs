//! "Book an appointment", first slice: the offices and what each handles, from the cache.

use crate::app::{StatusContext, use_lang};
use crate::backend::{self, BackendError};
use crate::components::back_button::BackButton;
use crate::t;
use sportello_core::Lang;
use sportello_core::kiosk::CommandError;
use sportello_core::model::{Office, OfficeKind, Procedure};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
}

#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Ready {
        offices: Vec<Office>,
        procedures: Vec<Procedure>,
    },
    Failed(BackendError),
}

#[function_component]
pub fn Book(props: &Props) -> Html {
    let lang = use_lang();
    let load = use_state(|| Load::Loading);
    // Reload whenever new data reaches the cache.
    let cursor = use_context::<StatusContext>().flatten().map(|s| s.cursor);
    {
        let load = load.setter();
        use_effect_with(cursor, move |_| {
            spawn_local(async move {
                let result = async {
                    Ok::<_, BackendError>(Load::Ready {
                        offices: backend::list_offices().await?,
                        procedures: backend::list_procedures(None).await?,
                    })
                }
                .await;
                load.set(result.unwrap_or_else(Load::Failed));
            });
        });
    }

    let content = match &*load {
        Load::Loading => html! { <p class="notice">{ "…" }</p> },
        Load::Failed(BackendError::Command(CommandError::CacheUnavailable)) => {
            html! { <p class="notice error" role="alert">{ t!("error-cache") }</p> }
        }
        Load::Failed(BackendError::Command(CommandError::NotEnrolled)) => {
            html! { <p class="notice error" role="alert">{ t!("kiosk-not-enrolled") }</p> }
        }
        Load::Failed(BackendError::Bridge(detail)) => {
            web_sys::console::error_1(&detail.into());
            html! { <p class="notice error" role="alert">{ t!("error-unexpected") }</p> }
        }
        Load::Ready { offices, .. } if offices.is_empty() => {
            html! { <p class="notice" id="no-offices">{ t!("book-empty") }</p> }
        }
        Load::Ready {
            offices,
            procedures,
        } => html! {
            <ul class="offices">
                { for offices.iter().map(|office| office_card(office, procedures, lang)) }
            </ul>
        },
    };

    html! {
        <section class="book" id="screen-book">
            <BackButton on_back={props.on_back.clone()} />
            <h1>{ t!("book-title") }</h1>
            <p class="notice">{ t!("book-coming-soon") }</p>
            { content }
        </section>
    }
}

fn office_kind(kind: OfficeKind) -> String {
    match kind {
        OfficeKind::Prefettura => t!("office-kind-prefettura"),
        OfficeKind::Questura => t!("office-kind-questura"),
        OfficeKind::Sui => t!("office-kind-sui"),
    }
}

fn office_card(office: &Office, procedures: &[Procedure], lang: Lang) -> Html {
    let handled = procedures.iter().filter(|p| p.office_id == office.id);
    html! {
        <li class="office-card" data-office-id={office.id.clone()}>
            <div class="office-kind">{ office_kind(office.kind) }</div>
            // Official names and addresses stay in Italian: they are what is on the door.
            // <bdi> keeps them left-to-right inside an Arabic card without breaking its layout.
            <h2 class="office-name"><bdi lang="it">{ &office.name }</bdi></h2>
            <p class="office-address"><bdi lang="it">{ office.address.one_line() }</bdi></p>
            <h3>{ t!("office-procedures") }</h3>
            <ul class="procedures">
                { for handled.map(|procedure| {
                    let name = procedure.name.resolve(lang);
                    html! {
                        <li class="procedure" data-procedure-id={procedure.id.clone()}>
                            <bdi class="procedure-name" lang={name.lang.code()}>{ name.text }</bdi>
                            <span class="procedure-meta">
                                { t!("slot-minutes", minutes = procedure.slot_minutes) }
                                if procedure.mediator_recommended {
                                    <span class="tag">{ t!("mediator-recommended") }</span>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </li>
    }
}
