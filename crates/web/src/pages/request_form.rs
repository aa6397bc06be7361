//! The request form: reading its fields (named as the JSON API's, a risk's as
//! `risks.0.type`) into a `RequestDraft`, and the view that shows it again with
//! what was typed kept and each error beside its field.

use std::collections::BTreeMap;

use torchlight_core::case::Urgency;
use torchlight_core::intake::{
    Affected, Consent, FieldError, ForWhom, Locality, Onset, Problem, RequestDraft, RiskDraft,
    RiskStage, FOCAL_POINT, MAX_RISKS,
};
use torchlight_core::{Directory, Vocabulary};
use torchlight_i18n::args;

use crate::explain::Words;
use crate::pages::{FormOptions, PageContext};

/// Risk rows the form offers; more fit in the narrative.
pub const RISK_ROWS: usize = 2;

/// A form body that is not a form at all.
#[derive(Debug)]
pub struct Unreadable;

/// The draft a form body gives, with the problems only a form can have (a
/// number that is not one, a yes/no that is neither).
pub fn draft_from_form(body: &[u8]) -> Result<(RequestDraft, Vec<FieldError>), Unreadable> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(body).map_err(|_| Unreadable)?;
    let mut draft = RequestDraft::default();
    let mut errors = Vec::new();
    let mut risks: BTreeMap<usize, RiskDraft> = BTreeMap::new();
    let yes_no = |field: &str, value: &str, errors: &mut Vec<FieldError>| match value.trim() {
        "" => None,
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.push(FieldError {
                field: field.to_owned(),
                problem: Problem::NotAChoice("yes, no".into()),
            });
            None
        }
    };
    for (key, value) in pairs {
        match key.as_str() {
            "country" => draft.country = value,
            "region" => draft.region = Some(value),
            "locality" => draft.locality = Some(value),
            "in_exile" => draft.in_exile = yes_no("in_exile", &value, &mut errors),
            "for_whom" => draft.for_whom = Some(value),
            "groups" => draft.groups.push(value),
            "needs" => draft.needs.push(value),
            "narrative" => draft.narrative = Some(value),
            "urgency" => draft.urgency = value,
            "family_members" => match value.trim() {
                "" => {}
                number => match number.parse::<u32>() {
                    Ok(n) => draft.family_members = Some(n),
                    Err(_) => errors.push(FieldError {
                        field: "family_members".into(),
                        problem: Problem::NotANumber,
                    }),
                },
            },
            "family_needs" => draft.family_needs.push(value),
            "languages" => draft.languages.push(value),
            "can_travel" => draft.can_travel = yes_no("can_travel", &value, &mut errors),
            "consent" => draft.consent = Some(value),
            "consent_organizations" => draft.consent_organizations.push(value),
            "send_to" => draft.send_to = Some(value),
            "name" => draft.name = Some(value),
            "contact" => draft.contact = Some(value),
            other => {
                // `risks.N.field`; anything else a browser sent (a button's name)
                // is not part of the request.
                let Some((index, field)) = other
                    .strip_prefix("risks.")
                    .and_then(|rest| rest.split_once('.'))
                    .and_then(|(i, f)| Some((i.parse::<usize>().ok()?, f)))
                else {
                    continue;
                };
                if index >= MAX_RISKS {
                    continue;
                }
                let risk = risks.entry(index).or_default();
                match field {
                    "type" => risk.kind = value,
                    "source" => risk.source = Some(value),
                    "stage" => risk.stage = Some(value),
                    "affects" => risk.affects.push(value),
                    "onset" => risk.onset = Some(value),
                    _ => {}
                }
            }
        }
    }
    // Rows keep their numbers, so an error names the row the defender sees.
    if let Some(last) = risks.keys().next_back().copied() {
        draft.risks = (0..=last)
            .map(|i| risks.remove(&i).unwrap_or_default())
            .collect();
    }
    Ok((draft, errors))
}

/// One box or option of the form.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// One risk row as shown.
pub struct RiskRow {
    pub index: usize,
    pub types: Vec<Choice>,
    pub sources: Vec<Choice>,
    pub stages: Vec<Choice>,
    pub affects: Vec<Choice>,
    pub onsets: Vec<Choice>,
}

/// An error as shown: its field (for the id it sits beside) and its words.
pub struct ShownError {
    pub field: String,
    pub anchor: String,
    pub message: String,
}

/// The form, filled with `draft`, its errors in the page's language.
pub struct RequestFormView {
    pub countries: String,
    pub regions: String,
    pub localities: Vec<Choice>,
    pub exile: Vec<Choice>,
    pub for_whom: Vec<Choice>,
    pub needs: Vec<Choice>,
    pub groups: Vec<Choice>,
    pub risks: Vec<RiskRow>,
    pub narrative: String,
    pub urgencies: Vec<Choice>,
    pub family_members: String,
    pub family_needs: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub travel: Vec<Choice>,
    pub consents: Vec<Choice>,
    pub consent_organizations: Vec<Choice>,
    pub destinations: Vec<Choice>,
    pub name: String,
    pub contact: String,
    pub errors: Vec<ShownError>,
}

impl RequestFormView {
    pub fn new(
        ctx: &PageContext<'_>,
        words: &Words<'_>,
        options: &FormOptions,
        directory: &Directory,
        draft: &RequestDraft,
        errors: &[FieldError],
    ) -> RequestFormView {
        let taxonomy = words.taxonomy;
        let sorted = |vocabulary: Vocabulary, chosen: &[String]| -> Vec<Choice> {
            let mut choices: Vec<Choice> = taxonomy
                .terms(vocabulary)
                .iter()
                .map(|t| Choice {
                    value: t.code.as_str().to_owned(),
                    label: words.label(vocabulary, t.code.as_str()).into_owned(),
                    checked: chosen.iter().any(|c| c.trim() == t.code.as_str()),
                })
                .collect();
            if vocabulary != Vocabulary::Language {
                crate::collation::sort_by_label(words.locale, &mut choices, |c| &c.label);
            }
            choices
        };
        let one = |vocabulary: Vocabulary, chosen: &str| sorted(vocabulary, &[chosen.to_owned()]);
        let fixed = |codes: &[&'static str], prefix: &str, chosen: Option<&str>| -> Vec<Choice> {
            codes
                .iter()
                .map(|code| Choice {
                    value: (*code).to_owned(),
                    label: ctx.text(&format!("{prefix}-{code}")).into_owned(),
                    checked: chosen.map(str::trim) == Some(*code),
                })
                .collect()
        };
        let yes_no = |prefix: &str, chosen: Option<bool>| {
            fixed(
                &["yes", "no"],
                prefix,
                chosen.map(|b| if b { "yes" } else { "no" }),
            )
        };
        let risks = (0..RISK_ROWS.max(draft.risks.len()))
            .map(|index| {
                let risk = draft.risks.get(index).cloned().unwrap_or_default();
                RiskRow {
                    index,
                    types: one(Vocabulary::RiskType, &risk.kind),
                    sources: one(
                        Vocabulary::RiskSource,
                        risk.source.as_deref().unwrap_or_default(),
                    ),
                    stages: fixed(
                        &RiskStage::ALL.iter().map(|s| s.code()).collect::<Vec<_>>(),
                        "request-stage",
                        risk.stage.as_deref(),
                    ),
                    affects: Affected::ALL
                        .iter()
                        .map(|a| Choice {
                            value: a.code().to_owned(),
                            label: ctx
                                .text(&format!("request-affects-{}", a.code()))
                                .into_owned(),
                            checked: risk.affects.iter().any(|c| c.trim() == a.code()),
                        })
                        .collect(),
                    onsets: fixed(
                        &Onset::ALL.iter().map(|o| o.code()).collect::<Vec<_>>(),
                        "request-onset",
                        risk.onset.as_deref(),
                    ),
                }
            })
            .collect();
        let mut organizations: Vec<Choice> = directory
            .organizations
            .iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: format!(
                    "{} ({})",
                    o.name,
                    words.list(
                        o.countries
                            .iter()
                            .map(|c| words.country(c.as_str()).into_owned())
                    )
                ),
                checked: false,
            })
            .collect();
        crate::collation::sort_by_label(words.locale, &mut organizations, |c| &c.label);
        let consent_organizations = organizations
            .iter()
            .map(|o| Choice {
                value: o.value.clone(),
                label: o.label.clone(),
                checked: draft
                    .consent_organizations
                    .iter()
                    .any(|c| c.trim() == o.value),
            })
            .collect();
        let send_to = draft
            .send_to
            .as_deref()
            .map(str::trim)
            .unwrap_or(FOCAL_POINT);
        let mut destinations = vec![Choice {
            value: FOCAL_POINT.to_owned(),
            label: ctx.text("request-send-to-focal-point").into_owned(),
            checked: send_to == FOCAL_POINT || send_to.is_empty(),
        }];
        destinations.extend(organizations.into_iter().map(|mut o| {
            o.checked = o.value == send_to;
            o
        }));
        let urgencies = Urgency::ALL
            .iter()
            .map(|u| Choice {
                value: u.code().to_owned(),
                label: ctx
                    .text(&format!("request-urgency-{}", u.code()))
                    .into_owned(),
                checked: draft.urgency.trim() == u.code(),
            })
            .collect();
        RequestFormView {
            countries: options.country_options(Some(draft.country.trim().to_uppercase().as_str())),
            regions: options.region_options(
                draft
                    .region
                    .as_deref()
                    .map(|r| r.trim().to_uppercase())
                    .as_deref(),
            ),
            localities: fixed(
                &Locality::ALL.iter().map(|l| l.code()).collect::<Vec<_>>(),
                "request-locality",
                draft.locality.as_deref(),
            ),
            exile: yes_no("request-exile", draft.in_exile),
            for_whom: fixed(
                &ForWhom::ALL.iter().map(|f| f.code()).collect::<Vec<_>>(),
                "request-for-whom",
                draft.for_whom.as_deref(),
            ),
            needs: sorted(Vocabulary::SupportType, &draft.needs),
            groups: sorted(Vocabulary::DefenderGroup, &draft.groups),
            risks,
            narrative: draft.narrative.clone().unwrap_or_default(),
            urgencies,
            family_members: draft
                .family_members
                .map(|n| n.to_string())
                .unwrap_or_default(),
            family_needs: sorted(Vocabulary::SupportType, &draft.family_needs),
            languages: sorted(Vocabulary::Language, &draft.languages),
            travel: yes_no("request-travel", draft.can_travel),
            consents: fixed(
                &Consent::ALL.iter().map(|c| c.code()).collect::<Vec<_>>(),
                "request-consent",
                Some(draft.consent.as_deref().unwrap_or(Consent::Nobody.code())),
            ),
            consent_organizations,
            destinations,
            name: draft.name.clone().unwrap_or_default(),
            contact: draft.contact.clone().unwrap_or_default(),
            errors: errors.iter().map(|e| shown(ctx, e)).collect(),
        }
    }

    /// The error of `field`, if any (templates call it beside each field).
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// The error of field `name` of risk row `index`.
    pub fn risk_error(&self, index: &usize, name: &str) -> Option<&str> {
        self.error(&format!("risks.{index}.{name}"))
    }
}

/// A field's problem in the page's language (the intake form's words, which the
/// staff forms use too).
pub fn problem_text(ctx: &PageContext<'_>, problem: &Problem) -> String {
    let id = format!("request-error-{}", problem.code());
    match problem {
        Problem::TooLong { max, given } => ctx.text_with(
            &id,
            &args([("max", (*max).into()), ("given", (*given).into())]),
        ),
        Problem::TooMany { max } => ctx.text_with(&id, &args([("max", (*max).into())])),
        Problem::TooLarge { max } => ctx.text_with(&id, &args([("max", (*max).into())])),
        _ => ctx.text(&id),
    }
    .into_owned()
}

/// An error in the page's language, with the id of the field it belongs to.
fn shown(ctx: &PageContext<'_>, error: &FieldError) -> ShownError {
    let message = problem_text(ctx, &error.problem);
    ShownError {
        anchor: anchor(&error.field),
        field: error.field.clone(),
        message,
    }
}

/// The id of the element a field's error links to.
pub fn anchor(field: &str) -> String {
    format!("f-{}", field.replace('.', "-"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_form_body_reads_into_the_draft_the_api_takes() {
        let body =
            b"country=KG&needs=legal&needs=visa&urgency=within_days&risks.1.type=illegal_search\
&risks.1.affects=family&risks.1.affects=defender&in_exile=yes&family_members=2&send=Send";
        let (draft, errors) = draft_from_form(body).unwrap();
        assert!(errors.is_empty());
        assert_eq!(draft.needs, ["legal", "visa"]);
        assert_eq!(draft.risks.len(), 2, "row 0 is blank, row 1 filled");
        assert_eq!(draft.risks[1].kind, "illegal_search");
        assert_eq!(draft.risks[1].affects, ["family", "defender"]);
        assert_eq!(draft.in_exile, Some(true));
        assert_eq!(draft.family_members, Some(2));
    }

    #[test]
    fn a_number_or_a_yes_that_is_not_one_is_a_field_error() {
        let (_, errors) = draft_from_form(b"family_members=two&can_travel=maybe").unwrap();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["family_members", "can_travel"]);
    }

    #[test]
    fn anchors_have_no_dots() {
        assert_eq!(anchor("risks.0.type"), "f-risks-0-type");
    }
}
