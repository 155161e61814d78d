//! Writing into the report folder: every file staged in a hidden temporary folder and renamed
//! into place, single files through a temporary file beside them, so no reader ever sees half
//! a report and an interrupted run leaves nothing behind ([`super::cleanup`]).

use super::cleanup;
use crate::chart;
use crate::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Our files from an earlier run in `dir` that this run (which wrote `written`) did not
/// replace: those of the fixed names it left out (`--only`, or `matrix.png` for a paginated
/// heatmap), and the heatmap pages `matrix-1.png`, `matrix-2.png`, ... an earlier run
/// numbered. A run writes its pages from 1 without a gap and at most
/// [`chart::matrix::MAX_PAGES`] of them, so only that run of names is ours: `matrix-0.png`,
/// `matrix-01.png`, `matrix-99.png`, or a page after a gap, are the user's and stay.
fn stale_files(dir: &Path, written: &[String], fixed: &[&str]) -> Vec<PathBuf> {
    let kept = |name: &str| written.iter().any(|w| w == name);
    let mut stale: Vec<PathBuf> = fixed
        .iter()
        .filter(|name| !kept(name))
        .map(|name| dir.join(name))
        .filter(|path| path.is_file())
        .collect();
    for page in 1..=chart::matrix::MAX_PAGES {
        let name = chart::matrix::page_file(page);
        let path = dir.join(&name);
        if !path.is_file() {
            break;
        }
        if !kept(&name) {
            stale.push(path);
        }
    }
    stale
}

/// Creates a folder and its parents. A file standing where one of them should go is named,
/// rather than left to the system's "File exists", which does not say which.
pub fn make_folder(dir: &Path) -> Result<()> {
    if let Some(file) = dir
        .ancestors()
        .find(|a| !a.as_os_str().is_empty() && fs::metadata(a).is_ok_and(|m| !m.is_dir()))
    {
        let why = if file == dir {
            "a file stands where the folder should go".to_string()
        } else {
            format!(
                "it is a file, so the folder {} cannot be made inside it",
                dir.display()
            )
        };
        return Err(Error::Write {
            path: file.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, why),
        });
    }
    fs::create_dir_all(dir).map_err(write_err(dir))
}

/// The name of the folder a file's reports get beside others', from the file's stem: trimmed,
/// without leading dots (no hidden folder, never `.` or `..`), or `report` when nothing is
/// left. Portfolio mode and a folder diff both name their sub-folders so.
pub fn folder_name(stem: &str) -> String {
    let clean = stem.trim().trim_start_matches('.');
    if clean.is_empty() {
        "report".into()
    } else {
        clean.to_string()
    }
}

/// The error of a write that an interrupt stopped (the run is ending; this is rarely seen).
fn interrupted(path: &Path) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::Interrupted, "the run was interrupted"),
    }
}

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// A report folder being written: files go into a hidden temporary folder beside `dir` as
/// they are rendered, and [`Staging::finish`] moves them into place. Dropped unfinished (an
/// error on the way), it removes the temporary folder.
pub(super) struct Staging {
    dir: PathBuf,
    tmp: PathBuf,
    finished: bool,
    /// Registered for removal on an interrupt (see `cleanup`).
    _in_flight: cleanup::InFlight,
}

impl Staging {
    pub(super) fn new(dir: &Path) -> Result<Staging> {
        if dir.is_file() {
            return Err(Error::Write {
                path: dir.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file stands where the report folder should go",
                ),
            });
        }
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        make_folder(&parent)?;
        let leaf = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "reports".into());
        // Temporary folders of runs that were killed before they could clean up.
        cleanup::remove_stale(&parent);
        let tmp = parent.join(cleanup::temp_name(&leaf));
        let in_flight = cleanup::register(&tmp).ok_or_else(|| interrupted(&tmp))?;
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir(&tmp).map_err(write_err(&tmp))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            tmp,
            finished: false,
            _in_flight: in_flight,
        })
    }

    pub(super) fn put(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let path = self.tmp.join(name);
        fs::write(&path, bytes).map_err(write_err(&path))
    }

    /// Writes a file through `write`, buffered, as its bytes are produced.
    pub(super) fn stream(
        &self,
        name: &str,
        write: impl FnOnce(&mut std::io::BufWriter<fs::File>) -> std::io::Result<()>,
    ) -> Result<()> {
        let path = self.tmp.join(name);
        let file = fs::File::create(&path).map_err(write_err(&path))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|source| crate::report::stream_error(source, &path))
    }

    /// Moves the files (named in the order to report them) into the report folder.
    /// `ours` are the fixed names of every report kind: those this run did not write are an
    /// earlier run's, and go.
    pub(super) fn finish(mut self, names: Vec<String>, ours: &[&str]) -> Result<Vec<PathBuf>> {
        // An interrupt waits for the files to be in place, or comes first and removes them.
        let done = cleanup::finishing(|| self.move_into_place(&names, ours));
        done.ok_or_else(|| interrupted(&self.tmp))??;
        self.finished = true;
        Ok(names.iter().map(|n| self.dir.join(n)).collect())
    }

    fn move_into_place(&self, names: &[String], ours: &[&str]) -> Result<()> {
        let (dir, tmp) = (&self.dir, &self.tmp);
        if !dir.exists() {
            fs::rename(tmp, dir).map_err(write_err(dir))?;
        } else {
            for name in names {
                let target = dir.join(name);
                fs::rename(tmp.join(name), &target).map_err(write_err(&target))?;
            }
            for stale in stale_files(dir, names, ours) {
                let _ = fs::remove_file(stale);
            }
            let _ = fs::remove_dir_all(tmp);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, so a reader never sees half
/// a roll-up.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(cleanup::temp_name(&name));
    let _in_flight = cleanup::register(&tmp).ok_or_else(|| interrupted(&tmp))?;
    let renamed = fs::write(&tmp, bytes)
        .and_then(|()| {
            cleanup::finishing(|| fs::rename(&tmp, path)).unwrap_or_else(|| {
                Err(std::io::Error::new(
                    std::io::ErrorKind::Interrupted,
                    "the run was interrupted",
                ))
            })
        })
        .map_err(err);
    if renamed.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_the_way_of_a_folder_is_named() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("afile");
        fs::write(&file, b"x").unwrap();
        let itself = make_folder(&file).unwrap_err().to_string();
        assert!(
            itself.contains("a file stands where the folder should go"),
            "{itself}"
        );
        let inside = make_folder(&file.join("sub")).unwrap_err().to_string();
        assert!(inside.contains("afile: it is a file"), "{inside}");
        make_folder(&tmp.path().join("a/b")).unwrap();
        assert!(tmp.path().join("a/b").is_dir());
    }
}
