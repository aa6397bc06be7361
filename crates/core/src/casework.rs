//! What a caseworker records on a case beside the decisions (`decision`) and the
//! assessment (`risk`): the support given, the family members who can receive
//! support in their own right, and messages to the defender. Each is checked
//! here, every problem at once and in the terms of the intake form
//! (`intake::Problem`), so a staff form says it beside the field, in the
//! reader's language. Nothing is ever cut short: too long is refused.
//!
//! The study's defenders ask for little bureaucracy: a support record asks for
//! no receipt, and the amount and dates are all that a report needs.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::case::{check_length as length, field_error as error, CaseFieldError};
use crate::intake::Problem;
use crate::taxonomy::{Taxonomy, Vocabulary};
use crate::Code;

pub const MAX_MESSAGE_CHARS: usize = 20_000;
pub const MAX_NOTES_CHARS: usize = 4_000;
pub const MAX_PROVIDER_CHARS: usize = 200;
pub const MAX_FAMILY_NAME_CHARS: usize = 200;
pub const MAX_RELATION_CHARS: usize = 100;
/// The largest amount, in minor units (a hundred million in any currency): more
/// is a typing slip.
pub const MAX_AMOUNT_MINOR: u64 = 10_000_000_000;

/// Who a decision or a support record is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Person {
    /// The defender who asked.
    Defender,
    /// A family member recorded on the case (`FamilyMember`, by its entry's id).
    Family(Uuid),
}

impl Person {
    /// The form's value: `defender`, or a family member's id.
    pub fn form_value(self) -> String {
        match self {
            Person::Defender => "defender".to_owned(),
            Person::Family(id) => id.to_string(),
        }
    }

    /// The person a form names, among the case's `family` members.
    pub fn from_form(value: &str, family: &[Uuid]) -> Option<Person> {
        match value.trim() {
            "" | "defender" => Some(Person::Defender),
            other => other
                .parse::<Uuid>()
                .ok()
                .filter(|id| family.contains(id))
                .map(Person::Family),
        }
    }
}

/// A family member, a linked person who can receive support in their own right,
/// even when the defender needs none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyMember {
    pub name: String,
    /// How they are related ("daughter", "husband"), in the caseworker's words.
    pub relation: String,
    /// Support types they need.
    #[serde(default)]
    pub needs: Vec<Code>,
}

/// A family member as the form gives it.
#[derive(Debug, Clone, Default)]
pub struct FamilyDraft {
    pub name: String,
    pub relation: String,
    pub needs: Vec<String>,
}

impl FamilyDraft {
    pub fn validate(&self, taxonomy: &Taxonomy) -> Result<FamilyMember, Vec<CaseFieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        length(&mut errors, "name", name, 1, MAX_FAMILY_NAME_CHARS);
        let relation = self.relation.trim();
        length(&mut errors, "relation", relation, 0, MAX_RELATION_CHARS);
        let needs = support_types(&mut errors, taxonomy, "needs", &self.needs);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(FamilyMember {
            name: name.to_owned(),
            relation: relation.to_owned(),
            needs,
        })
    }
}

/// Support given: what, for whom, how much, when and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRecord {
    pub support: Code,
    pub person: Person,
    /// In minor units of `currency` (cents), when money was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_minor: Option<u64>,
    /// An ISO 4217 code, with an amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Year-month-day.
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Who gave it: this organisation, or another provider or ally by name.
    pub provider: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl SupportRecord {
    /// The amount as people write it ("1500.50 KGS"), if any.
    pub fn amount_text(&self) -> Option<String> {
        let minor = self.amount_minor?;
        let currency = self.currency.as_deref().unwrap_or_default();
        let whole = minor / 100;
        let cents = minor % 100;
        Some(if cents == 0 {
            format!("{whole} {currency}")
        } else {
            format!("{whole}.{cents:02} {currency}")
        })
    }
}

/// A support record as the form gives it.
#[derive(Debug, Clone, Default)]
pub struct SupportDraft {
    pub support: String,
    pub person: String,
    pub amount: String,
    pub currency: String,
    pub from: String,
    pub to: String,
    pub provider: String,
    pub notes: String,
}

impl SupportDraft {
    /// The record, for one of the case's `family` members or the defender;
    /// every problem at once otherwise.
    pub fn validate(
        &self,
        taxonomy: &Taxonomy,
        family: &[Uuid],
    ) -> Result<SupportRecord, Vec<CaseFieldError>> {
        let mut errors = Vec::new();
        let support = match self.support.trim() {
            "" => {
                errors.push(error("support", Problem::Required));
                None
            }
            code => {
                let known = taxonomy.resolve(Vocabulary::SupportType, code).ok();
                if known.is_none() {
                    errors.push(error("support", Problem::UnknownCode));
                }
                known
            }
        };
        let person = Person::from_form(&self.person, family);
        if person.is_none() {
            errors.push(error(
                "person",
                Problem::NotAChoice("the defender or a family member of the case".into()),
            ));
        }
        let amount = match self.amount.trim() {
            "" => None,
            given => {
                let parsed = parse_amount(given);
                if parsed.is_none() {
                    errors.push(error("amount", Problem::NotAnAmount));
                }
                parsed
            }
        };
        let currency = self.currency.trim().to_ascii_uppercase();
        let currency = match (amount, currency.as_str()) {
            (_, "") => {
                if amount.is_some() {
                    errors.push(error("currency", Problem::Required));
                }
                None
            }
            (_, code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                Some(code.to_owned())
            }
            _ => {
                errors.push(error("currency", Problem::UnknownCode));
                None
            }
        };
        let from = match self.from.trim() {
            "" => {
                errors.push(error("from", Problem::Required));
                None
            }
            given => date(&mut errors, "from", given),
        };
        let to = match self.to.trim() {
            "" => None,
            given => date(&mut errors, "to", given),
        };
        if let (Some((_, start)), Some((_, end))) = (&from, &to) {
            if end < start {
                errors.push(error("to", Problem::EndsBeforeStart));
            }
        }
        let provider = self.provider.trim();
        length(&mut errors, "provider", provider, 1, MAX_PROVIDER_CHARS);
        let notes = self.notes.trim();
        length(&mut errors, "notes", notes, 0, MAX_NOTES_CHARS);
        match (support, person, from) {
            (Some(support), Some(person), Some((from, _))) if errors.is_empty() => {
                Ok(SupportRecord {
                    support,
                    person,
                    amount_minor: amount,
                    currency: amount.and(currency),
                    from,
                    to: to.map(|(text, _)| text),
                    provider: provider.to_owned(),
                    notes: notes.to_owned(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// A message to the defender, checked: not empty, never cut short.
pub fn check_message(text: &str) -> Result<String, CaseFieldError> {
    let text = text.trim();
    let given = text.chars().count();
    if given == 0 {
        Err(error("text", Problem::Required))
    } else if given > MAX_MESSAGE_CHARS {
        Err(error(
            "text",
            Problem::TooLong {
                max: MAX_MESSAGE_CHARS,
                given,
            },
        ))
    } else {
        Ok(text.to_owned())
    }
}

fn support_types(
    errors: &mut Vec<CaseFieldError>,
    taxonomy: &Taxonomy,
    field: &'static str,
    given: &[String],
) -> Vec<Code> {
    let mut codes: Vec<Code> = Vec::new();
    for code in given
        .iter()
        .map(|code| code.trim())
        .filter(|c| !c.is_empty())
    {
        match taxonomy.resolve(Vocabulary::SupportType, code) {
            Ok(known) if !codes.contains(&known) => codes.push(known),
            Ok(_) => {}
            Err(_) => {
                errors.push(error(field, Problem::UnknownCode));
                break;
            }
        }
    }
    codes
}

/// A date as year-month-day: the text kept, and the date to compare.
fn date(
    errors: &mut Vec<CaseFieldError>,
    field: &'static str,
    given: &str,
) -> Option<(String, time::Date)> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(given, &format) {
        Ok(parsed) => Some((given.to_owned(), parsed)),
        Err(_) => {
            errors.push(error(field, Problem::NotADate));
            None
        }
    }
}

/// An amount in minor units: digits, then at most two decimals after a point or
/// a comma (both are written in the coalition's countries); spaces between
/// thousands are allowed.
fn parse_amount(given: &str) -> Option<u64> {
    let compact: String = given
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let (whole, fraction) = match compact.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (compact.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!fraction.is_empty() && !digits(fraction)) || fraction.len() > 2 {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let cents: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let minor = whole.checked_mul(100)?.checked_add(cents)?;
    (minor > 0 && minor <= MAX_AMOUNT_MINOR).then_some(minor)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn taxonomy() -> std::sync::Arc<Taxonomy> {
        Taxonomy::built_in().unwrap()
    }

    fn fields(errors: &[CaseFieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field).collect()
    }

    fn support(amount: &str, currency: &str) -> SupportDraft {
        SupportDraft {
            support: "financial".into(),
            person: "defender".into(),
            amount: amount.into(),
            currency: currency.into(),
            from: "2026-11-30".into(),
            to: String::new(),
            provider: "Bir Duino".into(),
            notes: String::new(),
        }
    }

    #[test]
    fn amounts_are_read_as_people_write_them() {
        assert_eq!(parse_amount("1500"), Some(150_000));
        assert_eq!(parse_amount("1 500,5"), Some(150_050));
        assert_eq!(parse_amount("1500.05"), Some(150_005));
        for wrong in [
            "",
            "-5",
            "1.234",
            "12a",
            "0",
            ".5",
            "1e3",
            "99999999999999999999",
        ] {
            assert_eq!(parse_amount(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn a_support_record_needs_what_when_and_who_gave_it_and_no_receipt() {
        let taxonomy = taxonomy();
        let record = support("1500,50", "kgs").validate(&taxonomy, &[]).unwrap();
        assert_eq!(record.amount_minor, Some(150_050));
        assert_eq!(record.currency.as_deref(), Some("KGS"));
        assert_eq!(record.amount_text().as_deref(), Some("1500.50 KGS"));
        assert_eq!(record.person, Person::Defender);
        // No amount: no currency kept either.
        let record = support("", "USD").validate(&taxonomy, &[]).unwrap();
        assert_eq!((record.amount_minor, record.currency), (None, None));

        let errors = SupportDraft::default()
            .validate(&taxonomy, &[])
            .unwrap_err();
        assert_eq!(fields(&errors), ["support", "from", "provider"]);
        let mut draft = support("12.345", "");
        draft.to = "2026-11-01".into();
        draft.person = Uuid::from_u128(9).to_string();
        draft.notes = "x".repeat(MAX_NOTES_CHARS + 1);
        let errors = draft.validate(&taxonomy, &[]).unwrap_err();
        assert_eq!(fields(&errors), ["person", "amount", "to", "notes"]);
        let errors = support("10", "").validate(&taxonomy, &[]).unwrap_err();
        assert_eq!(fields(&errors), ["currency"]);
        let mut draft = support("10", "EUR");
        draft.from = "30.11.2026".into();
        assert_eq!(
            fields(&draft.validate(&taxonomy, &[]).unwrap_err()),
            ["from"]
        );
    }

    #[test]
    fn support_can_go_to_a_family_member_of_the_case_only() {
        let taxonomy = taxonomy();
        let daughter = Uuid::from_u128(7);
        let mut draft = support("", "");
        draft.person = daughter.to_string();
        let record = draft.validate(&taxonomy, &[daughter]).unwrap();
        assert_eq!(record.person, Person::Family(daughter));
        assert!(draft.validate(&taxonomy, &[Uuid::from_u128(8)]).is_err());
        assert_eq!(Person::from_form("defender", &[]), Some(Person::Defender));
        assert_eq!(
            Person::from_form(&Person::Family(daughter).form_value(), &[daughter]),
            Some(Person::Family(daughter))
        );
    }

    #[test]
    fn a_family_member_needs_a_name_and_known_needs() {
        let taxonomy = taxonomy();
        let member = FamilyDraft {
            name: " Айгуль ".into(),
            relation: "daughter".into(),
            needs: vec!["psychological".into(), "psychological".into(), "".into()],
        }
        .validate(&taxonomy)
        .unwrap();
        assert_eq!(member.name, "Айгуль");
        assert_eq!(member.needs.len(), 1);
        let errors = FamilyDraft {
            name: String::new(),
            relation: "r".repeat(MAX_RELATION_CHARS + 1),
            needs: vec!["teleportation".into()],
        }
        .validate(&taxonomy)
        .unwrap_err();
        assert_eq!(fields(&errors), ["name", "relation", "needs"]);
    }

    #[test]
    fn a_message_is_refused_empty_or_too_long_and_never_cut() {
        assert_eq!(
            check_message("  Мы получили ваш запрос. ").unwrap(),
            "Мы получили ваш запрос."
        );
        assert_eq!(check_message(" ").unwrap_err().problem, Problem::Required);
        let long = "я".repeat(MAX_MESSAGE_CHARS + 1);
        assert!(matches!(
            check_message(&long).unwrap_err().problem,
            Problem::TooLong { .. }
        ));
    }
}
