//! A receipt's QR code, drawn as SVG (no image crates in the wasm bundle).

use yew::prelude::*;

/// The QR code of a receipt token, as inline SVG.
pub fn qr_svg(token: &str) -> Html {
    match qrcode::QrCode::with_error_correction_level(token.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => {
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .quiet_zone(true)
                .build();
            Html::from_html_unchecked(AttrValue::from(svg))
        }
        Err(_) => html! {},
    }
}
