//! End to end, in the real window of a kiosk in kiosk mode: a public terminal keeps its window
//! and its operator to itself. A reload ends the operator's session (the next person never
//! books as the operator); the idle timeout ends it too; the context menu, the reload and zoom
//! keys are refused; the window never leaves the app nor opens another; the inspector cannot
//! be called up.

mod support;

use serde_json::Value;
use std::time::{Duration, Instant};
use support::{Kiosk, ServerProcess, VirtualDisplay, enrolment_code};

/// Asks the backend who is logged in, as the UI does.
async fn operator(kiosk: &Kiosk) -> Value {
    kiosk
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI__.core.invoke('current_operator').then(done, e => done('error: ' + e));",
            vec![],
        )
        .await
        .unwrap()
}

async fn log_in(kiosk: &Kiosk) {
    kiosk.click("#operator-entry").await;
    kiosk.type_into("operator-username", "asti.operatore").await;
    kiosk
        .type_into("operator-password", "sportello-operatore")
        .await;
    kiosk.click("#operator-login").await;
    kiosk.wait_for("#operator-banner").await;
    assert_eq!(operator(kiosk).await["username"], "asti.operatore");
}

/// Waits until `script` returns true.
async fn until(kiosk: &Kiosk, script: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while kiosk.client.execute(script, vec![]).await.ok() != Some(Value::Bool(true)) {
        assert!(Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_public_terminal_keeps_its_window_and_its_operator_to_itself() {
    let display = VirtualDisplay::start();
    let data = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&data.path().join("server.sqlite3"));
    let code = enrolment_code(&server.url, "lockdown-kiosk").await;
    let kiosk = Kiosk::start_with(
        &display,
        &format!(
            "server_url = \"{}\"\nkiosk_id = \"lockdown-kiosk\"\nplace = \"Test\"\n\
             comune_istat = \"005005\"\nsync_interval_secs = 5\nkiosk_mode = true\n\
             idle_secs = 6\nidle_warning_secs = 3\n",
            server.url
        ),
        &[("SPORTELLO_ENROLMENT_CODE", &code)],
    )
    .await;
    kiosk.wait_for("#status[data-connection='online']").await;

    // An operator logs in; then the page is reloaded (as the webview's own Reload would):
    // the screens start over with no one logged in, in the backend too.
    log_in(&kiosk).await;
    let _ = kiosk
        .client
        .execute(
            "setTimeout(() => location.reload(), 50); return true",
            vec![],
        )
        .await;
    until(
        &kiosk,
        "return !!document.getElementById('tile-book') && !document.getElementById('operator-banner')",
        "the page did not come back",
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while operator(&kiosk).await != Value::Null {
        assert!(Instant::now() < deadline, "the session outlived the reload");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Logged in again and left alone on the home screen in Italian: the idle timeout applies
    // all the same, and ends the session.
    log_in(&kiosk).await;
    kiosk.wait_for("#idle-warning").await;
    until(
        &kiosk,
        "return !document.getElementById('operator-banner')",
        "the idle timeout did not log the operator out",
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while operator(&kiosk).await != Value::Null {
        assert!(
            Instant::now() < deadline,
            "the session outlived the idle timeout"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // No context menu, no reload or zoom keys.
    let refused = kiosk
        .eval(
            "const menu = new MouseEvent('contextmenu', {bubbles: true, cancelable: true});\
             const reload = new KeyboardEvent('keydown', {key: 'r', ctrlKey: true, bubbles: true, cancelable: true});\
             const zoom = new KeyboardEvent('keydown', {key: '+', ctrlKey: true, bubbles: true, cancelable: true});\
             const f5 = new KeyboardEvent('keydown', {key: 'F5', bubbles: true, cancelable: true});\
             const typed = new KeyboardEvent('keydown', {key: 'a', bubbles: true, cancelable: true});\
             return [document.body.dispatchEvent(menu), document.body.dispatchEvent(reload),\
                     document.body.dispatchEvent(zoom), document.body.dispatchEvent(f5),\
                     document.body.dispatchEvent(typed)];",
        )
        .await;
    assert_eq!(
        refused,
        serde_json::json!([false, false, false, false, true]),
        "context menu, Ctrl+R, Ctrl++ and F5 cancelled; an ordinary key not"
    );

    // The window never leaves the app, nor opens another (no link opens a browser). The
    // page it is sent to is another origin that answers at once (the server's), so a window
    // that could leave would have left within the wait.
    let elsewhere = format!("{}/health", server.url);
    let opened = kiosk
        .eval(&format!("return window.open('{elsewhere}') === null"))
        .await;
    assert_eq!(opened, Value::Bool(true), "no new window");
    let _ = kiosk
        .client
        .execute(
            &format!("setTimeout(() => {{ location.href = '{elsewhere}'; }}, 50); return true"),
            vec![],
        )
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    until(
        &kiosk,
        "return location.protocol === 'tauri:' && !!document.getElementById('tile-book')",
        "the window left the app",
    )
    .await;

    // The inspector cannot be called up.
    let inspector = kiosk
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI__.core.invoke('plugin:webview|internal_toggle_devtools')\
               .then(() => done('opened'), e => done('refused: ' + e));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        inspector.as_str().unwrap().starts_with("refused"),
        "{inspector}"
    );
    kiosk.close().await;
}
