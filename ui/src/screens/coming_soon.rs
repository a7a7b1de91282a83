//! What a tile not built yet opens: a plain statement, and the way back.

use crate::app::use_lang;
use crate::components::back_button::BackButton;
use crate::t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub title: AttrValue,
    pub on_back: Callback<()>,
}

#[function_component]
pub fn ComingSoon(props: &Props) -> Html {
    let _lang = use_lang();
    html! {
        <section class="coming-soon" id={format!("screen-{}", props.id)}>
            <BackButton on_back={props.on_back.clone()} />
            <h1>{ props.title.clone() }</h1>
            <p class="notice">{ t!("coming-soon-body") }</p>
        </section>
    }
}
