//! The control socket: how `torchlight unseal`, `seal` and `rotate` reach the
//! running server. A Unix socket in the data directory, readable and writable by
//! the server's user only, so being able to use it means being an operator of
//! that machine; nothing about it is reachable over the network. One JSON request
//! per line, one JSON answer per line.
//!
//! Hand-written because the protocol is a handful of messages; an HTTP client over
//! a Unix socket would add more than it saves.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use torchlight_app::keyring::{KeyringStatus, SealChoice, Unsealing};
use torchlight_app::{Actor, AppError};
use torchlight_core::OrganizationId;
use torchlight_crypto::vault::UnsealProgress;
use torchlight_web::AppState;
use zeroize::Zeroizing;

use crate::BadInput;

/// The socket's file name inside the data directory.
pub const SOCKET_NAME: &str = "control.sock";

/// Longest request line accepted: a passphrase or a share fits many times over.
const MAX_LINE: usize = 16 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    Status,
    Unseal {
        secret: Zeroizing<String>,
    },
    Seal,
    RotateOrganization {
        organization: String,
    },
    RotateRoot {
        passphrase: Option<Zeroizing<String>>,
        threshold: Option<u8>,
        shares: Option<u8>,
    },
}

#[derive(Serialize, Deserialize, Default)]
pub struct Answer {
    pub ok: bool,
    pub message: String,
    /// The caller's mistake (exit 2) rather than a failure (exit 1).
    #[serde(default)]
    pub bad_input: bool,
    /// Passphrase mode or share mode, for prompting.
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub shares: Vec<Zeroizing<String>>,
}

pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET_NAME)
}

/// Serves the control socket until the process ends.
#[cfg(unix)]
pub async fn listen(path: PathBuf, state: AppState) -> anyhow::Result<()> {
    use rustix::fs::Mode;
    // A socket left by a crashed server would block the bind.
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", path.display())),
    }
    // Created owner-only from its first moment: a chmod after the bind would leave
    // a window in which another user could connect. The umask is the process's,
    // so it is put back at once (anything created meanwhile is only stricter).
    let previous = rustix::process::umask(Mode::from_raw_mode(0o177));
    let bound = tokio::net::UnixListener::bind(&path);
    rustix::process::umask(previous);
    let listener =
        bound.with_context(|| format!("cannot create the control socket {}", path.display()))?;
    let own_uid = rustix::process::getuid().as_raw();
    tokio::spawn(async move {
        loop {
            match listener.accept().await {
                Ok((stream, _)) => {
                    let peer = stream.peer_cred().map(|cred| cred.uid());
                    if !peer.is_ok_and(|uid| peer_allowed(uid, own_uid)) {
                        // The file mode keeps others out already; this holds even
                        // if someone loosens it. They are told why; what they
                        // sent is read only to be thrown away (closing on unread
                        // data would reset the connection before they read this).
                        tracing::warn!("refused a control connection from another user");
                        tokio::spawn(async move {
                            let refused = refusal(
                                true,
                                "the control socket answers only the user the server runs as",
                            );
                            let _ = write_answer(stream, &refused).await;
                        });
                        continue;
                    }
                    let state = state.clone();
                    tokio::spawn(async move {
                        if let Err(e) = handle(stream, state).await {
                            tracing::warn!(error = %e, "control connection failed");
                        }
                    });
                }
                Err(e) => tracing::warn!(error = %e, "control socket accept failed"),
            }
        }
    });
    Ok(())
}

/// Only the server's own user (and root, who can read its memory anyway) may
/// unseal, seal or rotate through the socket.
fn peer_allowed(peer_uid: u32, own_uid: u32) -> bool {
    peer_uid == own_uid || peer_uid == 0
}

#[cfg(unix)]
async fn handle(stream: tokio::net::UnixStream, state: AppState) -> anyhow::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read.take(MAX_LINE as u64)).lines();
    let Some(line) = lines.next_line().await? else {
        return Ok(());
    };
    let line = Zeroizing::new(line);
    let answer = match serde_json::from_str::<Request>(&line) {
        Ok(request) => answer(&state, request).await,
        Err(_) => Answer {
            ok: false,
            bad_input: true,
            message: "unreadable request".into(),
            ..Answer::default()
        },
    };
    let mut text = serde_json::to_string(&answer)?;
    text.push('\n');
    write.write_all(text.as_bytes()).await?;
    Ok(())
}

#[cfg(unix)]
async fn write_answer(stream: tokio::net::UnixStream, answer: &Answer) -> anyhow::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut discarded = Zeroizing::new(String::new());
    BufReader::new(read.take(MAX_LINE as u64))
        .read_line(&mut discarded)
        .await?;
    let mut text = serde_json::to_string(answer)?;
    text.push('\n');
    write.write_all(text.as_bytes()).await?;
    write.shutdown().await?;
    Ok(())
}

use tokio::io::AsyncReadExt as _;

async fn answer(state: &AppState, request: Request) -> Answer {
    match perform(state, request).await {
        Ok(answer) => answer,
        Err(e) => refusal(e.is_callers_mistake(), e.to_string()),
    }
}

fn refusal(bad_input: bool, message: impl Into<String>) -> Answer {
    Answer {
        ok: false,
        bad_input,
        message: message.into(),
        ..Answer::default()
    }
}

fn done(message: impl Into<String>) -> Answer {
    Answer {
        ok: true,
        message: message.into(),
        ..Answer::default()
    }
}

/// The shares trustees enter at the machine, one after another, form one
/// unsealing: whoever can use the socket is the server's own user.
const OPERATOR_UNSEALING: &str = "operator at the control socket";

async fn perform(state: &AppState, request: Request) -> Result<Answer, AppError> {
    let keyring = state.app().keyring();
    match request {
        Request::Status => {
            let (mode, message) = match keyring.status(Some(OPERATOR_UNSEALING)).await? {
                KeyringStatus::NotInitialized => return Err(AppError::NotInitialized),
                KeyringStatus::Unsealed => (None, "unsealed".to_owned()),
                KeyringStatus::SealedByPassphrase => (Some("passphrase"), "sealed".to_owned()),
                KeyringStatus::SealedByShares { entered, threshold } => (
                    Some("shares"),
                    format!("sealed: {entered} of {threshold} shares entered"),
                ),
            };
            Ok(Answer {
                mode: mode.map(str::to_owned),
                ..done(message)
            })
        }
        Request::Unseal { secret } => {
            // Operators at the machine are not throttled: no client address.
            Ok(match keyring
                .unseal(secret, None, &Actor::Operator, OPERATOR_UNSEALING)
                .await?
            {
                Unsealing::NotInitialized => return Err(AppError::NotInitialized),
                Unsealing::AlreadyUnsealed => done("already unsealed"),
                Unsealing::Progress(UnsealProgress::Unsealed) => done("unsealed"),
                Unsealing::Progress(UnsealProgress::Pending { entered, threshold }) => done(format!(
                    "share accepted: {entered} of {threshold} entered; the server stays sealed until enough are in"
                )),
                Unsealing::Refused => refusal(true, AppError::Refused.to_string()),
                Unsealing::Malformed => {
                    refusal(true, "this is not a valid share or passphrase: check it for typos")
                }
                Unsealing::Busy => refusal(
                    true,
                    "another passphrase is being checked; try again in a moment",
                ),
                Unsealing::Crowded => refusal(
                    true,
                    "too many unsealings are in progress on the unseal page; try again later",
                ),
                Unsealing::Throttled(blocked) => refusal(
                    true,
                    format!("too many attempts; try again in {} minutes", blocked.minutes()),
                ),
            })
        }
        Request::Seal => {
            keyring.seal(&Actor::Operator).await?;
            Ok(done("sealed: every key has left memory"))
        }
        Request::RotateOrganization { organization } => {
            let id = resolve_organization(state, &organization)?;
            let version = keyring
                .rotate_organization_key(id, &Actor::Operator)
                .await?;
            Ok(done(format!(
                "organisation {id} now uses key version {version}"
            )))
        }
        Request::RotateRoot {
            passphrase,
            threshold,
            shares,
        } => {
            let choice = match passphrase {
                Some(passphrase) => SealChoice::Passphrase(passphrase),
                None => SealChoice::Shamir {
                    threshold: threshold.unwrap_or(3),
                    shares: shares.unwrap_or(5),
                },
            };
            let shares = keyring.rotate_root(choice, &Actor::Operator).await?;
            Ok(Answer {
                shares: shares
                    .iter()
                    .map(|s| Zeroizing::new(s.as_str().to_owned()))
                    .collect(),
                ..done(
                    "the root key was replaced; old shares or the old passphrase no longer unseal",
                )
            })
        }
    }
}

/// An organisation of the directory by id or exact name.
pub fn resolve_organization(state: &AppState, given: &str) -> Result<OrganizationId, AppError> {
    let directory = state.directory();
    resolve_in(&directory, given)
}

pub fn resolve_in(
    directory: &torchlight_core::Directory,
    given: &str,
) -> Result<OrganizationId, AppError> {
    let given = given.trim();
    directory
        .organizations
        .iter()
        .find(|o| o.id.to_string() == given.to_lowercase() || o.name == given)
        .map(|o| o.id)
        .ok_or_else(|| AppError::UnknownOrganization(given.to_owned()))
}

/// Sends one request to the server of `data_dir` and returns its answer.
#[cfg(unix)]
pub async fn call(data_dir: &Path, request: &Request) -> anyhow::Result<Answer> {
    let path = socket_path(data_dir);
    let stream = tokio::net::UnixStream::connect(&path).await.map_err(|e| {
        BadInput(format!(
            "cannot reach the server's control socket {} ({e}): is `torchlight serve` running with this data directory?",
            path.display()
        ))
    })?;
    let (read, mut write) = stream.into_split();
    let mut line = Zeroizing::new(serde_json::to_string(request)?);
    line.push('\n');
    write.write_all(line.as_bytes()).await?;
    let mut lines = BufReader::new(read).lines();
    let reply = lines
        .next_line()
        .await?
        .context("the server closed the control socket without answering")?;
    serde_json::from_str(&reply).context("the server's answer is unreadable")
}

#[cfg(not(unix))]
pub async fn listen(_: PathBuf, _: AppState) -> anyhow::Result<()> {
    Ok(())
}

#[cfg(not(unix))]
pub async fn call(_: &Path, _: &Request) -> anyhow::Result<Answer> {
    Err(BadInput("the control socket needs a Unix system".into()).into())
}
