//! The desk's camera: where the browser lets the page use one, the receipt's QR code is read
//! from the picture and handed to the desk as if a scanner had typed it. The reading is rqrr
//! in wasm, the same in every browser: `BarcodeDetector` is missing from Chromium on Linux and
//! Windows and from Firefox, which is what office PCs run.

use crate::t;
use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};
use yew::prelude::*;

/// How wide the picture is read: enough for a receipt held up to the camera, and quick in wasm.
const READ_WIDTH: f64 = 640.0;
/// How often the picture is read while the camera is on.
const READ_EVERY_MS: u32 = 250;

/// The text of the first QR code found in a greyscale picture, `width` pixels a row.
pub fn read_qr(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    if width == 0 || Some(luma.len()) != width.checked_mul(height) {
        return None;
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

/// The grey of each pixel of an RGBA picture (ITU-R BT.601 weights).
fn luma_of(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|pixel| {
            let weighted =
                u32::from(pixel[0]) * 77 + u32::from(pixel[1]) * 150 + u32::from(pixel[2]) * 29;
            (weighted >> 8) as u8
        })
        .collect()
}

/// Whether the browser can offer a camera at all (a secure page with `mediaDevices`).
pub fn available() -> bool {
    web_sys::window().is_some_and(|window| {
        window.is_secure_context()
            && js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("mediaDevices"))
                .unwrap_or(false)
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Off,
    Starting,
    On,
    Unavailable,
}

#[derive(Properties, PartialEq)]
pub struct CameraProps {
    /// What the QR code says, once read; the camera is off by then.
    pub on_read: Callback<String>,
}

#[function_component]
pub fn Camera(props: &CameraProps) -> Html {
    let phase = use_state(|| Phase::Off);
    let video = use_node_ref();
    let stream: Rc<RefCell<Option<MediaStream>>> = use_mut_ref(|| None);
    let canvas: Rc<RefCell<Option<HtmlCanvasElement>>> = use_mut_ref(|| None);
    // Which opening of the camera is wanted; a stop or leaving the desk moves it on, so a
    // camera that answers late is closed at once instead of filming on.
    let attempt: Rc<RefCell<u32>> = use_mut_ref(|| 0);
    // The desk's latest callback: the reading loop outlives the render it started in.
    let on_read = use_mut_ref(|| props.on_read.clone());
    *on_read.borrow_mut() = props.on_read.clone();

    // The camera goes off when the desk is left.
    {
        let (stream, attempt) = (stream.clone(), attempt.clone());
        use_effect_with((), move |()| {
            move || {
                *attempt.borrow_mut() += 1;
                stop(&stream);
            }
        });
    }
    // While on, the picture is read a few times a second until a code is found.
    {
        let (video, stream, canvas, phase_handle) =
            (video.clone(), stream.clone(), canvas.clone(), phase.clone());
        let (on_read, attempt) = (on_read.clone(), attempt.clone());
        use_effect_with(*phase == Phase::On, move |on| {
            let reading = on.then(|| {
                Interval::new(READ_EVERY_MS, move || {
                    if let Some(text) = read_picture(&video, &canvas) {
                        *attempt.borrow_mut() += 1;
                        stop(&stream);
                        phase_handle.set(Phase::Off);
                        let on_read = on_read.borrow().clone();
                        on_read.emit(text);
                    }
                })
            });
            move || drop(reading)
        });
    }
    let start = {
        let (phase, video, stream, attempt) = (
            phase.clone(),
            video.clone(),
            stream.clone(),
            attempt.clone(),
        );
        move |_| {
            let (phase, video, stream, attempt) = (
                phase.clone(),
                video.clone(),
                stream.clone(),
                attempt.clone(),
            );
            let this = {
                let mut current = attempt.borrow_mut();
                *current += 1;
                *current
            };
            stop(&stream);
            phase.set(Phase::Starting);
            spawn_local(async move {
                let opened = open_camera().await;
                if *attempt.borrow() != this {
                    // Stopped, restarted or left while the browser was asking.
                    if let Ok(late) = opened {
                        stop_tracks(&late);
                    }
                    return;
                }
                match opened {
                    Ok(opened) => {
                        if let Some(element) = video.cast::<HtmlVideoElement>() {
                            element.set_src_object(Some(&opened));
                            let _ = element.play();
                        }
                        stream.replace(Some(opened));
                        phase.set(Phase::On);
                    }
                    // Refused, absent or busy: the scanner and the keyboard still work.
                    Err(_) => phase.set(Phase::Unavailable),
                }
            });
        }
    };
    let close = {
        let (phase, stream, attempt) = (phase.clone(), stream.clone(), attempt.clone());
        move |_| {
            *attempt.borrow_mut() += 1;
            stop(&stream);
            phase.set(Phase::Off);
        }
    };
    let showing = matches!(*phase, Phase::Starting | Phase::On);
    html! {
        <div class="desk-camera">
            if showing {
                <button type="button" id="camera-stop" onclick={close}>{ t!("console-camera-stop") }</button>
            } else {
                <button type="button" id="camera-start" onclick={start}>{ t!("console-camera-start") }</button>
            }
            // In the page from the start, so that what it says is announced when it changes.
            <p class="camera-hint" role="status">
                { if showing { t!("console-camera-hint") } else { String::new() } }
            </p>
            if *phase == Phase::Unavailable {
                <p class="camera-unavailable" id="camera-unavailable" role="alert">{ t!("console-camera-unavailable") }</p>
            }
            // Always in the page (hidden when off), so the stream has somewhere to go at once.
            <video ref={video} id="camera-view" class="camera-view" hidden={!showing}
                autoplay=true muted=true playsinline=true aria-hidden="true" />
        </div>
    }
}

async fn open_camera() -> Result<MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .media_devices()?;
    let constraints = MediaStreamConstraints::new();
    // The camera facing away from the screen where there are two (a tablet at the desk).
    let video = js_sys::Object::new();
    js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into())?;
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let stream = JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?;
    stream.dyn_into()
}

/// Reads the video's current picture for a QR code, drawn on the canvas kept for it.
fn read_picture(video: &NodeRef, kept: &RefCell<Option<HtmlCanvasElement>>) -> Option<String> {
    let video = video.cast::<HtmlVideoElement>()?;
    let (width, height) = (
        f64::from(video.video_width()),
        f64::from(video.video_height()),
    );
    if width < 1.0 || height < 1.0 {
        return None;
    }
    let scale = (READ_WIDTH / width).min(1.0);
    let (read_width, read_height) = ((width * scale).round(), (height * scale).round());
    let canvas = {
        let mut kept = kept.borrow_mut();
        if kept.is_none() {
            *kept = web_sys::window()?
                .document()?
                .create_element("canvas")
                .ok()?
                .dyn_into()
                .ok();
        }
        kept.clone()?
    };
    canvas.set_width(read_width as u32);
    canvas.set_height(read_height as u32);
    // Read back four times a second: the browser keeps such a canvas in memory, not on the GPU.
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE).ok()?;
    let context: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()?;
    context
        .draw_image_with_html_video_element_and_dw_and_dh(&video, 0.0, 0.0, read_width, read_height)
        .ok()?;
    let pixels = context
        .get_image_data(0.0, 0.0, read_width, read_height)
        .ok()?
        .data();
    read_qr(read_width as usize, read_height as usize, &luma_of(&pixels))
}

fn stop(stream: &RefCell<Option<MediaStream>>) {
    if let Some(stream) = stream.borrow_mut().take() {
        stop_tracks(&stream);
    }
}

fn stop_tracks(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A QR code drawn as a camera would see it: dark modules on white, a margin, grey noise.
    fn picture_of(text: &str, module: usize) -> (usize, usize, Vec<u8>) {
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width();
        let colors = code.to_colors();
        let size = (modules + 8) * module;
        let mut luma = vec![235u8; size * size];
        for y in 0..size {
            for x in 0..size {
                let (mx, my) = ((x / module).wrapping_sub(4), (y / module).wrapping_sub(4));
                if mx < modules && my < modules && colors[my * modules + mx] == qrcode::Color::Dark
                {
                    luma[y * size + x] = 30 + ((x * 7 + y * 13) % 20) as u8;
                }
            }
        }
        (size, size, luma)
    }

    #[test]
    fn a_receipt_address_is_read_from_its_picture() {
        let address = "https://sportello.example/r/SR1.eyJjIjoiM0U0NFBGSFAifQ.c2lnbmF0dXJl";
        let (width, height, luma) = picture_of(address, 4);
        assert_eq!(read_qr(width, height, &luma).as_deref(), Some(address));
    }

    #[test]
    fn a_picture_without_a_code_reads_nothing() {
        let blank = vec![200u8; 64 * 48];
        assert_eq!(read_qr(64, 48, &blank), None);
        assert_eq!(
            read_qr(64, 48, &blank[..10]),
            None,
            "a short buffer is refused"
        );
    }

    #[test]
    fn grey_weights_green_most() {
        assert_eq!(luma_of(&[255, 255, 255, 255]), vec![255]);
        assert_eq!(luma_of(&[0, 0, 0, 255]), vec![0]);
        assert!(luma_of(&[0, 255, 0, 255])[0] > luma_of(&[255, 0, 0, 255])[0]);
    }
}
