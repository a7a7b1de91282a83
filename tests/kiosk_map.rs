//! End to end, in the real window: the services map. Opened in French, it is interactive
//! within a measured time after the tap (printed, not asserted); places come nearest first
//! from the kiosk's configured spot; words typed find places; "health" narrows the list and the map to the places
//! offering health services; a marker tapped opens its card, a cluster tapped zooms in, two
//! fingers apart zoom in; a
//! place's card shows in French with two QR codes a phone can
//! read off the screen (decoded from a screenshot); zoom buttons and a drag move the map; in
//! Arabic the screen mirrors; with a deployer's PMTiles archive the map draws its tiles
//! instead of the outlines. Screenshots in `$CARGO_TARGET_TMPDIR/kiosk_map/`.

mod support;

use sportello_core::Lang;
use sportello_core::directory::{Category, Organization, ServiceStatus};
use sportello_core::model::GeoPoint;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::{Kiosk, ServerProcess, VirtualDisplay, message};

/// Where the test kiosk stands: the town hall of Asti, Piazza San Secondo.
const HERE: GeoPoint = GeoPoint {
    lat: 44.89936,
    lon: 8.20634,
};

fn config(server: &str, extra: &str) -> String {
    format!(
        "server_url = \"{server}\"\nkiosk_id = \"map\"\nplace = \"Test\"\n\
         comune_istat = \"005005\"\nsync_interval_secs = 5\n\
         location = {{ lat = {}, lon = {} }}\n{extra}",
        HERE.lat, HERE.lon
    )
}

/// The places a kiosk lists: every location with a service on offer there.
fn places(directory: &[Organization], category: Option<Category>) -> Vec<(String, f64)> {
    let mut places: Vec<(String, f64)> = directory
        .iter()
        .flat_map(|o| {
            o.locations.iter().filter(move |l| {
                o.services.iter().any(|s| {
                    !matches!(s.status, ServiceStatus::Defunct | ServiceStatus::Inactive)
                        && s.at.iter().any(|at| at.location_id == l.id)
                        && category.is_none_or(|c| s.categories.contains(&c))
                })
            })
        })
        .map(|l| (l.id.clone(), HERE.distance_m(l.point)))
        .collect();
    places.sort_by(|a, b| a.1.total_cmp(&b.1));
    places
}

/// How many places the map shows: single markers plus the counts on clusters.
async fn on_the_map(kiosk: &Kiosk) -> usize {
    kiosk
        .eval(
            "return document.querySelectorAll('#services-map .marker').length + \
             [...document.querySelectorAll('#services-map .cluster text')]\
             .reduce((n, t) => n + Number(t.textContent), 0)",
        )
        .await
        .as_u64()
        .unwrap() as usize
}

/// The first marker (its id) or cluster (its index) whose centre is inside the map and clear
/// of the zoom buttons, if any.
async fn visible(kiosk: &Kiosk, class: &str) -> Option<String> {
    let found = kiosk
        .eval(&format!(
            "const map = document.getElementById('services-map').getBoundingClientRect(); \
             const controls = document.querySelector('.map-controls').getBoundingClientRect(); \
             const all = [...document.querySelectorAll('#services-map {class}')]; \
             const i = all.findIndex(m => {{ const r = m.getBoundingClientRect(); \
               const x = r.left + r.width / 2, y = r.top + r.height / 2; \
               const inside = x > map.left + 30 && x < map.right - 30 && y > map.top + 30 && y < map.bottom - 30; \
               const onControls = x > controls.left - 30 && x < controls.right + 30 && y > controls.top - 30 && y < controls.bottom + 30; \
               return inside && !onControls; }}); \
             return i < 0 ? null : (all[i].dataset.id || String(i));"
        ))
        .await;
    found.as_str().map(str::to_owned)
}

async fn view_box(kiosk: &Kiosk) -> Vec<f64> {
    kiosk
        .eval("return document.getElementById('services-map').getAttribute('viewBox')")
        .await
        .as_str()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect()
}

fn qr_codes(png: &Path) -> Vec<String> {
    let output = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(png)
        .output()
        .expect("zbarimg (the README's test command installs zbar-tools)");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The server's feed position, read to the end.
async fn feed_head(server: &str) -> i64 {
    let mut cursor = 0;
    loop {
        let page: sportello_core::sync::ChangePage = reqwest::get(format!(
            "{server}/api/v1/sync/changes?since={cursor}&limit=1000"
        ))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        cursor = page.cursor;
        if !page.more {
            return cursor;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_services_map_in_french_finds_health_and_opens_a_card() {
    let display = VirtualDisplay::start();
    let data = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&data.path().join("server.sqlite3"));
    let directory: Vec<Organization> = reqwest::get(format!("{}/api/v1/directory", server.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let all = places(&directory, None);
    let health = places(&directory, Some(Category::Health));
    let kiosk = Kiosk::start(&display, &config(&server.url, "")).await;
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kiosk_map");
    std::fs::create_dir_all(&shots).unwrap();
    kiosk.wait_for("#status[data-connection='online']").await;

    // French, then the map tile; the time until the map stands with its markers.
    kiosk.click(".lang-option[data-lang='fr']").await;
    kiosk.wait_for("#tile-map").await;
    // Wait for the whole feed to be in the cache, so the time measured is the screen's.
    let head = feed_head(&server.url).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let cursor = kiosk
            .eval("return document.getElementById('status').dataset.cursor")
            .await;
        if cursor
            .as_str()
            .and_then(|c| c.parse::<i64>().ok())
            .is_some_and(|c| c >= head)
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the kiosk never caught up with the feed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    kiosk
        .eval("window.__tapped = performance.now(); document.getElementById('tile-map').click(); return true;")
        .await;
    kiosk.wait_for("#services-map[data-ready-at]").await;
    let interactive = kiosk
        .eval("return Number(document.getElementById('services-map').dataset.readyAt) - window.__tapped")
        .await
        .as_f64()
        .unwrap();
    let report = format!(
        "map interactive {interactive:.0} ms after the tap ({} places)\n",
        all.len()
    );
    eprint!("{report}");
    std::fs::write(shots.join("timing.txt"), &report).unwrap();

    assert_eq!(
        kiosk.text("#screen-map h1").await,
        message("fr", "map-title")
    );
    let listed = kiosk
        .ids_when(".place-item", |ids| ids.len() == all.len())
        .await;
    // Nearest first, from where the kiosk stands.
    let expected: Vec<String> = all.iter().map(|(id, _)| id.clone()).collect();
    assert_eq!(listed[..5], expected[..5]);
    assert_eq!(on_the_map(&kiosk).await, all.len());
    assert!(
        kiosk
            .text("#map-attribution")
            .await
            .contains("Openpolis (CC BY 4.0)"),
        "the data's attribution is shown"
    );
    display.screenshot(&shots, "01-map-fr");

    // Words typed find places by name, service or comune, in any case.
    kiosk.type_into("map-search", "caritas").await;
    let found = kiosk
        .ids_when(".place-item", |ids| {
            !ids.is_empty() && ids.len() < all.len()
        })
        .await;
    let caritas: Vec<&str> = directory
        .iter()
        .filter(|o| o.name.get(Lang::It).contains("Caritas"))
        .flat_map(|o| o.locations.iter().map(|l| l.id.as_str()))
        .collect();
    assert!(caritas.len() >= 2, "Caritas in both provinces");
    assert!(
        found.iter().all(|id| caritas.contains(&id.as_str())),
        "{found:?}"
    );
    display.screenshot(&shots, "01-search-fr");
    kiosk.type_into("map-search", "").await;
    kiosk
        .ids_when(".place-item", |ids| ids.len() == all.len())
        .await;

    // "Santé": the list and the map narrow to the places offering health services.
    assert_eq!(
        kiosk.text("#map-cat-health").await,
        message("fr", "svc-health")
    );
    kiosk.click("#map-cat-health").await;
    let listed = kiosk
        .ids_when(".place-item", |ids| ids.len() == health.len())
        .await;
    assert_eq!(
        listed.iter().collect::<BTreeSet<_>>(),
        health.iter().map(|(id, _)| id).collect::<BTreeSet<_>>()
    );
    assert_eq!(on_the_map(&kiosk).await, health.len());
    display.screenshot(&shots, "02-health-fr");

    // A marker tapped opens its place's card.
    let marker = visible(&kiosk, ".marker").await.expect("a marker in view");
    kiosk
        .click(&format!("#services-map .marker[data-id='{marker}'] circle"))
        .await;
    kiosk
        .wait_for(&format!("#place-card[data-id='{marker}']"))
        .await;
    kiosk.click("#back").await;
    kiosk.wait_for("#services-map").await;
    // A cluster tapped zooms in on its places.
    let before = view_box(&kiosk).await;
    if let Some(index) = visible(&kiosk, ".cluster").await {
        kiosk
            .eval(&format!(
                "document.querySelectorAll('#services-map .cluster')[{index}]\
                 .dispatchEvent(new MouseEvent('click', {{ bubbles: true }})); return true;"
            ))
            .await;
        let deadline = Instant::now() + Duration::from_secs(5);
        while view_box(&kiosk).await[2] >= before[2] {
            assert!(Instant::now() < deadline, "a cluster's tap did not zoom in");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        kiosk.click("#map-recenter").await;
    }

    // Zoom in: half the width; a drag moves the view.
    let before = view_box(&kiosk).await;
    kiosk.click("#map-zoom-in").await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while (view_box(&kiosk).await[2] - before[2] / 2.0).abs() > 1.0 {
        assert!(Instant::now() < deadline, "zoom in did not zoom");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let zoomed = view_box(&kiosk).await;
    kiosk
        .eval(
            "const svg = document.getElementById('services-map'); \
             const r = svg.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2; \
             const ev = (type, dx) => svg.dispatchEvent(new PointerEvent(type, \
               { pointerId: 7, clientX: x + dx, clientY: y, bubbles: true, isPrimary: true })); \
             ev('pointerdown', 0); ev('pointermove', -60); ev('pointermove', -120); ev('pointerup', -120); \
             return true;",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let dragged = view_box(&kiosk).await;
    assert!(
        dragged[0] > zoomed[0],
        "dragging left shows what is east: {zoomed:?} → {dragged:?}"
    );
    assert_eq!(dragged[2], zoomed[2]);

    // Two fingers moving apart zoom in.
    let before_pinch = view_box(&kiosk).await;
    kiosk
        .eval(
            "const svg = document.getElementById('services-map'); \
             const r = svg.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2; \
             const ev = (type, id, dx) => svg.dispatchEvent(new PointerEvent(type, \
               { pointerId: id, clientX: x + dx, clientY: y, bubbles: true, pointerType: 'touch' })); \
             ev('pointerdown', 11, -50); ev('pointerdown', 12, 50); \
             ev('pointermove', 12, 150); ev('pointermove', 11, -150); \
             ev('pointerup', 11, -150); ev('pointerup', 12, 150); return true;",
        )
        .await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while view_box(&kiosk).await[2] >= before_pinch[2] / 2.0 {
        assert!(Instant::now() < deadline, "pinching did not zoom in");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // The nearest health place's card, in French, with QR codes a phone reads off the screen.
    let first = listed[0].clone();
    kiosk
        .click(&format!(".place-item[data-id='{first}']"))
        .await;
    kiosk.wait_for("#place-card").await;
    let location = directory
        .iter()
        .flat_map(|o| &o.locations)
        .find(|l| l.id == first)
        .unwrap();
    assert_eq!(kiosk.text("#place-name").await, location.name.get(Lang::Fr));
    assert!(!kiosk.text("#place-status").await.is_empty());
    assert!(
        kiosk
            .text("#place-address")
            .await
            .contains(&location.address.street)
    );
    display.screenshot(&shots, "03-card-fr");
    let mut codes = qr_codes(&shots.join("03-card-fr.png"));
    codes.sort();
    let page = format!("{}/p/{first}?lang=fr", server.url);
    let geo = format!(
        "geo:{:.5},{:.5}?q={:.5},{:.5}",
        location.point.lat, location.point.lon, location.point.lat, location.point.lon
    );
    assert_eq!(
        codes,
        [geo, page.clone()],
        "both QR codes decode from the screen"
    );
    // The page the phone opens is there, in French.
    let html = reqwest::get(&page).await.unwrap().text().await.unwrap();
    assert!(html.contains(location.name.get(Lang::Fr)));

    // Arabic: the same screen, mirrored (the list on the right, the map on the left).
    kiosk.click("#back").await;
    kiosk.click("#back").await;
    kiosk.click(".lang-option[data-lang='ar']").await;
    kiosk.click("#tile-map").await;
    kiosk
        .ids_when(".place-item", |ids| ids.len() == all.len())
        .await;
    assert_eq!(
        kiosk.text("#screen-map h1").await,
        message("ar", "map-title")
    );
    let sides = kiosk
        .eval(
            "return [document.querySelector('.place-column').getBoundingClientRect().left, \
             document.querySelector('.map-column').getBoundingClientRect().left, \
             document.documentElement.dir]",
        )
        .await;
    assert_eq!(sides[2], "rtl");
    assert!(
        sides[0].as_f64() > sides[1].as_f64(),
        "list right of the map in Arabic: {sides}"
    );
    display.screenshot(&shots, "04-map-ar");
    kiosk
        .click(&format!(".place-item[data-id='{}']", all[0].0))
        .await;
    kiosk.wait_for("#place-card").await;
    display.screenshot(&shots, "05-card-ar");
    kiosk.close().await;

    // A deployer's street map (here the comune archive in PMTiles) replaces the outlines.
    let archive =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/comuni_AT_MT_z6-10.pmtiles");
    let kiosk = Kiosk::start(
        &display,
        &config(
            &server.url,
            &format!("street_map = \"{}\"\n", archive.display()),
        ),
    )
    .await;
    kiosk.wait_for("#status[data-connection='online']").await;
    kiosk.click("#tile-map").await;
    kiosk
        .wait_for("#services-map .tiles .tile path.layer-comuni")
        .await;
    let outlines = kiosk
        .eval("return document.querySelectorAll('#services-map .base').length")
        .await;
    assert_eq!(outlines, 0, "the tiles replace the outlines");
    display.screenshot(&shots, "06-street-map");
    kiosk.close().await;
}
