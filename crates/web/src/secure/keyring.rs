//! Setting up the root key, unsealing, sealing and rotating keys.

use torchlight_crypto::keyring::{self as root, KeyringRecord, Share};
use torchlight_crypto::orgkey::{OrgKeyPair, OrgSecretKey};
use torchlight_crypto::vault::{UnsealProgress, Vault};
use torchlight_store::{OrganizationKey, Store};
use uuid::Uuid;

use super::{now_ms, Actor, SecurityError};

/// How the root key is recovered.
pub enum SealChoice {
    Passphrase(zeroize::Zeroizing<String>),
    Shamir { threshold: u8, shares: u8 },
}

/// Creates the root key and a key pair for every organisation of the directory,
/// leaving `vault` unsealed. Returns the shares to hand to trustees (none in
/// passphrase mode); they exist nowhere else.
pub async fn initialize(
    store: &dyn Store,
    vault: &Vault,
    choice: SealChoice,
) -> Result<Vec<Share>, SecurityError> {
    if store.keyring().await?.is_some() {
        return Err(SecurityError::AlreadyInitialized);
    }
    let (record, root_key, shares) = new_root(choice, 1).await?;
    let directory = store.load_directory().await?;
    let keys: Vec<OrganizationKey> = directory
        .organizations
        .iter()
        .map(|org| new_organization_key(&root_key, org.id, 1, record.version))
        .collect();
    store
        .initialize_keyring(&record, &keys, Actor::Operator.event("keyring.init", None))
        .await
        .map_err(|e| match e {
            torchlight_store::StoreError::Rejected(_) => SecurityError::AlreadyInitialized,
            other => other.into(),
        })?;
    vault.unseal_with_root(root_key, record.version);
    Ok(shares)
}

async fn new_root(
    choice: SealChoice,
    version: u32,
) -> Result<(KeyringRecord, root::RootKey, Vec<Share>), SecurityError> {
    // Argon2id at the keyring's cost takes a good fraction of a second.
    tokio::task::spawn_blocking(move || match choice {
        SealChoice::Passphrase(passphrase) => root::init_passphrase(&passphrase, version)
            .map(|(record, key)| (record, key, Vec::new())),
        SealChoice::Shamir { threshold, shares } => root::init_shamir(threshold, shares, version),
    })
    .await
    .map_err(|e| SecurityError::Invalid(format!("key generation stopped: {e}")))?
    .map_err(Into::into)
}

fn new_organization_key(
    root_key: &root::RootKey,
    organization: Uuid,
    version: i64,
    root_version: u32,
) -> OrganizationKey {
    let pair = OrgKeyPair::generate();
    let org = organization.to_string();
    OrganizationKey {
        organization_id: organization,
        version,
        public_key: pair.public.to_text(),
        wrapped_secret: pair.secret.wrap(
            root_key,
            &org,
            u32::try_from(version).unwrap_or(u32::MAX),
        ),
        root_version: i64::from(root_version),
        created_at_ms: now_ms(),
    }
}

async fn record(store: &dyn Store) -> Result<KeyringRecord, SecurityError> {
    store.keyring().await?.ok_or(SecurityError::NotInitialized)
}

/// Unseals with the passphrase.
pub async fn unseal_with_passphrase(
    store: &dyn Store,
    vault: &Vault,
    passphrase: zeroize::Zeroizing<String>,
    actor: &Actor,
) -> Result<(), SecurityError> {
    let record = record(store).await?;
    let vault_record = record.clone();
    // Argon2id at the keyring's cost would stall the async workers.
    let root_key =
        tokio::task::spawn_blocking(move || root::unlock_passphrase(&vault_record, &passphrase))
            .await
            .map_err(|e| SecurityError::Invalid(format!("unsealing stopped: {e}")))?;
    match root_key {
        Ok(key) => {
            vault.unseal_with_root(key, record.version);
            store
                .append_audit(actor.event("keyring.unseal", None))
                .await?;
            after_unseal(store, vault).await
        }
        Err(e) => {
            store
                .append_audit(actor.event("keyring.unseal_refused", None))
                .await?;
            Err(e.into())
        }
    }
}

/// Adds one trustee's share.
pub async fn submit_share(
    store: &dyn Store,
    vault: &Vault,
    share_text: &str,
    actor: &Actor,
) -> Result<UnsealProgress, SecurityError> {
    let record = record(store).await?;
    let share = root::parse_share(share_text)?;
    match vault.submit_share(&record, share) {
        Ok(UnsealProgress::Unsealed) => {
            store
                .append_audit(actor.event("keyring.unseal", None))
                .await?;
            after_unseal(store, vault).await?;
            Ok(UnsealProgress::Unsealed)
        }
        Ok(pending) => {
            store
                .append_audit(actor.event("keyring.share_entered", None))
                .await?;
            Ok(pending)
        }
        Err(e) => {
            store
                .append_audit(actor.event("keyring.unseal_refused", None))
                .await?;
            Err(e.into())
        }
    }
}

/// Drops every key from memory.
pub async fn seal(store: &dyn Store, vault: &Vault, actor: &Actor) -> Result<(), SecurityError> {
    vault.seal();
    store
        .append_audit(actor.event("keyring.seal", None))
        .await?;
    Ok(())
}

/// Gives a key pair to every organisation of the directory that has none: those
/// added by an import after `init`.
pub async fn after_unseal(store: &dyn Store, vault: &Vault) -> Result<(), SecurityError> {
    let directory = store.load_directory().await?;
    let existing = store.organization_keys().await?;
    let missing: Vec<Uuid> = directory
        .organizations
        .iter()
        .map(|org| org.id)
        .filter(|id| !existing.iter().any(|key| key.organization_id == *id))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let keys = vault.with_root(|root_key, version| {
        missing
            .iter()
            .map(|id| new_organization_key(root_key, *id, 1, version))
            .collect::<Vec<_>>()
    })?;
    store
        .add_organization_keys(
            &keys,
            Actor::Operator.event("keyring.organization_keys_added", None),
        )
        .await?;
    Ok(())
}

/// The organisation's current secret key, unwrapped by the vault.
pub async fn organization_secret(
    store: &dyn Store,
    vault: &Vault,
    organization: Uuid,
    version: i64,
) -> Result<OrgSecretKey, SecurityError> {
    if vault.is_sealed() {
        return Err(SecurityError::Sealed);
    }
    let key = store
        .organization_key(organization, version)
        .await?
        .ok_or(SecurityError::NoOrganizationKey(organization))?;
    let version = u32::try_from(key.version)
        .map_err(|_| SecurityError::Invalid("key version out of range".into()))?;
    Ok(vault.organization_secret(&organization.to_string(), version, &key.wrapped_secret)?)
}

/// A new key pair for `organization`; every data key wrapped for it is re-wrapped
/// to the new public key (the content is not touched) and the old secret keys are
/// deleted.
pub async fn rotate_organization_key(
    store: &dyn Store,
    vault: &Vault,
    organization: Uuid,
    actor: &Actor,
) -> Result<i64, SecurityError> {
    let current = store
        .current_organization_key(organization)
        .await?
        .ok_or(SecurityError::NoOrganizationKey(organization))?;
    let old_secret = organization_secret(store, vault, organization, current.version).await?;
    let next_version = current.version + 1;
    let new_key = vault.with_root(|root_key, root_version| {
        new_organization_key(root_key, organization, next_version, root_version)
    })?;
    let new_public = torchlight_crypto::orgkey::OrgPublicKey::parse(&new_key.public_key)?;
    let mut rewrapped = Vec::new();
    for mut case_key in store.case_keys_of_organization(organization).await? {
        let data_key =
            torchlight_crypto::envelope::DataKey::unwrap(&case_key.wrapped_key, &old_secret)?;
        case_key.wrapped_key = data_key.wrap(&new_public);
        case_key.key_version = next_version;
        rewrapped.push(case_key);
    }
    store
        .rotate_organization_key(
            &new_key,
            &rewrapped,
            actor.event(
                "keyring.rotate_organization_key",
                Some(organization.to_string()),
            ),
        )
        .await?;
    vault.forget_organization_keys();
    Ok(next_version)
}

/// A new root key: every organisation secret key and every TOTP secret is
/// re-sealed under it. The vault then holds the new key. Returns new shares.
pub async fn rotate_root(
    store: &dyn Store,
    vault: &Vault,
    choice: SealChoice,
    actor: &Actor,
) -> Result<Vec<Share>, SecurityError> {
    let record = record(store).await?;
    let (new_record, new_root, shares) = new_root(choice, record.version + 1).await?;
    let keys = store.organization_keys().await?;
    let mut resealed = Vec::with_capacity(keys.len());
    for mut key in keys {
        let org = key.organization_id.to_string();
        let version = u32::try_from(key.version)
            .map_err(|_| SecurityError::Invalid("key version out of range".into()))?;
        let secret = vault.with_root(|old_root, _| {
            OrgSecretKey::unwrap(old_root, &org, version, &key.wrapped_secret)
        })??;
        key.wrapped_secret = secret.wrap(&new_root, &org, version);
        key.root_version = i64::from(new_record.version);
        resealed.push(key);
    }
    let mut totp = Vec::new();
    for organization in store
        .organization_keys()
        .await?
        .iter()
        .map(|k| k.organization_id)
        .collect::<std::collections::BTreeSet<_>>()
    {
        for user in store.users_of_organization(organization).await? {
            if let Some(sealed) = &user.totp_sealed {
                let context = super::accounts::totp_context(user.id);
                let secret = vault.with_root(|old_root, _| old_root.open(&context, sealed))??;
                totp.push((user.id, new_root.seal(&context, &secret)));
            }
        }
    }
    store
        .rotate_root(
            &new_record,
            &resealed,
            &totp,
            actor.event("keyring.rotate_root", None),
        )
        .await?;
    vault.seal();
    vault.unseal_with_root(new_root, new_record.version);
    Ok(shares)
}
