//! The codename key: 32 random bytes in `<data-dir>/codename.key`, made owner-only
//! on first start. It lives beside the database, not in it, so a copy of the
//! database alone cannot even confirm a guessed codename; and it is not behind the
//! seal, because intake and the status page work while the server is sealed.
//! Losing it loses no request, but no codename would find its request again.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::Context;
use torchlight_crypto::codename::CodenameKey;

pub const FILE_NAME: &str = "codename.key";

/// Reads the key of `data_dir`, creating it when there is none.
pub fn load_or_create(data_dir: &Path) -> anyhow::Result<CodenameKey> {
    let path = data_dir.join(FILE_NAME);
    match std::fs::File::open(&path) {
        Ok(mut file) => {
            let mut bytes = zeroize::Zeroizing::new([0u8; 33]);
            let read = file
                .read(bytes.as_mut_slice())
                .with_context(|| format!("cannot read {}", path.display()))?;
            let key: [u8; 32] = match bytes.get(..read).map(<[u8; 32]>::try_from) {
                Some(Ok(key)) if read == 32 => key,
                _ => anyhow::bail!(
                    "{} is damaged: it must hold exactly 32 bytes (it has {read}); restore \
                     it from a backup, or no codename finds its request",
                    path.display()
                ),
            };
            Ok(CodenameKey::from_bytes(key))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(&path),
        Err(e) => Err(e).with_context(|| format!("cannot open {}", path.display())),
    }
}

/// Writes a new key beside `path`, durably, then links it into place: a crash
/// leaves either no key or a whole one, never an empty file, and two processes
/// starting at once end up with the same key (the second link fails and it reads
/// the first's).
fn create(path: &Path) -> anyhow::Result<CodenameKey> {
    let key = CodenameKey::generate();
    let partial = path.with_extension("key.partial");
    // A partial file is what a crash mid-write left: it was never in place.
    match std::fs::remove_file(&partial) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", partial.display())),
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    file.write_all(key.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", partial.display()))?;
    let linked = std::fs::hard_link(&partial, path);
    let _ = std::fs::remove_file(&partial);
    let directory = path.parent().unwrap_or(Path::new("."));
    match linked {
        Ok(()) => {
            // The new name is durable only once its directory is.
            std::fs::File::open(directory)
                .and_then(|dir| dir.sync_all())
                .with_context(|| format!("cannot sync {}", directory.display()))?;
            Ok(key)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => load_or_create(directory),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}
