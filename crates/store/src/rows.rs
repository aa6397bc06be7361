//! The directory as flat table rows, and back. Both engines store exactly these rows,
//! so the mapping between the domain model and the schema is written once, here, and
//! tested without a database.

use std::collections::{BTreeMap, HashMap};

use torchlight_core::{
    Ally, Code, Coverage, Directory, Format, Organization, OrganizationId, Service, Translation,
    Vocabulary,
};
use uuid::Uuid;

use crate::StoreError;

pub(crate) struct OrganizationRow {
    pub id: Uuid,
    pub position: i64,
    pub name: String,
    pub kind: String,
    pub description: String,
    pub public_contact: String,
    pub website: Option<String>,
}

pub(crate) struct ServiceRow {
    pub id: Uuid,
    pub position: i64,
    pub organization_id: Uuid,
    pub name: String,
    pub description: String,
    pub support: String,
    pub worldwide: bool,
    pub remote_areas: bool,
    pub family_eligible: bool,
    pub eligibility: String,
    pub response_hours: i64,
    pub open: bool,
}

pub(crate) struct AllyRow {
    pub id: Uuid,
    pub position: i64,
    pub organization_id: Uuid,
    pub name: String,
    pub profession: String,
    pub country: String,
    pub contact: String,
    pub notes: String,
}

/// One entry of one code list of a record (`*_codes` tables).
pub(crate) struct CodeRow {
    pub owner: Uuid,
    pub list: String,
    pub position: i64,
    pub code: String,
}

/// One language's texts of a record (`*_translations` tables).
pub(crate) struct TranslationRow {
    pub owner: Uuid,
    pub language: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub eligibility: Option<String>,
}

#[derive(Default)]
pub(crate) struct Rows {
    pub organizations: Vec<OrganizationRow>,
    pub organization_codes: Vec<CodeRow>,
    pub organization_translations: Vec<TranslationRow>,
    pub services: Vec<ServiceRow>,
    pub service_codes: Vec<CodeRow>,
    pub service_translations: Vec<TranslationRow>,
    pub allies: Vec<AllyRow>,
    pub ally_codes: Vec<CodeRow>,
}

// Names of the code lists in the `list` column; the migrations' CHECK constraints
// allow exactly these per table.
const COUNTRY: &str = "country";
const REGION: &str = "region";
const LANGUAGE: &str = "language";
const EXILE_FROM: &str = "exile_from";
const GROUP: &str = "group";
const FORMAT: &str = "format";

impl Rows {
    /// Flattens a directory. Refuses a code whose stored form would read back as a
    /// different code (or not at all), so that nothing written can later make the
    /// store unreadable; `Directory::validate` already puts codes in that form.
    pub fn from_directory(directory: &Directory) -> Result<Rows, StoreError> {
        let mut rows = Rows::default();
        for (position, org) in (0_i64..).zip(&directory.organizations) {
            let record = || format!("organization {}", org.id);
            rows.organizations.push(OrganizationRow {
                id: org.id.as_uuid(),
                position,
                name: org.name.clone(),
                kind: storable(Vocabulary::ActorKind, &org.kind, record, "kind")?,
                description: org.description.clone(),
                public_contact: org.public_contact.clone(),
                website: org.website.clone(),
            });
            let codes = &mut rows.organization_codes;
            push_codes(
                codes,
                org.id.as_uuid(),
                COUNTRY,
                Vocabulary::Country,
                &org.countries,
                record,
            )?;
            push_codes(
                codes,
                org.id.as_uuid(),
                REGION,
                Vocabulary::Region,
                &org.regions,
                record,
            )?;
            push_codes(
                codes,
                org.id.as_uuid(),
                LANGUAGE,
                Vocabulary::Language,
                &org.languages,
                record,
            )?;
            push_translations(
                &mut rows.organization_translations,
                org.id.as_uuid(),
                &org.translations,
                record,
            )?;
        }
        for (position, service) in (0_i64..).zip(&directory.services) {
            let record = || format!("service {}", service.id);
            let coverage = &service.coverage;
            rows.services.push(ServiceRow {
                id: service.id,
                position,
                organization_id: service.organization_id.as_uuid(),
                name: service.name.clone(),
                description: service.description.clone(),
                support: storable(Vocabulary::SupportType, &service.support, record, "support")?,
                worldwide: coverage.worldwide,
                remote_areas: coverage.remote_areas,
                family_eligible: service.family_eligible,
                eligibility: service.eligibility.clone(),
                response_hours: i64::from(service.response_hours),
                open: service.open,
            });
            let codes = &mut rows.service_codes;
            let id = service.id;
            push_codes(
                codes,
                id,
                COUNTRY,
                Vocabulary::Country,
                &coverage.countries,
                record,
            )?;
            push_codes(
                codes,
                id,
                REGION,
                Vocabulary::Region,
                &coverage.regions,
                record,
            )?;
            push_codes(
                codes,
                id,
                EXILE_FROM,
                Vocabulary::Country,
                &coverage.exile_from,
                record,
            )?;
            push_codes(
                codes,
                id,
                GROUP,
                Vocabulary::DefenderGroup,
                &service.groups,
                record,
            )?;
            push_codes(
                codes,
                id,
                LANGUAGE,
                Vocabulary::Language,
                &service.languages,
                record,
            )?;
            for (position, format) in (0_i64..).zip(&service.formats) {
                codes.push(CodeRow {
                    owner: id,
                    list: FORMAT.to_owned(),
                    position,
                    code: format.as_str().to_owned(),
                });
            }
            push_translations(
                &mut rows.service_translations,
                id,
                &service.translations,
                record,
            )?;
        }
        for (position, ally) in (0_i64..).zip(&directory.allies) {
            let record = || format!("ally {}", ally.id);
            rows.allies.push(AllyRow {
                id: ally.id,
                position,
                organization_id: ally.organization_id.as_uuid(),
                name: ally.name.clone(),
                profession: storable(
                    Vocabulary::Profession,
                    &ally.profession,
                    record,
                    "profession",
                )?,
                country: storable(Vocabulary::Country, &ally.country, record, "country")?,
                contact: ally.contact.clone(),
                notes: ally.notes.clone(),
            });
            let codes = &mut rows.ally_codes;
            push_codes(
                codes,
                ally.id,
                REGION,
                Vocabulary::Region,
                &ally.regions,
                record,
            )?;
            push_codes(
                codes,
                ally.id,
                LANGUAGE,
                Vocabulary::Language,
                &ally.languages,
                record,
            )?;
        }
        Ok(rows)
    }

    /// Rebuilds the directory. Records come back in `position` order whatever order
    /// the rows arrive in; anything that does not fit the model is reported as
    /// corrupt rather than dropped.
    pub fn into_directory(mut self) -> Result<Directory, StoreError> {
        self.organizations.sort_by_key(|r| r.position);
        self.services.sort_by_key(|r| r.position);
        self.allies.sort_by_key(|r| r.position);
        let mut org_codes = CodeLists::new(self.organization_codes);
        let mut org_texts = group_translations(self.organization_translations)?;
        let mut service_codes = CodeLists::new(self.service_codes);
        let mut service_texts = group_translations(self.service_translations)?;
        let mut ally_codes = CodeLists::new(self.ally_codes);

        let mut directory = Directory::default();
        for row in self.organizations {
            let id = row.id;
            directory.organizations.push(Organization {
                id: OrganizationId::from_uuid(id),
                name: row.name,
                kind: read_code(Vocabulary::ActorKind, &row.kind)?,
                countries: org_codes.take(id, COUNTRY, Vocabulary::Country)?,
                regions: org_codes.take(id, REGION, Vocabulary::Region)?,
                languages: org_codes.take(id, LANGUAGE, Vocabulary::Language)?,
                description: row.description,
                public_contact: row.public_contact,
                website: row.website,
                translations: org_texts.remove(&id).unwrap_or_default(),
            });
        }
        for row in self.services {
            let id = row.id;
            let formats = service_codes
                .take_raw(id, FORMAT)
                .into_iter()
                .map(|raw| {
                    Format::parse(&raw)
                        .ok_or_else(|| StoreError::Corrupt(format!("unknown format '{raw}'")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            directory.services.push(Service {
                id,
                organization_id: OrganizationId::from_uuid(row.organization_id),
                name: row.name,
                description: row.description,
                support: read_code(Vocabulary::SupportType, &row.support)?,
                coverage: Coverage {
                    worldwide: row.worldwide,
                    countries: service_codes.take(id, COUNTRY, Vocabulary::Country)?,
                    regions: service_codes.take(id, REGION, Vocabulary::Region)?,
                    remote_areas: row.remote_areas,
                    exile_from: service_codes.take(id, EXILE_FROM, Vocabulary::Country)?,
                },
                groups: service_codes.take(id, GROUP, Vocabulary::DefenderGroup)?,
                languages: service_codes.take(id, LANGUAGE, Vocabulary::Language)?,
                formats,
                family_eligible: row.family_eligible,
                eligibility: row.eligibility,
                response_hours: u32::try_from(row.response_hours).map_err(|_| {
                    StoreError::Corrupt(format!(
                        "service {id}: response_hours {} is out of range",
                        row.response_hours
                    ))
                })?,
                open: row.open,
                translations: service_texts.remove(&id).unwrap_or_default(),
            });
        }
        for row in self.allies {
            let id = row.id;
            directory.allies.push(Ally {
                id,
                name: row.name,
                profession: read_code(Vocabulary::Profession, &row.profession)?,
                country: read_code(Vocabulary::Country, &row.country)?,
                regions: ally_codes.take(id, REGION, Vocabulary::Region)?,
                languages: ally_codes.take(id, LANGUAGE, Vocabulary::Language)?,
                contact: row.contact,
                organization_id: OrganizationId::from_uuid(row.organization_id),
                notes: row.notes,
            });
        }
        let leftover = [&org_codes, &service_codes, &ally_codes]
            .into_iter()
            .find_map(CodeLists::leftover);
        if let Some((owner, list)) = leftover {
            return Err(StoreError::Corrupt(format!(
                "code list '{list}' belongs to no record (owner {owner})"
            )));
        }
        if let Some(owner) = org_texts.keys().chain(service_texts.keys()).next() {
            return Err(StoreError::Corrupt(format!(
                "translation belongs to no record (owner {owner})"
            )));
        }
        Ok(directory)
    }
}

/// The stored form of a code, if reading it back gives the same code.
fn storable(
    vocabulary: Vocabulary,
    code: &Code,
    record: impl Fn() -> String,
    field: &str,
) -> Result<String, StoreError> {
    match Code::parse(vocabulary, code.as_str()) {
        Ok(parsed) if parsed == *code => Ok(code.as_str().to_owned()),
        Ok(parsed) => Err(StoreError::Rejected(format!(
            "{}: {field}: '{code}' is not in canonical form (expected '{parsed}')",
            record()
        ))),
        Err(message) => Err(StoreError::Rejected(format!(
            "{}: {field}: {message}",
            record()
        ))),
    }
}

fn read_code(vocabulary: Vocabulary, raw: &str) -> Result<Code, StoreError> {
    Code::parse(vocabulary, raw).map_err(StoreError::Corrupt)
}

fn push_codes(
    rows: &mut Vec<CodeRow>,
    owner: Uuid,
    list: &str,
    vocabulary: Vocabulary,
    codes: &[Code],
    record: impl Fn() -> String + Copy,
) -> Result<(), StoreError> {
    for (position, code) in (0_i64..).zip(codes) {
        rows.push(CodeRow {
            owner,
            list: list.to_owned(),
            position,
            code: storable(vocabulary, code, record, list)?,
        });
    }
    Ok(())
}

fn push_translations(
    rows: &mut Vec<TranslationRow>,
    owner: Uuid,
    translations: &BTreeMap<Code, Translation>,
    record: impl Fn() -> String + Copy,
) -> Result<(), StoreError> {
    for (language, text) in translations {
        rows.push(TranslationRow {
            owner,
            language: storable(Vocabulary::Language, language, record, "translations")?,
            name: text.name.clone(),
            description: text.description.clone(),
            eligibility: text.eligibility.clone(),
        });
    }
    Ok(())
}

/// Code rows grouped by owner and list, each list in position order. Lists are taken
/// out as records are rebuilt, so whatever remains at the end belongs to no record.
struct CodeLists(HashMap<(Uuid, String), Vec<(i64, String)>>);

impl CodeLists {
    fn new(rows: Vec<CodeRow>) -> Self {
        let mut lists: HashMap<(Uuid, String), Vec<(i64, String)>> = HashMap::new();
        for row in rows {
            lists
                .entry((row.owner, row.list))
                .or_default()
                .push((row.position, row.code));
        }
        for list in lists.values_mut() {
            list.sort_by_key(|(position, _)| *position);
        }
        CodeLists(lists)
    }

    fn take_raw(&mut self, owner: Uuid, list: &str) -> Vec<String> {
        self.0
            .remove(&(owner, list.to_owned()))
            .unwrap_or_default()
            .into_iter()
            .map(|(_, code)| code)
            .collect()
    }

    fn take(
        &mut self,
        owner: Uuid,
        list: &str,
        vocabulary: Vocabulary,
    ) -> Result<Vec<Code>, StoreError> {
        self.take_raw(owner, list)
            .iter()
            .map(|raw| read_code(vocabulary, raw))
            .collect()
    }

    fn leftover(&self) -> Option<(Uuid, String)> {
        self.0.keys().next().cloned()
    }
}

fn group_translations(
    rows: Vec<TranslationRow>,
) -> Result<HashMap<Uuid, BTreeMap<Code, Translation>>, StoreError> {
    let mut grouped: HashMap<Uuid, BTreeMap<Code, Translation>> = HashMap::new();
    for row in rows {
        let language = read_code(Vocabulary::Language, &row.language)?;
        grouped.entry(row.owner).or_default().insert(
            language,
            Translation {
                name: row.name,
                description: row.description,
                eligibility: row.eligibility,
            },
        );
    }
    Ok(grouped)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn code(vocabulary: Vocabulary, raw: &str) -> Code {
        Code::parse(vocabulary, raw).unwrap()
    }

    fn sample() -> Directory {
        let org = Uuid::from_u128(1);
        let mut translations = BTreeMap::new();
        translations.insert(
            code(Vocabulary::Language, "ru"),
            Translation {
                name: Some("Имя".into()),
                description: None,
                eligibility: Some("Все".into()),
            },
        );
        Directory {
            organizations: vec![Organization {
                id: OrganizationId::from_uuid(org),
                name: "Org".into(),
                kind: code(Vocabulary::ActorKind, "local_cso"),
                countries: vec![code(Vocabulary::Country, "KG")],
                regions: vec![code(Vocabulary::Region, "KG-GB")],
                languages: vec![
                    code(Vocabulary::Language, "ru"),
                    code(Vocabulary::Language, "ky"),
                ],
                description: "d".into(),
                public_contact: "c".into(),
                website: None,
                translations: translations.clone(),
            }],
            services: vec![Service {
                id: Uuid::from_u128(2),
                organization_id: OrganizationId::from_uuid(org),
                name: "S".into(),
                description: "d".into(),
                support: code(Vocabulary::SupportType, "legal"),
                coverage: Coverage {
                    worldwide: false,
                    countries: vec![],
                    regions: vec![code(Vocabulary::Region, "KG-GB")],
                    remote_areas: true,
                    exile_from: vec![code(Vocabulary::Country, "BY")],
                },
                groups: vec![],
                languages: vec![code(Vocabulary::Language, "ru")],
                formats: vec![Format::RequiresTravel, Format::Online],
                family_eligible: true,
                eligibility: "e".into(),
                response_hours: 48,
                open: false,
                translations,
            }],
            allies: vec![],
        }
    }

    #[test]
    fn rows_rebuild_the_same_directory() {
        let directory = sample();
        let rows = Rows::from_directory(&directory).unwrap();
        assert_eq!(rows.into_directory().unwrap(), directory);
    }

    #[test]
    fn rows_in_any_order_rebuild_the_stored_order() {
        let directory = sample();
        let mut rows = Rows::from_directory(&directory).unwrap();
        rows.service_codes.reverse();
        rows.organization_codes.reverse();
        assert_eq!(rows.into_directory().unwrap(), directory);
    }

    #[test]
    fn a_code_that_would_read_back_differently_is_refused() {
        let mut directory = sample();
        directory.organizations[0].countries =
            vec![serde_json::from_str::<Code>("\"kg\"").unwrap()];
        assert!(matches!(
            Rows::from_directory(&directory),
            Err(StoreError::Rejected(_))
        ));
    }

    #[test]
    fn a_code_list_without_its_record_is_corrupt() {
        let mut rows = Rows::from_directory(&sample()).unwrap();
        rows.services.clear();
        rows.service_translations.clear();
        assert!(matches!(rows.into_directory(), Err(StoreError::Corrupt(_))));
    }

    #[test]
    fn an_unknown_format_is_corrupt() {
        let mut rows = Rows::from_directory(&sample()).unwrap();
        for row in &mut rows.service_codes {
            if row.list == FORMAT {
                row.code = "by_pigeon".into();
            }
        }
        assert!(matches!(rows.into_directory(), Err(StoreError::Corrupt(_))));
    }
}
