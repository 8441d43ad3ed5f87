//! Writing files so that a write happens whole or not at all: the new text goes to a temporary
//! file beside the target, is synced to disk, and is renamed over the target (SQLite's "atomic
//! commit" in small). A crash at any point leaves either the old file or the new one.
//!
//! Writers that change a file others may change too (`akkoord stel`, `akkoord vragen`) first
//! take the file's [`Lock`], so that they take turns, and [`replace`] it only when it still
//! holds the text the change was made to: nothing anyone wrote in between is lost.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = write_temp(path, bytes)?;
    finish(path, &temp)
}

/// Writes `bytes` to a temporary file beside `path` (with `path`'s permissions, when it
/// exists) and syncs it to disk; returns the temporary file's path.
fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "bestand".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder(path).join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Renames the temporary file over `path` and makes the rename durable.
fn finish(path: &Path, temp: &Path) -> io::Result<()> {
    if let Err(e) = fs::rename(temp, path) {
        let _ = fs::remove_file(temp);
        return Err(e);
    }
    if let Ok(d) = fs::File::open(folder(path)) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The right to replace a file, held until dropped: an advisory lock on the file itself, which
/// the system releases when the process ends, however it ends.
#[derive(Debug)]
pub struct Lock {
    _file: fs::File,
}

/// Takes the lock on `path`, waiting while another process holds it; `waiting` is called once
/// if it has to wait. The file must exist. When the file was replaced while this process
/// waited, the lock is taken again on the new file: a lock counts only on the file that is at
/// `path` now.
pub fn lock(path: &Path, waiting: impl FnOnce()) -> io::Result<Lock> {
    let mut waiting = Some(waiting);
    loop {
        let file = fs::File::open(path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                if let Some(tell) = waiting.take() {
                    tell();
                }
                file.lock()?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        if same_file(&file.metadata()?, &fs::metadata(path)?) {
            return Ok(Lock { _file: file });
        }
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    // Elsewhere a file that is open cannot be renamed over, so it cannot have been replaced.
    true
}

/// Why [`replace`] did not write.
#[derive(Debug)]
pub enum ReplaceError {
    /// The file no longer holds the text the change was made to.
    Changed,
    /// Reading or writing failed.
    Io(io::Error),
}

/// Replaces the file at `path` by `bytes`, atomically, but only when it still holds
/// `expected`; call it while holding the file's [`Lock`]. The comparison is made after the new
/// text is safely on disk, just before the rename, so the window for a writer that takes no
/// lock (an editor) is as small as it can be.
pub fn replace(path: &Path, expected: &str, bytes: &[u8]) -> Result<(), ReplaceError> {
    let temp = write_temp(path, bytes).map_err(ReplaceError::Io)?;
    pause_for_tests();
    let still = fs::read(path).map_err(ReplaceError::Io);
    if !matches!(&still, Ok(now) if now.as_slice() == expected.as_bytes()) {
        let _ = fs::remove_file(&temp);
        return Err(still.err().unwrap_or(ReplaceError::Changed));
    }
    finish(path, &temp).map_err(ReplaceError::Io)
}

/// The tests' way to catch a writer between its temporary file and the rename: with
/// `AKKOORD_TEST_PAUSE_BEFORE_RENAME_MS` set, [`replace`] waits that long there, so a test can
/// kill it or change the file under it.
fn pause_for_tests() {
    if let Some(ms) = std::env::var("AKKOORD_TEST_PAUSE_BEFORE_RENAME_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("akkoord-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    #[test]
    fn a_file_is_replaced_only_when_it_holds_what_the_change_was_made_to() {
        let path = scratch("replace").join("f.json");
        fs::write(&path, "oud").expect("write");
        let _lock = lock(&path, || {}).expect("lock");
        assert!(matches!(
            replace(&path, "anders", b"nieuw"),
            Err(ReplaceError::Changed)
        ));
        assert_eq!(fs::read_to_string(&path).expect("read"), "oud");
        replace(&path, "oud", b"nieuw").expect("replace");
        assert_eq!(fs::read_to_string(&path).expect("read"), "nieuw");
        let leftovers = fs::read_dir(path.parent().expect("folder"))
            .expect("list")
            .count();
        assert_eq!(leftovers, 1, "no temporary file stays behind");
    }

    #[test]
    fn a_lock_on_a_file_that_was_replaced_is_taken_again_on_the_new_one() {
        let path = scratch("relock").join("f.json");
        fs::write(&path, "1").expect("write");
        let first = lock(&path, || {}).expect("lock");
        let path2 = path.clone();
        let other = std::thread::spawn(move || {
            let mut waited = false;
            let _second = lock(&path2, || waited = true).expect("lock");
            (waited, fs::read_to_string(&path2).expect("read"))
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        replace(&path, "1", b"2").expect("replace");
        drop(first);
        let (waited, seen) = other.join().expect("thread");
        assert!(waited);
        assert_eq!(seen, "2");
    }
}
