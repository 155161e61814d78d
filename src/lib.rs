//! raci-audit: reads a RACI matrix exported from a spreadsheet, classifies every task as
//! Product-Owner work, Product-Manager work, shared or unclassified (after the taxonomy of
//! "Product Owner vs. Product Manager: No, they're not the same"), and reports overlaps, gaps
//! and RACI hygiene findings as CSV, Markdown, JSON, HTML, XLSX and PNG charts.
//!
//! Stages, each a module, data flowing one way:
//! `input -> layout -> model -> classify -> audit -> report / chart`, joined in `pipeline`,
//! which the subcommands (`commands`) and the server (`serve`) call.

pub mod anonymize;
pub mod audit;
pub mod chart;
pub mod classify;
pub mod cli;
pub mod commands;
pub mod diff;
pub mod error;
pub mod input;
pub mod layout;
pub mod model;
pub mod outcome;
pub mod pipeline;
pub mod report;
pub mod serve;
pub mod settings;
pub mod suggest;
pub mod synth;
#[doc(hidden)]
pub mod testing;
mod toml_text;

pub use error::{Error, Result};

/// How a successful run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Exit 0.
    Done,
    /// Exit 1: a finding reached `--fail-on`.
    Findings,
    /// Exit 2 after finishing the rest: some inputs of a portfolio could not be read.
    SomeInputsFailed,
}

/// Runs one parsed command line.
pub fn run(cli: cli::Cli) -> Result<Exit> {
    commands::run(cli)
}
