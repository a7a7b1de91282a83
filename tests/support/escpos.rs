//! Reads an ESC/POS byte stream back into commands, the way a printer would: any byte
//! sequence that is not a command we know, or text a code page cannot hold, fails the parse.
//! A test that parses a receipt's stream knows the printer would print every byte of it.

/// One thing the printer does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Init,
    CodePage(u8),
    Align(u8),
    Bold(bool),
    Size(u8),
    /// Printable text up to a line feed, decoded from code page 858 (ASCII part shown as is).
    Text(Vec<u8>),
    LineFeed,
    QrModel,
    QrModuleSize(u8),
    QrErrorCorrection(u8),
    QrStore(Vec<u8>),
    QrPrint,
    /// `GS v 0`: a raster image, bytes per row, rows, and how many dots are black.
    Raster {
        row_bytes: usize,
        rows: usize,
        ink: usize,
    },
    PaperStatus,
    Cut,
}

pub fn parse(mut bytes: &[u8]) -> Result<Vec<Command>, String> {
    let mut commands = Vec::new();
    let take = |bytes: &mut &[u8], n: usize| -> Result<Vec<u8>, String> {
        if bytes.len() < n {
            return Err(format!("truncated: {n} bytes wanted, {} left", bytes.len()));
        }
        let (head, tail) = bytes.split_at(n);
        *bytes = tail;
        Ok(head.to_vec())
    };
    while !bytes.is_empty() {
        let command = match bytes[0] {
            0x1b => {
                let head = take(&mut bytes, 2)?;
                match head[1] {
                    b'@' => Command::Init,
                    b't' => Command::CodePage(take(&mut bytes, 1)?[0]),
                    b'a' => Command::Align(take(&mut bytes, 1)?[0]),
                    b'E' => Command::Bold(take(&mut bytes, 1)?[0] == 1),
                    other => return Err(format!("unknown ESC {other:#x}")),
                }
            }
            0x1d => {
                let head = take(&mut bytes, 2)?;
                match head[1] {
                    b'!' => Command::Size(take(&mut bytes, 1)?[0]),
                    b'V' => {
                        take(&mut bytes, 2)?;
                        Command::Cut
                    }
                    b'v' => {
                        let header = take(&mut bytes, 6)?;
                        if header[0] != b'0' {
                            return Err("GS v: only raster mode 0".into());
                        }
                        let row_bytes = usize::from(u16::from_le_bytes([header[2], header[3]]));
                        let rows = usize::from(u16::from_le_bytes([header[4], header[5]]));
                        let image = take(&mut bytes, row_bytes * rows)?;
                        let ink = image.iter().map(|b| b.count_ones() as usize).sum();
                        Command::Raster {
                            row_bytes,
                            rows,
                            ink,
                        }
                    }
                    b'(' => {
                        let header = take(&mut bytes, 3)?;
                        if header[0] != b'k' {
                            return Err("GS ( other than k".into());
                        }
                        let length = usize::from(u16::from_le_bytes([header[1], header[2]]));
                        let body = take(&mut bytes, length)?;
                        match (body.first(), body.get(1)) {
                            (Some(49), Some(65)) => Command::QrModel,
                            (Some(49), Some(67)) => Command::QrModuleSize(body[2]),
                            (Some(49), Some(69)) => Command::QrErrorCorrection(body[2]),
                            (Some(49), Some(80)) => Command::QrStore(body[3..].to_vec()),
                            (Some(49), Some(81)) => Command::QrPrint,
                            _ => return Err(format!("unknown QR function {body:?}")),
                        }
                    }
                    other => return Err(format!("unknown GS {other:#x}")),
                }
            }
            0x10 => {
                let head = take(&mut bytes, 3)?;
                if head[1] != 0x04 {
                    return Err("DLE other than EOT".into());
                }
                Command::PaperStatus
            }
            b'\n' => {
                take(&mut bytes, 1)?;
                Command::LineFeed
            }
            byte if byte < 0x20 => return Err(format!("stray control byte {byte:#x}")),
            _ => {
                let end = bytes.iter().position(|&b| b < 0x20).unwrap_or(bytes.len());
                Command::Text(take(&mut bytes, end)?)
            }
        };
        commands.push(command);
    }
    Ok(commands)
}

/// The printed text, code page 858's accented letters as '?' (enough to find words).
pub fn text(commands: &[Command]) -> String {
    commands
        .iter()
        .filter_map(|command| match command {
            Command::Text(bytes) => Some(
                bytes
                    .iter()
                    .map(|&b| if b.is_ascii() { b as char } else { '?' })
                    .collect::<String>()
                    + "\n",
            ),
            _ => None,
        })
        .collect()
}
