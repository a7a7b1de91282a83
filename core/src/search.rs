//! Text folded for matching what a person typed, whatever their script and however they type
//! it: the same folding on the indexed text and on the query, on the kiosk and in the UI.
//!
//! - Lower case; Latin, Greek and Cyrillic accents dropped (by Unicode decomposition: "è" is
//!   "e" plus a mark, and the mark goes), "ß" → "ss", "ё" → "е".
//! - Arabic: the alef forms (أ إ آ ٱ) are alef, taa marbuta is haa, alef maqsura is yaa,
//!   the Persian/Urdu forms of kaf and yaa are the Arabic ones, and the harakat, the
//!   superscript alef and the tatweel go: people type without them, and often with the
//!   simpler letter.
//! - Everything else (Chinese, the Indic scripts) is kept as typed; Indic vowel signs are
//!   letters, not accents, so they stay.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` folded for search (see the module's description).
pub fn fold(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            // Arabic harakat, superscript alef, tatweel, Quranic marks.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => {}
            // NFD splits أ, إ and آ into alef and a mark (dropped above); the wasla form stays
            // whole.
            'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' | 'ی' => out.push('ي'),
            'ک' => out.push('ك'),
            'ß' => out.push_str("ss"),
            'ё' => out.push('е'),
            c if is_combining_mark(c) && is_accent_on_alphabet(&out) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a combining mark follows a Latin, Greek or Cyrillic letter (an accent to drop)
/// rather than a letter of a script whose marks are vowels (Devanagari, Bengali, …).
fn is_accent_on_alphabet(before: &str) -> bool {
    before.chars().next_back().is_some_and(|c| {
        c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{0370}'..='\u{03FF}').contains(&c)
            || ('\u{0400}'..='\u{04FF}').contains(&c)
    })
}

/// The words of a folded text: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter(|word| !word.is_empty())
}

/// Whether a text is in a script without spaces between words (Chinese, Japanese): such text
/// is matched by characters, not by words.
pub fn is_unspaced(text: &str) -> bool {
    text.chars().any(|c| {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{3400}'..='\u{4DBF}').contains(&c)
            || ('\u{3040}'..='\u{30FF}').contains(&c)
    })
}

/// Whether two words, split into characters (a search compares one word with thousands),
/// are at most `max` edits apart (insertions, deletions, substitutions, swaps of
/// neighbours): enough to forgive "permeso" or "rinovo".
pub fn within_edits_chars(a: &[char], b: &[char], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    // Optimal string alignment distance, keeping the last two rows.
    let mut two_up: Vec<usize> = vec![0; b.len() + 1];
    let mut up: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (row[j - 1] + 1).min(up[j] + 1).min(up[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(two_up[j - 2] + 1);
            }
        }
        if row.iter().all(|&distance| distance > max) {
            return false;
        }
        std::mem::swap(&mut two_up, &mut up);
        std::mem::swap(&mut up, &mut row);
    }
    up[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within_edits(a: &str, b: &str, max: usize) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        within_edits_chars(&a, &b, max)
    }

    #[test]
    fn latin_accents_and_case_fold() {
        assert_eq!(fold("Città È PERMESSO"), "citta e permesso");
        assert_eq!(fold("Ricongiungimento"), "ricongiungimento");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("façade naïve"), "facade naive");
    }

    #[test]
    fn cyrillic_folds_yo_and_case() {
        assert_eq!(fold("Вид на Жительство"), "вид на жительство");
        assert_eq!(fold("ещё"), "еще");
        assert_eq!(fold("Її"), "ii".replace('i', "і"));
    }

    #[test]
    fn arabic_letter_variants_and_marks_fold() {
        // Alef with hamza, taa marbuta, harakat, tatweel.
        assert_eq!(fold("الإقامة"), fold("الاقامه"));
        assert_eq!(fold("تَصْرِيح"), "تصريح");
        assert_eq!(fold("تـــصريح"), "تصريح");
        assert_eq!(fold("مستشفى"), "مستشفي");
        // Urdu's kaf and yaa meet Arabic's.
        assert_eq!(fold("کی"), "كي");
    }

    #[test]
    fn indic_vowel_signs_stay() {
        // Hindi "नवीनीकरण" keeps its vowel signs: they are letters.
        assert_eq!(fold("नवीनीकरण"), "नवीनीकरण");
        assert_eq!(fold("পরীক্ষা"), "পরীক্ষা".nfd().collect::<String>());
    }

    #[test]
    fn words_and_scripts() {
        assert_eq!(
            words(&fold("Permesso di soggiorno, rinnovo!")).collect::<Vec<_>>(),
            ["permesso", "di", "soggiorno", "rinnovo"]
        );
        assert!(is_unspaced("居留许可"));
        assert!(!is_unspaced("permesso"));
    }

    #[test]
    fn typos_within_the_allowed_edits() {
        assert!(within_edits("permeso", "permesso", 1));
        assert!(within_edits("rinovo", "rinnovo", 1));
        assert!(within_edits("prmesso", "permesso", 1));
        assert!(
            within_edits("pemresso", "permesso", 1),
            "a swap is one edit"
        );
        assert!(!within_edits("casa", "cosa e", 1));
        assert!(!within_edits("lavoro", "famiglia", 2));
        assert!(within_edits("", "a", 1));
    }
}
