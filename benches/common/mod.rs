//! What the benches share: each measurement runs in a child process of the bench binary,
//! which prints its own peak memory.

/// This process's peak resident memory (VmHWM) in KB, 0 where `/proc` does not tell.
pub fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}
