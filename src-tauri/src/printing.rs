//! Printing a booking's receipt on the kiosk's thermal printer (ESC/POS over the network,
//! port 9100, the way most 80 mm receipt printers in public offices are connected).
//!
//! The receipt arrives from the UI already in words: the UI holds every translation, so the
//! lines come labelled in the person's language and in Italian. The printer gets plain text
//! for what its code page can print, and the signed token as a QR code made by the printer
//! itself (its native QR command: sharp at any size, and a few hundred bytes on the wire
//! instead of an image). Lines in scripts the code page lacks are left to the screen, which
//! stays up with its QR code until the person leaves: nothing is lost if the paper is not.

pub use sportello_core::kiosk::PrintedReceipt;
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// How long to wait for the printer: a person is standing in front of the kiosk.
const PRINTER_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no printer is configured")]
    NoPrinter,
    #[error("the printer cannot be reached: {0}")]
    Unreachable(#[source] std::io::Error),
    #[error("the receipt is too long for a QR code")]
    TooLong,
}

// ESC/POS commands (Epson's reference, followed by nearly every 80 mm receipt printer).
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

/// The printer's own QR code of `data`: model 2, module size 6, error correction M.
fn qr_code(data: &[u8]) -> Result<Vec<u8>, PrintError> {
    let stored = data.len() + 3;
    let (low, high) = (
        u8::try_from(stored % 256).map_err(|_| PrintError::TooLong)?,
        u8::try_from(stored / 256).map_err(|_| PrintError::TooLong)?,
    );
    if stored > 7089 {
        return Err(PrintError::TooLong);
    }
    let mut bytes = Vec::with_capacity(data.len() + 32);
    // Model 2.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', 4, 0, 49, 65, 50, 0]);
    // Module size.
    bytes.extend_from_slice(&[0x1d, b'(', b'k', 3, 0, 49, 67, 6]);
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
    out.extend(qr_code(receipt.token.as_bytes())?);
    out.push(b'\n');
    out.extend_from_slice(ALIGN_LEFT);
    for (label, value) in &receipt.lines {
        let (Some(label), Some(value)) = (cp858(label), cp858(value)) else {
            continue;
        };
        out.extend_from_slice(BOLD_ON);
        out.extend(label);
        out.extend_from_slice(BOLD_OFF);
        out.push(b'\n');
        out.extend(value);
        out.push(b'\n');
    }
    out.extend_from_slice(FEED_AND_CUT);
    Ok(out)
}

/// Sends the receipt to the printer at `address`.
pub fn print(address: Option<SocketAddr>, receipt: &PrintedReceipt) -> Result<(), PrintError> {
    let address = address.ok_or(PrintError::NoPrinter)?;
    let bytes = escpos(receipt)?;
    let mut stream =
        TcpStream::connect_timeout(&address, PRINTER_TIMEOUT).map_err(PrintError::Unreachable)?;
    stream
        .set_write_timeout(Some(PRINTER_TIMEOUT))
        .map_err(PrintError::Unreachable)?;
    stream.write_all(&bytes).map_err(PrintError::Unreachable)?;
    stream.flush().map_err(PrintError::Unreachable)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt() -> PrintedReceipt {
        PrintedReceipt {
            code: "K7MX4PRT".into(),
            token: "SR1.payload.signature".into(),
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
        // Accented Italian in code page 858; Arabic left to the screen.
        let venerdi = cp858("venerdì").unwrap();
        assert!(bytes.windows(venerdi.len()).any(|window| window == venerdi));
        assert!(!bytes.windows(2).any(|window| window == "ا".as_bytes()));
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
}
