//! `SecretForm`: a form whose body holds a secret (a password, a passphrase, a
//! share, a code) or a defender's details. It is parsed like axum's `Form`, then
//! the body's buffer is overwritten with zeros, so the clear text does not stay
//! in freed memory for whoever reads the process or a crash dump later.
//!
//! Best effort, and said so: the fields the handler gets are `Zeroizing` where
//! they are secrets, but the URL decoder's passing copies and the socket's own
//! read buffers are beyond reach.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::de::DeserializeOwned;
use zeroize::Zeroize;

use crate::error::{PageError, WebError};

pub struct SecretForm<T>(pub T);

impl<S, T> FromRequest<S> for SecretForm<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(PageError(WebError::InvalidInput(
                "the form must be sent as application/x-www-form-urlencoded".into(),
            )));
        }
        let bytes = Bytes::from_request(request, state).await.map_err(|_| {
            PageError(WebError::InvalidInput(
                "the request body cannot be read".into(),
            ))
        })?;
        let (parsed, _wiped) = parse_and_wipe(bytes);
        parsed.map(SecretForm).map_err(|e| {
            PageError(WebError::InvalidInput(format!(
                "the form cannot be read: {e}"
            )))
        })
    }
}

/// Parses `bytes` as a form, then zeroes the buffer when this is its only
/// reference (the usual case: the CSRF check hands the one buffer on). Returns
/// whether it was wiped.
fn parse_and_wipe<T: DeserializeOwned>(
    bytes: Bytes,
) -> (Result<T, serde_urlencoded::de::Error>, bool) {
    let parsed = serde_urlencoded::from_bytes(&bytes);
    let wiped = match bytes.try_into_mut() {
        Ok(mut owned) => {
            owned[..].zeroize();
            true
        }
        Err(_shared) => false,
    };
    (parsed, wiped)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[derive(serde::Deserialize)]
    struct Login {
        password: zeroize::Zeroizing<String>,
    }

    #[test]
    fn the_only_buffer_is_wiped_after_parsing() {
        let body = Bytes::from(b"password=correct+horse".to_vec());
        let (parsed, wiped) = parse_and_wipe::<Login>(body);
        assert_eq!(parsed.unwrap().password.as_str(), "correct horse");
        assert!(wiped);
    }

    #[test]
    fn a_shared_buffer_is_left_to_its_other_owner() {
        let body = Bytes::from(b"password=x".to_vec());
        let other = body.clone();
        let (parsed, wiped) = parse_and_wipe::<Login>(body);
        assert!(parsed.is_ok());
        assert!(!wiped);
        assert_eq!(&other[..], b"password=x");
    }
}
