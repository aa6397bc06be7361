//! The permission matrix: every route of the router × signed out × every role ×
//! an object of one's own organisation and of the other one; then the sealed
//! server, in an app of its own.
//!
//! The expectations below are written by hand, not derived from the code under
//! test: a route the router has and this table lacks fails the test by name.

use std::collections::BTreeSet;

use torchlight_app::Actor;
use torchlight_core::access::Role::{
    self, Analyst, Caseworker, Coordinator, OrganizationAdmin, SystemAdmin,
};
use torchlight_core::{CaseId, OrganizationId, UserId};
use torchlight_web::staff::guard::Access;
use torchlight_web::WebConfig;
use uuid::Uuid;

use crate::both_engines;
use crate::staff_support::{
    csrf_of, Browser, Org, Reply, SignedIn, StaffApp, PASSPHRASE, PASSWORD,
};
use crate::support::Engine;

/// What the `{id}` of a staff route addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object {
    Case,
    User,
    /// A security key, owned by one account (not by the organisation).
    SecurityKey,
}

/// Who may use a route, as this test expects it.
#[derive(Debug, Clone, Copy)]
enum Who {
    /// Anyone, signed in or not: 200.
    Public,
    /// A defender's form or call, open to anyone with no token or session:
    /// sent empty, it answers `status` to everyone alike.
    Defender { status: u16 },
    /// The unseal page: anyone.
    Unseal,
    /// A step of signing in or out: what a signed-out visitor gets.
    SignIn { signed_out: u16 },
    /// Staff with one of `roles`; `ok` is the status of a use that is allowed.
    Staff {
        roles: &'static [Role],
        object: Option<Object>,
        ok: u16,
    },
}

struct Row {
    method: &'static str,
    path: &'static str,
    who: Who,
}

const EVERY_ROLE: &[Role] = &[
    Caseworker,
    Coordinator,
    OrganizationAdmin,
    SystemAdmin,
    Analyst,
];
const CASE_READERS: &[Role] = &[Caseworker, Coordinator, OrganizationAdmin];
const CASE_LEADS: &[Role] = &[Coordinator, OrganizationAdmin];
const ORG_ADMIN: &[Role] = &[OrganizationAdmin];
const SEALERS: &[Role] = &[OrganizationAdmin, SystemAdmin];
const AGGREGATE_READERS: &[Role] = &[Coordinator, OrganizationAdmin, SystemAdmin, Analyst];

fn row(method: &'static str, path: &'static str, who: Who) -> Row {
    Row { method, path, who }
}

fn staff(roles: &'static [Role], object: Option<Object>, ok: u16) -> Who {
    Who::Staff { roles, object, ok }
}

/// The hand-written expectation for every route.
fn expectations() -> Vec<Row> {
    use Who::{Defender, Public, SignIn, Unseal};
    let case = Some(Object::Case);
    let user = Some(Object::User);
    vec![
        row("GET", "/", Public),
        row("GET", "/find", Public),
        row("GET", "/services/{id}", Public),
        row("GET", "/organizations/{id}", Public),
        row("GET", "/static/style.css", Public),
        row("GET", "/static/webauthn.js", Public),
        row("GET", "/healthz", Public),
        row("GET", "/api/v1/services", Public),
        row("GET", "/api/v1/services/{id}", Public),
        row("GET", "/api/v1/organizations", Public),
        row("GET", "/api/v1/organizations/{id}", Public),
        row("GET", "/api/v1/taxonomy/{vocabulary}", Public),
        row("GET", "/api/v1/openapi.json", Public),
        row("GET", "/request", Public),
        // Nothing filled in: the form comes back with its errors.
        row("POST", "/request", Defender { status: 400 }),
        row("GET", "/request/guide", Public),
        row("POST", "/request/guide", Defender { status: 200 }),
        // No codename to practise against.
        row("POST", "/request/practise", Defender { status: 400 }),
        row("GET", "/status", Public),
        // No codename: "no request matches", as for any wrong one.
        row("POST", "/status", Defender { status: 200 }),
        row("POST", "/status/reply", Defender { status: 200 }),
        row("POST", "/status/report", Defender { status: 200 }),
        row("POST", "/status/withdraw", Defender { status: 200 }),
        row("POST", "/api/v1/requests", Defender { status: 400 }),
        // No `Authorization: Codename` header.
        row("GET", "/api/v1/requests/status", Defender { status: 401 }),
        row("GET", "/unseal", Unseal),
        row("POST", "/unseal", Unseal),
        row("GET", "/staff/login", SignIn { signed_out: 200 }),
        // Unknown account, wrong password.
        row("POST", "/staff/login", SignIn { signed_out: 401 }),
        row("GET", "/staff/password", SignIn { signed_out: 303 }),
        row("POST", "/staff/password", SignIn { signed_out: 303 }),
        row("GET", "/staff/enrol", SignIn { signed_out: 303 }),
        row("POST", "/staff/enrol", SignIn { signed_out: 303 }),
        row("GET", "/staff/verify", SignIn { signed_out: 303 }),
        row("POST", "/staff/verify", SignIn { signed_out: 303 }),
        row("POST", "/staff/logout", SignIn { signed_out: 303 }),
        // Only for a session waiting for its second factor.
        row("POST", "/staff/webauthn/start", SignIn { signed_out: 403 }),
        row("POST", WEBAUTHN_FINISH, SignIn { signed_out: 403 }),
        row("GET", "/staff", staff(EVERY_ROLE, None, 200)),
        row("POST", END_ALL, staff(EVERY_ROLE, None, 303)),
        row("POST", "/staff/language", staff(EVERY_ROLE, None, 303)),
        row("GET", "/staff/security-keys", staff(EVERY_ROLE, None, 200)),
        // The step-up (password and a fresh code) that the two key changes
        // below need; it comes first, so they find their sessions confirmed.
        row("POST", STEP_UP, staff(EVERY_ROLE, None, 303)),
        row("POST", REGISTER_START, staff(EVERY_ROLE, None, 200)),
        // Past the guard, the handler refuses the made-up credential this test
        // sends (it has no authenticator): 400, not 403.
        row("POST", REGISTER_FINISH, staff(EVERY_ROLE, None, 400)),
        row(
            "POST",
            "/staff/security-keys/{id}/remove",
            staff(EVERY_ROLE, Some(Object::SecurityKey), 303),
        ),
        row("GET", "/staff/requests", staff(CASE_READERS, None, 200)),
        row("GET", "/staff/cases", staff(CASE_READERS, None, 200)),
        row("POST", "/staff/cases", staff(CASE_READERS, None, 303)),
        row("GET", "/staff/cases/new", staff(CASE_READERS, None, 200)),
        row("GET", "/staff/cases/{id}", staff(CASE_READERS, case, 200)),
        row(
            "GET",
            "/staff/cases/{id}/edit",
            staff(CASE_READERS, case, 200),
        ),
        row(
            "POST",
            "/staff/cases/{id}/edit",
            staff(CASE_READERS, case, 303),
        ),
        row(
            "POST",
            "/staff/cases/{id}/erase",
            staff(CASE_LEADS, case, 303),
        ),
        row(
            "GET",
            "/staff/cases/{id}/access",
            staff(CASE_LEADS, case, 200),
        ),
        row("GET", "/staff/triage", staff(CASE_READERS, None, 200)),
        row("GET", "/staff/follow-ups", staff(CASE_READERS, None, 200)),
        row("GET", "/staff/triage/targets", staff(ORG_ADMIN, None, 200)),
        row("POST", "/staff/triage/targets", staff(ORG_ADMIN, None, 303)),
        row("POST", ASSIGN, staff(CASE_READERS, case, 303)),
        row("POST", STATUS, staff(CASE_READERS, case, 303)),
        row("GET", ASSESS, staff(CASE_READERS, case, 200)),
        row("POST", ASSESS, staff(CASE_READERS, case, 303)),
        row("POST", DECIDE, staff(CASE_READERS, case, 303)),
        row("POST", MESSAGE, staff(CASE_READERS, case, 303)),
        row("POST", SUPPORT, staff(CASE_READERS, case, 303)),
        row("POST", FAMILY, staff(CASE_READERS, case, 303)),
        row("POST", FOLLOW_UP, staff(CASE_READERS, case, 303)),
        row("GET", "/staff/users", staff(ORG_ADMIN, None, 200)),
        row("POST", "/staff/users", staff(ORG_ADMIN, None, 201)),
        row(
            "POST",
            "/staff/users/{id}/disable",
            staff(ORG_ADMIN, user, 200),
        ),
        row(
            "POST",
            "/staff/users/{id}/enable",
            staff(ORG_ADMIN, user, 200),
        ),
        row(
            "POST",
            "/staff/users/{id}/reset",
            staff(ORG_ADMIN, user, 200),
        ),
        row("POST", "/staff/keys/rotate", staff(ORG_ADMIN, None, 200)),
        row("POST", "/staff/seal", staff(SEALERS, None, 200)),
        row(
            "GET",
            "/staff/overview",
            staff(AGGREGATE_READERS, None, 200),
        ),
    ]
}

/// A defender's route called with nothing filled in.
async fn send_empty(browser: &Browser, method: &str, path: &str) -> Reply {
    match method {
        "GET" => browser.get(path).await,
        _ => browser.post(path, &[]).await,
    }
}

const END_ALL: &str = "/staff/sessions/end-all";
const ASSIGN: &str = "/staff/cases/{id}/assign";
const STATUS: &str = "/staff/cases/{id}/status";
const ASSESS: &str = "/staff/cases/{id}/assess";
const DECIDE: &str = "/staff/cases/{id}/decide";
const MESSAGE: &str = "/staff/cases/{id}/message";
const SUPPORT: &str = "/staff/cases/{id}/support";
const FAMILY: &str = "/staff/cases/{id}/family";
const FOLLOW_UP: &str = "/staff/cases/{id}/follow-up";
const STEP_UP: &str = "/staff/security-keys/confirm";
const REGISTER_START: &str = "/staff/security-keys/register/start";
const REGISTER_FINISH: &str = "/staff/security-keys/register/finish";
const WEBAUTHN_FINISH: &str = "/staff/webauthn/finish";
const SEAL: &str = "/staff/seal";
const FORBIDDEN_TEXT: &str = "Your role does not allow this";
const CSRF_TEXT: &str = "This form has expired";

/// The table covers exactly the router's routes, with the same kind of access;
/// and for staff routes the roles written here are the roles the core allows.
fn table_matches_router() {
    let rules = torchlight_web::routes::rules();
    let table = expectations();
    let router_keys: BTreeSet<(String, String)> = rules
        .iter()
        .map(|(m, p, _)| (m.as_str().to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(router_keys.len(), rules.len(), "a route is declared twice");
    let table_keys: BTreeSet<(String, String)> = table
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    assert_eq!(table_keys.len(), table.len(), "a row is written twice");
    let missing: Vec<_> = router_keys.difference(&table_keys).collect();
    assert!(
        missing.is_empty(),
        "routes without an expectation in the permission matrix: {missing:?}"
    );
    let stale: Vec<_> = table_keys.difference(&router_keys).collect();
    assert!(
        stale.is_empty(),
        "expectations for routes the router does not have: {stale:?}"
    );
    for (method, path, access) in &rules {
        let row = table
            .iter()
            .find(|r| r.method == method.as_str() && r.path == *path)
            .unwrap();
        let same_kind = matches!(
            (access, row.who),
            (Access::Public, Who::Public | Who::Defender { .. })
                | (Access::Unseal, Who::Unseal)
                | (Access::SignIn | Access::SignOut, Who::SignIn { .. })
                | (Access::Staff(_), Who::Staff { .. })
        );
        assert!(
            same_kind,
            "{method} {path}: router says {access:?}, table says {:?}",
            row.who
        );
        if let (Access::Staff(permission), Who::Staff { roles, .. }) = (access, row.who) {
            let allowed: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|role| permission.is_none_or(|p| role.allows(p)))
                .collect();
            assert_eq!(
                allowed, roles,
                "{method} {path}: the roles the core allows differ from the matrix"
            );
        }
    }
}

/// What the test can see of the state a refused request must not change.
/// A case's id and its sealed content.
type SealedCase = (CaseId, Vec<u8>);

#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    /// Each organisation's cases, with their sealed content (an edit seals anew).
    cases: Vec<(OrganizationId, Vec<SealedCase>)>,
    /// What was added to each case (its entries' ids) and its triage fields.
    work: Vec<(CaseId, Vec<Uuid>, Option<torchlight_store::QueueRow>)>,
    /// Each organisation's own time targets.
    targets: Vec<Option<torchlight_core::triage::TimeTargets>>,
    /// id, disabled, must change password, password hash, TOTP enrolled,
    /// language.
    users: Vec<(UserId, bool, bool, String, bool, Option<String>)>,
    /// The security keys of the fixture's accounts (not of accounts made since).
    keys: Vec<(UserId, Vec<String>)>,
    key_versions: Vec<(OrganizationId, i64)>,
    sealed: bool,
}

async fn snapshot(app: &StaffApp) -> Snapshot {
    let store = app.store();
    let mut cases = Vec::new();
    let mut users = Vec::new();
    let mut key_versions = Vec::new();
    let mut keys = Vec::new();
    let mut work = Vec::new();
    let mut targets = Vec::new();
    for org in [Org::A, Org::B] {
        targets.push(store.time_targets(org.id()).await.unwrap());
        for visible in store.cases_visible_to(org.id()).await.unwrap() {
            let id = visible.record.id;
            let entries = store.case_entries(id).await.unwrap();
            work.push((
                id,
                entries.into_iter().map(|e| e.id).collect(),
                store.triage_of(org.id(), id).await.unwrap(),
            ));
        }
        let mut ids: Vec<SealedCase> = store
            .cases_visible_to(org.id())
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.record.id, c.record.content))
            .collect();
        ids.sort();
        cases.push((org.id(), ids));
        for u in store.users_of_organization(org.id()).await.unwrap() {
            if !u.username.starts_with("new-") {
                let mut ids: Vec<String> = store
                    .security_keys_of(u.id)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|k| k.credential_id)
                    .collect();
                ids.sort();
                keys.push((u.id, ids));
            }
            users.push((
                u.id,
                u.disabled,
                u.must_change_password,
                u.password_hash,
                u.totp_sealed.is_some(),
                u.locale,
            ));
        }
        let key = store.current_organization_key(org.id()).await.unwrap();
        key_versions.push((org.id(), key.map_or(0, |k| k.version)));
    }
    users.sort();
    keys.sort();
    work.sort_by_key(|(id, _, _)| *id);
    Snapshot {
        cases,
        work,
        targets,
        users,
        keys,
        key_versions,
        sealed: app.state().vault().is_sealed(),
    }
}

fn fresh_username() -> String {
    format!("new-{}", &Uuid::new_v4().simple().to_string()[..12])
}

/// A request to a staff route, made concrete: its path with the object of `org`
/// in place of `{id}` (fresh objects for routes that destroy or change them), and
/// its form fields.
struct Attempt {
    path: String,
    fields: Vec<(String, String)>,
    /// The body of a route that takes JSON (its CSRF token then goes in a header).
    json: Option<serde_json::Value>,
    /// The object addressed, to check its fate.
    target: Option<String>,
}

/// What the JSON routes are sent: well-formed WebAuthn answers from no real key.
fn json_body(path: &str) -> Option<serde_json::Value> {
    match path {
        REGISTER_FINISH => Some(serde_json::json!({
            "name": "matrix key",
            "credential": {
                "id": "AAAA", "rawId": "AAAA", "type": "public-key",
                "response": {"attestationObject": "AAAA", "clientDataJSON": "AAAA"}
            }
        })),
        WEBAUTHN_FINISH => Some(serde_json::json!({
            "id": "AAAA", "rawId": "AAAA", "type": "public-key",
            "response": {
                "authenticatorData": "AAAA", "clientDataJSON": "AAAA",
                "signature": "AAAA", "userHandle": null
            }
        })),
        _ => None,
    }
}

/// `actor` is the account making the request (none when signed out): the owner of
/// a fresh security key to remove.
async fn prepare(
    app: &StaffApp,
    row: &Row,
    org: Org,
    actor: Option<UserId>,
    fresh: bool,
    targets: &Targets,
) -> Attempt {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut target = None;
    let mut path = row.path.to_owned();
    if let Who::Staff {
        object: Some(object),
        ..
    } = row.who
    {
        let id = match object {
            // A case each attempt changes for good (erased, closed).
            Object::Case if fresh && (row.path.ends_with("/erase") || row.path == STATUS) => {
                app.create_case(org, "Fresh case to change").await.as_uuid()
            }
            Object::Case => app.case_of(org).as_uuid(),
            Object::User if fresh => {
                let member = app
                    .add_member(org, Role::Caseworker, &fresh_username())
                    .await;
                if row.path.ends_with("/enable") {
                    let user = app.store().user(member.id).await.unwrap().unwrap();
                    app.service()
                        .accounts()
                        .set_disabled(user, true, &Actor::Operator)
                        .await
                        .unwrap();
                }
                member.id.as_uuid()
            }
            Object::User => targets.user_of(org).as_uuid(),
            Object::SecurityKey => {
                let key = match actor {
                    Some(actor) if fresh => app.add_key(actor).await,
                    _ => targets.key_of(org).to_owned(),
                };
                return Attempt {
                    path: path.replace("{id}", &key),
                    fields,
                    json: None,
                    target: Some(key),
                };
            }
        };
        target = Some(id.to_string());
        path = path.replace("{id}", &id.to_string());
    }
    match (row.method, row.path) {
        ("POST", "/staff/cases") | ("POST", "/staff/cases/{id}/edit") => {
            for (name, value) in [
                ("name", "Case made in the matrix"),
                ("contact", "matrix contact"),
                ("country", "KG"),
                ("urgency", "not_urgent"),
                ("narrative", "made by the permission matrix"),
            ] {
                fields.push((name.into(), value.into()));
            }
        }
        ("POST", "/staff/users") => {
            fields.push(("username".into(), fresh_username()));
            fields.push(("display_name".into(), "Matrix user".into()));
            fields.push(("role".into(), "caseworker".into()));
        }
        ("POST", "/staff/cases/{id}/erase") => fields.push(("confirm".into(), "yes".into())),
        ("POST", "/staff/language") => fields.push(("locale".into(), "uk".into())),
        ("POST", "/staff/triage/targets") => {
            for (name, hours) in [
                ("detained_now", "1"),
                ("threat_to_life", "2"),
                ("within_days", "12"),
                ("not_urgent", "48"),
            ] {
                fields.push((name.into(), hours.into()));
            }
        }
        ("POST", ASSIGN) => {
            // Each account takes the case itself: every attempt changes it.
            let me = actor.map(|id| id.to_string()).unwrap_or_default();
            fields.push(("assignee".into(), me));
        }
        ("POST", STATUS) => fields.push(("status".into(), "closed".into())),
        ("POST", ASSESS) => {
            for (field, _, _) in torchlight_web::staff::case_page::factors() {
                fields.push((field, "2".into()));
            }
        }
        ("POST", DECIDE) => {
            for (name, value) in [
                ("person", "defender"),
                ("need", "legal"),
                ("outcome", "granted"),
            ] {
                fields.push((name.into(), value.into()));
            }
        }
        ("POST", MESSAGE) => fields.push(("text".into(), "From the matrix".into())),
        ("POST", SUPPORT) => {
            for (name, value) in [
                ("support", "legal"),
                ("from", "2026-12-01"),
                ("provider", "The matrix"),
            ] {
                fields.push((name.into(), value.into()));
            }
        }
        ("POST", FAMILY) => fields.push(("name".into(), "Matrix relative".into())),
        ("POST", FOLLOW_UP) => fields.push(("note".into(), "Checked".into())),
        ("POST", STEP_UP) => {
            if let Some(member) = actor.and_then(|id| app.members.iter().find(|m| m.id == id)) {
                fields.push(("current_password".into(), PASSWORD.into()));
                fields.push(("code".into(), app.next_code(member).await));
            }
        }
        _ => {}
    }
    Attempt {
        path,
        fields,
        json: json_body(row.path),
        target,
    }
}

/// Accounts that refused requests aim at (a refused request must leave them be).
struct Targets {
    a: UserId,
    b: UserId,
    key_a: String,
    key_b: String,
}

impl Targets {
    async fn new(app: &StaffApp, a: UserId, b: UserId) -> Targets {
        Targets {
            a,
            b,
            key_a: app.add_key(a).await,
            key_b: app.add_key(b).await,
        }
    }

    fn user_of(&self, org: Org) -> UserId {
        match org {
            Org::A => self.a,
            Org::B => self.b,
        }
    }

    fn key_of(&self, org: Org) -> &str {
        match org {
            Org::A => &self.key_a,
            Org::B => &self.key_b,
        }
    }
}

fn fields_ref(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

async fn send(session: &SignedIn, method: &str, attempt: &Attempt) -> Reply {
    match (method, &attempt.json) {
        ("GET", _) => session.get(&attempt.path).await,
        (_, Some(json)) => session.post_json(&attempt.path, json).await,
        _ => {
            session
                .post(&attempt.path, &fields_ref(&attempt.fields))
                .await
        }
    }
}

/// A signed-out browser holding a pre-sign-in CSRF cookie, and its token.
async fn visitor(app: &StaffApp) -> (Browser, String) {
    let browser = app.browser();
    let form = browser.get("/staff/login").await;
    let csrf = csrf_of(&form.body).unwrap();
    (browser, csrf)
}

async fn visitor_send(browser: &Browser, csrf: &str, method: &str, attempt: &Attempt) -> Reply {
    match (method, &attempt.json) {
        ("GET", _) => browser.get(&attempt.path).await,
        (_, Some(json)) => browser.post_json(&attempt.path, json, Some(csrf)).await,
        _ => {
            let mut fields = vec![("csrf", csrf)];
            fields.extend(fields_ref(&attempt.fields));
            browser.post(&attempt.path, &fields).await
        }
    }
}

fn assert_forbidden(reply: &Reply, what: &str) {
    assert_eq!(reply.status, 403, "{what}: {}", reply.body);
    assert!(
        reply.body.contains(FORBIDDEN_TEXT) && !reply.body.contains(CSRF_TEXT),
        "{what}: refused for its permission, not its CSRF token: {}",
        reply.body
    );
}

fn public_path(path: &str) -> String {
    path.replace(
        "/services/{id}",
        "/services/00000000-0000-4000-8000-000000000101",
    )
    .replace(
        "/organizations/{id}",
        "/organizations/00000000-0000-4000-8000-000000000001",
    )
    .replace("{vocabulary}", "support_type")
}

async fn permission_matrix(engine: Engine) {
    table_matches_router();
    let app = StaffApp::spawn_with(engine, with_security_keys()).await;
    let a = app.add_member(Org::A, Caseworker, "a-target").await.id;
    let b = app.add_member(Org::B, Caseworker, "b-target").await.id;
    let targets = Targets::new(&app, a, b).await;
    let mut sessions = Vec::new();
    for member in &app.members {
        sessions.push((member, app.sign_in(member).await));
    }
    let (anonymous, anonymous_csrf) = visitor(&app).await;

    for row in expectations() {
        let method = row.method;
        let route = format!("{method} {}", row.path);
        match row.who {
            Who::Public => {
                let path = public_path(row.path);
                let reply = anonymous.get(&path).await;
                assert_eq!(reply.status, 200, "{route} signed out: {}", reply.body);
                for (member, session) in &sessions {
                    let reply = session.get(&path).await;
                    assert_eq!(reply.status, 200, "{route} as {}", member.username);
                }
            }
            Who::Defender { status } => {
                let before = snapshot(&app).await;
                let reply = send_empty(&anonymous, method, row.path).await;
                assert_eq!(reply.status, status, "{route} signed out: {}", reply.body);
                for (member, session) in &sessions {
                    let reply = send_empty(&session.browser, method, row.path).await;
                    assert_eq!(reply.status, status, "{route} as {}", member.username);
                }
                assert_eq!(
                    snapshot(&app).await,
                    before,
                    "{route} sent empty changes nothing"
                );
            }
            Who::Unseal => {
                let before = snapshot(&app).await;
                let reply = match method {
                    "GET" => anonymous.get("/unseal").await,
                    _ => {
                        anonymous
                            .post("/unseal", &[("csrf", &anonymous_csrf), ("secret", "wrong")])
                            .await
                    }
                };
                assert_eq!(reply.status, 200, "{route} signed out: {}", reply.body);
                assert!(
                    reply.body.contains("The server is unsealed."),
                    "{}",
                    reply.body
                );
                for (member, session) in &sessions {
                    let reply = match method {
                        "GET" => session.get("/unseal").await,
                        _ => session.post("/unseal", &[("secret", "wrong")]).await,
                    };
                    assert_eq!(reply.status, 200, "{route} as {}", member.username);
                }
                assert_eq!(before, snapshot(&app).await, "{route} changed nothing");
            }
            Who::SignIn { signed_out } => {
                let fields: Vec<(&str, &str)> = match row.path {
                    "/staff/login" => vec![("username", "nobody-at-all"), ("password", "wrong")],
                    "/staff/password" => vec![
                        ("new_password", "a new password 2026"),
                        ("repeat", "a new password 2026"),
                    ],
                    "/staff/enrol" | "/staff/verify" => vec![("code", "123456")],
                    _ => vec![],
                };
                let before = snapshot(&app).await;
                let reply = match (method, json_body(row.path)) {
                    ("GET", _) => anonymous.get(row.path).await,
                    (_, Some(json)) => {
                        anonymous
                            .post_json(row.path, &json, Some(&anonymous_csrf))
                            .await
                    }
                    _ => {
                        let mut all = vec![("csrf", anonymous_csrf.as_str())];
                        all.extend(fields);
                        anonymous.post(row.path, &all).await
                    }
                };
                assert_eq!(
                    reply.status, signed_out,
                    "{route} signed out: {}",
                    reply.body
                );
                if signed_out == 303 {
                    assert_eq!(reply.location(), Some("/staff/login"), "{route}");
                }
                assert_eq!(before, snapshot(&app).await, "{route} changed nothing");
            }
            Who::Staff { roles, object, ok } => {
                // Signed out: GET goes to the login page, POST is refused.
                let attempt = prepare(&app, &row, Org::A, None, false, &targets).await;
                let before = snapshot(&app).await;
                let reply = visitor_send(&anonymous, &anonymous_csrf, method, &attempt).await;
                if method == "GET" {
                    assert_eq!(reply.status, 303, "{route} signed out");
                    assert_eq!(reply.location(), Some("/staff/login"), "{route}");
                } else {
                    assert_forbidden(&reply, &format!("{route} signed out"));
                }
                assert_eq!(
                    before,
                    snapshot(&app).await,
                    "{route} signed out changed nothing"
                );

                for (member, session) in &sessions {
                    let allowed = roles.contains(&member.role);
                    let who = format!("{route} as {}", member.username);
                    if row.path == END_ALL || (row.path == SEAL && allowed) {
                        // Ending sessions runs last; sealing in an app of its own.
                        continue;
                    }
                    // Own organisation.
                    let attempt =
                        prepare(&app, &row, member.org, Some(member.id), allowed, &targets).await;
                    let before = snapshot(&app).await;
                    let reply = send(session, method, &attempt).await;
                    if allowed {
                        assert_eq!(reply.status, ok, "{who}: {}", reply.body);
                        let after = snapshot(&app).await;
                        match row.path {
                            // A ceremony kept in memory; a refused credential; a
                            // confirmation kept in memory (and a TOTP step spent,
                            // which the snapshot does not hold).
                            REGISTER_START | REGISTER_FINISH | STEP_UP => {
                                assert_eq!(before, after, "{who} stored nothing")
                            }
                            _ if method == "POST" => {
                                assert_ne!(before, after, "{who} changed something")
                            }
                            _ => {}
                        }
                        check_effect(&app, &row, member.org, &attempt, &reply, &who).await;
                    } else {
                        assert_forbidden(&reply, &who);
                        assert_eq!(before, snapshot(&app).await, "{who} changed nothing");
                    }
                    // An object of the other organisation.
                    if object.is_some() {
                        let other = member.org.other();
                        let attempt =
                            prepare(&app, &row, other, Some(member.id), false, &targets).await;
                        let who = format!("{who} on an object of the other organisation");
                        let before = snapshot(&app).await;
                        let reply = send(session, method, &attempt).await;
                        if allowed {
                            assert_eq!(reply.status, 404, "{who}: {}", reply.body);
                        } else {
                            assert_forbidden(&reply, &who);
                        }
                        assert_eq!(before, snapshot(&app).await, "{who} changed nothing");
                        if let Some(Object::Case) = object {
                            assert!(app.case_exists(other, app.case_of(other)).await, "{who}");
                        }
                    }
                }
            }
        }
    }

    // A security key belongs to its account: a colleague of the same
    // organisation cannot remove it either.
    for (member, session) in &sessions {
        let who = format!("removing a colleague's key as {}", member.username);
        let path = format!("/staff/security-keys/{}/remove", targets.key_of(member.org));
        let before = snapshot(&app).await;
        let reply = session.post(&path, &[]).await;
        assert_eq!(reply.status, 404, "{who}: {}", reply.body);
        assert_eq!(before, snapshot(&app).await, "{who} changed nothing");
    }

    // Last: every role may end all of its own sessions.
    for (member, session) in &sessions {
        let who = format!("POST {END_ALL} as {}", member.username);
        let cookie = session.session_cookie();
        let reply = session.post(END_ALL, &[]).await;
        assert_eq!(reply.status, 303, "{who}: {}", reply.body);
        assert_eq!(reply.location(), Some("/staff/login"), "{who}");
        // The old cookie, sent again, opens nothing.
        session.browser.set_cookie("tl_session", &cookie);
        let reply = session.get("/staff").await;
        assert_eq!(reply.status, 303, "{who}: the session ended");
        assert_eq!(reply.location(), Some("/staff/login"));
    }
}

fn target_id<Id: std::str::FromStr>(attempt: &Attempt) -> Id
where
    Id::Err: std::fmt::Debug,
{
    attempt.target.as_deref().unwrap().parse().unwrap()
}

fn with_security_keys() -> WebConfig {
    WebConfig {
        webauthn_origin: Some("https://torchlight.example".into()),
        ..WebConfig::default()
    }
}

/// What an allowed request did, beyond its status.
async fn check_effect(
    app: &StaffApp,
    row: &Row,
    org: Org,
    attempt: &Attempt,
    reply: &Reply,
    who: &str,
) {
    let store = app.store();
    let own_case = format!(
        "Fixture person of {}",
        if org == Org::A { "A" } else { "B" }
    );
    let other_case = format!(
        "Fixture person of {}",
        if org == Org::A { "B" } else { "A" }
    );
    match (row.method, row.path) {
        ("GET", "/staff/cases") => {
            assert!(reply.body.contains(&own_case), "{who}: {}", reply.body);
            assert!(
                !reply.body.contains(&other_case),
                "{who}: only its own cases"
            );
        }
        ("GET", "/staff/cases/{id}") => {
            assert!(reply.body.contains(&own_case), "{who}: {}", reply.body);
        }
        ("POST", "/staff/cases") => {
            let location = reply.location().unwrap();
            let id: CaseId = location
                .trim_start_matches("/staff/cases/")
                .trim_end_matches("?saved")
                .parse()
                .unwrap();
            assert!(app.case_exists(org, id).await, "{who}");
            assert!(!app.case_exists(org.other(), id).await, "{who}");
        }
        ("POST", "/staff/cases/{id}/erase") => {
            assert!(!app.case_exists(org, target_id(attempt)).await, "{who}");
        }
        ("POST", "/staff/users") => {
            let username = &attempt.fields[0].1;
            let user = store.user_by_username(username).await.unwrap().unwrap();
            assert_eq!(user.organization_id, org.id(), "{who}");
            assert!(reply.body.contains("one-time-password"), "{who}");
        }
        ("POST", "/staff/users/{id}/disable") => {
            let user = store.user(target_id(attempt)).await.unwrap().unwrap();
            assert!(user.disabled, "{who}");
        }
        ("POST", "/staff/users/{id}/enable") => {
            let user = store.user(target_id(attempt)).await.unwrap().unwrap();
            assert!(!user.disabled, "{who}");
        }
        ("POST", "/staff/users/{id}/reset") => {
            let user = store.user(target_id(attempt)).await.unwrap().unwrap();
            assert!(
                user.must_change_password && user.totp_sealed.is_none(),
                "{who}"
            );
        }
        ("POST", "/staff/security-keys/{id}/remove") => {
            let key = attempt.target.as_deref().unwrap();
            assert_eq!(reply.location(), Some("/staff/security-keys"), "{who}");
            for member in &app.members {
                let keys = store.security_keys_of(member.id).await.unwrap();
                assert!(keys.iter().all(|k| k.credential_id != key), "{who}");
            }
        }
        ("POST", STEP_UP) => {
            assert_eq!(reply.location(), Some("/staff/security-keys"), "{who}");
        }
        ("POST", REGISTER_START) => {
            let challenge: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
            assert!(
                challenge.get("publicKey").is_some(),
                "{who}: {}",
                reply.body
            );
        }
        ("POST", "/staff/keys/rotate") => {
            // The organisation's cases are still readable under the new key.
            let case = app.case_of(org);
            let reader = app.store().case_visible_to(org.id(), case).await.unwrap();
            assert!(reader.is_some(), "{who}");
        }
        _ => {}
    }
}

/// Every staff route of the table, with concrete paths (objects of A).
async fn staff_attempts(app: &StaffApp, targets: &Targets) -> Vec<(&'static str, Attempt)> {
    let mut attempts = Vec::new();
    for row in expectations() {
        if let Who::Staff { .. } | Who::SignIn { .. } = row.who {
            attempts.push((
                row.method,
                prepare(app, &row, Org::A, None, false, targets).await,
            ));
        }
    }
    attempts
}

async fn sealed_server(engine: Engine) {
    let app = StaffApp::spawn_with(engine, with_security_keys()).await;
    let a = app.member(Org::A, Caseworker).id;
    let b = app.member(Org::B, Caseworker).id;
    let targets = Targets::new(&app, a, b).await;
    let admin = app.sign_in(app.member(Org::A, OrganizationAdmin)).await;
    let caseworker = app.sign_in(app.member(Org::A, Caseworker)).await;
    let case_page = format!("/staff/cases/{}", app.case_a);
    let reply = caseworker.get(&case_page).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("Fixture person of A"));

    // The panic button.
    let reply = admin.post(SEAL, &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(app.state().vault().is_sealed());

    let (anonymous, anonymous_csrf) = visitor_of_the_unseal_page(&app).await;
    for (method, attempt) in staff_attempts(&app, &targets).await {
        // Signing out stays open while sealed (staff_auth's panic button story).
        if attempt.path == "/staff/logout" {
            continue;
        }
        let route = format!("{method} {}", attempt.path);
        let before = snapshot(&app).await;
        let reply = send(&caseworker, method, &attempt).await;
        assert_eq!(
            reply.status, 503,
            "{route} signed in, sealed: {}",
            reply.body
        );
        assert!(reply.body.contains("The server is sealed"), "{route}");
        let reply = visitor_send(&anonymous, &anonymous_csrf, method, &attempt).await;
        assert_eq!(
            reply.status, 503,
            "{route} signed out, sealed: {}",
            reply.body
        );
        assert_eq!(before, snapshot(&app).await, "{route} changed nothing");
    }
    for row in expectations() {
        match row.who {
            Who::Public => {
                let reply = anonymous.get(&public_path(row.path)).await;
                assert_eq!(reply.status, 200, "GET {} while sealed", row.path);
            }
            // A defender's forms answer as unsealed: intake works sealed.
            Who::Defender { status } => {
                let reply = send_empty(&anonymous, row.method, row.path).await;
                assert_eq!(
                    reply.status, status,
                    "{} {} while sealed",
                    row.method, row.path
                );
            }
            _ => {}
        }
    }
    let unseal = anonymous.get("/unseal").await;
    assert_eq!(unseal.status, 200);
    assert!(
        unseal.body.contains("The server is sealed."),
        "{}",
        unseal.body
    );
    assert!(unseal.body.contains(r#"name="secret""#));

    // A wrong passphrase is refused, and the server stays sealed.
    let reply = anonymous
        .post(
            "/unseal",
            &[("csrf", &anonymous_csrf), ("secret", "not the passphrase")],
        )
        .await;
    assert_eq!(reply.status, 403, "{}", reply.body);
    assert!(app.state().vault().is_sealed());
    assert_eq!(caseworker.get(&case_page).await.status, 503);

    // The right one unseals; the seal signed everyone out, and cases come back to
    // a new sign-in.
    let reply = anonymous
        .post(
            "/unseal",
            &[("csrf", &anonymous_csrf), ("secret", PASSPHRASE)],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(
        reply.body.contains("The server is unsealed."),
        "{}",
        reply.body
    );
    assert!(!app.state().vault().is_sealed());
    assert_eq!(
        caseworker.get(&case_page).await.location(),
        Some("/staff/login")
    );
    let caseworker = app.sign_in(app.member(Org::A, Caseworker)).await;
    let reply = caseworker.get(&case_page).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.body.contains("Fixture person of A"));

    // The system administrator may seal too.
    let system_admin = app.sign_in(app.member(Org::A, SystemAdmin)).await;
    let reply = system_admin.post(SEAL, &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(app.state().vault().is_sealed());
    assert_eq!(caseworker.get(&case_page).await.status, 503);
}

/// A signed-out browser with a pre-sign-in CSRF cookie, got from the unseal page
/// (the login page is closed while sealed).
async fn visitor_of_the_unseal_page(app: &StaffApp) -> (Browser, String) {
    let browser = app.browser();
    let form = browser.get("/unseal").await;
    assert_eq!(form.status, 200);
    let csrf = csrf_of(&form.body).unwrap();
    assert_eq!(browser.cookie("tl_csrf").as_deref(), Some(csrf.as_str()));
    (browser, csrf)
}

both_engines!(permission_matrix, sealed_server);
