//! The receipt laid out once, for every kind of paper: text shaped and wrapped by cosmic-text
//! (bidirectional text, Arabic joining, font fallback by script), a QR code, and where each
//! sits. The PDF writer and the thermal printer's raster both draw from this.
//!
//! The fonts ship with the app (`fonts/`, Noto, SIL OFL): a receipt never depends on what the
//! kiosk's system has installed, and the same receipt lays out the same on every kiosk, which
//! is what lets the tests compare layouts with golden files.

use super::PrintedReceipt;
use cosmic_text::{
    Align, Attrs, Buffer, Family, FontSystem, Metrics, Shaping, SwashCache, Weight, fontdb,
};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};

/// The faces the receipt is set in, regular and bold. Noto Sans first: it is the family asked
/// for, and the fallback for Latin, Greek and Cyrillic; for other scripts cosmic-text falls
/// back by script to the Noto family named for it (Arabic also for Urdu; Bengali; Gurmukhi
/// for Punjabi; Devanagari for Hindi; Noto Sans SC for Chinese, regular only: labels in bold
/// are set regular in Chinese).
pub(crate) const FACES: [&[u8]; 11] = [
    include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSansArabic-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansBengali-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSansBengali-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansGurmukhi-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSansGurmukhi-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansDevanagari-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSansDevanagari-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansSC-Regular-simplified.otf"),
];

/// The font system with only the shipped faces, and which face each font id is.
pub(crate) struct Typesetter {
    pub system: FontSystem,
    pub swash: SwashCache,
    faces: HashMap<fontdb::ID, usize>,
}

static TYPESETTER: LazyLock<Mutex<Typesetter>> = LazyLock::new(|| {
    let mut db = fontdb::Database::new();
    let mut faces = HashMap::new();
    for (index, bytes) in FACES.iter().enumerate() {
        let source = fontdb::Source::Binary(Arc::new(*bytes));
        for id in db.load_font_source(source) {
            faces.insert(id, index);
        }
    }
    db.set_sans_serif_family("Noto Sans");
    // The locale only orders fallbacks for scripts shared by several languages (Han); the
    // receipt's languages are all given by their script.
    let system = FontSystem::new_with_locale_and_db("it-IT".to_owned(), db);
    Mutex::new(Typesetter {
        system,
        swash: SwashCache::new(),
        faces,
    })
});

impl Typesetter {
    /// The shared typesetter; a poisoned lock is still a usable font system.
    pub fn get() -> MutexGuard<'static, Typesetter> {
        TYPESETTER
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Which of [`FACES`] a laid-out glyph uses.
    pub fn face(&self, id: fontdb::ID) -> Option<usize> {
        self.faces.get(&id).copied()
    }

    /// `text` shaped and wrapped to `width`.
    pub fn shape(&mut self, text: &str, style: Style, width: f32) -> Buffer {
        let metrics = Metrics::new(style.size, style.size * 1.3);
        let mut buffer = Buffer::new(&mut self.system, metrics);
        buffer.set_size(Some(width), None);
        let attrs = Attrs::new()
            .family(Family::SansSerif)
            .weight(if style.bold {
                Weight::BOLD
            } else {
                Weight::NORMAL
            });
        let align = style.centered.then_some(Align::Center);
        buffer.set_text(text, &attrs, Shaping::Advanced, align);
        buffer.shape_until_scroll(&mut self.system, false);
        buffer
    }
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    /// Centred; otherwise each paragraph starts on its own side (right for Arabic).
    pub centered: bool,
}

/// The receipt on a page `width` units wide (points for a PDF, dots for a thermal printer).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// One visual line of text.
    Line(Line),
    /// The QR code: `modules` is `side × side`, dark is `true`, drawn at (x, y) in squares of
    /// `module` units.
    Qr {
        x: f32,
        y: f32,
        module: f32,
        side: usize,
        modules: Vec<bool>,
    },
}

/// A line of shaped text: the glyphs in visual order, each with its face and where it sits.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The paragraph the line comes from: the glyphs' `cluster`s index it, so a PDF can say
    /// which characters each glyph shows (copying and searching the text work).
    pub text: String,
    pub baseline: f32,
    pub glyphs: Vec<Glyph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Index into [`FACES`].
    pub face: usize,
    pub id: u16,
    pub size: f32,
    /// The pen position on the line.
    pub x: f32,
    pub advance: f32,
    /// Offsets from the pen position, in ems (HarfBuzz's sense: y up).
    pub x_offset: f32,
    pub y_offset: f32,
    pub cluster: Range<usize>,
}

/// Sizes for a kind of paper: text size, QR side, margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// The page's width.
    pub width: f32,
    pub margin: f32,
    pub text_size: f32,
    pub qr_side: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    #[error("the QR code's content is too long")]
    QrTooLong,
}

/// Lays out `receipt`: the booking code large, the QR code, then each label and its value.
pub fn lay_out(receipt: &PrintedReceipt, geometry: Geometry) -> Result<Layout, LayoutError> {
    let mut typesetter = Typesetter::get();
    let mut layout = Layout {
        width: geometry.width,
        height: geometry.margin,
        items: Vec::new(),
    };
    let size = geometry.text_size;
    let code = Style {
        size: size * 2.2,
        bold: true,
        centered: true,
    };
    typesetter.place(&mut layout, &receipt.code, code, geometry);
    layout.height += size * 0.6;

    let qr = qrcode::QrCode::with_error_correction_level(receipt.qr.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| LayoutError::QrTooLong)?;
    let side = qr.width();
    // Vector squares need no whole points. At least 2 pt (0.7 mm) a module, so the long token
    // of an offline receipt still scans from paper; never wider than the paper's text.
    let content = geometry.width - 2.0 * geometry.margin;
    let module = (geometry.qr_side / side as f32)
        .max(2.0)
        .min(content / side as f32);
    let drawn = module * side as f32;
    layout.items.push(Item::Qr {
        x: (geometry.width - drawn) / 2.0,
        y: layout.height,
        module,
        side,
        modules: qr
            .to_colors()
            .into_iter()
            .map(|color| color == qrcode::Color::Dark)
            .collect(),
    });
    layout.height += drawn + size;

    let label = Style {
        size,
        bold: true,
        centered: false,
    };
    let value = Style {
        bold: false,
        ..label
    };
    for (text, detail) in &receipt.lines {
        typesetter.place(&mut layout, text, label, geometry);
        typesetter.place(&mut layout, detail, value, geometry);
        layout.height += size * 0.5;
    }
    layout.height += geometry.margin;
    Ok(layout)
}

impl Typesetter {
    /// Sets `text` below what `layout` holds and moves its bottom down.
    fn place(&mut self, layout: &mut Layout, text: &str, style: Style, geometry: Geometry) {
        let content = geometry.width - 2.0 * geometry.margin;
        let buffer = self.shape(text, style, content);
        let top = layout.height;
        let mut bottom = top;
        for run in buffer.layout_runs() {
            let glyphs = run
                .glyphs
                .iter()
                .filter_map(|glyph| {
                    Some(Glyph {
                        face: self.face(glyph.font_id)?,
                        id: glyph.glyph_id,
                        size: glyph.font_size,
                        x: geometry.margin + glyph.x,
                        advance: glyph.w,
                        x_offset: glyph.x_offset,
                        y_offset: glyph.y_offset,
                        cluster: glyph.start..glyph.end,
                    })
                })
                .collect();
            layout.items.push(Item::Line(Line {
                text: run.text.to_owned(),
                baseline: top + run.line_y,
                glyphs,
            }));
            bottom = top + run.line_top + run.line_height;
        }
        layout.height = bottom;
    }
}

/// Geometry of an A4 sheet, in points.
pub const A4: Geometry = Geometry {
    width: 595.28,
    margin: 56.0,
    text_size: 11.0,
    qr_side: 200.0,
};

/// Geometry of an 80 mm roll (72 mm printable), in points.
pub const ROLL_80: Geometry = Geometry {
    width: 226.77,
    margin: 11.34,
    text_size: 9.0,
    qr_side: 150.0,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(lines: Vec<(&str, &str)>) -> PrintedReceipt {
        PrintedReceipt {
            code: "K7MX4PRT".into(),
            qr: "https://sportello.example/r/SR1.payload.signature".into(),
            lines: lines
                .into_iter()
                .map(|(label, value)| (label.to_owned(), value.to_owned()))
                .collect(),
        }
    }

    fn text_lines(layout: &Layout) -> Vec<&Line> {
        layout
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Line(line) => Some(line),
                Item::Qr { .. } => None,
            })
            .collect()
    }

    #[test]
    fn arabic_is_set_in_the_arabic_face_from_the_right() {
        let layout = lay_out(&receipt(vec![("الإجراء", "تجديد تصريح الإقامة")]), ROLL_80).unwrap();
        let lines = text_lines(&layout);
        let arabic = lines.iter().find(|line| line.text == "الإجراء").unwrap();
        assert!(
            arabic.glyphs.iter().all(|glyph| glyph.face == 3),
            "bold Arabic"
        );
        // Joined forms: fewer glyphs than letters would mean ligatures; at least every glyph
        // is a real one, not the missing-glyph box.
        assert!(arabic.glyphs.iter().all(|glyph| glyph.id != 0));
        // Right-aligned: the line ends at the right margin.
        let end = arabic
            .glyphs
            .iter()
            .map(|glyph| glyph.x + glyph.advance)
            .fold(0.0, f32::max);
        assert!(
            (end - (ROLL_80.width - ROLL_80.margin)).abs() < 1.0,
            "{end}"
        );
    }

    #[test]
    fn indic_scripts_are_shaped_with_their_own_faces() {
        // Bengali, Punjabi (Gurmukhi) and Hindi (Devanagari): vowel signs and conjuncts are
        // reordered and joined by shaping, so a word has fewer glyphs than characters, and
        // none is the missing-glyph box.
        for (text, face) in [("পরীক্ষা", 4), ("ਪ੍ਰਵਾਸੀ", 6), ("क्षेत्र", 8)]
        {
            let layout = lay_out(&receipt(vec![("x", text)]), A4).unwrap();
            let line = text_lines(&layout)
                .into_iter()
                .find(|line| line.text == text)
                .unwrap();
            assert!(line.glyphs.iter().all(|glyph| glyph.face == face), "{text}");
            assert!(line.glyphs.iter().all(|glyph| glyph.id != 0), "{text}");
            assert!(line.glyphs.len() < text.chars().count(), "{text} shaped");
        }
    }

    #[test]
    fn chinese_is_set_in_the_chinese_face_and_wraps_between_characters() {
        let text = "请在居留许可到期前六十天到警察局申请续签，并携带护照、照片和邮局回执。";
        let layout = lay_out(&receipt(vec![("办理事项", text)]), ROLL_80).unwrap();
        let lines: Vec<&Line> = text_lines(&layout)
            .into_iter()
            .filter(|line| line.text == text)
            .collect();
        assert!(lines.len() >= 2, "wrapped without spaces");
        for line in lines {
            assert!(
                line.glyphs
                    .iter()
                    .all(|glyph| glyph.face == 10 && glyph.id != 0)
            );
        }
    }

    #[test]
    fn long_values_wrap_inside_the_margins() {
        let long = "Passaporto; fotografie formato tessera; marca da bollo da 16 euro; \
                    ricevuta del versamento; copia del permesso di soggiorno in scadenza";
        let layout = lay_out(&receipt(vec![("Portare", long)]), ROLL_80).unwrap();
        let lines = text_lines(&layout);
        assert!(lines.iter().filter(|line| line.text == long).count() >= 3);
        for line in lines {
            for glyph in &line.glyphs {
                assert!(glyph.x >= ROLL_80.margin - 0.01);
                assert!(glyph.x + glyph.advance <= ROLL_80.width - ROLL_80.margin + 0.01);
            }
        }
    }
}
