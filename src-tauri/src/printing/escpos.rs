//! Receipts on ESC/POS thermal printers (80 mm, the kind most public offices have), on the
//! network (port 9100) or on a USB or serial port (a device file set up by the system).
//!
//! The printer gets plain text in code page 858 for what that page can print, a raster image
//! for every other line (shaped and drawn like the PDF's text), and the QR code through its
//! own QR command: sharp at any size, and a few hundred bytes on the wire instead of an image.
//!
//! Written by hand rather than with the `escpos` crate: its image path wants image files,
//! while our raster comes from the receipt's own shaped layout, and the handful of commands
//! below is the whole of what a receipt needs (Epson's reference, followed by nearly every
//! 80 mm printer).

use super::layout::Style;
use super::raster::{self, Bitmap};
use super::{PrintError, PrintedReceipt};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

/// How long to wait for the printer: a person is standing in front of the kiosk.
const PRINTER_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a printer has to answer a status request; some never do.
const STATUS_TIMEOUT: Duration = Duration::from_millis(800);
/// Dots across an 80 mm roll's 72 mm printable width at 203 dpi.
pub const DOTS: usize = 576;
/// Text size in the raster, in dots: close to the printer's own font A (12 × 24).
const RASTER_TEXT: f32 = 24.0;

const INIT: &[u8] = &[0x1b, b'@'];
/// Code page 858: Western European with the euro sign.
const CODE_PAGE_858: &[u8] = &[0x1b, b't', 19];
const ALIGN_CENTER: &[u8] = &[0x1b, b'a', 1];
const ALIGN_LEFT: &[u8] = &[0x1b, b'a', 0];
const BOLD_ON: &[u8] = &[0x1b, b'E', 1];
const BOLD_OFF: &[u8] = &[0x1b, b'E', 0];
const DOUBLE_SIZE: &[u8] = &[0x1d, b'!', 0x11];
const NORMAL_SIZE: &[u8] = &[0x1d, b'!', 0x00];
/// Feed three lines and cut, leaving a little paper.
const FEED_AND_CUT: &[u8] = &[0x1d, b'V', 66, 3];

/// Text in code page 858, or `None` if it has a character the page lacks (that line is then
/// left to the screen).
fn cp858(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => Some(c as u8),
            'à' => Some(0x85),
            'è' => Some(0x8a),
            'é' => Some(0x82),
            'ì' => Some(0x8d),
            'ò' => Some(0x95),
            'ù' => Some(0x97),
            'À' => Some(0xb7),
            'È' => Some(0xd4),
            'É' => Some(0x90),
            'Ì' => Some(0xde),
            'Ò' => Some(0xe3),
            'Ù' => Some(0xeb),
            'ç' => Some(0x87),
            'ô' => Some(0x93),
            'ê' => Some(0x88),
            'â' => Some(0x83),
            'î' => Some(0x8c),
            'û' => Some(0x96),
            'ë' => Some(0x89),
            'ï' => Some(0x8b),
            'ü' => Some(0x81),
            '€' => Some(0xd5),
            '–' | '—' => Some(b'-'),
            '’' => Some(b'\''),
            _ => None,
        })
        .collect()
}

/// Largest module, in dots: 0.75 mm at 203 dpi, easy for any phone.
const QR_MODULE_MAX: u8 = 6;

/// The module size that fits `data`'s QR code across the paper with its quiet zone (4 modules
/// each side): an offline kiosk receipt's long token needs a larger symbol.
fn qr_module(data: &[u8]) -> Result<u8, PrintError> {
    let symbol = qrcode::QrCode::with_error_correction_level(data, qrcode::EcLevel::M)
        .map_err(|_| PrintError::TooLong)?;
    let across = symbol.width() + 8;
    let fits = u8::try_from(DOTS / across).unwrap_or(QR_MODULE_MAX);
    if fits < 2 {
        return Err(PrintError::TooLong);
    }
    Ok(fits.min(QR_MODULE_MAX))
}

/// The printer's own QR code of `data`: model 2, error correction M, the largest module that
/// fits the paper.
fn qr_code(data: &[u8]) -> Result<Vec<u8>, PrintError> {
    let module = qr_module(data)?;
    let stored = data.len() + 3;
    let (low, high) = (
        u8::try_from(stored % 256).map_err(|_| PrintError::TooLong)?,
        u8::try_from(stored / 256).map_err(|_| PrintError::TooLong)?,
    );
    let mut bytes = Vec::with_capacity(data.len() + 32);
    // Model 2.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', 4, 0, 49, 65, 50, 0]);
    // Module size.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', 3, 0, 49, 67, module]);
    // Error correction level M.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', 3, 0, 49, 69, 49]);
    // Store the data.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', low, high, 49, 80, 48]);
    bytes.extend_from_slice(data);
    // Print it.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', 3, 0, 49, 81, 48]);
    Ok(bytes)
}

/// The receipt as ESC/POS bytes.
pub fn escpos(receipt: &PrintedReceipt) -> Result<Vec<u8>, PrintError> {
    let mut out = Vec::with_capacity(2048);
    out.extend_from_slice(INIT);
    out.extend_from_slice(CODE_PAGE_858);
    out.extend_from_slice(ALIGN_CENTER);
    out.extend_from_slice(DOUBLE_SIZE);
    out.extend_from_slice(BOLD_ON);
    out.extend(cp858(&receipt.code).unwrap_or_else(|| receipt.code.bytes().collect()));
    out.push(b'\n');
    out.extend_from_slice(BOLD_OFF);
    out.extend_from_slice(NORMAL_SIZE);
    out.extend(qr_code(receipt.qr.as_bytes())?);
    out.push(b'\n');
    out.extend_from_slice(ALIGN_LEFT);
    for (label, value) in &receipt.lines {
        match (cp858(label), cp858(value)) {
            (Some(label), Some(value)) => {
                out.extend_from_slice(BOLD_ON);
                out.extend(label);
                out.extend_from_slice(BOLD_OFF);
                out.push(b'\n');
                out.extend(value);
                out.push(b'\n');
            }
            _ => {
                let style = Style {
                    size: RASTER_TEXT,
                    bold: true,
                    centered: false,
                };
                let image = raster::texts(
                    &[
                        (label, style),
                        (
                            value,
                            Style {
                                bold: false,
                                ..style
                            },
                        ),
                    ],
                    DOTS,
                );
                out.extend(raster_image(&image));
            }
        }
    }
    out.extend_from_slice(FEED_AND_CUT);
    Ok(out)
}

/// `GS v 0`: a raster image, sent in bands of at most 256 rows (many printers' buffer).
pub fn raster_image(image: &Bitmap) -> Vec<u8> {
    let row_bytes = image.width / 8;
    let mut out = Vec::with_capacity(image.bits.len() + 16);
    for rows in image.bits.chunks(row_bytes * 256) {
        let height = rows.len() / row_bytes;
        out.extend_from_slice(&[0x1d, b'v', b'0', 0]);
        out.extend_from_slice(&u16::try_from(row_bytes).unwrap_or(u16::MAX).to_le_bytes());
        out.extend_from_slice(&u16::try_from(height).unwrap_or(u16::MAX).to_le_bytes());
        out.extend_from_slice(rows);
    }
    out
}

/// `DLE EOT 4`: the paper roll sensor's status. Bits 5 and 6 set: the paper has run out.
const PAPER_STATUS: &[u8] = &[0x10, 0x04, 4];
const PAPER_END: u8 = 0x60;

/// Sends the receipt to a network printer, asking first whether it has paper.
pub fn print_network(address: SocketAddr, receipt: &PrintedReceipt) -> Result<(), PrintError> {
    let bytes = escpos(receipt)?;
    let mut stream =
        TcpStream::connect_timeout(&address, PRINTER_TIMEOUT).map_err(PrintError::Unreachable)?;
    stream
        .set_write_timeout(Some(PRINTER_TIMEOUT))
        .map_err(PrintError::Unreachable)?;
    stream
        .write_all(PAPER_STATUS)
        .map_err(PrintError::Unreachable)?;
    stream
        .set_read_timeout(Some(STATUS_TIMEOUT))
        .map_err(PrintError::Unreachable)?;
    let mut status = [0u8; 1];
    // No answer is not an error: many network printers answer status only on another port.
    if let Ok(1) = stream.read(&mut status)
        && status[0] & PAPER_END == PAPER_END
    {
        return Err(PrintError::OutOfPaper);
    }
    stream.write_all(&bytes).map_err(PrintError::Unreachable)?;
    stream.flush().map_err(PrintError::Unreachable)?;
    Ok(())
}

/// Sends the receipt to a printer on a USB or serial port, through its device file. A
/// printer that is off or out of paper lets a write block for ever: the write happens on its
/// own thread, and the person is told after [`PRINTER_TIMEOUT`] (the thread ends when the
/// device gives up or the printer comes back).
pub fn print_device(path: &Path, receipt: &PrintedReceipt) -> Result<(), PrintError> {
    let bytes = escpos(receipt)?;
    let path = path.to_owned();
    let (done, outcome) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let written = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut device| {
                device.write_all(&bytes)?;
                device.flush()
            });
        let _ = done.send(written);
    });
    match outcome.recv_timeout(PRINTER_TIMEOUT) {
        Ok(written) => written.map_err(PrintError::Unreachable),
        Err(_) => Err(PrintError::Offline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt() -> PrintedReceipt {
        PrintedReceipt {
            code: "K7MX4PRT".into(),
            qr: "SR1.payload.signature".into(),
            lines: vec![
                ("Pratica".into(), "Rinnovo del permesso di soggiorno".into()),
                ("Quando".into(), "venerdì 27 novembre 2026, 08:30".into()),
                ("الإجراء".into(), "تجديد تصريح الإقامة".into()),
            ],
        }
    }

    #[test]
    fn the_receipt_is_text_and_a_native_qr_code() {
        let bytes = escpos(&receipt()).unwrap();
        assert!(bytes.starts_with(INIT));
        assert!(bytes.ends_with(FEED_AND_CUT));
        let qr = qr_code(b"SR1.payload.signature").unwrap();
        assert!(bytes.windows(qr.len()).any(|window| window == qr));
        // Accented Italian in code page 858; Arabic as a raster image, never as UTF-8 bytes
        // the printer would print as gibberish.
        let venerdi = cp858("venerdì").unwrap();
        assert!(bytes.windows(venerdi.len()).any(|window| window == venerdi));
        assert!(!bytes.windows(2).any(|window| window == "ا".as_bytes()));
        let raster = [0x1d, b'v', b'0', 0, (DOTS / 8) as u8, 0];
        assert_eq!(
            bytes
                .windows(raster.len())
                .filter(|window| *window == raster)
                .count(),
            1,
            "one image: the Arabic label and value"
        );
    }

    #[test]
    fn qr_data_length_is_encoded_little_endian() {
        let data = vec![b'x'; 700];
        let bytes = qr_code(&data).unwrap();
        let store = [
            0x1d,
            b'(',
            b'k',
            (703 % 256) as u8,
            (703 / 256) as u8,
            49,
            80,
            48,
        ];
        assert!(bytes.windows(store.len()).any(|window| window == store));
        assert!(qr_code(&vec![b'x'; 8000]).is_err());
    }

    #[test]
    fn long_qr_codes_get_smaller_modules_to_fit_the_paper() {
        assert_eq!(qr_module(b"https://s.example/r/SR1.abc.def").unwrap(), 6);
        // An offline kiosk receipt's address: about 700 characters, version 20 or more.
        let long = vec![b'x'; 700];
        let module = qr_module(&long).unwrap();
        let side = qrcode::QrCode::with_error_correction_level(&long, qrcode::EcLevel::M)
            .unwrap()
            .width();
        assert!(module < 6);
        assert!(
            (side + 8) * usize::from(module) <= DOTS,
            "{side} × {module}"
        );
    }
}
