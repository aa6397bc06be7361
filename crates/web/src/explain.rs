//! Plain-words texts for match reasons, formats, response times and suggestions,
//! shared by the HTML pages and the JSON API so both say the same thing.

use torchlight_core::{Format, Reason, SuggestionKind, Taxonomy, Vocabulary};

/// One reason, e.g. "covers Kyrgyzstan" or "works in Russian".
pub fn reason(taxonomy: &Taxonomy, reason: &Reason) -> String {
    match reason {
        Reason::CoversCountry(c) => {
            format!("covers {}", taxonomy.label(Vocabulary::Country, c.as_str()))
        }
        Reason::CoversRegion(r) => format!("covers {}", region_with_country(taxonomy, r.as_str())),
        Reason::Worldwide => "international provider reaching any country".to_owned(),
        Reason::ExileFrom(c) => format!(
            "for defenders from {} living in exile",
            taxonomy.label(Vocabulary::Country, c.as_str())
        ),
        Reason::RemoteAreas => "reaches remote and rural areas".to_owned(),
        Reason::Support(s) => taxonomy
            .label(Vocabulary::SupportType, s.as_str())
            .to_owned(),
        Reason::ServesGroup(g) => format!(
            "for {}",
            taxonomy.label(Vocabulary::DefenderGroup, g.as_str())
        ),
        Reason::ServesEveryone => "open to every defender".to_owned(),
        Reason::Language(l) => format!("works in {}", language_name(taxonomy, l.as_str())),
        Reason::Format(f) => format_label(*f).to_owned(),
        Reason::FamilyEligible => "family members can apply too".to_owned(),
    }
}

/// A stable machine code for a reason, for API clients.
pub fn reason_code(reason: &Reason) -> (&'static str, Option<String>) {
    match reason {
        Reason::CoversCountry(c) => ("covers_country", Some(c.to_string())),
        Reason::CoversRegion(r) => ("covers_region", Some(r.to_string())),
        Reason::Worldwide => ("worldwide", None),
        Reason::ExileFrom(c) => ("exile_from", Some(c.to_string())),
        Reason::RemoteAreas => ("remote_areas", None),
        Reason::Support(s) => ("support", Some(s.to_string())),
        Reason::ServesGroup(g) => ("serves_group", Some(g.to_string())),
        Reason::ServesEveryone => ("serves_everyone", None),
        Reason::Language(l) => ("language", Some(l.to_string())),
        Reason::Format(f) => ("format", Some(f.as_str().to_owned())),
        Reason::FamilyEligible => ("family_eligible", None),
    }
}

/// All reasons of a result as the one line shown under it.
pub fn reasons_line(taxonomy: &Taxonomy, reasons: &[Reason]) -> String {
    let parts: Vec<String> = reasons.iter().map(|r| reason(taxonomy, r)).collect();
    let mut line = parts.join("; ");
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + line.get(1..).unwrap_or_default();
    }
    line
}

pub fn format_label(format: Format) -> &'static str {
    match format {
        Format::Online => "online",
        Format::InPerson => "in person",
        Format::RequiresTravel => "requires travel",
    }
}

/// "Bishkek (Kyrgyzstan)".
pub fn region_with_country(taxonomy: &Taxonomy, code: &str) -> String {
    match taxonomy.region(code) {
        Some(region) => format!(
            "{} ({})",
            region.name,
            taxonomy.label(Vocabulary::Country, region.country.as_str())
        ),
        None => code.to_owned(),
    }
}

/// The English part of a language name ("Russian" from "Russian (русский)").
pub fn language_name<'a>(taxonomy: &'a Taxonomy, code: &'a str) -> &'a str {
    let label = taxonomy.label(Vocabulary::Language, code);
    label.split(" (").next().unwrap_or(label)
}

/// "within 2 hours", "within 3 days", "within 2 weeks".
pub fn response_time(hours: u32) -> String {
    fn unit(n: u32, one: &str, many: &str) -> String {
        format!("within {n} {}", if n == 1 { one } else { many })
    }
    if hours < 48 {
        unit(hours, "hour", "hours")
    } else if hours < 24 * 14 || !hours.is_multiple_of(24 * 7) {
        unit(hours.div_ceil(24), "day", "days")
    } else {
        unit(hours / (24 * 7), "week", "weeks")
    }
}

pub fn suggestion(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::WholeCountry => "Search the whole country instead of one region",
        SuggestionKind::AnyLanguage => "Include services in other languages",
        SuggestionKind::AnyFormat => "Include services in other formats",
        SuggestionKind::AnyGroup => "Include services open to every defender",
        SuggestionKind::WithoutFamily => "Include services for the defender only",
        SuggestionKind::InternationalProviders => {
            "The same support from international and regional providers covering the country"
        }
        SuggestionKind::OtherSupport => "Other kinds of support available in the country",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_times_read_naturally() {
        assert_eq!(response_time(1), "within 1 hour");
        assert_eq!(response_time(24), "within 24 hours");
        assert_eq!(response_time(72), "within 3 days");
        assert_eq!(response_time(100), "within 5 days");
        assert_eq!(response_time(336), "within 2 weeks");
        assert_eq!(response_time(24 * 30), "within 30 days");
    }
}
