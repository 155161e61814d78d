//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/realworld/NAME`, beside the checkout.
pub fn realworld(name: &str) -> PathBuf {
    root().join("../shared/realworld").join(name)
}

/// Set to `1` (as `.ci/run` does) to make a missing `../shared/realworld/` a failure instead
/// of a skip: CI must never skip the real-export tests.
pub const REQUIRE_SHARED: &str = "RACI_REQUIRE_SHARED";

/// Whether `../shared/realworld/` is there for `test` to read.
///
/// A clone of this repository alone has no `../shared/`: then the test says in one line that
/// it was skipped and why, and returns early, instead of panicking on a missing file. With
/// `RACI_REQUIRE_SHARED=1` a missing folder fails the test. The line goes to the process's
/// standard error directly, past the test harness's capture, so a passing run still shows it.
pub fn shared_available(test: &str) -> bool {
    let dir = realworld("");
    if dir.is_dir() {
        return true;
    }
    let required = std::env::var(REQUIRE_SHARED).is_ok_and(|v| v.trim() == "1");
    assert!(
        !required,
        "{test}: {} is missing and {REQUIRE_SHARED}=1 requires it",
        dir.display()
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: ../shared/realworld/ is not beside this checkout (the real exports are \
         kept outside the repository; set {REQUIRE_SHARED}=1 to make this a failure)"
    );
    false
}

/// Returns from the calling test when `../shared/realworld/` is missing (see
/// [`shared_available`]).
macro_rules! require_shared {
    ($test:expr) => {
        if !$crate::support::shared_available($test) {
            return;
        }
    };
}
pub(crate) use require_shared;

/// Every file `raci audit` writes into a report folder for a matrix whose heatmap fits one
/// page, written out here rather than taken from the library so the tests check its names.
pub const EXPECTED_FILES: &[&str] = &[
    "tasks.csv",
    "parties.csv",
    "findings.csv",
    "overlaps.csv",
    "gaps.csv",
    "coverage.csv",
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
