use crate::components::icons;
use crate::t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_back: Callback<()>,
}

/// The way back to the home screen; its arrow points left, or right in RTL (see the CSS).
#[function_component]
pub fn BackButton(props: &Props) -> Html {
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    html! {
        <button class="back" id="back" onclick={on_back}>
            <span class="back-arrow" aria-hidden="true">{ icons::arrow_back() }</span>
            { t!("back") }
        </button>
    }
}
