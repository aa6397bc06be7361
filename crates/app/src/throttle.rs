//! Failed sign-ins (and unseal attempts) counted per account and per client, in
//! memory. Past a limit, attempts are refused until the window ends, with the same
//! message whether or not the account exists, so the limit reveals no account.
//!
//! An attempt is reserved before its slow step (a password hash, a key
//! derivation) and counted against the limit while it runs: a burst sent at once
//! is evaluated at most up to the limit, and the rest are refused without any
//! work. It becomes a failure or is released when its outcome is known.
//!
//! Client addresses are used here only as keys of this map, never logged, and
//! forgotten when their window ends: the map is swept of ended windows at least
//! once a window, so it holds only what the last fifteen minutes brought. How much
//! that can be is bounded by the password-hashing queue every counted attempt
//! waits in, and by usernames being checked (length, characters) before they
//! become keys.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Failures allowed per window before attempts are refused.
pub const ACCOUNT_LIMIT: u32 = 5;
pub const CLIENT_LIMIT: u32 = 20;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Beyond this many tracked keys, ended windows are swept at once, not only once
/// a window.
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
    /// Attempts reserved and not yet resolved; they count against the limit.
    in_flight: u32,
}

impl Window {
    fn new(now_ms: i64) -> Window {
        Window {
            started_ms: now_ms,
            failures: 0,
            in_flight: 0,
        }
    }

    /// Starts a fresh window when this one has ended, keeping what is in flight.
    fn renew(&mut self, now_ms: i64) {
        if age(self, now_ms) >= WINDOW {
            self.started_ms = now_ms;
            self.failures = 0;
        }
    }
}

#[derive(Default)]
pub struct Throttle {
    windows: Mutex<HashMap<Key, Window>>,
    /// When ended windows were last swept away (ms since the epoch).
    swept_ms: AtomicI64,
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

/// One attempt allowed to go ahead, counted against its limits until it is
/// resolved: `failed` counts it, `succeeded` clears the account, and dropping it
/// unresolved (an outage mid-way) releases it uncounted.
#[must_use = "an attempt holds its place in the limit until it is resolved"]
pub struct Attempting<'a> {
    throttle: &'a Throttle,
    keys: Vec<Key>,
    /// The key a success clears (the account's).
    cleared_by_success: Option<Key>,
    resolved: bool,
}

impl Attempting<'_> {
    pub fn failed(mut self, now_ms: i64) {
        self.resolved = true;
        let mut windows = self.throttle.lock();
        for key in &self.keys {
            let window = windows
                .entry(key.clone())
                .or_insert_with(|| Window::new(now_ms));
            window.in_flight = window.in_flight.saturating_sub(1);
            window.renew(now_ms);
            window.failures = window.failures.saturating_add(1);
        }
    }

    /// A success clears the account's count (not the client's).
    pub fn succeeded(mut self) {
        self.resolved = true;
        let mut windows = self.throttle.lock();
        release(&mut windows, &self.keys);
        if let Some(key) = &self.cleared_by_success {
            if let Some(window) = windows.get_mut(key) {
                window.failures = 0;
                if window.in_flight == 0 {
                    windows.remove(key);
                }
            }
        }
    }
}

impl Drop for Attempting<'_> {
    fn drop(&mut self) {
        if !self.resolved {
            release(&mut self.throttle.lock(), &self.keys);
        }
    }
}

fn release(windows: &mut HashMap<Key, Window>, keys: &[Key]) {
    for key in keys {
        if let Some(window) = windows.get_mut(key) {
            window.in_flight = window.in_flight.saturating_sub(1);
        }
    }
}

impl Throttle {
    /// Reserves a sign-in attempt for `username` from `client`, or says how long
    /// attempts are refused. Second factors are attempts of their own account key.
    pub fn begin_sign_in(
        &self,
        username: &str,
        client: Option<IpAddr>,
        now_ms: i64,
    ) -> Result<Attempting<'_>, Blocked> {
        let account = Key::Account(username.to_owned());
        let mut keys = vec![(account.clone(), ACCOUNT_LIMIT)];
        if let Some(ip) = client {
            keys.push((Key::Client(ip), CLIENT_LIMIT));
        }
        self.begin(keys, Some(account), now_ms)
    }

    /// Reserves an unseal attempt from `client`. Without a known client there is
    /// nothing to count by (one derivation at a time bounds those).
    pub fn begin_unseal(
        &self,
        client: Option<IpAddr>,
        now_ms: i64,
    ) -> Result<Attempting<'_>, Blocked> {
        let keys = client
            .map(|ip| (Key::Unseal(ip), ACCOUNT_LIMIT * 2))
            .into_iter()
            .collect();
        self.begin(keys, None, now_ms)
    }

    fn begin(
        &self,
        keys: Vec<(Key, u32)>,
        cleared_by_success: Option<Key>,
        now_ms: i64,
    ) -> Result<Attempting<'_>, Blocked> {
        let mut windows = self.lock();
        // Read and written under the map's lock; atomic only to be `Sync`.
        let since_sweep = now_ms.saturating_sub(self.swept_ms.load(Ordering::Relaxed));
        let window_ms = i64::try_from(WINDOW.as_millis()).unwrap_or(i64::MAX);
        if windows.len() > SWEEP_ABOVE || since_sweep >= window_ms {
            windows.retain(|_, w| w.in_flight > 0 || age(w, now_ms) < WINDOW);
            self.swept_ms.store(now_ms, Ordering::Relaxed);
        }
        blocked(&windows, &keys, now_ms)?;
        for (key, _) in &keys {
            let window = windows
                .entry(key.clone())
                .or_insert_with(|| Window::new(now_ms));
            window.renew(now_ms);
            window.in_flight = window.in_flight.saturating_add(1);
        }
        Ok(Attempting {
            throttle: self,
            keys: keys.into_iter().map(|(key, _)| key).collect(),
            cleared_by_success,
            resolved: false,
        })
    }

    /// How many accounts, clients and unseal sources are tracked now.
    pub fn tracked(&self) -> usize {
        self.lock().len()
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
            let failures = if age < WINDOW { window.failures } else { 0 };
            if failures.saturating_add(window.in_flight) >= *limit {
                // Attempts in flight free their places within moments; failures
                // only when their window ends.
                let left = if failures >= *limit {
                    WINDOW - age
                } else {
                    Duration::from_secs(60)
                };
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

    fn fail(throttle: &Throttle, username: &str, client: Option<IpAddr>, now_ms: i64) {
        throttle
            .begin_sign_in(username, client, now_ms)
            .unwrap()
            .failed(now_ms);
    }

    fn allowed(throttle: &Throttle, username: &str, client: Option<IpAddr>, now_ms: i64) -> bool {
        throttle.begin_sign_in(username, client, now_ms).is_ok()
    }

    #[test]
    fn an_account_is_blocked_after_its_limit_whoever_tries() {
        let throttle = Throttle::default();
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        for _ in 0..ACCOUNT_LIMIT {
            fail(&throttle, "amira", Some(a), T);
        }
        let blocked = throttle.begin_sign_in("amira", Some(b), T).err().unwrap();
        assert_eq!(blocked.minutes(), 15);
        // Another account from the first client is still allowed.
        assert!(allowed(&throttle, "bakyt", Some(a), T));
    }

    #[test]
    fn attempts_in_flight_count_against_the_limit() {
        let throttle = Throttle::default();
        let running: Vec<Attempting<'_>> = (0..ACCOUNT_LIMIT)
            .map(|_| throttle.begin_sign_in("amira", None, T).unwrap())
            .collect();
        // A burst sent at once: the limit is reached before any attempt has failed.
        assert!(throttle.begin_sign_in("amira", None, T).is_err());
        let mut running = running.into_iter();
        running.next().unwrap().succeeded();
        // A success frees its place (and clears the failures, of which there are none).
        assert!(allowed(&throttle, "amira", None, T));
        for attempt in running {
            attempt.failed(T);
        }
        assert!(throttle.begin_sign_in("amira", None, T).is_ok());
        fail(&throttle, "amira", None, T);
        assert!(throttle.begin_sign_in("amira", None, T).is_err());
    }

    #[test]
    fn an_attempt_dropped_unresolved_is_released_uncounted() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT * 3 {
            drop(throttle.begin_sign_in("amira", None, T).unwrap());
        }
        assert!(allowed(&throttle, "amira", None, T));
    }

    #[test]
    fn unknown_accounts_are_counted_like_real_ones() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT {
            fail(&throttle, "nobody-here", None, T);
        }
        assert!(!allowed(&throttle, "nobody-here", None, T));
    }

    #[test]
    fn a_client_is_blocked_after_trying_many_accounts() {
        let throttle = Throttle::default();
        let ip: IpAddr = [10, 0, 0, 3].into();
        for n in 0..CLIENT_LIMIT {
            fail(&throttle, &format!("user{n}"), Some(ip), T);
        }
        assert!(!allowed(&throttle, "fresh", Some(ip), T));
        assert!(allowed(&throttle, "fresh", None, T));
    }

    #[test]
    fn success_clears_the_account() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT - 1 {
            fail(&throttle, "amira", None, T);
        }
        throttle
            .begin_sign_in("amira", None, T)
            .unwrap()
            .succeeded();
        fail(&throttle, "amira", None, T);
        assert!(allowed(&throttle, "amira", None, T));
    }

    #[test]
    fn a_window_ends_by_the_clock_it_is_given() {
        let throttle = Throttle::default();
        for _ in 0..ACCOUNT_LIMIT {
            fail(&throttle, "amira", None, T);
        }
        let window = i64::try_from(WINDOW.as_millis()).unwrap();
        let blocked = throttle
            .begin_sign_in("amira", None, T + window - 60_000)
            .err()
            .unwrap();
        assert_eq!(blocked.minutes(), 1);
        // A clock set back does not lift a block early.
        assert!(!allowed(&throttle, "amira", None, T - 1));
        assert!(allowed(&throttle, "amira", None, T + window));
    }

    #[test]
    fn unseal_attempts_are_reserved_by_client() {
        let throttle = Throttle::default();
        let ip: IpAddr = [10, 0, 0, 4].into();
        let running: Vec<Attempting<'_>> = (0..ACCOUNT_LIMIT * 2)
            .map(|_| throttle.begin_unseal(Some(ip), T).unwrap())
            .collect();
        assert!(throttle.begin_unseal(Some(ip), T).is_err());
        assert!(throttle.begin_unseal(None, T).is_ok());
        for attempt in running {
            attempt.failed(T);
        }
        assert!(throttle.begin_unseal(Some(ip), T).is_err());
    }

    #[test]
    fn ended_windows_are_forgotten_within_a_window_however_few_keys() {
        let throttle = Throttle::default();
        for n in 0..50u8 {
            fail(
                &throttle,
                &format!("user-{n}"),
                Some(IpAddr::from([192, 0, 2, n])),
                T,
            );
        }
        assert_eq!(throttle.tracked(), 100);
        // Half a window on, they all still count.
        assert!(throttle.begin_sign_in("another", None, T + 450_000).is_ok());
        assert_eq!(throttle.tracked(), 101);
        // A window after the last sweep, the next attempt sweeps the ended ones.
        let later = T + i64::try_from(WINDOW.as_millis()).unwrap() + 1;
        assert!(throttle.begin_sign_in("another", None, later).is_ok());
        assert_eq!(throttle.tracked(), 1);
    }
}
