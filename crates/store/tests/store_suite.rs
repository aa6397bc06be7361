//! One test story, run against both engines: every test below runs once on a fresh
//! SQLite file and once on a fresh PostgreSQL database (module `sqlite::` and
//! `postgres::`). PostgreSQL comes from the server at `TORCHLIGHT_TEST_PG_URL`;
//! `scripts/test.sh` starts a throwaway one and sets it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use sqlx::Connection;
use torchlight_core::{
    Ally, Code, Coverage, Directory, Format, Organization, OrganizationId, Service, Translation,
    Vocabulary,
};
use torchlight_store::testing::{with_database, TestDb};
use torchlight_store::{open, StoreError};
use uuid::Uuid;

fn code(vocabulary: Vocabulary, raw: &str) -> Code {
    Code::parse(vocabulary, raw).unwrap()
}

fn codes(vocabulary: Vocabulary, raws: &[&str]) -> Vec<Code> {
    raws.iter().map(|raw| code(vocabulary, raw)).collect()
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

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x7030_0000_0000_4000_8000_0000_0000_0000 | n)
}

fn org_id(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(id(n))
}

fn organization(n: u128, name: &str) -> Organization {
    Organization {
        id: org_id(n),
        name: name.into(),
        kind: code(Vocabulary::ActorKind, "local_cso"),
        countries: codes(Vocabulary::Country, &["KG"]),
        regions: vec![],
        languages: codes(Vocabulary::Language, &["ru"]),
        description: format!("{name} helps defenders."),
        public_contact: "contact@example.org".into(),
        website: None,
        translations: BTreeMap::new(),
    }
}

fn service(n: u128, organization: Uuid, name: &str) -> Service {
    Service {
        id: id(n),
        organization_id: OrganizationId::from_uuid(organization),
        name: name.into(),
        description: "Legal aid.".into(),
        support: code(Vocabulary::SupportType, "legal"),
        coverage: Coverage {
            countries: codes(Vocabulary::Country, &["KG"]),
            ..Coverage::default()
        },
        groups: vec![],
        languages: codes(Vocabulary::Language, &["ru"]),
        formats: vec![Format::Online],
        family_eligible: false,
        eligibility: "Any defender.".into(),
        response_hours: 24,
        open: true,
        translations: BTreeMap::new(),
    }
}

/// A directory that sets every field of every record to something other than its
/// default, with records deliberately out of name and id order.
fn full_directory() -> Directory {
    let mut org_texts = BTreeMap::new();
    org_texts.insert(
        code(Vocabulary::Language, "ru"),
        translation(
            Some("Дом прав человека"),
            Some("Помогаем правозащитникам."),
            None,
        ),
    );
    org_texts.insert(
        code(Vocabulary::Language, "ka"),
        translation(None, Some("ადამიანის უფლებები"), Some("ყველა")),
    );
    let zeta = Organization {
        id: org_id(30),
        name: "Zeta Human Rights House".into(),
        kind: code(Vocabulary::ActorKind, "regional_network"),
        countries: codes(Vocabulary::Country, &["GE", "AM"]),
        regions: codes(Vocabulary::Region, &["GE-TB", "GE-AB", "AM-ER"]),
        languages: codes(Vocabulary::Language, &["ka", "hy", "en", "ru"]),
        description: "Shelter, legal aid and \"quotes\"; 'apostrophes' -- and ; semicolons.".into(),
        public_contact: "Signal +995 555 000 000".into(),
        website: Some("https://zeta.example.org".into()),
        translations: org_texts,
    };
    let alpha = Organization {
        website: Some(String::new()),
        ..organization(10, "Alpha Coalition")
    };

    let mut service_texts = BTreeMap::new();
    service_texts.insert(
        code(Vocabulary::Language, "uk"),
        translation(
            Some("Релокація"),
            Some("Тимчасова релокація."),
            Some("Для всіх."),
        ),
    );
    service_texts.insert(
        code(Vocabulary::Language, "crh"),
        translation(Some("Köçürüv"), None, None),
    );
    let relocation = Service {
        id: id(31),
        organization_id: zeta.id,
        name: "Temporary relocation".into(),
        description: "Shelter for up to three months.".into(),
        support: code(Vocabulary::SupportType, "legal"),
        coverage: Coverage {
            worldwide: false,
            countries: codes(Vocabulary::Country, &["GE"]),
            regions: codes(Vocabulary::Region, &["UA-43", "GE-XSO"]),
            remote_areas: true,
            exile_from: codes(Vocabulary::Country, &["BY", "AZ", "RU"]),
        },
        groups: codes(
            Vocabulary::DefenderGroup,
            &["women_hrds", "lgbtqi", "journalists", "exiles"],
        ),
        languages: codes(Vocabulary::Language, &["ka", "ru", "uk"]),
        formats: vec![Format::RequiresTravel, Format::InPerson, Format::Online],
        family_eligible: true,
        eligibility: "Defenders at imminent risk, with their families.".into(),
        response_hours: 8760,
        open: true,
        translations: service_texts,
    };
    let closed_worldwide = Service {
        id: id(11),
        organization_id: alpha.id,
        name: "Emergency grants (paused)".into(),
        description: "Paused until funding returns.".into(),
        support: code(Vocabulary::SupportType, "legal"),
        coverage: Coverage {
            worldwide: true,
            ..Coverage::default()
        },
        groups: vec![],
        languages: codes(Vocabulary::Language, &["en"]),
        formats: vec![Format::Online],
        family_eligible: false,
        eligibility: "Anyone.".into(),
        response_hours: 1,
        open: false,
        translations: BTreeMap::new(),
    };
    let lawyer = Ally {
        id: id(32),
        name: "Nino Lawyer".into(),
        profession: code(Vocabulary::Profession, "lawyer"),
        country: code(Vocabulary::Country, "GE"),
        regions: codes(Vocabulary::Region, &["GE-TB"]),
        languages: codes(Vocabulary::Language, &["ka", "ru"]),
        contact: "+995 555 111 111".into(),
        organization_id: zeta.id,
        notes: "Takes detention cases at night.".into(),
    };
    let doctor = Ally {
        id: id(12),
        name: "Aigerim Doctor".into(),
        profession: code(Vocabulary::Profession, "doctor"),
        country: code(Vocabulary::Country, "KG"),
        regions: vec![],
        languages: codes(Vocabulary::Language, &["ky"]),
        contact: "aigerim@example.org".into(),
        organization_id: alpha.id,
        notes: String::new(),
    };
    Directory {
        organizations: vec![zeta, alpha],
        services: vec![relocation, closed_worldwide],
        allies: vec![lawyer, doctor],
    }
}

/// A small directory sharing no id with `full_directory`.
fn other_directory() -> Directory {
    let org = organization(100, "Bishkek Focal Point");
    let services = vec![service(101, org.id.as_uuid(), "Digital security clinic")];
    Directory {
        organizations: vec![org],
        services,
        allies: vec![],
    }
}

macro_rules! on_both_engines {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $test() {
                    let db = super::TestDb::sqlite();
                    super::$test(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    let db = super::TestDb::postgres().await;
                    super::$test(&db).await;
                }
            )*
        }
    };
}

on_both_engines!(
    a_new_store_is_empty,
    a_directory_reads_back_exactly_as_stored,
    replace_leaves_no_trace_of_the_previous_directory,
    a_replace_that_fails_midway_changes_nothing,
    a_code_that_would_not_read_back_is_refused,
    data_survives_closing_and_reopening,
    opening_twice_migrates_once,
    a_directory_larger_than_one_batch_round_trips,
    concurrent_replaces_leave_one_whole_directory,
);

async fn a_new_store_is_empty(db: &TestDb) {
    let store = db.open().await;
    store.ping().await.unwrap();
    assert!(store.directory_is_empty().await.unwrap());
    assert_eq!(store.load_directory().await.unwrap(), Directory::default());
}

async fn a_directory_reads_back_exactly_as_stored(db: &TestDb) {
    let store = db.open().await;
    let directory = full_directory();
    store.replace_directory(&directory).await.unwrap();
    assert!(!store.directory_is_empty().await.unwrap());
    assert_eq!(store.load_directory().await.unwrap(), directory);
}

async fn replace_leaves_no_trace_of_the_previous_directory(db: &TestDb) {
    let store = db.open().await;
    store.replace_directory(&full_directory()).await.unwrap();
    store.replace_directory(&other_directory()).await.unwrap();
    assert_eq!(store.load_directory().await.unwrap(), other_directory());
    store
        .replace_directory(&Directory::default())
        .await
        .unwrap();
    assert!(store.directory_is_empty().await.unwrap());
    assert_eq!(store.load_directory().await.unwrap(), Directory::default());
}

async fn a_replace_that_fails_midway_changes_nothing(db: &TestDb) {
    let store = db.open().await;
    let stored = full_directory();
    store.replace_directory(&stored).await.unwrap();

    // Each of these fails only after the deletes and some inserts have run.
    let mut orphan_service = other_directory();
    orphan_service.services[0].organization_id = org_id(999);
    let mut orphan_ally = full_directory();
    orphan_ally.organizations.pop();
    orphan_ally.services.pop();
    orphan_ally.allies[1].organization_id = org_id(999);
    let mut repeated_id = other_directory();
    let twin = repeated_id.services[0].clone();
    repeated_id.services.push(twin);

    for broken in [orphan_service, orphan_ally, repeated_id] {
        let error = store.replace_directory(&broken).await.unwrap_err();
        assert!(matches!(error, StoreError::Rejected(_)), "{error:?}");
        assert_eq!(store.load_directory().await.unwrap(), stored);
    }
    // The store still takes a good directory afterwards.
    store.replace_directory(&other_directory()).await.unwrap();
    assert_eq!(store.load_directory().await.unwrap(), other_directory());
}

async fn a_code_that_would_not_read_back_is_refused(db: &TestDb) {
    let store = db.open().await;
    store.replace_directory(&other_directory()).await.unwrap();
    let mut unvalidated = full_directory();
    // Deserialised codes are not checked until `Directory::validate` runs.
    unvalidated.allies[0].country = serde_json::from_str("\"ge\"").unwrap();
    let error = store.replace_directory(&unvalidated).await.unwrap_err();
    assert!(matches!(error, StoreError::Rejected(_)), "{error:?}");
    assert_eq!(store.load_directory().await.unwrap(), other_directory());
}

async fn data_survives_closing_and_reopening(db: &TestDb) {
    {
        let store = db.open().await;
        store.replace_directory(&full_directory()).await.unwrap();
    }
    let store = db.open().await;
    assert_eq!(store.load_directory().await.unwrap(), full_directory());
}

async fn opening_twice_migrates_once(db: &TestDb) {
    let first = db.open().await;
    first.replace_directory(&full_directory()).await.unwrap();
    // A second open while the first is still in use finds the schema current.
    let second = db.open().await;
    assert_eq!(second.load_directory().await.unwrap(), full_directory());
    assert_eq!(first.load_directory().await.unwrap(), full_directory());
}

async fn a_directory_larger_than_one_batch_round_trips(db: &TestDb) {
    let store = db.open().await;
    let mut directory = Directory::default();
    for o in 0..30_u128 {
        let org = organization(1_000 + o, &format!("Organisation {o}"));
        for s in 0..40_u128 {
            let mut svc = service(
                100_000 + o * 100 + s,
                org.id.as_uuid(),
                &format!("Service {o}/{s}"),
            );
            svc.groups = codes(
                Vocabulary::DefenderGroup,
                &["environmental", "students_youth"],
            );
            directory.services.push(svc);
        }
        directory.organizations.push(org);
    }
    store.replace_directory(&directory).await.unwrap();
    assert_eq!(store.load_directory().await.unwrap(), directory);
}

async fn concurrent_replaces_leave_one_whole_directory(db: &TestDb) {
    let store = db.open().await;
    let (a, b) = (full_directory(), other_directory());
    for _ in 0..5 {
        let (first, second) =
            tokio::join!(store.replace_directory(&a), store.replace_directory(&b));
        first.unwrap();
        second.unwrap();
        let loaded = store.load_directory().await.unwrap();
        assert!(
            loaded == a || loaded == b,
            "a mix of two directories: {loaded:?}"
        );
    }
}

#[tokio::test]
async fn sqlite_files_use_the_write_ahead_log() {
    let db = TestDb::sqlite();
    let _store = db.open().await;
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.location))
        .await
        .unwrap();
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(journal, "wal");
}

#[tokio::test]
async fn unknown_url_schemes_are_not_taken_for_paths() {
    for location in ["mysql://localhost/torchlight", "sqlite://x.db", "", "  "] {
        let error = open(location).await.err().expect(location);
        assert!(
            matches!(error, StoreError::Location(_)),
            "{location}: {error:?}"
        );
    }
}

#[test]
fn the_test_database_replaces_only_the_database_name() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5433/postgres", "tl_test_x"),
        "postgres://postgres@127.0.0.1:5433/tl_test_x"
    );
    assert_eq!(
        with_database("postgresql://u:p@h/db?sslmode=disable", "t"),
        "postgresql://u:p@h/t?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://h:5432", "t"),
        "postgres://h:5432/t"
    );
}
