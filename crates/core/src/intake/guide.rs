//! "Not sure what to ask for?": a few plain questions about what happened, turned
//! into the support types that usually answer it, so a defender who does not know
//! the words of the field still reaches the right services or a pre-filled request.
//! The mapping follows the study's pairing of risks with the support that meets
//! them (its sections 5 and 6): detention calls for lawyers and support to
//! prisoners and their families, an attack for medical and psychological care, and
//! so on. Suggestions are offered, never imposed: the request form shows them
//! ticked, and the defender changes them at will.

use crate::case::Urgency;

choice!(
    /// Question 1: what happened (several answers).
    Happened {
        Detained => "detained",
        Threatened => "threatened",
        Attacked => "attacked",
        Prosecuted => "prosecuted",
        Searched => "searched",
        Online => "online",
        Smeared => "smeared",
        LostIncome => "lost_income",
        Exhausted => "exhausted",
    }
);

choice!(
    /// Question 2: who it touches (several answers).
    Touches {
        Me => "me",
        Family => "family",
        Organisation => "organisation",
    }
);

choice!(
    /// Question 4: whether the defender can stay where they are.
    Safety {
        Safe => "safe",
        UnsafeHere => "unsafe_here",
        MustLeaveCountry => "must_leave_country",
    }
);

/// The answers, as the form gives them. Question 3 is the urgency and question 5
/// the country (asked with the codes of the request form); question 6 asks
/// whether the defender can travel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub happened: Vec<Happened>,
    pub touches: Vec<Touches>,
    pub urgency: Option<Urgency>,
    pub safety: Option<Safety>,
    pub can_travel: Option<bool>,
}

/// The support types that fit the answers, most pressing first, each once. Codes
/// of the built-in taxonomy (`support_types.csv`).
pub fn suggest(answers: &Answers) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |codes: &[&'static str]| {
        for code in codes {
            if !out.contains(code) {
                out.push(code);
            }
        }
    };
    let has = |h: Happened| answers.happened.contains(&h);
    if answers.urgency == Some(Urgency::DetainedNow) || has(Happened::Detained) {
        add(&["legal", "prisoner_support", "trial_observation"]);
    }
    if has(Happened::Attacked) {
        add(&["medical_emergency", "psychological", "legal"]);
    }
    if answers.urgency == Some(Urgency::ThreatToLife) || has(Happened::Threatened) {
        add(&["physical_security", "psychological"]);
    }
    match answers.safety {
        Some(Safety::UnsafeHere) => add(&["relocation_in_country", "temporary_shelter"]),
        Some(Safety::MustLeaveCountry) => add(&["relocation_international", "visa"]),
        Some(Safety::Safe) | None => {}
    }
    if has(Happened::Prosecuted) {
        add(&["legal", "trial_observation", "fines_coverage"]);
    }
    if has(Happened::Searched) {
        add(&["legal", "digital_security", "equipment"]);
    }
    if has(Happened::Online) {
        add(&["digital_security"]);
    }
    if has(Happened::Smeared) {
        add(&["information", "solidarity", "international_advocacy"]);
    }
    if has(Happened::LostIncome) {
        add(&["financial"]);
    }
    if has(Happened::Exhausted) {
        add(&["anti_burnout", "rest_respite", "psychological"]);
    }
    if answers.touches.contains(&Touches::Family) {
        add(&["family_support"]);
    }
    if answers.touches.contains(&Touches::Organisation) {
        add(&["capacity_building"]);
    }
    if out.is_empty() {
        // Nothing ticked: information about what exists is always a start.
        out.push("information");
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::taxonomy::{Taxonomy, Vocabulary};

    #[test]
    fn every_suggestion_is_a_support_type_of_the_taxonomy() {
        let taxonomy = Taxonomy::built_in().unwrap();
        let everything = Answers {
            happened: Happened::ALL.to_vec(),
            touches: Touches::ALL.to_vec(),
            urgency: Some(Urgency::DetainedNow),
            safety: Some(Safety::MustLeaveCountry),
            can_travel: Some(true),
        };
        let suggested = suggest(&everything);
        for code in &suggested {
            assert!(taxonomy.contains(Vocabulary::SupportType, code), "{code}");
        }
        let mut unique = suggested.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), suggested.len(), "each suggestion once");
    }

    #[test]
    fn detention_puts_lawyers_first_and_family_adds_family_support() {
        let answers = Answers {
            happened: vec![Happened::Detained],
            touches: vec![Touches::Family],
            ..Answers::default()
        };
        let suggested = suggest(&answers);
        assert_eq!(suggested.first(), Some(&"legal"));
        assert!(suggested.contains(&"family_support"));
        assert!(!suggested.contains(&"digital_security"));
    }

    #[test]
    fn having_to_leave_the_country_suggests_relocation_and_visas() {
        let answers = Answers {
            safety: Some(Safety::MustLeaveCountry),
            ..Answers::default()
        };
        assert_eq!(suggest(&answers), ["relocation_international", "visa"]);
        let unsafe_here = Answers {
            safety: Some(Safety::UnsafeHere),
            ..Answers::default()
        };
        assert!(suggest(&unsafe_here).contains(&"temporary_shelter"));
    }

    #[test]
    fn no_answer_still_suggests_something() {
        assert_eq!(suggest(&Answers::default()), ["information"]);
    }

    #[test]
    fn answer_codes_read_back() {
        for h in Happened::ALL {
            assert_eq!(Happened::from_code(h.code()), Some(*h));
        }
        for t in Touches::ALL {
            assert_eq!(Touches::from_code(t.code()), Some(*t));
        }
        for s in Safety::ALL {
            assert_eq!(Safety::from_code(s.code()), Some(*s));
        }
        assert_eq!(Happened::from_code("nothing"), None);
    }
}
