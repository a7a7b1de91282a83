//! The language choice: every language by its own name, in its own script and direction.

use crate::app::use_lang;
use crate::t;
use sportello_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_choose: Callback<Lang>,
}

#[function_component]
pub fn LangPicker(props: &Props) -> Html {
    let current = use_lang();
    html! {
        <section class="lang-picker" aria-labelledby="lang-heading">
            <h2 id="lang-heading">{ t!("choose-language") }</h2>
            <div class="lang-options" role="group">
                { for Lang::ALL.into_iter().map(|lang| {
                    let on_choose = props.on_choose.clone();
                    html! {
                        <button
                            class={classes!("lang-option", (lang == current).then_some("selected"))}
                            data-lang={lang.code()}
                            lang={lang.code()}
                            dir={lang.direction().as_html()}
                            aria-pressed={(lang == current).to_string()}
                            onclick={Callback::from(move |_| on_choose.emit(lang))}>
                            { lang.native_name() }
                        </button>
                    }
                }) }
            </div>
        </section>
    }
}
