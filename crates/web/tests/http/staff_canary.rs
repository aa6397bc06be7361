//! Nothing sensitive reaches the disk in clear: a case's name, contact and
//! narrative, and a staff password, are looked for in the SQLite files and in a
//! `pg_dump` of the PostgreSQL database, next to values that must be there.

use std::path::Path;
use std::process::Command;

use torchlight_app::accounts::NewAccount;
use torchlight_app::Actor;
use torchlight_core::access::Role::Caseworker;
use torchlight_core::CaseId;
use uuid::Uuid;

use crate::both_engines;
use crate::staff_support::{csrf_of, Org, StaffApp};
use crate::support::Engine;

/// Everything the database holds, as bytes: the SQLite file with its -wal and -shm
/// files, or a plain-format dump of the PostgreSQL database.
fn database_bytes(app: &StaffApp) -> Vec<u8> {
    let database = &app.app.database;
    match database.engine {
        Engine::Sqlite => {
            let mut bytes = Vec::new();
            let mut found = 0;
            for suffix in ["", "-wal", "-shm"] {
                let path = format!("{}{suffix}", database.location);
                if Path::new(&path).exists() {
                    bytes.extend(std::fs::read(&path).unwrap());
                    found += 1;
                }
            }
            assert!(found >= 1, "no database file at {}", database.location);
            bytes
        }
        Engine::Postgres => {
            let pg_dump = ["/usr/lib/postgresql/15/bin/pg_dump", "pg_dump"]
                .into_iter()
                .find(|p| !p.starts_with('/') || Path::new(p).exists())
                .unwrap();
            let output = Command::new(pg_dump)
                .arg("--no-owner")
                .arg("--dbname")
                .arg(&database.location)
                .output()
                .expect("pg_dump runs");
            assert!(
                output.status.success(),
                "pg_dump failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            output.stdout
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The forms a secret could take on disk: its UTF-8 bytes in each case variant,
/// and for PostgreSQL (which dumps `bytea` as hex) the hex of those bytes too.
fn variants(secret: &str) -> Vec<Vec<u8>> {
    let mut forms: Vec<String> = vec![
        secret.to_owned(),
        secret.to_lowercase(),
        secret.to_uppercase(),
    ];
    let hex: Vec<String> = forms
        .iter()
        .map(|f| data_encoding::HEXLOWER.encode(f.as_bytes()))
        .collect();
    forms.extend(hex);
    forms.sort();
    forms.dedup();
    forms.into_iter().map(String::into_bytes).collect()
}

fn assert_absent(bytes: &[u8], secret: &str, what: &str) {
    for form in variants(secret) {
        assert!(
            !contains(bytes, &form),
            "{what} found in the database as {:?}",
            String::from_utf8_lossy(&form)
        );
    }
}

async fn case_details_are_not_stored_in_clear(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let session = app.sign_in(app.member(Org::A, Caseworker)).await;
    let tag = Uuid::new_v4().simple().to_string();
    let canary = format!("CanaryName{tag}");
    let contact = format!("canary-contact-{tag}@example.org");
    let narrative_word = format!("CanaryStory{tag}");
    // A word in Cyrillic too, for its multi-byte UTF-8 form.
    let cyrillic = format!("Канарейка{}", &tag[..8]);
    let narrative = format!("Followed home twice; {narrative_word}; {cyrillic}.");
    let country = "TJ";
    let reply = session
        .post(
            "/staff/cases",
            &[
                ("name", &canary),
                ("contact", &contact),
                ("country", country),
                ("urgency", "threat_to_life"),
                ("narrative", &narrative),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let location = reply.location().unwrap().to_owned();
    let id: CaseId = location
        .trim_start_matches("/staff/cases/")
        .trim_end_matches("?saved")
        .parse()
        .unwrap();

    // Positive control: the proper path shows every detail.
    let page = session.get(&location).await;
    assert_eq!(page.status, 200);
    for shown in [&canary, &contact, &narrative_word, &cyrillic] {
        assert!(
            page.body.contains(shown.as_str()),
            "{shown} on the case page"
        );
    }

    let bytes = database_bytes(&app);
    // The case's row is in what was read: its clear metadata is there.
    match engine {
        Engine::Sqlite => assert!(
            contains(&bytes, id.as_uuid().as_bytes()),
            "the case's id is in the SQLite files"
        ),
        Engine::Postgres => {
            let dump = String::from_utf8_lossy(&bytes);
            // The row of the `cases` table: COPY lists columns id, organization_id,
            // country, ...
            let table = dump
                .split("COPY public.cases (")
                .nth(1)
                .unwrap_or_else(|| panic!("the cases table is in the dump:\n{dump}"));
            let row = table
                .lines()
                .take_while(|line| *line != "\\.")
                .find(|line| line.starts_with(&id.to_string()))
                .unwrap_or_else(|| panic!("the case's row is in the dump:\n{table}"));
            assert_eq!(row.split('\t').nth(2), Some(country), "{row}");
        }
    }
    assert_absent(&bytes, &canary, "the name");
    assert_absent(&bytes, &contact, "the contact");
    assert_absent(&bytes, &narrative_word, "the narrative");
    assert_absent(&bytes, &cyrillic, "the narrative's Cyrillic word");
}

async fn passwords_are_not_stored_in_clear(engine: Engine) {
    let app = StaffApp::spawn(engine).await;
    let username = "canary-keeper";
    let (_, one_time) = app
        .service()
        .accounts()
        .add_user(
            NewAccount {
                organization: Org::A.id(),
                username: username.into(),
                display_name: "Canary Keeper".into(),
                role: Caseworker,
            },
            &Actor::Operator,
        )
        .await
        .unwrap();
    let password = format!("CanaryPassword-{}", Uuid::new_v4().simple());
    let browser = app.browser();
    let reply = browser.sign_in_password(username, &one_time).await;
    assert_eq!(reply.location(), Some("/staff/password"));
    let form = browser.get("/staff/password").await;
    let csrf = csrf_of(&form.body).unwrap();
    let reply = browser
        .post(
            "/staff/password",
            &[
                ("csrf", &csrf),
                ("new_password", &password),
                ("repeat", &password),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    // Positive control: the canary password signs in.
    let reply = app.browser().sign_in_password(username, &password).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.location(), Some("/staff/enrol"));

    let bytes = database_bytes(&app);
    assert!(
        contains(&bytes, username.as_bytes()),
        "the account is in what was read"
    );
    assert_absent(&bytes, &password, "the password");
    assert_absent(&bytes, &one_time, "the one-time password");
}

both_engines!(
    case_details_are_not_stored_in_clear,
    passwords_are_not_stored_in_clear
);
