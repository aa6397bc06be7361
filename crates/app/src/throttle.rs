//! Failed sign-ins (and unseal attempts) counted per account and per client, in
//! memory. Past a limit, attempts are refused until the window ends, with the same
//! message whether or not the account exists, so the limit reveals no account.
//!
//! Client addresses are used here only as keys of this map, never logged, and
//! forgotten when their window ends.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

/// Failures allowed per window before attempts are refused.
pub const ACCOUNT_LIMIT: u32 = 5;
pub const CLIENT_LIMIT: u32 = 20;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Beyond this many tracked keys, expired ones are swept before adding another.
const SWEEP_ABOVE: usize = 100_000;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(String),
    Client(IpAddr),
    Unseal(IpAddr),
}

#[derive(Debug, Clone, Copy)]
struct Window {
    /// Milliseconds since the epoch, by the application's clock.
    started_ms: i64,
    failures: u32,
}

#[derive(Default)]
pub struct Throttle {
    windows: Mutex<HashMap<Key, Window>>,
}

/// Attempts are refused for this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked {
    pub retry_after: Duration,
}

impl Blocked {
    /// Whole minutes to wait, at least one.
    pub fn minutes(&self) -> u64 {
        self.retry_after.as_secs().div_ceil(60).max(1)
    }
}

impl Throttle {
    /// Whether a sign-in for `username` from `client` may be tried now.
    pub fn check_sign_in(
        &self,
        username: &str,
        client: Option<IpAddr>,
        now_ms: i64,
    ) -> Result<(), Blocked> {
        let windows = self.lock();
        let mut keys = vec![(Key::Account(username.to_owned()), ACCOUNT_LIMIT)];
        if let Some(ip) = client {
            keys.push((Key::Client(ip), CLIENT_LIMIT));
        }
        blocked(&windows, &keys, now_ms)
    }

    pub fn sign_in_failed(&self, username: &str, client: Option<IpAddr>, now_ms: i64) {
        let mut keys = vec![Key::Account(username.to_owned())];
        keys.extend(client.map(Key::Client));
        self.record(keys, now_ms);
    }

    /// A successful sign-in clears the account's count (not the client's).
    pub fn sign_in_succeeded(&self, username: &str) {
        self.lock().remove(&Key::Account(username.to_owned()));
    }

    pub fn check_unseal(&self, client: Option<IpAddr>, now_ms: i64) -> Result<(), Blocked> {
        let Some(ip) = client else { return Ok(()) };
        blocked(
            &self.lock(),
            &[(Key::Unseal(ip), ACCOUNT_LIMIT * 2)],
            now_ms,
        )
    }

    pub fn unseal_failed(&self, client: Option<IpAddr>, now_ms: i64) {
        self.record(client.map(Key::Unseal).into_iter().collect(), now_ms);
    }

    fn record(&self, keys: Vec<Key>, now_ms: i64) {
        let mut windows = self.lock();
        if windows.len() > SWEEP_ABOVE {
            windows.retain(|_, w| age(w, now_ms) < WINDOW);
        }
        for key in keys {
            let window = windows.entry(key).or_insert(Window {
                started_ms: now_ms,
                failures: 0,
            });
            if age(window, now_ms) >= WINDOW {
                *window = Window {
                    started_ms: now_ms,
                    failures: 0,
                };
            }
            window.failures = window.failures.saturating_add(1);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Window>> {
        // A panic elsewhere while holding the lock leaves counts that are still
        // counts; keep using them rather than failing every sign-in.
        self.windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// How long ago a window started; a clock set back counts as no time at all.
fn age(window: &Window, now_ms: i64) -> Duration {
    Duration::from_millis(u64::try_from(now_ms.saturating_sub(window.started_ms)).unwrap_or(0))
}

fn blocked(
    windows: &HashMap<Key, Window>,
    keys: &[(Key, u32)],
    now_ms: i64,
) -> Result<(), Blocked> {
    let mut longest: Option<Duration> = None;
    for (key, limit) in keys {
        if let Some(window) = windows.get(key) {
            let age = age(window, now_ms);
            if age < WINDOW && window.failures >= *limit {
                let left = WINDOW - age;
                longest = Some(longest.map_or(left, |l| l.max(left)));
            }
        }
    }
    match longest {
        Some(retry_after) => Err(Blocked { retry_after }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// An arbitrary instant: the throttle only compares times.
    const T: i64 = 1_700_000_000_000;

    #[test]
    fn an_account_is_blocked_after_its_limit_whoever_tries() {
        let throttle = Throttle::default();
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        for _ in 0..ACCOUNT_LIMIT {
            assert!(throttle.check_sign_in("amira", Some(a), T).is_ok());
            throttle.sign_in_failed("amira", Some(a), T);
        }
        let blocked = throttle.check_sign_in("amira", Some(b), T).unwrap_err();
        assert_eq!(blocked.minutes(), 15);
        // Another account from the first client is still allowed.
        assert!(throttle.check_sign_in("bakyt", Some(a), T).is_ok());
    }

    #[test]
    fn unknown_accounts_are_counted_like_real_ones() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT {
            throttle.sign_in_failed("nobody-here", None, T);
        }
        assert!(throttle.check_sign_in("nobody-here", None, T).is_err());
    }

    #[test]
    fn a_client_is_blocked_after_trying_many_accounts() {
        let throttle = Throttle::default();
        let ip: IpAddr = [10, 0, 0, 3].into();
        for n in 0..CLIENT_LIMIT {
            throttle.sign_in_failed(&format!("user{n}"), Some(ip), T);
        }
        assert!(throttle.check_sign_in("fresh", Some(ip), T).is_err());
        assert!(throttle.check_sign_in("fresh", None, T).is_ok());
    }

    #[test]
    fn success_clears_the_account() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT - 1 {
            throttle.sign_in_failed("amira", None, T);
        }
        throttle.sign_in_succeeded("amira");
        throttle.sign_in_failed("amira", None, T);
        assert!(throttle.check_sign_in("amira", None, T).is_ok());
    }

    #[test]
    fn a_window_ends_by_the_clock_it_is_given() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT {
            throttle.sign_in_failed("amira", None, T);
        }
        let window = i64::try_from(WINDOW.as_millis()).unwrap();
        let blocked = throttle
            .check_sign_in("amira", None, T + window - 60_000)
            .unwrap_err();
        assert_eq!(blocked.minutes(), 1);
        assert!(throttle.check_sign_in("amira", None, T + window).is_ok());
        // A clock set back does not lift a block early.
        assert!(throttle.check_sign_in("amira", None, T - 1).is_err());
    }
}
