//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/realworld/NAME`, beside the checkout.
pub fn realworld(name: &str) -> PathBuf {
    root().join("../shared/realworld").join(name)
}

/// Every file `raci audit` writes into a report folder for a matrix whose heatmap fits one
/// page, written out here rather than taken from the library so the tests check its names.
pub const EXPECTED_FILES: &[&str] = &[
    "tasks.csv",
    "parties.csv",
    "findings.csv",
    "overlaps.csv",
    "gaps.csv",
    "coverage.csv",
    "suggestions.csv",
    "summary.md",
    "report.json",
    "report.html",
    "report.xlsx",
    "matrix.png",
    "overlap.png",
    "co-ownership.png",
    "gaps.png",
    "workload.png",
    "findings.png",
];
