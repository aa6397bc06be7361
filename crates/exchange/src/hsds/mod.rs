//! Open Referral HSDS 3.x, the open standard for service directories, in its nested
//! JSON form.
//!
//! | Torchlight | HSDS |
//! |---|---|
//! | organization id, name, description | `id`, `name`, `description` |
//! | organization website | `website` when it is a plain http(s) URL, else a `website` attribute |
//! | public contact | a `public_contact` attribute, verbatim; its e-mail and phone numbers also as `email` and `phones` |
//! | kind, countries, regions, languages | `kind`, `countries`, `regions`, `languages` attributes |
//! | service id, organization, name, description | `id`, `organization_id`, `name`, `description` |
//! | open | `status`: `active` or `inactive` |
//! | eligibility | `eligibility_description` |
//! | response hours | `wait_time` in words, and a `response_hours` attribute with the hours |
//! | service languages | `languages` (HSDS `language` objects with ISO 639 codes) |
//! | covered countries and regions | one `service_area` each (name, `extent_type` `text`, the ISO code as `extent`, a `coverage` attribute); a `Worldwide` area when worldwide |
//! | support, groups, formats, exile_from | attributes of those link types |
//! | family_eligible, remote_areas, worldwide | attributes with value `true`, present only when set |
//! | translations | `x-torchlight-translations`: `{"ru": {"name": ..., "description": ...}}` |
//!
//! How attributes name Torchlight's vocabularies is described in `terms`; what is
//! assumed for records of other publishers in `foreign`.

mod export;
mod foreign;
mod import;
mod read;
mod records;
pub(crate) mod words;

pub use export::export_hsds;
pub(crate) use export::TRANSLATIONS;
pub(crate) use import::import;
