//! The first screen: choose a language, then one of three large tiles.

use crate::app::{Screen, use_lang};
use crate::components::{icons, lang_picker::LangPicker};
use crate::t;
use sportello_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_language: Callback<Lang>,
    pub on_open: Callback<Screen>,
}

#[function_component]
pub fn Home(props: &Props) -> Html {
    // Re-render on a language change even though the props stay the same.
    let _lang = use_lang();
    let tile = |id: &'static str, screen: Screen, icon: Html, title: String, hint: String| {
        let on_open = props.on_open.reform(move |_: MouseEvent| screen);
        html! {
            <button id={id} class="tile" onclick={on_open}>
                <span class="tile-icon">{ icon }</span>
                <span class="tile-title">{ title }</span>
                <span class="tile-hint">{ hint }</span>
            </button>
        }
    };
    html! {
        <div class="home">
            <LangPicker on_choose={props.on_language.clone()} />
            <h1 class="home-question">{ t!("home-question") }</h1>
            <nav class="tiles">
                { tile("tile-book", Screen::Book, icons::calendar(), t!("tile-book"), t!("tile-book-hint")) }
                { tile("tile-faq", Screen::Faq, icons::question(), t!("tile-faq"), t!("tile-faq-hint")) }
                { tile("tile-map", Screen::Map, icons::map_pin(), t!("tile-map"), t!("tile-map-hint")) }
            </nav>
            <button class="secondary" id="manage-booking"
                    onclick={props.on_open.reform(|_: MouseEvent| Screen::Manage)}>
                { t!("manage-entry") }
            </button>
            // Discreet: for the operators of comuni and patronati, not for the public.
            <button class="operator-entry" id="operator-entry"
                    onclick={props.on_open.reform(|_: MouseEvent| Screen::Operator)}>
                { t!("operator-entry") }
            </button>
        </div>
    }
}
