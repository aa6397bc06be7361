//! Why an operation of the application layer did not happen. Whatever the reason,
//! nothing was changed.
//!
//! The variants say whose fault it is, because the edges answer differently: a
//! mistake of the caller (`Invalid`, `Refused`, ...) is told to them; an `Internal`
//! failure, a `Crypto` failure of stored material or a `Store` failure is logged in
//! full and shown only as a reference.

use torchlight_core::OrganizationId;
use torchlight_crypto::CryptoError;
use torchlight_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("the server is sealed: unseal it first")]
    Sealed,
    #[error("the keyring is not set up: run `torchlight init` first")]
    NotInitialized,
    #[error("the keyring is already set up")]
    AlreadyInitialized,
    #[error("the unsealing secret was refused")]
    Refused,
    #[error("organisation {0} has no key pair yet: unseal the server to create it")]
    NoOrganizationKey(OrganizationId),
    #[error("unknown organisation {0}")]
    UnknownOrganization(String),
    /// The caller's input breaks a rule; the message names the field and the rule.
    #[error("{0}")]
    Invalid(String),
    /// What the operation read was changed by another request meanwhile (a reset,
    /// a disable, the same code used twice); nothing was written.
    #[error("changed meanwhile: {0}")]
    Conflict(String),
    /// Something of ours failed (a worker stopped, stored data that does not decode):
    /// not the caller's doing.
    #[error("internal failure: {0}")]
    Internal(String),
    /// Changing credentials needs the current password and a fresh second factor
    /// first (`SignIn::step_up`).
    #[error("confirm your current password and a code from your authenticator app first")]
    StepUpRequired,
    /// Stored security data is not what this server wrote: a signing key that is
    /// not the keyring's, an organisation key that is not its secret key's.
    #[error("stored security data has been tampered with: {0}")]
    Tampered(String),
    /// More work is waiting than the server takes at once (a flood): nothing was
    /// done, and the same request may be sent again in a minute.
    #[error("the server is busy: try again in a minute")]
    Busy,
    #[error("stored key material does not open: {0}")]
    Crypto(CryptoError),
    #[error(transparent)]
    Store(StoreError),
}

impl AppError {
    /// True when the caller can correct it; false for failures of the server.
    pub fn is_callers_mistake(&self) -> bool {
        !matches!(
            self,
            AppError::Internal(_)
                | AppError::Crypto(_)
                | AppError::Store(_)
                | AppError::Tampered(_)
        )
    }
}

impl From<CryptoError> for AppError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::Sealed => AppError::Sealed,
            CryptoError::Refused => AppError::Refused,
            // The crypto crate says `Invalid` of what it was handed: a share, a
            // passphrase, a code typed by a person.
            CryptoError::Invalid(message) => AppError::Invalid(message),
            other => AppError::Crypto(other),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            // The store refuses records that break the schema's rules (a username
            // taken, a keyring set up twice): the caller's to correct.
            StoreError::Rejected(message) => AppError::Invalid(message),
            StoreError::Conflict(message) => AppError::Conflict(message),
            other => AppError::Store(other),
        }
    }
}
