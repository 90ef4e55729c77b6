//! Scratch space shared by the end-to-end tests: every path lives in a directory of its own
//! that is removed when the test ends, passed or failed, so that test runs leave nothing
//! behind in the temporary directory.

use std::path::{Path, PathBuf};

/// A scratch path; its directory goes when the value is dropped.
pub struct Scratch {
    dir: PathBuf,
    path: PathBuf,
}

impl Scratch {
    /// A fresh, empty directory `<temp>/<prefix>-<pid>-<name>`.
    pub fn dir(prefix: &str, name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        Scratch { path: dir.clone(), dir }
    }

    /// A path `name` not yet written, in a fresh directory of its own.
    // Each test binary compiles this module on its own and uses one kind of scratch.
    #[allow(dead_code)]
    pub fn file(prefix: &str, name: &str) -> Scratch {
        let mut s = Scratch::dir(prefix, name);
        s.path = s.dir.join(name);
        s
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.path.as_os_str()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
