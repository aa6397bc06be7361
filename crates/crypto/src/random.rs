//! Randomness, from the operating system's generator only (getrandom through
//! `rand::rngs::SysRng`), never from a seeded or thread-local generator.

use rand::rand_core::UnwrapErr;
use rand::rngs::SysRng;
use rand::Rng;
use zeroize::Zeroizing;

/// The OS generator as an infallible `CryptoRng`. If the OS cannot give random
/// bytes this panics: carrying on would mint predictable keys, which is worse than
/// stopping.
pub(crate) fn os_rng() -> UnwrapErr<SysRng> {
    UnwrapErr(SysRng)
}

/// Fills `buf` with random bytes from the OS.
pub(crate) fn fill(buf: &mut [u8]) {
    os_rng().fill_bytes(buf);
}

/// `N` random bytes, zeroized when dropped.
pub(crate) fn secret_bytes<const N: usize>() -> Zeroizing<[u8; N]> {
    let mut bytes = Zeroizing::new([0u8; N]);
    fill(bytes.as_mut_slice());
    bytes
}

/// `N` random bytes that are not secret (nonces, salts).
pub(crate) fn public_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    fill(&mut bytes);
    bytes
}
