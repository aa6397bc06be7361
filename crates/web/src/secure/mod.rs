//! The security core's operations, shared by the web pages and the command line:
//! the keyring (init, unseal, rotation), encrypted cases and staff accounts. Each
//! one joins a rule of `torchlight-core`, the cryptography of `torchlight-crypto` and
//! the store, and records what it did in the audit chain.

pub mod accounts;
pub mod cases;
pub mod keyring;

use std::time::{SystemTime, UNIX_EPOCH};

use torchlight_crypto::audit::AuditEvent;
use torchlight_crypto::CryptoError;
use torchlight_store::StoreError;
use uuid::Uuid;

/// Why a security operation did not happen. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum SecurityError {
    #[error("the server is sealed: unseal it first")]
    Sealed,
    #[error("the keyring is not set up: run `torchlight init` first")]
    NotInitialized,
    #[error("the keyring is already set up")]
    AlreadyInitialized,
    #[error("the unsealing secret was refused")]
    Refused,
    #[error("organisation {0} has no key pair yet: unseal the server to create it")]
    NoOrganizationKey(Uuid),
    #[error("unknown organisation {0}")]
    UnknownOrganization(String),
    #[error("{0}")]
    Invalid(String),
    #[error("stored key material does not open: {0}")]
    Crypto(CryptoError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<CryptoError> for SecurityError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::Sealed => SecurityError::Sealed,
            CryptoError::Refused => SecurityError::Refused,
            CryptoError::Invalid(message) => SecurityError::Invalid(message),
            other => SecurityError::Crypto(other),
        }
    }
}

/// Who did something, as the audit log names them.
#[derive(Debug, Clone)]
pub enum Actor {
    Staff {
        user: Uuid,
        organization: Uuid,
    },
    /// An operator at the command line of the server's machine.
    Operator,
    /// A trustee entering a share, or anyone using the unseal page.
    Trustee,
}

impl Actor {
    pub fn event(&self, action: &str, object: Option<String>) -> AuditEvent {
        let (actor, organization) = match self {
            Actor::Staff { user, organization } => {
                (user.to_string(), Some(organization.to_string()))
            }
            Actor::Operator => ("operator".to_owned(), None),
            Actor::Trustee => ("trustee".to_owned(), None),
        };
        AuditEvent {
            at_ms: now_ms(),
            actor,
            organization,
            action: action.to_owned(),
            object,
        }
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
