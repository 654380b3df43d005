//! The cycle around every request: session resolution before the handler (api.md §2.2), the body
//! of writing requests read once under a size limit (except multipart uploads, which their
//! handler streams to disk under the upload limit), and after the handler the `Cache-Control`
//! header of JSON responses (api.md §1.3), the `resourcelog` row (api.md §2.9) and one log line.
//!
//! The log line names the route pattern, not the path, and never the cookie, the query string or
//! a body: paths and queries can carry sample names.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::rc::Rc;
use std::time::Instant;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpRequest};
use chrono::Utc;
use ella_db::account;
use ella_db::resourcelog::{self, NewResourceLog};

use crate::extract::RawBody;
use crate::session::{token_hash, RequestSession, COOKIE_NAME};
use crate::{ApiError, AppState};

/// ELLA's `Cache-Control` for JSON responses that do not set their own (api.md §1.3).
const NO_CACHE: &str = "no-store, no-cache, must-revalidate, post-check=0, pre-check=0";

/// Largest request body the server reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Marker of a route whose request bodies the request log must not keep (api.md §2.9: login,
/// change password); set when the route is reached, as ELLA sets it when the handler is entered.
#[derive(Debug, Clone, Copy)]
struct PayloadHidden;

/// The body of a response that the request log keeps in `resourcelog.response` (api.md §2.9:
/// only `GET /alleles/{allele_id}/analyses/` opts in, for auditing). The handler puts it into
/// the response's extensions.
#[derive(Debug, Clone)]
pub struct AuditedResponse(pub String);

/// Route middleware that marks the request's body as hidden from the request log.
pub async fn hide_payload(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    request.extensions_mut().insert(PayloadHidden);
    next.call(request).await
}

/// App middleware: the whole request cycle.
pub async fn request_cycle(
    state: web::Data<AppState>,
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let mut response = match prepare(&state, &mut request).await {
        Ok(()) => next.call(request).await?.map_into_boxed_body(),
        Err(error) => request.error_response(error),
    };
    if is_json(&response) && !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(NO_CACHE),
        );
    }
    record(&state, &response, started).await;
    Ok(response)
}

/// Resolves the session and reads the body of a writing request.
async fn prepare(state: &AppState, request: &mut ServiceRequest) -> Result<(), ApiError> {
    if let Some(cookie) = request.cookie(COOKIE_NAME) {
        let hash = token_hash(cookie.value());
        // Its own statement, committed at once, apart from the handler's transaction.
        let session = state
            .run(move |conn| Ok(account::resume_session(conn, &hash, Utc::now())?))
            .await?;
        if let Some(session) = session {
            request
                .extensions_mut()
                .insert(RequestSession(Rc::new(session)));
        }
    }
    if writes(request.method()) && !is_multipart(request) {
        let body = request.extract::<web::Bytes>().await.map_err(|error| {
            if error.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::InvalidRequest(format!("request body: {error}"))
            }
        })?;
        request.extensions_mut().insert(RawBody(body));
    }
    Ok(())
}

/// Whether the body is `multipart/form-data` (an attachment upload): it is streamed by the
/// handler, never held in memory, and not copied to the request log.
fn is_multipart(request: &ServiceRequest) -> bool {
    request
        .mime_type()
        .ok()
        .flatten()
        .is_some_and(|mime| mime.type_() == "multipart" && mime.subtype() == "form-data")
}

/// The methods whose bodies ELLA reads and logs.
fn writes(method: &Method) -> bool {
    [Method::PUT, Method::POST, Method::PATCH, Method::DELETE].contains(method)
}

fn is_json(response: &ServiceResponse<BoxBody>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"))
}

/// Writes the `resourcelog` row and the log line of a finished request. A failed insert is
/// logged and ignored, as in ELLA.
async fn record(state: &AppState, response: &ServiceResponse<BoxBody>, started: Instant) {
    let entry = LogEntry::new(response.request(), response, started);
    tracing::info!(
        http.method = %entry.method,
        http.route = response.request().match_pattern().as_deref().unwrap_or("-"),
        http.status = entry.statuscode,
        duration_ms = entry.duration_ms,
        session.id = ?entry.usersession_id,
        "request"
    );
    let written = state
        .run(move |conn| Ok(resourcelog::insert_resource_log(conn, &entry.as_row())?))
        .await;
    if let Err(error) = written {
        tracing::warn!(error = %error, "request log row not written");
    }
}

/// The owned values of a `resourcelog` row, to move to a blocking thread.
struct LogEntry {
    remote_addr: String,
    duration_ms: i32,
    usersession_id: Option<i32>,
    method: String,
    resource: String,
    query: String,
    response: Option<String>,
    response_size: i32,
    payload: Option<String>,
    payload_size: i32,
    statuscode: i32,
}

impl LogEntry {
    fn new(request: &HttpRequest, response: &ServiceResponse<BoxBody>, started: Instant) -> Self {
        // Before borrowing the extensions: `connection_info` caches itself in them.
        let remote_addr = client_address(request).to_string();
        let extensions = request.extensions();
        let (payload, payload_size) = match extensions.get::<RawBody>() {
            Some(body) if extensions.get::<PayloadHidden>().is_none() => (
                Some(String::from_utf8_lossy(&body.0).into_owned()),
                declared_length(request),
            ),
            _ => (None, 0),
        };
        let response_size = match response.response().body().size() {
            BodySize::Sized(size) => i32::try_from(size).unwrap_or(i32::MAX),
            _ => 0,
        };
        Self {
            remote_addr,
            duration_ms: i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX),
            usersession_id: extensions
                .get::<RequestSession>()
                .map(|session| session.0.id),
            method: request.method().to_string(),
            resource: request.path().to_owned(),
            query: request.query_string().to_owned(),
            response: response
                .response()
                .extensions()
                .get::<AuditedResponse>()
                .map(|body| body.0.clone()),
            response_size,
            payload,
            payload_size,
            statuscode: i32::from(response.status().as_u16()),
        }
    }

    fn as_row(&self) -> NewResourceLog<'_> {
        NewResourceLog {
            remote_addr: &self.remote_addr,
            time: Utc::now(),
            duration_ms: self.duration_ms,
            usersession_id: self.usersession_id,
            method: &self.method,
            resource: &self.resource,
            query: &self.query,
            response: self.response.as_deref(),
            response_size: self.response_size,
            payload: self.payload.as_deref(),
            payload_size: self.payload_size,
            statuscode: self.statuscode,
        }
    }
}

/// The request's `Content-Length`, 0 when absent (api.md §2.9).
fn declared_length(request: &HttpRequest) -> i32 {
    request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse().ok())
        .unwrap_or(0)
}

/// The client: the first `X-Forwarded-For` hop (nginx sets it, api.md §1.1), else the peer.
/// Behind a unix socket there is no peer address; the proxy is then local.
fn client_address(request: &HttpRequest) -> IpAddr {
    let info = request.connection_info();
    info.realip_remote_addr()
        .and_then(|text| {
            text.parse::<IpAddr>()
                .ok()
                .or_else(|| text.parse::<SocketAddr>().ok().map(|address| address.ip()))
        })
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}
