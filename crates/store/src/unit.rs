//! The one way to change what the audit log speaks for: a `UnitOfWork` gathers the
//! changes of one operation, across areas (staff, sessions, keys, cases), with the
//! audit events that record it, and `Store::commit` makes all of it durable in one
//! transaction or none of it. No other method of the store writes audited data or
//! appends to the audit chain.
//!
//! A unit is made with its first event, so a change without an audit entry cannot be
//! written. Changes that depend on what the operation read carry that expectation
//! (a password hash, a TOTP step, a recovery code still unused, a case of the
//! caller's organisation); when it no longer holds, the whole unit fails with
//! `StoreError::Conflict` and nothing lands, so two requests cannot undo each other.

use torchlight_core::{CaseId, OrganizationId, UserId};
use torchlight_crypto::audit::AuditEvent;
use torchlight_crypto::keyring::KeyringRecord;
use torchlight_crypto::signer::Signer;

use crate::security::{
    CaseEntry, CaseKey, CaseRecord, KeyBinding, OrganizationKey, SecurityKey, Session, StaffUser,
};

/// One change of a unit of work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    // The keyring and organisations' keys.
    /// The first keyring record with the first keys of organisations. Refused when
    /// a keyring exists.
    InitializeKeyring {
        record: KeyringRecord,
        keys: Vec<OrganizationKey>,
    },
    /// First key pairs for organisations that have none. Refused when one has.
    AddOrganizationKeys(Vec<OrganizationKey>),
    /// The next root version: every organisation secret key and every TOTP secret
    /// re-sealed under it. Refused unless `record.version` is the stored one plus one
    /// and every secret is re-sealed.
    RotateRoot {
        record: KeyringRecord,
        organization_keys: Vec<OrganizationKey>,
        totp_secrets: Vec<(UserId, Vec<u8>)>,
    },
    /// The public signing key of a root version (at init, at a root rotation, and
    /// at the first unseal of a keyring from before signing keys). Refused when
    /// another key is recorded for that version.
    RecordSigner {
        root_version: u32,
        public_key: Vec<u8>,
    },
    /// Bindings for keys made before bindings existed. A conflict when a key is no
    /// longer the one bound, or is bound already.
    BindOrganizationKeys(Vec<KeyBinding>),
    /// An organisation's next key pair, every data key of it re-wrapped, its older
    /// secret keys deleted.
    RotateOrganizationKey {
        new_key: OrganizationKey,
        rewrapped: Vec<CaseKey>,
    },

    // Staff accounts.
    /// A new account. Refused when the username is taken.
    CreateUser(StaffUser),
    /// A password the user chose, replacing `expected_hash`; it no longer has to be
    /// changed. A conflict when the stored hash is no longer `expected_hash` (a reset
    /// came first) or the account was disabled meanwhile.
    ChangePassword {
        user: UserId,
        expected_hash: String,
        new_hash: String,
    },
    /// An administrator's reset: a one-time password to change at the next sign-in,
    /// the second factor and recovery codes removed, every session ended.
    ResetCredentials { user: UserId, new_hash: String },
    /// The language an account's staff pages are shown in, or none (the
    /// browser's).
    SetLocale {
        user: UserId,
        locale: Option<String>,
    },
    /// Disables or enables an account; either way its sessions end.
    SetDisabled { user: UserId, disabled: bool },
    /// A TOTP secret (sealed) with the step its first code was given at, and the
    /// digests of fresh recovery codes. A conflict when a secret is enrolled already.
    EnrolTotp {
        user: UserId,
        totp_sealed: Vec<u8>,
        step: i64,
        recovery_digests: Vec<String>,
    },
    /// The TOTP step just accepted. A conflict unless it is later than the stored
    /// one (the same code used twice).
    AdvanceTotpStep { user: UserId, step: i64 },
    /// Spends a recovery code. A conflict when it does not exist unused.
    SpendRecoveryCode {
        user: UserId,
        digest: String,
        at_ms: i64,
    },

    // Sessions.
    /// A signed-in session. A conflict unless the account is enabled and still has
    /// the password hash the sign-in read: a sign-in racing an administrator's
    /// disable or reset does not outlive it.
    CreateSession {
        session: Session,
        expected_hash: String,
    },
    /// Ends one session (nothing when it has ended already).
    EndSession { token_digest: String },
    /// Ends every session of a user.
    EndSessionsOfUser { user: UserId },
    /// Ends every session of a user but the one of `keep_token_digest`: a change of
    /// credentials signs out every other device.
    EndOtherSessionsOfUser {
        user: UserId,
        keep_token_digest: String,
    },
    /// Ends every session of every user: sealing signs everyone out.
    EndAllSessions,
    /// Deletes the sessions nobody can use any more: last used before
    /// `last_seen_before_ms` or created before `created_before_ms`.
    EndDeadSessions {
        last_seen_before_ms: i64,
        created_before_ms: i64,
    },

    // Cases, always within the caller's organisation (`scope`).
    /// A case owned by `scope` with its wrapped keys. Refused unless the record's
    /// owner is `scope` and a key is wrapped for `scope`.
    CreateCase {
        scope: OrganizationId,
        record: CaseRecord,
        keys: Vec<CaseKey>,
    },
    /// New content and triage fields of a case `scope` can open; a conflict when it
    /// cannot.
    UpdateCase {
        scope: OrganizationId,
        record: CaseRecord,
    },
    /// Erases a case (its wrapped keys first) that the application layer found
    /// `owner` owns and may erase (`core::case::CaseRelation`); a conflict when
    /// there is no longer such a case.
    EraseCase { owner: OrganizationId, case: CaseId },

    // Triage (the clear fields beside a case `scope` owns; a conflict when it
    // owns no such case).
    /// Assigns the case to `assignee` (an enabled account of `scope`), or to
    /// nobody (back to the shared queue); a conflict for anyone else.
    AssignCase {
        scope: OrganizationId,
        case: CaseId,
        assignee: Option<UserId>,
    },
    /// The level of the case's latest assessment, and its next follow-up.
    RecordRisk {
        scope: OrganizationId,
        case: CaseId,
        level: torchlight_core::risk::RiskLevel,
        follow_up_ms: i64,
    },
    /// The organisation answered the case (a message, a decision) at `at_ms`;
    /// an earlier answer stands.
    MarkAnswered {
        scope: OrganizationId,
        case: CaseId,
        at_ms: i64,
    },
    /// The case's next follow-up, or none.
    ScheduleFollowUp {
        scope: OrganizationId,
        case: CaseId,
        at_ms: Option<i64>,
    },
    /// The defender reported a new risk at `at_ms`: the case waits for an answer
    /// again, and is due for a follow-up at once.
    BackInTriage { case: CaseId, at_ms: i64 },
    /// An organisation's own time targets; refused when `core::triage` refuses
    /// them.
    SetTimeTargets {
        scope: OrganizationId,
        targets: torchlight_core::triage::TimeTargets,
    },

    // Requests from intake.
    /// A request: a case owned by the receiving organisation (`record`, with the
    /// data key wrapped for it in `key`), found later by the digest of its
    /// codename, with the data key wrapped to the defender too. Refused when the
    /// digest is taken; a conflict when the key it is wrapped to is no longer
    /// the organisation's current one (a rotation came first).
    CreateRequest {
        record: CaseRecord,
        key: CaseKey,
        codename_digest: Vec<u8>,
        defender_wrapped_key: Vec<u8>,
    },
    /// Something added to a case; a conflict when the case no longer exists (a
    /// withdrawal came first).
    AddCaseEntry(CaseEntry),
    /// The defender looked at their request at `at_ms`.
    MarkSeenByDefender { case: CaseId, at_ms: i64 },
    /// The defender withdrew the request: its keys, entries and record go, so it
    /// can never be decrypted again. A conflict when no request of that id has
    /// that codename any more.
    WithdrawRequest {
        case: CaseId,
        codename_digest: Vec<u8>,
    },

    // Security keys.
    /// A key registered by its user. Refused when its credential id is registered.
    AddSecurityKey(SecurityKey),
    /// A key's new state (its signature counter) after a sign-in with it; a conflict
    /// when the user has no such key.
    RecordSecurityKeyUse {
        user: UserId,
        credential_id: String,
        credential: String,
        used_at_ms: i64,
    },
    /// Removes one of a user's keys; a conflict when the user has no such key.
    RemoveSecurityKey { user: UserId, credential_id: String },
}

/// The changes of one operation and the audit events that record them, committed
/// together by `Store::commit`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a unit of work does nothing until it is committed"]
pub struct UnitOfWork {
    changes: Vec<Change>,
    events: Vec<AuditEvent>,
    /// Signs the unit's audit entries; `None` while sealed.
    signer: Option<Signer>,
}

impl UnitOfWork {
    /// A unit recording `event`; changes are added with [`UnitOfWork::with`].
    pub fn recording(event: AuditEvent) -> UnitOfWork {
        UnitOfWork {
            changes: Vec::new(),
            events: vec![event],
            signer: None,
        }
    }

    /// Adds a change; changes are made in the order they are added.
    pub fn with(mut self, change: Change) -> UnitOfWork {
        self.changes.push(change);
        self
    }

    /// Records one more event, appended after the others.
    pub fn and_record(mut self, event: AuditEvent) -> UnitOfWork {
        self.events.push(event);
        self
    }

    /// Signs the unit's audit entries with `signer` (the unsealed server's).
    pub fn signed_by(mut self, signer: Option<Signer>) -> UnitOfWork {
        self.signer = signer;
        self
    }

    pub fn signer(&self) -> Option<&Signer> {
        self.signer.as_ref()
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    pub fn events(&self) -> &[AuditEvent] {
        &self.events
    }

    pub(crate) fn into_parts(self) -> (Vec<Change>, Vec<AuditEvent>, Option<Signer>) {
        (self.changes, self.events, self.signer)
    }
}
