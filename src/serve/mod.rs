//! `raci serve`: a local web page to upload a RACI export and read its audit, on the same
//! engine as `raci audit` (the [`Pipeline`]), with every report to download.
//!
//! Routes: `GET /` the upload page; `POST /audit` (`multipart/form-data`, the form `token`,
//! the matrix in the field `file`, optional `sheet`, `scheme` and `roster`) answers with the
//! audit page; `GET /audit/{id}` the same page again; `GET /audit/{id}/files/{name}` one
//! report; `GET /audit/{id}/{stem}.zip` all of them; `GET /audit/{id}/review` the review
//! page (`?show=low|unclassified|changed`), `POST /audit/{id}/review` (a plain form: sides,
//! accepted fixes, reading choices) re-audits the same upload and answers 303 to the new
//! audit; `GET /audit/{id}/raci.toml` the corrections as settings; `GET /app.js` the script.
//!
//! Uploads stay in memory: the rendered files of the last [`DEFAULT_KEEP`] audits, up to
//! `--max-store-mb` between them, are kept under random ids, and nothing from an upload ever
//! becomes a path. The server defends itself and its user: it answers only to its own names
//! and takes uploads only from its own page (`guard`); at most `--max-uploads` uploads are
//! in flight, each body must arrive within `--upload-timeout-secs`; audits and zips run on
//! the blocking pool, one per core at a time, so the request threads stay free and a
//! panicking audit ends as an error page.

mod guard;
mod page;
mod review;
mod review_page;
mod store;
mod upload;

use crate::pipeline::Pipeline;
use crate::report::Registry;
use crate::settings::{Outputs, Settings};
use crate::{Error, Result};
use axum::body::{Body, Bytes};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::rejection::FormRejection;
use axum::extract::{DefaultBodyLimit, Form as UrlForm, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use guard::Guard;
use page::FormInfo;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use store::{Entry, OverBudget, Store};
use tokio::sync::Semaphore;
use upload::{Form, FormError, TokenRule, UploadedFile};
#[cfg(test)]
use {crate::layout::SheetChoice, review::sheet_choice};

/// How many finished audits are kept for their downloads.
pub const DEFAULT_KEEP: usize = 32;

/// The default `--max-upload-mb`.
pub const DEFAULT_MAX_UPLOAD_MB: u64 = 20;

// The defaults of the flags that only `raci serve` has live in `cli`, which shows them in
// `--help`; the server reads them from there (`cli` never reads the server).
pub use crate::cli::{DEFAULT_MAX_STORE_MB, DEFAULT_MAX_UPLOADS, DEFAULT_UPLOAD_TIMEOUT_SECS};

/// Response header naming the audit a `POST /audit` produced (the script goes there).
pub const AUDIT_ID_HEADER: &str = "x-raci-audit";

/// The runtime's threads for requests. Everything slow (audits, zips) runs on the blocking
/// pool, so two are plenty for one person's browser, and a fixed number keeps the server the
/// same on any machine.
const REQUEST_THREADS: usize = 2;

/// Seconds a client is asked to wait when every upload slot is taken.
const RETRY_AFTER_SECS: &str = "5";

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
    /// The most the kept audits may hold between them, in MB (`--max-store-mb`).
    pub max_store_mb: u64,
    /// Seconds a request body may take to arrive (`--upload-timeout-secs`).
    pub upload_timeout_secs: u64,
    /// Uploads received or audited at once (`--max-uploads`).
    pub max_uploads: usize,
    /// Host names or IP addresses the server answers to besides its own address and
    /// loopback (`--allow-host`).
    pub allow_hosts: Vec<String>,
    /// The report kinds offered (the built-in ones; a test adds one).
    pub registry: Registry,
}

impl ServeOptions {
    pub fn new(settings: Settings) -> ServeOptions {
        ServeOptions {
            settings,
            max_upload_mb: DEFAULT_MAX_UPLOAD_MB,
            keep: DEFAULT_KEEP,
            max_store_mb: DEFAULT_MAX_STORE_MB,
            upload_timeout_secs: DEFAULT_UPLOAD_TIMEOUT_SECS,
            max_uploads: DEFAULT_MAX_UPLOADS,
            allow_hosts: Vec::new(),
            registry: Registry::default(),
        }
    }
}

/// The audit of one upload; [`audit_upload`] except in tests that need an audit to fail.
type AuditFn = fn(&AppState, String, UploadedFile, Form) -> Result<(String, Arc<Entry>)>;

/// Shared by every request.
#[derive(Debug)]
struct AppState {
    /// The settings and taxonomy every audit starts from; each upload adjusts a copy.
    pipeline: Pipeline,
    max_upload_mb: u64,
    max_upload_bytes: u64,
    upload_timeout: Duration,
    store: Store,
    /// Uploads in flight, from the first byte of the body to the end of the audit: the excess
    /// is answered 503 at once instead of being read into memory.
    uploads: Arc<Semaphore>,
    max_uploads: usize,
    /// Audits are CPU-bound: one per core at a time, the others wait their turn.
    audits: Arc<Semaphore>,
    /// Zips too (each also holds a compressed copy of its audit while it is built).
    zips: Arc<Semaphore>,
    guard: Arc<Guard>,
    audit: AuditFn,
}

impl AppState {
    /// What the upload forms of this server's pages carry.
    fn form(&self) -> FormInfo<'_> {
        FormInfo {
            max_upload_mb: self.max_upload_mb,
            token: self.guard.token(),
        }
    }
}

/// The options checked and the taxonomy and roster loaded: everything but the address.
#[derive(Debug)]
struct Prepared {
    pipeline: Pipeline,
    options: ServeOptions,
    max_upload_bytes: u64,
    max_store_bytes: u64,
    allowed: Vec<guard::AllowedHost>,
}

fn mb_to_bytes(mb: u64, flag: &str) -> Result<u64> {
    if mb == 0 {
        return Err(Error::Usage(format!("{flag} must be at least 1")));
    }
    mb.checked_mul(1024 * 1024)
        .ok_or_else(|| Error::Usage(format!("{flag} {mb} is too large")))
}

/// Checks the options and loads the taxonomy and any `--roster` file once, so a broken one
/// fails here, before the port is bound, rather than per upload.
fn prepare(options: ServeOptions) -> Result<Prepared> {
    let max_upload_bytes = mb_to_bytes(options.max_upload_mb, "--max-upload-mb")?;
    let max_store_bytes = mb_to_bytes(options.max_store_mb, "--max-store-mb")?;
    if options.upload_timeout_secs == 0 {
        return Err(Error::Usage(
            "--upload-timeout-secs must be at least 1".into(),
        ));
    }
    if options.max_uploads == 0 {
        return Err(Error::Usage("--max-uploads must be at least 1".into()));
    }
    let allowed = options
        .allow_hosts
        .iter()
        .map(|h| guard::allowed_host(h).map_err(Error::Usage))
        .collect::<Result<Vec<_>>>()?;
    let mut settings = options.settings.clone();
    // The page offers every report and shows the charts, whatever `[output] only` says.
    settings.outputs = Outputs::default();
    let pipeline = Pipeline::new(&settings)?.with_registry(options.registry.clone());
    Ok(Prepared {
        pipeline,
        options,
        max_upload_bytes,
        max_store_bytes,
        allowed,
    })
}

impl Prepared {
    /// The state of a server bound to `addr`.
    fn state(self, addr: SocketAddr) -> Result<AppState> {
        let guard = Guard::new(addr, self.allowed).map_err(|e| Error::Serve {
            addr,
            source: std::io::Error::other(format!("no random form token: {e}")),
        })?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(AppState {
            pipeline: self.pipeline,
            max_upload_mb: self.options.max_upload_mb,
            max_upload_bytes: self.max_upload_bytes,
            upload_timeout: Duration::from_secs(self.options.upload_timeout_secs),
            store: Store::new(self.options.keep, self.max_store_bytes),
            uploads: Arc::new(Semaphore::new(self.options.max_uploads)),
            max_uploads: self.options.max_uploads,
            audits: Arc::new(Semaphore::new(cores)),
            zips: Arc::new(Semaphore::new(cores)),
            guard: Arc::new(guard),
            audit: audit_upload,
        })
    }
}

/// The whole application over `state`.
fn app(state: AppState) -> Router {
    let guard = Arc::clone(&state.guard);
    Router::new()
        .route("/", get(start_page))
        .route(
            "/audit",
            get(|| async { redirect_home() })
                .post(post_audit)
                // The form reader enforces its own limits chunk by chunk.
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/audit/{id}", get(audit_page))
        .route("/audit/{id}/review", get(review_get).post(review_post))
        .route("/audit/{id}/raci.toml", get(download_toml))
        .route("/audit/{id}/files/{name}", get(download))
        .route("/audit/{id}/{zip}", get(download_zip))
        .route("/app.js", get(app_js))
        .fallback(not_found)
        .with_state(Arc::new(state))
        // Outermost: a request under a foreign name or from a foreign page is refused
        // before it is routed (and its answer still gets the security headers).
        .layer(axum::middleware::from_fn_with_state(guard, guard::check))
        .layer(axum::middleware::map_response(security_headers))
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
    // `same-origin`, not `no-referrer`: under `no-referrer` Chromium sends `Origin: null`
    // with a plain form post (no script), which the guard must refuse as foreign; with
    // `same-origin` it sends this server's own origin, and still nothing to other sites.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    // Audit pages hold the user's data: keep them out of shared caches.
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

fn html(status: StatusCode, body: impl Into<Body>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body.into(),
    )
        .into_response()
}

fn redirect_home() -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response()
}

async fn start_page(State(state): State<Arc<AppState>>) -> Response {
    html(StatusCode::OK, page::start_page(state.form()))
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
    html(status, page::error_page(title, &lines, state.form()))
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
        Error::TooLarge { .. } | Error::BeyondSpreadsheet { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        Error::Usage(_) => StatusCode::BAD_REQUEST,
        Error::UnknownFormat { .. }
        | Error::Workbook { .. }
        | Error::Csv { .. }
        | Error::SheetNotFound { .. }
        | Error::NoMatrix { .. }
        | Error::ReportCannotHold { .. }
        | Error::Steering { .. }
        | Error::CellEdit { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Error::Read { .. }
        | Error::NotUtf8 { .. }
        | Error::IsDirectory { .. }
        | Error::Config { .. }
        | Error::Taxonomy { .. }
        | Error::Write { .. }
        | Error::TempDir { .. }
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
    // Taken before a byte of the body is read, held until the audit ends (it moves into the
    // audit's thread, so a client that goes away does not free it early).
    let Ok(upload_slot) = Arc::clone(&state.uploads).try_acquire_owned() else {
        return busy(&state);
    };
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
    let matches = |sent: &[u8]| state.guard.token_matches(sent);
    let rule = TokenRule {
        matches: &matches,
        required: guard::from_browser(&headers),
    };
    // One deadline for the whole body: a stalled or trickling upload is dropped with what it
    // sent so far, and its slot is freed.
    let read = upload::read_form(multipart, state.max_upload_bytes, rule);
    let mut form = match tokio::time::timeout(state.upload_timeout, read).await {
        Err(_elapsed) => return timed_out(&state),
        Ok(Ok(form)) => form,
        Ok(Err(FormError::TooLarge { field, .. })) => return too_large(&state, field),
        Ok(Err(FormError::BodyTooLarge { .. })) => return too_large(&state, "upload"),
        Ok(Err(FormError::BadToken)) => {
            return error_response(
                &state,
                StatusCode::FORBIDDEN,
                "Reload the page",
                vec![
                    "error: this upload did not come from a form of this raci serve (its \
                     token is missing or out of date, for instance because the server was \
                     restarted). Choose the file again in the form below."
                        .into(),
                ],
            )
        }
        Ok(Err(FormError::Malformed { detail })) => {
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
    // Taken out, not copied: an upload is held once while it waits for its audit.
    let Some(file) = form.file.take() else {
        return error_response(
            &state,
            StatusCode::BAD_REQUEST,
            "No file",
            vec!["error: choose a RACI matrix file (CSV, XLSX, XLS or ODS) to audit.".into()],
        );
    };
    let Ok(core) = Arc::clone(&state.audits).acquire_owned().await else {
        return stopping(&state);
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
    // The audit runs on the blocking pool: a failure is an error page, and a panic ends only
    // this thread (a `JoinError` here); the server and its stored audits go on.
    let done = tokio::task::spawn_blocking(move || {
        let _slots = (upload_slot, core);
        (worker.audit)(&worker, id, file, form)
    })
    .await;
    let (id, entry) = match done {
        Ok(Ok(done)) => done,
        Ok(Err(err)) => {
            let mut lines = error_lines(&err);
            if matches!(err, Error::TooLarge { flag, .. } if flag == STORE_FLAG) {
                lines.push(format!(
                    "raci serve keeps at most {} MB of reports for all its audits together. \
                     Audit this file with raci audit FILE -o DIR, or restart raci serve with \
                     a larger {STORE_FLAG}.",
                    state.store.budget() / (1024 * 1024)
                ));
            }
            return error_response(
                &state,
                status_for(&err),
                "This file could not be audited",
                lines,
            );
        }
        Err(join) => {
            return error_response(
                &state,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal error",
                vec![format!(
                    "error: the audit stopped unexpectedly ({join}). Please report this with \
                     the file. The server and the other audits are not affected."
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

/// The flag that raises the store's byte budget, as messages name it.
const STORE_FLAG: &str = "--max-store-mb";

fn stopping(state: &AppState) -> Response {
    error_response(
        state,
        StatusCode::SERVICE_UNAVAILABLE,
        "Shutting down",
        vec!["error: the server is stopping.".into()],
    )
}

/// Every upload slot is taken: answered at once, before the body is read.
fn busy(state: &AppState) -> Response {
    let mut response = error_response(
        state,
        StatusCode::SERVICE_UNAVAILABLE,
        "The server is busy",
        vec![format!(
            "error: raci serve is already receiving or auditing {} uploads, as many as it takes \
             at once. Try again in a few seconds, or restart it with a larger --max-uploads.",
            state.max_uploads
        )],
    );
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECS),
    );
    response
}

fn timed_out(state: &AppState) -> Response {
    error_response(
        state,
        StatusCode::REQUEST_TIMEOUT,
        "The upload took too long",
        vec![format!(
            "error: the upload did not arrive within {} seconds and was dropped. Try again; on \
             a slow connection, restart raci serve with a larger --upload-timeout-secs.",
            state.upload_timeout.as_secs()
        )],
    )
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

/// The audit of one upload, on the command line's functions; kept in the store on success,
/// with what it was made from, for its review.
fn audit_upload(
    state: &AppState,
    id: String,
    file: UploadedFile,
    form: Form,
) -> Result<(String, Arc<Entry>)> {
    let mut steer = crate::layout::Steering::default();
    for (key, value) in &form.steer {
        steer
            .set(key, value)
            .map_err(|detail| Error::Usage(format!("{key} {value}: {detail}")))?;
    }
    let corrections = review::Corrections {
        sides: Vec::new(),
        cells: Vec::new(),
        sheet: form.sheet,
        steer,
    };
    let source = review::Source::new(
        &state.pipeline,
        file,
        form.roster,
        form.config,
        form.scheme,
        form.anonymize,
    )?;
    review::audit_source(state, id, Arc::new(source), corrections, Vec::new(), None)
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
            "error: this audit is not kept any more (the server keeps the last {} audits, up \
             to {} MB of reports between them, and none after a restart). Upload the file \
             again.",
            state.store.capacity(),
            state.store.budget() / (1024 * 1024)
        )],
    )
}

async fn audit_page(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    match state.store.get(&id) {
        Some(entry) => html(StatusCode::OK, entry.page.clone()),
        None => gone(&state),
    }
}

/// The review page of an audit, its tasks filtered by `?show=`.
async fn review_get(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    query: std::result::Result<
        Query<Vec<(String, String)>>,
        axum::extract::rejection::QueryRejection,
    >,
) -> Response {
    let Some(entry) = state.store.get(&id) else {
        return gone(&state);
    };
    let Some(kept) = entry.review.as_ref() else {
        return gone(&state);
    };
    let show = query
        .ok()
        .and_then(|Query(q)| q.into_iter().find(|(k, _)| k == "show").map(|(_, v)| v));
    let Some(filter) = review_page::Filter::parse(show.as_deref()) else {
        return error_response(
            &state,
            StatusCode::BAD_REQUEST,
            "No such list",
            vec![format!(
                "error: there is no list of tasks called {:?}; the review page offers all, low, \
                 unclassified and changed.",
                show.unwrap_or_default()
            )],
        );
    };
    html(
        StatusCode::OK,
        review_page::review_page(&id, kept, filter, state.guard.token()),
    )
}

/// What a failed review form says after its error: that nothing is lost, and where to go on.
fn nothing_lost(id: &str) -> String {
    format!(
        "Nothing is lost: the audit you were reviewing and its corrections are still at \
         /audit/{id}/review. Go back, correct the field and re-audit."
    )
}

/// Applies the review form to the audit's upload and answers 303 to the new audit.
async fn review_post(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    form: std::result::Result<UrlForm<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Some(entry) = state.store.get(&id) else {
        return gone(&state);
    };
    let fields = match form {
        Ok(UrlForm(fields)) => fields,
        Err(rejection) => {
            return error_response(
                &state,
                StatusCode::BAD_REQUEST,
                "The form could not be read",
                vec![
                    format!(
                        "error: this is not the review form ({}). Use the form of the review \
                         page.",
                        rejection.body_text()
                    ),
                    nothing_lost(&id),
                ],
            )
        }
    };
    // The same rule as uploads: a browser must send this run's token, anyone who sends one
    // must send the right one.
    let token = fields.iter().find(|(k, _)| k == guard::TOKEN_FIELD);
    let token_ok = match token {
        Some((_, t)) => state.guard.token_matches(t.as_bytes()),
        None => !guard::from_browser(&headers),
    };
    if !token_ok {
        return error_response(
            &state,
            StatusCode::FORBIDDEN,
            "Reload the page",
            vec![
                "error: this form did not come from a page of this raci serve (its token is \
                 missing or out of date, for instance because the server was restarted). \
                 Reload the review page and make the change again."
                    .into(),
            ],
        );
    }
    let Some(kept) = entry.review.as_ref() else {
        return gone(&state);
    };
    let (corrections, changes) = match review::read_form(kept, &fields) {
        Ok(read) => read,
        Err(review::BadForm(message)) => {
            return error_response(
                &state,
                StatusCode::BAD_REQUEST,
                "The correction could not be applied",
                vec![format!("error: {message}"), nothing_lost(&id)],
            )
        }
    };
    if changes.is_empty() {
        return (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, format!("/audit/{id}"))],
        )
            .into_response();
    }
    let Ok(upload_slot) = Arc::clone(&state.uploads).try_acquire_owned() else {
        return busy(&state);
    };
    let Ok(core) = Arc::clone(&state.audits).acquire_owned().await else {
        return stopping(&state);
    };
    let new_id = match review::new_id() {
        Ok(new_id) => new_id,
        Err(e) => {
            return error_response(
                &state,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal error",
                error_lines(&e),
            )
        }
    };
    let worker = Arc::clone(&state);
    let parent = id.clone();
    let source = Arc::clone(&kept.source);
    drop(entry);
    let done = tokio::task::spawn_blocking(move || {
        let _slots = (upload_slot, core);
        review::audit_source(&worker, new_id, source, corrections, changes, Some(parent))
    })
    .await;
    match done {
        Ok(Ok((new_id, _))) => {
            let mut response = (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, format!("/audit/{new_id}"))],
            )
                .into_response();
            if let Ok(value) = HeaderValue::from_str(&new_id) {
                response.headers_mut().insert(AUDIT_ID_HEADER, value);
            }
            response
        }
        Ok(Err(err)) => {
            let mut lines = error_lines(&err);
            lines.push(nothing_lost(&id));
            error_response(
                &state,
                status_for(&err),
                "The corrected audit could not be made",
                lines,
            )
        }
        Err(join) => error_response(
            &state,
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal error",
            vec![
                format!("error: the audit stopped unexpectedly ({join}). Please report this."),
                nothing_lost(&id),
            ],
        ),
    }
}

/// The audit's settings and corrections as a `raci.toml` for the command line.
async fn download_toml(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let Some(entry) = state.store.get(&id) else {
        return gone(&state);
    };
    let Some(kept) = entry.review.as_ref() else {
        return gone(&state);
    };
    match review::raci_toml(kept) {
        Ok(text) => attachment(
            "raci.toml",
            "application/toml; charset=utf-8",
            Bytes::from(text),
        ),
        Err(e) => error_response(
            &state,
            StatusCode::INTERNAL_SERVER_ERROR,
            "raci.toml could not be made",
            error_lines(&e),
        ),
    }
}

fn attachment(name: &str, content_type: &'static str, bytes: Bytes) -> Response {
    // `name` is always one of ours (report names or the cleaned zip name): plain ASCII.
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
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
        // `Bytes` is shared, not copied: a download costs no memory of its own.
        Some((n, bytes)) => {
            let content_type = state.pipeline.registry().content_type(n);
            attachment(n, content_type, bytes.clone())
        }
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
    let Ok(core) = Arc::clone(&state.zips).acquire_owned().await else {
        return stopping(&state);
    };
    // Deflating megabytes takes seconds: on the blocking pool, one per core at a time, so
    // the request threads stay free for every other page.
    let built = tokio::task::spawn_blocking(move || {
        let _core = core;
        zip_files(&entry.files).map(|bytes| (entry, bytes))
    })
    .await;
    match built {
        Ok(Ok((entry, bytes))) => {
            attachment(&entry.zip_name, "application/zip", Bytes::from(bytes))
        }
        Ok(Err(e)) => error_response(
            &state,
            StatusCode::INTERNAL_SERVER_ERROR,
            "The zip could not be made",
            vec![format!("error: {e}")],
        ),
        Err(join) => error_response(
            &state,
            StatusCode::INTERNAL_SERVER_ERROR,
            "The zip could not be made",
            vec![format!(
                "error: building the zip stopped unexpectedly ({join})."
            )],
        ),
    }
}

/// Every file in one zip, deflated, with a fixed date so the same audit gives the same zip.
pub fn zip_files<B: AsRef<[u8]>>(files: &[(String, B)]) -> std::io::Result<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in files {
            zip.start_file(name.as_str(), options)
                .map_err(std::io::Error::other)?;
            zip.write_all(bytes.as_ref())?;
        }
        zip.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}

/// The server's own runtime: a few request threads, timers for the upload deadline, and
/// tokio's blocking pool for the audits and zips.
fn runtime(addr: SocketAddr) -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(REQUEST_THREADS)
        .enable_io()
        .enable_time()
        .build()
        .map_err(|source| Error::Serve { addr, source })
}

/// A bound server, not yet accepting: [`Server::local_addr`] says where (useful with port 0).
#[derive(Debug)]
pub struct Server {
    listener: std::net::TcpListener,
    app: Router,
    addr: SocketAddr,
}

impl Server {
    /// Checks the options, binds `addr` and builds the application (which answers only to
    /// the address it is bound to: see `guard`).
    pub fn bind(addr: SocketAddr, options: ServeOptions) -> Result<Server> {
        let prepared = prepare(options)?;
        let bind_err = |source| Error::Bind { addr, source };
        let listener = std::net::TcpListener::bind(addr).map_err(bind_err)?;
        listener.set_nonblocking(true).map_err(bind_err)?;
        let addr = listener.local_addr().map_err(bind_err)?;
        let app = app(prepared.state(addr)?);
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
        runtime(addr)?.block_on(async move {
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
            runtime(addr)?.block_on(async move {
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

    /// One request on loopback with `Connection: close`: (status, head, body).
    fn request(addr: SocketAddr, head: &str, body: &[u8]) -> (u16, String, Vec<u8>) {
        use std::io::Read;
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        let head = format!("{head}Host: {addr}\r\nConnection: close\r\n\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, raw[split + 4..].to_vec())
    }

    fn post_file(addr: SocketAddr, name: &str, bytes: &[u8]) -> (u16, String, Vec<u8>) {
        let mut body = format!(
            "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; \
             filename=\"{name}\"\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n--b0undary--\r\n");
        let head = format!(
            "POST /audit HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b0undary\r\n\
             Content-Length: {}\r\n",
            body.len()
        );
        request(addr, &head, &body)
    }

    /// An audit that panics on a file called `panic.csv`, as a bug in a stage would.
    fn audit_or_panic(
        state: &AppState,
        id: String,
        file: UploadedFile,
        form: Form,
    ) -> Result<(String, Arc<Entry>)> {
        if file.name == "panic.csv" {
            panic!("a bug in the audit (on purpose, in a test)");
        }
        audit_upload(state, id, file, form)
    }

    #[test]
    fn a_panicking_audit_is_an_error_page_and_the_server_goes_on() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let mut state = prepare(ServeOptions::new(Settings::default()))
            .unwrap()
            .state(addr)
            .unwrap();
        state.audit = audit_or_panic;
        let server = Server {
            listener,
            app: app(state),
            addr,
        }
        .spawn();
        let matrix = b"Task,Ann (Product Owner),Bob (Product Manager)\nBacklog,A,R\n";
        let (status, head, _) = post_file(addr, "team.csv", matrix);
        assert_eq!(status, 200, "{head}");
        let id = head
            .lines()
            .find_map(|l| l.strip_prefix("x-raci-audit: "))
            .unwrap()
            .to_string();
        // More panics than cores and upload slots: none of them keeps a slot.
        for _ in 0..DEFAULT_MAX_UPLOADS + 2 {
            let (status, _, body) = post_file(addr, "panic.csv", matrix);
            assert_eq!(status, 500);
            let page = String::from_utf8(body).unwrap();
            assert!(page.contains("the audit stopped unexpectedly"), "{page}");
            assert!(page.contains("The server and the other audits are not affected"));
        }
        let (status, _, _) = request(addr, &format!("GET /audit/{id} HTTP/1.1\r\n"), b"");
        assert_eq!(status, 200, "the stored audit survived");
        let (status, _, _) = post_file(addr, "team.csv", matrix);
        assert_eq!(status, 200, "the server still audits");
        server.stop().unwrap();
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
