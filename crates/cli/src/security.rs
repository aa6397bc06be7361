//! `init`, `unseal`, `seal`, `rotate`, `user` and `audit verify`.

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use anyhow::Context;
use torchlight_core::access::Role;
use torchlight_crypto::audit::ChainVerifier;
use torchlight_crypto::vault::Vault;
use torchlight_store::SharedStore;
use torchlight_web::secure::accounts::{self, NewAccount, PasswordHasher};
use torchlight_web::secure::keyring::{self, SealChoice};
use torchlight_web::secure::{Actor, SecurityError};
use zeroize::Zeroizing;

use crate::commands::ConfiguredStore;
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

fn bad(e: SecurityError) -> anyhow::Error {
    match e {
        SecurityError::Store(e) => anyhow::Error::new(e),
        SecurityError::Crypto(e) => anyhow::anyhow!("stored key material does not open: {e}"),
        other => BadInput(other.to_string()).into(),
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
pub async fn init(configured: ConfiguredStore, mode: InitMode) -> anyhow::Result<()> {
    let store = configured.store;
    if store.keyring().await?.is_some() {
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
    let vault = Vault::sealed();
    let shares = keyring::initialize(store.as_ref(), &vault, choice)
        .await
        .map_err(bad)?;
    vault.seal();
    let organizations = store.organization_keys().await?.len();
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
pub async fn user_add(configured: ConfiguredStore, add: AddUser) -> anyhow::Result<()> {
    let store = configured.store;
    let role = Role::from_code(add.role.trim()).map_err(|e| BadInput(format!("--role: {e}")))?;
    let directory = store.load_directory().await?;
    let organization = control::resolve_in(&directory, &add.organization)
        .map_err(|e| BadInput(format!("--org: {e}")))?;
    let hasher = PasswordHasher::new(1);
    let account = NewAccount {
        organization,
        username: add.username,
        display_name: add.name,
        role,
    };
    let (user, password) = accounts::add_user(store.as_ref(), &hasher, account, &Actor::Operator)
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

async fn find_user(
    store: &SharedStore,
    username: &str,
) -> anyhow::Result<torchlight_store::StaffUser> {
    let normalized = accounts::normalize_username(username).map_err(bad)?;
    store
        .user_by_username(&normalized)
        .await?
        .ok_or_else(|| BadInput(format!("no account named {normalized}")).into())
}

pub async fn user_set_disabled(
    configured: ConfiguredStore,
    username: &str,
    disabled: bool,
) -> anyhow::Result<()> {
    let store = configured.store;
    let user = find_user(&store, username).await?;
    let name = user.username.clone();
    accounts::set_disabled(store.as_ref(), user, disabled, &Actor::Operator)
        .await
        .map_err(bad)?;
    if disabled {
        println!("Account {name} disabled; its sessions have ended.");
    } else {
        println!("Account {name} enabled.");
    }
    Ok(())
}

pub async fn user_reset(configured: ConfiguredStore, username: &str) -> anyhow::Result<()> {
    let store = configured.store;
    let user = find_user(&store, username).await?;
    let name = user.username.clone();
    let password = accounts::reset(
        store.as_ref(),
        &PasswordHasher::new(1),
        user,
        &Actor::Operator,
    )
    .await
    .map_err(bad)?;
    println!("Account {name} reset: its second factor and recovery codes are removed and its sessions ended.");
    println!(
        "One-time password (give it in person; it is shown only now): {}",
        password.as_str()
    );
    Ok(())
}

pub async fn user_list(configured: ConfiguredStore, organization: &str) -> anyhow::Result<()> {
    let store = configured.store;
    let directory = store.load_directory().await?;
    let organization = control::resolve_in(&directory, organization)
        .map_err(|e| BadInput(format!("--org: {e}")))?;
    for user in store.users_of_organization(organization).await? {
        let state = match (user.disabled, user.totp_sealed.is_some()) {
            (true, _) => "disabled",
            (false, true) => "active",
            (false, false) => "not yet signed in",
        };
        println!(
            "{}\t{}\t{}\t{}",
            user.username, user.role, state, user.display_name
        );
    }
    Ok(())
}

/// How many entries `audit verify` reads at a time.
const AUDIT_BATCH: i64 = 1000;

/// `torchlight audit verify`: walks the whole chain; the first bad entry is named.
pub async fn audit_verify(configured: ConfiguredStore) -> anyhow::Result<()> {
    let store = configured.store;
    let mut verifier = ChainVerifier::new();
    let mut after = 0;
    loop {
        let batch = store.audit_entries(after, AUDIT_BATCH).await?;
        let Some(last) = batch.last() else { break };
        after = last.seq;
        for entry in &batch {
            verifier
                .check(entry)
                .map_err(|e| anyhow::anyhow!("the audit log has been tampered with: {e}"))?;
        }
    }
    let head = store.audit_head().await?;
    let last = verifier.head();
    match (head, last) {
        (None, None) => {}
        (Some((seq, hash)), Some(found)) if seq == after && hash == found => {}
        (Some((seq, _)), _) => {
            return Err(anyhow::anyhow!(
                "the audit log has been tampered with: the log ends at entry {after} but entry {seq} was written (entries were cut from the end or the last one was changed)"
            ))
        }
        (None, Some(_)) => {
            return Err(anyhow::anyhow!(
                "the audit log has been tampered with: its head record is missing"
            ))
        }
    }
    let head_text = last
        .map(|h| h.iter().map(|b| format!("{b:02x}")).collect::<String>())
        .unwrap_or_else(|| "(empty)".into());
    println!(
        "audit log intact: {} entries; head {head_text}",
        verifier.checked()
    );
    Ok(())
}
