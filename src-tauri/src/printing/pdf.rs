//! The receipt as a PDF for CUPS, written by krilla: the laid-out glyphs go in as shaped, the
//! fonts are embedded as subsets with their Unicode mappings (so `pdftotext`, a screen reader
//! or a search finds the words, Arabic included), and the QR code is drawn as vector squares,
//! sharp at any printer resolution.
//!
//! krilla is the PDF layer Typst is built on; printpdf, the usual alternative, cannot take
//! shaped glyph runs, which Arabic and the Indic scripts need.

use super::PrintedReceipt;
use super::layout::{self, FACES, Geometry, Item, Layout};
use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::text::{Font, GlyphId, KrillaGlyph};

/// The paper a CUPS printer has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// An A4 sheet (office printers).
    A4,
    /// An 80 mm receipt roll: the page is as long as the receipt.
    Roll80,
}

impl Paper {
    pub fn geometry(self) -> Geometry {
        match self {
            Paper::A4 => layout::A4,
            Paper::Roll80 => layout::ROLL_80,
        }
    }

    /// The `media` option CUPS is given, so the driver picks the right tray or roll.
    pub fn media(self, height: f32) -> String {
        match self {
            Paper::A4 => "A4".to_owned(),
            // PWG custom size in millimetres: 80 wide, as long as the receipt.
            Paper::Roll80 => format!("Custom.80x{}mm", (height / 72.0 * 25.4).ceil()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Layout(#[from] layout::LayoutError),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// The receipt as a one-page PDF on `paper`; also returns the page's height in points.
pub fn render(receipt: &PrintedReceipt, paper: Paper) -> Result<(Vec<u8>, f32), PdfError> {
    let layout = layout::lay_out(receipt, paper.geometry())?;
    let height = match paper {
        Paper::A4 => 841.89,
        Paper::Roll80 => layout.height,
    };
    Ok((write(&layout, height)?, height))
}

fn write(layout: &Layout, height: f32) -> Result<Vec<u8>, PdfError> {
    let fonts: Vec<Font> = FACES
        .iter()
        .map(|bytes| Font::new((*bytes).into(), 0))
        .collect::<Option<_>>()
        .ok_or_else(|| PdfError::Write("a shipped font does not load".to_owned()))?;
    let mut document = Document::new();
    let settings = PageSettings::from_wh(layout.width, height)
        .ok_or_else(|| PdfError::Write("empty page".to_owned()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    for item in &layout.items {
        match item {
            Item::Line(line) => {
                // Glyphs left to right (cosmic-text keeps right-to-left runs in logical
                // order), in runs of one face that touch: krilla places a run's glyphs one
                // after the other by their advances.
                let mut visual: Vec<&layout::Glyph> = line.glyphs.iter().collect();
                visual.sort_by(|a, b| a.x.total_cmp(&b.x));
                for run in visual.chunk_by(|a, b| {
                    a.face == b.face && a.size == b.size && (a.x + a.advance - b.x).abs() < 0.01
                }) {
                    let first = &run[0];
                    let glyphs: Vec<KrillaGlyph> = run
                        .iter()
                        .map(|glyph| {
                            KrillaGlyph::new(
                                GlyphId::new(u32::from(glyph.id)),
                                glyph.advance / glyph.size,
                                glyph.x_offset,
                                glyph.y_offset,
                                0.0,
                                glyph.cluster.clone(),
                                None,
                            )
                        })
                        .collect();
                    surface.draw_glyphs(
                        Point::from_xy(first.x, line.baseline),
                        &glyphs,
                        fonts[first.face].clone(),
                        &line.text,
                        first.size,
                        false,
                    );
                }
            }
            Item::Qr {
                x,
                y,
                module,
                side,
                modules,
            } => {
                let mut path = PathBuilder::new();
                for (index, _) in modules.iter().enumerate().filter(|(_, dark)| **dark) {
                    let (row, column) = (index / side, index % side);
                    if let Some(square) = Rect::from_xywh(
                        x + column as f32 * module,
                        y + row as f32 * module,
                        *module,
                        *module,
                    ) {
                        path.push_rect(square);
                    }
                }
                if let Some(path) = path.finish() {
                    surface.draw_path(&path);
                }
            }
        }
    }
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|err| PdfError::Write(format!("{err:?}")))
}
