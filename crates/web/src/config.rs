//! The part of the configuration the web layer needs.

/// Limits and switches of the HTTP server. The CLI fills it from defaults, the
/// configuration file and `TORCHLIGHT_*` variables.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Largest request body accepted, in bytes; larger ones get 413 before any
    /// handler runs.
    pub max_body_bytes: usize,
    /// Results shown on one page of `/find`.
    pub page_size: usize,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            max_body_bytes: 64 * 1024,
            page_size: 20,
        }
    }
}
