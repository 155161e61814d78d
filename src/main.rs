//! The `raci` binary: parse arguments, run the library, map the outcome to an exit code.

use clap::Parser;
use raci_audit::report::text::terminal;
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
    std::panic::set_hook(Box::new(raci_audit::error::panic_hook));
    // The hook has told the user; a bug still ends as "could not run", not a crash.
    let Ok(outcome) =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| raci_audit::run(cli)))
    else {
        return ExitCode::from(2);
    };
    match outcome {
        Ok(raci_audit::Exit::Done) => ExitCode::SUCCESS,
        Ok(raci_audit::Exit::Findings) => ExitCode::from(1),
        Ok(raci_audit::Exit::SomeInputsFailed) => ExitCode::from(2),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            let message = err.to_string();
            // Names from the file (a sheet, a file name) may hold control characters: shown,
            // never obeyed, and never a second line.
            let _ = writeln!(stderr, "error: {}", terminal(&message));
            // Most messages already quote their cause ("cannot read x.csv: No such file ...");
            // printing it again would give the user two lines saying one thing.
            let mut cause = std::error::Error::source(&err);
            while let Some(c) = cause {
                let text = c.to_string();
                if !message.contains(&text) {
                    let _ = writeln!(stderr, "  caused by: {}", terminal(&text));
                }
                cause = c.source();
            }
            ExitCode::from(2)
        }
    }
}
