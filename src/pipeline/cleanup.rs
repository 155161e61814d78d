//! Temporary report folders and files in flight (`.NAME.raci-tmp-PID`): removed when the run
//! is interrupted, and by a later run when the run that left them is gone.
//!
//! A report folder is written into a hidden temporary folder and renamed into place
//! (`audit::Staging`), so a run that stops half-way must remove that folder or it stays, at up
//! to a gigabyte. Errors unwind through `Drop`; a signal does not. So the temporary paths are
//! registered here, and SIGINT, SIGTERM and SIGHUP are turned (by signal-hook, on a thread of
//! their own, never in signal context) into: stop new work, remove every registered path,
//! then die of the same signal, as the shell expects. Moving a finished folder into place
//! happens under the same lock ([`finishing`]), so an interrupt never removes a folder half
//! way through its rename.
//!
//! A run killed without a chance to clean up (SIGKILL, the out-of-memory killer, a power cut)
//! leaves its folder; the next run writing beside it removes every `.NAME.raci-tmp-PID` whose
//! process no longer exists ([`remove_stale`]).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The paths in flight, and whether an interrupt has begun removing them.
#[derive(Debug)]
struct Registry {
    stopping: bool,
    paths: Vec<PathBuf>,
}

static IN_FLIGHT: Mutex<Registry> = Mutex::new(Registry {
    stopping: false,
    paths: Vec::new(),
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    // A panic while the lock was held leaves plain data behind; keep using it.
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// The name of a temporary path for `name` in this process.
pub fn temp_name(name: &str) -> String {
    format!(".{name}{TEMP_MARK}{}", std::process::id())
}

const TEMP_MARK: &str = ".raci-tmp-";

/// A registered temporary path; dropping it takes it off the list (removing it is the
/// owner's business: the path may by then be the finished report folder).
#[derive(Debug)]
pub struct InFlight {
    path: PathBuf,
}

/// Registers `path` before it is created. `None` once an interrupt has begun: the run is
/// ending, and nothing new may be started.
pub fn register(path: &Path) -> Option<InFlight> {
    let mut reg = registry();
    if reg.stopping {
        return None;
    }
    reg.paths.push(path.to_path_buf());
    Some(InFlight {
        path: path.to_path_buf(),
    })
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut reg = registry();
        if let Some(i) = reg.paths.iter().position(|p| *p == self.path) {
            reg.paths.swap_remove(i);
        }
    }
}

/// Runs `f` (moving finished files into place) so that an interrupt waits for it, or, if an
/// interrupt has already begun, does not run it: `None`.
pub fn finishing<T>(f: impl FnOnce() -> T) -> Option<T> {
    let reg = registry();
    if reg.stopping {
        return None;
    }
    let out = f();
    drop(reg);
    Some(out)
}

/// Removes every registered path. Returns how many there were.
fn remove_all() -> usize {
    let mut reg = registry();
    reg.stopping = true;
    let paths = std::mem::take(&mut reg.paths);
    for path in &paths {
        remove(path);
    }
    // The lock stays taken: the process ends, and no writer may register or finish.
    std::mem::forget(reg);
    paths.len()
}

fn remove(path: &Path) {
    // A writer may still be putting a file into the folder: try a few times.
    for _ in 0..5 {
        let gone = if path.is_dir() {
            std::fs::remove_dir_all(path).is_ok()
        } else {
            std::fs::remove_file(path).is_ok()
        };
        if gone || !path.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Installs the interrupt handling for a command that writes report folders. Once per
/// process; a failure to install leaves the default behaviour (the stale-folder sweep of the
/// next run still cleans up).
pub fn install() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            let _ = std::thread::Builder::new()
                .name("raci-signals".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        let removed = remove_all();
                        let what = if removed > 0 {
                            "; the unfinished reports were removed"
                        } else {
                            ""
                        };
                        eprintln!("error: interrupted{what}");
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                });
        });
    }
}

/// Removes the temporary paths in `dir` left by runs whose process is gone. Only names of
/// the exact form `.NAME.raci-tmp-PID` are touched; a process that may still be alive (or
/// whose liveness cannot be known on this system) keeps its path.
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(stale_pid) else {
            continue;
        };
        if pid != me && process_gone(pid) {
            remove(&entry.path());
        }
    }
}

/// The PID of a temporary name (`.team.raci-tmp-4242` gives 4242).
fn stale_pid(name: &str) -> Option<u32> {
    let (head, pid) = name.rsplit_once(TEMP_MARK)?;
    if !name.starts_with('.') || head.len() < 2 || pid.is_empty() {
        return None;
    }
    if !pid.bytes().all(|b| b.is_ascii_digit()) || pid.starts_with('0') {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` has ended, where the system says (`/proc` on Linux). Elsewhere the
/// answer is no: a folder left there is removed by hand, never by guess.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_round_trip_and_look_alikes_do_not() {
        let name = temp_name("team");
        assert_eq!(stale_pid(&name), Some(std::process::id()));
        assert_eq!(stale_pid(".portfolio.csv.raci-tmp-12"), Some(12));
        for other in [
            "team.raci-tmp-12",
            ".team.raci-tmp-",
            ".team.raci-tmp-12x",
            ".team.raci-tmp-012",
            ".raci-tmp-12",
            "notes.txt",
        ] {
            assert_eq!(stale_pid(other), None, "{other}");
        }
    }

    #[test]
    fn registered_paths_come_off_the_list_when_dropped() {
        let path = PathBuf::from("/nowhere/.x.raci-tmp-1");
        let guard = register(&path).unwrap();
        assert!(registry().paths.contains(&path));
        drop(guard);
        assert!(!registry().paths.contains(&path));
        assert_eq!(finishing(|| 7), Some(7));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stale_paths_of_gone_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has ended: its PID is free (and not reused this quickly).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".out{TEMP_MARK}{gone}"));
        std::fs::create_dir(&stale).unwrap();
        std::fs::write(stale.join("tasks.csv"), "x").unwrap();
        let file = dir.path().join(format!(".portfolio.csv{TEMP_MARK}{gone}"));
        std::fs::write(&file, "x").unwrap();
        let mine = dir.path().join(temp_name("out"));
        std::fs::create_dir(&mine).unwrap();
        let alike = dir.path().join(format!("out{TEMP_MARK}{gone}"));
        std::fs::create_dir(&alike).unwrap();
        remove_stale(dir.path());
        assert!(!stale.exists() && !file.exists());
        assert!(mine.exists() && alike.exists());
    }
}
