//! Each organisation's X25519 key pair. The public key lets anyone (intake, even
//! while the server is sealed) encrypt to the organisation; the secret key is stored
//! only wrapped by the root key.

use std::str::FromStr;

use secrecy::ExposeSecret;

use crate::keyring::RootKey;
use crate::CryptoError;

/// An organisation's public key (an age X25519 recipient, `age1…`).
#[derive(Clone)]
pub struct OrgPublicKey(pub(crate) age::x25519::Recipient);

/// An organisation's secret key. Zeroized when dropped; never printed.
///
/// `age::x25519::Identity` holds an `x25519_dalek::StaticSecret`, which zeroizes
/// itself on drop: age depends on x25519-dalek with its default features, and
/// those include `zeroize` (see Cargo.lock: x25519-dalek depends on zeroize).
#[derive(Clone)]
pub struct OrgSecretKey(pub(crate) age::x25519::Identity);

pub struct OrgKeyPair {
    pub public: OrgPublicKey,
    pub secret: OrgSecretKey,
}

impl OrgKeyPair {
    pub fn generate() -> OrgKeyPair {
        let identity = age::x25519::Identity::generate();
        OrgKeyPair {
            public: OrgPublicKey(identity.to_public()),
            secret: OrgSecretKey(identity),
        }
    }
}

impl OrgPublicKey {
    /// The `age1…` text stored beside the wrapped secret.
    pub fn to_text(&self) -> String {
        self.0.to_string()
    }

    pub fn parse(text: &str) -> Result<OrgPublicKey, CryptoError> {
        age::x25519::Recipient::from_str(text.trim())
            .map(OrgPublicKey)
            .map_err(|_| CryptoError::Malformed("organisation public key"))
    }
}

impl OrgSecretKey {
    /// The secret key sealed under the root key, bound to the organisation and the
    /// key's version so a wrapped key cannot be swapped between rows.
    pub fn wrap(&self, root: &RootKey, organization: &str, version: u32) -> Vec<u8> {
        let text = self.0.to_string();
        root.seal(
            &wrap_context(organization, version),
            text.expose_secret().as_bytes(),
        )
    }

    pub fn unwrap(
        root: &RootKey,
        organization: &str,
        version: u32,
        wrapped: &[u8],
    ) -> Result<OrgSecretKey, CryptoError> {
        let opened = root.open(&wrap_context(organization, version), wrapped)?;
        let text = std::str::from_utf8(&opened)
            .map_err(|_| CryptoError::Malformed("organisation secret key"))?;
        age::x25519::Identity::from_str(text)
            .map(OrgSecretKey)
            .map_err(|_| CryptoError::Malformed("organisation secret key"))
    }

    pub fn public(&self) -> OrgPublicKey {
        OrgPublicKey(self.0.to_public())
    }
}

impl std::fmt::Debug for OrgSecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OrgSecretKey(..)")
    }
}

impl std::fmt::Debug for OrgPublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OrgPublicKey({})", self.0)
    }
}

impl PartialEq for OrgPublicKey {
    fn eq(&self, other: &OrgPublicKey) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl Eq for OrgPublicKey {}

/// Binds a wrapped secret key to its organisation and version.
fn wrap_context(organization: &str, version: u32) -> String {
    format!("org-key/{organization}/{version}")
}

#[cfg(test)]
mod tests;
