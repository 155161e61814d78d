//! `raci serve`: a local web page to upload a RACI export and read its audit, on the same
//! engine as `raci audit` (`commands::audit`), with every report to download.
//!
//! Routes: `GET /` the upload page; `POST /audit` (`multipart/form-data`, the matrix in the
//! field `file`, optional `sheet`, `scheme` and `roster`) answers with the audit page;
//! `GET /audit/{id}` the same page again; `GET /audit/{id}/files/{name}` one report;
//! `GET /audit/{id}/{stem}.zip` all of them; `GET /app.js` the little script.
//!
//! Uploads stay in memory: the rendered files of the last [`DEFAULT_KEEP`] audits are kept
//! under random ids, and nothing from an upload ever becomes a path. The audit itself runs
//! on a blocking thread, at most one per core at a time.

mod page;
mod store;
mod upload;

use crate::classify::Taxonomy;
use crate::commands::audit::{audit_workbook, render_files, taxonomy_for, with_roster};
use crate::layout::{self, SheetChoice};
use crate::model::SchemeName;
use crate::settings::{Outputs, Settings};
use crate::{input, report, Error, Result};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use store::{Entry, Store};
use tokio::sync::Semaphore;
use upload::{Form, FormError, UploadedFile};

/// How many finished audits are kept for their downloads.
pub const DEFAULT_KEEP: usize = 32;

/// The default `--max-upload-mb`.
pub const DEFAULT_MAX_UPLOAD_MB: u64 = 20;

/// Response header naming the audit a `POST /audit` produced (the script goes there).
pub const AUDIT_ID_HEADER: &str = "x-raci-audit";

const APP_JS: &str = include_str!("app.js");

/// Only this server's own script, styles inline, charts as `data:` images; nothing from the
/// network, and no framing by other sites.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; \
                   img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
                   frame-ancestors 'none'";

/// What the server needs, resolved before it starts.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The settings every audit starts from (`raci.toml`, `--config` and the read flags); a
    /// form's sheet, scheme and roster override them for that upload.
    pub settings: Settings,
    /// Largest uploaded file, in MB (`--max-upload-mb`).
    pub max_upload_mb: u64,
    /// How many audits are kept for their downloads.
    pub keep: usize,
}

impl ServeOptions {
    pub fn new(settings: Settings) -> ServeOptions {
        ServeOptions {
            settings,
            max_upload_mb: DEFAULT_MAX_UPLOAD_MB,
            keep: DEFAULT_KEEP,
        }
    }
}

/// Shared by every request.
#[derive(Debug)]
struct AppState {
    settings: Settings,
    taxonomy: Taxonomy,
    max_upload_mb: u64,
    max_upload_bytes: u64,
    store: Store,
    /// Audits are CPU-bound: one per core at a time, the others wait their turn.
    audits: Semaphore,
}

/// The whole application as an [`axum::Router`], for [`Server`] or a test. Loads the
/// taxonomy and any `--roster` file once, so a broken one fails here rather than per upload.
pub fn router(options: ServeOptions) -> Result<Router> {
    if options.max_upload_mb == 0 {
        return Err(Error::Usage("--max-upload-mb must be at least 1".into()));
    }
    let max_upload_bytes = options
        .max_upload_mb
        .checked_mul(1024 * 1024)
        .ok_or_else(|| {
            Error::Usage(format!(
                "--max-upload-mb {} is too large",
                options.max_upload_mb
            ))
        })?;
    let mut settings = with_roster(&options.settings)?;
    // The page offers every report and shows the charts, whatever `[output] only` says.
    settings.outputs = Outputs::default();
    let taxonomy = taxonomy_for(&settings)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let state = Arc::new(AppState {
        settings,
        taxonomy,
        max_upload_mb: options.max_upload_mb,
        max_upload_bytes,
        store: Store::new(options.keep),
        audits: Semaphore::new(cores),
    });
    Ok(Router::new()
        .route("/", get(start_page))
        .route(
            "/audit",
            get(|| async { redirect_home() })
                .post(post_audit)
                // The form reader enforces its own limits chunk by chunk.
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/audit/{id}", get(audit_page))
        .route("/audit/{id}/files/{name}", get(download))
        .route("/audit/{id}/{zip}", get(download_zip))
        .route("/app.js", get(app_js))
        .fallback(not_found)
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state))
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // Audit pages hold the user's data: keep them out of shared caches.
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn redirect_home() -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response()
}

async fn start_page(State(state): State<Arc<AppState>>) -> Response {
    html(StatusCode::OK, page::start_page(state.max_upload_mb))
}

async fn app_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        APP_JS,
    )
        .into_response()
}

async fn not_found(State(state): State<Arc<AppState>>) -> Response {
    error_response(
        &state,
        StatusCode::NOT_FOUND,
        "Not found",
        vec!["There is no page at this address.".into()],
    )
}

fn error_response(
    state: &AppState,
    status: StatusCode,
    title: &str,
    lines: Vec<String>,
) -> Response {
    html(status, page::error_page(title, &lines, state.max_upload_mb))
}

/// The message `raci` prints for a fatal error, line by line: the error, then its causes.
pub fn error_lines(err: &Error) -> Vec<String> {
    let mut lines = vec![format!("error: {err}")];
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        lines.push(format!("caused by: {c}"));
        cause = c.source();
    }
    lines
}

/// The status for an error: the input is too large (413), the request is wrong (400), the
/// file cannot be audited (422), or the server itself failed (500).
fn status_for(err: &Error) -> StatusCode {
    match err {
        Error::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        Error::Usage(_) => StatusCode::BAD_REQUEST,
        Error::UnknownFormat { .. }
        | Error::Workbook { .. }
        | Error::Csv { .. }
        | Error::SheetNotFound { .. }
        | Error::NoMatrix { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Error::Read { .. }
        | Error::IsDirectory { .. }
        | Error::Config { .. }
        | Error::Taxonomy { .. }
        | Error::Write { .. }
        | Error::Chart { .. }
        | Error::Bind { .. }
        | Error::Serve { .. } => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

async fn post_audit(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    multipart: std::result::Result<Multipart, MultipartRejection>,
) -> Response {
    let hard_limit = upload::body_limit(state.max_upload_bytes);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > hard_limit) {
        return too_large(&state, "upload");
    }
    let multipart = match multipart {
        Ok(m) => m,
        Err(rejection) => {
            return error_response(
                &state,
                StatusCode::BAD_REQUEST,
                "The upload could not be read",
                vec![format!(
                    "error: the request is not an upload form ({}). Use the form on this page.",
                    rejection.body_text()
                )],
            )
        }
    };
    let form = match upload::read_form(multipart, state.max_upload_bytes).await {
        Ok(form) => form,
        Err(FormError::TooLarge { field, .. }) => return too_large(&state, field),
        Err(FormError::BodyTooLarge { .. }) => return too_large(&state, "upload"),
        Err(FormError::Malformed { detail }) => {
            return error_response(
                &state,
                StatusCode::BAD_REQUEST,
                "The upload could not be read",
                vec![format!(
                    "error: the upload form is incomplete or broken: {detail}"
                )],
            )
        }
    };
    let Some(file) = form.file.clone() else {
        return error_response(
            &state,
            StatusCode::BAD_REQUEST,
            "No file",
            vec!["error: choose a RACI matrix file (CSV, XLSX, XLS or ODS) to audit.".into()],
        );
    };
    let permit = match state.audits.acquire().await {
        Ok(p) => p,
        Err(_) => {
            return error_response(
                &state,
                StatusCode::SERVICE_UNAVAILABLE,
                "Shutting down",
                vec!["error: the server is stopping.".into()],
            )
        }
    };
    let id = match store::new_id() {
        Ok(id) => id,
        Err(e) => {
            return error_response(
                &state,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal error",
                vec![format!("error: no random id for the audit: {e}")],
            )
        }
    };
    let worker = Arc::clone(&state);
    let done = tokio::task::spawn_blocking(move || audit_upload(&worker, id, &file, &form)).await;
    drop(permit);
    let (id, entry) = match done {
        Ok(Ok(done)) => done,
        Ok(Err(err)) => {
            return error_response(
                &state,
                status_for(&err),
                "This file could not be audited",
                error_lines(&err),
            )
        }
        Err(join) => {
            return error_response(
                &state,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal error",
                vec![format!(
                "error: the audit stopped unexpectedly ({join}). Please report this with the file."
            )],
            )
        }
    };
    let mut response = html(StatusCode::OK, entry.page.clone());
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(AUDIT_ID_HEADER, value);
    }
    response
}

fn too_large(state: &AppState, what: &str) -> Response {
    let mb = state.max_upload_mb;
    let line = match what {
        "roster" => format!(
            "error: the roster is over the upload limit of {mb} MB. If the file is genuine, \
             restart the server with a larger --max-upload-mb."
        ),
        "file" => format!(
            "error: the file is over the upload limit of {mb} MB. If the file is genuine, \
             restart the server with a larger --max-upload-mb."
        ),
        _ => format!(
            "error: the upload is larger than this server accepts (two files of {mb} MB). If \
             the file is genuine, restart the server with a larger --max-upload-mb."
        ),
    };
    error_response(
        state,
        StatusCode::PAYLOAD_TOO_LARGE,
        "The file is too large",
        vec![line],
    )
}

/// The form's sheet field, read as `--sheet` reads it.
fn sheet_choice(text: &str) -> Result<SheetChoice> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        match text.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(SheetChoice::Number(n)),
            _ => Err(Error::Usage(format!(
                "sheet {text}: sheet numbers start at 1"
            ))),
        }
    } else {
        Ok(SheetChoice::Name(text.to_string()))
    }
}

/// The audit of one upload, on the command line's functions; kept in the store on success.
fn audit_upload(
    state: &AppState,
    id: String,
    file: &UploadedFile,
    form: &Form,
) -> Result<(String, Arc<Entry>)> {
    let mut settings = state.settings.clone();
    settings.anonymize |= form.anonymize;
    if let Some(sheet) = &form.sheet {
        settings.layout.sheet = Some(sheet_choice(sheet)?);
    }
    if let Some(scheme) = &form.scheme {
        settings.layout.scheme = Some(SchemeName::parse(scheme).ok_or_else(|| {
            Error::Usage(format!(
                "unknown letter scheme {scheme:?}; use raci, rasci, raci-vs, daci, cairo or rapid"
            ))
        })?);
    }
    if let Some(roster) = &form.roster {
        let wb = input::read_bytes(&roster.name, &roster.bytes, &settings.limits)?;
        settings.layout.roster = layout::roster_from_workbook(&wb)?;
    }
    let wb = input::read_bytes(&file.name, &file.bytes, &settings.limits)?;
    let audited = audit_workbook(&wb, &settings, &state.taxonomy)?;
    let files = render_files(&audited, &settings)?;
    // The charts in the order `render_files` appended them: the order report.html uses.
    let charts: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".png"))
        .cloned()
        .collect();
    let parts = report::html_parts(&audited.outcome(), &charts);
    let downloads: Vec<page::Download> = files
        .iter()
        .map(|(name, bytes)| page::Download {
            name: name.clone(),
            bytes: bytes.len(),
        })
        .collect();
    let zip_name = zip_name(&file.name);
    let page = page::audit_page(&id, &parts, &downloads, &zip_name, state.max_upload_mb);
    let entry = Arc::new(Entry {
        files,
        page,
        zip_name,
    });
    state.store.insert(id.clone(), Arc::clone(&entry));
    Ok((id, entry))
}

/// `raci-<stem>.zip`, the stem cut to safe characters: it goes into a header and a URL.
fn zip_name(upload_name: &str) -> String {
    let stem = upload_name
        .rsplit_once('.')
        .map_or(upload_name, |(stem, _)| stem);
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let safe = safe.trim_matches('-');
    if safe.is_empty() {
        "raci-reports.zip".into()
    } else {
        format!("raci-{safe}.zip")
    }
}

fn gone(state: &AppState) -> Response {
    error_response(
        state,
        StatusCode::NOT_FOUND,
        "Audit not found",
        vec![format!(
            "error: this audit is not kept any more (the server keeps the last {} audits, \
             and none after a restart). Upload the file again.",
            state.store.capacity()
        )],
    )
}

async fn audit_page(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    match state.store.get(&id) {
        Some(entry) => html(StatusCode::OK, entry.page.clone()),
        None => gone(&state),
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("csv") => "text/csv; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("json") => "application/json",
        Some("html") => "text/html; charset=utf-8",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("png") => "image/png",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

fn attachment(name: &str, bytes: Vec<u8>) -> Response {
    // `name` is always one of ours (report names or the cleaned zip name): plain ASCII.
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(name)),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

async fn download(
    State(state): State<Arc<AppState>>,
    Path((id, name)): Path<(String, String)>,
) -> Response {
    let Some(entry) = state.store.get(&id) else {
        return gone(&state);
    };
    // Looked up among the audit's own files by exact name: never a path.
    match entry.files.iter().find(|(n, _)| *n == name) {
        Some((n, bytes)) => attachment(n, bytes.clone()),
        None => error_response(
            &state,
            StatusCode::NOT_FOUND,
            "Not found",
            vec![format!(
                "error: this audit has no file called {name:?}. The audit page lists its files."
            )],
        ),
    }
}

async fn download_zip(
    State(state): State<Arc<AppState>>,
    Path((id, zip)): Path<(String, String)>,
) -> Response {
    let Some(entry) = state.store.get(&id) else {
        return gone(&state);
    };
    if zip != entry.zip_name {
        return not_found(State(state)).await;
    }
    match zip_files(&entry.files) {
        Ok(bytes) => attachment(&entry.zip_name, bytes),
        Err(e) => error_response(
            &state,
            StatusCode::INTERNAL_SERVER_ERROR,
            "The zip could not be made",
            vec![format!("error: {e}")],
        ),
    }
}

/// Every file in one zip, deflated, with a fixed date so the same audit gives the same zip.
pub fn zip_files(files: &[(String, Vec<u8>)]) -> std::io::Result<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in files {
            zip.start_file(name.as_str(), options)
                .map_err(std::io::Error::other)?;
            zip.write_all(bytes)?;
        }
        zip.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}

/// A bound server, not yet accepting: [`Server::local_addr`] says where (useful with port 0).
#[derive(Debug)]
pub struct Server {
    listener: std::net::TcpListener,
    app: Router,
    addr: SocketAddr,
}

impl Server {
    /// Binds `addr` and builds the application.
    pub fn bind(addr: SocketAddr, options: ServeOptions) -> Result<Server> {
        let app = router(options)?;
        let bind_err = |source| Error::Bind { addr, source };
        let listener = std::net::TcpListener::bind(addr).map_err(bind_err)?;
        listener.set_nonblocking(true).map_err(bind_err)?;
        let addr = listener.local_addr().map_err(bind_err)?;
        Ok(Server {
            listener,
            app,
            addr,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends, on a runtime of its own.
    pub fn run(self) -> Result<()> {
        let addr = self.addr;
        let serve_err = |source| Error::Serve { addr, source };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_io()
            .build()
            .map_err(serve_err)?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener).map_err(serve_err)?;
            axum::serve(listener, self.app).await.map_err(serve_err)
        })
    }

    /// Serves on a background thread until the returned handle is dropped or stopped.
    pub fn spawn(self) -> Running {
        let addr = self.addr;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let serve_err = |source| Error::Serve { addr, source };
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_io()
                .build()
                .map_err(serve_err)?;
            runtime.block_on(async move {
                let listener =
                    tokio::net::TcpListener::from_std(self.listener).map_err(serve_err)?;
                axum::serve(listener, self.app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .map_err(serve_err)
            })
        });
        Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

/// A server running on a background thread ([`Server::spawn`]); dropping it stops it.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<()>>>,
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Stops accepting, lets open requests finish, and returns how serving ended.
    pub fn stop(mut self) -> Result<()> {
        self.stop_inner()
    }

    fn stop_inner(&mut self) -> Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(Error::Serve {
                addr: self.addr,
                source: std::io::Error::other("the server thread panicked"),
            }),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.stop_inner();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_names_are_safe() {
        assert_eq!(zip_name("product-team.xlsx"), "raci-product-team.zip");
        assert_eq!(zip_name("Équipe produit.csv"), "raci-quipe-produit.zip");
        assert_eq!(zip_name("\"><script>.csv"), "raci-script.zip");
        assert_eq!(zip_name("...."), "raci-reports.zip");
    }

    #[test]
    fn sheet_field_reads_like_the_flag() {
        assert_eq!(sheet_choice("2").unwrap(), SheetChoice::Number(2));
        assert_eq!(
            sheet_choice("RACI").unwrap(),
            SheetChoice::Name("RACI".into())
        );
        assert!(sheet_choice("0").is_err());
    }

    #[test]
    fn zip_is_deterministic() {
        let files = vec![("a.csv".to_string(), b"x,y\n".to_vec())];
        assert_eq!(zip_files(&files).unwrap(), zip_files(&files).unwrap());
    }

    #[test]
    fn error_lines_follow_the_cli() {
        let err = Error::Read {
            path: "x.csv".into(),
            source: std::io::Error::other("boom"),
        };
        let lines = error_lines(&err);
        assert_eq!(lines[0], format!("error: {err}"));
        assert_eq!(lines[1], "caused by: boom");
    }
}
