//! A defender's request for help, as the public form and the JSON API send it: the
//! draft with every field as typed, the rules that check it, and where it goes.
//! Only the country, one need and the urgency are required; everything else helps
//! the receiving organisation but must never stand between a defender and help.

use serde::{Deserialize, Serialize};

use crate::case::Urgency;
use crate::directory::Directory;
use crate::ids::OrganizationId;
use crate::taxonomy::{Taxonomy, Vocabulary};
use crate::Code;

#[cfg(test)]
mod tests;

pub const MAX_NARRATIVE_CHARS: usize = 20_000;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_CONTACT_CHARS: usize = 500;
pub const MAX_MESSAGE_CHARS: usize = 10_000;
/// Risks one request may describe; more belong in the narrative.
pub const MAX_RISKS: usize = 10;
/// Entries of any one list (groups, languages, organisations named for consent).
pub const MAX_LIST: usize = 20;
pub const MAX_FAMILY_MEMBERS: u32 = 30;

/// What the form and the API send, every field as given. Field names are the
/// API's and the form's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestDraft {
    pub country: String,
    #[serde(default)]
    pub region: Option<String>,
    /// `capital` or `remote`.
    #[serde(default)]
    pub locality: Option<String>,
    #[serde(default)]
    pub in_exile: Option<bool>,
    /// `self` or `someone_else`.
    #[serde(default)]
    pub for_whom: Option<String>,
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub risks: Vec<RiskDraft>,
    #[serde(default)]
    pub narrative: Option<String>,
    pub urgency: String,
    #[serde(default)]
    pub family_members: Option<u32>,
    #[serde(default)]
    pub family_needs: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub can_travel: Option<bool>,
    /// `none` (the default), `named` or `coalition`.
    #[serde(default)]
    pub consent: Option<String>,
    #[serde(default)]
    pub consent_organizations: Vec<String>,
    /// `focal_point` (the default) or an organisation's id.
    #[serde(default)]
    pub send_to: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
}

/// One risk as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskDraft {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub source: Option<String>,
    /// `potential` or `materialised`.
    #[serde(default)]
    pub stage: Option<String>,
    /// Any of `defender`, `family`, `organisation`.
    #[serde(default)]
    pub affects: Vec<String>,
    /// `new` or `ongoing`.
    #[serde(default)]
    pub onset: Option<String>,
}

/// A closed list of answers, each with its code in the API.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The answer of `code`, spaces around it ignored.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|c| c.code() == code.trim())
            }

            /// The codes, for a message that lists them.
            pub fn codes() -> String {
                $name::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

// After the macro, so the guided path's answers are made by it too.
pub mod guide;

choice!(
    /// Where in the country the defender is.
    Locality { Capital => "capital", Remote => "remote" }
);
choice!(
    /// Who the request is for.
    ForWhom { Myself => "self", SomeoneElse => "someone_else" }
);
choice!(
    /// Whether a risk has happened or is feared.
    RiskStage { Potential => "potential", Materialised => "materialised" }
);
choice!(
    /// Whom a risk touches.
    Affected { Defender => "defender", Family => "family", Organisation => "organisation" }
);
choice!(
    /// Whether a risk is new or has gone on for a while.
    Onset { New => "new", Ongoing => "ongoing" }
);
choice!(
    /// With whom the receiving organisation may share the request.
    Consent { Nobody => "none", Named => "named", Coalition => "coalition" }
);

/// The value of `send_to` that means "the focal point for my country".
pub const FOCAL_POINT: &str = "focal_point";

/// One risk, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    #[serde(rename = "type")]
    pub kind: Code,
    pub source: Option<Code>,
    pub stage: Option<RiskStage>,
    pub affects: Vec<Affected>,
    pub onset: Option<Onset>,
}

/// What the receiving organisation reads once it opens the request: everything but
/// the fields kept in clear for its queue (country, urgency), encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetails {
    pub region: Option<Code>,
    pub locality: Option<Locality>,
    pub in_exile: Option<bool>,
    pub for_whom: Option<ForWhom>,
    pub groups: Vec<Code>,
    pub needs: Vec<Code>,
    pub risks: Vec<Risk>,
    pub narrative: String,
    pub family_members: u32,
    pub family_needs: Vec<Code>,
    pub languages: Vec<Code>,
    pub can_travel: Option<bool>,
    pub consent: Consent,
    pub consent_organizations: Vec<OrganizationId>,
    pub name: String,
    pub contact: String,
}

/// A checked request, ready to be encrypted to `recipient`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRequest {
    pub country: Code,
    pub urgency: Urgency,
    /// The organisation that receives it.
    pub recipient: OrganizationId,
    pub details: RequestDetails,
}

/// What is wrong with a field. `code()` names the message a page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    UnknownCode,
    NotOfCountry,
    NotAChoice(String),
    TooLong {
        max: usize,
        given: usize,
    },
    TooMany {
        max: usize,
    },
    TooLarge {
        max: u32,
    },
    NotANumber,
    UnknownOrganization,
    NoFocalPoint,
    NamedNobody,
    /// Not a date written year-month-day.
    NotADate,
    /// An end before its start.
    EndsBeforeStart,
    /// Not an amount of money (a number with at most two decimals).
    NotAnAmount,
}

impl Problem {
    /// The message id suffix of the problem (`request-error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::UnknownCode => "unknown-code",
            Problem::NotOfCountry => "not-of-country",
            Problem::NotAChoice(_) => "not-a-choice",
            Problem::TooLong { .. } => "too-long",
            Problem::TooMany { .. } => "too-many",
            Problem::TooLarge { .. } => "too-large",
            Problem::NotANumber => "not-a-number",
            Problem::UnknownOrganization => "unknown-organization",
            Problem::NoFocalPoint => "no-focal-point",
            Problem::NamedNobody => "named-nobody",
            Problem::NotADate => "not-a-date",
            Problem::EndsBeforeStart => "ends-before-start",
            Problem::NotAnAmount => "not-an-amount",
        }
    }

    /// The problem in English, for the API.
    pub fn message(&self) -> String {
        match self {
            Problem::Required => "required".into(),
            Problem::UnknownCode => "not a known code".into(),
            Problem::NotOfCountry => "not a region of the country given".into(),
            Problem::NotAChoice(codes) => format!("choose one of {codes}"),
            Problem::TooLong { max, given } => {
                format!("at most {max} characters (this has {given})")
            }
            Problem::TooMany { max } => format!("at most {max} entries"),
            Problem::TooLarge { max } => format!("at most {max}"),
            Problem::NotANumber => "not a whole number".into(),
            Problem::UnknownOrganization => "not an organisation of the directory".into(),
            Problem::NoFocalPoint => {
                "no focal point works in this country: choose an organisation".into()
            }
            Problem::NamedNobody => {
                "name at least one organisation, or choose another kind of consent".into()
            }
            Problem::NotADate => "not a date (year-month-day, such as 2026-03-31)".into(),
            Problem::EndsBeforeStart => "ends before it starts".into(),
            Problem::NotAnAmount => {
                "not an amount (a number with at most two decimals, such as 1500.50)".into()
            }
        }
    }
}

/// One field that cannot be accepted: `field` is its name in the API
/// (`risks.0.type` for a risk's field).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {}", problem.message())]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

/// Collects every problem of a draft, so a form shows them all at once.
struct Checker<'a> {
    taxonomy: &'a Taxonomy,
    errors: Vec<FieldError>,
}

impl Checker<'_> {
    fn fail(&mut self, field: impl Into<String>, problem: Problem) {
        self.errors.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    fn code(&mut self, field: &str, vocabulary: Vocabulary, given: &str) -> Option<Code> {
        match self.taxonomy.resolve(vocabulary, given.trim()) {
            Ok(code) => Some(code),
            Err(_) => {
                self.fail(field, Problem::UnknownCode);
                None
            }
        }
    }

    /// Codes of one vocabulary, each once, in the order given; blanks skipped (an
    /// empty form field is no answer).
    fn codes(&mut self, field: &str, vocabulary: Vocabulary, given: &[String]) -> Vec<Code> {
        let given: Vec<&str> = given
            .iter()
            .map(|g| g.trim())
            .filter(|g| !g.is_empty())
            .collect();
        let max = if vocabulary == Vocabulary::SupportType {
            self.taxonomy.terms(vocabulary).len().max(MAX_LIST)
        } else {
            MAX_LIST
        };
        if given.len() > max {
            self.fail(field, Problem::TooMany { max });
            return Vec::new();
        }
        let mut codes: Vec<Code> = Vec::new();
        for g in given {
            if let Some(code) = self.code(field, vocabulary, g) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        codes
    }

    fn choice<T>(
        &mut self,
        field: &str,
        given: Option<&str>,
        parse: fn(&str) -> Option<T>,
        codes: fn() -> String,
    ) -> Option<T> {
        let given = given.map(str::trim).filter(|g| !g.is_empty())?;
        let parsed = parse(given);
        if parsed.is_none() {
            self.fail(field, Problem::NotAChoice(codes()));
        }
        parsed
    }

    fn text(&mut self, field: &str, given: Option<&str>, max: usize) -> String {
        let text = given.map(str::trim).unwrap_or_default();
        let chars = text.chars().count();
        if chars > max {
            self.fail(field, Problem::TooLong { max, given: chars });
        }
        text.to_owned()
    }
}

/// Checks a free text of the defender's (a message, an added account of what
/// happened): required, and within `max`.
pub fn check_message(field: &str, text: &str, max: usize) -> Result<String, FieldError> {
    let text = text.trim();
    let chars = text.chars().count();
    let problem = if chars == 0 {
        Problem::Required
    } else if chars > max {
        Problem::TooLong { max, given: chars }
    } else {
        return Ok(text.to_owned());
    };
    Err(FieldError {
        field: field.to_owned(),
        problem,
    })
}

impl RequestDraft {
    /// Every problem of the draft at once. `directory` says which organisations
    /// exist and which is the focal point of a country.
    pub fn validate(
        &self,
        taxonomy: &Taxonomy,
        directory: &Directory,
    ) -> Result<ValidRequest, Vec<FieldError>> {
        let mut check = Checker {
            taxonomy,
            errors: Vec::new(),
        };
        let country = match self.country.trim() {
            "" => {
                check.fail("country", Problem::Required);
                None
            }
            given => check.code("country", Vocabulary::Country, given),
        };
        let region = match self.region.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(given) => {
                let region = check.code("region", Vocabulary::Region, given);
                match (&region, &country) {
                    (Some(region), Some(country))
                        if taxonomy
                            .region(region.as_str())
                            .is_some_and(|r| &r.country != country) =>
                    {
                        check.fail("region", Problem::NotOfCountry);
                        None
                    }
                    _ => region,
                }
            }
        };
        let locality = check.choice(
            "locality",
            self.locality.as_deref(),
            Locality::from_code,
            Locality::codes,
        );
        let for_whom = check.choice(
            "for_whom",
            self.for_whom.as_deref(),
            ForWhom::from_code,
            ForWhom::codes,
        );
        let groups = check.codes("groups", Vocabulary::DefenderGroup, &self.groups);
        let needs = check.codes("needs", Vocabulary::SupportType, &self.needs);
        if needs.is_empty() && !check.errors.iter().any(|e| e.field == "needs") {
            check.fail("needs", Problem::Required);
        }
        let risks = self.check_risks(&mut check);
        let narrative = check.text("narrative", self.narrative.as_deref(), MAX_NARRATIVE_CHARS);
        let urgency = match self.urgency.trim() {
            "" => {
                check.fail("urgency", Problem::Required);
                None
            }
            given => {
                let urgency = Urgency::from_code(given);
                if urgency.is_none() {
                    let codes = Urgency::ALL.map(Urgency::code).join(", ");
                    check.fail("urgency", Problem::NotAChoice(codes));
                }
                urgency
            }
        };
        let family_members = self.family_members.unwrap_or(0);
        if family_members > MAX_FAMILY_MEMBERS {
            check.fail(
                "family_members",
                Problem::TooLarge {
                    max: MAX_FAMILY_MEMBERS,
                },
            );
        }
        let family_needs = check.codes("family_needs", Vocabulary::SupportType, &self.family_needs);
        let languages = check.codes("languages", Vocabulary::Language, &self.languages);
        let consent = check
            .choice(
                "consent",
                self.consent.as_deref(),
                Consent::from_code,
                Consent::codes,
            )
            .unwrap_or(Consent::Nobody);
        let consent_organizations = self.check_consent(&mut check, consent, directory);
        let name = check.text("name", self.name.as_deref(), MAX_NAME_CHARS);
        let contact = check.text("contact", self.contact.as_deref(), MAX_CONTACT_CHARS);
        let recipient = country
            .as_ref()
            .and_then(|country| self.check_recipient(&mut check, country, directory));
        match (country, urgency, recipient, check.errors.is_empty()) {
            (Some(country), Some(urgency), Some(recipient), true) => Ok(ValidRequest {
                country,
                urgency,
                recipient,
                details: RequestDetails {
                    region,
                    locality,
                    in_exile: self.in_exile,
                    for_whom,
                    groups,
                    needs,
                    risks,
                    narrative,
                    family_members,
                    family_needs,
                    languages,
                    can_travel: self.can_travel,
                    consent,
                    consent_organizations,
                    name,
                    contact,
                },
            }),
            _ => Err(check.errors),
        }
    }

    fn check_risks(&self, check: &mut Checker<'_>) -> Vec<Risk> {
        if self.risks.len() > MAX_RISKS {
            check.fail("risks", Problem::TooMany { max: MAX_RISKS });
            return Vec::new();
        }
        let mut risks = Vec::new();
        for (i, risk) in self.risks.iter().enumerate() {
            let field = |name: &str| format!("risks.{i}.{name}");
            let kind = match risk.kind.trim() {
                // A risk row of the form left blank is no risk.
                "" if risk.is_blank() => continue,
                "" => {
                    check.fail(field("type"), Problem::Required);
                    None
                }
                given => check.code(&field("type"), Vocabulary::RiskType, given),
            };
            let source = match risk.source.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(given) => check.code(&field("source"), Vocabulary::RiskSource, given),
            };
            let stage = check.choice(
                &field("stage"),
                risk.stage.as_deref(),
                RiskStage::from_code,
                RiskStage::codes,
            );
            let mut affects = Vec::new();
            for given in risk
                .affects
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
            {
                match Affected::from_code(given) {
                    Some(a) if !affects.contains(&a) => affects.push(a),
                    Some(_) => {}
                    None => check.fail(field("affects"), Problem::NotAChoice(Affected::codes())),
                }
            }
            let onset = check.choice(
                &field("onset"),
                risk.onset.as_deref(),
                Onset::from_code,
                Onset::codes,
            );
            if let Some(kind) = kind {
                risks.push(Risk {
                    kind,
                    source,
                    stage,
                    affects,
                    onset,
                });
            }
        }
        risks
    }

    fn check_consent(
        &self,
        check: &mut Checker<'_>,
        consent: Consent,
        directory: &Directory,
    ) -> Vec<OrganizationId> {
        let named: Vec<&str> = self
            .consent_organizations
            .iter()
            .map(|o| o.trim())
            .filter(|o| !o.is_empty())
            .collect();
        if named.len() > MAX_LIST {
            check.fail("consent_organizations", Problem::TooMany { max: MAX_LIST });
            return Vec::new();
        }
        let mut organizations = Vec::new();
        for given in named {
            match organization(directory, given) {
                Some(id) if !organizations.contains(&id) => organizations.push(id),
                Some(_) => {}
                None => check.fail("consent_organizations", Problem::UnknownOrganization),
            }
        }
        match consent {
            Consent::Named if organizations.is_empty() => {
                if !check
                    .errors
                    .iter()
                    .any(|e| e.field == "consent_organizations")
                {
                    check.fail("consent_organizations", Problem::NamedNobody);
                }
                Vec::new()
            }
            Consent::Named => organizations,
            // Names given with another choice are not a consent to them.
            Consent::Nobody | Consent::Coalition => Vec::new(),
        }
    }

    fn check_recipient(
        &self,
        check: &mut Checker<'_>,
        country: &Code,
        directory: &Directory,
    ) -> Option<OrganizationId> {
        match self.send_to.as_deref().map(str::trim) {
            None | Some("") | Some(FOCAL_POINT) => {
                let found = focal_point(directory, country);
                if found.is_none() {
                    check.fail("send_to", Problem::NoFocalPoint);
                }
                found
            }
            Some(given) => {
                let found = organization(directory, given);
                if found.is_none() {
                    check.fail("send_to", Problem::UnknownOrganization);
                }
                found
            }
        }
    }
}

impl RiskDraft {
    fn is_blank(&self) -> bool {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
        self.kind.trim().is_empty()
            && blank(&self.source)
            && blank(&self.stage)
            && blank(&self.onset)
            && self.affects.iter().all(|a| a.trim().is_empty())
    }
}

/// The organisation of the directory with the id `given`.
fn organization(directory: &Directory, given: &str) -> Option<OrganizationId> {
    let id = uuid::Uuid::parse_str(given).ok()?;
    directory
        .organizations
        .iter()
        .find(|o| o.id.as_uuid() == id)
        .map(|o| o.id)
}

/// Who receives a request sent to "the focal point for my country": the focal
/// point working in the country (one that works there alone first, so a national
/// coalition comes before one covering several countries from abroad), else a
/// regional network covering it. `None` when neither exists: the defender then
/// chooses an organisation, rather than a request going to someone they did not
/// choose.
pub fn focal_point(directory: &Directory, country: &Code) -> Option<OrganizationId> {
    let of_kind = |kind: &str| {
        directory
            .organizations
            .iter()
            .filter(|o| o.kind.as_str() == kind && o.countries.contains(country))
            .min_by_key(|o| (o.countries.len(), o.name.clone()))
            .map(|o| o.id)
    };
    of_kind("focal_point").or_else(|| of_kind("regional_network"))
}
