//! Setting up the root key, unsealing, sealing and rotating keys.

use std::net::IpAddr;

use torchlight_core::OrganizationId;
use torchlight_crypto::envelope::DataKey;
use torchlight_crypto::keyring::{self as root, KeyringRecord, SealMode, Share};
use torchlight_crypto::orgkey::{OrgKeyPair, OrgPublicKey, OrgSecretKey};
use torchlight_crypto::signer::{Signer, SignerPublicKey};
use torchlight_crypto::vault::{SealStatus, UnsealProgress};
use torchlight_crypto::Argon2Cost;
use torchlight_crypto::CryptoError;
use torchlight_store::{Change, KeyBinding, OrganizationKey, StoreError, UnitOfWork};

use crate::{Actor, App, AppError};

mod epochs;

/// The keyring service of an [`App`].
pub struct Keyring<'a> {
    pub(crate) app: &'a App,
}

/// Where the keyring stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyringStatus {
    /// `torchlight init` has not run.
    NotInitialized,
    Unsealed,
    /// Sealed, unsealed by a passphrase.
    SealedByPassphrase,
    /// Sealed, unsealed by trustees' shares, of which some may be in already.
    SealedByShares {
        entered: u8,
        threshold: u8,
    },
}

/// How an attempt to unseal went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsealing {
    /// Too many failed attempts from this client lately: not even tried.
    Throttled(crate::throttle::Blocked),
    NotInitialized,
    /// It was unsealed already: nothing was tried.
    AlreadyUnsealed,
    /// Unsealed now, or a share accepted with more to come.
    Progress(UnsealProgress),
    /// A well-formed passphrase or share that is not the keyring's.
    Refused,
    /// Another passphrase is being checked right now: nothing was tried. One key
    /// derivation runs at a time, so a flood of guesses cannot exhaust memory.
    Busy,
    /// Too many trustees' unsealings are under way at once: this share starts
    /// none (those under way are kept).
    Crowded,
    /// Not a share at all (a typo the checksum caught), or a passphrase too short.
    Malformed,
}

/// How the root key is recovered.
pub enum SealChoice {
    Passphrase(zeroize::Zeroizing<String>),
    Shamir { threshold: u8, shares: u8 },
}

async fn new_root(
    choice: SealChoice,
    version: u32,
    cost: Argon2Cost,
) -> Result<(KeyringRecord, root::RootKey, Vec<Share>), AppError> {
    // Argon2id at the keyring's cost takes a good fraction of a second.
    tokio::task::spawn_blocking(move || match choice {
        SealChoice::Passphrase(passphrase) => root::init_passphrase_at(&passphrase, version, cost)
            .map(|(record, key)| (record, key, Vec::new())),
        SealChoice::Shamir { threshold, shares } => root::init_shamir(threshold, shares, version),
    })
    .await
    .map_err(|e| AppError::Internal(format!("key generation stopped: {e}")))?
    .map_err(Into::into)
}

fn new_organization_key(
    root_key: &root::RootKey,
    organization: OrganizationId,
    version: i64,
    root_version: u32,
    now_ms: i64,
) -> OrganizationKey {
    let pair = OrgKeyPair::generate();
    let org = organization.to_string();
    let public_key = pair.public.to_text();
    let binding =
        Signer::derive(root_key, root_version).bind_organization_key(&org, version, &public_key);
    OrganizationKey {
        organization_id: organization,
        version,
        public_key,
        wrapped_secret: pair.secret.wrap(
            root_key,
            &org,
            u32::try_from(version).unwrap_or(u32::MAX),
        ),
        root_version: i64::from(root_version),
        created_at_ms: now_ms,
        binding: Some(binding.to_vec()),
    }
}

fn record_signer(signer: &Signer) -> Change {
    Change::RecordSigner {
        root_version: signer.root_version(),
        public_key: signer.public_key().to_bytes().to_vec(),
    }
}

/// Organisation public keys already shown authentic, by organisation, version and
/// the key's text: a key a database writer put in place of one has another text,
/// so it is checked again (and refused), never taken from here.
///
/// It also remembers each organisation's current key, so intake reads it once
/// and not per request; anything that changes keys (a seal, a rotation, keys
/// added or bound at unseal) forgets them all. A request wrapped to a key a
/// rotation replaced meanwhile is refused by the store and sent again
/// (`Intake::submit`).
///
/// And it holds intake's wrap epochs (`epochs`), which end with the keys they
/// wrap to.
#[derive(Default)]
pub(crate) struct AuthenticKeys(std::sync::Mutex<Remembered>, epochs::WrapEpochs);

#[derive(Default)]
struct Remembered {
    shown: std::collections::HashSet<(OrganizationId, i64, String)>,
    current: std::collections::HashMap<OrganizationId, (OrganizationKey, OrgPublicKey)>,
}

impl AuthenticKeys {
    fn contains(&self, key: &(OrganizationId, i64, String)) -> bool {
        self.0
            .lock()
            .map(|keys| keys.shown.contains(key))
            .unwrap_or(false)
    }

    /// Forgets every key: the next use reads and checks again.
    pub(crate) fn clear(&self) {
        if let Ok(mut keys) = self.0.lock() {
            keys.shown.clear();
            keys.current.clear();
        }
        self.1.clear();
    }

    fn insert(&self, key: (OrganizationId, i64, String)) {
        if let Ok(mut keys) = self.0.lock() {
            keys.shown.insert(key);
        }
    }

    fn current(&self, organization: OrganizationId) -> Option<(OrganizationKey, OrgPublicKey)> {
        self.0
            .lock()
            .ok()
            .and_then(|keys| keys.current.get(&organization).cloned())
    }

    fn remember_current(&self, key: &OrganizationKey, public: &OrgPublicKey) {
        if let Ok(mut keys) = self.0.lock() {
            keys.current
                .insert(key.organization_id, (key.clone(), public.clone()));
        }
    }
}

impl Keyring<'_> {
    /// Creates the root key and a key pair for every organisation of the
    /// directory, leaving the vault unsealed. Returns the shares to hand to
    /// trustees (none in passphrase mode); they exist nowhere else.
    pub async fn initialize(&self, choice: SealChoice) -> Result<Vec<Share>, AppError> {
        let store = self.app.store();
        if store.keyring().await?.is_some() {
            return Err(AppError::AlreadyInitialized);
        }
        let cost = self.app.hasher().cost().passphrase();
        let (record, root_key, shares) = new_root(choice, 1, cost).await?;
        let directory = store.load_directory().await?;
        let now = self.app.now_ms();
        let keys: Vec<OrganizationKey> = directory
            .organizations
            .iter()
            .map(|org| new_organization_key(&root_key, org.id, 1, record.version, now))
            .collect();
        let version = record.version;
        let signer = Signer::derive(&root_key, version);
        let unit = self
            .app
            .unit(&Actor::Operator, "keyring.init", None)
            .with(Change::InitializeKeyring { record, keys })
            .with(record_signer(&signer))
            .signed_by(Some(signer));
        store.commit(unit).await.map_err(|e| match e {
            StoreError::Rejected(_) => AppError::AlreadyInitialized,
            other => other.into(),
        })?;
        self.app.vault().unseal_with_root(root_key, version);
        Ok(shares)
    }

    async fn record(&self) -> Result<KeyringRecord, AppError> {
        self.app
            .store()
            .keyring()
            .await?
            .ok_or(AppError::NotInitialized)
    }

    /// How many organisations have a key pair.
    pub async fn organizations_with_keys(&self) -> Result<usize, AppError> {
        Ok(self.organizations_keyed().await?.len())
    }

    /// The organisations that have a key pair.
    pub(crate) async fn organizations_keyed(
        &self,
    ) -> Result<std::collections::BTreeSet<OrganizationId>, AppError> {
        let keys = self.app.store().organization_keys().await?;
        Ok(keys.iter().map(|k| k.organization_id).collect())
    }

    /// The signing key recorded for root version `version`, as stored.
    async fn recorded_signer_bytes(&self, version: u32) -> Result<Option<Vec<u8>>, AppError> {
        Ok(self
            .app
            .store()
            .audit_signers()
            .await?
            .into_iter()
            .find(|(recorded, _)| *recorded == version)
            .map(|(_, bytes)| bytes))
    }

    /// Where the keyring stands, as `unsealing` (see `unseal`) may see it: the
    /// shares it entered itself, not anyone else's.
    pub async fn status(&self, unsealing: Option<&str>) -> Result<KeyringStatus, AppError> {
        let Some(record) = self.app.store().keyring().await? else {
            return Ok(KeyringStatus::NotInitialized);
        };
        Ok(match self.app.vault().status(Some(&record), unsealing) {
            SealStatus::Unsealed => KeyringStatus::Unsealed,
            SealStatus::Sealed {
                shares_entered,
                threshold,
            } => match record.mode {
                SealMode::Passphrase { .. } => KeyringStatus::SealedByPassphrase,
                SealMode::Shamir { .. } => KeyringStatus::SealedByShares {
                    entered: shares_entered,
                    threshold,
                },
            },
        })
    }

    /// Unseals with whatever the keyring takes: `secret` is the passphrase, or one
    /// trustee's share, entered into the unsealing `unsealing` (a browser's, or
    /// the operator's), whose shares combine only with each other. Failures from
    /// `client` are counted, and past the limit attempts are refused before any
    /// work. Every attempt is recorded.
    pub async fn unseal(
        &self,
        secret: zeroize::Zeroizing<String>,
        client: Option<IpAddr>,
        actor: &Actor,
        unsealing: &str,
    ) -> Result<Unsealing, AppError> {
        let attempt = match self.app.throttle().begin_unseal(client, self.app.now_ms()) {
            Ok(attempt) => attempt,
            Err(blocked) => return Ok(Unsealing::Throttled(blocked)),
        };
        let Some(record) = self.app.store().keyring().await? else {
            return Ok(Unsealing::NotInitialized);
        };
        if !self.app.vault().is_sealed() {
            return Ok(Unsealing::AlreadyUnsealed);
        }
        let result = match record.mode {
            SealMode::Passphrase { .. } => {
                // An operator at the machine waits for the derivation running now;
                // anyone else is told to try again, and costs nothing.
                let permit = match actor {
                    Actor::Operator => self.app.unseal_derivation().acquire().await.ok(),
                    _ => self.app.unseal_derivation().try_acquire().ok(),
                };
                let Some(_permit) = permit else {
                    return Ok(Unsealing::Busy);
                };
                self.unseal_with_passphrase(secret, actor)
                    .await
                    .map(|()| UnsealProgress::Unsealed)
            }
            SealMode::Shamir { .. } => self.submit_share(&secret, actor, unsealing).await,
        };
        let failed = match result {
            Ok(progress) => {
                attempt.succeeded();
                return Ok(Unsealing::Progress(progress));
            }
            Err(AppError::Refused) => Unsealing::Refused,
            // Not this client's failure: nothing is counted.
            Err(AppError::Crypto(CryptoError::TooManyUnsealings)) => {
                return Ok(Unsealing::Crowded);
            }
            Err(AppError::Invalid(_)) | Err(AppError::Crypto(CryptoError::Malformed(_))) => {
                Unsealing::Malformed
            }
            Err(e) => return Err(e),
        };
        attempt.failed(self.app.now_ms());
        Ok(failed)
    }

    /// Unseals with the passphrase.
    pub async fn unseal_with_passphrase(
        &self,
        passphrase: zeroize::Zeroizing<String>,
        actor: &Actor,
    ) -> Result<(), AppError> {
        let record = self.record().await?;
        let vault_record = record.clone();
        // Argon2id at the keyring's cost would stall the async workers.
        let root_key = tokio::task::spawn_blocking(move || {
            root::unlock_passphrase(&vault_record, &passphrase)
        })
        .await
        .map_err(|e| AppError::Internal(format!("unsealing stopped: {e}")))?;
        match root_key {
            Ok(key) => {
                let signer = Signer::derive(&key, record.version);
                let mut unit = self
                    .app
                    .unit(actor, "keyring.unseal", None)
                    .signed_by(Some(signer.clone()));
                if let Some(change) = self.check_signer(&signer, actor).await? {
                    unit = unit.with(change);
                }
                // Recorded before the key is installed: no unseal goes unrecorded.
                self.app.commit(unit).await?;
                self.app.vault().unseal_with_root(key, record.version);
                self.after_unseal().await
            }
            Err(e) => {
                self.app
                    .commit(self.app.unit(actor, "keyring.unseal_refused", None))
                    .await?;
                Err(e.into())
            }
        }
    }

    /// Adds one trustee's share.
    pub async fn submit_share(
        &self,
        share_text: &str,
        actor: &Actor,
        unsealing: &str,
    ) -> Result<UnsealProgress, AppError> {
        let record = self.record().await?;
        let share = root::parse_share(share_text)?;
        // The vault combines shares as they come, so it changes first; if the
        // record cannot be written, it is sealed again and every share entered so
        // far forgotten: no unseal and no share goes unrecorded.
        let now = self.app.now_ms();
        let (progress, action) = match self
            .app
            .vault()
            .submit_share(&record, unsealing, now, share)
        {
            Ok(UnsealProgress::Unsealed) => (Ok(UnsealProgress::Unsealed), "keyring.unseal"),
            Ok(pending) => (Ok(pending), "keyring.share_entered"),
            Err(CryptoError::TooManyUnsealings) => {
                return Err(AppError::Crypto(CryptoError::TooManyUnsealings))
            }
            Err(e) => (Err(e), "keyring.unseal_refused"),
        };
        let mut unit = self.app.unit(actor, action, None);
        if let Some(signer) = self.app.vault().signer() {
            match self.check_signer(&signer, actor).await {
                Ok(Some(change)) => unit = unit.with(change),
                Ok(None) => {}
                Err(e) => {
                    self.app.vault().seal();
                    return Err(e);
                }
            }
        }
        if let Err(e) = self.app.commit(unit).await {
            self.app.vault().seal();
            return Err(e);
        }
        match progress {
            Ok(UnsealProgress::Unsealed) => {
                self.after_unseal().await?;
                Ok(UnsealProgress::Unsealed)
            }
            Ok(pending) => Ok(pending),
            Err(e) => Err(e.into()),
        }
    }

    /// Drops every key from memory. Sealing comes before its record, on purpose:
    /// the panic button must work even when the database does not, and then the
    /// failure to record it is reported.
    pub async fn seal(&self, actor: &Actor) -> Result<(), AppError> {
        // The seal's own entry is still signed, by the key about to be dropped.
        let signer = self.app.vault().signer();
        self.app.vault().seal();
        // Sealed, a key is trusted on its binding alone, checked afresh.
        self.app.authentic_keys().clear();
        // Everyone is signed out with the seal, in its unit: after an unseal,
        // every browser signs in again with its password and second factor.
        let unit = self
            .app
            .unit(actor, "keyring.seal", None)
            .with(Change::EndAllSessions)
            .signed_by(signer);
        self.app.commit(unit).await
    }

    /// Compares the signing key recorded for `signer`'s root version with
    /// `signer`, derived from the root key just recovered. A different one means
    /// someone recorded their own to re-sign a rewritten log: refused (and the
    /// finding recorded, signed with the true key). None recorded (a database
    /// from before signing keys) gives the change that records it.
    async fn check_signer(
        &self,
        signer: &Signer,
        actor: &Actor,
    ) -> Result<Option<Change>, AppError> {
        let version = signer.root_version();
        match self.recorded_signer_bytes(version).await? {
            None => Ok(Some(record_signer(signer))),
            Some(bytes) if bytes == signer.public_key().to_bytes() => Ok(None),
            Some(_) => {
                let alert = self
                    .app
                    .unit(actor, "keyring.signer_mismatch", None)
                    .signed_by(Some(signer.clone()));
                self.app.commit(alert).await?;
                tracing::error!(
                    root_version = version,
                    "the signing key recorded in the database is not the keyring's"
                );
                Err(AppError::Tampered(format!(
                    "the signing key recorded for root version {version} is not the keyring's: \
                     the audit log may have been re-signed by someone else. Run `torchlight \
                     audit verify` and restore the database from a backup"
                )))
            }
        }
    }

    /// Every organisation key checked against its secret key: a key whose secret
    /// does not open, or opens to another public key, was planted, and is
    /// recorded as found; keys from before bindings existed are bound. Keys of
    /// the current root version only (a rotation re-seals them all).
    async fn check_organization_keys(&self) -> Result<(), AppError> {
        let Some(signer) = self.app.vault().signer() else {
            return Err(AppError::Sealed);
        };
        let public = signer.public_key();
        let mut planted = Vec::new();
        let mut bindings = Vec::new();
        for key in self.app.store().organization_keys().await? {
            let org = key.organization_id.to_string();
            let opens_to = match self
                .organization_secret(key.organization_id, key.version)
                .await
            {
                Ok(secret) => Some(secret.public().to_text()),
                Err(AppError::Crypto(_)) => None,
                Err(other) => return Err(other),
            };
            if opens_to.as_deref() != Some(key.public_key.as_str()) {
                planted.push(key);
                continue;
            }
            match &key.binding {
                Some(binding)
                    if public.verifies_organization_key(
                        &org,
                        key.version,
                        &key.public_key,
                        binding,
                    ) => {}
                // Its secret key is ours, so the public key is genuine: bind it.
                None => bindings.push(KeyBinding {
                    binding: signer
                        .bind_organization_key(&org, key.version, &key.public_key)
                        .to_vec(),
                    organization_id: key.organization_id,
                    version: key.version,
                    public_key: key.public_key,
                }),
                Some(_) => planted.push(key),
            }
        }
        if !bindings.is_empty() {
            let unit = self
                .app
                .unit(&Actor::Operator, "keyring.organization_keys_bound", None)
                .with(Change::BindOrganizationKeys(bindings));
            self.app.commit(unit).await?;
        }
        for key in &planted {
            self.record_planted(key).await?;
        }
        Ok(())
    }

    /// Records a planted organisation key, for the audit trail and the log.
    async fn record_planted(&self, key: &OrganizationKey) -> Result<(), AppError> {
        tracing::error!(
            organization = %key.organization_id,
            version = key.version,
            "an organisation public key in the database is not the organisation's own"
        );
        let unit = self.app.unit(
            &Actor::Operator,
            "keyring.organization_key_mismatch",
            Some(key.organization_id.to_string()),
        );
        self.app.commit(unit).await
    }

    /// The public key data for `organization` may be wrapped to, once it is shown
    /// to be the organisation's own: unsealed, it must be the public half of the
    /// secret key the root key unwraps; sealed, its binding must check with the
    /// signing key this process derived at its last unseal (or, when it has not
    /// been unsealed since it started, the one recorded for the current root
    /// version). A key that fails is recorded and refused: nothing is encrypted to
    /// a key a database writer added.
    pub async fn recipient_key(
        &self,
        organization: OrganizationId,
    ) -> Result<(OrganizationKey, OrgPublicKey), AppError> {
        let key = self
            .app
            .store()
            .current_organization_key(organization)
            .await?
            .ok_or(AppError::NoOrganizationKey(organization))?;
        let public = OrgPublicKey::parse(&key.public_key)?;
        let shown = (organization, key.version, key.public_key.clone());
        if self.app.authentic_keys().contains(&shown) {
            return Ok((key, public));
        }
        let authentic = if self.app.vault().is_sealed() {
            let signer = match self.app.vault().known_signer() {
                Some((_, known)) => Some(known),
                None => self.recorded_signer().await?,
            };
            match (signer, &key.binding) {
                (Some(signer), Some(binding)) => signer.verifies_organization_key(
                    &organization.to_string(),
                    key.version,
                    &key.public_key,
                    binding,
                ),
                _ => false,
            }
        } else {
            match self.organization_secret(organization, key.version).await {
                Ok(secret) => secret.public() == public,
                Err(AppError::Crypto(_)) => false,
                Err(other) => return Err(other),
            }
        };
        if authentic {
            self.app.authentic_keys().insert(shown);
            self.app.authentic_keys().remember_current(&key, &public);
        }
        if !authentic {
            self.record_planted(&key).await?;
            return Err(AppError::Tampered(format!(
                "the public key of organisation {organization} (version {}) is not the \
                 organisation's own: nothing was encrypted to it",
                key.version
            )));
        }
        Ok((key, public))
    }

    /// `recipient_key`, remembered from its last check: intake's, whose store
    /// change refuses a key that is no longer the current one (a rotation, or a
    /// key a database writer added), and which then checks afresh.
    pub(crate) async fn recipient_key_remembered(
        &self,
        organization: OrganizationId,
    ) -> Result<(OrganizationKey, OrgPublicKey), AppError> {
        match self.app.authentic_keys().current(organization) {
            Some(remembered) => Ok(remembered),
            None => self.recipient_key(organization).await,
        }
    }

    /// `data_key` wrapped to `organization`'s current key for a request, under
    /// the organisation's open wrap epoch (`epochs`), with the key it is wrapped
    /// to. An epoch begun here is forgotten once it has ended, whether or not
    /// another request comes.
    pub(crate) async fn wrap_for_request(
        &self,
        organization: OrganizationId,
        data_key: &DataKey,
    ) -> Result<(OrganizationKey, Vec<u8>), AppError> {
        let (key, public) = self.recipient_key_remembered(organization).await?;
        let epoch = self
            .app
            .authentic_keys()
            .1
            .key_for(&key, &public, self.app.now_ms());
        if epoch.began {
            let app = self.app.clone();
            tokio::spawn(async move {
                let lasts = std::time::Duration::from_millis(epochs::EPOCH_MS.unsigned_abs());
                tokio::time::sleep(lasts).await;
                app.authentic_keys().1.end_closed(app.now_ms());
            });
        }
        Ok((key, epoch.key.wrap(data_key)))
    }

    /// The signing key recorded for the current root version.
    async fn recorded_signer(&self) -> Result<Option<SignerPublicKey>, AppError> {
        let record = self.record().await?;
        let recorded = self.recorded_signer_bytes(record.version).await?;
        Ok(recorded.and_then(|bytes| SignerPublicKey::from_bytes(&bytes).ok()))
    }

    /// Checks the organisation keys (`check_organization_keys`), binds cases from
    /// before case bindings (`Cases::bind_unbound`), then gives a key
    /// pair to every organisation of the directory that has none: those added by
    /// an import after `init`.
    pub async fn after_unseal(&self) -> Result<(), AppError> {
        // Keys may be bound or added below: read and checked afresh afterwards.
        self.app.authentic_keys().clear();
        self.check_organization_keys().await?;
        self.app.cases().bind_unbound().await?;
        self.app.cases().reopen_reported().await?;
        let store = self.app.store();
        let directory = store.load_directory().await?;
        let existing = store.organization_keys().await?;
        let missing: Vec<OrganizationId> = directory
            .organizations
            .iter()
            .map(|org| org.id)
            .filter(|id| !existing.iter().any(|key| key.organization_id == *id))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let now = self.app.now_ms();
        let keys = self.app.vault().with_root(|root_key, version| {
            missing
                .iter()
                .map(|id| new_organization_key(root_key, *id, 1, version, now))
                .collect::<Vec<_>>()
        })?;
        let unit = self
            .app
            .unit(&Actor::Operator, "keyring.organization_keys_added", None)
            .with(Change::AddOrganizationKeys(keys));
        self.app.commit(unit).await
    }

    /// One version of an organisation's secret key, unwrapped by the vault.
    pub async fn organization_secret(
        &self,
        organization: OrganizationId,
        version: i64,
    ) -> Result<OrgSecretKey, AppError> {
        let vault = self.app.vault();
        if vault.is_sealed() {
            return Err(AppError::Sealed);
        }
        let key = self
            .app
            .store()
            .organization_key(organization, version)
            .await?
            .ok_or(AppError::NoOrganizationKey(organization))?;
        let version = u32::try_from(key.version)
            .map_err(|_| AppError::Internal("a stored key version is out of range".into()))?;
        Ok(vault.organization_secret(&organization.to_string(), version, &key.wrapped_secret)?)
    }

    /// A new key pair for `organization`; every data key wrapped for it is
    /// re-wrapped to the new public key (the content is not touched) and the old
    /// secret keys are deleted.
    pub async fn rotate_organization_key(
        &self,
        organization: OrganizationId,
        actor: &Actor,
    ) -> Result<i64, AppError> {
        let store = self.app.store();
        let vault = self.app.vault();
        let current = store
            .current_organization_key(organization)
            .await?
            .ok_or(AppError::NoOrganizationKey(organization))?;
        let old_secret = self
            .organization_secret(organization, current.version)
            .await?;
        let next_version = current.version + 1;
        let now = self.app.now_ms();
        let new_key = vault.with_root(|root_key, root_version| {
            new_organization_key(root_key, organization, next_version, root_version, now)
        })?;
        let new_public = torchlight_crypto::orgkey::OrgPublicKey::parse(&new_key.public_key)?;
        let mut rewrapped = Vec::new();
        for mut case_key in store.case_keys_of_organization(organization).await? {
            let data_key = DataKey::unwrap(&case_key.wrapped_key, &old_secret)?;
            case_key.wrapped_key = data_key.wrap(&new_public);
            case_key.key_version = next_version;
            rewrapped.push(case_key);
        }
        let unit = self
            .app
            .unit(
                actor,
                "keyring.rotate_organization_key",
                Some(organization.to_string()),
            )
            .with(Change::RotateOrganizationKey { new_key, rewrapped });
        let committed = self.app.commit(unit).await;
        self.app.authentic_keys().clear();
        committed?;
        vault.forget_organization_keys();
        Ok(next_version)
    }

    /// A new root key: every organisation secret key and every TOTP secret is
    /// re-sealed under it. The vault then holds the new key. Returns new shares.
    pub async fn rotate_root(
        &self,
        choice: SealChoice,
        actor: &Actor,
    ) -> Result<Vec<Share>, AppError> {
        let store = self.app.store();
        let vault = self.app.vault();
        let record = self.record().await?;
        let cost = self.app.hasher().cost().passphrase();
        let (new_record, new_root, shares) = new_root(choice, record.version + 1, cost).await?;
        let new_signer = Signer::derive(&new_root, new_record.version);
        let keys = store.organization_keys().await?;
        let mut resealed = Vec::with_capacity(keys.len());
        for mut key in keys {
            let org = key.organization_id.to_string();
            let version = u32::try_from(key.version)
                .map_err(|_| AppError::Internal("a stored key version is out of range".into()))?;
            let secret = vault.with_root(|old_root, _| {
                OrgSecretKey::unwrap(old_root, &org, version, &key.wrapped_secret)
            })??;
            key.wrapped_secret = secret.wrap(&new_root, &org, version);
            key.root_version = i64::from(new_record.version);
            key.binding = Some(
                new_signer
                    .bind_organization_key(&org, key.version, &key.public_key)
                    .to_vec(),
            );
            resealed.push(key);
        }
        let mut totp = Vec::new();
        for organization in self.organizations_keyed().await? {
            for user in store.users_of_organization(organization).await? {
                if let Some(sealed) = &user.totp_sealed {
                    let context = crate::accounts::totp_context(user.id);
                    let secret =
                        vault.with_root(|old_root, _| old_root.open(&context, sealed))??;
                    totp.push((user.id, new_root.seal(&context, &secret)));
                }
            }
        }
        let version = new_record.version;
        let unit = self
            .app
            .unit(actor, "keyring.rotate_root", None)
            .with(Change::RotateRoot {
                record: new_record,
                organization_keys: resealed,
                totp_secrets: totp,
            })
            .with(record_signer(&new_signer));
        // Cases are signed again by the new root's key, in the same unit.
        let unit = self
            .app
            .cases()
            .rebound(&new_signer)
            .await?
            .into_iter()
            .fold(unit, UnitOfWork::with);
        let committed = self.app.commit(unit).await;
        self.app.authentic_keys().clear();
        committed?;
        vault.seal();
        vault.unseal_with_root(new_root, version);
        Ok(shares)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::sync::Arc;

    use torchlight_store::testing::TestDb;
    use torchlight_store::Engine;
    use zeroize::Zeroizing;

    use super::*;
    use crate::{AppConfig, HashingCost, ManualClock};

    const PASSPHRASE: &str = "keyring fixture passphrase";

    #[tokio::test]
    async fn one_passphrase_is_derived_at_a_time() {
        let db = TestDb::new(Engine::Sqlite).await;
        let config = AppConfig {
            hashing: HashingCost::insecure_for_tests().unwrap(),
            ..AppConfig::default()
        };
        let app = App::new(
            db.open().await,
            Arc::new(ManualClock::starting_now()),
            &config,
        );
        let keyring = app.keyring();
        keyring
            .initialize(SealChoice::Passphrase(Zeroizing::new(PASSPHRASE.into())))
            .await
            .unwrap();
        keyring.seal(&Actor::Operator).await.unwrap();
        let recorded = app.store().audit_entries(0, 1_000).await.unwrap().len();

        // A derivation is running: a guess from the unseal page is turned away
        // without being tried (no memory spent, nothing to record).
        let running = app.unseal_derivation().try_acquire().unwrap();
        let guess = keyring
            .unseal(
                Zeroizing::new("a guess".into()),
                None,
                &Actor::Trustee,
                "test unsealing",
            )
            .await
            .unwrap();
        assert_eq!(guess, Unsealing::Busy);
        assert_eq!(
            app.store().audit_entries(0, 1_000).await.unwrap().len(),
            recorded
        );

        // The operator at the machine waits for it instead, and unseals.
        let operator = tokio::spawn({
            let app = app.clone();
            async move {
                app.keyring()
                    .unseal(
                        Zeroizing::new(PASSPHRASE.into()),
                        None,
                        &Actor::Operator,
                        "test unsealing",
                    )
                    .await
            }
        });
        tokio::task::yield_now().await;
        assert!(!operator.is_finished());
        drop(running);
        let outcome = operator.await.unwrap().unwrap();
        assert_eq!(outcome, Unsealing::Progress(UnsealProgress::Unsealed));
        assert!(!app.vault().is_sealed());
    }
}
