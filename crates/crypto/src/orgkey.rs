//! Each organisation's X25519 key pair. The public key lets anyone (intake, even
//! while the server is sealed) encrypt to the organisation; the secret key is stored
//! only wrapped by the root key.

use crate::keyring::RootKey;
use crate::CryptoError;

/// An organisation's public key (an age X25519 recipient, `age1…`).
#[derive(Clone)]
pub struct OrgPublicKey(pub(crate) age::x25519::Recipient);

/// An organisation's secret key. Zeroized when dropped; never printed.
#[derive(Clone)]
pub struct OrgSecretKey(pub(crate) age::x25519::Identity);

pub struct OrgKeyPair {
    pub public: OrgPublicKey,
    pub secret: OrgSecretKey,
}

impl OrgKeyPair {
    pub fn generate() -> OrgKeyPair {
        todo!()
    }
}

impl OrgPublicKey {
    /// The `age1…` text stored beside the wrapped secret.
    pub fn to_text(&self) -> String {
        todo!()
    }

    pub fn parse(text: &str) -> Result<OrgPublicKey, CryptoError> {
        todo!()
    }
}

impl OrgSecretKey {
    /// The secret key sealed under the root key, bound to the organisation and the
    /// key's version so a wrapped key cannot be swapped between rows.
    pub fn wrap(&self, root: &RootKey, organization: &str, version: u32) -> Vec<u8> {
        todo!()
    }

    pub fn unwrap(
        root: &RootKey,
        organization: &str,
        version: u32,
        wrapped: &[u8],
    ) -> Result<OrgSecretKey, CryptoError> {
        todo!()
    }

    pub fn public(&self) -> OrgPublicKey {
        todo!()
    }
}

impl std::fmt::Debug for OrgSecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OrgSecretKey(..)")
    }
}
