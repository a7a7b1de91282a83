//! A receipt's QR code, drawn as SVG (no image crates in the wasm bundle).

use yew::prelude::*;

/// The QR code of a receipt token, as inline SVG.
pub fn qr_svg(token: &str) -> Html {
    match qrcode::QrCode::with_error_correction_level(token.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => {
            // At least 4 screen pixels a module, so the denser code of an offline receipt
            // can still be photographed from the screen.
            let size = ((code.width() + 8) * 4).clamp(280, 480);
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .quiet_zone(true)
                .build();
            html! {
                <span class="qr-code" style={format!("--qr-size: {size}px")}>
                    { Html::from_html_unchecked(AttrValue::from(svg)) }
                </span>
            }
        }
        Err(_) => html! {},
    }
}
