//! The on-screen keyboard. A kiosk has no physical keyboard and WebKitGTK raises none, so
//! whenever a text field has the focus this one slides up. It types into whichever field is
//! focused, the way a real keyboard would (the value changes and an `input` event fires), so
//! forms need no wiring of their own. Latin letters always (names on documents are Latin);
//! the script of the chosen language too, where it has one of its own, with a switch.

use crate::app::use_lang;
use crate::t;
use sportello_core::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Latin,
    Arabic,
    Urdu,
    Russian,
    Ukrainian,
    Bengali,
    Gurmukhi,
    Devanagari,
}

impl Layout {
    /// The keys, row by row, separated by spaces: a key may be more than one code point
    /// (ক্ষ, ਸ਼). Vowel signs of the Indic scripts are keys of their own, typed after the
    /// consonant as on every Indic keyboard.
    fn rows(self) -> &'static [&'static str] {
        match self {
            Layout::Latin => &[
                "1 2 3 4 5 6 7 8 9 0",
                "Q W E R T Y U I O P",
                "A S D F G H J K L '",
                "Z X C V B N M - / .",
            ],
            Layout::Arabic => &[
                "١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠",
                "ض ص ث ق ف غ ع ه خ ح ج د",
                "ش س ي ب ل ا ت ن م ك ط",
                "ئ ء ؤ ر ى ة و ز ظ",
            ],
            Layout::Urdu => &[
                "۱ ۲ ۳ ۴ ۵ ۶ ۷ ۸ ۹ ۰",
                "ض ص ث ق ف غ ع ہ خ ح ج چ",
                "ش س ی ب ل ا ت ن م ک گ",
                "ظ ط ز ر ذ ڈ د پ ٹ ڑ",
                "ں ے ھ ء و ژ ئ آ",
            ],
            Layout::Russian => &[
                "1 2 3 4 5 6 7 8 9 0",
                "й ц у к е н г ш щ з х ъ",
                "ф ы в а п р о л д ж э",
                "я ч с м и т ь б ю ё -",
            ],
            Layout::Ukrainian => &[
                "1 2 3 4 5 6 7 8 9 0",
                "й ц у к е н г ш щ з х ї",
                "ф і в а п р о л д ж є",
                "я ч с м и т ь б ю ґ '",
            ],
            Layout::Bengali => &[
                "১ ২ ৩ ৪ ৫ ৬ ৭ ৮ ৯ ০",
                "অ আ ই ঈ উ ঊ ঋ এ ঐ ও ঔ",
                "ক খ গ ঘ ঙ চ ছ জ ঝ ঞ",
                "ট ঠ ড ঢ ণ ত থ দ ধ ন",
                "প ফ ব ভ ম য র ল শ ষ স",
                "হ ড় ঢ় য় ৎ ং ঃ ঁ",
                "া ি ী ু ূ ৃ ে ৈ ো ৌ ্",
            ],
            Layout::Gurmukhi => &[
                "੧ ੨ ੩ ੪ ੫ ੬ ੭ ੮ ੯ ੦",
                "ਅ ਆ ਇ ਈ ਉ ਊ ਏ ਐ ਓ ਔ",
                "ਕ ਖ ਗ ਘ ਙ ਚ ਛ ਜ ਝ ਞ",
                "ਟ ਠ ਡ ਢ ਣ ਤ ਥ ਦ ਧ ਨ",
                "ਪ ਫ ਬ ਭ ਮ ਯ ਰ ਲ ਵ ਸ",
                "ਹ ੜ ਸ਼ ਖ਼ ਗ਼ ਜ਼ ਫ਼ ਂ ੰ ੱ",
                "ਾ ਿ ੀ ੁ ੂ ੇ ੈ ੋ ੌ ੍",
            ],
            Layout::Devanagari => &[
                "१ २ ३ ४ ५ ६ ७ ८ ९ ०",
                "अ आ इ ई उ ऊ ऋ ए ऐ ओ औ",
                "क ख ग घ ङ च छ ज झ ञ",
                "ट ठ ड ढ ण त थ द ध न",
                "प फ ब भ म य र ल व श",
                "ष स ह क्ष त्र ज्ञ ं ः ँ",
                "ा ि ी ु ू ृ े ै ो ौ ्",
            ],
        }
    }

    /// What the switch key says to bring this layout up.
    fn label(self) -> &'static str {
        match self {
            Layout::Latin => "ABC",
            Layout::Arabic => "أبج",
            Layout::Urdu => "اب پ",
            Layout::Russian | Layout::Ukrainian => "АБВ",
            Layout::Bengali => "অআক",
            Layout::Gurmukhi => "ਅਆਕ",
            Layout::Devanagari => "अआक",
        }
    }
}

/// The layout of a language's own script, if it is not Latin. Chinese has none: typing
/// Chinese needs an input method, so Chinese readers type pinyin on the Latin keys.
fn native_layout(lang: Lang) -> Option<Layout> {
    match lang {
        Lang::Ar => Some(Layout::Arabic),
        Lang::Ur => Some(Layout::Urdu),
        Lang::Ru => Some(Layout::Russian),
        Lang::Uk => Some(Layout::Ukrainian),
        Lang::Bn => Some(Layout::Bengali),
        Lang::Pa => Some(Layout::Gurmukhi),
        Lang::Hi => Some(Layout::Devanagari),
        Lang::It | Lang::En | Lang::Fr | Lang::Sq | Lang::Zh | Lang::Ro | Lang::Tl | Lang::Es => {
            None
        }
    }
}

/// A vowel sign or another mark that goes on a letter (Indic scripts).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}'
        | '\u{0981}'..='\u{0983}' | '\u{09BC}'..='\u{09CD}'
        | '\u{0A01}'..='\u{0A03}' | '\u{0A3C}'..='\u{0A4D}' | '\u{0A70}'..='\u{0A71}')
}

fn focused_input() -> Option<HtmlInputElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlInputElement>()
        .ok()
}

thread_local! {
    /// The field last typed in: a re-render may take the focus away between two keys (a list
    /// filtered as the person types), and the next key still belongs to that field.
    static TARGET: std::cell::RefCell<Option<HtmlInputElement>> =
        const { std::cell::RefCell::new(None) };
}

/// The field keys type into: the focused one, or the last one while it is on the page.
fn target_input() -> Option<HtmlInputElement> {
    if let Some(input) = focused_input() {
        return Some(input);
    }
    let last = TARGET.with(|target| target.borrow().clone())?;
    // A re-render may also have replaced the field with a new one of the same id.
    let last = if last.is_connected() {
        last
    } else {
        web_sys::window()?
            .document()?
            .get_element_by_id(&last.id())?
            .dyn_into::<HtmlInputElement>()
            .ok()?
    };
    let _ = last.focus();
    TARGET.with(|target| *target.borrow_mut() = Some(last.clone()));
    Some(last)
}

/// Types `text` at the caret of the field (or deletes before it when `None`).
fn type_into(text: Option<&str>) {
    let Some(input) = target_input() else {
        return;
    };
    let value: Vec<char> = input.value().chars().collect();
    let end = input
        .selection_end()
        .ok()
        .flatten()
        .map_or(value.len(), |at| at as usize)
        .min(value.len());
    let start = input
        .selection_start()
        .ok()
        .flatten()
        .map_or(end, |at| at as usize)
        .min(end);
    let (before, after) = (&value[..start], &value[end..]);
    let (before, caret) = match text {
        Some(text) => {
            let typed: String = before.iter().collect::<String>() + text;
            let caret = typed.chars().count();
            (typed, caret)
        }
        None if start < end => (before.iter().collect(), start),
        None => {
            let kept = start.saturating_sub(1);
            (value[..kept].iter().collect(), kept)
        }
    };
    let next = before + &after.iter().collect::<String>();
    input.set_value(&next);
    let caret = u32::try_from(caret).unwrap_or(0);
    let _ = input.set_selection_range(caret, caret);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    }) {
        let _ = input.dispatch_event(&event);
    }
}

/// How much of the screen the keyboard takes, from the bottom (see `.keyboard-spacer`).
const KEYBOARD_HEIGHT: f64 = 400.0;

/// Scrolls the page so the field being typed in stays in sight above the keyboard.
fn keep_above_keyboard(input: &HtmlInputElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let visible_bottom = window
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(800.0)
        - KEYBOARD_HEIGHT
        - 24.0;
    let rect = input.get_bounding_client_rect();
    if rect.bottom() > visible_bottom || rect.top() < 0.0 {
        window.scroll_by_with_x_and_y(0.0, rect.bottom() - visible_bottom);
    }
}

#[function_component]
pub fn Keyboard() -> Html {
    let lang = use_lang();
    let visible = use_state(|| false);
    // The layout the person switched to in this field, if they did.
    let layout = use_state(|| None::<Layout>);
    {
        // Another language (or the next person, who starts in Italian): its own layout.
        let layout = layout.setter();
        use_effect_with(lang, move |_| layout.set(None));
    }
    // The focused field is written left to right in Latin letters (names, numbers, dates).
    let latin_field = use_state(|| false);
    {
        // Shown while a text field has the focus.
        let visible = visible.setter();
        let layout = layout.setter();
        let latin_field = latin_field.setter();
        use_effect_with((), move |()| {
            let document = web_sys::window().and_then(|window| window.document());
            let changed = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                let typing = focused_input().is_some_and(|input| {
                    matches!(
                        input.type_().as_str(),
                        "text" | "search" | "tel" | "password"
                    )
                });
                // Focus lost to nothing (a re-render) keeps the keyboard; focus given to
                // something else (a button, a checkbox) or "done" closes it.
                let to_nothing = web_sys::window()
                    .and_then(|window| window.document())
                    .and_then(|document| document.active_element())
                    .is_none_or(|element| element.tag_name() == "BODY");
                if typing || !to_nothing {
                    visible.set(typing);
                }
                if typing && let Some(input) = focused_input() {
                    let new_field = TARGET.with(|target| {
                        target
                            .borrow()
                            .as_ref()
                            .is_none_or(|last| !last.is_same_node(Some(&input)))
                    });
                    TARGET.with(|target| *target.borrow_mut() = Some(input.clone()));
                    // A new field opens on its own layout: Latin for fields written left to
                    // right (names, numbers, dates), the language's script for the others.
                    if new_field {
                        layout.set(None);
                    }
                    latin_field.set(input.dir() == "ltr");
                    keep_above_keyboard(&input);
                }
            });
            if let Some(document) = &document {
                for event in ["focusin", "focusout"] {
                    let _ = document
                        .add_event_listener_with_callback(event, changed.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(document) = &document {
                    for event in ["focusin", "focusout"] {
                        let _ = document.remove_event_listener_with_callback(
                            event,
                            changed.as_ref().unchecked_ref(),
                        );
                    }
                }
                drop(changed);
            }
        });
    }
    if !*visible {
        return html! {};
    }
    let native = native_layout(lang);
    let current = match (*layout, native) {
        (_, None) => Layout::Latin,
        (Some(chosen), Some(_)) => chosen,
        (None, Some(_)) if *latin_field => Layout::Latin,
        (None, Some(native)) => native,
    };
    let rows = current.rows();
    // Keys act on pointer-down and keep the focus in the field: a button that took the focus
    // would close the keyboard at the first tap.
    let key = |label: String, text: Option<String>, class: &'static str| {
        let press = Callback::from(move |event: PointerEvent| {
            event.prevent_default();
            type_into(text.as_deref());
        });
        let hold_focus = Callback::from(|event: MouseEvent| event.prevent_default());
        html! {
            <button class={classes!("key", class)} data-key={label.clone()} tabindex="-1"
                    onpointerdown={press} onmousedown={hold_focus}>
                { label }
            </button>
        }
    };
    let switch = native.map(|native| {
        let layout = layout.clone();
        let target = if current == Layout::Latin {
            native
        } else {
            Layout::Latin
        };
        let label = target.label();
        let press = Callback::from(move |event: PointerEvent| {
            event.prevent_default();
            layout.set(Some(target));
        });
        let hold_focus = Callback::from(|event: MouseEvent| event.prevent_default());
        html! {
            <button class="key wide" id="keyboard-switch" tabindex="-1"
                    onpointerdown={press} onmousedown={hold_focus}>{ label }</button>
        }
    });
    let done = {
        let visible = visible.setter();
        Callback::from(move |event: PointerEvent| {
            event.prevent_default();
            TARGET.with(|target| *target.borrow_mut() = None);
            if let Some(input) = focused_input() {
                let _ = input.blur();
            }
            visible.set(false);
        })
    };
    html! {
        <>
        // Room below the page, so the focused field can scroll above the keyboard.
        <div class="keyboard-spacer" aria-hidden="true"></div>
        <div class={classes!("keyboard", (rows.len() > 4).then_some("dense"))} id="keyboard" dir="ltr"
             data-layout={format!("{current:?}").to_lowercase()} role="group" aria-label={t!("keyboard")}>
            { for rows.iter().map(|row| html! {
                <div class="key-row">
                    { for row.split(' ').map(|typed| {
                        // A sign that goes on a letter is shown on a dotted circle, as
                        // keyboards do.
                        let shown = if typed.chars().next().is_some_and(is_mark) {
                            format!("\u{25CC}{typed}")
                        } else {
                            typed.to_owned()
                        };
                        key(shown, Some(typed.to_owned()), "")
                    }) }
                </div>
            }) }
            <div class="key-row">
                { switch.unwrap_or_default() }
                { key(t!("keyboard-space"), Some(" ".to_owned()), "space") }
                { key("⌫".to_owned(), None, "wide") }
                <button class="key wide done" id="keyboard-done" tabindex="-1" onpointerdown={done}>
                    { t!("keyboard-done") }
                </button>
            </div>
        </div>
        </>
    }
}
