//! The inputs of a run over many files (portfolio mode, a diff of two folders): files as
//! given, and folders expanded to the spreadsheets directly inside them, with every entry that
//! cannot be audited kept, so its error is reported rather than the file silently dropped.

use crate::{Error, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// File extensions a folder input expands to (compared without case).
pub const SPREADSHEET_EXTENSIONS: [&str; 8] =
    ["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Does a folder entry named `name` look like a spreadsheet a folder input takes? By its
/// extension (compared without case); hidden files and the lock files Excel (`~$name.xlsx`)
/// and LibreOffice (`.~lock.name.ods#`) leave behind while a file is open are skipped, since
/// they are not matrices. A name that is not UTF-8 is judged by its readable part, so it is
/// taken (and shown escaped), never silently left out.
fn is_spreadsheet_name(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    if name.starts_with('.') || name.starts_with("~$") {
        return false;
    }
    Path::new(name.as_ref())
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            SPREADSHEET_EXTENSIONS
                .iter()
                .any(|x| x.eq_ignore_ascii_case(e))
        })
}

/// One input of a portfolio: a path, and why it cannot be audited when that is known before
/// opening it (a folder entry that is no file).
#[derive(Debug)]
pub struct Input {
    pub path: PathBuf,
    pub problem: Option<EntryProblem>,
}

/// A folder entry with a spreadsheet's name that is not a file that can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryProblem {
    /// A symbolic link whose target does not exist.
    DanglingLink,
    /// A symbolic link that cannot be followed (a loop, or a part of its way unreadable).
    UnfollowableLink,
    /// A named pipe, socket or device: opening one could wait forever.
    NotAFile,
}

impl EntryProblem {
    /// The error a row of the roll-up gives for this entry.
    pub fn error(self, path: &Path) -> Error {
        let why = match self {
            EntryProblem::DanglingLink => {
                "it is a symbolic link to a file that does not exist; fix or remove the link"
            }
            EntryProblem::UnfollowableLink => {
                "it is a symbolic link that cannot be followed (a loop, or a folder on its way \
                 that cannot be read); fix or remove the link"
            }
            EntryProblem::NotAFile => {
                "it is a named pipe, socket or device, not a file; only files in a folder are \
                 audited (name it on its own to read from it)"
            }
        };
        Error::Read {
            path: path.to_path_buf(),
            source: std::io::Error::other(why),
        }
    }
}

/// What a folder entry with a spreadsheet's name is: a file to audit, a folder to skip
/// (`None`), or an entry that cannot be audited and gets its row with the reason.
fn classify_entry(entry: &fs::DirEntry) -> Option<Option<EntryProblem>> {
    let path = entry.path();
    let Ok(kind) = entry.file_type() else {
        // The entry vanished or cannot be looked at: its read error tells which.
        return Some(None);
    };
    if kind.is_dir() {
        return None;
    }
    if kind.is_file() {
        return Some(None);
    }
    if kind.is_symlink() {
        return match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => None,
            Ok(meta) if meta.is_file() => Some(None),
            Ok(_) => Some(Some(EntryProblem::NotAFile)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Some(Some(EntryProblem::DanglingLink))
            }
            Err(_) => Some(Some(EntryProblem::UnfollowableLink)),
        };
    }
    Some(Some(EntryProblem::NotAFile))
}

/// The inputs as a list of files, in the order given; a folder becomes the entries directly
/// inside it that have a spreadsheet's name, sorted by name.
///
/// Not recursive, on purpose: report folders (`reports/<team>/report.xlsx`) are often created
/// inside the folder being audited, and subfolders tend to hold archives and old versions;
/// recursing would audit those as teams. A user who wants subfolders names them.
/// `skip` (the roll-up CSV of this run) is never taken as an input.
///
/// Every entry with a spreadsheet's name is in the list, even one that cannot be audited (a
/// dangling or looping link, a named pipe, a name that is not UTF-8, an unreadable file): its
/// error goes into the roll-up, so the summary's count is of every input.
pub fn expand_inputs(inputs: &[PathBuf], skip: &Path) -> Result<Vec<Input>> {
    let skip = fs::canonicalize(skip).ok();
    let mut files = Vec::new();
    for input in inputs {
        if input == Path::new("-") {
            return Err(Error::Usage(
                "- (standard input) can only be audited on its own, not with other inputs".into(),
            ));
        }
        if !input.is_dir() {
            // Missing or unreadable files stay in the list: their error goes into the roll-up.
            files.push(Input {
                path: input.clone(),
                problem: None,
            });
            continue;
        }
        let entries = fs::read_dir(input).map_err(|source| Error::Read {
            path: input.clone(),
            source,
        })?;
        let mut found: Vec<Input> = entries
            .filter_map(|e| e.ok())
            .filter(|e| is_spreadsheet_name(&e.file_name()))
            .filter_map(|e| {
                let problem = classify_entry(&e)?;
                Some(Input {
                    path: e.path(),
                    problem,
                })
            })
            .filter(|i| skip.is_none() || fs::canonicalize(&i.path).ok() != skip)
            .collect();
        found.sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
        files.extend(found);
    }
    if files.is_empty() {
        let shown: Vec<String> = inputs.iter().map(|p| shown_path(p)).collect();
        return Err(Error::Usage(format!(
            "no spreadsheet files in {}: a folder input takes the .{} files directly inside it",
            shown.join(", "),
            SPREADSHEET_EXTENSIONS.join(" .")
        )));
    }
    Ok(files)
}

/// A path as the roll-up and the console show it: as it is when it is UTF-8 text without
/// control characters, else escaped without loss (`caf\xE9.csv` for a Latin-1 byte,
/// `\u{1b}` for a control character).
pub fn shown_path(path: &Path) -> String {
    crate::report::text::terminal(&crate::input::display_name(path.as_os_str())).into_owned()
}

/// An error with its chain of causes on one line (the CSV cell holds all of it).
pub fn error_text(e: &Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let line = c.to_string();
        if !text.contains(&line) {
            text.push_str(&format!(": {line}"));
        }
        cause = c.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn folder_inputs_pick_spreadsheets_sorted() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "b.xlsx",
            "a.CSV",
            "notes.md",
            "~$b.xlsx",
            ".~lock.c.ods#",
            ".hidden.csv",
            "c.ods",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("sub.csv")).unwrap();
        let files = expand_inputs(&[dir.path().to_path_buf()], Path::new("nowhere")).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.CSV", "b.xlsx", "c.ods"]);
        let skip = dir.path().join("a.CSV");
        let files = expand_inputs(&[dir.path().to_path_buf()], &skip).unwrap();
        assert_eq!(files.len(), 2);
    }

    #[test]
    fn empty_folder_and_stdin_are_usage_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = expand_inputs(&[dir.path().to_path_buf()], Path::new("x")).unwrap_err();
        assert!(err.to_string().contains("no spreadsheet files"), "{err}");
        let err = expand_inputs(&paths(&["a.csv", "-"]), Path::new("x")).unwrap_err();
        assert!(err.to_string().contains("standard input"), "{err}");
    }
}
