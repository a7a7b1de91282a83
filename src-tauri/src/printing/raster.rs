//! Text as a 1-bit image for thermal printers: what a printer's code pages cannot print
//! (Arabic, and any script but Western European) is shaped like every other receipt text and
//! drawn into dots, black where the glyph covers more than about half a dot.

use super::layout::{Style, Typesetter};
use cosmic_text::Color;

/// A 1-bit image, rows of `width / 8` bytes, most significant bit leftmost, 1 = black (the
/// layout of ESC/POS raster images).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitmap {
    /// Dots per row, a multiple of 8.
    pub width: usize,
    pub height: usize,
    pub bits: Vec<u8>,
}

impl Bitmap {
    fn new(width: usize) -> Bitmap {
        Bitmap {
            width: width.div_ceil(8) * 8,
            height: 0,
            bits: Vec::new(),
        }
    }

    fn grow_to(&mut self, height: usize) {
        if height > self.height {
            self.bits.resize(height * self.width / 8, 0);
            self.height = height;
        }
    }

    fn set(&mut self, x: usize, y: usize) {
        if x < self.width && y < self.height {
            self.bits[y * self.width / 8 + x / 8] |= 0x80 >> (x % 8);
        }
    }

    pub fn is_set(&self, x: usize, y: usize) -> bool {
        x < self.width
            && y < self.height
            && self.bits[y * self.width / 8 + x / 8] & (0x80 >> (x % 8)) != 0
    }

    /// How many dots are black: a test's measure of "something was drawn".
    pub fn ink(&self) -> usize {
        self.bits
            .iter()
            .map(|byte| byte.count_ones() as usize)
            .sum()
    }
}

/// Coverage above which a dot is black (of 255).
const THRESHOLD: u8 = 110;

/// The texts, one below the other, in an image `width` dots wide.
pub fn texts(pieces: &[(&str, Style)], width: usize) -> Bitmap {
    let mut bitmap = Bitmap::new(width);
    let mut typesetter = Typesetter::get();
    let mut top = 0usize;
    for (text, style) in pieces {
        let mut buffer = typesetter.shape(text, *style, width as f32);
        let height = buffer
            .layout_runs()
            .map(|run| run.line_top + run.line_height)
            .fold(0.0f32, f32::max)
            .ceil() as usize;
        bitmap.grow_to(top + height);
        let Typesetter { system, swash, .. } = &mut *typesetter;
        buffer.draw(system, swash, Color::rgb(0, 0, 0), |x, y, w, h, color| {
            if color.a() < THRESHOLD {
                return;
            }
            let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y)) else {
                return;
            };
            for dy in 0..h as usize {
                for dx in 0..w as usize {
                    bitmap.set(x + dx, top + y + dy);
                }
            }
        });
        top += height;
    }
    bitmap
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLE: Style = Style {
        size: 24.0,
        bold: false,
        centered: false,
    };

    #[test]
    fn arabic_text_is_drawn_on_the_right() {
        let bitmap = texts(&[("تجديد تصريح الإقامة", STYLE)], 576);
        assert_eq!(bitmap.width, 576);
        assert!(bitmap.height > 20);
        assert!(bitmap.ink() > 500, "ink: {}", bitmap.ink());
        let ink_in = |columns: std::ops::Range<usize>| {
            columns
                .flat_map(|x| (0..bitmap.height).map(move |y| (x, y)))
                .filter(|(x, y)| bitmap.is_set(*x, *y))
                .count()
        };
        assert!(ink_in(400..576) > 0, "right side inked");
        assert_eq!(ink_in(0..100), 0, "left side blank");
    }
}
