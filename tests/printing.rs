//! Receipts on paper, read back with the tools a person's software would use: a real booking
//! on the real server, its receipt printed through a private CUPS scheduler to the cups-pdf
//! virtual printer, the PDF's text read by poppler's pdftotext and its QR code decoded by zbar,
//! the token in it verified with the server's published key. The thermal printer's stream is
//! parsed command by command. Layouts are compared with golden files
//! (`UPDATE_GOLDEN=1` rewrites them after a deliberate change; look at the diff).

mod support;

use serde_json::{Value, json};
use sportello::printing::{
    self, DOTS, Item, Paper, PrintError, PrintedReceipt, Printer, Queue, lay_out, render_pdf,
};
use sportello_core::receipt::{self, PublicKey};
use std::path::Path;
use support::ServerProcess;
use support::cups::{self, Cups};
use support::escpos::{self, Command};

const RENEWAL: &str = "questura-asti-permesso-rinnovo";

fn receipt(qr: &str) -> PrintedReceipt {
    PrintedReceipt {
        code: "K7MX4PRT".into(),
        qr: qr.into(),
        lines: vec![
            ("Pratica".into(), "Rinnovo del permesso di soggiorno".into()),
            ("Quando".into(), "venerdì 27 novembre 2026, 08:30".into()),
            (
                "Dove".into(),
                "Questura di Asti, Corso XXV Aprile 19, 14100 Asti".into(),
            ),
            ("الإجراء".into(), "تجديد تصريح الإقامة".into()),
            ("الموعد".into(), "الجمعة 27 نوفمبر 2026، 08:30".into()),
        ],
    }
}

/// A real booking made by an operator over the API: its code and signed receipt token.
async fn book(server: &str) -> (String, String) {
    let client = reqwest::Client::new();
    let token = support::login(server, "asti.operatore", "sportello-operatore").await;
    let availability: Value = client
        .get(format!(
            "{server}/api/v1/availability?procedure_id={RENEWAL}&limit=5"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let slot = &availability["slots"][0];
    let hold: Value = client
        .post(format!("{server}/api/v1/holds"))
        .bearer_auth(&token)
        .header("Idempotency-Key", sportello::client::new_key())
        .json(&json!({"procedure_id": RENEWAL, "office_id": slot["office_id"], "start": slot["start"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let booking: Value = client
        .post(format!(
            "{server}/api/v1/holds/{}/confirm",
            hold["hold_id"].as_str().unwrap()
        ))
        .bearer_auth(&token)
        .header("Idempotency-Key", sportello::client::new_key())
        .json(&json!({"person": {
            "given_names": "Samira", "surname": "Printtest", "date_of_birth": "1988-02-03",
            "nationality": "MA", "identity": {"kind": "passport", "number": "PT1234567"}}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        booking["code"].as_str().unwrap().to_owned(),
        booking["receipt"].as_str().unwrap().to_owned(),
    )
}

async fn published_keys(server: &str) -> Vec<PublicKey> {
    reqwest::get(format!("{server}/api/v1/keys"))
        .await
        .unwrap()
        .json::<sportello_core::receipt::KeySet>()
        .await
        .unwrap()
        .keys
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cups_prints_a_receipt_whose_qr_code_verifies() {
    // cups-pdf writes every run's PDFs into one folder: this is the only test printing
    // through CUPS, and test binaries run one after the other.
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(&dir.path().join("server.sqlite3"));
    let (code, token) = book(&server.url).await;
    let cups = Cups::start();
    cups::clear_output();
    let printer: Printer = format!("cups://{}/{}", cups.server, cups::QUEUE)
        .parse()
        .unwrap();
    let mut printed = receipt(&receipt::page_url(&server.url, &token));
    printed.code = code.clone();

    for paper in [Paper::A4, Paper::Roll80] {
        cups::clear_output();
        let job = printed.clone();
        let printer = printer.clone();
        tokio::task::spawn_blocking(move || printing::print(Some(&printer), paper, &job))
            .await
            .unwrap()
            .unwrap_or_else(|err| panic!("{paper:?}: {err}"));
        let pdfs = cups::printed_pdfs();
        assert_eq!(pdfs.len(), 1, "{paper:?}: one PDF printed");
        check_printed_pdf(&pdfs[0], &code, &token, &server.url).await;
    }

    // A stopped printer: the person is told, and no job is left to print later for nobody.
    cups.disable();
    cups::clear_output();
    let job = printed.clone();
    let stopped = printer.clone();
    let refused =
        tokio::task::spawn_blocking(move || printing::print(Some(&stopped), Paper::A4, &job))
            .await
            .unwrap();
    assert!(matches!(refused, Err(PrintError::Offline)), "{refused:?}");
    assert_eq!(cups.pending_jobs(cups::QUEUE), 0);
    assert!(cups::printed_pdfs().is_empty());
    cups.enable();

    // A printer that takes the job and never finishes it (jammed): the person is told when
    // the deadline passes, and the job is cancelled so it cannot come out later for nobody.
    let _jammed = cups.add_stalled_queue("Jammed");
    let jammed = Printer::Cups(Queue {
        server: Some(cups.server.clone()),
        name: "Jammed".into(),
        job_deadline: std::time::Duration::from_secs(3),
    });
    let job = printed.clone();
    let stalled =
        tokio::task::spawn_blocking(move || printing::print(Some(&jammed), Paper::A4, &job))
            .await
            .unwrap();
    assert!(matches!(stalled, Err(PrintError::Offline)), "{stalled:?}");
    support::wait_until(
        std::time::Duration::from_secs(10),
        "the stalled job to be cancelled",
        || cups.pending_jobs("Jammed") == 0,
    );

    // A queue that does not exist is named in the error (for the staff's log).
    let missing: Printer = format!("cups://{}/NoSuchQueue", cups.server)
        .parse()
        .unwrap();
    let job = printed.clone();
    let refused =
        tokio::task::spawn_blocking(move || printing::print(Some(&missing), Paper::A4, &job))
            .await
            .unwrap();
    assert!(
        matches!(refused, Err(PrintError::NoSuchQueue(ref name)) if name == "NoSuchQueue"),
        "{refused:?}"
    );
}

async fn check_printed_pdf(pdf: &Path, code: &str, token: &str, server: &str) {
    let text = cups::pdf_text(pdf);
    for expected in [
        code,
        "Rinnovo del permesso di soggiorno",
        "venerdì 27 novembre 2026, 08:30",
        "Questura di Asti",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // Arabic words, shaped and still readable as text after CUPS's conversions.
    for word in ["تجديد", "تصريح", "الموعد"] {
        assert!(text.contains(word), "{word:?} not in:\n{text}");
    }
    let codes = cups::pdf_qr_codes(pdf);
    assert_eq!(codes.len(), 1, "one QR code: {codes:?}");
    let scanned = &codes[0];
    assert_eq!(scanned, &receipt::page_url(server, token));
    // What a counter's scanner reads verifies with the key the server publishes.
    let keys = published_keys(server).await;
    let keys: Vec<(String, ed25519_dalek::VerifyingKey)> = keys
        .iter()
        .map(|key| (key.key_id.clone(), key.verifying_key().unwrap()))
        .collect();
    let claims = receipt::verify(scanned, keys.iter().map(|(id, key)| (id.as_str(), key))).unwrap();
    assert_eq!(claims.code, code);
}

#[test]
fn the_thermal_printer_gets_valid_escpos_with_the_qr_and_arabic_as_an_image() {
    let qr = "https://sportello.example/r/SR1.eyJjIjoiSzdNWDRQUlQifQ.c2lnbmF0dXJl";
    let bytes = printing::escpos(&receipt(qr)).unwrap();
    let commands = escpos::parse(&bytes).unwrap();
    assert_eq!(commands.first(), Some(&Command::Init));
    assert_eq!(commands.last(), Some(&Command::Cut));
    assert!(commands.contains(&Command::CodePage(19)));
    assert!(commands.contains(&Command::QrStore(qr.as_bytes().to_vec())));
    assert!(commands.contains(&Command::QrPrint));
    let text = escpos::text(&commands);
    assert!(text.contains("Rinnovo del permesso di soggiorno"));
    assert!(text.contains("K7MX4PRT"));
    let images: Vec<&Command> = commands
        .iter()
        .filter(|command| matches!(command, Command::Raster { .. }))
        .collect();
    assert_eq!(images.len(), 2, "one image per Arabic label and value pair");
    for image in images {
        let Command::Raster {
            row_bytes,
            rows,
            ink,
        } = image
        else {
            unreachable!()
        };
        assert_eq!(*row_bytes, DOTS / 8);
        assert!(*rows > 40 && *ink > 300, "{rows} rows, {ink} dots");
    }
}

/// The layout in words: where each line sits and which faces set it, the QR code's place.
fn describe(paper: Paper) -> String {
    let layout = lay_out(
        &receipt("https://sportello.example/r/SR1.x.y"),
        paper.geometry(),
    )
    .unwrap();
    let mut out = format!("page {:.1} x {:.1}\n", layout.width, layout.height);
    for item in &layout.items {
        match item {
            Item::Line(line) => {
                let left = line.glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
                let right = line
                    .glyphs
                    .iter()
                    .map(|g| g.x + g.advance)
                    .fold(f32::MIN, f32::max);
                let mut faces: Vec<usize> = line.glyphs.iter().map(|g| g.face).collect();
                faces.dedup();
                out += &format!(
                    "text y={:.1} x={:.1}..{:.1} faces={faces:?} glyphs={} {:?}\n",
                    line.baseline,
                    left,
                    right,
                    line.glyphs.len(),
                    line.text
                );
            }
            Item::Qr {
                x, y, module, side, ..
            } => out += &format!("qr x={x:.1} y={y:.1} module={module:.2} side={side}\n"),
        }
    }
    out
}

#[test]
fn an_offline_receipts_long_qr_code_fits_the_paper_and_stays_scannable() {
    // A kiosk receipt (KR1: the kiosk's signature over the server's lease) is about 640
    // characters; with the address, a QR code of version 20 or more.
    let long = format!(
        "https://sportello.example/r/KR1.{}.{}",
        "x".repeat(560),
        "y".repeat(86)
    );
    for paper in [Paper::A4, Paper::Roll80] {
        let geometry = paper.geometry();
        let layout = lay_out(&receipt(&long), geometry).unwrap();
        let (module, side) = layout
            .items
            .iter()
            .find_map(|item| match item {
                Item::Qr { module, side, .. } => Some((*module, *side)),
                Item::Line(_) => None,
            })
            .unwrap();
        assert!(side >= 97, "{side} modules");
        assert!(
            module >= 2.0,
            "{paper:?}: {module} pt modules are too small to scan"
        );
        assert!(module * side as f32 <= geometry.width - 2.0 * geometry.margin + 0.01);
    }
    let commands = escpos::parse(&printing::escpos(&receipt(&long)).unwrap()).unwrap();
    let module = commands
        .iter()
        .find_map(|command| match command {
            Command::QrModuleSize(size) => Some(usize::from(*size)),
            _ => None,
        })
        .unwrap();
    let side = qrcode::QrCode::with_error_correction_level(long.as_bytes(), qrcode::EcLevel::M)
        .unwrap()
        .width();
    assert!(
        (side + 8) * module <= DOTS,
        "{side} modules of {module} dots"
    );
}

#[test]
fn receipt_layouts_match_their_golden_files() {
    for (paper, name) in [
        (Paper::A4, "receipt-a4.txt"),
        (Paper::Roll80, "receipt-roll80.txt"),
    ] {
        let actual = describe(paper);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{}: run with UPDATE_GOLDEN=1 once", path.display()));
        assert_eq!(actual, expected, "{name} changed");
    }
}

#[test]
fn the_pdf_has_the_words_and_the_qr_code_without_cups() {
    let qr = "https://sportello.example/r/SR1.eyJjIjoiSzdNWDRQUlQifQ.c2lnbmF0dXJl";
    let dir = tempfile::tempdir().unwrap();
    for paper in [Paper::A4, Paper::Roll80] {
        let (pdf, height) = render_pdf(&receipt(qr), paper).unwrap();
        let path = dir.path().join("receipt.pdf");
        std::fs::write(&path, pdf).unwrap();
        let text = cups::pdf_text(&path);
        // Straight from krilla every word reads back exactly, Arabic in logical order.
        for expected in [
            "K7MX4PRT",
            "Rinnovo del permesso di soggiorno",
            "تجديد تصريح",
            "الموعد",
        ] {
            assert!(
                text.contains(expected),
                "{paper:?}: {expected:?} not in:\n{text}"
            );
        }
        assert_eq!(cups::pdf_qr_codes(&path), vec![qr.to_owned()]);
        match paper {
            Paper::A4 => assert!((height - 841.89).abs() < 0.1),
            // A roll is cut as long as the receipt.
            Paper::Roll80 => assert!(height > 300.0 && height < 600.0, "{height}"),
        }
    }
}
