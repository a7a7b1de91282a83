//! Questions and answers: the most asked first, by category, or found by typing (in any
//! language: Italian words find answers in every language). Read from the kiosk's cache, so
//! it works offline. An answer missing in the person's language is shown in the best one it
//! has, and says so; a machine translation says so too.

use crate::app::{StatusContext, use_lang};
use crate::backend;
use crate::components::back_button::BackButton;
use crate::t;
use sportello_core::Lang;
use sportello_core::faq::{
    Block, FaqCategory, FaqEntry, Inline, LinkTarget, TranslationStatus, parse_answer,
};
use sportello_core::kiosk::FaqItem;
use sportello_core::model::Office;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
    /// Opens the booking wizard on a procedure an answer links to.
    pub on_book: Callback<String>,
}

fn category_name(category: FaqCategory) -> String {
    match category {
        FaqCategory::StayPermit => t!("category-stay-permit"),
        FaqCategory::Family => t!("category-family"),
        FaqCategory::Work => t!("category-work"),
        FaqCategory::Citizenship => t!("category-citizenship"),
        FaqCategory::Protection => t!("category-protection"),
        FaqCategory::Health => t!("category-health"),
        FaqCategory::School => t!("category-school"),
        FaqCategory::Housing => t!("category-housing"),
        FaqCategory::Documents => t!("category-documents"),
        FaqCategory::Integration => t!("category-integration"),
    }
}

#[function_component]
pub fn Faq(props: &Props) -> Html {
    let lang = use_lang();
    let query = use_state(String::new);
    let category = use_state(|| None::<FaqCategory>);
    let items = use_state(|| None::<Vec<FaqItem>>);
    let open = use_state(|| None::<FaqEntry>);
    let offices = use_state(Vec::<Office>::new);
    let cursor = use_context::<StatusContext>().flatten().map(|s| s.cursor);
    {
        let items = items.setter();
        // Answers can come back out of order (a typo search takes longer): only the answer to
        // the latest question is shown.
        let latest = use_mut_ref(|| 0u64);
        let deps = ((*query).clone(), *category, lang, cursor);
        use_effect_with(deps, move |(query, category, lang, _)| {
            let (query, category, lang) = (query.clone(), *category, *lang);
            let asked = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            spawn_local(async move {
                let found = backend::faq_list(lang, Some(query.as_str()), category).await;
                if *latest.borrow() == asked {
                    items.set(Some(found.unwrap_or_default()));
                }
            });
        });
    }
    {
        let offices = offices.setter();
        use_effect_with(cursor, move |_| {
            spawn_local(async move {
                if let Ok(list) = backend::list_offices().await {
                    offices.set(list);
                }
            });
        });
    }

    if let Some(entry) = &*open {
        let close = {
            let open = open.setter();
            Callback::from(move |()| open.set(None))
        };
        return html! {
            <section class="faq" id="screen-faq-entry">
                <BackButton on_back={close} />
                { answer_view(entry, lang, &offices, &props.on_book) }
            </section>
        };
    }

    let on_search = {
        let query = query.setter();
        Callback::from(move |event: InputEvent| {
            query.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let chip = |value: Option<FaqCategory>, label: String, id: String| {
        let setter = category.setter();
        let selected = *category == value;
        html! {
            <button class={classes!("chip", selected.then_some("selected"))} id={id}
                    aria-pressed={selected.to_string()}
                    onclick={Callback::from(move |_| setter.set(value))}>{ label }</button>
        }
    };
    let list = match &*items {
        None => html! {},
        Some(items) if items.is_empty() => html! {
            <p class="notice" id="faq-none">{ t!("faq-none") }</p>
        },
        Some(items) => html! {
            <ul class="choices faq-list">
                { for items.iter().map(|item| {
                    let choose = {
                        let open = open.setter();
                        let id = item.id.clone();
                        Callback::from(move |_: MouseEvent| {
                            let open = open.clone();
                            let id = id.clone();
                            spawn_local(async move {
                                if let Ok(Some(entry)) = backend::faq_entry(&id).await {
                                    open.set(Some(entry));
                                }
                            });
                        })
                    };
                    html! {
                        <li>
                            <button class="choice faq-item" data-id={item.id.clone()}
                                    data-lang={item.lang.code()} onclick={choose}>
                                <span class="choice-title" lang={item.lang.code()}
                                      dir={item.lang.direction().as_html()}>{ &item.question }</span>
                                <span class="choice-hint">{ category_name(item.category) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="faq" id="screen-faq">
            <BackButton on_back={props.on_back.clone()} />
            <h1>{ t!("tile-faq") }</h1>
            <input class="search" id="faq-search" type="search" value={(*query).clone()}
                   placeholder={t!("faq-search")} oninput={on_search} autocomplete="off" />
            <div class="chips" role="group">
                { chip(None, t!("faq-all"), "faq-cat-all".to_owned()) }
                { for FaqCategory::ALL.into_iter().map(|c| chip(Some(c), category_name(c), format!("faq-cat-{}", c.as_str()))) }
            </div>
            { list }
        </section>
    }
}

/// One answer: the question, a word on its language if it is not the person's, the answer,
/// and its sources.
fn answer_view(
    entry: &FaqEntry,
    lang: Lang,
    offices: &[Office],
    on_book: &Callback<String>,
) -> Html {
    let (shown, text) = entry.text(lang);
    let blocks = parse_answer(&text.answer).unwrap_or_default();
    let inline = |run: &Inline| -> Html {
        match run {
            Inline::Text { text } => html! { { text.clone() } },
            Inline::Bold { text } => html! { <strong>{ text.clone() }</strong> },
            Inline::Link {
                text,
                target: LinkTarget::Procedure(id),
            } => {
                let book = on_book.reform({
                    let id = id.clone();
                    move |_: MouseEvent| id.clone()
                });
                html! {
                    <button class="link-button faq-book" data-procedure-id={id.clone()} onclick={book}>
                        { text.clone() }
                    </button>
                }
            }
            Inline::Link {
                text,
                target: LinkTarget::Office(id),
            } => {
                let place = offices
                    .iter()
                    .find(|office| &office.id == id)
                    .map(|office| format!(" ({}, {})", office.name, office.address.one_line()));
                html! {
                    <span class="faq-place" data-office-id={id.clone()}>
                        <strong>{ text.clone() }</strong>
                        if let Some(place) = place { <bdi lang="it">{ place }</bdi> }
                    </span>
                }
            }
            Inline::Link {
                text,
                target: LinkTarget::Web(url),
            } => html! {
                // A kiosk opens no web pages: the address, to read or to photograph.
                <span class="faq-web">{ text.clone() }{ " " }<bdi dir="ltr" class="faq-url">{ url.clone() }</bdi></span>
            },
        }
    };
    let runs = |runs: &Vec<Inline>| html! { { for runs.iter().map(inline) } };
    html! {
        <article class="faq-answer" id="faq-answer" data-id={entry.id.clone()} data-lang={shown.code()}
                 lang={shown.code()} dir={shown.direction().as_html()}>
            if shown != lang {
                <p class="notice" id="faq-fallback" role="note" lang={lang.code()} dir={lang.direction().as_html()}>
                    { t!("faq-fallback", language = shown.native_name()) }
                </p>
            } else if text.status == TranslationStatus::MachineDraft {
                <p class="notice" id="faq-draft" role="note">{ t!("faq-draft") }</p>
            }
            <h2 class="faq-question">{ &text.question }</h2>
            { for blocks.iter().map(|block| match block {
                Block::Paragraph(content) => html! { <p>{ runs(content) }</p> },
                Block::List(items) => html! {
                    <ul>{ for items.iter().map(|item| html! { <li>{ runs(item) }</li> }) }</ul>
                },
            }) }
            <footer class="faq-sources" lang={lang.code()} dir={lang.direction().as_html()}>
                <h3>{ t!("faq-sources") }</h3>
                <ul>
                    { for entry.sources.iter().map(|source| html! {
                        <li><bdi>{ &source.title }</bdi>{ " – " }<bdi dir="ltr" class="faq-url">{ &source.url }</bdi></li>
                    }) }
                </ul>
                <p class="choice-hint">{ t!("faq-reviewed", date = crate::format::long_date(entry.reviewed, lang)) }</p>
            </footer>
        </article>
    }
}
