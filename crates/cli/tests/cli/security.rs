//! The security core through the binary: `init`, `unseal`, `seal`, `rotate` and
//! `user` against a running `serve` or `demo`, checked over HTTP and in the store.

use std::time::{SystemTime, UNIX_EPOCH};

use torchlight_crypto::credentials::TotpSecret;

use crate::both_engines;
use crate::running::{base32_decode, Browser, Page, Running};
use crate::support::{demo_file, Engine, Outcome, World};

both_engines!(
    a_passphrase_keyring_starts_sealed_and_its_passphrase_unseals,
    shares_unseal_at_the_threshold_and_only_from_one_keyring,
    seal_closes_the_staff_pages_and_is_audited,
    user_commands_create_list_disable_enable_and_reset,
    rotating_an_organisation_key_keeps_its_cases_readable,
    rotating_the_root_key_replaces_the_passphrase,
    the_data_directory_and_the_control_socket_are_the_owners_only,
);

pub const PASSPHRASE: &str = "a long test passphrase 2026";
pub const DEMO_PASSPHRASE: &str = "torchlight demo passphrase";
pub const DEMO_PASSWORD: &str = "demo password 2026";

/// The demo coalition's organisation names, in file order.
pub fn organization_names() -> Vec<String> {
    let text = std::fs::read_to_string(demo_file()).expect("read the demo file");
    let demo: torchlight_core::Directory = serde_json::from_str(&text).expect("demo parses");
    demo.organizations.into_iter().map(|o| o.name).collect()
}

/// A world holding the demo coalition and no keyring yet.
pub async fn coalition(engine: Engine) -> World {
    let world = World::new(engine).await;
    world.import(&demo_file(), &[]).success();
    world
}

pub fn init_passphrase(world: &World, passphrase: &str) -> Outcome {
    world.run_input(&["init", "--data-dir", "data"], &format!("{passphrase}\n"))
}

/// `init --shares N --threshold K`; returns the shares printed, which must be N.
pub fn init_shares(world: &World, shares: u8, threshold: u8) -> Vec<String> {
    let n = shares.to_string();
    let k = threshold.to_string();
    let outcome = world
        .run(&[
            "init",
            "--shares",
            &n,
            "--threshold",
            &k,
            "--data-dir",
            "data",
        ])
        .success()
        .stdout_has(&["Keyring set up", &format!("Any {threshold} of them")]);
    let lines = share_lines(&outcome.stdout);
    assert_eq!(lines.len(), usize::from(shares), "{}", outcome.stdout);
    lines
}

/// The shares of `init` or `rotate root` output: lines `share N: TEXT`.
pub fn share_lines(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|line| line.trim().strip_prefix("share "))
        .filter_map(|rest| rest.split_once(": "))
        .map(|(_, share)| share.trim().to_owned())
        .collect()
}

pub fn unseal(world: &World, secret: &str) -> Outcome {
    world.run_input(&["unseal", "--data-dir", "data"], &format!("{secret}\n"))
}

/// The status of the staff sign-in page: 503 while sealed, 200 once unsealed.
pub async fn login_status(server: &Running) -> u16 {
    Browser::new(&server.base).get("/staff/login").await.status
}

/// `audit verify`'s entry count, asserting it passed.
pub fn audit_entries(world: &World) -> u64 {
    let outcome = world
        .run(&["audit", "verify", "--data-dir", "data"])
        .success()
        .stdout_has(&["audit log intact: "]);
    let rest = outcome
        .stdout
        .split("audit log intact: ")
        .nth(1)
        .expect("the count");
    rest.split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {:?}", outcome.stdout))
}

/// The keyring, the organisations' keys and the audit head as stored, to show that
/// a refused command changed none of them.
async fn key_material(world: &World) -> String {
    let store = world.open_store().await;
    format!(
        "{:?}\n{:?}\n{:?}",
        store.keyring().await.expect("keyring"),
        store.organization_keys().await.expect("organisation keys"),
        store.audit_head().await.expect("audit head")
    )
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

/// A one-line refusal names no share: not its text, not its number.
fn names_no_share(outcome: &Outcome, shares: &[&String]) {
    for share in shares {
        assert!(
            !outcome.stderr.contains(share.as_str()),
            "{}",
            outcome.stderr
        );
    }
    let lower = outcome.stderr.to_lowercase();
    for word in ["share 1", "share 2", "share 3", "index", "third", "#"] {
        assert!(!lower.contains(word), "names a share: {}", outcome.stderr);
    }
}

async fn a_passphrase_keyring_starts_sealed_and_its_passphrase_unseals(engine: Engine) {
    let world = coalition(engine).await;
    let init = init_passphrase(&world, PASSPHRASE)
        .success()
        .stdout_has(&["Keyring set up", "starts sealed"]);
    assert!(share_lines(&init.stdout).is_empty(), "{}", init.stdout);
    assert!(!init.stdout.contains(PASSPHRASE) && !init.stderr.contains(PASSPHRASE));

    let server = Running::serve(&world, &[]);
    let browser = server.browser();
    assert_eq!(browser.get("/").await.status, 200, "public pages stay open");
    assert_eq!(browser.get("/staff/login").await.status, 503);

    let wrong = unseal(&world, "not the passphrase at all").bad_input(&["refused"]);
    assert!(wrong.stdout.is_empty(), "{}", wrong.stdout);
    assert_eq!(
        login_status(&server).await,
        503,
        "a wrong passphrase unsealed"
    );

    unseal(&world, PASSPHRASE)
        .success()
        .stdout_has(&["unsealed"]);
    assert_eq!(login_status(&server).await, 200);
    unseal(&world, PASSPHRASE)
        .success()
        .stdout_has(&["already unsealed"]);

    // A second `init`, in either mode, is refused and touches nothing.
    let before = key_material(&world).await;
    init_passphrase(&world, "another passphrase entirely").bad_input(&["already set up"]);
    let again = world
        .run(&[
            "init",
            "--shares",
            "5",
            "--threshold",
            "3",
            "--data-dir",
            "data",
        ])
        .bad_input(&["already set up"]);
    assert!(share_lines(&again.stdout).is_empty(), "{}", again.stdout);
    assert_eq!(key_material(&world).await, before);
    // The first passphrase still opens the keyring; the second one never does.
    world
        .run(&["seal", "--data-dir", "data"])
        .success()
        .stdout_has(&["sealed"]);
    assert_eq!(login_status(&server).await, 503);
    unseal(&world, "another passphrase entirely").bad_input(&["refused"]);
    assert_eq!(login_status(&server).await, 503);
    unseal(&world, PASSPHRASE)
        .success()
        .stdout_has(&["unsealed"]);
    assert_eq!(login_status(&server).await, 200);
}

/// `share` with one payload letter changed, as a trustee might mistype it.
pub fn typo(share: &str) -> String {
    // prefix-version-index-PAYLOAD...-checksum: change the first payload letter.
    let parts: Vec<&str> = share.split('-').collect();
    assert!(parts.len() > 4, "unexpected share layout: {share}");
    let payload = parts[3];
    let first = payload.chars().next().expect("payload");
    let replacement = if first == 'a' || first == 'A' {
        'b'
    } else {
        'a'
    };
    let changed = format!("{replacement}{}", &payload[first.len_utf8()..]);
    let mut parts: Vec<String> = parts.iter().map(|p| (*p).to_owned()).collect();
    parts[3] = changed;
    parts.join("-")
}

async fn shares_unseal_at_the_threshold_and_only_from_one_keyring(engine: Engine) {
    let world = coalition(engine).await;
    let shares = init_shares(&world, 5, 3);
    let distinct: std::collections::BTreeSet<&String> = shares.iter().collect();
    assert_eq!(distinct.len(), 5, "{shares:?}");
    // Another deployment's keyring, in a data directory (and database) of its own.
    let elsewhere = coalition(engine).await;
    let foreign = init_shares(&elsewhere, 5, 3);

    let server = Running::serve(&world, &[]);
    assert_eq!(login_status(&server).await, 503);
    unseal(&world, &shares[0]).success().stdout_has(&["1 of 3"]);
    assert_eq!(login_status(&server).await, 503);
    unseal(&world, &shares[1]).success().stdout_has(&["2 of 3"]);
    assert_eq!(login_status(&server).await, 503, "two shares unsealed");
    unseal(&world, &shares[2])
        .success()
        .stdout_has(&["unsealed"]);
    assert_eq!(login_status(&server).await, 200);

    world.run(&["seal", "--data-dir", "data"]).success();
    assert_eq!(login_status(&server).await, 503);

    // A mistyped share is refused as such and counts for nothing.
    let mistyped = typo(&shares[3]);
    let refused = unseal(&world, &mistyped).bad_input(&["not a valid share"]);
    assert!(!refused.stderr.contains(&mistyped), "{}", refused.stderr);
    assert_eq!(login_status(&server).await, 503);

    // Two good shares and a third from another keyring: refused, without saying
    // which one is wrong, and still sealed.
    unseal(&world, &shares[3]).success().stdout_has(&["1 of 3"]);
    unseal(&world, &shares[4]).success().stdout_has(&["2 of 3"]);
    let refused = unseal(&world, &foreign[0]).bad_input(&["refused"]);
    names_no_share(&refused, &[&shares[3], &shares[4], &foreign[0]]);
    assert_eq!(login_status(&server).await, 503, "a foreign share unsealed");

    // The refusal starts the count again; three shares of this keyring unseal.
    unseal(&world, &shares[4]).success().stdout_has(&["1 of 3"]);
    unseal(&world, &shares[0]).success().stdout_has(&["2 of 3"]);
    unseal(&world, &shares[2])
        .success()
        .stdout_has(&["unsealed"]);
    assert_eq!(login_status(&server).await, 200);
}

async fn seal_closes_the_staff_pages_and_is_audited(engine: Engine) {
    let world = coalition(engine).await;
    init_passphrase(&world, PASSPHRASE).success();
    let server = Running::serve(&world, &[]);
    unseal(&world, PASSPHRASE).success();
    let browser = server.browser();
    assert_eq!(browser.get("/staff/login").await.status, 200);
    let before = audit_entries(&world);

    world
        .run(&["seal", "--data-dir", "data"])
        .success()
        .stdout_has(&["sealed"]);
    for path in ["/staff/login", "/staff", "/staff/cases"] {
        assert_eq!(browser.get(path).await.status, 503, "{path} after seal");
    }
    assert_eq!(browser.get("/").await.status, 200, "public pages stay open");
    // The chain is intact and holds the seal.
    assert_eq!(audit_entries(&world), before + 1);
    drop(server);
    assert_eq!(audit_entries(&world), before + 1);
}

/// The one-time password of `user add` or `user reset` output.
pub fn one_time_password(outcome: &Outcome) -> String {
    outcome
        .stdout
        .lines()
        .find(|line| line.starts_with("One-time password"))
        .and_then(|line| line.rsplit_once(": "))
        .map(|(_, password)| password.trim().to_owned())
        .unwrap_or_else(|| panic!("no one-time password in {:?}", outcome.stdout))
}

pub fn user_add(world: &World, org: &str, username: &str, role: &str) -> Outcome {
    world.run(&[
        "user",
        "add",
        "--org",
        org,
        "--username",
        username,
        "--name",
        "Test Person",
        "--role",
        role,
        "--data-dir",
        "data",
    ])
}

fn user_list(world: &World, org: &str) -> String {
    world
        .run(&["user", "list", "--org", org, "--data-dir", "data"])
        .success()
        .stdout
}

/// The `user list` line of `username`.
fn listed<'a>(list: &'a str, username: &str) -> Option<&'a str> {
    list.lines()
        .find(|line| line.split('\t').next() == Some(username))
}

/// Signs in with a password; returns the first response after the login form.
pub async fn sign_in(browser: &Browser, username: &str, password: &str) -> Page {
    let form = browser.get("/staff/login").await;
    assert_eq!(form.status, 200, "{form:?}");
    let csrf = form.hidden("csrf");
    browser
        .post(
            "/staff/login",
            &[
                ("csrf", &csrf),
                ("username", username),
                ("password", password),
            ],
        )
        .await
}

async fn user_commands_create_list_disable_enable_and_reset(engine: Engine) {
    let world = coalition(engine).await;
    let names = organization_names();
    let (first, second) = (&names[0], &names[1]);

    let added = user_add(&world, first, "amina", "caseworker")
        .success()
        .stdout_has(&["amina", "caseworker", "One-time password"]);
    let password = one_time_password(&added);
    assert!(password.len() >= 16, "{password:?}");
    for (username, role) in [
        ("bakyt", "coordinator"),
        ("chynara", "org_admin"),
        ("daniyar", "analyst"),
    ] {
        user_add(&world, first, username, role)
            .success()
            .stdout_has(&[username, role]);
    }
    user_add(&world, second, "elnura", "system_admin")
        .success()
        .stdout_has(&["elnura", "system_admin"]);

    let list = user_list(&world, first);
    for (username, role) in [
        ("amina", "caseworker"),
        ("bakyt", "coordinator"),
        ("chynara", "org_admin"),
        ("daniyar", "analyst"),
    ] {
        let line = listed(&list, username).unwrap_or_else(|| panic!("{username}: {list}"));
        assert!(line.contains(role), "{line}");
        assert!(line.contains("not yet signed in"), "{line}");
    }
    assert!(
        listed(&list, "elnura").is_none(),
        "another organisation's user: {list}"
    );
    assert!(listed(&user_list(&world, second), "elnura").is_some());
    assert!(!list.contains(&password), "the list shows a password");

    // Refusals: exit 2, the flag named, and nothing added.
    user_add(&world, first, "farida", "boss").bad_input(&["--role", "boss"]);
    user_add(&world, "No Such Organisation", "farida", "caseworker").bad_input(&["--org"]);
    user_add(&world, &first.to_uppercase(), "farida", "caseworker").bad_input(&["--org"]);
    let duplicate = user_add(&world, second, "AMINA", "analyst");
    assert_eq!(duplicate.code, Some(2), "{}", duplicate.stderr);
    assert!(!duplicate.stderr.trim().is_empty());
    assert!(
        !duplicate.stdout.contains("One-time password"),
        "{}",
        duplicate.stdout
    );
    let after = user_list(&world, first);
    assert_eq!(after, list, "a refused add changed the accounts");
    assert!(listed(&user_list(&world, second), "amina").is_none());
    world
        .run(&[
            "user",
            "list",
            "--org",
            "No Such Organisation",
            "--data-dir",
            "data",
        ])
        .bad_input(&["--org"]);
    for command in ["disable", "enable", "reset"] {
        world
            .run(&["user", command, "nobody-here", "--data-dir", "data"])
            .bad_input(&["nobody-here"]);
    }

    // Accounts at work: sign-in needs an unsealed server.
    init_passphrase(&world, PASSPHRASE).success();
    let server = Running::serve(&world, &[]);
    unseal(&world, PASSPHRASE).success();
    sign_in(&server.browser(), "amina", &password)
        .await
        .redirects_to("/staff/password");

    world
        .run(&["user", "disable", "amina", "--data-dir", "data"])
        .success()
        .stdout_has(&["amina", "disabled"]);
    let line = listed(&user_list(&world, first), "amina").map(str::to_owned);
    assert!(
        line.as_deref().is_some_and(|l| l.contains("disabled")),
        "{line:?}"
    );
    let refused = sign_in(&server.browser(), "amina", &password).await;
    assert_eq!(refused.status, 401, "a disabled account signed in");

    world
        .run(&["user", "enable", "amina", "--data-dir", "data"])
        .success()
        .stdout_has(&["amina", "enabled"]);
    let line = listed(&user_list(&world, first), "amina").map(str::to_owned);
    assert!(
        line.as_deref()
            .is_some_and(|l| l.contains("not yet signed in")),
        "{line:?}"
    );
    sign_in(&server.browser(), "amina", &password)
        .await
        .redirects_to("/staff/password");

    let reset = world
        .run(&["user", "reset", "amina", "--data-dir", "data"])
        .success()
        .stdout_has(&["amina", "One-time password"]);
    let new_password = one_time_password(&reset);
    assert_ne!(new_password, password);
    assert_eq!(
        sign_in(&server.browser(), "amina", &password).await.status,
        401,
        "the old one-time password still works"
    );
    sign_in(&server.browser(), "amina", &new_password)
        .await
        .redirects_to("/staff/password");
}

/// A fully signed-in demo account, its TOTP enrolled on the way; returns the
/// enrolled secret.
pub async fn sign_in_demo(browser: &Browser, username: &str) -> TotpSecret {
    sign_in(browser, username, DEMO_PASSWORD)
        .await
        .redirects_to("/staff/enrol");
    enrol(browser).await.0
}

/// Enrols TOTP on the enrolment page; returns the secret and the recovery page.
pub async fn enrol(browser: &Browser) -> (TotpSecret, Page) {
    let page = browser.get("/staff/enrol").await;
    assert_eq!(page.status, 200, "{page:?}");
    let shown = page.text_after("id=\"totp-secret\">");
    let secret = TotpSecret::from_bytes(&base32_decode(&shown)).expect("a TOTP secret");
    let code = secret.code_at(now());
    let recovery = browser
        .post(
            "/staff/enrol",
            &[("csrf", &page.hidden("csrf")), ("code", &code)],
        )
        .await;
    assert_eq!(recovery.status, 200, "{recovery:?}");
    assert_eq!(browser.get("/staff").await.status, 200, "not signed in");
    (secret, recovery)
}

/// Links to cases on the case list.
async fn case_links(browser: &Browser) -> Vec<String> {
    let list = browser.get("/staff/cases").await;
    assert_eq!(list.status, 200, "{list:?}");
    let mut links: Vec<String> = list
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|link| {
            link.rsplit('/')
                .next()
                .is_some_and(|id| uuid::Uuid::parse_str(id).is_ok())
                && link.contains("/staff/cases/")
        })
        .map(str::to_owned)
        .collect();
    links.sort();
    links.dedup();
    links
}

/// How many cases the demo's first organisation holds: three recorded by staff
/// and 28 requests (crates/cli/src/demo.rs).
const DEMO_CASES: usize = 31;

/// Some of the demo's fictional narratives: its three cases and four of its
/// requests, each read on its case page.
const DEMO_NARRATIVES: [&str; 7] = [
    "Summoned for questioning after a protest",
    "Threats by phone after publishing a report",
    "Detained this morning; family asks for a lawyer.",
    "the caller named my daughter",
    "брата задержали у здания суда",
    "Ոստիկանությունը վերցրեց համակարգիչս",
    "two years of trials",
];

/// Every demo case opens and shows its narrative.
async fn demo_cases_open(browser: &Browser, links: &[String]) {
    assert_eq!(links.len(), DEMO_CASES, "{links:?}");
    let mut seen = Vec::new();
    for link in links {
        let page = browser.get(link).await;
        assert_eq!(page.status, 200, "{link}: {page:?}");
        seen.push(page.body);
    }
    for narrative in DEMO_NARRATIVES {
        assert!(
            seen.iter().any(|body| body.contains(narrative)),
            "no case shows {narrative:?}"
        );
    }
}

/// The name of the organisation of a demo account.
async fn organization_of(world: &World, username: &str) -> String {
    let store = world.open_store().await;
    let user = store
        .user_by_username(username)
        .await
        .expect("read")
        .expect("the demo account");
    let directory = store.load_directory().await.expect("directory");
    directory
        .organizations
        .into_iter()
        .find(|o| o.id == user.organization_id)
        .map(|o| o.name)
        .expect("the account's organisation")
}

async fn rotating_an_organisation_key_keeps_its_cases_readable(engine: Engine) {
    let world = World::new(engine).await;
    let server = Running::demo(&world);
    let browser = server.browser();
    sign_in_demo(&browser, "demo-caseworker").await;
    let links = case_links(&browser).await;
    demo_cases_open(&browser, &links).await;

    let organization = organization_of(&world, "demo-caseworker").await;
    world
        .run(&["rotate", "org", &organization, "--data-dir", "data"])
        .success()
        .stdout_has(&["key version 2"]);
    let store = world.open_store().await;
    let versions: Vec<i64> = store
        .organization_keys()
        .await
        .expect("keys")
        .into_iter()
        .map(|k| k.version)
        .collect();
    assert!(versions.contains(&2), "no second key version: {versions:?}");
    drop(store);
    // The same cases, still readable, through the new key.
    assert_eq!(case_links(&browser).await, links);
    demo_cases_open(&browser, &links).await;
    world
        .run(&["rotate", "org", &organization, "--data-dir", "data"])
        .success()
        .stdout_has(&["key version 3"]);
    demo_cases_open(&browser, &links).await;

    world
        .run(&[
            "rotate",
            "org",
            "No Such Organisation",
            "--data-dir",
            "data",
        ])
        .bad_input(&["No Such Organisation"]);
    // Rotation needs the keys: refused while sealed.
    world.run(&["seal", "--data-dir", "data"]).success();
    world
        .run(&["rotate", "org", &organization, "--data-dir", "data"])
        .bad_input(&["sealed"]);
    drop(server);
    audit_entries(&world);
}

async fn rotating_the_root_key_replaces_the_passphrase(engine: Engine) {
    const NEW_PASSPHRASE: &str = "the replacement root passphrase";
    let world = World::new(engine).await;
    let server = Running::demo(&world);
    let browser = server.browser();
    sign_in_demo(&browser, "demo-caseworker").await;
    let links = case_links(&browser).await;
    demo_cases_open(&browser, &links).await;

    world
        .run_input(
            &["rotate", "root", "--data-dir", "data"],
            &format!("{NEW_PASSPHRASE}\n"),
        )
        .success()
        .stdout_has(&["root key was replaced"]);
    demo_cases_open(&browser, &links).await;

    world.run(&["seal", "--data-dir", "data"]).success();
    assert_eq!(browser.get(&links[0]).await.status, 503);
    unseal(&world, DEMO_PASSPHRASE).bad_input(&["refused"]);
    assert_eq!(
        browser.get(&links[0]).await.status,
        503,
        "the old passphrase unsealed"
    );
    unseal(&world, NEW_PASSPHRASE)
        .success()
        .stdout_has(&["unsealed"]);
    // The seal signed everyone out.
    assert_eq!(browser.get(&links[0]).await.status, 303);
    // The organisation keys were re-wrapped, not lost: the cases still open, for a
    // colleague signing in now.
    let colleague = server.browser();
    sign_in_demo(&colleague, "demo-admin").await;
    demo_cases_open(&colleague, &links).await;
    drop(server);
    audit_entries(&world);
}

fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The data directory is made owner-only, the database files too, and the control
/// socket is born owner-only; and even with every mode loosened afterwards, another
/// user's connection to the socket is refused (the server checks its peer's uid).
async fn the_data_directory_and_the_control_socket_are_the_owners_only(engine: Engine) {
    let world = coalition(engine).await;
    init_passphrase(&world, PASSPHRASE).success();
    let server = Running::serve(&world, &[]);
    let data = world.data_dir();
    assert_eq!(mode_of(&data), 0o700);
    if engine == Engine::Sqlite {
        for name in [
            "torchlight.sqlite3",
            "torchlight.sqlite3-wal",
            "torchlight.sqlite3-shm",
        ] {
            let file = data.join(name);
            if name == "torchlight.sqlite3" || file.exists() {
                assert_eq!(mode_of(&file), 0o600, "{name}");
            }
        }
    }
    // The codename key: owner-only, whole, and never left half-written.
    let codename_key = data.join("codename.key");
    assert_eq!(mode_of(&codename_key), 0o600);
    assert_eq!(std::fs::metadata(&codename_key).unwrap().len(), 32);
    assert!(!data.join("codename.key.partial").exists());
    unseal(&world, PASSPHRASE).success();
    let socket = data.join("control.sock");
    assert_eq!(mode_of(&socket), 0o600);

    // Loosened by mistake: everyone may reach and open the socket now.
    set_mode(world.path("").as_path(), 0o755);
    set_mode(&data, 0o755);
    set_mode(&socket, 0o666);
    // Tests run as root (the suite starts PostgreSQL with runuser); another user
    // is `nobody`.
    let other = std::process::Command::new("runuser")
        .args([
            "-u",
            "nobody",
            "--",
            crate::support::BINARY,
            "seal",
            "--data-dir",
            "data",
        ])
        .current_dir(world.path(""))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .expect("runuser");
    let stderr = String::from_utf8_lossy(&other.stderr);
    assert!(!other.status.success(), "{stderr}");
    assert!(
        stderr.contains("only the user the server runs as"),
        "{stderr}"
    );
    assert_eq!(login_status(&server).await, 200, "still unsealed");
    // The owner still may.
    world.run(&["seal", "--data-dir", "data"]).success();
    assert_eq!(login_status(&server).await, 503);
}
