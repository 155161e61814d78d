//! Reading the upload form (`multipart/form-data`) into memory under the size limit. The
//! body is read chunk by chunk, so a file over the limit is refused without being held, and
//! the rest of a moderately oversized body is drained so the browser receives the 413 page
//! instead of a reset connection.

use axum::extract::multipart::{Field, Multipart};

/// Longest text field (`sheet`, `scheme`) accepted.
const MAX_TEXT_FIELD: usize = 1024;

/// An uploaded file: its name as the browser sent it, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UploadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The form, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Form {
    pub file: Option<UploadedFile>,
    pub roster: Option<UploadedFile>,
    pub sheet: Option<String>,
    pub scheme: Option<String>,
    /// The "anonymize" checkbox was ticked.
    pub anonymize: bool,
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
/// [`body_limit`].
pub(crate) async fn read_form(
    mut multipart: Multipart,
    max_upload_bytes: u64,
) -> Result<Form, FormError> {
    let total_limit = body_limit(max_upload_bytes);
    let mut total: u64 = 0;
    let mut form = Form::default();
    let mut too_large: Option<FormError> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(too_large.unwrap_or_else(|| malformed(e.body_text()))),
        };
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let cap = match name.as_str() {
            "file" | "roster" => max_upload_bytes,
            "sheet" | "scheme" | "anonymize" => MAX_TEXT_FIELD as u64,
            // Fields this page does not send are drained and ignored.
            _ => 0,
        };
        let Some(bytes) = read_field(field, cap, &mut total, total_limit).await? else {
            // Keep draining the body (up to the body limit) so the answer reaches the
            // browser; the first oversized field is the one reported.
            if too_large.is_none() {
                too_large = match name.as_str() {
                    "file" => Some(FormError::TooLarge {
                        field: "file",
                        limit: max_upload_bytes,
                    }),
                    "roster" => Some(FormError::TooLarge {
                        field: "roster",
                        limit: max_upload_bytes,
                    }),
                    "sheet" | "scheme" | "anonymize" => Some(FormError::Malformed {
                        detail: format!("the {name} field is longer than {MAX_TEXT_FIELD} bytes"),
                    }),
                    _ => None,
                };
            }
            continue;
        };
        if too_large.is_some() {
            continue;
        }
        match name.as_str() {
            // A browser sends an empty, unnamed part when no file was chosen.
            "file" | "roster"
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
            _ => {}
        }
    }
    match too_large {
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
