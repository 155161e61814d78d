//! The `raci` binary: parse arguments, run the library, map the outcome to an exit code.

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match raci_audit::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match raci_audit::run(cli) {
        Ok(raci_audit::Exit::Done) => ExitCode::SUCCESS,
        Ok(raci_audit::Exit::Findings) => ExitCode::from(1),
        Ok(raci_audit::Exit::SomeInputsFailed) => ExitCode::from(2),
        Err(raci_audit::Error::Write { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "error: {err}");
            let mut cause = std::error::Error::source(&err);
            while let Some(c) = cause {
                let _ = writeln!(stderr, "  caused by: {c}");
                cause = c.source();
            }
            ExitCode::from(2)
        }
    }
}
