//! What the security core persists: the keyring record, organisations' key pairs,
//! staff accounts and their sessions, encrypted cases with their wrapped data keys,
//! and the audit chain. Sensitive content arrives here already encrypted; this crate
//! never sees a key.

use torchlight_core::access::Role;
use torchlight_core::case::{CaseStatus, Urgency};
use torchlight_core::{CaseId, Code, OrganizationId, UserId};

/// One version of an organisation's key pair: the public key in clear, the secret
/// key sealed under the root key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationKey {
    pub organization_id: OrganizationId,
    /// 1 for the first pair, one more per rotation.
    pub version: i64,
    /// `age1…`
    pub public_key: String,
    pub wrapped_secret: Vec<u8>,
    /// The root key version that wrapped `wrapped_secret`.
    pub root_version: i64,
    pub created_at_ms: i64,
    /// The signing key's signature over the public key, its organisation and
    /// version (`crypto::signer`): a key a database writer adds has none that
    /// checks. `None` for keys made before bindings existed, until an unseal binds
    /// them.
    pub binding: Option<Vec<u8>>,
}

/// A binding signature for an organisation key made before bindings existed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub organization_id: OrganizationId,
    pub version: i64,
    /// The public key the binding was made for: it binds only if it is still this.
    pub public_key: String,
    pub binding: Vec<u8>,
}

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: UserId,
    pub organization_id: OrganizationId,
    /// Lower-case, unique across the deployment.
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Argon2id, PHC string.
    pub password_hash: String,
    /// Set by an administrator's reset: the next sign-in must choose a new password.
    pub must_change_password: bool,
    /// The TOTP secret sealed under the root key; `None` until enrolled.
    pub totp_sealed: Option<Vec<u8>>,
    /// The last TOTP time step accepted, so a code cannot be replayed.
    pub totp_last_step: Option<i64>,
    pub disabled: bool,
    /// The interface language chosen by the user (a locale code).
    pub locale: Option<String>,
    pub created_at_ms: i64,
}

/// A signed-in browser. Only the digest of its token is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token_digest: String,
    pub user_id: UserId,
    pub csrf_token: String,
    pub created_at_ms: i64,
    pub last_seen_ms: i64,
    /// True once the second factor was given in this session.
    pub second_factor: bool,
}

/// A case as stored: triage metadata in clear (codes only), everything that names
/// or describes a person sealed in `content` under the case's data key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub id: CaseId,
    /// The organisation that owns the case.
    pub organization_id: OrganizationId,
    /// A country of the taxonomy.
    pub country: Code,
    pub urgency: Urgency,
    pub status: CaseStatus,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub content: Vec<u8>,
    /// The signing key's signature over the case's facts (`crypto::signer`);
    /// `None` only for cases from before bindings, until an unseal binds them.
    pub binding: Option<Vec<u8>>,
}

/// A case that came in as a request, as the defender's codename finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub record: CaseRecord,
    /// The case's data key wrapped to the defender's own key.
    pub defender_wrapped_key: Vec<u8>,
    /// When the defender last looked, if ever.
    pub defender_seen_at_ms: Option<i64>,
}

/// Something added to a case after it was made, sealed under the case's data key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEntry {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub kind: torchlight_core::case::EntryKind,
    pub at_ms: i64,
    pub content: Vec<u8>,
}

/// A case's data key wrapped to one organisation's public key of `key_version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseKey {
    pub case_id: CaseId,
    pub organization_id: OrganizationId,
    pub key_version: i64,
    pub wrapped_key: Vec<u8>,
}

/// A case as one organisation can open it: the record and the key wrapped for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisibleCase {
    pub record: CaseRecord,
    pub key: CaseKey,
}

/// Cases counted by country and urgency, across every organisation: what analysts
/// see (before small cells are suppressed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseCount {
    pub country: Code,
    pub urgency: Urgency,
    pub count: i64,
}

/// A WebAuthn security key or passkey registered by a staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityKey {
    /// The credential id, base64url.
    pub credential_id: String,
    pub user_id: UserId,
    /// What the user called it ("blue key", "laptop").
    pub name: String,
    /// The credential as the WebAuthn library serialises it (public key, counter).
    pub credential: String,
    pub created_at_ms: i64,
    pub last_used_ms: Option<i64>,
}

/// Which part of an organisation's queue to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueFilter {
    /// Every case not closed.
    All,
    /// The shared queue: cases nobody is assigned to.
    Unassigned,
    /// The cases assigned to one caseworker.
    AssignedTo(UserId),
}

/// A case as the triage queue reads it: clear fields only, no key needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    pub id: CaseId,
    pub country: Code,
    pub urgency: Urgency,
    pub status: torchlight_core::case::CaseStatus,
    /// `core::triage::risk_rank` of the latest assessment.
    pub risk_rank: u8,
    pub waiting_since_ms: i64,
    pub answered_at_ms: Option<i64>,
    pub assignee: Option<UserId>,
    pub follow_up_ms: Option<i64>,
}

/// The queue of one urgency counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UrgencyCounts {
    pub open: i64,
    pub unassigned: i64,
    /// Not answered, and waiting since before the urgency's cut-off.
    pub overdue: i64,
}
