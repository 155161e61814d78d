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
