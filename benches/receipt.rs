//! What printing a receipt costs the kiosk: laying it out (shaping Italian and Arabic),
//! writing the PDF for CUPS on both papers, and the ESC/POS stream with the Arabic lines as
//! raster images. Sizes are what goes to the printer.
//!
//! Run with `cargo bench --bench receipt` (release build). The first layout also loads the
//! shipped fonts; it is reported apart.

use sportello::printing::{self, Paper, PrintedReceipt};
use std::time::{Duration, Instant};

const RUNS: usize = 50;

fn receipt() -> PrintedReceipt {
    let lines = [
        ("Pratica", "Rinnovo del permesso di soggiorno"),
        ("Quando", "venerdì 27 novembre 2026, 08:30"),
        (
            "Dove",
            "Questura di Asti – Ufficio Immigrazione, Corso XXV Aprile 19, 14100 Asti (AT)",
        ),
        (
            "Da portare",
            "Passaporto valido (originale e fotocopia); permesso di soggiorno attuale; ricevuta \
             della Posta (assicurata) con il codice della domanda; 4 fotografie formato tessera",
        ),
        ("الإجراء", "تجديد تصريح الإقامة"),
        ("الموعد", "الجمعة 27 نوفمبر 2026، 08:30"),
        (
            "ما يجب إحضاره",
            "جواز سفر ساري المفعول (الأصل ونسخة)؛ تصريح الإقامة الحالي؛ إيصال البريد؛ 4 صور شمسية",
        ),
    ];
    PrintedReceipt {
        code: "K7MX4PRT".into(),
        qr: format!(
            "https://sportello.example/r/SR1.{}.{}",
            "x".repeat(260),
            "y".repeat(86)
        ),
        lines: lines
            .iter()
            .map(|(label, value)| ((*label).to_owned(), (*value).to_owned()))
            .collect(),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let receipt = receipt();
    let started = Instant::now();
    printing::lay_out(&receipt, Paper::A4.geometry()).unwrap();
    println!(
        "first layout (loads the fonts): {:.1} ms",
        ms(started.elapsed())
    );

    for paper in [Paper::A4, Paper::Roll80] {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            let (pdf, _) = printing::render_pdf(&receipt, paper).unwrap();
            times.push(started.elapsed());
            size = pdf.len();
        }
        println!(
            "PDF {paper:?}: {:.1} ms (median of {RUNS}), {} bytes",
            ms(median(times)),
            size
        );
    }
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        size = printing::escpos(&receipt).unwrap().len();
        times.push(started.elapsed());
    }
    println!(
        "ESC/POS (3 Arabic pairs as raster images): {:.1} ms (median of {RUNS}), {} bytes",
        ms(median(times)),
        size
    );
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
