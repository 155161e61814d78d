//! `raci audit INPUT`: one input through the [`Pipeline`] into its report folder (or its JSON
//! to standard output), with the summary on the console. Several inputs or a folder are
//! portfolio mode (`commands::portfolio`).

use crate::pipeline::Pipeline;
use crate::report;
use crate::{Error, Exit, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

fn write_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The default report folder for an input: `reports/<file stem>/`.
pub fn default_dir(input: &Path) -> PathBuf {
    let stem = if input == Path::new("-") {
        "stdin".to_string()
    } else {
        input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into())
    };
    PathBuf::from("reports").join(stem)
}

/// Audits one input and writes its report folder (or JSON to stdout with `-o -`).
pub fn run(
    input: &Path,
    output: Option<&Path>,
    json_to_stdout: bool,
    pipeline: &Pipeline,
) -> Result<Exit> {
    let settings = pipeline.settings();
    let wb = pipeline.read(input)?;
    let audited = pipeline.audit(&wb)?;
    // The grid is not needed past the layout; freeing it lowers the peak while rendering.
    drop(wb);
    pipeline.write_key(&audited.names)?;
    let outcome = audited.outcome();
    if json_to_stdout {
        // The bytes of report.json, so a script reading stdout sees what the file holds.
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        report::write_json(&outcome, &mut stdout)
            .and_then(|()| stdout.flush())
            .map_err(write_err(Path::new("-")))?;
        return Ok(pipeline.exit_for(&audited.audit));
    }
    let dir = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_dir(input));
    let written = pipeline.write(&audited, &dir)?;
    let mut stdout = std::io::stdout().lock();
    let summary = report::text::terminal_lines(&report::console_summary(&outcome));
    write!(stdout, "{summary}").map_err(write_err(Path::new("-")))?;
    if !settings.quiet {
        let mut stderr = std::io::stderr().lock();
        for note in audited.matrix.notes.iter().take(1) {
            let _ = writeln!(stderr, "read: {}", report::text::terminal(note));
        }
        for path in &written {
            let shown = path.display().to_string();
            let _ = writeln!(stderr, "wrote {}", report::text::terminal(&shown));
        }
    }
    Ok(pipeline.exit_for(&audited.audit))
}
