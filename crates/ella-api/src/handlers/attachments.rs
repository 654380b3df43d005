//! Attachments (api.md §4.12): uploads streamed into the content-addressed storage, downloads,
//! and the records with their thumbnails.
//!
//! An upload is written to `<storage>/tmp/<random>` while its SHA-256 is computed and then
//! renamed to `<storage>/<sha256[0:2]>/<sha256>`. It may not exceed `app.max_upload_size`, which
//! ELLA checks only in the UI (docs/compatibility.md). Thumbnails are not made; one that exists
//! beside a file (made by ELLA) is shown.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_multipart::{Field, Multipart};
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::web::{self, Data, Json, Path as UrlPath};
use actix_web::{HttpRequest, HttpResponse};
use base64::Engine as _;
use chrono::Utc;
use ella_db::attachment::{self, AttachmentRow, NewAttachment};
use futures_util::TryStreamExt as _;
use sha2::{Digest, Sha256};

use crate::files::with_public_cache;
use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::{hex, random_hex, Authenticated};
use crate::wire::attachments::{Attachment, AttachmentId};
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /attachments/`: every column of `attachment`.
const ATTACHMENT_COLUMNS: &[Column] = &[
    Column::new("id", "attachment.id", "integer"),
    Column::new("sha256", "attachment.sha256", "text"),
    Column::new("filename", "attachment.filename", "text"),
    Column::new("size", "attachment.size", "bigint"),
    Column::new("date_created", "attachment.date_created", "timestamptz"),
    Column::new("mimetype", "attachment.mimetype", "text"),
    Column::new("extension", "attachment.extension", "text"),
    Column::new("user_id", "attachment.user_id", "integer"),
];

/// A file being uploaded: removed when dropped unless it was moved into the storage.
struct TempUpload {
    path: PathBuf,
    file: Option<std::fs::File>,
}

impl Drop for TempUpload {
    fn drop(&mut self) {
        if self.file.is_some() || self.path.exists() {
            self.file = None;
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The content path of a file with hash `sha256`.
fn content_path(storage: &Path, sha256: &str) -> PathBuf {
    storage
        .join(sha256.get(..2).unwrap_or_default())
        .join(sha256)
}

/// Uploads a file (multipart field `file`) and records it.
#[utoipa::path(post, path = "/api/v1/attachments/upload/", tag = "Attachment",
    request_body(content_type = "multipart/form-data", description = "A file field named `file`"),
    responses(
        (status = 200, body = AttachmentId),
        (status = 400, description = "No `file` field", body = ErrorMessage),
        (status = 413, description = "Larger than `app.max_upload_size`", body = ErrorMessage),
    ))]
pub async fn upload_attachment(
    state: Data<AppState>,
    caller: Authenticated,
    mut form: Multipart,
) -> Result<Json<AttachmentId>, ApiError> {
    let files = state.files();
    let storage = files
        .attachment_storage
        .clone()
        .ok_or_else(|| ApiError::Internal("no attachment storage configured".into()))?;
    let multipart_error = |error: actix_multipart::MultipartError| {
        ApiError::InvalidRequest(format!("multipart body: {error}"))
    };
    while let Some(field) = form.try_next().await.map_err(multipart_error)? {
        if field.name() != Some("file") {
            continue;
        }
        let stored = store_upload(field, &storage, files.max_upload_size).await?;
        let user_id = caller.0.user.id;
        let id = state
            .transaction(move |conn| {
                let extension = stored
                    .filename
                    .rsplit_once('.')
                    .map_or("", |(_, extension)| extension);
                Ok(attachment::insert(
                    conn,
                    &NewAttachment {
                        sha256: &stored.sha256,
                        filename: &stored.filename,
                        size: stored.size,
                        date_created: Utc::now(),
                        mimetype: stored.mimetype.as_deref(),
                        extension,
                        user_id,
                    },
                )?)
            })
            .await?;
        return Ok(Json(AttachmentId { id }));
    }
    Err(ApiError::MissingFile)
}

/// ELLA's second path of the upload: the id is ignored and a new attachment is made.
#[utoipa::path(post, path = "/api/v1/attachments/{attachment_id}", tag = "Attachment",
    params(("attachment_id" = i32, Path, description = "Ignored")),
    request_body(content_type = "multipart/form-data", description = "A file field named `file`"),
    responses((status = 200, body = AttachmentId)))]
pub async fn upload_attachment_alias(
    state: Data<AppState>,
    caller: Authenticated,
    form: Multipart,
) -> Result<Json<AttachmentId>, ApiError> {
    upload_attachment(state, caller, form).await
}

/// What an upload left in the storage.
struct StoredUpload {
    sha256: String,
    size: i64,
    filename: String,
    mimetype: Option<String>,
}

/// Streams `field` to a temporary file under `storage` while hashing it, refusing more than
/// `limit` bytes, and moves it to its content path.
async fn store_upload(
    mut field: Field,
    storage: &Path,
    limit: u64,
) -> Result<StoredUpload, ApiError> {
    let filename = field
        .content_disposition()
        .and_then(ContentDisposition::get_filename)
        .unwrap_or_default()
        .to_owned();
    let mimetype = field.content_type().map(ToString::to_string);
    let temp_dir = storage.join("tmp");
    let path = temp_dir.join(random_hex(16));
    let io = |error: std::io::Error| ApiError::Internal(format!("attachment storage: {error}"));
    let mut upload = {
        let path = path.clone();
        web::block(move || {
            std::fs::create_dir_all(&temp_dir)?;
            let file = std::fs::File::create(&path)?;
            Ok::<_, std::io::Error>(TempUpload {
                path,
                file: Some(file),
            })
        })
        .await?
        .map_err(io)?
    };
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    while let Some(chunk) = field
        .try_next()
        .await
        .map_err(|error| ApiError::InvalidRequest(format!("multipart body: {error}")))?
    {
        size += chunk.len() as u64;
        if size > limit {
            return Err(ApiError::PayloadTooLarge);
        }
        hasher.update(&chunk);
        let mut file = upload
            .file
            .take()
            .ok_or_else(|| ApiError::Internal("upload file".into()))?;
        let file = web::block(move || file.write_all(&chunk).map(|()| file))
            .await?
            .map_err(io)?;
        upload.file = Some(file);
    }
    let sha256 = hex(&hasher.finalize());
    let target = content_path(storage, &sha256);
    web::block(move || {
        if let Some(file) = upload.file.take() {
            file.sync_all()?;
        }
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::rename(&upload.path, &target)
    })
    .await?
    .map_err(io)?;
    Ok(StoredUpload {
        sha256,
        size: i64::try_from(size).unwrap_or(i64::MAX),
        filename,
        mimetype,
    })
}

/// Downloads an attachment under its original name.
#[utoipa::path(get, path = "/api/v1/attachments/{attachment_id}", tag = "Attachment",
    params(("attachment_id" = i32, Path, description = "Attachment id")),
    responses(
        (status = 200, description = "The file, `Content-Disposition: attachment`"),
        (status = 500, description = "No such attachment or file", body = ErrorMessage),
    ))]
pub async fn get_attachment(
    state: Data<AppState>,
    _caller: Authenticated,
    request: HttpRequest,
    attachment_id: UrlPath<i32>,
) -> Result<HttpResponse, ApiError> {
    let attachment_id = attachment_id.into_inner();
    let storage = state
        .files()
        .attachment_storage
        .clone()
        .ok_or_else(|| ApiError::Internal("no attachment storage configured".into()))?;
    let row = state
        .run(move |conn| {
            attachment::find(conn, attachment_id)?
                .ok_or_else(|| ApiError::NotFound(format!("attachment {attachment_id}")))
        })
        .await?;
    let sha256 = row
        .sha256
        .as_deref()
        .filter(|sha256| sha256.len() == 64 && sha256.bytes().all(|byte| byte.is_ascii_hexdigit()))
        .ok_or_else(|| ApiError::NotFound(format!("content of attachment {attachment_id}")))?;
    let file = NamedFile::open_async(content_path(&storage, sha256))
        .await
        .map_err(|error| {
            ApiError::NotFound(format!("file of attachment {attachment_id}: {error}"))
        })?
        .set_content_type(actix_files::file_extension_to_mime(
            row.filename
                .rsplit_once('.')
                .map_or("", |(_, extension)| extension),
        ))
        .set_content_disposition(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(row.filename.clone())],
        });
    Ok(with_public_cache(file.into_response(&request)))
}

/// Attachment records filtered with `q` (all of them; the paging headers only).
#[utoipa::path(get, path = "/api/v1/attachments/", tag = "Attachment",
    params(("q" = Option<String>, Query, description = "JSON filter (api.md §1.5) on `attachment`")),
    responses((status = 200, body = Vec<Attachment>, description = "All matches, with the paging headers")))]
pub async fn list_attachments(
    state: Data<AppState>,
    _caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    if filter.selects_nothing() {
        return Ok(paging.respond::<Attachment>(&[], 0));
    }
    let storage = state.files().attachment_storage.clone();
    let attachments = state
        .run(move |conn| {
            let rows = attachment::matching(conn, filter.conditions(ATTACHMENT_COLUMNS)?)?;
            let ids: Vec<i32> = rows.iter().map(|row| row.user_id).collect();
            let users = ella_db::user::with_group_names(conn, &ids)?;
            rows.into_iter()
                .map(|row| {
                    let (user, group_name) = users
                        .get(&row.user_id)
                        .ok_or_else(|| ApiError::NotFound(format!("user {}", row.user_id)))?;
                    let thumbnail = thumbnail(storage.as_deref(), &row);
                    Ok(Attachment::new(row, user, group_name, thumbnail))
                })
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    let total = i64::try_from(attachments.len()).unwrap_or(i64::MAX);
    Ok(paging.respond(&attachments, total))
}

/// Base64 of the thumbnail beside the attachment's file, if there is one.
fn thumbnail(storage: Option<&Path>, row: &AttachmentRow) -> Option<String> {
    let sha256 = row.sha256.as_deref()?;
    let mut path = content_path(storage?, sha256).into_os_string();
    path.push(".thumbnail");
    let bytes = std::fs::read(path).ok()?;
    Some(base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// An analysis' attachment folder entry; always 500, since ELLA 1.17 lists no analysis
/// attachments (api.md §4.12).
#[utoipa::path(get, path = "/api/v1/attachments/analyses/{analysis_id}/{index}/", tag = "Attachment",
    params(("analysis_id" = i32, Path, description = "Analysis id"), ("index" = i32, Path, description = "Index in the folder")),
    responses((status = 500, description = "Always: the listing is disabled in ELLA 1.17", body = ErrorMessage)))]
pub async fn get_analysis_attachment(
    _caller: Authenticated,
    path: UrlPath<(i32, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (analysis_id, index) = path.into_inner();
    Err(ApiError::NotFound(format!(
        "attachment {index} of analysis {analysis_id}: analysis attachments are not listed"
    )))
}
