//! `raci serve` over real HTTP: the server runs in-process on `127.0.0.1:0` and a small raw
//! HTTP/1.1 client talks to it. The upload page, every sample, the CLI's bytes and messages,
//! the limits, concurrent uploads, downloads and the zip, the bounded store, and the audit
//! page in headless Chromium.

use crate::support::{root, EXPECTED_FILES};
use assert_cmd::Command;
use raci_audit::pipeline::Pipeline;
use raci_audit::serve::{Running, ServeOptions, Server, AUDIT_ID_HEADER};
use raci_audit::settings::Settings;
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

fn start_with(max_upload_mb: u64, keep: usize) -> Running {
    start_options(|o| {
        o.max_upload_mb = max_upload_mb;
        o.keep = keep;
    })
}

/// A server with the defaults, changed by `change`.
pub(crate) fn start_options(change: impl FnOnce(&mut ServeOptions)) -> Running {
    let mut options = ServeOptions::new(Settings::default());
    change(&mut options);
    Server::bind("127.0.0.1:0".parse().unwrap(), options)
        .unwrap()
        .spawn()
}

pub(crate) fn start() -> Running {
    start_with(20, 32)
}

#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }
}

/// Decodes `Transfer-Encoding: chunked`.
fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = std::str::from_utf8(&body[..line_end]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).unwrap();
        body = &body[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}

/// One request on its own connection (`Connection: close`), the reply read to the end. The
/// `Host` is the server's address unless `extra` names one.
pub(crate) fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    extra: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !extra.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if method == "POST"
        && !extra
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    read_reply(&mut stream).unwrap()
}

/// Opens a connection and sends only the head of an upload that announces `length` bytes of
/// body (plus any `extra` headers and the first `body` bytes of it): the server decides on
/// what it has, or waits for the rest.
fn upload_head(addr: SocketAddr, extra: &[(&str, &str)], length: usize, body: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut head = format!(
        "POST /audit HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\n"
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    stream
}

/// Reads a whole reply (the server closes the connection after it), or the I/O error.
fn read_reply(stream: &mut TcpStream) -> std::io::Result<Reply> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other(format!("no reply head in {raw:?}")))?;
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body);
    }
    Ok(Reply {
        status,
        headers,
        body,
    })
}

pub(crate) fn get(addr: SocketAddr, path: &str) -> Reply {
    request(addr, "GET", path, &[], b"")
}

const BOUNDARY: &str = "----raci-test-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body: (field, file name for file fields, bytes).
fn multipart(fields: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, bytes) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file_name {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub(crate) fn post_form(addr: SocketAddr, fields: &[(&str, Option<&str>, &[u8])]) -> Reply {
    post_form_with(addr, &[], fields)
}

/// [`post_form`] with more headers (`Origin`, `User-Agent`, ...).
pub(crate) fn post_form_with(
    addr: SocketAddr,
    extra: &[(&str, &str)],
    fields: &[(&str, Option<&str>, &[u8])],
) -> Reply {
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let mut headers = vec![("Content-Type", content_type.as_str())];
    headers.extend_from_slice(extra);
    request(addr, "POST", "/audit", &headers, &multipart(fields))
}

pub(crate) fn upload(addr: SocketAddr, name: &str, bytes: &[u8]) -> Reply {
    post_form(addr, &[("file", Some(name), bytes)])
}

pub(crate) fn sample(name: &str) -> PathBuf {
    root().join("samples").join(name)
}

fn samples() -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("xlsx" | "csv" | "ods")
            )
        })
        .collect();
    all.sort();
    all
}

/// The audit id of a successful upload.
pub(crate) fn audit_id(reply: &Reply) -> String {
    assert_eq!(reply.status, 200, "{}", reply.text());
    let id = reply
        .header(AUDIT_ID_HEADER)
        .expect("audit id header")
        .to_string();
    assert_eq!(id.len(), 32, "{id}");
    id
}

/// What the report stage escapes in HTML.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The file names the audit page links, in order.
pub(crate) fn linked_files(page: &str, id: &str) -> Vec<String> {
    let prefix = format!("href=\"/audit/{id}/files/");
    page.match_indices(&prefix)
        .map(|(at, _)| {
            let rest = &page[at + prefix.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

pub(crate) fn cli_audit(input: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    Command::cargo_bin("raci")
        .unwrap()
        .current_dir(root())
        .arg("audit")
        .arg(input)
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .assert()
        .success();
    (tmp, out)
}

/// The CLI's message for a file it cannot audit: its first `error:` line.
fn cli_error(input: &Path, extra: &[&str]) -> String {
    let out = Command::cargo_bin("raci")
        .unwrap()
        .current_dir(root())
        .arg("audit")
        .arg(input)
        .args(extra)
        .arg("-o")
        .arg(std::env::temp_dir().join("raci-serve-never-written"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    stderr.lines().next().unwrap().to_string()
}

#[test]
fn upload_page_works_without_script() {
    let server = start();
    let reply = get(server.addr(), "/");
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let page = reply.text();
    assert!(page.contains(
        "<form class=\"upload-form\" method=\"post\" action=\"/audit\" enctype=\"multipart/form-data\">"
    ));
    assert!(page.contains("<input type=\"file\" name=\"file\" required"));
    for field in ["sheet", "scheme", "roster"]
        .into_iter()
        .chain(raci_audit::layout::STEERING_KEYS)
    {
        assert!(page.contains(&format!("name=\"{field}\"")), "{field}");
    }
    // Only this server's script; nothing from the network.
    assert!(page.contains("<script src=\"/app.js\" defer></script>"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    let csp = reply.header("content-security-policy").unwrap();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );

    let script = get(server.addr(), "/app.js");
    assert_eq!(script.status, 200);
    assert!(script
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    assert!(script.text().contains("XMLHttpRequest") && script.text().contains("drop"));

    let missing = get(server.addr(), "/nothing-here");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("There is no page at this address."));
    // A GET of the form's target goes back to the form.
    let back = get(server.addr(), "/audit");
    assert_eq!(back.status, 303);
    assert_eq!(back.header("location"), Some("/"));
}

#[test]
fn every_sample_is_audited_with_its_headline_and_downloads() {
    let server = start();
    let settings = Settings::default();
    let pipeline = Pipeline::new(&settings).unwrap();
    let files = samples();
    assert!(files.len() >= 7, "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let reply = upload(server.addr(), name, &bytes);
        let id = audit_id(&reply);
        let page = reply.text();
        // The same audit the library makes of the same bytes under the same name.
        let wb = raci_audit::input::read_bytes(name, &bytes, &settings.limits).unwrap();
        let audited = pipeline.audit(&wb).unwrap();
        let headline = raci_audit::report::headline(&audited.outcome());
        assert!(
            page.contains(&format!(
                "<p class=\"headline\">{}</p>",
                html_escape(&headline)
            )),
            "{name}: headline {headline:?} missing"
        );
        assert!(
            page.contains(&format!("<h1>RACI audit: {}", html_escape(name))),
            "{name}"
        );
        for table in ["overlaps", "gaps", "findings"] {
            assert!(
                page.contains(&format!("<table id=\"{table}-table\">")),
                "{name}: {table}"
            );
        }
        let linked = linked_files(&page, &id);
        for expected in [
            "tasks.csv",
            "findings.csv",
            "report.html",
            "report.xlsx",
            "report.json",
            "summary.md",
            "overlap.png",
        ] {
            assert!(
                linked.iter().any(|l| l == expected),
                "{name}: {expected} not in {linked:?}"
            );
        }
        // Large matrices are paginated: matrix.png or matrix-1.png, matrix-2.png, ...
        assert!(
            linked
                .iter()
                .any(|l| l == "matrix.png" || l == "matrix-1.png"),
            "{name}: {linked:?}"
        );
        // A paginated heatmap: report.html alone lacks its later pages, and the page says so.
        let note = "take the zip to keep them together";
        let paged = linked.iter().any(|l| l == "matrix-2.png");
        assert_eq!(page.contains(note), paged, "{name}");
        // The page can be fetched again by its id, unchanged.
        let again = get(server.addr(), &format!("/audit/{id}"));
        assert_eq!(again.status, 200);
        assert_eq!(again.body, reply.body, "{name}");
    }
}

#[test]
fn served_reports_equal_the_cli_byte_for_byte() {
    let server = start();
    let input = sample("product-team.xlsx");
    let reply = upload(
        server.addr(),
        "product-team.xlsx",
        &std::fs::read(&input).unwrap(),
    );
    let id = audit_id(&reply);
    let page = reply.text();
    let (_tmp, out) = cli_audit(&input);

    let mut cli_files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    cli_files.sort();
    let mut linked = linked_files(&page, &id);
    linked.sort();
    assert_eq!(
        linked, cli_files,
        "the page offers exactly what the CLI writes"
    );
    // Every text report (the PNGs and the workbook are compared elsewhere).
    for name in EXPECTED_FILES
        .iter()
        .filter(|n| !n.ends_with(".png") && !n.ends_with(".xlsx"))
    {
        let served = get(server.addr(), &format!("/audit/{id}/files/{name}"));
        assert_eq!(served.status, 200, "{name}");
        let written = std::fs::read(out.join(name)).unwrap();
        assert!(served.body == written, "{name} differs from the CLI's");
    }
    // The page shows the report's own content: report.html's headline and tables.
    let report_html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let content_start = report_html.find("<nav>").unwrap();
    let content_end = report_html.find("</main>").unwrap();
    assert!(page.contains(&report_html[content_start..content_end]));
}

#[test]
fn downloads_and_the_zip_hold_every_report() {
    let server = start();
    let reply = upload(
        server.addr(),
        "product-team.csv",
        &std::fs::read(sample("product-team.csv")).unwrap(),
    );
    let id = audit_id(&reply);
    let page = reply.text();
    let linked = linked_files(&page, &id);
    assert!(linked.len() >= 16, "{linked:?}");
    let mut served = Vec::new();
    for name in &linked {
        let r = get(server.addr(), &format!("/audit/{id}/files/{name}"));
        assert_eq!(r.status, 200, "{name}");
        assert_eq!(
            r.header("content-disposition"),
            Some(format!("attachment; filename=\"{name}\"").as_str())
        );
        let ct = r.header("content-type").unwrap();
        match name.rsplit_once('.').unwrap().1 {
            "csv" => assert_eq!(ct, "text/csv; charset=utf-8"),
            "png" => {
                assert_eq!(ct, "image/png");
                assert!(r.body.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
            }
            "xlsx" => assert!(r.body.starts_with(b"PK"), "{name}"),
            _ => {}
        }
        assert!(!r.body.is_empty(), "{name}");
        served.push((name.clone(), r.body));
    }

    let zip_link = format!("href=\"/audit/{id}/raci-product-team.zip\"");
    assert!(page.contains(&zip_link), "zip link missing");
    let zip = get(server.addr(), &format!("/audit/{id}/raci-product-team.zip"));
    assert_eq!(zip.status, 200);
    assert_eq!(zip.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body.clone())).unwrap();
    assert_eq!(archive.len(), served.len());
    for (i, (name, bytes)) in served.iter().enumerate() {
        let mut entry = archive.by_index(i).unwrap();
        assert_eq!(entry.name().unwrap(), name.as_str());
        let mut inside = Vec::new();
        entry.read_to_end(&mut inside).unwrap();
        assert!(&inside == bytes, "{name} differs inside the zip");
    }
    // The same audit gives the same zip.
    let again = get(server.addr(), &format!("/audit/{id}/raci-product-team.zip"));
    assert_eq!(again.body, zip.body);

    // Only the audit's own files, by exact name; nothing resolves as a path.
    for path in [
        format!("/audit/{id}/files/secret.txt"),
        format!("/audit/{id}/files/..%2F..%2FCargo.toml"),
        format!("/audit/{id}/files/%2Fetc%2Fpasswd"),
        format!("/audit/{id}/other.zip"),
        format!("/audit/{id}/files/../../Cargo.toml"),
    ] {
        let r = get(server.addr(), &path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.text().contains("[package]"), "{path}");
    }
    let unknown = get(server.addr(), "/audit/0123456789abcdef0123456789abcdef");
    assert_eq!(unknown.status, 404);
    assert!(unknown.text().contains("not kept any more"));
    let not_an_id = get(server.addr(), "/audit/..%2F..%2Fetc/files/passwd");
    assert_eq!(not_an_id.status, 404);
}

#[test]
fn a_bad_file_gets_the_cli_message_and_422() {
    let server = start();
    // An audit made before the failures below, still there after them.
    let kept = audit_id(&upload(server.addr(), "team.csv", TINY));
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 3] = [
        ("budget.xlsx", b"PK\x03\x04 this is not really a workbook"),
        ("notes.csv", b"just some words\nand nothing like a matrix\n"),
        ("empty.csv", b""),
    ];
    for (name, bytes) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let expected = cli_error(&path, &[]);
        assert!(expected.starts_with("error: "), "{expected}");
        let reply = upload(server.addr(), name, bytes);
        assert_eq!(reply.status, 422, "{name}: {}", reply.text());
        assert!(reply.header(AUDIT_ID_HEADER).is_none());
        let page = reply.text();
        assert!(
            page.contains(&format!(
                "<p class=\"message\">{}</p>",
                html_escape(&expected)
            )),
            "{name}: {expected:?} not in the page"
        );
        // The page offers the form again.
        assert!(page.contains("action=\"/audit\""));
    }

    // The sheet field is --sheet: the same message for a sheet that does not exist.
    let xlsx = sample("product-team.xlsx");
    let expected = cli_error(&xlsx, &["--sheet", "Nope"]);
    let reply = post_form(
        server.addr(),
        &[
            (
                "file",
                Some("product-team.xlsx"),
                &std::fs::read(&xlsx).unwrap(),
            ),
            ("sheet", None, b"Nope"),
        ],
    );
    assert_eq!(reply.status, 422);
    assert!(reply.text().contains(&html_escape(&expected)), "{expected}");

    // Requests that are not the form: 400 with a message, never a panic.
    let no_file = post_form(server.addr(), &[("sheet", None, b"RACI")]);
    assert_eq!(no_file.status, 400);
    assert!(no_file.text().contains("choose a RACI matrix file"));
    let bad_scheme = post_form(
        server.addr(),
        &[
            ("file", Some("a.csv"), b"Task,Ann\nX,R\n"),
            ("scheme", None, b"xyz"),
        ],
    );
    assert_eq!(bad_scheme.status, 400);
    assert!(bad_scheme.text().contains("is not a scheme"));
    let not_multipart = request(
        server.addr(),
        "POST",
        "/audit",
        &[("Content-Type", "text/plain")],
        b"hello",
    );
    assert_eq!(not_multipart.status, 400);
    assert!(not_multipart.text().contains("not an upload form"));
    let truncated = request(
        server.addr(),
        "POST",
        "/audit",
        &[("Content-Type", &format!("multipart/form-data; boundary={BOUNDARY}"))],
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nTask,A").as_bytes(),
    );
    assert_eq!(truncated.status, 400, "{}", truncated.text());

    // None of that cost the server or its stored audits anything.
    assert_eq!(get(server.addr(), &format!("/audit/{kept}")).status, 200);
    assert_eq!(
        get(server.addr(), &format!("/audit/{kept}/files/tasks.csv")).status,
        200
    );
}

#[test]
fn oversize_uploads_get_413_with_a_clear_message() {
    let server = start_with(1, 32);
    let limit = 1024 * 1024;
    // Exactly at the limit is read (and then refused as content: it is not a matrix).
    let at_limit: Vec<u8> = b"note\n".iter().copied().cycle().take(limit).collect();
    let reply = upload(server.addr(), "big.csv", &at_limit);
    assert_eq!(reply.status, 422, "{}", reply.text());

    let over = vec![b'x'; limit + 1];
    let reply = upload(server.addr(), "big.csv", &over);
    assert_eq!(reply.status, 413);
    let page = reply.text();
    assert!(
        page.contains("the file is over the upload limit of 1 MB"),
        "{page}"
    );
    assert!(page.contains("--max-upload-mb"));

    let roster_over = post_form(
        server.addr(),
        &[
            ("file", Some("a.csv"), b"Task,Ann\nX,R\n"),
            ("roster", Some("roster.csv"), &over),
        ],
    );
    assert_eq!(roster_over.status, 413);
    assert!(roster_over
        .text()
        .contains("the roster is over the upload limit"));

    // A declared body past anything the server reads is refused before the body is sent.
    let mut stream = TcpStream::connect(server.addr()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /audit HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n\
         Content-Length: 999999999\r\n\r\n",
        addr = server.addr()
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
}

#[test]
fn concurrent_uploads_each_get_their_own_audit() {
    let server = start();
    let addr = server.addr();
    let inputs = ["product-team-transposed.csv", "product-team-rasci.csv"];
    let barrier = Arc::new(Barrier::new(inputs.len()));
    let handles: Vec<_> = inputs
        .iter()
        .map(|name| {
            let barrier = Arc::clone(&barrier);
            let name = name.to_string();
            std::thread::spawn(move || {
                let bytes = std::fs::read(sample(&name)).unwrap();
                barrier.wait();
                let reply = upload(addr, &name, &bytes);
                (name, reply)
            })
        })
        .collect();
    let results: Vec<(String, Reply)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ids: Vec<String> = results.iter().map(|(_, r)| audit_id(r)).collect();
    assert_ne!(ids[0], ids[1]);
    let mut tasks = Vec::new();
    for ((name, reply), id) in results.iter().zip(&ids) {
        let page = reply.text();
        assert!(page.contains(&format!("<h1>RACI audit: {name}")), "{name}");
        for (other, _) in results.iter().filter(|(n, _)| n != name) {
            assert!(
                !page.contains(&format!("RACI audit: {other}")),
                "{name} shows {other}"
            );
        }
        let json = get(addr, &format!("/audit/{id}/files/report.json")).text();
        assert!(
            json.contains(&format!("\"file\":\"{name}\"")),
            "{name}: {json:.300}"
        );
        tasks.push(get(addr, &format!("/audit/{id}/files/tasks.csv")).body);
    }
    // Each equals the same file audited alone.
    let alone = upload(addr, inputs[0], &std::fs::read(sample(inputs[0])).unwrap());
    let alone_id = audit_id(&alone);
    assert!(get(addr, &format!("/audit/{alone_id}/files/tasks.csv")).body == tasks[0]);
    assert!(tasks[0] != tasks[1]);
}

#[test]
fn the_store_keeps_only_the_newest_audits() {
    let server = start_with(20, 2);
    let matrix = |task: &str| {
        format!("Task,Ann (Product Owner),Bob (Product Manager)\n{task},A,R\nRoadmap,I,A\n")
    };
    let ids: Vec<String> = ["Backlog", "Pricing", "Release"]
        .iter()
        .map(|t| audit_id(&upload(server.addr(), "team.csv", matrix(t).as_bytes())))
        .collect();
    let first = get(server.addr(), &format!("/audit/{}", ids[0]));
    assert_eq!(first.status, 404);
    assert!(first.text().contains("keeps the last 2 audits"));
    assert_eq!(
        get(server.addr(), &format!("/audit/{}/files/tasks.csv", ids[0])).status,
        404
    );
    for id in &ids[1..] {
        assert_eq!(get(server.addr(), &format!("/audit/{id}")).status, 200);
    }
}

#[test]
fn an_uploaded_roster_gives_the_parties_their_titles() {
    let server = start();
    let matrix =
        b"Task,Ann,Bob\nPrioritise the product backlog,A,R\nDefine the product vision,R,A\n";
    let roster = b"party,title\nAnn,Product Owner\nBob,Product Manager\n";
    let with = post_form(
        server.addr(),
        &[
            ("file", Some("team.csv"), matrix),
            ("roster", Some("roster.csv"), roster),
        ],
    );
    let without = upload(server.addr(), "team.csv", matrix);
    let parties = |reply: &Reply| {
        get(
            server.addr(),
            &format!("/audit/{}/files/parties.csv", audit_id(reply)),
        )
        .text()
    };
    let with_titles = parties(&with);
    assert!(with_titles.contains("Product Owner"), "{with_titles}");
    assert!(with_titles.contains("Product Manager"), "{with_titles}");
    assert_ne!(with_titles, parties(&without));
}

/// The Options' reading choices are the command line's `--range`, `--task-column`, ...: the
/// same table read, the same message for a choice that does not fit.
#[test]
fn the_reading_choices_of_the_options_steer_the_reading() {
    let server = start();
    let matrix: &[u8] =
        b"Task,Ann,Bob\nPlan,R,A\nBuild,A,R\nShip,R,A\n\nStep,Cy,Di\nSell,R,A\nBuy,A,R\n";
    let tasks = |reply: &Reply| {
        get(
            server.addr(),
            &format!("/audit/{}/files/tasks.csv", audit_id(reply)),
        )
        .text()
    };
    let first = upload(server.addr(), "two.csv", matrix);
    assert!(tasks(&first).contains("\nPlan,"), "{}", tasks(&first));
    let second = post_form(
        server.addr(),
        &[
            ("file", Some("two.csv"), matrix),
            ("range", None, b"A6:C8"),
            ("shape", None, b"wide"),
        ],
    );
    assert_eq!(second.status, 200, "{}", second.text());
    let read = tasks(&second);
    assert!(
        read.contains("\nSell,") && !read.contains("\nPlan,"),
        "{read}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("two.csv");
    std::fs::write(&path, matrix).unwrap();
    let expected = cli_error(&path, &["--task-column", "D"]);
    let wrong = post_form(
        server.addr(),
        &[
            ("file", Some("two.csv"), matrix),
            ("task-column", None, b"D"),
        ],
    );
    assert_eq!(wrong.status, 422);
    assert!(wrong.text().contains(&html_escape(&expected)), "{expected}");
    let bad = post_form(
        server.addr(),
        &[
            ("file", Some("two.csv"), matrix),
            ("header-rows", None, b"9"),
        ],
    );
    assert_eq!(bad.status, 400);
    assert!(bad.text().contains("header-rows 9"), "{}", bad.text());
}

/// Chromium as `.ci/run` installs it, or `None` (the browser test then skips, saying so).
pub(crate) fn chromium() -> Option<PathBuf> {
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(candidate).exists() {
            return Some(PathBuf::from(candidate));
        }
    }
    None
}

/// Runs headless Chromium with `args` and a fresh profile, killed after two minutes.
pub(crate) fn run_chromium(binary: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    let mut child = std::process::Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Drain stdout on a thread: a big DOM dump would otherwise fill the pipe and stall.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = Vec::new();
    let _ = child.stderr.take().unwrap().read_to_end(&mut stderr);
    std::process::Output {
        status,
        stdout: reader.join().unwrap(),
        stderr,
    }
}

#[test]
fn the_audit_page_in_headless_chromium() {
    let Some(binary) = chromium() else {
        println!("SKIPPED the_audit_page_in_headless_chromium: no chromium at /usr/bin/chromium (.ci/run installs Debian's chromium)");
        return;
    };
    let server = start();
    let bytes = std::fs::read(sample("product-team.xlsx")).unwrap();
    let reply = upload(server.addr(), "product-team.xlsx", &bytes);
    let id = audit_id(&reply);
    let url = format!("{}audit/{id}", server.url());
    let tmp = tempfile::tempdir().unwrap();

    let dump = run_chromium(
        &binary,
        &tmp.path().join("p1"),
        &["--dump-dom".into(), url.clone()],
    );
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let dom = String::from_utf8_lossy(&dump.stdout);
    assert!(
        dom.contains("<h1>RACI audit: product-team.xlsx [RACI]</h1>"),
        "{dom:.500}"
    );
    let headline_at = dom
        .find("<p class=\"headline\">")
        .expect("headline in the DOM");
    assert!(dom[headline_at..].contains("people do both PO and PM work"));
    assert!(dom.contains(&format!("href=\"/audit/{id}/raci-product-team.zip\"")));
    for name in ["tasks.csv", "report.xlsx", "report.html", "matrix.png"] {
        assert!(
            dom.contains(&format!("href=\"/audit/{id}/files/{name}\"")),
            "{name}"
        );
    }
    // The script loaded under the page's CSP and enhanced the form (drag and drop, progress).
    assert!(
        dom.contains("data-enhanced=\"drop progress\""),
        "app.js did not run"
    );

    let shot = tmp.path().join("audit.png");
    let out = run_chromium(
        &binary,
        &tmp.path().join("p2"),
        &[
            "--window-size=1280,1000".into(),
            format!("--screenshot={}", shot.display()),
            url,
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decoder = png::Decoder::new(std::fs::File::open(&shot).unwrap());
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    assert_eq!((info.width, info.height), (1280, 1000));
}

// The server's own defences (README, "raci serve"): names, origins, the form token, the
// store's bytes, zips off the request threads, the upload deadline and the upload cap.

/// A small matrix: about 3 MB of reports and page in the store (mostly charts).
pub(crate) const TINY: &[u8] =
    b"Task,Ann (Product Owner),Bob (Product Manager)\nBacklog,A,R\nRoadmap,I,A\n";

/// A browser from before `Origin` on form posts and `Sec-Fetch-Site`.
const FIREFOX_68: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:68.0) Gecko/20100101 Firefox/68.0";

pub(crate) const CHROME: &str =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/// The form token a page carries.
pub(crate) fn form_token(page: &str) -> String {
    let field = "<input type=\"hidden\" name=\"token\" value=\"";
    let at = page.find(field).expect("the form has a token field") + field.len();
    page[at..at + 32].to_string()
}

#[test]
fn only_the_servers_own_names_are_answered() {
    let server = start();
    let addr = server.addr();
    let port = addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let reply = request(addr, "GET", "/", &[("Host", &host)], b"");
        assert_eq!(reply.status, 200, "{host}");
    }
    let id = audit_id(&upload(addr, "team.csv", TINY));
    // What a page on a rebinding domain sends once its name points at 127.0.0.1.
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
        format!("10.1.2.3:{port}"),
    ] {
        for path in ["/".to_string(), format!("/audit/{id}")] {
            let reply = request(addr, "GET", &path, &[("Host", &host)], b"");
            assert_eq!(reply.status, 421, "{host} {path}");
            let text = reply.text();
            // Nothing such a page could use: no audit, no form, no token.
            assert!(!text.contains("<form") && !text.contains("token"), "{text}");
            assert!(!text.contains("RACI audit:"), "{text}");
            assert!(text.contains("--allow-host"), "{text}");
        }
        let posted = post_form_with(addr, &[("Host", &host)], &[("file", Some("t.csv"), TINY)]);
        assert_eq!(posted.status, 421, "{host}");
        assert!(posted.header(AUDIT_ID_HEADER).is_none());
    }
    // No name at all (HTTP/1.0), or a foreign one in an absolute request line.
    let mut bare = TcpStream::connect(addr).unwrap();
    bare.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    bare.write_all(b"GET / HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(read_reply(&mut bare).unwrap().status, 421);
    let absolute = request(addr, "GET", "http://evil.example/", &[], b"");
    assert_eq!(absolute.status, 421);

    // --allow-host adds a name; the others stay refused.
    let named = start_options(|o| o.allow_hosts = vec!["raci.test".into()]);
    let port = named.addr().port();
    let ok = request(
        named.addr(),
        "GET",
        "/",
        &[("Host", &format!("raci.test:{port}"))],
        b"",
    );
    assert_eq!(ok.status, 200);
    let other = request(
        named.addr(),
        "GET",
        "/",
        &[("Host", &format!("evil.example:{port}"))],
        b"",
    );
    assert_eq!(other.status, 421);
}

#[test]
fn uploads_from_other_web_pages_are_refused() {
    let server = start();
    let addr = server.addr();
    let this = format!("http://{addr}");
    let token = form_token(&get(addr, "/").text());
    let file = ("file", Some("team.csv"), TINY);

    // A foreign page's upload is refused on its head alone, before the body is read.
    for (name, value) in [
        ("Origin", "http://evil.example".to_string()),
        ("Origin", "null".to_string()),
        ("Origin", format!("http://localhost:{}", addr.port() + 1)),
        ("Origin", format!("https://{addr}")),
        ("Sec-Fetch-Site", "cross-site".to_string()),
        ("Sec-Fetch-Site", "same-site".to_string()),
    ] {
        let mut stream = upload_head(
            addr,
            &[(name, &value), ("User-Agent", CHROME)],
            10_000_000,
            b"",
        );
        let reply = read_reply(&mut stream).unwrap();
        assert_eq!(reply.status, 403, "{name}: {value}");
        assert!(
            reply
                .text()
                .contains("accepts uploads only from its own page"),
            "{}",
            reply.text()
        );
    }
    // The token is no way around the Origin check.
    let with_token = post_form_with(
        addr,
        &[("Origin", "http://evil.example"), ("User-Agent", CHROME)],
        &[("token", None, token.as_bytes()), file],
    );
    assert_eq!(with_token.status, 403);
    assert!(with_token.header(AUDIT_ID_HEADER).is_none());

    // The page's own form in a current browser: this origin, and the token first.
    let own = post_form_with(
        addr,
        &[
            ("Origin", &this),
            ("Sec-Fetch-Site", "same-origin"),
            ("User-Agent", CHROME),
        ],
        &[("token", None, token.as_bytes()), file],
    );
    let id = audit_id(&own);
    // Its page's forms carry the same token.
    assert_eq!(form_token(&own.text()), token);

    // An older browser posts a foreign page's form with neither header: no token, refused.
    let old_browser = post_form_with(addr, &[("User-Agent", FIREFOX_68)], &[file]);
    assert_eq!(old_browser.status, 403);
    let page = old_browser.text();
    assert!(page.contains("token is missing or out of date"), "{page}");
    // The refusal offers a fresh form to try again.
    assert_eq!(form_token(&page), token);
    // From the page itself, the same browser sends the token: accepted.
    audit_id(&post_form_with(
        addr,
        &[("User-Agent", FIREFOX_68)],
        &[("token", None, token.as_bytes()), file],
    ));
    // A wrong token (a page of an earlier run) is refused, whoever sends it.
    let stale = "0123456789abcdef0123456789abcdef";
    assert_ne!(stale, token);
    for agent in [FIREFOX_68, "curl/8.5.0"] {
        let reply = post_form_with(
            addr,
            &[("User-Agent", agent)],
            &[("token", None, stale.as_bytes()), file],
        );
        assert_eq!(reply.status, 403, "{agent}");
    }
    // A token that comes after the file is too late for a browser: the file is not kept.
    let late = post_form_with(
        addr,
        &[("User-Agent", FIREFOX_68)],
        &[file, ("token", None, token.as_bytes())],
    );
    assert_eq!(late.status, 403);

    // curl and scripts send neither header nor token, and are served.
    audit_id(&post_form_with(
        addr,
        &[("User-Agent", "curl/8.5.0")],
        &[file],
    ));
    // Reading is open to links from anywhere: the start page and (by its id) an audit.
    let linked = [
        ("Origin", "http://evil.example"),
        ("Sec-Fetch-Site", "cross-site"),
    ];
    assert_eq!(request(addr, "GET", "/", &linked, b"").status, 200);
    assert_eq!(
        request(addr, "GET", &format!("/audit/{id}"), &linked, b"").status,
        200
    );
}

/// What the store counts for the audit of `bytes`: its files, its page and its zip's name.
fn stored_size(addr: SocketAddr, name: &str, bytes: &[u8]) -> usize {
    let reply = upload(addr, name, bytes);
    let id = audit_id(&reply);
    let page = reply.text();
    let files: usize = linked_files(&page, &id)
        .iter()
        .map(|n| n.len() + get(addr, &format!("/audit/{id}/files/{n}")).body.len())
        .sum();
    let stem = name.rsplit_once('.').unwrap().0;
    files + reply.body.len() + format!("raci-{stem}.zip").len()
}

#[test]
fn the_store_is_bounded_in_bytes() {
    const MB: usize = 1024 * 1024;
    let bigger = raci_audit::synth::to_csv(&raci_audit::synth::wide_grid(80, 12, 3), b',');
    let (tiny, big) = {
        let probe = start();
        (
            stored_size(probe.addr(), "team.csv", TINY),
            stored_size(probe.addr(), "team.csv", &bigger),
        )
    };
    assert!(tiny > MB, "the test needs audits over 1 MB: {tiny}");

    // Room for two small audits, not three; the count limit (32) plays no part. The store
    // also counts what each audit keeps for its review (the upload, the matrix and what was
    // concluded: a few hundred KB here, which no download shows), so the budget is taken
    // half way between two and three audits.
    let budget_mb = (5 * tiny / 2) / MB + 1;
    assert!(budget_mb * MB < 3 * tiny);
    let server = start_options(|o| o.max_store_mb = budget_mb as u64);
    let ids: Vec<String> = (0..3)
        .map(|_| audit_id(&upload(server.addr(), "team.csv", TINY)))
        .collect();
    let first = get(server.addr(), &format!("/audit/{}", ids[0]));
    assert_eq!(first.status, 404);
    assert!(
        first.text().contains(&format!(
            "keeps the last 32 audits, up to {budget_mb} MB of reports"
        )),
        "{}",
        first.text()
    );
    for id in &ids[1..] {
        assert_eq!(get(server.addr(), &format!("/audit/{id}")).status, 200);
    }

    // An audit larger than the whole store is refused, and nothing kept goes for it (the
    // second MB is room for what the small audit keeps for its review).
    let budget_mb = tiny / MB + 2;
    assert!(
        big > budget_mb * MB,
        "the bigger audit must not fit: {big} bytes"
    );
    let server = start_options(|o| o.max_store_mb = budget_mb as u64);
    let kept = audit_id(&upload(server.addr(), "team.csv", TINY));
    let refused = upload(server.addr(), "big.csv", &bigger);
    assert_eq!(refused.status, 413);
    assert!(refused.header(AUDIT_ID_HEADER).is_none());
    let page = refused.text();
    assert!(
        page.contains("raise the limit with --max-store-mb"),
        "{page}"
    );
    assert!(
        page.contains(&format!("keeps at most {budget_mb} MB of reports")),
        "{page}"
    );
    assert_eq!(get(server.addr(), &format!("/audit/{kept}")).status, 200);
}

#[test]
fn zips_are_built_off_the_request_threads() {
    let server = start();
    let addr = server.addr();
    let id = audit_id(&upload(addr, "team.csv", TINY));
    let zip = format!("/audit/{id}/raci-team.zip");
    let started = Instant::now();
    assert_eq!(get(addr, &zip).status, 200);
    let alone = started.elapsed();

    // Four at once: twice the server's request threads, so zips built on those would hold
    // every one of them until the first zip is done.
    let zips: Vec<_> = (0..4)
        .map(|_| {
            let zip = zip.clone();
            std::thread::spawn(move || {
                let reply = get(addr, &zip);
                assert_eq!(reply.status, 200);
                Instant::now()
            })
        })
        .collect();
    // Give them a fifth of one zip's time to reach the server, then ask for the start page.
    std::thread::sleep(alone / 5);
    let asked = Instant::now();
    let page = get(addr, "/");
    let answered = Instant::now();
    assert_eq!(page.status, 200);
    let first_zip = zips.into_iter().map(|z| z.join().unwrap()).min().unwrap();
    assert!(
        answered < first_zip,
        "GET / took {:?} and waited for a zip (one zip alone takes {alone:?})",
        answered - asked
    );
    assert!(answered - asked < Duration::from_secs(10));
}

#[test]
fn a_stalled_upload_is_dropped_after_the_deadline() {
    let server = start_options(|o| {
        o.upload_timeout_secs = 1;
        o.max_uploads = 1;
    });
    let addr = server.addr();
    // 10 MB announced, the start of a file sent, then nothing.
    let start = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
    );
    let mut body = start.into_bytes();
    body.extend(std::iter::repeat_n(b'x', 64 * 1024));
    let asked = Instant::now();
    let mut stalled = upload_head(addr, &[], 10_000_000, &body);
    let reply = read_reply(&mut stalled).unwrap();
    assert_eq!(reply.status, 408);
    assert!(
        reply.text().contains("did not arrive within 1 seconds")
            && reply.text().contains("--upload-timeout-secs"),
        "{}",
        reply.text()
    );
    assert!(asked.elapsed() < Duration::from_secs(20));
    // Its slot is free again (the only one, with --max-uploads 1).
    audit_id(&upload(addr, "team.csv", TINY));
}

#[test]
fn uploads_over_the_cap_get_503_at_once() {
    let server = start_options(|o| o.max_uploads = 2);
    let addr = server.addr();
    // Two uploads that hold their slots: one still unanswered after half a second is held
    // (one the server answered at once, busy because a slot was not yet free, is replaced).
    let mut stalled: Vec<TcpStream> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while stalled.len() < 2 {
        assert!(Instant::now() < deadline, "no upload could hold a slot");
        let mut s = upload_head(addr, &[], 1_000_000, b"--");
        s.set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut byte = [0u8; 1];
        match s.read(&mut byte) {
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                stalled.push(s)
            }
            _ => {}
        }
    }
    // The next upload is answered on its head alone. (Should a probe get in before both
    // stalled uploads hold their slots, the server waits for its body: it is dropped, which
    // frees the slot, and the next probe is tried.)
    let mut answer = None;
    for _ in 0..10 {
        let mut probe = upload_head(addr, &[], 1000, b"");
        probe
            .set_read_timeout(Some(Duration::from_secs(2)))
            .unwrap();
        if let Ok(reply) = read_reply(&mut probe) {
            answer = Some(reply);
            break;
        }
    }
    let reply = answer.expect("no answer to an upload over the cap");
    assert_eq!(reply.status, 503, "{}", reply.text());
    assert_eq!(reply.header("retry-after"), Some("5"));
    assert!(reply.text().contains("--max-uploads"), "{}", reply.text());

    // Once the stalled uploads go away, uploads are taken again.
    drop(stalled);
    let body = multipart(&[("file", Some("team.csv"), TINY)]);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let mut stream = upload_head(addr, &[], body.len(), &body);
        match read_reply(&mut stream) {
            Ok(reply) if reply.status == 200 => break,
            Ok(reply) => assert_eq!(reply.status, 503, "{}", reply.text()),
            // A 503 answered before its body was read can reach us as a reset.
            Err(_) => {}
        }
        assert!(Instant::now() < deadline, "the slots were not freed");
    }
}

#[test]
fn the_anonymize_box_replaces_names_in_the_page_and_every_download() {
    let server = start();
    let matrix = b"Task,Ann Lee (Product Owner),Bob Stone,Dev Team\n\
        Prioritise the product backlog,A,R,C\nDefine the product vision,R,A,I\n";
    let with = post_form(
        server.addr(),
        &[
            ("file", Some("team.csv"), matrix),
            ("anonymize", None, b"on"),
        ],
    );
    assert_eq!(with.status, 200);
    let page = with.text();
    for name in ["Ann Lee", "Bob Stone"] {
        assert!(!page.contains(name), "{name} in the page");
    }
    let id = audit_id(&with);
    let parties = get(server.addr(), &format!("/audit/{id}/files/parties.csv")).text();
    assert!(parties.contains("Person 1 (Product Owner)"), "{parties}");
    assert!(parties.contains("Dev Team"), "{parties}");
    for name in linked_files(&page, &id) {
        let body = get(server.addr(), &format!("/audit/{id}/files/{name}")).body;
        let text = String::from_utf8_lossy(&body);
        assert!(
            !text.contains("Ann Lee") && !text.contains("Bob Stone"),
            "{name}"
        );
    }
    // Without the box, the names stay.
    let plain = upload(server.addr(), "team.csv", matrix);
    assert!(plain.text().contains("Ann Lee"));
}
