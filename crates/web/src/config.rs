//! The part of the configuration the web layer needs.

use std::time::Duration;

/// Limits and switches of the HTTP server. The CLI fills it from defaults, the
/// configuration file and `TORCHLIGHT_*` variables.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Largest request body accepted, in bytes; larger ones get 413 before any
    /// handler runs.
    pub max_body_bytes: usize,
    /// Results shown on one page of `/find`.
    pub page_size: usize,
    /// A staff session ends after this long without a request.
    pub session_idle: Duration,
    /// A staff session ends this long after sign-in, however active.
    pub session_lifetime: Duration,
    /// Adds `Secure` to cookies: set it when the server is reached over HTTPS (as it
    /// must be anywhere but on one's own machine).
    pub secure_cookies: bool,
    /// Argon2id hashes computed at once; more wait their turn.
    pub concurrent_password_hashes: usize,
    /// The origin staff reach the server at (`https://torchlight.example.org`);
    /// security keys are offered only when it is set, since WebAuthn binds every
    /// key to it.
    pub webauthn_origin: Option<String>,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            max_body_bytes: 64 * 1024,
            page_size: 20,
            session_idle: Duration::from_secs(30 * 60),
            session_lifetime: Duration::from_secs(12 * 60 * 60),
            secure_cookies: false,
            concurrent_password_hashes: 1,
            webauthn_origin: None,
        }
    }
}
