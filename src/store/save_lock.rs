//! The OS-level lock that makes "is the file on disk still the one I loaded?" and "rename my
//! version over it" one step. Every writer (the workbench, `jixiao set`, `--force` or not) takes
//! an exclusive `flock` on the file itself before reading it for the check and releases it only
//! after its rename. A writer that waited for the lock finds that the path now names a new inode
//! (the previous writer's rename) and takes the lock again on that one, so it reads what the
//! previous writer saved and never overwrites it unseen.
//!
//! The lock lives on the file, not on a lock file beside it, so nothing is left behind by a
//! crash: the kernel releases it when the process dies.

use std::fs::File;
use std::io::Read;
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, Instant};

/// Held while saving: the file is locked and `bytes` is what it contains now.
#[derive(Debug)]
pub struct SaveLock {
    _file: File,
    pub bytes: Vec<u8>,
}

/// How long a save waits for another save of the same file to finish. Saves take milliseconds;
/// this only runs out when a process holding the lock was stopped (Ctrl-Z) mid-save.
const PATIENCE: Duration = Duration::from_secs(10);

/// Locks `target` (a regular file, symlinks already resolved) and reads it. `Ok(None)` when the
/// file does not exist (it was deleted or renamed away since it was opened).
pub fn lock_and_read(target: &Path) -> std::io::Result<Option<SaveLock>> {
    let start = Instant::now();
    loop {
        let mut file = match File::open(target) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        loop {
            // SAFETY: a valid open descriptor.
            let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
            if r == 0 {
                break;
            }
            let err = std::io::Error::last_os_error();
            if err.raw_os_error() != Some(libc::EWOULDBLOCK)
                && err.raw_os_error() != Some(libc::EINTR)
            {
                return Err(err);
            }
            if start.elapsed() > PATIENCE {
                return Err(std::io::Error::other(format!(
                    "{}: another save of this file has not finished after {} s; try again",
                    target.display(),
                    PATIENCE.as_secs()
                )));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        // Still the file at this path? If another writer renamed its version in while we
        // waited, we locked the old inode: start again on the new one.
        let locked = file.metadata()?;
        match std::fs::metadata(target) {
            Ok(now) if now.ino() == locked.ino() && now.dev() == locked.dev() => {
                let mut bytes = Vec::with_capacity(locked.len() as usize);
                file.read_to_end(&mut bytes)?;
                return Ok(Some(SaveLock { _file: file, bytes }));
            }
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_locker_waits_and_then_sees_the_renamed_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.toml");
        std::fs::write(&p, "old").unwrap();
        let first = lock_and_read(&p).unwrap().unwrap();
        assert_eq!(first.bytes, b"old");
        let p2 = p.clone();
        let waiter = std::thread::spawn(move || lock_and_read(&p2).unwrap().unwrap().bytes);
        std::thread::sleep(Duration::from_millis(50));
        // The first writer renames its version in, then releases the lock.
        let tmp = dir.path().join("new");
        std::fs::write(&tmp, "new").unwrap();
        std::fs::rename(&tmp, &p).unwrap();
        drop(first);
        assert_eq!(waiter.join().unwrap(), b"new");
    }

    #[test]
    fn a_missing_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(lock_and_read(&dir.path().join("gone")).unwrap().is_none());
    }
}
