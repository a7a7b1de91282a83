//! The person an appointment is for: the few details the offices need, validated field by
//! field so the UI can point at what to fix, and a normalised identity that makes "one active
//! booking per person per procedure" enforceable.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How a person proves who they are at the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Identity {
    /// The Italian tax code, 16 characters.
    CodiceFiscale { code: String },
    /// A passport number; with the nationality it identifies the person.
    Passport { number: String },
    /// The number of an Italian residence permit (permesso di soggiorno).
    ResidencePermit { number: String },
}

impl Identity {
    /// The code or number, as given.
    pub fn number(&self) -> &str {
        match self {
            Identity::CodiceFiscale { code } => code,
            Identity::Passport { number } | Identity::ResidencePermit { number } => number,
        }
    }
}

/// The details of the person an appointment is for. Nothing else is asked or kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Given names as on the identity document, in Latin letters.
    pub given_names: String,
    /// Surname as on the identity document, in Latin letters.
    pub surname: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date_of_birth: Date,
    /// ISO 3166-1 alpha-2 code, e.g. "MA".
    pub nationality: String,
    pub identity: Identity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// What is wrong with one field; the UI has a message in every language for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldProblem {
    Missing,
    TooLong,
    /// Names on documents are in Latin letters; this one has other scripts or digits.
    NotLatin,
    /// A date of birth in the future or more than 120 years ago.
    ImplausibleDate,
    UnknownCountry,
    /// Not the shape of this kind of code or number.
    BadFormat,
    /// A codice fiscale whose check character is wrong: usually a typing mistake.
    BadCheckCharacter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's path, e.g. "person.surname".
    pub field: String,
    pub problem: FieldProblem,
}

const MAX_NAME: usize = 80;

impl Person {
    /// Checks every field, returning the person with names and codes tidied (spaces collapsed,
    /// codes uppercased), or every problem found, not just the first.
    pub fn validated(&self, today: Date) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, problem| {
            errors.push(FieldError {
                field: format!("person.{field}"),
                problem,
            })
        };
        let given_names = tidy_name(&self.given_names).unwrap_or_else(|problem| {
            fail("given_names", problem);
            String::new()
        });
        let surname = tidy_name(&self.surname).unwrap_or_else(|problem| {
            fail("surname", problem);
            String::new()
        });
        let oldest = today.saturating_sub(jiff::Span::new().years(120));
        if self.date_of_birth > today || self.date_of_birth < oldest {
            fail("date_of_birth", FieldProblem::ImplausibleDate);
        }
        let nationality = self.nationality.trim().to_ascii_uppercase();
        if !is_country(&nationality) {
            fail("nationality", FieldProblem::UnknownCountry);
        }
        let identity = match &self.identity {
            Identity::CodiceFiscale { code } => {
                let code = compact(code);
                if let Err(problem) = check_codice_fiscale(&code) {
                    fail("identity.code", problem);
                }
                Identity::CodiceFiscale { code }
            }
            Identity::Passport { number } => {
                let number = compact(number);
                if let Err(problem) = check_document_number(&number) {
                    fail("identity.number", problem);
                }
                Identity::Passport { number }
            }
            Identity::ResidencePermit { number } => {
                let number = compact(number);
                if let Err(problem) = check_document_number(&number) {
                    fail("identity.number", problem);
                }
                Identity::ResidencePermit { number }
            }
        };
        let phone = match self.phone.as_deref().map(compact_phone) {
            None => None,
            Some(phone) if phone.is_empty() => None,
            Some(phone) => {
                let digits = phone.strip_prefix('+').unwrap_or(&phone);
                if !(6..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit())
                {
                    fail("phone", FieldProblem::BadFormat);
                }
                Some(phone)
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Person {
            given_names,
            surname,
            date_of_birth: self.date_of_birth,
            nationality,
            identity,
            phone,
        })
    }

    /// The string that identifies this person for "one active booking per procedure": the
    /// codice fiscale, or the document number with the nationality. Call on a validated
    /// person; the server keys it (HMAC) before storing it.
    pub fn identity_key(&self) -> String {
        match &self.identity {
            Identity::CodiceFiscale { code } => format!("cf:{}", without_omocodia(code)),
            Identity::Passport { number } | Identity::ResidencePermit { number } => {
                format!("doc:{}:{number}", self.nationality)
            }
        }
    }
}

/// Collapses runs of spaces and checks a name is made of Latin letters, spaces, apostrophes,
/// hyphens and dots, as printed on documents.
fn tidy_name(name: &str) -> Result<String, FieldProblem> {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if tidy.is_empty() {
        return Err(FieldProblem::Missing);
    }
    if tidy.chars().count() > MAX_NAME {
        return Err(FieldProblem::TooLong);
    }
    let allowed = |c: char| is_latin_letter(c) || matches!(c, ' ' | '\'' | '’' | '-' | '.');
    if !tidy.chars().all(allowed)
        || !tidy
            .chars()
            .any(|c| c.is_alphabetic() && is_latin_letter(c))
    {
        return Err(FieldProblem::NotLatin);
    }
    Ok(tidy)
}

/// Letters of the Latin script, accented ones included (Latin-1 Supplement, Extended-A and -B,
/// Extended Additional for Vietnamese), and combining accents typed after a letter.
fn is_latin_letter(c: char) -> bool {
    let latin = ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c);
    c.is_ascii_alphabetic()
        || (c.is_alphabetic() && latin)
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn compact(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase()
}

fn compact_phone(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '(' | ')' | '/'))
        .collect()
}

fn check_document_number(number: &str) -> Result<(), FieldProblem> {
    if number.is_empty() {
        return Err(FieldProblem::Missing);
    }
    if !(5..=20).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(FieldProblem::BadFormat);
    }
    Ok(())
}

/// Value of a character in an odd position (1st, 3rd, …) for the check character.
fn odd_value(c: u8) -> u32 {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    match c {
        b'0'..=b'9' => ODD[usize::from(c - b'0')],
        _ => ODD[usize::from(c - b'A')],
    }
}

fn even_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        _ => u32::from(c - b'A'),
    }
}

/// Positions of a codice fiscale that hold digits, which "omocodia" may replace by letters.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
/// The letters that stand for 0 to 9 in omocodia.
const OMOCODIA: &[u8] = b"LMNPQRSTUV";

/// The codice fiscale with omocodia letters turned back into digits and without its check
/// character: the same person however the code was disambiguated.
fn without_omocodia(code: &str) -> String {
    let mut bytes: Vec<u8> = code.bytes().take(15).collect();
    for position in DIGIT_POSITIONS {
        if let Some(byte) = bytes.get_mut(position)
            && let Some(digit) = OMOCODIA.iter().position(|letter| letter == byte)
        {
            *byte = b'0' + digit as u8;
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Checks an uppercase codice fiscale: its shape (with the letters that replace digits in
/// "omocodia" cases) and its check character.
pub fn check_codice_fiscale(code: &str) -> Result<(), FieldProblem> {
    if code.is_empty() {
        return Err(FieldProblem::Missing);
    }
    let bytes = code.as_bytes();
    if bytes.len() != 16 {
        return Err(FieldProblem::BadFormat);
    }
    const MONTHS: &[u8] = b"ABCDEHLMPRST";
    let digit_like = |b: u8| b.is_ascii_digit() || OMOCODIA.contains(&b);
    let shape_ok = bytes[..6].iter().all(u8::is_ascii_uppercase)
        && digit_like(bytes[6])
        && digit_like(bytes[7])
        && MONTHS.contains(&bytes[8])
        && digit_like(bytes[9])
        && digit_like(bytes[10])
        && bytes[11].is_ascii_uppercase()
        && bytes[12..15].iter().all(|b| digit_like(*b))
        && bytes[15].is_ascii_uppercase();
    if !shape_ok {
        return Err(FieldProblem::BadFormat);
    }
    let sum: u32 = bytes[..15]
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i % 2 == 0 {
                odd_value(c)
            } else {
                even_value(c)
            }
        })
        .sum();
    let expected = b'A' + (sum % 26) as u8;
    if bytes[15] == expected {
        Ok(())
    } else {
        Err(FieldProblem::BadCheckCharacter)
    }
}

/// Every ISO 3166-1 alpha-2 country code, for choosing a nationality.
pub fn country_codes() -> Vec<&'static str> {
    celes::Country::get_countries()
        .iter()
        .map(|country| country.alpha2)
        .collect()
}

/// Whether `code` is an ISO 3166-1 alpha-2 country code.
pub fn is_country(code: &str) -> bool {
    code.len() == 2 && celes::Country::from_alpha2(code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn person() -> Person {
        Person {
            given_names: "  Fatima  Zahra ".into(),
            surname: "El Amrani".into(),
            date_of_birth: date(1990, 3, 14),
            nationality: "ma".into(),
            identity: Identity::Passport {
                number: "ab 123-4567".into(),
            },
            phone: Some("+39 333 123 4567".into()),
        }
    }

    const TODAY: Date = date(2026, 11, 25);

    #[test]
    fn a_good_person_is_tidied() {
        let valid = person().validated(TODAY).unwrap();
        assert_eq!(valid.given_names, "Fatima Zahra");
        assert_eq!(valid.nationality, "MA");
        assert_eq!(
            valid.identity,
            Identity::Passport {
                number: "AB1234567".into()
            }
        );
        assert_eq!(valid.phone.as_deref(), Some("+393331234567"));
        assert_eq!(valid.identity_key(), "doc:MA:AB1234567");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = Person {
            given_names: "فاطمة".into(),
            surname: "".into(),
            date_of_birth: date(2030, 1, 1),
            nationality: "XX".into(),
            identity: Identity::CodiceFiscale {
                code: "RSSMRA85T10A562T".into(),
            },
            phone: Some("12".into()),
        };
        let errors = bad.validated(TODAY).unwrap_err();
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.problem))
            .collect();
        assert_eq!(
            found,
            [
                ("person.given_names", FieldProblem::NotLatin),
                ("person.surname", FieldProblem::Missing),
                ("person.date_of_birth", FieldProblem::ImplausibleDate),
                ("person.nationality", FieldProblem::UnknownCountry),
                ("person.identity.code", FieldProblem::BadCheckCharacter),
                ("person.phone", FieldProblem::BadFormat),
            ]
        );
    }

    #[test]
    fn accented_latin_names_are_fine_other_scripts_and_digits_are_not() {
        for good in [
            "Nguyễn Văn",
            "Ñúñez-García",
            "D'Amico",
            "Ólafsdóttir",
            "O’Brien",
        ] {
            assert!(tidy_name(good).is_ok(), "{good}");
        }
        for bad in ["Иванов", "王", "Agent 007", "---", "a×b"] {
            assert_eq!(tidy_name(bad), Err(FieldProblem::NotLatin), "{bad}");
        }
        assert_eq!(tidy_name(&"a".repeat(81)), Err(FieldProblem::TooLong));
    }

    #[test]
    fn codici_fiscali_are_checked_including_omocodia() {
        assert_eq!(check_codice_fiscale("RSSMRA85T10A562S"), Ok(()));
        assert_eq!(check_codice_fiscale("BNCLRA70A41H501B"), Ok(()));
        assert_eq!(
            check_codice_fiscale("RSSMRA85T10A562T"),
            Err(FieldProblem::BadCheckCharacter)
        );
        assert_eq!(
            check_codice_fiscale("RSSMRA85T10A56"),
            Err(FieldProblem::BadFormat)
        );
        assert_eq!(
            check_codice_fiscale("RSSMRA85Z10A562S"),
            Err(FieldProblem::BadFormat)
        );
        // Omocodia: the last digit 2 of the place code becomes N; the check character follows.
        let omocode = format!("RSSMRA85T10A56N{}", check_char("RSSMRA85T10A56N"));
        assert_eq!(check_codice_fiscale(&omocode), Ok(()));
    }

    #[test]
    fn the_same_document_in_another_spelling_is_the_same_person() {
        let a = person().validated(TODAY).unwrap();
        let mut b = person();
        b.identity = Identity::ResidencePermit {
            number: "AB1234567".into(),
        };
        b.given_names = "Fatima".into();
        let b = b.validated(TODAY).unwrap();
        assert_eq!(a.identity_key(), b.identity_key());
        let cf = Person {
            identity: Identity::CodiceFiscale {
                code: "rssmra85t10a562s".into(),
            },
            ..person()
        }
        .validated(TODAY)
        .unwrap();
        assert_eq!(cf.identity_key(), "cf:RSSMRA85T10A562");
        // The same code in an omocodia form (2 → N in the place code) is the same person.
        let omocode = Person {
            identity: Identity::CodiceFiscale {
                code: "RSSMRA85T10A56N".to_owned() + &check_char("RSSMRA85T10A56N").to_string(),
            },
            ..person()
        }
        .validated(TODAY)
        .unwrap();
        assert_eq!(omocode.identity_key(), cf.identity_key());
    }

    fn check_char(first15: &str) -> char {
        let sum: u32 = first15
            .bytes()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    odd_value(c)
                } else {
                    even_value(c)
                }
            })
            .sum();
        (b'A' + (sum % 26) as u8) as char
    }

    #[test]
    fn countries_are_iso_codes() {
        assert!(is_country("IT") && is_country("MA") && is_country("UA") && is_country("BD"));
        assert!(!is_country("XX") && !is_country("ITA") && !is_country(""));
    }
}
