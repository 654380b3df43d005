//! The folders the API serves files from (api.md §4.12, §4.13): attachment storage, IGV data and
//! the imported analyses, taken from the configuration once at start-up, and the caching headers
//! of the files sent from them.
//!
//! Paths a client names are joined only after [`safe_relative`] accepted them, so no request can
//! reach outside these folders.

use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime};

use actix_web::http::header;
use actix_web::HttpResponse;
use ella_config::Config;

/// `Cache-Control` of downloads (Flask's `send_file` default of ELLA's deployment).
pub const PUBLIC_CACHE: &str = "public, max-age=43200";

/// The `max-age` of [`PUBLIC_CACHE`], for `Expires`.
const PUBLIC_CACHE_SECONDS: u64 = 43_200;

/// The file settings of the server.
#[derive(Debug, Clone)]
pub struct FileSettings {
    /// `app.attachment_storage`; `None` disables uploads.
    pub attachment_storage: Option<PathBuf>,
    /// `app.max_upload_size`: the largest attachment in bytes.
    pub max_upload_size: u64,
    /// `IGV_DATA`.
    pub igv_data: Option<PathBuf>,
    /// `ANALYSES_PATH`.
    pub analyses_path: Option<PathBuf>,
    /// `igv.valid_resource_files`: the only names `/igv/{filename}` serves.
    pub igv_resource_files: Vec<String>,
}

impl FileSettings {
    /// The settings of `config`.
    pub fn new(config: &Config) -> Self {
        let settings = &config.settings;
        Self {
            attachment_storage: settings.app.attachment_storage.as_ref().map(PathBuf::from),
            max_upload_size: u64::try_from(settings.app.max_upload_size).unwrap_or(0),
            igv_data: config.folders.igv_data.clone(),
            analyses_path: config.folders.analyses_path.clone(),
            igv_resource_files: settings.igv.valid_resource_files.clone(),
        }
    }
}

/// `path` if it is relative and has only normal components (no `..`, no root, no prefix).
pub fn safe_relative(path: &str) -> Option<&Path> {
    let path = Path::new(path);
    (!path.as_os_str().is_empty()
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_))))
    .then_some(path)
}

/// `response` with ELLA's caching headers for files.
pub fn with_public_cache(mut response: HttpResponse) -> HttpResponse {
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static(PUBLIC_CACHE),
    );
    let expires =
        header::HttpDate::from(SystemTime::now() + Duration::from_secs(PUBLIC_CACHE_SECONDS));
    if let Ok(value) = header::HeaderValue::from_str(&expires.to_string()) {
        headers.insert(header::EXPIRES, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::safe_relative;

    #[test]
    fn only_plain_relative_paths_pass() {
        assert!(safe_relative("refGene.bed.gz").is_some());
        assert!(safe_relative("sub/track.bam").is_some());
        for bad in ["", "../etc/passwd", "a/../../b", "/etc/passwd", "a/./b/.."] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }
}
