//! The kiosk's shell: calls into its backend (Tauri commands and events) from the wasm side.

use serde::Serialize;
use serde::de::DeserializeOwned;
use sportello_core::Lang;
use sportello_core::booking::CitizenProof;
use sportello_core::booking::{ConfirmRequest, Hold, HoldRequest};
use sportello_core::directory::view::{MapBase, MapTile, PlaceCard, PlaceFilter, PlaceList};
use sportello_core::faq::{FaqCategory, FaqEntry};
use sportello_core::identity::Person;
use sportello_core::kiosk::FaqItem;
use sportello_core::kiosk::{
    BookOutcome, CancelOutcome, CommandError, HoldOutcome, KioskStatus, LoginOutcome,
    LookupOutcome, PrintedReceipt, RescheduleOutcome, STATUS_EVENT, SlotList, UiSettings,
};
use sportello_core::model::{Office, Procedure};
use wasm_bindgen::prelude::*;

use super::BackendError;

#[wasm_bindgen]
extern "C" {
    // Injected by Tauri (`app.withGlobalTauri`).
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
    async fn tauri_invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], js_name = listen, catch)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

async fn invoke<T: DeserializeOwned>(
    command: &str,
    args: impl Serialize,
) -> Result<T, BackendError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    let args = args
        .serialize(&serializer)
        .map_err(|err| BackendError::Bridge(err.to_string()))?;
    match tauri_invoke(command, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|err| BackendError::Bridge(format!("{command}: {err}"))),
        Err(error) => Err(
            serde_wasm_bindgen::from_value::<CommandError>(error.clone())
                .map(BackendError::Command)
                .unwrap_or_else(|_| BackendError::Bridge(format!("{command}: {error:?}"))),
        ),
    }
}

#[derive(Serialize)]
struct NoArgs {}

pub async fn kiosk_status() -> Result<KioskStatus, BackendError> {
    invoke("kiosk_status", NoArgs {}).await
}

pub async fn list_offices() -> Result<Vec<Office>, BackendError> {
    invoke("list_offices", NoArgs {}).await
}

pub async fn list_procedures(office_id: Option<&str>) -> Result<Vec<Procedure>, BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args<'a> {
        office_id: Option<&'a str>,
    }
    invoke("list_procedures", Args { office_id }).await
}

pub async fn free_slots(procedure_id: &str) -> Result<SlotList, BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args<'a> {
        procedure_id: &'a str,
    }
    invoke("free_slots", Args { procedure_id }).await
}

pub async fn hold_slot(request: &HoldRequest) -> Result<HoldOutcome, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        request: &'a HoldRequest,
    }
    invoke("hold_slot", Args { request }).await
}

pub async fn release_hold(hold_id: &str) -> Result<(), BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args<'a> {
        hold_id: &'a str,
    }
    invoke("release_hold", Args { hold_id }).await
}

pub async fn confirm_booking(
    hold: &Hold,
    request: &ConfirmRequest,
) -> Result<BookOutcome, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        hold: &'a Hold,
        request: &'a ConfirmRequest,
    }
    invoke("confirm_booking", Args { hold, request }).await
}

pub async fn booking_outcome(outbox_id: i64) -> Result<BookOutcome, BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        outbox_id: i64,
    }
    invoke("booking_outcome", Args { outbox_id }).await
}

pub async fn book_leased(
    lease_id: &str,
    person: &Person,
    mediator_language: Option<&str>,
) -> Result<BookOutcome, BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args<'a> {
        lease_id: &'a str,
        person: &'a Person,
        mediator_language: Option<&'a str>,
    }
    invoke(
        "book_leased",
        Args {
            lease_id,
            person,
            mediator_language,
        },
    )
    .await
}

pub async fn lookup_booking(
    code: &str,
    proof: &CitizenProof,
) -> Result<LookupOutcome, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        code: &'a str,
        proof: &'a CitizenProof,
    }
    invoke("lookup_booking", Args { code, proof }).await
}

pub async fn cancel_booking(
    booking: &sportello_core::booking::Booking,
    proof: &CitizenProof,
) -> Result<CancelOutcome, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        booking: &'a sportello_core::booking::Booking,
        proof: &'a CitizenProof,
    }
    invoke("cancel_booking", Args { booking, proof }).await
}

pub async fn print_receipt(receipt: &PrintedReceipt) -> Result<(), BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        receipt: &'a PrintedReceipt,
    }
    invoke("print_receipt", Args { receipt }).await
}

pub async fn operator_login(username: &str, password: &str) -> Result<LoginOutcome, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        username: &'a str,
        password: &'a str,
    }
    invoke("operator_login", Args { username, password }).await
}

pub async fn operator_logout() -> Result<(), BackendError> {
    invoke("operator_logout", NoArgs {}).await
}

pub async fn operator_change_password(
    old_password: &str,
    new_password: &str,
) -> Result<sportello_core::kiosk::PasswordChangeOutcome, BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args<'a> {
        old_password: &'a str,
        new_password: &'a str,
    }
    invoke(
        "operator_change_password",
        Args {
            old_password,
            new_password,
        },
    )
    .await
}

pub async fn current_operator() -> Result<Option<sportello_core::kiosk::OperatorInfo>, BackendError>
{
    invoke("current_operator", NoArgs {}).await
}

pub async fn operator_bookings()
-> Result<Option<Vec<sportello_core::kiosk::OperatorBooking>>, BackendError> {
    invoke("operator_bookings", NoArgs {}).await
}

pub async fn operator_cancel(
    booking: &sportello_core::booking::Booking,
) -> Result<CancelOutcome, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        booking: &'a sportello_core::booking::Booking,
    }
    invoke("operator_cancel", Args { booking }).await
}

pub async fn reschedule_booking(
    booking: &sportello_core::booking::Booking,
    proof: Option<&CitizenProof>,
    office_id: &str,
    start: jiff::Timestamp,
) -> Result<RescheduleOutcome, BackendError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args<'a> {
        booking: &'a sportello_core::booking::Booking,
        proof: Option<&'a CitizenProof>,
        office_id: &'a str,
        start: jiff::Timestamp,
    }
    invoke(
        "reschedule_booking",
        Args {
            booking,
            proof,
            office_id,
            start,
        },
    )
    .await
}

pub async fn ui_settings() -> Result<UiSettings, BackendError> {
    invoke("ui_settings", NoArgs {}).await
}

pub async fn sync_now() -> Result<(), BackendError> {
    invoke("sync_now", NoArgs {}).await
}

/// Calls `on_status` with every status the backend announces, for as long as the page lives.
pub async fn on_status_change(
    on_status: impl Fn(KioskStatus) + 'static,
) -> Result<(), BackendError> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        // Tauri events arrive as `{ event, id, payload }`.
        let payload = js_sys::Reflect::get(&event, &"payload".into()).unwrap_or(JsValue::NULL);
        match serde_wasm_bindgen::from_value::<KioskStatus>(payload) {
            Ok(status) => on_status(status),
            Err(err) => web_sys::console::error_1(&format!("{STATUS_EVENT}: {err}").into()),
        }
    });
    tauri_listen(STATUS_EVENT, &handler)
        .await
        .map_err(|err| BackendError::Bridge(format!("listen: {err:?}")))?;
    // The listener stays registered for the page's lifetime, so its closure must too.
    handler.forget();
    Ok(())
}

/// The questions and answers for `lang`: matching `query`, or all; of one category, or all.
pub async fn faq_list(
    lang: Lang,
    query: Option<&str>,
    category: Option<FaqCategory>,
) -> Result<Vec<FaqItem>, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        lang: Lang,
        query: Option<&'a str>,
        category: Option<FaqCategory>,
    }
    invoke(
        "faq_list",
        Args {
            lang,
            query,
            category,
        },
    )
    .await
}

pub async fn faq_entry(id: &str) -> Result<Option<FaqEntry>, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        id: &'a str,
    }
    invoke("faq_entry", Args { id }).await
}

/// The services map's places matching `filter`, nearest first, in `lang`.
pub async fn places(filter: &PlaceFilter, lang: Lang) -> Result<PlaceList, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        filter: &'a PlaceFilter,
        lang: Lang,
    }
    invoke("places", Args { filter, lang }).await
}

pub async fn place_card(id: &str, lang: Lang) -> Result<Option<PlaceCard>, BackendError> {
    #[derive(Serialize)]
    struct Args<'a> {
        id: &'a str,
        lang: Lang,
    }
    invoke("place_card", Args { id, lang }).await
}

pub async fn map_base() -> Result<MapBase, BackendError> {
    invoke("map_base", NoArgs {}).await
}

/// A tile of the deployer's street map, if it has one there.
pub async fn map_tile(z: u8, x: u32, y: u32) -> Result<Option<MapTile>, BackendError> {
    #[derive(Serialize)]
    struct Args {
        z: u8,
        x: u32,
        y: u32,
    }
    invoke("map_tile", Args { z, x, y }).await
}
