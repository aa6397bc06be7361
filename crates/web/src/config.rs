//! The part of the configuration the web layer needs (the application layer's
//! part, sessions and hashing, is `torchlight_app::AppConfig`).

/// Limits and switches of the HTTP server. The CLI fills it from defaults, the
/// configuration file and `TORCHLIGHT_*` variables.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Largest request body accepted, in bytes; larger ones get 413 (a page, or
    /// the API's JSON error) before any handler runs. At least
    /// `body_limit::LONGEST_VALID_BODY`.
    pub max_body_bytes: usize,
    /// Results shown on one page of `/find`.
    pub page_size: usize,
    /// Adds `Secure` to cookies: set it when the server is reached over HTTPS (as it
    /// must be anywhere but on one's own machine).
    pub secure_cookies: bool,
    /// The origin staff reach the server at (`https://torchlight.example.org`);
    /// security keys are offered only when it is set, since WebAuthn binds every
    /// key to it.
    pub webauthn_origin: Option<String>,
    /// Peers (reverse proxies) allowed to name the client in
    /// `client_address_header`; the throttles count by that name. Empty: every
    /// peer is the client itself, and a loopback peer (an undeclared local proxy,
    /// a Tor onion service) is nobody in particular (see `client`).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Where a trusted proxy names the client: `x-forwarded-for` (the default),
    /// `x-real-ip`, or `forwarded` (RFC 7239).
    pub client_address_header: String,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            max_body_bytes: crate::body_limit::DEFAULT_MAX_BODY_BYTES,
            page_size: 20,
            secure_cookies: false,
            webauthn_origin: None,
            trusted_proxies: Vec::new(),
            client_address_header: "x-forwarded-for".into(),
        }
    }
}
