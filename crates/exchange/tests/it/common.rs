//! Shared fixtures: a taxonomy with the codes the tests use, a directory that exercises
//! every field, and HSDS schema validators loaded from the reference folder.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde_json::Value;
use torchlight_core::taxonomy::{SourceFile, Vocabulary};
use torchlight_core::{
    Ally, Code, Coverage, Directory, Format, Organization, OrganizationId, Service, Taxonomy,
    Translation,
};
use uuid::Uuid;

/// Codes the tests need that the built-in files may not (yet) list. Only the missing
/// ones are added, so the tests work whether or not the data files are complete.
const EXTRA: &[(Vocabulary, &str, &str, &str)] = &[
    (
        Vocabulary::ActorKind,
        "local_cso",
        "Local CSO",
        "A civil society organisation working in-country.",
    ),
    (
        Vocabulary::ActorKind,
        "focal_point",
        "Focal point",
        "Verifies cases for international providers.",
    ),
    (
        Vocabulary::ActorKind,
        "international_cso",
        "International CSO",
        "An international civil society organisation.",
    ),
    (
        Vocabulary::ActorKind,
        "regional_network",
        "Regional network",
        "A regional network such as a Human Rights House.",
    ),
    (Vocabulary::Language, "en", "English", ""),
    (Vocabulary::Language, "ru", "Russian", ""),
    (Vocabulary::Language, "uk", "Ukrainian", ""),
    (Vocabulary::Language, "ky", "Kyrgyz", ""),
    (Vocabulary::Language, "ka", "Georgian", ""),
    (Vocabulary::Language, "az", "Azerbaijani", ""),
    (Vocabulary::Language, "be", "Belarusian", ""),
    (Vocabulary::Language, "crh", "Crimean Tatar", ""),
    (Vocabulary::Region, "KG-GB", "KG", "Bishkek"),
    (Vocabulary::Region, "KG-O", "KG", "Osh region"),
    (Vocabulary::Region, "UA-43", "UA", "Crimea"),
    (Vocabulary::Region, "UA-30", "UA", "Kyiv"),
    (Vocabulary::Region, "GE-AB", "GE", "Abkhazia"),
    (
        Vocabulary::DefenderGroup,
        "lgbtqi",
        "LGBTQI activists",
        "LGBTQI activists and organisations.",
    ),
    (
        Vocabulary::DefenderGroup,
        "journalists",
        "Journalists",
        "Journalists and bloggers.",
    ),
    (
        Vocabulary::DefenderGroup,
        "women_hrds",
        "Women HRDs",
        "Women human rights defenders.",
    ),
    (
        Vocabulary::DefenderGroup,
        "exiles",
        "HRDs in exile",
        "Defenders living in exile.",
    ),
    (Vocabulary::Profession, "lawyer", "Lawyer", "A lawyer."),
    (
        Vocabulary::Profession,
        "doctor",
        "Doctor",
        "A medical doctor.",
    ),
];

/// The test taxonomy, loaded once for the whole test binary.
pub fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(load_taxonomy)
}

fn load_taxonomy() -> Taxonomy {
    let base = Taxonomy::load(&[]).expect("the built-in taxonomy loads");
    let mut files: BTreeMap<Vocabulary, String> = BTreeMap::new();
    for (vocabulary, code, a, b) in EXTRA {
        if base.contains(*vocabulary, code) {
            continue;
        }
        let header = match vocabulary {
            Vocabulary::Language => "code,name\n",
            Vocabulary::Region => "code,country,name,kind\n",
            _ => "code,label,description\n",
        };
        let text = files
            .entry(*vocabulary)
            .or_insert_with(|| header.to_owned());
        let line = match vocabulary {
            Vocabulary::Language => format!("{code},{a}\n"),
            Vocabulary::Region => {
                let kind = match *code {
                    "KG-GB" | "UA-30" => "capital",
                    "UA-43" | "GE-AB" => "occupied",
                    _ => "region",
                };
                format!("{code},{a},{b},{kind}\n")
            }
            _ => format!("{code},{a},\"{b}\"\n"),
        };
        text.push_str(&line);
    }
    let files: Vec<SourceFile> = files
        .into_iter()
        .map(|(vocabulary, text)| SourceFile {
            name: format!("tests/{}", vocabulary.file_name()),
            text,
        })
        .collect();
    Taxonomy::load(&files).expect("the test taxonomy loads")
}

pub fn code(vocabulary: Vocabulary, raw: &str) -> Code {
    Code::parse(vocabulary, raw).expect("a well-formed code")
}

fn codes(vocabulary: Vocabulary, raw: &[&str]) -> Vec<Code> {
    raw.iter().map(|r| code(vocabulary, r)).collect()
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0000 | n)
}

fn translation(
    name: Option<&str>,
    description: Option<&str>,
    eligibility: Option<&str>,
) -> Translation {
    Translation {
        name: name.map(str::to_owned),
        description: description.map(str::to_owned),
        eligibility: eligibility.map(str::to_owned),
    }
}

/// A directory that uses every field: regions, occupied territories, exile, worldwide
/// coverage, translations, closed services, groups, family eligibility, websites that
/// are and are not URLs, contacts with and without e-mail and phone, an organisation
/// without services, and allies.
pub fn full_directory(taxonomy: &Taxonomy) -> Directory {
    use Vocabulary as V;
    let lang = |c: &str| code(V::Language, c);
    let kg = Organization {
        id: OrganizationId::from_uuid(id(1)),
        name: "Bir Duino \"Kyrgyzstan\"".into(),
        kind: code(V::ActorKind, "local_cso"),
        countries: codes(V::Country, &["KG"]),
        regions: codes(V::Region, &["KG-GB", "KG-O"]),
        languages: codes(V::Language, &["ky", "ru", "en"]),
        description:
            "Legal and psychological help for defenders in Kyrgyzstan, <b>including</b> the south."
                .into(),
        public_contact: "Signal +996 555 123 456, help@example.kg".into(),
        website: Some("https://example.kg/help?lang=ru".into()),
        translations: BTreeMap::from([
            (
                lang("ru"),
                translation(Some("Бир Дуйно"), Some("Юридическая помощь"), None),
            ),
            (lang("ky"), translation(None, Some("Укуктук жардам"), None)),
        ]),
    };
    let intl = Organization {
        id: OrganizationId::from_uuid(id(2)),
        name: "Shelter International".into(),
        kind: code(V::ActorKind, "international_cso"),
        countries: codes(V::Country, &["GE", "UA", "AZ"]),
        regions: vec![],
        languages: codes(V::Language, &["en", "ru", "uk"]),
        description: "Relocation and digital security.".into(),
        public_contact: "Through the form on our site only; no walk-ins.".into(),
        website: None,
        translations: BTreeMap::new(),
    };
    let focal = Organization {
        id: OrganizationId::from_uuid(id(3)),
        name: "Kyiv Focal Point".into(),
        kind: code(V::ActorKind, "focal_point"),
        countries: codes(V::Country, &["UA"]),
        regions: codes(V::Region, &["UA-30"]),
        languages: codes(V::Language, &["uk", "crh"]),
        description: "Verifies cases and refers them on.".into(),
        public_contact: "+380 44 123 45 67 (voice), +380 67 765 43 21 (Signal)".into(),
        website: Some("www.example.ua (mirror: example dot ua)".into()),
        translations: BTreeMap::from([(
            lang("uk"),
            translation(Some("Київський фокальний пункт"), None, None),
        )]),
    };
    let quiet = Organization {
        id: OrganizationId::from_uuid(id(4)),
        name: "Human Rights House Tbilisi".into(),
        kind: code(V::ActorKind, "regional_network"),
        countries: codes(V::Country, &["GE"]),
        regions: codes(V::Region, &["GE-AB"]),
        languages: codes(V::Language, &["ka"]),
        description: "A house for many organisations.".into(),
        public_contact: "office@hrh.example.ge".into(),
        website: Some(String::new()),
        translations: BTreeMap::new(),
    };
    let service = |n: u128, org: Uuid, name: &str, support: &str| Service {
        id: id(n),
        organization_id: OrganizationId::from_uuid(org),
        name: name.into(),
        description: format!("{name}, described."),
        support: code(V::SupportType, support),
        coverage: Coverage::default(),
        groups: vec![],
        languages: codes(V::Language, &["ru"]),
        formats: vec![Format::Online],
        family_eligible: false,
        eligibility: "Defenders at risk.".into(),
        response_hours: 48,
        open: true,
        translations: BTreeMap::new(),
    };
    let mut legal = service(11, kg.id.as_uuid(), "Lawyers on call", "legal");
    legal.coverage = Coverage {
        countries: codes(V::Country, &["KG"]),
        remote_areas: true,
        ..Coverage::default()
    };
    legal.groups = codes(V::DefenderGroup, &["lgbtqi", "journalists"]);
    legal.languages = codes(V::Language, &["ky", "ru"]);
    legal.formats = vec![Format::InPerson, Format::Online];
    legal.family_eligible = true;
    legal.response_hours = 24;
    legal.translations = BTreeMap::from([(
        lang("ru"),
        translation(Some("Адвокаты"), Some("Описание"), Some("Правозащитники")),
    )]);
    let mut psych = service(12, kg.id.as_uuid(), "Counselling in Osh", "psychological");
    psych.coverage.regions = codes(V::Region, &["KG-O"]);
    psych.open = false;
    psych.response_hours = 50;
    let mut relocation = service(
        21,
        intl.id.as_uuid(),
        "Emergency relocation",
        "relocation_international",
    );
    relocation.coverage = Coverage {
        worldwide: true,
        exile_from: codes(V::Country, &["AZ", "BY"]),
        ..Coverage::default()
    };
    relocation.groups = codes(V::DefenderGroup, &["exiles", "women_hrds"]);
    relocation.formats = vec![Format::RequiresTravel];
    relocation.family_eligible = true;
    relocation.response_hours = 336;
    let mut digital = service(
        22,
        intl.id.as_uuid(),
        "Digital helpline",
        "digital_security",
    );
    digital.coverage = Coverage {
        countries: codes(V::Country, &["UA"]),
        regions: codes(V::Region, &["UA-43"]),
        ..Coverage::default()
    };
    digital.languages = codes(V::Language, &["uk", "ru", "en"]);
    digital.response_hours = 1;
    digital.translations =
        BTreeMap::from([(lang("uk"), translation(Some("Цифрова лінія"), None, None))]);
    let mut exile_only = service(23, intl.id.as_uuid(), "Exile grants", "financial");
    exile_only.coverage.exile_from = codes(V::Country, &["BY"]);
    exile_only.response_hours = 8760;
    let mut info = service(31, focal.id.as_uuid(), "Know your rights", "information");
    info.coverage.countries = codes(V::Country, &["UA"]);
    info.languages = codes(V::Language, &["uk", "crh"]);
    info.formats = vec![Format::Online, Format::InPerson, Format::RequiresTravel];

    let allies = vec![
        Ally {
            id: id(101),
            name: "A. Lawyer".into(),
            profession: code(V::Profession, "lawyer"),
            country: code(V::Country, "KG"),
            regions: codes(V::Region, &["KG-O"]),
            languages: codes(V::Language, &["ky", "ru"]),
            contact: "Signal +996 700 000 000".into(),
            organization_id: kg.id,
            notes: "Takes detention cases at night.".into(),
        },
        Ally {
            id: id(102),
            name: "Dr. B.".into(),
            profession: code(V::Profession, "doctor"),
            country: code(V::Country, "UA"),
            regions: vec![],
            languages: codes(V::Language, &["uk"]),
            contact: "doctor@example.ua".into(),
            organization_id: focal.id,
            notes: String::new(),
        },
    ];
    let mut directory = Directory {
        organizations: vec![kg, intl, focal, quiet],
        services: vec![legal, psych, relocation, digital, exile_only, info],
        allies,
    };
    directory
        .validate(taxonomy)
        .expect("the fixture directory is valid");
    directory
}

/// The folder of the HSDS 3 schemas, kept in the repository (`tests/fixtures/hsds-3`).
/// The tests fail rather than skip without it: an export that was never checked
/// against the standard must not pass as checked.
pub fn schema_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hsds-3");
    assert!(
        dir.join("organization.json").is_file(),
        "the HSDS 3 schemas are missing: expected them in {} (tests/fixtures/hsds-3)",
        dir.display()
    );
    dir
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Resolves the schemas' `$ref`s ("language.json") to files of the schema folder.
struct SchemaFolder(PathBuf);

impl jsonschema::Retrieve for SchemaFolder {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.path().as_str();
        let name = path.rsplit('/').next().unwrap_or(path);
        let file = self.0.join(name);
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// A validator for one HSDS table schema (`organization`, `service`...), with formats
/// (uuid, email, uri) checked too; built once per table.
pub fn validator(table: &'static str) -> &'static jsonschema::Validator {
    static VALIDATORS: OnceLock<Mutex<HashMap<&'static str, &'static jsonschema::Validator>>> =
        OnceLock::new();
    let mut built = VALIDATORS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    built
        .entry(table)
        .or_insert_with(|| Box::leak(Box::new(build_validator(table))))
}

fn build_validator(table: &str) -> jsonschema::Validator {
    let dir = schema_dir();
    let schema = read_json(&dir.join(format!("{table}.json")));
    jsonschema::options()
        .with_base_uri(format!("https://hsds.invalid/schema/{table}.json"))
        .with_retriever(SchemaFolder(dir))
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the {table} schema does not compile: {e}"))
}

/// Every schema error of `instance`, as "path: message".
pub fn schema_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}
