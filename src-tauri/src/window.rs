//! The kiosk's window, built from `tauri.conf.json` (where it is not created by itself) so
//! that a public terminal can be locked down: on a kiosk (`kiosk_mode = true`) it fills the
//! screen, has no frame, cannot be closed from it and has no inspector. On any kiosk the
//! window shows the app and nothing else: navigation away is refused, new windows are never
//! opened (so no link opens a browser: there is no opener plugin either), and every time the
//! page loads (a reload included) the operator's session ends, since the screens start over
//! for a new person.

use crate::commands::KioskState;
use tauri::webview::PageLoadEvent;
use tauri::{Manager, Url, WebviewWindow, WebviewWindowBuilder};

/// The app's own pages: the UI embedded in the binary.
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// Opens the main window; `kiosk_mode` locks it down for a public terminal.
pub fn open(app: &tauri::App, kiosk_mode: bool) -> tauri::Result<WebviewWindow> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == "main")
        .cloned()
        .unwrap_or_default();
    let window = WebviewWindowBuilder::from_config(app.handle(), &config)?
        .on_navigation(|url| {
            let allowed = is_app_url(url);
            if !allowed {
                tracing::warn!(
                    scheme = url.scheme(),
                    "navigation away from the app refused"
                );
            }
            allowed
        })
        // No `on_new_window` handler: on WebKitGTK, wry's (tauri 2.12) keeps the page's
        // scripts from running at all; with none, WebKitGTK opens no window for
        // `window.open` or `target=_blank` (it answers null), which is what a kiosk needs.
        // The end-to-end test `kiosk_lockdown` checks it.
        .on_page_load(|window, payload| {
            if payload.event() == PageLoadEvent::Started
                && let Some(state) = window.try_state::<KioskState>()
            {
                state.wizard.operators.end();
            }
        })
        // No inspector on a public terminal, even in a debug build.
        .devtools(!kiosk_mode)
        .build()?;
    if kiosk_mode {
        window.set_fullscreen(true)?;
        window.set_decorations(false)?;
        window.on_window_event(|event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
            }
        });
    } else {
        // Developers' shortcut to the inspector (debug builds): not granted on a kiosk.
        app.add_capability(
            tauri::ipc::CapabilityBuilder::new("inspector")
                .window("main")
                .permission("core:webview:allow-internal-toggle-devtools"),
        )?;
    }
    Ok(window)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_may_show() {
        for url in [
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
        ] {
            assert!(is_app_url(&url.parse().unwrap()), "{url}");
        }
        for url in [
            "https://example.org/",
            "http://127.0.0.1:8787/r/SR1.x.y",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "geo:44.9,8.2",
        ] {
            assert!(!is_app_url(&url.parse().unwrap()), "{url}");
        }
    }
}
