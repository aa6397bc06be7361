//! The staff side's fixture: two organisations of the test directory (A and B), the
//! keyring set up and unsealed, one account of every role in each organisation with
//! a known password and an enrolled TOTP secret the test keeps, one case in each
//! organisation; and a small browser (cookie jar, no automatic redirects) that
//! signs staff in over HTTP the way a person would.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use reqwest::header::{HeaderMap, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use torchlight_app::accounts::NewAccount;
use torchlight_app::keyring::SealChoice;
use torchlight_app::{Actor, App, AppConfig, Clock, Scope};
use torchlight_core::access::Role;
use torchlight_core::case::CaseDraft;
use torchlight_core::{CaseId, OrganizationId, UserId};
use torchlight_crypto::credentials::TotpSecret;
use torchlight_store::{Change, SecurityKey, SharedStore, StaffUser, UnitOfWork};
use torchlight_web::{AppState, WebConfig};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::support::{fixture, spawn_app_configured, test_app_config, Engine, TestApp};

/// The keyring's passphrase in every staff fixture.
pub const PASSPHRASE: &str = "staff fixture passphrase, not for production";
/// The password every fixture account signs in with.
pub const PASSWORD: &str = "fixture password 2026";

const TOTP_STEP: u64 = 30;

/// The two organisations the staff tests use (ids from `support::fixture`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Org {
    A,
    B,
}

impl Org {
    pub fn id(self) -> OrganizationId {
        let id = match self {
            Org::A => Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0001),
            Org::B => Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0002),
        };
        OrganizationId::from_uuid(id)
    }

    pub fn other(self) -> Org {
        match self {
            Org::A => Org::B,
            Org::B => Org::A,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Org::A => "a",
            Org::B => "b",
        }
    }
}

/// A fixture account and the TOTP secret its "phone" holds.
pub struct Member {
    pub id: UserId,
    pub username: String,
    pub role: Role,
    pub org: Org,
    pub secret: TotpSecret,
    /// The ten recovery codes shown at enrolment.
    pub recovery_codes: Vec<String>,
}

/// A running server with the staff fixture in its store.
pub struct StaffApp {
    pub app: TestApp,
    pub members: Vec<Member>,
    pub case_a: CaseId,
    pub case_b: CaseId,
}

impl StaffApp {
    pub async fn spawn(engine: Engine) -> StaffApp {
        StaffApp::spawn_with(engine, WebConfig::default()).await
    }

    pub async fn spawn_with(engine: Engine, config: WebConfig) -> StaffApp {
        StaffApp::spawn_configured(engine, config, test_app_config()).await
    }

    pub async fn spawn_configured(
        engine: Engine,
        config: WebConfig,
        app_config: AppConfig,
    ) -> StaffApp {
        let app = spawn_app_configured(engine, &fixture(), config, app_config).await;
        let state = app.state.clone();
        assert!(state.vault().is_sealed(), "a server starts sealed");
        state
            .app()
            .keyring()
            .initialize(SealChoice::Passphrase(Zeroizing::new(
                PASSPHRASE.to_owned(),
            )))
            .await
            .expect("keyring initialised");
        assert!(
            !state.vault().is_sealed(),
            "initialising leaves it unsealed"
        );
        let mut staff = StaffApp {
            app,
            members: Vec::new(),
            case_a: CaseId::from_uuid(Uuid::nil()),
            case_b: CaseId::from_uuid(Uuid::nil()),
        };
        for org in [Org::A, Org::B] {
            for role in Role::ALL {
                let username = format!("{}-{}", org.prefix(), role.code());
                let member = staff.add_member(org, role, &username).await;
                staff.members.push(member);
            }
        }
        staff.case_a = staff.create_case(Org::A, "Fixture person of A").await;
        staff.case_b = staff.create_case(Org::B, "Fixture person of B").await;
        staff
    }

    pub fn state(&self) -> &AppState {
        &self.app.state
    }

    /// The application layer the server runs on.
    pub fn service(&self) -> &App {
        self.app.state.app()
    }

    /// The store itself, for tests that check what was (or was not) written.
    pub fn store(&self) -> &SharedStore {
        self.app.state.app().store()
    }

    /// The server's clock.
    pub fn clock(&self) -> &torchlight_app::ManualClock {
        &self.app.clock
    }

    /// The server clock's time in whole seconds.
    pub fn now_seconds(&self) -> u64 {
        self.app.clock.now_unix_seconds()
    }

    pub fn member(&self, org: Org, role: Role) -> &Member {
        self.members
            .iter()
            .find(|m| m.org == org && m.role == role)
            .expect("fixture member")
    }

    pub fn case_of(&self, org: Org) -> CaseId {
        match org {
            Org::A => self.case_a,
            Org::B => self.case_b,
        }
    }

    /// A new account with the fixture password and an enrolled TOTP secret, made
    /// through the same operations the admin pages and the CLI use.
    pub async fn add_member(&self, org: Org, role: Role, username: &str) -> Member {
        let accounts = self.service().accounts();
        let user = accounts
            .add_demo_user(
                NewAccount {
                    organization: org.id(),
                    username: username.to_owned(),
                    display_name: format!("Fixture {username}"),
                    role,
                },
                Zeroizing::new(PASSWORD.to_owned()),
            )
            .await
            .expect("add user");
        let id = user.id;
        let secret = TotpSecret::generate();
        // Enrolled two steps ago, so the code of the current step is fresh.
        let step = i64::try_from(self.now_seconds() / TOTP_STEP).unwrap() - 2;
        let recovery_codes = accounts
            .enrol_totp(&user, &secret, step, &Actor::Operator)
            .await
            .expect("enrol TOTP")
            .iter()
            .map(|code| code.as_str().to_owned())
            .collect();
        Member {
            id,
            username: username.to_owned(),
            role,
            org,
            secret,
            recovery_codes,
        }
    }

    /// A case owned by `org`, created as the pages create one.
    pub async fn create_case(&self, org: Org, name: &str) -> CaseId {
        let draft = CaseDraft {
            country: "KG".into(),
            urgency: "within_days".into(),
            name: name.into(),
            contact: format!("Signal of {name}"),
            narrative: format!("What happened to {name}."),
        };
        let valid = draft.validate(self.state().taxonomy()).expect("valid case");
        self.service()
            .cases()
            .create(Scope::for_operator(org.id()), valid, &Actor::Operator)
            .await
            .expect("case created")
    }

    /// A security key stored for `user` straight in the store (there is no
    /// authenticator in these tests); returns its credential id.
    pub async fn add_key(&self, user: UserId) -> String {
        let id = format!("key-{}", Uuid::new_v4().simple());
        let key = SecurityKey {
            credential_id: id.clone(),
            user_id: user,
            name: "fixture key".into(),
            credential: "{}".into(),
            created_at_ms: 0,
            last_used_ms: None,
        };
        let unit =
            UnitOfWork::recording(Actor::Operator.event(0, "staff.security_key_added", None))
                .with(Change::AddSecurityKey(key));
        self.store().commit(unit).await.expect("key stored");
        id
    }

    /// The account as stored now.
    pub async fn stored_user(&self, user: UserId) -> StaffUser {
        self.store()
            .user(user)
            .await
            .expect("store")
            .expect("the account exists")
    }

    /// Whether `org` still has case `id` (read straight from the store).
    pub async fn case_exists(&self, org: Org, id: CaseId) -> bool {
        self.store()
            .case_visible_to(org.id(), id)
            .await
            .expect("store")
            .is_some()
    }

    /// How many cases `org` has.
    pub async fn case_count(&self, org: Org) -> usize {
        self.store()
            .cases_visible_to(org.id())
            .await
            .expect("store")
            .len()
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.app)
    }

    /// Signs `member` in over HTTP: the login form (for its `tl_csrf` cookie and
    /// token), the password, then the TOTP code. Returns the signed-in browser
    /// with the session's CSRF token read from a staff page.
    pub async fn sign_in(&self, member: &Member) -> SignedIn {
        self.sign_in_as(member, PASSWORD).await
    }

    /// `sign_in` with another password than the fixture's.
    pub async fn sign_in_as(&self, member: &Member, password: &str) -> SignedIn {
        let browser = self.browser();
        let reply = browser.sign_in_password(&member.username, password).await;
        assert_eq!(reply.status, 303, "password accepted: {}", reply.body);
        assert_eq!(reply.location(), Some("/staff/verify"));
        let code = self.next_code(member).await;
        let reply = browser.submit_code(&code).await;
        assert_eq!(reply.status, 303, "code accepted: {}", reply.body);
        assert_eq!(reply.location(), Some("/staff"));
        SignedIn::from_browser(browser).await
    }

    /// A TOTP code the server will accept now for `member`: the current step's,
    /// or a later one if that step was used already (replays are refused); moves
    /// the server's clock to the next step when even that one is spent.
    pub async fn next_code(&self, member: &Member) -> String {
        loop {
            let last = self
                .store()
                .user(member.id)
                .await
                .expect("store")
                .expect("member")
                .totp_last_step;
            let current = self.now_seconds() / TOTP_STEP;
            let wanted = last.map_or(current, |last| {
                u64::try_from(last + 1).unwrap().max(current)
            });
            if wanted <= current + 1 {
                return member.secret.code_at(wanted * TOTP_STEP);
            }
            // Every step the server accepts now was used: the next one starts.
            self.clock().advance(Duration::from_secs(TOTP_STEP));
        }
    }
}

/// A response, read whole.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> Option<&str> {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok())
    }

    /// Every `Set-Cookie` header, as sent.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    /// The `Set-Cookie` header that sets `name`, if any.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.set_cookies()
            .into_iter()
            .find(|c| c.starts_with(&format!("{name}=")))
    }

    /// The page's error paragraph (`<p class="error" role="alert">`), if any.
    pub fn error_message(&self) -> Option<String> {
        let start = self.body.find(r#"<p class="error" role="alert">"#)?;
        let rest = &self.body[start..];
        let end = rest.find("</p>")?;
        Some(rest[..end].to_owned())
    }
}

/// The value of the first hidden `csrf` input of a page.
pub fn csrf_of(html: &str) -> Option<String> {
    input_value(html, "csrf")
}

/// The value of the first input named `name` that carries its value in the page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// The text of the element with `id` (up to its first child tag or its end).
pub fn text_of_id(html: &str, id: &str) -> Option<String> {
    let marker = format!(r#"id="{id}">"#);
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('<')?;
    Some(html[start..start + end].to_owned())
}

/// The text of every `<code>` element after `anchor` in a page.
pub fn codes_after(html: &str, anchor: &str) -> Vec<String> {
    let Some(start) = html.find(anchor) else {
        return Vec::new();
    };
    let mut codes = Vec::new();
    let mut rest = &html[start..];
    while let Some(open) = rest.find("<code") {
        let Some(close_tag) = rest[open..].find('>') else {
            break;
        };
        let text_start = open + close_tag + 1;
        let Some(end) = rest[text_start..].find("</code>") else {
            break;
        };
        codes.push(rest[text_start..text_start + end].to_owned());
        rest = &rest[text_start + end..];
    }
    codes
}

/// A browser without JavaScript: keeps cookies, follows no redirect.
pub struct Browser {
    base: String,
    client: reqwest::Client,
    cookies: Mutex<BTreeMap<String, String>>,
}

impl Browser {
    pub fn new(app: &TestApp) -> Browser {
        Browser {
            base: app.url(""),
            client: reqwest::Client::builder()
                .redirect(Policy::none())
                .build()
                .expect("client"),
            cookies: Mutex::new(BTreeMap::new()),
        }
    }

    /// Cookie `name`, under the `__Host-` prefix it has over HTTPS or without it.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let cookies = self.cookies.lock().unwrap();
        cookies
            .get(name)
            .or_else(|| cookies.get(&format!("__Host-{name}")))
            .cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .unwrap()
            .insert(name.to_owned(), value.to_owned());
    }

    pub fn remove_cookie(&self, name: &str) {
        self.cookies.lock().unwrap().remove(name);
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.client.get(format!("{}{path}", self.base)))
            .await
    }

    /// A form POST of exactly `fields` (no CSRF token is added).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.post_with_headers(path, fields, &[]).await
    }

    pub async fn post_with_headers(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let body = serde_urlencoded::to_string(fields).expect("form encodes");
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    /// A JSON POST, its CSRF token (if any) in the `X-CSRF-Token` header.
    pub async fn post_json(
        &self,
        path: &str,
        body: &serde_json::Value,
        csrf: Option<&str>,
    ) -> Reply {
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .header(CONTENT_TYPE, "application/json")
            .body(serde_json::to_string(body).expect("JSON encodes"));
        if let Some(csrf) = csrf {
            request = request.header("x-csrf-token", csrf);
        }
        self.send(request).await
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let cookie_header = {
            let cookies = self.cookies.lock().unwrap();
            cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let request = if cookie_header.is_empty() {
            request
        } else {
            request.header(COOKIE, cookie_header)
        };
        let response = request.send().await.expect("request failed");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.expect("body");
        let reply = Reply {
            status,
            headers,
            body,
        };
        self.remember(&reply);
        reply
    }

    fn remember(&self, reply: &Reply) {
        let mut cookies = self.cookies.lock().unwrap();
        for header in reply.set_cookies() {
            let mut parts = header.split(';').map(str::trim);
            let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
                continue;
            };
            let expired = parts.any(|p| p.eq_ignore_ascii_case("max-age=0"));
            if expired || value.is_empty() {
                cookies.remove(name);
            } else {
                cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    /// The login form, then the password. Returns the answer to the POST.
    pub async fn sign_in_password(&self, username: &str, password: &str) -> Reply {
        let form = self.get("/staff/login").await;
        assert_eq!(form.status, 200, "{}", form.body);
        let csrf = csrf_of(&form.body).expect("login form has a CSRF token");
        assert_eq!(
            self.cookie("tl_csrf").as_deref(),
            Some(csrf.as_str()),
            "the form's token is the tl_csrf cookie"
        );
        self.post(
            "/staff/login",
            &[
                ("csrf", &csrf),
                ("username", username),
                ("password", password),
            ],
        )
        .await
    }

    /// The second-factor form, then `code`. Returns the answer to the POST.
    pub async fn submit_code(&self, code: &str) -> Reply {
        let form = self.get("/staff/verify").await;
        assert_eq!(form.status, 200, "{}", form.body);
        let csrf = csrf_of(&form.body).expect("verify form has a CSRF token");
        self.post("/staff/verify", &[("csrf", &csrf), ("code", code)])
            .await
    }
}

/// A signed-in browser and its session's CSRF token.
pub struct SignedIn {
    pub browser: Browser,
    pub csrf: String,
}

impl SignedIn {
    /// Reads the session's CSRF token from the staff home page.
    pub async fn from_browser(browser: Browser) -> SignedIn {
        let home = browser.get("/staff").await;
        assert_eq!(home.status, 200, "signed in: {}", home.body);
        let csrf = csrf_of(&home.body).expect("staff pages carry the CSRF token");
        SignedIn { browser, csrf }
    }

    /// The `tl_session` cookie's value.
    pub fn session_cookie(&self) -> String {
        self.browser.cookie("tl_session").expect("session cookie")
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.browser.get(path).await
    }

    /// A form POST with the session's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.browser.post(path, &all).await
    }

    /// A JSON POST with the session's CSRF token in its header.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> Reply {
        self.browser.post_json(path, body, Some(&self.csrf)).await
    }
}
