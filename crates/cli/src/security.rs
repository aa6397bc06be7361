//! `init`, `unseal`, `seal`, `rotate`, `user` and `audit verify`.

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use anyhow::Context;
use torchlight_app::accounts::NewAccount;
use torchlight_app::audit::{Intact, Verdict};
use torchlight_app::keyring::{KeyringStatus, SealChoice};
use torchlight_app::{Actor, App, AppError};
use torchlight_core::access::Role;
use torchlight_core::signin::AccountStatus;
use torchlight_core::OrganizationId;
use torchlight_crypto::audit::ExportedHead;
use zeroize::Zeroizing;

use crate::commands::ConfiguredApp;
use crate::control::{self, Request};
use crate::BadInput;

/// A secret typed by a person: hidden on a terminal, asked twice when it is being
/// chosen; one line of standard input otherwise (scripts, tests).
fn read_secret(prompt: &str, confirm: bool) -> anyhow::Result<Zeroizing<String>> {
    if std::io::stdin().is_terminal() {
        let first = Zeroizing::new(rpassword::prompt_password(prompt)?);
        if confirm {
            let again = Zeroizing::new(rpassword::prompt_password("Again, to confirm: ")?);
            if first != again {
                return Err(BadInput("the two entries differ; nothing was changed".into()).into());
            }
        }
        Ok(first)
    } else {
        let mut line = Zeroizing::new(String::new());
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read standard input")?;
        let trimmed = Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_owned());
        if trimmed.is_empty() {
            return Err(BadInput("nothing was given on standard input".into()).into());
        }
        Ok(trimmed)
    }
}

/// The caller's mistakes exit 2 with their message; failures of the server 1.
pub fn bad(e: AppError) -> anyhow::Error {
    if e.is_callers_mistake() {
        BadInput(e.to_string()).into()
    } else {
        anyhow::Error::new(e)
    }
}

fn print_shares(shares: &[impl AsRef<str>], threshold: u8) {
    println!();
    println!(
        "Give each trustee ONE of these {} shares, on paper, in person. Any {threshold} of them unseal the server; fewer reveal nothing. They are shown only now and stored nowhere.",
        shares.len()
    );
    println!();
    for (n, share) in shares.iter().enumerate() {
        println!("  share {}: {}", n + 1, share.as_ref());
    }
    println!();
}

pub enum InitMode {
    Passphrase,
    Shares { threshold: u8, shares: u8 },
}

/// `torchlight init`: the deployment's root key and every organisation's key pair.
pub async fn init(configured: ConfiguredApp, mode: InitMode) -> anyhow::Result<()> {
    let app = configured.app;
    if app.keyring().status(None).await.map_err(bad)? != KeyringStatus::NotInitialized {
        return Err(BadInput(
            "the keyring is already set up; `torchlight rotate root` replaces the root key".into(),
        )
        .into());
    }
    let (choice, threshold) = match mode {
        InitMode::Passphrase => {
            let passphrase = read_secret("New passphrase (at least 12 characters): ", true)?;
            (SealChoice::Passphrase(passphrase), 0)
        }
        InitMode::Shares { threshold, shares } => {
            (SealChoice::Shamir { threshold, shares }, threshold)
        }
    };
    let shares = app.keyring().initialize(choice).await.map_err(bad)?;
    app.vault().seal();
    let organizations = app.keyring().organizations_with_keys().await.map_err(bad)?;
    println!("Keyring set up; {organizations} organisations have a key pair.");
    if !shares.is_empty() {
        let texts: Vec<&str> = shares.iter().map(|s| s.as_str()).collect();
        print_shares(&texts, threshold);
    }
    println!("The server starts sealed: unseal it with `torchlight unseal` or at /unseal.");
    Ok(())
}

/// `torchlight unseal`: one secret (the passphrase, or this trustee's share) to the
/// running server.
pub async fn unseal(data_dir: &Path) -> anyhow::Result<()> {
    let status = control::call(data_dir, &Request::Status).await?;
    if !status.ok {
        return Err(failure(status));
    }
    if status.message == "unsealed" {
        println!("The server is already unsealed.");
        return Ok(());
    }
    let prompt = match status.mode.as_deref() {
        Some("shares") => "Your share: ",
        _ => "Passphrase: ",
    };
    let secret = read_secret(prompt, false)?;
    let answer = control::call(data_dir, &Request::Unseal { secret }).await?;
    if !answer.ok {
        return Err(failure(answer));
    }
    println!("{}", answer.message);
    Ok(())
}

fn failure(answer: control::Answer) -> anyhow::Error {
    if answer.bad_input {
        BadInput(answer.message).into()
    } else {
        anyhow::anyhow!(answer.message)
    }
}

pub async fn seal(data_dir: &Path) -> anyhow::Result<()> {
    let answer = control::call(data_dir, &Request::Seal).await?;
    if !answer.ok {
        return Err(failure(answer));
    }
    println!("{}", answer.message);
    Ok(())
}

pub async fn rotate_organization(data_dir: &Path, organization: String) -> anyhow::Result<()> {
    let answer = control::call(data_dir, &Request::RotateOrganization { organization }).await?;
    if !answer.ok {
        return Err(failure(answer));
    }
    println!("{}", answer.message);
    Ok(())
}

pub async fn rotate_root(data_dir: &Path, mode: InitMode) -> anyhow::Result<()> {
    let (request, threshold) = match mode {
        InitMode::Passphrase => (
            Request::RotateRoot {
                passphrase: Some(read_secret(
                    "New passphrase (at least 12 characters): ",
                    true,
                )?),
                threshold: None,
                shares: None,
            },
            0,
        ),
        InitMode::Shares { threshold, shares } => (
            Request::RotateRoot {
                passphrase: None,
                threshold: Some(threshold),
                shares: Some(shares),
            },
            threshold,
        ),
    };
    let answer = control::call(data_dir, &request).await?;
    if !answer.ok {
        return Err(failure(answer));
    }
    println!("{}", answer.message);
    if !answer.shares.is_empty() {
        let texts: Vec<&str> = answer.shares.iter().map(|s| s.as_str()).collect();
        print_shares(&texts, threshold);
    }
    Ok(())
}

pub struct AddUser {
    pub organization: String,
    pub username: String,
    pub name: String,
    pub role: String,
}

/// `torchlight user add`: prints the account's one-time password.
pub async fn user_add(configured: ConfiguredApp, add: AddUser) -> anyhow::Result<()> {
    let app = configured.app;
    let role = Role::from_code(add.role.trim()).map_err(|e| BadInput(format!("--role: {e}")))?;
    let organization = resolve_organization(&app, &add.organization).await?;
    let account = NewAccount {
        organization,
        username: add.username,
        display_name: add.name,
        role,
    };
    let (user, password) = app
        .accounts()
        .add_user(account, &Actor::Operator)
        .await
        .map_err(bad)?;
    println!(
        "Account {} ({}) created in organisation {}.",
        user.username, user.role, user.organization_id
    );
    println!(
        "One-time password (give it in person; it is shown only now): {}",
        password.as_str()
    );
    println!("At first sign-in they choose a password and set up an authenticator app.");
    Ok(())
}

/// `--org`: an organisation of the stored directory, by id or exact name.
async fn resolve_organization(app: &App, given: &str) -> anyhow::Result<OrganizationId> {
    let directory = app.store().load_directory().await?;
    control::resolve_in(&directory, given).map_err(|e| BadInput(format!("--org: {e}")).into())
}

async fn find_user(app: &App, username: &str) -> anyhow::Result<torchlight_store::StaffUser> {
    app.accounts()
        .by_username(username)
        .await
        .map_err(bad)?
        .ok_or_else(|| {
            BadInput(format!(
                "no account named {}",
                username.trim().to_lowercase()
            ))
            .into()
        })
}

pub async fn user_set_disabled(
    configured: ConfiguredApp,
    username: &str,
    disabled: bool,
) -> anyhow::Result<()> {
    let app = configured.app;
    let user = find_user(&app, username).await?;
    let name = user.username.clone();
    app.accounts()
        .set_disabled(user, disabled, &Actor::Operator)
        .await
        .map_err(bad)?;
    if disabled {
        println!("Account {name} disabled; its sessions have ended.");
    } else {
        println!("Account {name} enabled.");
    }
    Ok(())
}

pub async fn user_reset(configured: ConfiguredApp, username: &str) -> anyhow::Result<()> {
    let app = configured.app;
    let user = find_user(&app, username).await?;
    let name = user.username.clone();
    let password = app
        .accounts()
        .reset(user, &Actor::Operator)
        .await
        .map_err(bad)?;
    println!("Account {name} reset: its second factor and recovery codes are removed and its sessions ended.");
    println!(
        "One-time password (give it in person; it is shown only now): {}",
        password.as_str()
    );
    Ok(())
}

pub async fn user_list(configured: ConfiguredApp, organization: &str) -> anyhow::Result<()> {
    let app = configured.app;
    let organization = resolve_organization(&app, organization).await?;
    let scope = torchlight_app::Scope::for_operator(organization);
    for user in app.accounts().of_organization(scope).await.map_err(bad)? {
        let status = AccountStatus::of(torchlight_app::signin::progress(&user));
        println!(
            "{}\t{}\t{}\t{}",
            user.username,
            user.role,
            status.code(),
            user.display_name
        );
    }
    Ok(())
}

pub async fn audit_verify(
    configured: ConfiguredApp,
    expected: Option<ExportedHead>,
) -> anyhow::Result<()> {
    let intact = intact_log(&configured, expected).await?;
    // The hash alone, as this line has always shown it; `audit head` prints SEQ:HASH.
    let head_text = intact
        .head
        .map(|head| head.hash_hex())
        .unwrap_or_else(|| "(empty)".to_owned());
    println!(
        "audit log intact: {} entries; head {head_text}",
        intact.entries
    );
    if intact.unsigned_tail > 0 {
        // On stderr: stdout stays the one line scripts read.
        eprintln!(
            "note: the last {} entries were written while sealed and are not signed yet; \
             the next entry of the unsealed server signs them",
            intact.unsigned_tail
        );
    }
    Ok(())
}

/// `audit head`: the head of a verified log, alone on its line, for scripts.
pub async fn audit_head(configured: ConfiguredApp) -> anyhow::Result<()> {
    match intact_log(&configured, None).await?.head {
        Some(head) => {
            println!("{head}");
            Ok(())
        }
        None => Err(anyhow::anyhow!(
            "the audit log is empty: there is no head to export before `torchlight init`"
        )),
    }
}

async fn intact_log(
    configured: &ConfiguredApp,
    expected: Option<ExportedHead>,
) -> anyhow::Result<Intact> {
    match configured.app.audit().verify(expected).await.map_err(bad)? {
        Verdict::Intact(intact) => Ok(intact),
        Verdict::Tampered(what) => Err(anyhow::anyhow!(
            "the audit log has been tampered with: {what}"
        )),
    }
}
