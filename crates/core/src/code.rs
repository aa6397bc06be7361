//! `Code`: a stable machine code from one of the vocabularies.

use std::fmt;
use std::sync::Arc;

use crate::taxonomy::Vocabulary;

/// A vocabulary code such as `KG`, `KG-GB` or `digital_security`.
///
/// Cheap to clone (shared string) because codes are copied into every service of the
/// in-memory directory and into every match reason.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(Arc<str>);

impl Code {
    /// Checks the shape of a code for a vocabulary and normalises it: countries and
    /// regions are ISO 3166 codes in upper case (`kg` is accepted as `KG`), every
    /// other vocabulary uses snake_case ASCII (`digital_security`).
    pub fn parse(vocabulary: Vocabulary, raw: &str) -> Result<Code, String> {
        Code::lookup_key(vocabulary, raw).ok_or_else(|| match vocabulary {
            Vocabulary::Country => format!("'{raw}' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. KG)"),
            Vocabulary::Region => format!("'{raw}' is not a region code (country code, hyphen, up to six letters or digits, e.g. KG-GB)"),
            Vocabulary::Language => format!("'{raw}' is not a language code (two or three lower-case letters, e.g. ru)"),
            _ => format!("'{raw}' is not a code (lower-case letters, digits and underscores, e.g. digital_security)"),
        })
    }

    pub(crate) fn lookup_key(vocabulary: Vocabulary, raw: &str) -> Option<Code> {
        let raw = raw.trim();
        let ok = match vocabulary {
            Vocabulary::Country => raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_alphabetic()),
            Vocabulary::Region => {
                let mut parts = raw.splitn(2, '-');
                let country = parts.next().unwrap_or_default();
                let sub = parts.next().unwrap_or_default();
                country.len() == 2
                    && country.bytes().all(|b| b.is_ascii_alphabetic())
                    && (1..=6).contains(&sub.len())
                    && sub.bytes().all(|b| b.is_ascii_alphanumeric())
            }
            Vocabulary::Language => {
                (2..=3).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_lowercase())
            }
            _ => {
                (1..=64).contains(&raw.len())
                    && raw.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                    && raw
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            }
        };
        if !ok {
            return None;
        }
        Some(match vocabulary {
            Vocabulary::Country | Vocabulary::Region => Code(raw.to_ascii_uppercase().into()),
            _ => Code(raw.into()),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Deserialises without vocabulary checks; values read this way are resolved against
/// the taxonomy by `Directory::validate` before anything uses them.
impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Code(s.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_two_letters_normalised_to_upper_case() {
        assert_eq!(
            Code::parse(Vocabulary::Country, "kg").map(|c| c.to_string()),
            Ok("KG".into())
        );
        assert!(Code::parse(Vocabulary::Country, "KGZ").is_err());
        assert!(Code::parse(Vocabulary::Country, "K1").is_err());
    }

    #[test]
    fn regions_carry_their_country() {
        assert!(Code::parse(Vocabulary::Region, "KG-GB").is_ok());
        assert!(Code::parse(Vocabulary::Region, "KG").is_err());
        assert!(Code::parse(Vocabulary::Region, "KG-").is_err());
        assert!(Code::parse(Vocabulary::Region, "KG-A B").is_err());
    }

    #[test]
    fn snake_case_codes_reject_other_shapes() {
        assert!(Code::parse(Vocabulary::SupportType, "digital_security").is_ok());
        assert!(Code::parse(Vocabulary::SupportType, "Digital").is_err());
        assert!(Code::parse(Vocabulary::SupportType, "_x").is_err());
        assert!(Code::parse(Vocabulary::SupportType, "a-b").is_err());
        assert!(Code::parse(Vocabulary::SupportType, "").is_err());
    }
}
