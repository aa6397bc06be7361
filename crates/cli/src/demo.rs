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
/// country, urgency, needs, narrative, in the language a defender might write in.
/// They reach the demo's first organisation, and its caseworker has taken them
/// to different stages (`Stage`), so every page of case work has something on it.
const REQUESTS: [(&str, &str, &str, &[&str], &str); 28] = [
    ("D. Demo (fictional)", "AM", "threat_to_life", &["physical_security", "relocation_in_country"],
     "Demo (fictional): threatened by phone after a report on the mining company; the caller named my daughter's school."),
    ("E. Demo (fictional)", "AM", "detained_now", &["legal", "prisoner_support"],
     "Демо (вымышлено): брата задержали у здания суда два часа назад, адвоката не пускают."),
    ("F. Demo (fictional)", "AM", "within_days", &["digital_security", "equipment"],
     "Ցուցադրական (հորինված)։ Ոստիկանությունը վերցրեց համակարգիչս, պետք է նորը և ստուգում։"),
    ("G. Demo (fictional)", "AM", "not_urgent", &["anti_burnout", "psychological"],
     "Demo (fictional): two years of trials; I cannot sleep and want to talk to someone."),
    ("H. Demo (fictional)", "GE", "within_days", &["legal"],
     "დემო (გამოგონილი): სასამართლომ დამიბარა აქციაზე დაკავების გამო, ადვოკატი მჭირდება."),
    ("I. Demo (fictional)", "AZ", "threat_to_life", &["relocation_international", "visa"],
     "Demo (uydurma): jurnalist kimi izlənirəm, ailəmlə ölkəni tərk etməliyəm."),
    ("J. Demo (fictional)", "KZ", "within_days", &["legal", "fines_coverage"],
     "Демо (ойдан шығарылған): митингке қатысқаным үшін айыппұл салды, төлей алмаймын."),
    ("K. Demo (fictional)", "KG", "detained_now", &["legal"],
     "Демо (ойдон чыгарылган): күйөөмдү түнкүсүн үйдөн алып кетишти, кайда экенин айтышпайт."),
    ("L. Demo (fictional)", "TJ", "within_days", &["digital_security"],
     "Демо (тахайюлӣ): аккаунтҳои маро рахна карданд ва ба дӯстонам паём мефиристанд."),
    ("M. Demo (fictional)", "UA", "not_urgent", &["psychological", "rest_respite"],
     "Демо (вигадане): після року документування злочинів я виснажена, потрібен відпочинок."),
    ("N. Demo (fictional)", "BY", "within_days", &["relocation_international", "financial"],
     "Дэма (выдумана): пасля ператрусу мне пагражаюць арыштам, трэба з'ехаць з сям'ёй."),
    ("O. Demo (fictional)", "AM", "within_days", &["medical_long_term", "financial"],
     "Demo (fictional): beaten at a protest last month; the treatment costs more than I earn."),
    ("P. Demo (fictional)", "RU", "threat_to_life", &["physical_security", "temporary_shelter"],
     "Демо (вымышлено): после интервью мне угрожают расправой, дома оставаться нельзя."),
    ("Q. Demo (fictional)", "AM", "not_urgent", &["capacity_building", "digital_security"],
     "Demo (fictional): our small group wants training on safe communication before the elections."),
    ("R. Demo (fictional)", "GE", "not_urgent", &["networking", "solidarity"],
     "დემო (გამოგონილი): ჩვენი ორგანიზაცია ეძებს პარტნიორებს რეგიონში."),
    ("S. Demo (fictional)", "AM", "detained_now", &["legal", "medical_emergency"],
     "Demo (fictional): my colleague was detained during a raid and needs his medicine."),
    ("T. Demo (fictional)", "KG", "within_days", &["legal", "trial_observation"],
     "Демо (вымышлено): суд над нашим журналистом на следующей неделе, нужны наблюдатели."),
    ("U. Demo (fictional)", "KZ", "not_urgent", &["psychological"],
     "Демо (вымышлено): после допросов дети боятся, нужна помощь психолога для семьи."),
    ("V. Demo (fictional)", "AZ", "within_days", &["legal", "international_advocacy"],
     "Demo (uydurma): həmkarıma qarşı saxta iş açıblar, beynəlxalq dəstək lazımdır."),
    ("W. Demo (fictional)", "AM", "within_days", &["financial", "equipment"],
     "Ցուցադրական (հորինված)։ Տպարանը փակեցին, սարքավորումները բռնագրավեցին։"),
    ("X. Demo (fictional)", "TJ", "threat_to_life", &["relocation_in_country", "physical_security"],
     "Демо (вымышлено): родственники в селе получают угрозы из-за моей работы."),
    ("Y. Demo (fictional)", "UA", "within_days", &["equipment", "digital_security"],
     "Демо (вигадане): під час обстрілу загинув ноутбук з архівом свідчень, потрібна заміна."),
    ("Z. Demo (fictional)", "AM", "not_urgent", &["award_nomination", "international_advocacy"],
     "Demo (fictional): a long-time defender of land rights whose work deserves to be known."),
    ("AA. Demo (fictional)", "BY", "detained_now", &["prisoner_support", "legal"],
     "Дэма (выдумана): маці затрымалі на мяжы, нам патрэбны адвакат і перадачы."),
    ("AB. Demo (fictional)", "GE", "within_days", &["temporary_shelter"],
     "დემო (გამოგონილი): ბინიდან გამომაგდეს ჩემი საქმიანობის გამო, რამდენიმე კვირით თავშესაფარი მჭირდება."),
    ("AC. Demo (fictional)", "AM", "within_days", &["legal", "digital_security"],
     "Demo (fictional): summoned for my posts; they want the password of my phone."),
    ("AD. Demo (fictional)", "KG", "not_urgent", &["anti_burnout"],
     "Демо (ойдон чыгарылган): беш жыл бою тынымсыз иштедим, күчүм калбады."),
    ("AE. Demo (fictional)", "AM", "threat_to_life", &["physical_security", "legal"],
     "Demo (fictional): a car followed me home three nights in a row after the hearing."),
];

/// How far the demo caseworker has taken a demo request, by its place in
/// `REQUESTS` (every sixth the same stage).
#[derive(Clone, Copy)]
enum Stage {
    /// Nobody has taken it up: in the shared queue.
    New,
    /// Taken up and assigned to the demo caseworker.
    Taken,
    /// Also assessed, and the defender written to.
    Assessed,
    /// Also decided (the first need granted, the second refused with a reason),
    /// the support recorded.
    Decided,
    /// Decided and closed.
    Closed,
    /// Closed, then the defender reported a new risk: open again, due for a
    /// follow-up.
    Reopened,
}

impl Stage {
    fn of(index: usize) -> Stage {
        match index % 6 {
            0 => Stage::New,
            1 => Stage::Taken,
            2 => Stage::Assessed,
            3 => Stage::Decided,
            4 => Stage::Closed,
            _ => Stage::Reopened,
        }
    }

    fn reached(self, other: Stage) -> bool {
        (self as u8) >= (other as u8)
    }
}

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

/// The demo's requests as defenders would send them, to the demo's first
/// organisation, each then taken to its `Stage` by the demo caseworker through
/// the same operations a signed-in caseworker uses.
async fn submit_demo_requests(
    state: &AppState,
    organization: torchlight_core::OrganizationId,
) -> anyhow::Result<()> {
    let directory = state.directory();
    let app = state.app();
    let caseworker = app
        .accounts()
        .demo_member("demo-caseworker")
        .await?
        .context("the demo caseworker's account is missing")?;
    for (index, (name, country, urgency, needs, narrative)) in REQUESTS.into_iter().enumerate() {
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
        let receipt = app.intake().submit(valid).await?;
        work_on(state, &caseworker, &receipt, needs, Stage::of(index)).await?;
    }
    Ok(())
}

/// Takes one demo request to `stage`.
async fn work_on(
    state: &AppState,
    caseworker: &torchlight_app::StaffMember,
    receipt: &torchlight_app::intake::Receipt,
    needs: &[&str],
    stage: Stage,
) -> anyhow::Result<()> {
    use torchlight_app::casework::Recorded;
    use torchlight_core::case::CaseStatus;
    use torchlight_core::decision::DecisionDraft;
    use torchlight_core::risk::Scores;

    let app = state.app();
    let work = app.casework();
    let case = receipt.case;
    let check = |recorded: Recorded<()>, what: &str| match recorded {
        Recorded::Done(()) => Ok(()),
        _ => Err(anyhow::anyhow!("the demo could not record {what}")),
    };
    if !stage.reached(Stage::Taken) {
        return Ok(());
    }
    check(
        work.assign(caseworker, case, Some(caseworker.user.id))
            .await?,
        "an assignment",
    )?;
    app.cases()
        .set_status(
            caseworker.scope(),
            case,
            CaseStatus::Open,
            &caseworker.actor(),
        )
        .await?;
    if !stage.reached(Stage::Assessed) {
        return Ok(());
    }
    let scores = Scores {
        threats: [2, 2, 3, 1],
        vulnerabilities: [2, 1, 2, 2, 1],
        capacities: [1, 2, 1, 2],
    };
    let note = "Demo (fictional): assessed from the request and one call.";
    if !matches!(
        work.assess(caseworker, case, scores, note).await?,
        Recorded::Done(_)
    ) {
        anyhow::bail!("the demo could not record an assessment");
    }
    let message = "Demo (fictional): we have your request and will call you today.";
    check(work.message(caseworker, case, message).await?, "a message")?;
    if !stage.reached(Stage::Decided) {
        return Ok(());
    }
    let taxonomy = state.taxonomy();
    if let Some(first) = needs.first() {
        let granted = DecisionDraft {
            need: (*first).to_owned(),
            outcome: "granted".to_owned(),
            ..DecisionDraft::default()
        };
        check(
            work.decide(caseworker, case, taxonomy, granted, "defender")
                .await?,
            "a decision",
        )?;
        let support = torchlight_core::casework::SupportDraft {
            support: (*first).to_owned(),
            person: "defender".to_owned(),
            from: "2026-11-20".to_owned(),
            provider: "Demo organisation (fictional)".to_owned(),
            ..Default::default()
        };
        check(
            work.record_support(caseworker, case, taxonomy, support)
                .await?,
            "support",
        )?;
    }
    if let Some(second) = needs.get(1) {
        let refused = DecisionDraft {
            need: (*second).to_owned(),
            outcome: "refused".to_owned(),
            reason: "lack_of_resources".to_owned(),
            explanation: "Demo (fictional): our fund for this is spent until spring; \
                          the services below may help sooner."
                .to_owned(),
        };
        check(
            work.decide(caseworker, case, taxonomy, refused, "defender")
                .await?,
            "a refusal",
        )?;
    }
    if !stage.reached(Stage::Closed) {
        return Ok(());
    }
    app.cases()
        .set_status(
            caseworker.scope(),
            case,
            CaseStatus::Closed,
            &caseworker.actor(),
        )
        .await?;
    if !stage.reached(Stage::Reopened) {
        return Ok(());
    }
    let report = torchlight_app::intake::NewRisk {
        risk: None,
        needs: Vec::new(),
        text: "Demo (fictional): they came to the office again this morning.".to_owned(),
    };
    app.intake()
        .report_new_risk(receipt.codename.as_str(), report)
        .await?;
    Ok(())
}
