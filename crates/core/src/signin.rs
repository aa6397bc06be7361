//! The rules of signing in and of a staff session, pure: which step a sign-in is
//! at, when a session has ended, and what an account's state is called. The web
//! guard, the sign-in pages and the command line all ask here, so the steps cannot
//! drift apart.

/// What a staff account has done so far, as far as signing in cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountProgress {
    /// A one-time password is still in force: a new one must be chosen.
    pub must_change_password: bool,
    /// An authenticator app (TOTP) is enrolled.
    pub second_factor_enrolled: bool,
    pub disabled: bool,
}

/// Where a sign-in stands, and so where its browser goes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInStep {
    /// Choose a password to replace the one-time password.
    ChangePassword,
    /// Enrol an authenticator app (first sign-in, or after a reset).
    EnrolSecondFactor,
    /// Give the second factor (a code, a recovery code or a security key).
    SecondFactor,
    /// Fully signed in.
    Complete,
}

impl SignInStep {
    /// The step after the password for an account in `account`'s state, in a
    /// session that has (or has not yet) given its second factor.
    pub fn of(account: AccountProgress, session_has_second_factor: bool) -> SignInStep {
        if account.must_change_password {
            SignInStep::ChangePassword
        } else if !account.second_factor_enrolled {
            SignInStep::EnrolSecondFactor
        } else if !session_has_second_factor {
            SignInStep::SecondFactor
        } else {
            SignInStep::Complete
        }
    }
}

/// How an account is described to an administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountStatus {
    Disabled,
    /// Created or reset, and not yet through its first sign-in.
    NotYetSignedIn,
    Active,
}

impl AccountStatus {
    pub fn of(account: AccountProgress) -> AccountStatus {
        if account.disabled {
            AccountStatus::Disabled
        } else if account.must_change_password || !account.second_factor_enrolled {
            AccountStatus::NotYetSignedIn
        } else {
            AccountStatus::Active
        }
    }

    /// The code the command line prints.
    pub fn code(self) -> &'static str {
        match self {
            AccountStatus::Disabled => "disabled",
            AccountStatus::NotYetSignedIn => "not yet signed in",
            AccountStatus::Active => "active",
        }
    }
}

/// How long a staff session lives: it ends after `idle_ms` without a request, and
/// `lifetime_ms` after sign-in however active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle_ms: i64,
    pub lifetime_ms: i64,
}

impl SessionLimits {
    /// 30 minutes idle, 12 hours in all.
    pub const DEFAULT: SessionLimits = SessionLimits {
        idle_ms: 30 * 60 * 1000,
        lifetime_ms: 12 * 60 * 60 * 1000,
    };

    /// True while a session created at `created_ms` and last used at
    /// `last_seen_ms` may still be used at `now_ms`. The limits themselves are
    /// included: a session idle for exactly `idle_ms` still works.
    pub fn is_live(&self, created_ms: i64, last_seen_ms: i64, now_ms: i64) -> bool {
        now_ms.saturating_sub(last_seen_ms) <= self.idle_ms
            && now_ms.saturating_sub(created_ms) <= self.lifetime_ms
    }

    /// The bounds of the sessions dead at `now_ms`, which a sweep deletes: last
    /// used before the first, or created before the second (`is_live`'s
    /// complement).
    pub fn dead_before(&self, now_ms: i64) -> (i64, i64) {
        (
            now_ms.saturating_sub(self.idle_ms),
            now_ms.saturating_sub(self.lifetime_ms),
        )
    }
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(must_change_password: bool, enrolled: bool) -> AccountProgress {
        AccountProgress {
            must_change_password,
            second_factor_enrolled: enrolled,
            disabled: false,
        }
    }

    #[test]
    fn a_sign_in_walks_password_enrolment_and_second_factor_in_order() {
        use SignInStep::*;
        assert_eq!(SignInStep::of(account(true, false), false), ChangePassword);
        // A new password is asked for even when a factor exists (after a reset by
        // the user's own request the factor is gone anyway).
        assert_eq!(SignInStep::of(account(true, true), true), ChangePassword);
        assert_eq!(
            SignInStep::of(account(false, false), false),
            EnrolSecondFactor
        );
        assert_eq!(
            SignInStep::of(account(false, false), true),
            EnrolSecondFactor
        );
        assert_eq!(SignInStep::of(account(false, true), false), SecondFactor);
        assert_eq!(SignInStep::of(account(false, true), true), Complete);
    }

    #[test]
    fn an_account_is_active_only_once_through_its_first_sign_in() {
        assert_eq!(
            AccountStatus::of(account(true, false)),
            AccountStatus::NotYetSignedIn
        );
        assert_eq!(
            AccountStatus::of(account(false, false)),
            AccountStatus::NotYetSignedIn
        );
        assert_eq!(
            AccountStatus::of(account(false, true)),
            AccountStatus::Active
        );
        let mut disabled = account(false, true);
        disabled.disabled = true;
        assert_eq!(AccountStatus::of(disabled), AccountStatus::Disabled);
    }

    #[test]
    fn a_session_ends_when_idle_too_long_or_too_old() {
        let limits = SessionLimits {
            idle_ms: 1_000,
            lifetime_ms: 10_000,
        };
        assert!(limits.is_live(0, 0, 1_000));
        assert!(!limits.is_live(0, 0, 1_001));
        // Kept busy, it still ends at its lifetime.
        assert!(limits.is_live(0, 9_500, 10_000));
        assert!(!limits.is_live(0, 9_999, 10_001));
        // A clock set back does not end a session.
        assert!(limits.is_live(5_000, 5_000, 0));
    }
}
