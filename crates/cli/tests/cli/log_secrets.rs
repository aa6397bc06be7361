//! Secrets never reach the server's output, even at `log = "debug"`: canary
//! passphrases, passwords and shares go through every path a person would use
//! (the CLI's standard input, the /unseal form, the sign-in forms), right and
//! wrong, and then the whole captured output is searched for them. The same output
//! must hold the request lines of those POSTs, so the search cannot pass on an
//! empty or silent log.

use crate::both_engines;
use crate::running::{Browser, Running};
use crate::security::{
    coalition, enrol, init_passphrase, init_shares, login_status, one_time_password,
    organization_names, sign_in, typo, unseal, user_add,
};
use crate::support::Engine;

both_engines!(
    canary_passphrase_and_passwords_never_reach_the_log,
    canary_shares_never_reach_the_log,
);

const DEBUG: [(&str, &str); 1] = [("TORCHLIGHT_LOG", "debug")];

/// Canaries of letters, digits and dashes only: the same text raw, in a form body
/// and in a URL, so a leak in any of those shapes is found.
const CANARY_PASSPHRASE: &str = "canary-passphrase-Q7X2-root";
const CANARY_WRONG_PASSPHRASE: &str = "canary-wrong-passphrase-J4K9";
const CANARY_PASSWORD: &str = "canary-password-Z8M3-staff";
const CANARY_WRONG_PASSWORD: &str = "canary-wrong-password-P5R1";

/// Whether the log has the request line of `method path` (see `log_request`).
fn logged_request(log: &str, method: &str, path: &str) -> bool {
    log.lines().any(|line| {
        line.contains(&format!("method={method}")) && line.contains(&format!("path=\"{path}\""))
    })
}

/// The positive control: debug lines and the request lines of every POST made.
fn assert_log_is_live(log: &str, posts: &[&str]) {
    assert!(log.contains("DEBUG"), "not at debug level:\n{log}");
    for path in posts {
        assert!(
            logged_request(log, "POST", path),
            "no request line for POST {path}:\n{log}"
        );
    }
}

fn assert_absent(log: &str, secrets: &[(&str, String)]) {
    for (what, secret) in secrets {
        assert!(!secret.is_empty(), "{what} is empty");
        assert!(
            !log.contains(secret.as_str()),
            "{what} {secret:?} is in the log:\n{log}"
        );
    }
}

async fn canary_passphrase_and_passwords_never_reach_the_log(engine: Engine) {
    let world = coalition(engine).await;
    let init = init_passphrase(&world, CANARY_PASSPHRASE).success();
    assert!(!init.stdout.contains(CANARY_PASSPHRASE) && !init.stderr.contains(CANARY_PASSPHRASE));
    let added = user_add(&world, &organization_names()[0], "nadia", "caseworker").success();
    let one_time = one_time_password(&added);

    let mut server = Running::serve(&world, &DEBUG);
    let browser = server.browser();

    // A wrong passphrase at /unseal is refused; the right one through the CLI.
    let form = browser.get("/unseal").await;
    assert_eq!(form.status, 200, "{form:?}");
    let refused = browser
        .post(
            "/unseal",
            &[
                ("csrf", &form.hidden("csrf")),
                ("secret", CANARY_WRONG_PASSPHRASE),
            ],
        )
        .await;
    assert_eq!(refused.status, 403, "{refused:?}");
    assert_eq!(login_status(&server).await, 503);
    let unsealed = unseal(&world, CANARY_PASSPHRASE)
        .success()
        .stdout_has(&["unsealed"]);
    assert!(!unsealed.stdout.contains(CANARY_PASSPHRASE));
    assert_eq!(
        login_status(&server).await,
        200,
        "the canary passphrase did not unseal"
    );

    // A wrong password, then the one-time password and a new canary password.
    assert_eq!(
        sign_in(&browser, "nadia", CANARY_WRONG_PASSWORD)
            .await
            .status,
        401
    );
    sign_in(&browser, "nadia", &one_time)
        .await
        .redirects_to("/staff/password");
    let form = browser.get("/staff/password").await;
    assert_eq!(form.status, 200, "{form:?}");
    browser
        .post(
            "/staff/password",
            &[
                ("csrf", &form.hidden("csrf")),
                ("new_password", CANARY_PASSWORD),
                ("repeat", CANARY_PASSWORD),
            ],
        )
        .await
        .redirects_to("/staff/enrol");
    let (secret, recovery) = enrol(&browser).await;
    let session = browser.cookie("tl_session").expect("a session cookie");
    let codes: Vec<String> = recovery
        .body
        .split("<code>")
        .skip(1)
        .filter_map(|rest| rest.split("</code>").next())
        .map(str::to_owned)
        .collect();
    assert!(
        !codes.is_empty(),
        "no recovery codes shown:\n{}",
        recovery.body
    );

    // The canary password is really the account's password now.
    let again = Browser::new(&server.base);
    sign_in(&again, "nadia", CANARY_PASSWORD)
        .await
        .redirects_to("/staff/verify");
    assert_eq!(
        sign_in(&Browser::new(&server.base), "nadia", &one_time)
            .await
            .status,
        401
    );

    let log = server.stop();
    assert_log_is_live(
        &log,
        &["/unseal", "/staff/login", "/staff/password", "/staff/enrol"],
    );
    let mut secrets = vec![
        ("the passphrase", CANARY_PASSPHRASE.to_owned()),
        ("a wrong passphrase", CANARY_WRONG_PASSPHRASE.to_owned()),
        ("the new password", CANARY_PASSWORD.to_owned()),
        ("a wrong password", CANARY_WRONG_PASSWORD.to_owned()),
        ("the one-time password", one_time),
        ("the TOTP secret", secret.to_base32()),
        ("the session token", session),
    ];
    secrets.extend(codes.into_iter().map(|code| ("a recovery code", code)));
    assert_absent(&log, &secrets);
}

async fn canary_shares_never_reach_the_log(engine: Engine) {
    let world = coalition(engine).await;
    let shares = init_shares(&world, 5, 3);
    let mut server = Running::serve(&world, &DEBUG);
    let browser = server.browser();

    unseal(&world, &shares[0]).success().stdout_has(&["1 of 3"]);
    let form = browser.get("/unseal").await;
    assert_eq!(form.status, 200, "{form:?}");
    let csrf = form.hidden("csrf");
    let mistyped = typo(&shares[1]);
    let refused = browser
        .post("/unseal", &[("csrf", &csrf), ("secret", &mistyped)])
        .await;
    assert_eq!(refused.status, 400, "{refused:?}");
    let accepted = browser
        .post("/unseal", &[("csrf", &csrf), ("secret", &shares[1])])
        .await;
    assert_eq!(accepted.status, 200, "{accepted:?}");
    // The browser's share went into the browser's own unsealing, which neither
    // joins nor sees the operator's: the operator's needs two more of its own.
    assert!(accepted.body.contains("1 of 3"), "{accepted:?}");
    // Anyone else's browser sees nobody's progress.
    let stranger = server.browser().get("/unseal").await;
    assert!(stranger.body.contains("0 of 3"), "{stranger:?}");
    assert_eq!(login_status(&server).await, 503);
    unseal(&world, &shares[2]).success().stdout_has(&["2 of 3"]);
    unseal(&world, &shares[3])
        .success()
        .stdout_has(&["unsealed"]);
    assert_eq!(
        login_status(&server).await,
        200,
        "the canary shares did not unseal"
    );

    let log = server.stop();
    assert_log_is_live(&log, &["/unseal"]);
    let mut secrets = vec![("a mistyped share", mistyped)];
    for share in &shares {
        secrets.push(("a share", share.clone()));
        // Its letters without the dashes, as a decoder might print them.
        let payload: Vec<&str> = share.split('-').collect();
        let inner = payload[3..payload.len() - 1].concat();
        secrets.push(("a share's payload", inner.clone()));
        secrets.push(("a share's payload", inner.to_uppercase()));
    }
    assert_absent(&log, &secrets);
}
