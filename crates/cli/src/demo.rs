//! What `demo` adds beyond the demo directory: a keyring under a published demo
//! passphrase, unsealed at start, demo staff accounts and a few fictional cases, so
//! the staff side can be tried at once. Never use the demo for real data: its
//! passphrase and passwords are in the README.

use anyhow::Context;
use torchlight_app::accounts::NewAccount;
use torchlight_app::keyring::{KeyringStatus, SealChoice};
use torchlight_app::{Actor, Scope};
use torchlight_core::access::Role;
use torchlight_core::case::CaseDraft;
use torchlight_core::intake::RequestDraft;
use torchlight_web::AppState;
use zeroize::Zeroizing;

/// Published in the README; only for the demo.
pub const DEMO_PASSPHRASE: &str = "torchlight demo passphrase";

/// Demo accounts: username, name, role. All in the demo's first organisation but
/// the last, which is in its second (to see that organisations are kept apart).
const ACCOUNTS: [(&str, &str, Role, usize); 4] = [
    (
        "demo-admin",
        "Demo Administrator",
        Role::OrganizationAdmin,
        0,
    ),
    ("demo-caseworker", "Demo Caseworker", Role::Caseworker, 0),
    ("demo-analyst", "Demo Analyst", Role::Analyst, 0),
    (
        "demo-other",
        "Other Organisation",
        Role::OrganizationAdmin,
        1,
    ),
];

/// The demo password of every demo account.
pub const DEMO_PASSWORD: &str = "demo password 2026";

/// Fictional requests from defenders, as the request form sends them: name,
/// country, urgency, needs, narrative (in the language a defender might write in).
const REQUESTS: [(&str, &str, &str, &[&str], &str); 4] = [
    (
        "D. Demo (fictional)",
        "AM",
        "threat_to_life",
        &["physical_security", "relocation_in_country"],
        "Demo (fictional): threatened by phone after a report on the mining company; \
         the caller named my daughter's school.",
    ),
    (
        "E. Demo (fictional)",
        "AM",
        "detained_now",
        &["legal", "prisoner_support"],
        "Демо (вымышлено): брата задержали у здания суда два часа назад, адвоката не пускают.",
    ),
    (
        "F. Demo (fictional)",
        "AM",
        "within_days",
        &["digital_security", "equipment"],
        "Ցուցադրական (հորինված)։ Ոստիկանությունը վերցրեց համակարգիչս, պետք է նորը և ստուգում։",
    ),
    (
        "G. Demo (fictional)",
        "AM",
        "not_urgent",
        &["anti_burnout", "psychological"],
        "Demo (fictional): two years of trials; I cannot sleep and want to talk to someone.",
    ),
];

const CASES: [(&str, &str, &str, &str); 3] = [
    (
        "KG",
        "within_days",
        "A. Demo (fictional)",
        "Summoned for questioning after a protest; fears a search of the office.",
    ),
    (
        "TJ",
        "threat_to_life",
        "B. Demo (fictional)",
        "Threats by phone after publishing a report; needs to relocate.",
    ),
    (
        "AZ",
        "detained_now",
        "C. Demo (fictional)",
        "Detained this morning; family asks for a lawyer.",
    ),
];

pub async fn prepare(state: &AppState) -> anyhow::Result<()> {
    let app = state.app();
    let passphrase = Zeroizing::new(DEMO_PASSPHRASE.to_owned());
    if app.keyring().status(None).await? == KeyringStatus::NotInitialized {
        app.keyring()
            .initialize(SealChoice::Passphrase(passphrase))
            .await
            .context("cannot set up the demo keyring")?;
    } else {
        app.keyring()
            .unseal_with_passphrase(passphrase, &Actor::Operator)
            .await
            .context("the demo data directory has a keyring the demo passphrase does not open")?;
    }
    let directory = state.directory();
    let mut created = false;
    for (username, name, role, index) in ACCOUNTS {
        let Some(organization) = directory.organizations.get(index) else {
            continue;
        };
        if app.accounts().by_username(username).await?.is_some() {
            continue;
        }
        let account = NewAccount {
            organization: organization.id,
            username: username.to_owned(),
            display_name: name.to_owned(),
            role,
        };
        app.accounts()
            .add_demo_user(account, Zeroizing::new(DEMO_PASSWORD.to_owned()))
            .await?;
        created = true;
    }
    if created {
        if let Some(first) = directory.organizations.first() {
            for (country, urgency, name, narrative) in CASES {
                let draft = CaseDraft {
                    country: country.to_owned(),
                    urgency: urgency.to_owned(),
                    name: name.to_owned(),
                    contact: "via the demo organisation's hotline".to_owned(),
                    narrative: narrative.to_owned(),
                };
                let valid = draft
                    .validate(state.taxonomy())
                    .map_err(|e| anyhow::anyhow!("a demo case is invalid: {e:?}"))?;
                app.cases()
                    .create(Scope::for_operator(first.id), valid, &Actor::Operator)
                    .await?;
            }
            submit_demo_requests(state, first.id).await?;
        }
    }
    tracing::info!("demo: unsealed with the demo passphrase; staff sign-in at /staff/login");
    Ok(())
}

/// A few requests as defenders would send them, to the demo's first
/// organisation, so its caseworkers find new requests waiting.
async fn submit_demo_requests(
    state: &AppState,
    organization: torchlight_core::OrganizationId,
) -> anyhow::Result<()> {
    let directory = state.directory();
    for (name, country, urgency, needs, narrative) in REQUESTS {
        let draft = RequestDraft {
            name: Some(name.to_owned()),
            country: country.to_owned(),
            urgency: urgency.to_owned(),
            needs: needs.iter().map(|n| (*n).to_owned()).collect(),
            narrative: Some(narrative.to_owned()),
            send_to: Some(organization.to_string()),
            ..RequestDraft::default()
        };
        let valid = draft
            .validate(state.taxonomy(), &directory)
            .map_err(|e| anyhow::anyhow!("a demo request is invalid: {e:?}"))?;
        state.app().intake().submit(valid).await?;
    }
    Ok(())
}
