//! QR codes drawn as SVG (no image crates in the wasm bundle). The size goes into the SVG's
//! own width and height: the kiosk's content security policy allows no inline styles.

use yew::prelude::*;

/// A receipt's QR code: at least 4 screen pixels a module, so the denser code of an offline
/// receipt can still be photographed from the screen.
pub fn qr_svg(token: &str) -> Html {
    qr_code(token, |width| ((width + 8) * 4).clamp(280, 480))
}

/// A QR code at least `size` pixels wide (more if 4 pixels a module need it).
pub fn qr_svg_at(data: &str, size: u32) -> Html {
    qr_code(data, |width| ((width + 8) * 4).max(size))
}

fn qr_code(data: &str, size: impl Fn(u32) -> u32) -> Html {
    match qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M) {
        Ok(code) => {
            let side = size(code.width() as u32);
            let svg = code
                .render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(side, side)
                .quiet_zone(true)
                .build();
            html! {
                <span class="qr-code">
                    { Html::from_html_unchecked(AttrValue::from(svg)) }
                </span>
            }
        }
        Err(_) => html! {},
    }
}
