//! One module per subcommand; the only place where the stages meet.

pub mod inspect;

use crate::cli::{Cli, Command};
use crate::{Error, Exit, Result};

pub fn run(cli: Cli) -> Result<Exit> {
    match cli.command {
        Command::Audit(_)
        | Command::Inspect(_)
        | Command::Classify(_)
        | Command::Taxonomy
        | Command::Rules(_) => Err(Error::Usage("not built yet".into())),
    }
}
