//! Decisions on a case's needs, one per need: granted, refused or referred. The
//! study's defenders name "refused without explanation" among the reasons support
//! fails, so a refusal carries a reason from the taxonomy and an explanation
//! written for the defender, who reads both on the status page.

use serde::{Deserialize, Serialize};

use crate::taxonomy::{Taxonomy, Vocabulary};
use crate::Code;

/// Longest explanation, in characters: a few paragraphs, which is what a person
/// reads on a phone.
pub const LONGEST_EXPLANATION: usize = 4_000;

/// Refusal reasons of the taxonomy that describe how support failed from the
/// defender's side (they did not know of it, distrusted the provider, found the
/// paperwork too heavy, the decision came too late, were refused with no reason):
/// the study's findings about providers, not reasons a provider gives.
const NOT_A_PROVIDERS_REASON: [&str; 5] = [
    "unaware_of_support",
    "distrust_of_provider",
    "burdensome_application",
    "slow_decision",
    "no_explanation",
];

/// Whether a provider may give `reason` when refusing.
pub fn is_refusal_reason(taxonomy: &Taxonomy, reason: &str) -> bool {
    taxonomy.contains(Vocabulary::RefusalReason, reason)
        && !NOT_A_PROVIDERS_REASON.contains(&reason)
}

/// What was decided about one need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Granted,
    Refused {
        reason: Code,
        explanation: String,
    },
    /// Sent to another provider (the referral itself is the referral's record).
    Referred,
}

impl Outcome {
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Granted => "granted",
            Outcome::Refused { .. } => "refused",
            Outcome::Referred => "referred",
        }
    }
}

/// A decision as a caseworker's form gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct DecisionDraft {
    pub need: String,
    pub outcome: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub explanation: String,
}

/// A checked decision on one need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// A support type of the taxonomy, one the case asks for.
    pub need: Code,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// What is wrong with a decision, by the form's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionProblem {
    /// The need is not one the case asks for.
    NotANeedOfTheCase,
    UnknownOutcome,
    /// A refusal without a reason, or with one a provider does not give.
    ReasonRequired,
    /// A refusal without an explanation for the defender.
    ExplanationRequired,
    ExplanationTooLong,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionError {
    pub field: &'static str,
    pub problem: DecisionProblem,
}

impl DecisionDraft {
    /// The decision, when `need` is one of `needs` (the case's) and a refusal
    /// gives a reason a provider may give and an explanation; every problem at
    /// once otherwise.
    pub fn validate(
        &self,
        taxonomy: &Taxonomy,
        needs: &[Code],
    ) -> Result<Decision, Vec<DecisionError>> {
        let mut errors = Vec::new();
        let need = needs.iter().find(|need| need.as_str() == self.need.trim());
        if need.is_none() {
            errors.push(DecisionError {
                field: "need",
                problem: DecisionProblem::NotANeedOfTheCase,
            });
        }
        let outcome = match self.outcome.trim() {
            "granted" => Some(Outcome::Granted),
            "referred" => Some(Outcome::Referred),
            "refused" => {
                let reason = self.reason.trim();
                let explanation = self.explanation.trim();
                if !is_refusal_reason(taxonomy, reason) {
                    errors.push(DecisionError {
                        field: "reason",
                        problem: DecisionProblem::ReasonRequired,
                    });
                }
                if explanation.is_empty() {
                    errors.push(DecisionError {
                        field: "explanation",
                        problem: DecisionProblem::ExplanationRequired,
                    });
                } else if explanation.chars().count() > LONGEST_EXPLANATION {
                    errors.push(DecisionError {
                        field: "explanation",
                        problem: DecisionProblem::ExplanationTooLong,
                    });
                }
                Code::parse(Vocabulary::RefusalReason, reason)
                    .ok()
                    .map(|reason| Outcome::Refused {
                        reason,
                        explanation: explanation.to_owned(),
                    })
            }
            _ => {
                errors.push(DecisionError {
                    field: "outcome",
                    problem: DecisionProblem::UnknownOutcome,
                });
                None
            }
        };
        match (need, outcome) {
            (Some(need), Some(outcome)) if errors.is_empty() => Ok(Decision {
                need: need.clone(),
                outcome,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn taxonomy() -> std::sync::Arc<Taxonomy> {
        Taxonomy::built_in().unwrap()
    }

    fn support(code: &str) -> Code {
        Code::parse(Vocabulary::SupportType, code).unwrap()
    }

    fn needs() -> Vec<Code> {
        vec![support("legal"), support("relocation_in_country")]
    }

    fn draft(need: &str, outcome: &str, reason: &str, explanation: &str) -> DecisionDraft {
        DecisionDraft {
            need: need.into(),
            outcome: outcome.into(),
            reason: reason.into(),
            explanation: explanation.into(),
        }
    }

    fn problems(
        result: Result<Decision, Vec<DecisionError>>,
    ) -> Vec<(&'static str, DecisionProblem)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|error| (error.field, error.problem))
            .collect()
    }

    #[test]
    fn a_grant_and_a_referral_need_only_a_need_of_the_case() {
        let taxonomy = taxonomy();
        let granted = draft("legal", "granted", "", "").validate(&taxonomy, &needs());
        assert_eq!(granted.unwrap().outcome, Outcome::Granted);
        let referred =
            draft(" relocation_in_country ", "referred", "", "").validate(&taxonomy, &needs());
        assert_eq!(referred.unwrap().outcome, Outcome::Referred);
        assert_eq!(
            problems(draft("medical", "granted", "", "").validate(&taxonomy, &needs())),
            [("need", DecisionProblem::NotANeedOfTheCase)]
        );
        assert_eq!(
            problems(draft("legal", "maybe", "", "").validate(&taxonomy, &needs())),
            [("outcome", DecisionProblem::UnknownOutcome)]
        );
    }

    #[test]
    fn a_refusal_needs_a_providers_reason_and_an_explanation() {
        let taxonomy = taxonomy();
        let refused = draft(
            "relocation_in_country",
            "refused",
            "lack_of_resources",
            "  Our relocation fund is spent until March.  ",
        )
        .validate(&taxonomy, &needs())
        .unwrap();
        assert_eq!(
            refused.outcome,
            Outcome::Refused {
                reason: Code::parse(Vocabulary::RefusalReason, "lack_of_resources").unwrap(),
                explanation: "Our relocation fund is spent until March.".into(),
            }
        );
        assert_eq!(
            problems(draft("legal", "refused", "", " ").validate(&taxonomy, &needs())),
            [
                ("reason", DecisionProblem::ReasonRequired),
                ("explanation", DecisionProblem::ExplanationRequired)
            ]
        );
        // A reason of the taxonomy that only a defender gives is no reason to refuse.
        assert_eq!(
            problems(
                draft("legal", "refused", "no_explanation", "Sorry.").validate(&taxonomy, &needs())
            ),
            [("reason", DecisionProblem::ReasonRequired)]
        );
        let long = "я".repeat(LONGEST_EXPLANATION + 1);
        assert_eq!(
            problems(
                draft("legal", "refused", "lack_of_resources", &long).validate(&taxonomy, &needs())
            ),
            [("explanation", DecisionProblem::ExplanationTooLong)]
        );
    }

    #[test]
    fn every_excluded_reason_is_a_reason_of_the_taxonomy() {
        let taxonomy = taxonomy();
        for reason in NOT_A_PROVIDERS_REASON {
            assert!(
                taxonomy.contains(Vocabulary::RefusalReason, reason),
                "{reason}"
            );
            assert!(!is_refusal_reason(&taxonomy, reason));
        }
        assert!(is_refusal_reason(&taxonomy, "too_risky_for_provider"));
        assert!(!is_refusal_reason(&taxonomy, "legal"));
    }
}
