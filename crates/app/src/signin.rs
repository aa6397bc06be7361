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
use torchlight_store::{Change, Session, StaffUser, UnitOfWork};
use zeroize::Zeroizing;

use crate::accounts::SecondFactorSpend;
use crate::throttle::{Attempting, Blocked};
use crate::{Actor, App, AppError, StaffMember};

/// How often, at most, a session's time of last use is written: a minute, or a
/// tenth of the idle limit when that is shorter.
const TOUCH_AT_MOST_EVERY_MS: i64 = 60_000;

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

/// Refuses a second factor for a sign-in at another step (the web layer checks this
/// before, to redirect; this keeps the rule where it lives).
fn at_second_factor(session: &Session, user: &StaffUser) -> Result<(), AppError> {
    if step_of(user, session) == SignInStep::SecondFactor {
        Ok(())
    } else {
        Err(AppError::Invalid(
            "this sign-in is not at the step of the second factor".into(),
        ))
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
    /// absolute limit, or whose user was disabled, is ended here, and that is
    /// recorded as the server's doing.
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
        match store.user(session.user_id).await? {
            Some(user) if live && !user.disabled => Ok(Some((session, user))),
            _ => {
                let unit = self
                    .app
                    .unit(
                        &Actor::System,
                        "staff.session_ended",
                        Some(session.user_id.to_string()),
                    )
                    .with(Change::EndSession {
                        token_digest: digest,
                    });
                self.app.commit(unit).await?;
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
        // The time of last use is not audited data: it changes on every request.
        // It is written at most once a minute (each write is a durable commit,
        // and a page view already makes one for its audit entry), or a tenth of
        // the idle limit: the limit counts from a use at most that much older
        // than the last.
        let now = self.app.now_ms();
        let every = TOUCH_AT_MOST_EVERY_MS.min(self.app.session_limits().idle_ms / 10);
        if now.saturating_sub(session.last_seen_ms) >= every {
            self.app
                .store()
                .touch_session(&session.token_digest, now)
                .await?;
        }
        Ok(Some(StaffMember::new(user, session)))
    }

    /// A new session for `user`, to be created by the unit that signs it in. A new
    /// token at each step of signing in, so a token seen before a step is worthless
    /// after it.
    fn new_session(&self, user: StaffUser, second_factor: bool) -> Started {
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
        Started {
            token,
            session,
            user,
        }
    }

    /// `unit` with the session of `previous` (a digest) ended and `started`'s
    /// created in its place.
    fn replacing(unit: UnitOfWork, previous: Option<String>, started: &Started) -> UnitOfWork {
        let unit = match previous {
            Some(token_digest) => unit.with(Change::EndSession { token_digest }),
            None => unit,
        };
        unit.with(Change::CreateSession {
            session: started.session.clone(),
            expected_hash: started.user.password_hash.clone(),
        })
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
        // A name no account can have is refused before it becomes a throttle key
        // (a flood of 10 kB names must not fill memory) or costs a hash; the
        // answer is the same as for a wrong password, and says nothing of any
        // account: such a name is refused at creation too.
        let Ok(username) = crate::accounts::normalize_username(username) else {
            return Ok(Attempt::Refused);
        };
        // Reserved before the hash is computed: a burst for one account is
        // evaluated only up to the limit.
        let attempt = match self
            .app
            .throttle()
            .begin_sign_in(&username, client, self.app.now_ms())
        {
            Ok(attempt) => attempt,
            Err(blocked) => return Ok(Attempt::Throttled(blocked)),
        };
        let user = self.app.store().user_by_username(&username).await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let matches = self.app.hasher().verify(hash, password).await?;
        let user = match user {
            Some(user) if matches && !user.disabled => user,
            found => {
                attempt.failed(self.app.now_ms());
                // Recorded for an unknown name too (naming no one), so that both
                // cost the same hash and the same durable write: how long the
                // answer takes must not tell which usernames exist.
                let (actor, object) = match &found {
                    Some(user) => (Actor::of(user), Some(user.id.to_string())),
                    None => (Actor::Anonymous, None),
                };
                let unit = self.app.unit(&actor, "staff.sign_in_failed", object);
                self.app.commit(unit).await?;
                return Ok(Attempt::Refused);
            }
        };
        attempt.succeeded();
        // Each sign-in also sweeps away the sessions nobody can use any more.
        let (last_seen_before_ms, created_before_ms) = self.limits().dead_before(self.app.now_ms());
        let unit = self
            .app
            .unit(
                &Actor::of(&user),
                "staff.sign_in",
                Some(user.id.to_string()),
            )
            .with(Change::EndDeadSessions {
                last_seen_before_ms,
                created_before_ms,
            });
        let started = self.new_session(user, false);
        let previous = previous_token.map(token_digest);
        self.app
            .commit(Self::replacing(unit, previous, &started))
            .await?;
        Ok(Attempt::Accepted(started))
    }

    /// The TOTP secret to show this sign-in at enrolment: the same one on every
    /// reload while it waits for its code (see `enrolment`).
    pub fn offered_secret(&self, session: &Session) -> TotpSecret {
        self.app
            .enrolments()
            .offer(&session.token_digest, self.app.now_ms())
    }

    /// Enrols the authenticator app this sign-in was offered (`offered_secret`),
    /// if `code` proves the app reads it; returns the recovery codes to show once
    /// and the new, fully signed-in session. `Refused` when the code does not
    /// match; the offer then stands.
    pub async fn enrol(
        &self,
        session: &Session,
        user: StaffUser,
        code: &str,
    ) -> Result<Attempt<(Vec<Zeroizing<String>>, Started)>, AppError> {
        if step_of(&user, session) != SignInStep::EnrolSecondFactor {
            return Err(AppError::Invalid(
                "this sign-in is not at the step of enrolling a second factor".into(),
            ));
        }
        let Some(secret) = self
            .app
            .enrolments()
            .offered(&session.token_digest, self.app.now_ms())
        else {
            return Err(AppError::Invalid(
                "enrolment: the page has expired; reload it for a new code".into(),
            ));
        };
        let Some(step) = self.app.accounts().totp_step_of(&secret, code) else {
            return Ok(Attempt::Refused);
        };
        let enrolment = self.app.accounts().totp_enrolment(&user, &secret, step)?;
        let unit = self
            .app
            .unit(
                &Actor::of(&user),
                "staff.totp_enrolled",
                Some(user.id.to_string()),
            )
            .with(enrolment.change);
        // The session now carries the second factor, under a new token.
        let started = self.new_session(enrolment.enrolled, true);
        let previous = Some(session.token_digest.clone());
        self.app
            .commit(Self::replacing(unit, previous, &started))
            .await?;
        self.app.enrolments().confirmed(&session.token_digest);
        Ok(Attempt::Accepted((enrolment.codes, started)))
    }

    /// Reserves a second-factor attempt for `user` from `client` (see
    /// `throttle`), or says how long attempts are refused.
    pub fn begin_second_factor(
        &self,
        user: &StaffUser,
        client: Option<IpAddr>,
    ) -> Result<Attempting<'_>, Blocked> {
        self.app
            .throttle()
            .begin_sign_in(&second_factor_key(user), client, self.app.now_ms())
    }

    /// Counts and records a wrong second factor (a code or a security key).
    pub async fn second_factor_failed(
        &self,
        attempt: Attempting<'_>,
        user: &StaffUser,
    ) -> Result<(), AppError> {
        attempt.failed(self.app.now_ms());
        let unit = self.app.unit(
            &Actor::of(user),
            "staff.second_factor_failed",
            Some(user.id.to_string()),
        );
        self.app.commit(unit).await
    }

    /// The second step: a TOTP code or a recovery code. The code is spent in the
    /// same unit that starts the new session, so a code sent twice at once signs
    /// in once.
    pub async fn with_code(
        &self,
        session: &Session,
        user: StaffUser,
        code: &str,
        client: Option<IpAddr>,
    ) -> Result<Attempt<Started>, AppError> {
        at_second_factor(session, &user)?;
        let attempt = match self.begin_second_factor(&user, client) {
            Ok(attempt) => attempt,
            Err(blocked) => return Ok(Attempt::Throttled(blocked)),
        };
        let Some(spend) = self.app.accounts().second_factor_spend(&user, code)? else {
            self.second_factor_failed(attempt, &user).await?;
            return Ok(Attempt::Refused);
        };
        let actor = Actor::of(&user);
        let object = Some(user.id.to_string());
        let unit = match spend {
            SecondFactorSpend::Totp(change) => self
                .app
                .unit(&actor, "staff.second_factor", object)
                .with(change),
            SecondFactorSpend::RecoveryCode(change) => self
                .app
                .unit(&actor, "staff.recovery_code_used", object.clone())
                .and_record(self.app.event(&actor, "staff.second_factor", object))
                .with(change),
        };
        match self
            .complete_second_factor(session, user.clone(), unit)
            .await
        {
            // A step used already, or no such unused recovery code.
            Err(AppError::Conflict(_)) => {
                self.second_factor_failed(attempt, &user).await?;
                Ok(Attempt::Refused)
            }
            Ok(started) => {
                attempt.succeeded();
                Ok(Attempt::Accepted(started))
            }
            Err(e) => Err(e),
        }
    }

    /// Completes the second step with a security key the web layer's WebAuthn
    /// check accepted, within the `attempt` it reserved; `key_updates` are the
    /// keys' new states (credential id and its serialised credential, with the
    /// signature counter moved on).
    pub async fn with_security_key(
        &self,
        session: &Session,
        user: StaffUser,
        attempt: Attempting<'_>,
        key_updates: Vec<(String, String)>,
    ) -> Result<Started, AppError> {
        at_second_factor(session, &user)?;
        let now = self.app.now_ms();
        let mut unit = self.app.unit(
            &Actor::of(&user),
            "staff.second_factor",
            Some(user.id.to_string()),
        );
        for (credential_id, credential) in key_updates {
            unit = unit.with(Change::RecordSecurityKeyUse {
                user: user.id,
                credential_id,
                credential,
                used_at_ms: now,
            });
        }
        let started = self.complete_second_factor(session, user, unit).await?;
        attempt.succeeded();
        Ok(started)
    }

    /// Commits `unit` (the factor spent and its record) with the session replaced
    /// by one that carries the second factor.
    async fn complete_second_factor(
        &self,
        session: &Session,
        user: StaffUser,
        unit: UnitOfWork,
    ) -> Result<Started, AppError> {
        let started = self.new_session(user, true);
        let previous = Some(session.token_digest.clone());
        self.app
            .commit(Self::replacing(unit, previous, &started))
            .await?;
        Ok(started)
    }

    /// Step-up (see `stepup`): `password` and `code` (TOTP or recovery code) prove
    /// again that the fully signed-in `session` is its user's, so that credentials
    /// can be changed in it for a few minutes. Throttled and recorded like a
    /// sign-in, and against the same account: a stolen session cannot use this to
    /// guess the password faster than the sign-in page allows.
    pub async fn step_up(
        &self,
        session: &Session,
        user: &StaffUser,
        password: Zeroizing<String>,
        code: &str,
        client: Option<IpAddr>,
    ) -> Result<Attempt<()>, AppError> {
        if step_of(user, session) != SignInStep::Complete {
            return Err(AppError::Invalid(
                "only a fully signed-in session can confirm its user".into(),
            ));
        }
        let now = self.app.now_ms();
        let password_attempt = match self
            .app
            .throttle()
            .begin_sign_in(&user.username, client, now)
        {
            Ok(attempt) => attempt,
            Err(blocked) => return Ok(Attempt::Throttled(blocked)),
        };
        let code_attempt = match self.begin_second_factor(user, client) {
            Ok(attempt) => attempt,
            Err(blocked) => return Ok(Attempt::Throttled(blocked)),
        };
        let password_matches = self
            .app
            .hasher()
            .verify(Some(user.password_hash.clone()), password)
            .await?;
        let spend = if password_matches {
            self.app.accounts().second_factor_spend(user, code)?
        } else {
            None
        };
        let actor = Actor::of(user);
        let object = Some(user.id.to_string());
        let committed = match spend {
            Some(spend) => {
                let change = match spend {
                    SecondFactorSpend::Totp(change) | SecondFactorSpend::RecoveryCode(change) => {
                        change
                    }
                };
                let unit = self
                    .app
                    .unit(&actor, "staff.step_up", object.clone())
                    .with(change);
                match self.app.commit(unit).await {
                    // The code was used already: as wrong as a wrong one.
                    Err(AppError::Conflict(_)) => false,
                    Err(e) => return Err(e),
                    Ok(()) => true,
                }
            }
            None => false,
        };
        let now = self.app.now_ms();
        if !committed {
            // Which of the two was wrong is not said.
            // Each throttle counts what it guards: a wrong password, or a wrong
            // code after the right password (a code not looked at is released).
            if password_matches {
                password_attempt.succeeded();
                code_attempt.failed(now);
            } else {
                password_attempt.failed(now);
            }
            let unit = self.app.unit(&actor, "staff.step_up_failed", object);
            self.app.commit(unit).await?;
            return Ok(Attempt::Refused);
        }
        password_attempt.succeeded();
        code_attempt.succeeded();
        self.app.step_ups().confirm(&session.token_digest, now);
        Ok(Attempt::Accepted(()))
    }

    /// Whether `session` stepped up within the last few minutes.
    pub fn stepped_up(&self, session: &Session) -> bool {
        self.app
            .step_ups()
            .is_fresh(&session.token_digest, self.app.now_ms())
    }

    /// `StepUpRequired` unless `session` stepped up lately.
    pub(crate) fn require_step_up(&self, session: &Session) -> Result<(), AppError> {
        if self.stepped_up(session) {
            Ok(())
        } else {
            Err(AppError::StepUpRequired)
        }
    }

    /// Ends one session.
    pub async fn sign_out(&self, session: &Session, user: &StaffUser) -> Result<(), AppError> {
        let unit = self
            .app
            .unit(
                &Actor::of(user),
                "staff.sign_out",
                Some(user.id.to_string()),
            )
            .with(Change::EndSession {
                token_digest: session.token_digest.clone(),
            });
        self.app.commit(unit).await
    }

    /// Ends every session of `user`, on every device.
    pub async fn sign_out_everywhere(&self, staff: &StaffMember) -> Result<(), AppError> {
        let unit = self
            .app
            .unit(
                &staff.actor(),
                "staff.sign_out_everywhere",
                Some(staff.user.id.to_string()),
            )
            .with(Change::EndSessionsOfUser {
                user: staff.user.id,
            });
        self.app.commit(unit).await
    }
}
