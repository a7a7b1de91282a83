//! Printing a booking's receipt (Tauri has no print API, so the kiosk's backend prints).
//!
//! The receipt arrives from the UI already in words: the UI holds every translation, so the
//! lines come labelled in the person's language and in Italian. It is laid out once
//! (`layout`: shaped, bidirectional, wrapped, in the shipped Noto fonts) and drawn for the
//! printer the kiosk has:
//! - a CUPS queue gets a PDF (`pdf`, A4 or an 80 mm roll) through `lp` (`cups`);
//! - an ESC/POS thermal printer, on the network or a USB or serial port, gets text, raster
//!   images for other scripts (`raster`) and its own QR command (`escpos`).
//!
//! Whatever fails, the screen keeps the receipt with a QR code large enough to photograph:
//! nothing is lost if the paper is.

mod cups;
mod escpos;
mod layout;
mod pdf;
mod raster;

pub use cups::Queue;
pub use escpos::{DOTS, escpos, raster_image};
pub use layout::{Geometry, Item, Layout, lay_out};
pub use pdf::{Paper, render as render_pdf};
pub use sportello_core::kiosk::PrintedReceipt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the kiosk's receipts go, as written in `kiosk.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printer {
    /// An ESC/POS printer on the network: `escpos://192.168.1.50:9100`, or just the address.
    Network(SocketAddr),
    /// An ESC/POS printer on a USB or serial port: `escpos:/dev/usb/lp0`.
    Device(PathBuf),
    /// A CUPS queue, on this machine (`cups:Receipts`) or another (`cups://host:631/Receipts`).
    Cups(Queue),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PrinterSyntaxError(&'static str);

impl std::str::FromStr for Printer {
    type Err = PrinterSyntaxError;

    fn from_str(text: &str) -> Result<Printer, PrinterSyntaxError> {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix("cups://") {
            let (server, name) = rest
                .split_once('/')
                .ok_or(PrinterSyntaxError("cups://host:port/queue"))?;
            return Ok(Printer::Cups(Queue {
                server: Some(server.to_owned()),
                name: queue_name(name)?,
                job_deadline: cups::JOB_DEADLINE,
            }));
        }
        if let Some(name) = text.strip_prefix("cups:") {
            return Ok(Printer::Cups(Queue {
                server: None,
                name: queue_name(name)?,
                job_deadline: cups::JOB_DEADLINE,
            }));
        }
        if let Some(address) = text.strip_prefix("escpos://") {
            return address.parse().map(Printer::Network).map_err(|_| {
                PrinterSyntaxError("escpos://address:port, e.g. escpos://192.168.1.50:9100")
            });
        }
        if let Some(path) = text.strip_prefix("escpos:") {
            if !path.starts_with("/dev/") {
                return Err(PrinterSyntaxError(
                    "escpos:/dev/… (a USB or serial port's device file)",
                ));
            }
            return Ok(Printer::Device(PathBuf::from(path)));
        }
        text.parse().map(Printer::Network).map_err(|_| {
            PrinterSyntaxError(
                "escpos://address:port, escpos:/dev/usb/lp0, cups:Queue or cups://host:port/Queue",
            )
        })
    }
}

/// A CUPS queue name: printable, no spaces, slashes or '#' (what `lpadmin` accepts).
fn queue_name(name: &str) -> Result<String, PrinterSyntaxError> {
    let valid = !name.is_empty()
        && name.len() <= 127
        && name
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '/' | '#' | '\\' | '\'' | '"'));
    valid.then(|| name.to_owned()).ok_or(PrinterSyntaxError(
        "a CUPS queue name: letters, digits, '-' or '_'",
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no printer is configured")]
    NoPrinter,
    #[error("the printer cannot be reached: {0}")]
    Unreachable(#[source] std::io::Error),
    #[error("the printer is out of paper")]
    OutOfPaper,
    #[error("the printer is offline or stopped")]
    Offline,
    #[error("there is no CUPS queue named {0}")]
    NoSuchQueue(String),
    #[error("the printer refused the job: {0}")]
    Rejected(String),
    #[error("the receipt is too long for a QR code")]
    TooLong,
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
}

/// Prints `receipt` on `printer`; `paper` is what a CUPS queue has loaded.
pub fn print(
    printer: Option<&Printer>,
    paper: Paper,
    receipt: &PrintedReceipt,
) -> Result<(), PrintError> {
    match printer.ok_or(PrintError::NoPrinter)? {
        Printer::Network(address) => escpos::print_network(*address, receipt),
        Printer::Device(path) => escpos::print_device(path, receipt),
        Printer::Cups(queue) => queue.print(receipt, paper),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printers_are_written_as_addresses() {
        assert_eq!(
            "192.168.1.50:9100".parse(),
            Ok(Printer::Network("192.168.1.50:9100".parse().unwrap()))
        );
        assert_eq!(
            "escpos://10.0.0.7:9100".parse(),
            Ok(Printer::Network("10.0.0.7:9100".parse().unwrap()))
        );
        assert_eq!(
            "escpos:/dev/usb/lp0".parse(),
            Ok(Printer::Device("/dev/usb/lp0".into()))
        );
        assert_eq!(
            "cups:Receipts".parse(),
            Ok(Printer::Cups(Queue {
                server: None,
                name: "Receipts".into(),
                job_deadline: cups::JOB_DEADLINE,
            }))
        );
        assert_eq!(
            "cups://localhost:6310/Receipts_80".parse(),
            Ok(Printer::Cups(Queue {
                server: Some("localhost:6310".into()),
                name: "Receipts_80".into(),
                job_deadline: cups::JOB_DEADLINE,
            }))
        );
        for wrong in [
            "",
            "printer",
            "cups:",
            "cups:a b",
            "escpos:lp0",
            "cups://host",
        ] {
            assert!(wrong.parse::<Printer>().is_err(), "{wrong}");
        }
    }
}
