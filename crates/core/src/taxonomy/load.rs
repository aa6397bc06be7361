//! Reading the vocabulary CSV files, with errors that name the file and the line.

use super::{Country, Regime, Region, RegionKind, Taxonomy, Term, Vocabulary};
use crate::code::Code;

/// The text of one data file and the name to report it under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// The vocabularies that ship with Torchlight, compiled into the binary so that it
/// runs from any directory.
pub const BUILT_IN: [(Vocabulary, &str); 10] = [
    (
        Vocabulary::Country,
        include_str!("../../../../data/taxonomy/countries.csv"),
    ),
    (
        Vocabulary::Region,
        include_str!("../../../../data/taxonomy/regions.csv"),
    ),
    (
        Vocabulary::Language,
        include_str!("../../../../data/taxonomy/languages.csv"),
    ),
    (
        Vocabulary::RiskType,
        include_str!("../../../../data/taxonomy/risk_types.csv"),
    ),
    (
        Vocabulary::RiskSource,
        include_str!("../../../../data/taxonomy/risk_sources.csv"),
    ),
    (
        Vocabulary::SupportType,
        include_str!("../../../../data/taxonomy/support_types.csv"),
    ),
    (
        Vocabulary::DefenderGroup,
        include_str!("../../../../data/taxonomy/defender_groups.csv"),
    ),
    (
        Vocabulary::ActorKind,
        include_str!("../../../../data/taxonomy/actor_kinds.csv"),
    ),
    (
        Vocabulary::RefusalReason,
        include_str!("../../../../data/taxonomy/refusal_reasons.csv"),
    ),
    (
        Vocabulary::Profession,
        include_str!("../../../../data/taxonomy/professions.csv"),
    ),
];

/// A problem in a taxonomy file, located precisely enough to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct TaxonomyError {
    pub file: String,
    pub line: u64,
    pub message: String,
}

pub(super) fn load(extensions: &[SourceFile]) -> Result<Taxonomy, TaxonomyError> {
    let mut taxonomy = Taxonomy::default();
    for (vocabulary, text) in BUILT_IN {
        let file = SourceFile {
            name: format!("built-in data/taxonomy/{}", vocabulary.file_name()),
            text: text.to_owned(),
        };
        read_file(&mut taxonomy, vocabulary, &file)?;
    }
    for file in extensions {
        let vocabulary = Vocabulary::ALL
            .into_iter()
            .find(|v| file.name.ends_with(v.file_name()))
            .ok_or_else(|| TaxonomyError {
                file: file.name.clone(),
                line: 0,
                message: format!(
                    "not a taxonomy file; expected one of: {}",
                    Vocabulary::ALL.map(|v| v.file_name()).join(", ")
                ),
            })?;
        read_file(&mut taxonomy, vocabulary, file)?;
    }
    Ok(taxonomy)
}

fn expected_header(vocabulary: Vocabulary) -> &'static [&'static str] {
    match vocabulary {
        Vocabulary::Country => &["code", "name", "regime"],
        Vocabulary::Region => &["code", "country", "name", "kind"],
        Vocabulary::Language => &["code", "name"],
        _ => &["code", "label", "description"],
    }
}

fn read_file(
    taxonomy: &mut Taxonomy,
    vocabulary: Vocabulary,
    file: &SourceFile,
) -> Result<(), TaxonomyError> {
    let error = |line: u64, message: String| TaxonomyError {
        file: file.name.clone(),
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(file.text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| error(1, format!("cannot read the header: {e}")))?
        .clone();
    let expected = expected_header(vocabulary);
    if header.iter().map(str::trim).ne(expected.iter().copied()) {
        return Err(error(
            1,
            format!("the header must be '{}'", expected.join(",")),
        ));
    }
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| line_at(&file.text, p)).unwrap_or(0);
            error(line, format!("malformed CSV: {e}"))
        })?;
        let line = record
            .position()
            .map(|p| line_at(&file.text, p))
            .unwrap_or(0);
        let field = |i: usize| record.get(i).map(str::trim).unwrap_or_default();
        let code = Code::parse(vocabulary, field(0)).map_err(|m| error(line, m))?;
        if field(0) != code.as_str() {
            return Err(error(line, format!("write the code as '{code}'")));
        }
        if taxonomy.index.contains_key(&(vocabulary, code.clone())) {
            return Err(error(line, format!("duplicate {vocabulary} code '{code}'")));
        }
        if field(1).is_empty() {
            return Err(error(line, format!("'{code}' needs a {}", expected[1])));
        }
        let position = match vocabulary {
            Vocabulary::Country => {
                let regime = match field(2) {
                    "" => None,
                    "hybrid" => Some(Regime::Hybrid),
                    "authoritarian" => Some(Regime::Authoritarian),
                    other => {
                        let message = format!(
                            "unknown regime '{other}' (expected hybrid, authoritarian or empty)"
                        );
                        return Err(error(line, message));
                    }
                };
                taxonomy.countries.push(Country {
                    code: code.clone(),
                    name: field(1).to_owned(),
                    regime,
                });
                taxonomy.countries.len() - 1
            }
            Vocabulary::Region => {
                let country = field(1);
                if !taxonomy.contains(Vocabulary::Country, country)
                    || !code.as_str().starts_with(country)
                {
                    return Err(error(
                        line,
                        format!("region '{code}' names country '{country}', which is unknown or not its prefix"),
                    ));
                }
                if field(2).is_empty() {
                    return Err(error(line, format!("'{code}' needs a name")));
                }
                let kind = match field(3) {
                    "capital" => RegionKind::Capital,
                    "region" => RegionKind::Region,
                    "occupied" => RegionKind::Occupied,
                    other => {
                        let message = format!(
                            "unknown region kind '{other}' (expected capital, region or occupied)"
                        );
                        return Err(error(line, message));
                    }
                };
                taxonomy.regions.push(Region {
                    code: code.clone(),
                    country: Code::parse(Vocabulary::Country, country)
                        .map_err(|m| error(line, m))?,
                    name: field(2).to_owned(),
                    kind,
                });
                taxonomy.regions.len() - 1
            }
            _ => {
                if vocabulary != Vocabulary::Language && field(2).is_empty() {
                    return Err(error(
                        line,
                        format!("'{code}' needs a one-line description"),
                    ));
                }
                let terms = taxonomy.terms.entry(vocabulary).or_default();
                terms.push(Term {
                    code: code.clone(),
                    label: field(1).to_owned(),
                    description: field(2).to_owned(),
                });
                terms.len() - 1
            }
        };
        taxonomy.index.insert((vocabulary, code), position);
    }
    Ok(())
}

/// The line an editor shows for a record. The CSV reader's own line count leaves out
/// blank lines, so it is recomputed from the byte offset; that offset points at any
/// blank lines skipped before the record, so those are stepped over too.
fn line_at(text: &str, position: &csv::Position) -> u64 {
    let bytes = text.as_bytes();
    let start = usize::try_from(position.byte()).map_or(bytes.len(), |s| s.min(bytes.len()));
    let (before, rest) = bytes.split_at(start);
    let newlines_before = before.iter().filter(|&&b| b == b'\n').count();
    let blank_lines = rest
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .filter(|&&b| b == b'\n')
        .count();
    u64::try_from(1 + newlines_before + blank_lines).unwrap_or(u64::MAX)
}

/// Codes whose absence would break public links: TAXONOMY.md fixes them.
#[cfg(test)]
pub(super) const FIXED_SUPPORT_TYPES: [&str; 27] = [
    "psychological",
    "legal",
    "financial",
    "medical_emergency",
    "medical_long_term",
    "digital_security",
    "physical_security",
    "information",
    "solidarity",
    "international_advocacy",
    "trial_observation",
    "award_nomination",
    "temporary_shelter",
    "relocation_in_country",
    "relocation_international",
    "visa",
    "adaptation",
    "equipment",
    "capacity_building",
    "anti_burnout",
    "rest_respite",
    "family_support",
    "prisoner_support",
    "rehabilitation",
    "health_insurance",
    "fines_coverage",
    "networking",
];
