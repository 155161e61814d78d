//! Reading the upload form (`multipart/form-data`) into memory under the size limit. The
//! body is read chunk by chunk, so a file over the limit is refused without being held, and
//! the rest of a moderately oversized body is drained so the browser receives the 413 page
//! instead of a reset connection.

use super::guard::TOKEN_FIELD;
use axum::extract::multipart::{Field, Multipart};

/// Longest text field (`sheet`, `scheme`) accepted.
const MAX_TEXT_FIELD: usize = 1024;

/// An uploaded file: its name as the browser sent it, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UploadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The form, as sent (the token is checked while reading and not kept).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Form {
    pub file: Option<UploadedFile>,
    pub roster: Option<UploadedFile>,
    /// A `raci.toml` sent beside the matrix.
    pub config: Option<UploadedFile>,
    pub sheet: Option<String>,
    pub scheme: Option<String>,
    /// Reading choices (`shape`, `range`, ... as in `layout::STEERING_KEYS`), in form order.
    pub steer: Vec<(String, String)>,
    /// The "anonymize" checkbox was ticked.
    pub anonymize: bool,
}

/// Whether a field is one of the reading choices of the Options.
fn steering_field(name: &str) -> bool {
    crate::layout::STEERING_KEYS.contains(&name)
}

/// Why the form could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FormError {
    /// A file over `--max-upload-mb`: which field, and the limit in bytes.
    TooLarge { field: &'static str, limit: u64 },
    /// The whole request is over what the server drains.
    BodyTooLarge { limit: u64 },
    /// Not a form this page sends.
    Malformed { detail: String },
    /// An upload from a browser without this run's form token, or any upload with a wrong
    /// one (see `guard`).
    BadToken,
}

/// What the form's token field must be: `matches` says whether a sent token is this run's,
/// and `required` whether the request must carry one (it comes from a browser).
pub(crate) struct TokenRule<'a> {
    pub matches: &'a (dyn Fn(&[u8]) -> bool + Sync),
    pub required: bool,
}

impl std::fmt::Debug for TokenRule<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRule")
            .field("required", &self.required)
            .finish_non_exhaustive()
    }
}

/// The most a request body may hold: the file and the roster at the limit each, plus room for
/// the text fields and the multipart framing.
pub(crate) fn body_limit(max_upload_bytes: u64) -> u64 {
    max_upload_bytes
        .saturating_mul(2)
        .saturating_add(1024 * 1024)
}

/// Only the last path segment of the name the browser sent, without control characters, and
/// at most 200 characters: it names the file in cell references and the report title, and is
/// never used as a path.
pub(crate) fn clean_file_name(raw: Option<&str>) -> String {
    let raw = raw.unwrap_or("");
    let leaf = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let name: String = leaf.chars().filter(|c| !c.is_control()).take(200).collect();
    let name = name.trim();
    if name.is_empty() || name == "." || name == ".." {
        "upload".to_string()
    } else {
        name.to_string()
    }
}

/// Reads every field. `max_upload_bytes` caps each file; the body as a whole is read up to
/// [`body_limit`]. The token field comes first in the page's form, so a file that arrives
/// before a valid token, when one is required, is drained without being kept.
pub(crate) async fn read_form(
    mut multipart: Multipart,
    max_upload_bytes: u64,
    token: TokenRule<'_>,
) -> Result<Form, FormError> {
    let total_limit = body_limit(max_upload_bytes);
    let mut total: u64 = 0;
    let mut form = Form::default();
    // The first reason to refuse the form; once set, the rest of the body is drained (so
    // that the browser receives the answer) and nothing more is kept.
    let mut refused: Option<FormError> = None;
    // `Some(true)` once the right token has been read.
    let mut token_ok: Option<bool> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(refused.unwrap_or_else(|| malformed(e.body_text()))),
        };
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        if refused.is_none()
            && matches!(name.as_str(), "file" | "roster" | "config")
            && token.required
            && token_ok != Some(true)
        {
            refused = Some(FormError::BadToken);
        }
        let cap = match name.as_str() {
            _ if refused.is_some() => 0,
            "file" | "roster" => max_upload_bytes,
            "config" => max_upload_bytes.min(super::review::MAX_CONFIG_BYTES),
            "sheet" | "scheme" | "anonymize" | TOKEN_FIELD => MAX_TEXT_FIELD as u64,
            n if steering_field(n) => MAX_TEXT_FIELD as u64,
            // Fields this page does not send are drained and ignored.
            _ => 0,
        };
        let Some(bytes) = read_field(field, cap, &mut total, total_limit).await? else {
            // Keep draining the body (up to the body limit) so the answer reaches the
            // browser; the first oversized field is the one reported.
            if refused.is_none() {
                refused = match name.as_str() {
                    "file" => Some(FormError::TooLarge {
                        field: "file",
                        limit: max_upload_bytes,
                    }),
                    "roster" => Some(FormError::TooLarge {
                        field: "roster",
                        limit: max_upload_bytes,
                    }),
                    "config" => Some(FormError::TooLarge {
                        field: "config",
                        limit: super::review::MAX_CONFIG_BYTES,
                    }),
                    n if n == "sheet" || n == "scheme" || n == "anonymize" || steering_field(n) => {
                        Some(FormError::Malformed {
                            detail: format!(
                                "the {name} field is longer than {MAX_TEXT_FIELD} bytes"
                            ),
                        })
                    }
                    TOKEN_FIELD => Some(FormError::BadToken),
                    _ => None,
                };
            }
            continue;
        };
        if refused.is_some() {
            continue;
        }
        match name.as_str() {
            // A browser sends an empty, unnamed part when no file was chosen.
            "file" | "roster" | "config"
                if bytes.is_empty() && file_name.as_deref().unwrap_or("").is_empty() => {}
            "file" => {
                form.file = Some(UploadedFile {
                    name: clean_file_name(file_name.as_deref()),
                    bytes,
                })
            }
            "roster" => {
                form.roster = Some(UploadedFile {
                    name: clean_file_name(file_name.as_deref()),
                    bytes,
                })
            }
            "config" => {
                form.config = Some(UploadedFile {
                    name: clean_file_name(file_name.as_deref()),
                    bytes,
                })
            }
            TOKEN_FIELD => {
                let ok = (token.matches)(&bytes);
                token_ok = Some(ok);
                if !ok {
                    refused = Some(FormError::BadToken);
                }
            }
            // A ticked checkbox is sent (as `on`); an unticked one is not sent at all.
            "anonymize" => form.anonymize = true,
            "sheet" | "scheme" => {
                let text = String::from_utf8(bytes).map_err(|_| FormError::Malformed {
                    detail: format!("the {name} field is not UTF-8 text"),
                })?;
                let text = text.trim().to_string();
                if !text.is_empty() {
                    if name == "sheet" {
                        form.sheet = Some(text);
                    } else {
                        form.scheme = Some(text);
                    }
                }
            }
            n if steering_field(n) => {
                let text = String::from_utf8(bytes).map_err(|_| FormError::Malformed {
                    detail: format!("the {name} field is not UTF-8 text"),
                })?;
                let text = text.trim();
                if !text.is_empty() {
                    form.steer.push((name.clone(), text.to_string()));
                }
            }
            _ => {}
        }
    }
    if refused.is_none() && (token.required || token_ok.is_some()) && token_ok != Some(true) {
        refused = Some(FormError::BadToken);
    }
    match refused {
        Some(e) => Err(e),
        None => Ok(form),
    }
}

fn malformed(detail: String) -> FormError {
    FormError::Malformed { detail }
}

/// The field's bytes, or `None` when it is over `cap` (its remaining bytes are then drained
/// and dropped). Fails once the body as a whole passes `total_limit`.
async fn read_field(
    mut field: Field<'_>,
    cap: u64,
    total: &mut u64,
    total_limit: u64,
) -> Result<Option<Vec<u8>>, FormError> {
    let mut bytes = Vec::new();
    let mut over = false;
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(e) => return Err(malformed(e.body_text())),
        };
        *total = total.saturating_add(chunk.len() as u64);
        if *total > total_limit {
            return Err(FormError::BodyTooLarge { limit: total_limit });
        }
        if over {
            continue;
        }
        if (bytes.len() + chunk.len()) as u64 > cap {
            over = true;
            bytes = Vec::new();
            continue;
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(if over { None } else { Some(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_leaves_never_paths() {
        assert_eq!(clean_file_name(Some("team.xlsx")), "team.xlsx");
        assert_eq!(clean_file_name(Some("../../etc/passwd")), "passwd");
        assert_eq!(clean_file_name(Some("C:\\Users\\me\\RACI.csv")), "RACI.csv");
        assert_eq!(clean_file_name(Some("a\u{0}b\nc.csv")), "abc.csv");
        assert_eq!(clean_file_name(Some("dir/..")), "upload");
        assert_eq!(clean_file_name(Some("")), "upload");
        assert_eq!(clean_file_name(None), "upload");
        assert_eq!(clean_file_name(Some(&"x".repeat(500))).len(), 200);
    }

    #[test]
    fn the_body_may_hold_two_files_at_the_limit() {
        assert_eq!(body_limit(10), 20 + 1024 * 1024);
        assert_eq!(body_limit(u64::MAX), u64::MAX);
    }
}
