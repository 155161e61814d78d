//! The server's defences against other web pages in the user's own browser: the names it
//! answers to (against DNS rebinding), which requests may change anything (against
//! cross-site uploads), and the form token.
//!
//! **Host.** A page on `evil.example` can make its own name resolve to 127.0.0.1 (DNS
//! rebinding); the browser then treats this server as `evil.example` and lets that page read
//! every answer. Its requests still say `Host: evil.example`, so the server answers only to
//! the names it can be reached by without anyone's DNS: `localhost`, `127.0.0.1`, `[::1]`,
//! the address it is bound to, any IP address when it is bound to all of them (`0.0.0.0`,
//! `[::]`; an IP literal is not a name anyone can rebind), and the names given with
//! `--allow-host`, always with the bound port. Anything else gets 421 and a short plain-text
//! answer: never a page with the form token or an audit.
//!
//! **Origin.** Browsers say where a request comes from. A request that can change anything
//! (an upload; anything but GET, HEAD, OPTIONS and TRACE) is refused with 403 when its
//! `Origin` is not this very server (`null` included), or when `Sec-Fetch-Site` says
//! `cross-site` or `same-site` (another port of `localhost` is the same *site* but not this
//! server). A request without either header, as curl and scripts send them, is allowed: no
//! web page can send one from a current browser.
//!
//! **Form token.** Browsers older than those headers (Firefox before 70, for instance) send
//! a cross-site form post with neither, which would pass as a script. So every form this
//! server renders carries a random token (one per server run, in a hidden field before the
//! file), and an upload from a browser (`Origin`, `Sec-Fetch-*`, or the `Mozilla/` that every
//! browser's `User-Agent` starts with, which a web page cannot change) must carry it. Other
//! pages cannot read it: the same-origin policy hides this server's pages from them, and the
//! Host check keeps rebinding from lifting that. Scripts such as curl need no token, and one
//! that sends a token must send the right one. One token per run (not one per page) needs no
//! memory per page served; a page from an earlier run gets a "reload the page" answer.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The name of the form token's hidden field.
pub(crate) const TOKEN_FIELD: &str = "token";

/// Which `Host` the server answers to, and the form token of this run.
#[derive(Debug)]
pub(crate) struct Guard {
    port: u16,
    bound: IpAddr,
    /// Host names (lower case, no port) from `--allow-host`, besides `localhost`.
    names: Vec<String>,
    /// IP addresses from `--allow-host`.
    ips: Vec<IpAddr>,
    token: String,
}

/// A host name or IP address for `--allow-host`: a DNS name (letters, digits, `-`, `.`, `_`)
/// or an IP address (IPv6 with or without brackets), without a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AllowedHost {
    Name(String),
    Ip(IpAddr),
}

/// Reads one `--allow-host` value, or says what is wrong with it.
pub(crate) fn allowed_host(text: &str) -> Result<AllowedHost, String> {
    let text = text.trim();
    if let Some(ip) = parse_ip(text).or_else(|| text.parse().ok()) {
        return Ok(AllowedHost::Ip(ip));
    }
    let valid = !text.is_empty()
        && text.len() <= 253
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
    if valid {
        Ok(AllowedHost::Name(text.to_ascii_lowercase()))
    } else {
        Err(format!(
            "--allow-host {text:?}: give a host name or an IP address without a port or \
             scheme, e.g. --allow-host mybox.local"
        ))
    }
}

impl Guard {
    /// The guard of a server bound to `bound`, with a fresh random token.
    pub fn new(bound: SocketAddr, allowed: Vec<AllowedHost>) -> Result<Guard, getrandom::Error> {
        let mut names = Vec::new();
        let mut ips = Vec::new();
        for host in allowed {
            match host {
                AllowedHost::Name(n) => names.push(n),
                AllowedHost::Ip(ip) => ips.push(ip),
            }
        }
        Ok(Guard {
            port: bound.port(),
            bound: bound.ip(),
            names,
            ips,
            token: super::store::new_id()?,
        })
    }

    /// The token every form of this run carries.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Is `authority` (`host` or `host:port`, as in `Host`) one this server answers to?
    pub fn answers_to(&self, authority: &str) -> bool {
        let Some((host, port)) = split_authority(authority) else {
            return false;
        };
        if port != self.port {
            return false;
        }
        match parse_ip(&host) {
            Some(ip) => {
                ip == IpAddr::from([127, 0, 0, 1])
                    || ip == IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1])
                    || ip == self.bound
                    || self.bound.is_unspecified()
                    || self.ips.contains(&ip)
            }
            None => host == "localhost" || self.names.contains(&host),
        }
    }

    /// Does the form's `token` field match this run's token? Compared in constant time, so
    /// the time of a refusal says nothing about how much of a guess was right.
    pub fn token_matches(&self, sent: &[u8]) -> bool {
        let want = self.token.as_bytes();
        sent.len() == want.len()
            && sent.iter().zip(want).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }

    /// Why a request must be refused before it reaches a handler, if it must.
    fn refusal(
        &self,
        method: &Method,
        uri_authority: Option<&str>,
        headers: &HeaderMap,
    ) -> Option<Refusal> {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        // An absolute-form request line (`POST http://x/ HTTP/1.1`) names its host too.
        let hosts_ok = match (host, uri_authority) {
            (None, None) => false,
            (h, a) => h.is_none_or(|h| self.answers_to(h)) && a.is_none_or(|a| self.answers_to(a)),
        };
        if !hosts_ok {
            return Some(Refusal::Host);
        }
        if is_safe(method) {
            return None;
        }
        if let Some(site) = headers.get("sec-fetch-site") {
            if matches!(site.as_bytes(), b"cross-site" | b"same-site") {
                return Some(Refusal::CrossSite);
            }
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let this = host.or(uri_authority).and_then(split_authority);
            let from = origin.to_str().ok().and_then(origin_authority);
            if from.is_none() || from != this {
                return Some(Refusal::CrossSite);
            }
        }
        None
    }
}

/// Does this request come from a browser, which must then carry the form token? Every browser
/// sends a `User-Agent` starting with `Mozilla/`, and current ones `Origin` or `Sec-Fetch-*`
/// on an upload; no web page can take those away. curl, Python and the like send none.
pub(crate) fn from_browser(headers: &HeaderMap) -> bool {
    headers.contains_key(header::ORIGIN)
        || headers.contains_key("sec-fetch-site")
        || headers.contains_key("sec-fetch-mode")
        || headers
            .get(header::USER_AGENT)
            .is_some_and(|ua| ua.as_bytes().starts_with(b"Mozilla/"))
}

/// GET, HEAD, OPTIONS and TRACE change nothing on this server.
fn is_safe(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// `host[:port]` as (lower-case host, port; 80 when absent). IPv6 stays in brackets.
fn split_authority(text: &str) -> Option<(String, u16)> {
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let end = rest.find(']')?;
        let host = &text[..end + 2];
        match &rest[end + 1..] {
            "" => (host, None),
            p => (host, Some(p.strip_prefix(':')?)),
        }
    } else {
        match text.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (text, None),
        }
    };
    if host.is_empty() {
        return None;
    }
    let port = match port {
        None => 80,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok()?,
        Some(_) => return None,
    };
    Some((host.to_ascii_lowercase(), port))
}

/// The authority of an `Origin` value: only `http://host[:port]`, this server's scheme
/// (`null` and anything else are no origin of ours).
fn origin_authority(origin: &str) -> Option<(String, u16)> {
    let rest = origin.strip_prefix("http://")?;
    if rest.contains('/') || rest.contains('@') {
        return None;
    }
    split_authority(rest)
}

/// An IP literal as `Host` writes it: `127.0.0.1` or `[::1]`.
fn parse_ip(host: &str) -> Option<IpAddr> {
    match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6),
        None => host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4),
    }
}

/// Why the guard refused a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Host,
    CrossSite,
}

/// The middleware: every request passes [`Guard::refusal`] before it is routed. The answers
/// are plain text: a refused request may come from a page that can read them (rebinding),
/// so they hold neither the form token nor anything of an audit.
pub(crate) async fn check(
    State(guard): State<Arc<Guard>>,
    request: Request,
    next: Next,
) -> Response {
    let refusal = guard.refusal(
        request.method(),
        request.uri().authority().map(|a| a.as_str()),
        request.headers(),
    );
    match refusal {
        None => next.run(request).await,
        Some(Refusal::Host) => plain(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "raci serve answers only to localhost:{port}, 127.0.0.1:{port} and [::1]:{port} \
                 (or the address it listens on), so that other web sites cannot reach it \
                 through their own host names. Open http://localhost:{port}/ instead, or \
                 restart raci serve with --allow-host NAME for a name of this machine.\n",
                port = guard.port
            ),
        ),
        Some(Refusal::CrossSite) => plain(
            StatusCode::FORBIDDEN,
            "raci serve accepts uploads only from its own page: this request came from \
             another web site. Open the raci serve page itself and upload the file there.\n"
                .to_string(),
        ),
    }
}

fn plain(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn guard(bound: &str) -> Guard {
        Guard::new(
            bound.parse().unwrap(),
            vec![allowed_host("MyBox.local").unwrap_or_else(|_| unreachable!())],
        )
        .unwrap()
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        h
    }

    #[test]
    fn authorities_split_with_the_default_port() {
        assert_eq!(
            split_authority("LocalHost:8080"),
            Some(("localhost".into(), 8080))
        );
        assert_eq!(
            split_authority("example.com"),
            Some(("example.com".into(), 80))
        );
        assert_eq!(split_authority("[::1]:9000"), Some(("[::1]".into(), 9000)));
        assert_eq!(split_authority("[::1]"), Some(("[::1]".into(), 80)));
        for bad in [
            "", ":80", "a:b", "a:", "[::1", "[::1]x", "a:80:80", "a:99999",
        ] {
            assert_eq!(split_authority(bad), None, "{bad}");
        }
        assert_eq!(
            origin_authority("http://localhost:8080"),
            Some(("localhost".into(), 8080))
        );
        for bad in [
            "null",
            "https://localhost:8080",
            "http://localhost:8080/x",
            "http://u@localhost:8080",
        ] {
            assert_eq!(origin_authority(bad), None, "{bad}");
        }
    }

    #[test]
    fn loopback_names_with_the_port_only() {
        let g = guard("127.0.0.1:8080");
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
            "mybox.local:8080",
        ] {
            assert!(g.answers_to(ok), "{ok}");
        }
        for refused in [
            "evil.example:8080",
            "localhost:8081",
            "localhost",
            "127.0.0.2:8080",
            "10.0.0.1:8080",
            "localhost.evil.example:8080",
            "",
        ] {
            assert!(!g.answers_to(refused), "{refused}");
        }
        // Port 80 is the port a browser leaves out.
        assert!(guard("127.0.0.1:80").answers_to("localhost"));
    }

    #[test]
    fn a_wildcard_bind_answers_to_any_ip_but_not_to_names() {
        let g = guard("0.0.0.0:8080");
        assert!(g.answers_to("192.168.1.5:8080"));
        assert!(g.answers_to("[fe80::1]:8080"));
        assert!(g.answers_to("localhost:8080"));
        assert!(!g.answers_to("evil.example:8080"));
        let lan = guard("192.168.1.5:8080");
        assert!(lan.answers_to("192.168.1.5:8080"));
        assert!(!lan.answers_to("192.168.1.6:8080"));
    }

    #[test]
    fn uploads_only_from_this_origin() {
        let g = guard("127.0.0.1:8080");
        let post = Method::POST;
        let at = |extra: &[(&'static str, &str)]| {
            let mut all = vec![("host", "127.0.0.1:8080")];
            all.extend_from_slice(extra);
            g.refusal(&post, None, &headers(&all))
        };
        assert_eq!(at(&[]), None, "curl sends neither header");
        assert_eq!(at(&[("origin", "http://127.0.0.1:8080")]), None);
        assert_eq!(at(&[("sec-fetch-site", "same-origin")]), None);
        assert_eq!(at(&[("sec-fetch-site", "none")]), None);
        for bad in [
            vec![("origin", "http://evil.example")],
            vec![("origin", "null")],
            vec![("origin", "http://localhost:8080")],
            vec![("origin", "http://127.0.0.1:3000")],
            vec![("sec-fetch-site", "cross-site")],
            vec![("sec-fetch-site", "same-site")],
            vec![
                ("origin", "http://127.0.0.1:8080"),
                ("sec-fetch-site", "cross-site"),
            ],
        ] {
            assert_eq!(at(&bad), Some(Refusal::CrossSite), "{bad:?}");
        }
        // A GET from anywhere is answered (the pages are behind unguessable ids)...
        let get = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert_eq!(g.refusal(&Method::GET, None, &get), None);
        // ...but never under a foreign name, whatever the method.
        let rebound = headers(&[("host", "evil.example:8080")]);
        assert_eq!(g.refusal(&Method::GET, None, &rebound), Some(Refusal::Host));
        assert_eq!(
            g.refusal(&Method::GET, None, &HeaderMap::new()),
            Some(Refusal::Host)
        );
        let ok_host = headers(&[("host", "127.0.0.1:8080")]);
        assert_eq!(
            g.refusal(&Method::GET, Some("evil.example:8080"), &ok_host),
            Some(Refusal::Host)
        );
    }

    #[test]
    fn browsers_are_told_from_scripts() {
        assert!(!from_browser(&headers(&[("user-agent", "curl/8.5.0")])));
        assert!(!from_browser(&HeaderMap::new()));
        assert!(from_browser(&headers(&[(
            "user-agent",
            "Mozilla/5.0 (X11; Linux x86_64; rv:68.0) Gecko/20100101 Firefox/68.0"
        )])));
        assert!(from_browser(&headers(&[(
            "origin",
            "http://127.0.0.1:8080"
        )])));
        assert!(from_browser(&headers(&[("sec-fetch-mode", "navigate")])));
    }

    #[test]
    fn the_token_is_compared_whole() {
        let g = guard("127.0.0.1:8080");
        let token = g.token().to_string();
        assert_eq!(token.len(), 32);
        assert!(g.token_matches(token.as_bytes()));
        assert!(!g.token_matches(&token.as_bytes()[..31]));
        assert!(!g.token_matches(b""));
        let mut wrong = token.into_bytes();
        wrong[31] ^= 1;
        assert!(!g.token_matches(&wrong));
        assert_ne!(
            guard("127.0.0.1:8080").token(),
            g.token(),
            "one token per run"
        );
    }

    #[test]
    fn allowed_hosts_are_names_or_ips_without_ports() {
        assert!(
            matches!(allowed_host("mybox.local"), Ok(AllowedHost::Name(n)) if n == "mybox.local")
        );
        assert!(matches!(
            allowed_host("192.168.1.5"),
            Ok(AllowedHost::Ip(_))
        ));
        assert!(matches!(allowed_host("[fe80::1]"), Ok(AllowedHost::Ip(_))));
        assert!(matches!(allowed_host("fe80::1"), Ok(AllowedHost::Ip(_))));
        for bad in ["", "mybox:8080", "http://mybox", "a b", "x/y"] {
            assert!(allowed_host(bad).is_err(), "{bad}");
        }
    }
}
