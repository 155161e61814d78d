//! Fatal errors: the cases where no audit can be produced. Anything wrong *inside* a matrix is
//! a finding instead (see `audit`).

use std::path::PathBuf;
use thiserror::Error;

/// Why `raci` could not run. Each variant carries the facts (file, sheet, cell) and its message
/// says what to do; `main` prints it with its chain of causes and exits 2.
#[derive(Debug, Error)]
pub enum Error {
    #[error("cannot read {path}: {source}. Check that the file exists and that you may read it.")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{path} is not UTF-8 text: the bytes from offset {at} are not UTF-8. Save it as UTF-8 \
         and try again."
    )]
    NotUtf8 { path: PathBuf, at: usize },

    #[error(
        "{path} is a directory; give a file, or a folder only to portfolio mode (several inputs)"
    )]
    IsDirectory { path: PathBuf },

    #[error("{file}: unknown file format ({reason}). Save it as .csv, .xlsx, .xls or .ods.")]
    UnknownFormat { file: String, reason: String },

    #[error("{file}: the workbook could not be opened ({detail}). {hint}")]
    Workbook {
        file: String,
        detail: String,
        hint: &'static str,
    },

    #[error("{file}: the text could not be read as CSV at line {line}: {detail}")]
    Csv {
        file: String,
        line: u64,
        detail: String,
    },

    #[error("{file}: sheet {wanted:?} not found. Sheets in this file: {}. Pass one of them with --sheet NAME or --sheet NUMBER (1-based).", available.join(", "))]
    SheetNotFound {
        file: String,
        wanted: String,
        available: Vec<String>,
    },

    #[error("{file}: no RACI matrix found{}. Looked for {looked_for}. {hint}", sheet.as_ref().map(|s| format!(" in sheet {s:?}")).unwrap_or_default())]
    NoMatrix {
        file: String,
        sheet: Option<String>,
        looked_for: String,
        hint: String,
    },

    #[error("{file}{}: {flag} {value}: {problem}. See how the file reads with `raci inspect {file}`, then give a choice that fits, or leave {flag} out to let raci find the matrix.", sheet.as_ref().map(|s| format!(" (sheet {s:?})")).unwrap_or_default())]
    Steering {
        file: String,
        sheet: Option<String>,
        /// The flag as the command line writes it (`--task-column`); `raci.toml` and the serve
        /// page use the same name without the dashes.
        flag: &'static str,
        value: String,
        /// Boxed: it is the largest of the variants' fields, and errors travel by value.
        problem: Box<crate::layout::SteerProblem>,
    },

    /// A `[[cells]]` correction of `raci.toml` that does not fit the matrix read.
    #[error("{file}: [[cells]] task {task:?}, party {party:?}, letters {letters:?}: {reason}. Correct or remove that [[cells]] entry of raci.toml (`raci inspect {file}` lists the tasks and parties read).")]
    CellEdit {
        file: String,
        task: String,
        party: String,
        letters: String,
        reason: &'static str,
    },

    #[error("{file}: {what} is {actual}, over the limit of {limit}. If the file is genuine, raise the limit with {flag}.")]
    TooLarge {
        file: String,
        what: &'static str,
        actual: u64,
        limit: u64,
        flag: &'static str,
    },

    /// Past a limit no option raises: the rows and columns a spreadsheet can hold at all.
    #[error("{file}: {what} is {actual}, beyond the {limit} a spreadsheet can hold; no option raises this limit. Check that the file is the matrix export you meant, or split it.")]
    BeyondSpreadsheet {
        file: String,
        what: &'static str,
        actual: u64,
        limit: u64,
    },

    /// A report the run was asked for cannot hold this matrix (a spreadsheet's own size);
    /// the other reports can.
    #[error("{file}: {report} cannot hold this matrix: {detail}. Leave it out with --only (for example --only csv,png,html,json,md); the other reports hold every task and party.")]
    ReportCannotHold {
        file: String,
        report: &'static str,
        detail: String,
    },

    #[error("{path}: invalid configuration: {detail}")]
    Config { path: PathBuf, detail: String },

    #[error("{path}: invalid taxonomy: {detail}")]
    Taxonomy { path: PathBuf, detail: String },

    #[error("invalid argument: {0}")]
    Usage(String),

    #[error("cannot write {path}: {source}. Check that the folder can be written, or choose another with -o DIR.")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "cannot write {file}: a report this large is written through temporary files, and none \
         could be made in {}: {source}. Set TMPDIR to a folder that can be written, or leave \
         the report out with --only.",
        dir.display()
    )]
    TempDir {
        file: &'static str,
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot draw {chart}: {detail}")]
    Chart { chart: String, detail: String },

    #[error("cannot listen on {addr}: {source}. Choose another address or port with --addr, e.g. --addr 127.0.0.1:8181.")]
    Bind {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },

    #[error("the server on {addr} stopped: {source}")]
    Serve {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Whether this is a write to a reader that went away (`raci classify ... | head`): the
    /// reader has what it wanted, so `main` ends quietly, as `cat` and ripgrep do. Writers
    /// hand the io error over as itself (`report::csv_out::io_error` for the csv crate's).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Write { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// The process-wide panic hook `main` installs: a panic is a bug in `raci`, never the user's
/// fault, so the user gets one plain line saying so instead of Rust's `thread 'main'
/// panicked at ...` text. Panics of the spreadsheet reader that the input stage catches and
/// reports as a damaged file print nothing here (see `input::reading_guarded`).
pub fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
    if crate::input::reading_guarded() {
        return;
    }
    let what = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    let place = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    eprintln!(
        "error: internal error in raci ({what}{place}). This is a bug, not a problem with your \
         file: please report it with the input attached."
    );
}

#[cfg(test)]
mod tests {
    use super::Error;
    use std::io;

    #[test]
    fn only_a_write_to_a_reader_that_went_away_is_a_broken_pipe() {
        let write = |kind| Error::Write {
            path: "standard output".into(),
            source: io::Error::from(kind),
        };
        assert!(write(io::ErrorKind::BrokenPipe).is_broken_pipe());
        assert!(!write(io::ErrorKind::PermissionDenied).is_broken_pipe());
        // Only a write ends quietly: a broken pipe while reading an input is still an error.
        let read = Error::Read {
            path: "x.csv".into(),
            source: io::Error::from(io::ErrorKind::BrokenPipe),
        };
        assert!(!read.is_broken_pipe());
    }
}
