//! Settings resolved once: defaults, then `raci.toml`, then flags, into one validated value.

use crate::audit::{AuditSettings, Severity};
use crate::classify::Pin;
use crate::input::Limits;
use crate::layout::LayoutOptions;
use serde::Serialize;
use std::path::PathBuf;

/// Which report files to write (`--only`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outputs {
    pub csv: bool,
    pub png: bool,
    pub html: bool,
    pub xlsx: bool,
    pub json: bool,
    pub md: bool,
}

impl Default for Outputs {
    fn default() -> Self {
        Outputs {
            csv: true,
            png: true,
            html: true,
            xlsx: true,
            json: true,
            md: true,
        }
    }
}

/// Extra taxonomy words from `raci.toml` `[taxonomy]`: more signals for a duty id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SignalAddition {
    pub duty: String,
    pub signals: Vec<String>,
}

/// Everything a run needs, validated.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Settings {
    pub layout: LayoutOptions,
    pub limits: Limits,
    pub audit: AuditSettings,
    pub pins: Vec<Pin>,
    /// A replacement taxonomy file.
    pub taxonomy_file: Option<PathBuf>,
    pub extra_signals: Vec<SignalAddition>,
    pub fail_on: Option<Severity>,
    pub outputs: Outputs,
    pub excel_csv: bool,
    pub quiet: bool,
}
