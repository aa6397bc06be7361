//! How much work Argon2id does. Production always uses the standard costs; the
//! test costs exist so a test suite that creates hundreds of accounts and keyrings
//! runs in seconds. Which one a process may use is decided by the application layer,
//! which refuses the test costs outside test builds.

/// Argon2id's memory (KiB), passes and lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argon2Cost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Argon2Cost {
    /// Staff passwords: OWASP's recommended minimum (19 MiB, t=2, p=1).
    pub const PASSWORD: Argon2Cost = Argon2Cost {
        memory_kib: 19_456,
        iterations: 2,
        parallelism: 1,
    };

    /// The keyring passphrase, entered once per unseal: 64 MiB, t=3, p=1.
    pub const PASSPHRASE: Argon2Cost = Argon2Cost {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// Tests only: Argon2's smallest sensible work (256 KiB, one pass). Worthless
    /// against an attacker; never accepted by a release build.
    pub const INSECURE_TEST: Argon2Cost = Argon2Cost {
        memory_kib: 256,
        iterations: 1,
        parallelism: 1,
    };

    /// True when this costs at least as much as `other` in every dimension.
    pub fn at_least(&self, other: &Argon2Cost) -> bool {
        self.memory_kib >= other.memory_kib && self.iterations >= other.iterations
    }
}
