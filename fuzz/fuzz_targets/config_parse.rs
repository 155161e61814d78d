//! Fuzz target `config_parse`: see `harness::config_parse` for what it feeds and what it checks.
#![no_main]

#[path = "../harness.rs"]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: harness_init(),
    |data: &[u8]| harness::config_parse(data)
);

/// libfuzzer-sys turns every panic into an abort, including a calamine panic that the input
/// stage catches and reports as a damaged file (what `raci` does too). Only panics outside
/// that guard are crashes.
fn harness_init() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !raci_audit::input::reading_guarded() {
            abort(info);
        }
    }));
}
