//! The vocabularies of TAXONOMY.md, loaded from CSV data files.
//!
//! The taxonomy is data, not code: the files under `data/taxonomy/` ship with the
//! binary, and a coalition may add entries in files of the same name in its data
//! directory. Loading is pure: callers hand in the text of each file with the name it
//! should be reported under, so every error can name the file and the line.

mod load;

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

pub use load::{SourceFile, TaxonomyError, BUILT_IN};

use crate::code::Code;

/// One of the vocabularies a coalition can extend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vocabulary {
    Country,
    Region,
    Language,
    RiskType,
    RiskSource,
    SupportType,
    DefenderGroup,
    ActorKind,
    RefusalReason,
    Profession,
}

impl Vocabulary {
    pub const ALL: [Vocabulary; 10] = [
        Vocabulary::Country,
        Vocabulary::Region,
        Vocabulary::Language,
        Vocabulary::RiskType,
        Vocabulary::RiskSource,
        Vocabulary::SupportType,
        Vocabulary::DefenderGroup,
        Vocabulary::ActorKind,
        Vocabulary::RefusalReason,
        Vocabulary::Profession,
    ];

    /// The data file that holds this vocabulary.
    pub fn file_name(self) -> &'static str {
        match self {
            Vocabulary::Country => "countries.csv",
            Vocabulary::Region => "regions.csv",
            Vocabulary::Language => "languages.csv",
            Vocabulary::RiskType => "risk_types.csv",
            Vocabulary::RiskSource => "risk_sources.csv",
            Vocabulary::SupportType => "support_types.csv",
            Vocabulary::DefenderGroup => "defender_groups.csv",
            Vocabulary::ActorKind => "actor_kinds.csv",
            Vocabulary::RefusalReason => "refusal_reasons.csv",
            Vocabulary::Profession => "professions.csv",
        }
    }

    /// The name used in messages and as the HSDS taxonomy name.
    pub fn name(self) -> &'static str {
        match self {
            Vocabulary::Country => "country",
            Vocabulary::Region => "region",
            Vocabulary::Language => "language",
            Vocabulary::RiskType => "risk_type",
            Vocabulary::RiskSource => "risk_source",
            Vocabulary::SupportType => "support_type",
            Vocabulary::DefenderGroup => "defender_group",
            Vocabulary::ActorKind => "actor_kind",
            Vocabulary::RefusalReason => "refusal_reason",
            Vocabulary::Profession => "profession",
        }
    }
}

impl fmt::Display for Vocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The political context the study gives the eight countries (6.1, 6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    Hybrid,
    Authoritarian,
}

impl Regime {
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Hybrid => "hybrid",
            Regime::Authoritarian => "authoritarian",
        }
    }
}

/// How a region relates to its country; protection is "centred around the capital
/// cities" (10.1), and occupied territories need providers of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    Capital,
    Region,
    Occupied,
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Capital => "capital",
            RegionKind::Region => "region",
            RegionKind::Occupied => "occupied",
        }
    }
}

/// An entry of a vocabulary: its stable code, English label and a one-line description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub code: Code,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub code: Code,
    pub name: String,
    pub regime: Option<Regime>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: Code,
    pub country: Code,
    pub name: String,
    pub kind: RegionKind,
}

/// Every vocabulary, validated. Lookups return the canonical `Code`, so a value that
/// went through the taxonomy is known to exist.
#[derive(Debug, Default)]
pub struct Taxonomy {
    countries: Vec<Country>,
    regions: Vec<Region>,
    terms: HashMap<Vocabulary, Vec<Term>>,
    index: HashMap<(Vocabulary, Code), usize>,
}

impl Taxonomy {
    /// Loads the built-in vocabularies only.
    pub fn built_in() -> Result<Arc<Taxonomy>, TaxonomyError> {
        Taxonomy::load(&[]).map(Arc::new)
    }

    /// Loads the built-in vocabularies followed by a coalition's extension files.
    pub fn load(extensions: &[SourceFile]) -> Result<Taxonomy, TaxonomyError> {
        load::load(extensions)
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn regions_of<'a>(&'a self, country: &'a Code) -> impl Iterator<Item = &'a Region> + 'a {
        self.regions.iter().filter(move |r| &r.country == country)
    }

    /// Terms of a list vocabulary (not countries or regions), in file order.
    pub fn terms(&self, vocabulary: Vocabulary) -> &[Term] {
        self.terms
            .get(&vocabulary)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        let i = self.position(Vocabulary::Country, code)?;
        self.countries.get(i)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        let i = self.position(Vocabulary::Region, code)?;
        self.regions.get(i)
    }

    pub fn term(&self, vocabulary: Vocabulary, code: &str) -> Option<&Term> {
        let i = self.position(vocabulary, code)?;
        self.terms.get(&vocabulary)?.get(i)
    }

    /// True when `code` is an entry of `vocabulary`.
    pub fn contains(&self, vocabulary: Vocabulary, code: &str) -> bool {
        self.position(vocabulary, code).is_some()
    }

    /// Resolves a code given by a user or a file into the canonical code.
    pub fn resolve(&self, vocabulary: Vocabulary, code: &str) -> Result<Code, UnknownCode> {
        let unknown = || UnknownCode {
            vocabulary,
            code: code.to_owned(),
        };
        let i = self.position(vocabulary, code).ok_or_else(unknown)?;
        let found = match vocabulary {
            Vocabulary::Country => self.countries.get(i).map(|c| c.code.clone()),
            Vocabulary::Region => self.regions.get(i).map(|r| r.code.clone()),
            _ => self
                .terms
                .get(&vocabulary)
                .and_then(|t| t.get(i))
                .map(|t| t.code.clone()),
        };
        found.ok_or_else(unknown)
    }

    /// The English label of a code, or the code itself if it is unknown.
    pub fn label<'a>(&'a self, vocabulary: Vocabulary, code: &'a str) -> &'a str {
        match vocabulary {
            Vocabulary::Country => self.country(code).map(|c| c.name.as_str()),
            Vocabulary::Region => self.region(code).map(|r| r.name.as_str()),
            _ => self.term(vocabulary, code).map(|t| t.label.as_str()),
        }
        .unwrap_or(code)
    }

    fn position(&self, vocabulary: Vocabulary, code: &str) -> Option<usize> {
        let key = Code::lookup_key(vocabulary, code)?;
        self.index.get(&(vocabulary, key)).copied()
    }
}

/// A code that is not in the vocabulary it was looked up in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} code '{code}'")]
pub struct UnknownCode {
    pub vocabulary: Vocabulary,
    pub code: String,
}

#[cfg(test)]
mod tests;
