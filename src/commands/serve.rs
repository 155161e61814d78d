//! `raci serve`: bind, say where, optionally open the browser, then serve until stopped.

use crate::cli::ServeArgs;
use crate::serve::{ServeOptions, Server};
use crate::settings::Settings;
use crate::{Exit, Result};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The address a browser on this machine should open: a wildcard bind is reached on loopback.
fn browse_addr(bound: SocketAddr) -> SocketAddr {
    if bound.ip().is_unspecified() {
        let ip = match bound.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        };
        SocketAddr::new(ip, bound.port())
    } else {
        bound
    }
}

/// The warning printed when the server is reachable from other machines.
fn exposure_warning(bound: SocketAddr) -> Option<String> {
    (!bound.ip().is_loopback()).then(|| {
        format!(
            "warning: listening on {bound}, which is not a loopback address: anyone who can \
             reach this machine can upload files and read their audits. Use --addr 127.0.0.1:{} \
             to keep it local.",
            bound.port()
        )
    })
}

/// Opens `url` with the desktop's opener. Failing is only a note: the URL is printed anyway.
fn open_browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}

/// `raci serve`.
pub fn run(args: &ServeArgs, settings: Settings) -> Result<Exit> {
    let options = ServeOptions {
        max_upload_mb: args.max_upload_mb,
        max_store_mb: args.max_store_mb,
        upload_timeout_secs: args.upload_timeout_secs,
        max_uploads: args.max_uploads,
        allow_hosts: args.allow_host.clone(),
        ..ServeOptions::new(settings)
    };
    let server = Server::bind(args.addr, options)?;
    let bound = server.local_addr();
    let url = format!("http://{}/", browse_addr(bound));
    if let Some(warning) = exposure_warning(bound) {
        eprintln!("{warning}");
    }
    eprintln!("raci serve: open {url} (press Ctrl+C to stop)");
    if args.open {
        if let Err(e) = open_browser(&url) {
            eprintln!("note: could not open a browser ({e}); open {url} yourself.");
        }
    }
    server.run()?;
    Ok(Exit::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_binds_are_browsed_on_loopback() {
        let any: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        assert_eq!(browse_addr(any), "127.0.0.1:8080".parse().unwrap());
        let any6: SocketAddr = "[::]:9000".parse().unwrap();
        assert_eq!(browse_addr(any6), "[::1]:9000".parse().unwrap());
        let lan: SocketAddr = "192.0.2.7:80".parse().unwrap();
        assert_eq!(browse_addr(lan), lan);
    }

    #[test]
    fn only_loopback_is_quiet() {
        assert_eq!(exposure_warning("127.0.0.1:8080".parse().unwrap()), None);
        assert_eq!(exposure_warning("[::1]:8080".parse().unwrap()), None);
        let warning = exposure_warning("0.0.0.0:8080".parse().unwrap()).unwrap();
        assert!(
            warning.starts_with("warning: listening on 0.0.0.0:8080"),
            "{warning}"
        );
        assert!(warning.contains("--addr 127.0.0.1:8080"));
        assert!(exposure_warning("192.0.2.7:80".parse().unwrap()).is_some());
    }
}
