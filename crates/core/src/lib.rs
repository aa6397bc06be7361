//! Torchlight's domain: the vocabularies, the directory of protection actors and the
//! rules that match a defender to help. Pure and synchronous: no I/O, no clock, no
//! randomness; callers pass in what the rules depend on.

pub mod access;
pub mod case;
pub mod casework;
pub mod code;
pub mod decision;
pub mod directory;
pub mod ids;
pub mod intake;
pub mod overview;
pub mod risk;
pub mod search;
pub mod signin;
pub mod taxonomy;
pub mod triage;

pub use code::Code;
pub use directory::{
    Ally, Coverage, Directory, Format, Organization, RecordError, Service, Translation,
};
pub use ids::{CaseId, OrganizationId, UserId};
pub use search::{FilterError, Filters, Hit, RawFilters, Reason, Suggestion, SuggestionKind};
pub use taxonomy::{Taxonomy, TaxonomyError, UnknownCode, Vocabulary};
