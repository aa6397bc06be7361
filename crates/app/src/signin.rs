//! Signing in and staying signed in: the password, the second factor (a TOTP code,
//! a recovery code, or a security key checked by the web layer), enrolment of an
//! authenticator app, sessions with their limits, and signing out.
//!
//! Which step comes next is `torchlight_core::signin::SignInStep`; when a session
//! has ended is `SessionLimits`. This module joins those rules to the throttle, the
//! hasher, the store and the clock, and records each step in the audit chain.

use std::net::IpAddr;

use torchlight_core::signin::{AccountProgress, SessionLimits, SignInStep};
use torchlight_crypto::credentials::{random_token, token_digest, TotpSecret};
use torchlight_store::{Session, StaffUser};
use zeroize::Zeroizing;

use crate::throttle::Blocked;
use crate::{Actor, App, AppError, StaffMember};

/// The sign-in service of an [`App`].
pub struct SignIn<'a> {
    pub(crate) app: &'a App,
}

/// A session just started: the token goes into the browser's cookie and nowhere
/// else (the store keeps only its digest).
pub struct Started {
    pub token: String,
    pub session: Session,
    pub user: StaffUser,
}

impl Started {
    pub fn next_step(&self) -> SignInStep {
        step_of(&self.user, &self.session)
    }
}

/// How an attempt (a password, a code, a key) went.
pub enum Attempt<T> {
    /// Too many failures lately: not even checked.
    Throttled(Blocked),
    /// Wrong, unknown or disabled; the same answer for each, so none is revealed.
    Refused,
    Accepted(T),
}

/// What a sign-in's progress is, by the rule of `core`.
pub fn step_of(user: &StaffUser, session: &Session) -> SignInStep {
    SignInStep::of(progress(user), session.second_factor)
}

/// The parts of an account the sign-in rules look at.
pub fn progress(user: &StaffUser) -> AccountProgress {
    AccountProgress {
        must_change_password: user.must_change_password,
        second_factor_enrolled: user.totp_sealed.is_some(),
        disabled: user.disabled,
    }
}

/// Second-factor guesses count against their own key, so a correct password cannot
/// be followed by unlimited code guesses.
fn second_factor_key(user: &StaffUser) -> String {
    format!("second-factor/{}", user.username)
}

impl SignIn<'_> {
    fn limits(&self) -> SessionLimits {
        self.app.session_limits()
    }

    /// The live session of `token` and its user. A session past its idle or
    /// absolute limit, or whose user was disabled, is ended (deleted) here.
    pub async fn current(&self, token: &str) -> Result<Option<(Session, StaffUser)>, AppError> {
        let store = self.app.store();
        let digest = token_digest(token);
        let Some(session) = store.session(&digest).await? else {
            return Ok(None);
        };
        let live = self.limits().is_live(
            session.created_at_ms,
            session.last_seen_ms,
            self.app.now_ms(),
        );
        let user = match live {
            true => store.user(session.user_id).await?.filter(|u| !u.disabled),
            false => None,
        };
        match user {
            Some(user) => Ok(Some((session, user))),
            None => {
                store.delete_session(&digest).await?;
                Ok(None)
            }
        }
    }

    /// The staff member of a fully signed-in session, its use recorded (the idle
    /// limit counts from now). `None` unless the sign-in is `Complete`.
    pub async fn admit(
        &self,
        session: Session,
        user: StaffUser,
    ) -> Result<Option<StaffMember>, AppError> {
        if step_of(&user, &session) != SignInStep::Complete {
            return Ok(None);
        }
        self.app
            .store()
            .touch_session(&session.token_digest, self.app.now_ms())
            .await?;
        Ok(Some(StaffMember::new(user, session)))
    }

    /// A new session for `user`. A new token at each step of signing in, so a token
    /// seen before a step is worthless after it.
    async fn start(&self, user: StaffUser, second_factor: bool) -> Result<Started, AppError> {
        let token = random_token();
        let now = self.app.now_ms();
        let session = Session {
            token_digest: token_digest(&token),
            user_id: user.id,
            csrf_token: random_token(),
            created_at_ms: now,
            last_seen_ms: now,
            second_factor,
        };
        self.app.store().create_session(&session).await?;
        Ok(Started {
            token,
            session,
            user,
        })
    }

    /// Replaces `session` by a new one of the same user, now with the second factor.
    async fn promote(&self, session: &Session, user: StaffUser) -> Result<Started, AppError> {
        self.app
            .store()
            .delete_session(&session.token_digest)
            .await?;
        self.start(user, true).await
    }

    /// The first step: username and password. `previous_token` is the browser's
    /// old session, ended on success so one browser holds one session.
    pub async fn with_password(
        &self,
        username: &str,
        password: Zeroizing<String>,
        client: Option<IpAddr>,
        previous_token: Option<&str>,
    ) -> Result<Attempt<Started>, AppError> {
        let username = username.trim().to_lowercase();
        let throttle = self.app.throttle();
        if let Err(blocked) = throttle.check_sign_in(&username, client, self.app.now_ms()) {
            return Ok(Attempt::Throttled(blocked));
        }
        let store = self.app.store();
        let user = store.user_by_username(&username).await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let matches = self.app.hasher().verify(hash, password).await?;
        let user = match user {
            Some(user) if matches && !user.disabled => user,
            found => {
                throttle.sign_in_failed(&username, client, self.app.now_ms());
                if let Some(user) = found {
                    let event = self.app.event(
                        &Actor::of(&user),
                        "staff.sign_in_failed",
                        Some(user.id.to_string()),
                    );
                    store.append_audit(event).await?;
                }
                return Ok(Attempt::Refused);
            }
        };
        throttle.sign_in_succeeded(&username);
        if let Some(previous) = previous_token {
            store.delete_session(&token_digest(previous)).await?;
        }
        let event = self.app.event(
            &Actor::of(&user),
            "staff.sign_in",
            Some(user.id.to_string()),
        );
        let started = self.start(user, false).await?;
        store.append_audit(event).await?;
        Ok(Attempt::Accepted(started))
    }

    /// Enrols the authenticator app whose `secret` this sign-in showed, if `code`
    /// proves the app reads it; returns the recovery codes to show once and the
    /// new, fully signed-in session. `Refused` when the code does not match.
    pub async fn enrol(
        &self,
        session: &Session,
        user: StaffUser,
        secret: &TotpSecret,
        code: &str,
    ) -> Result<Attempt<(Vec<Zeroizing<String>>, Started)>, AppError> {
        if step_of(&user, session) != SignInStep::EnrolSecondFactor {
            return Err(AppError::Invalid(
                "this sign-in is not at the step of enrolling a second factor".into(),
            ));
        }
        let Some(step) = self.app.accounts().totp_step_of(secret, code) else {
            return Ok(Attempt::Refused);
        };
        let actor = Actor::of(&user);
        let (user, codes) = self
            .app
            .accounts()
            .enrol_totp(user, secret, step, &actor)
            .await?;
        // The session now carries the second factor, under a new token.
        let started = self.promote(session, user).await?;
        Ok(Attempt::Accepted((codes, started)))
    }

    /// Whether a second factor may be tried for `user` from `client` now.
    pub fn check_second_factor(
        &self,
        user: &StaffUser,
        client: Option<IpAddr>,
    ) -> Result<(), Blocked> {
        self.app
            .throttle()
            .check_sign_in(&second_factor_key(user), client, self.app.now_ms())
    }

    /// Counts and records a wrong second factor (a code or a security key).
    pub async fn second_factor_failed(
        &self,
        user: &StaffUser,
        client: Option<IpAddr>,
    ) -> Result<(), AppError> {
        self.app
            .throttle()
            .sign_in_failed(&second_factor_key(user), client, self.app.now_ms());
        let event = self.app.event(
            &Actor::of(user),
            "staff.second_factor_failed",
            Some(user.id.to_string()),
        );
        self.app.store().append_audit(event).await?;
        Ok(())
    }

    /// The second step: a TOTP code or a recovery code.
    pub async fn with_code(
        &self,
        session: &Session,
        user: StaffUser,
        code: &str,
        client: Option<IpAddr>,
    ) -> Result<Attempt<Started>, AppError> {
        if let Err(blocked) = self.check_second_factor(&user, client) {
            return Ok(Attempt::Throttled(blocked));
        }
        if !self
            .app
            .accounts()
            .verify_second_factor(&user, code)
            .await?
        {
            self.second_factor_failed(&user, client).await?;
            return Ok(Attempt::Refused);
        }
        self.second_factor_passed(session, user)
            .await
            .map(Attempt::Accepted)
    }

    /// Completes the second step once a factor was accepted (a code here, a
    /// security key by the web layer's WebAuthn check): a new session with the
    /// second factor, recorded.
    pub async fn second_factor_passed(
        &self,
        session: &Session,
        user: StaffUser,
    ) -> Result<Started, AppError> {
        self.app
            .throttle()
            .sign_in_succeeded(&second_factor_key(&user));
        let event = self.app.event(
            &Actor::of(&user),
            "staff.second_factor",
            Some(user.id.to_string()),
        );
        let started = self.promote(session, user).await?;
        self.app.store().append_audit(event).await?;
        Ok(started)
    }

    /// Ends one session.
    pub async fn sign_out(&self, session: &Session, user: &StaffUser) -> Result<(), AppError> {
        let store = self.app.store();
        store.delete_session(&session.token_digest).await?;
        let event = self.app.event(
            &Actor::of(user),
            "staff.sign_out",
            Some(user.id.to_string()),
        );
        store.append_audit(event).await?;
        Ok(())
    }

    /// Ends the session of `token`, if it exists, without recording anything: a
    /// browser starting over.
    pub async fn forget(&self, token: &str) -> Result<(), AppError> {
        self.app
            .store()
            .delete_session(&token_digest(token))
            .await?;
        Ok(())
    }

    /// Ends every session of `user`, on every device.
    pub async fn sign_out_everywhere(&self, staff: &StaffMember) -> Result<(), AppError> {
        let store = self.app.store();
        store.delete_sessions_of_user(staff.user.id).await?;
        let event = self.app.event(
            &staff.actor(),
            "staff.sign_out_everywhere",
            Some(staff.user.id.to_string()),
        );
        store.append_audit(event).await?;
        Ok(())
    }
}
