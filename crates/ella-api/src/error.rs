//! The one error type of the API and how it becomes ELLA's error responses (api.md §1.4).
//!
//! Every failure of a request ends here. The status and body of each variant are decided in one
//! `match` ([`ApiError::reply`]); 500 responses never carry the internal detail, which is logged
//! once, when the response is built.

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::wire::{ErrorMessage, TEXT_HTML};

/// The body of every 500 response; the detail goes to the log only.
const INTERNAL_SERVER_ERROR: &str = "Internal Server Error";

/// Flask's text for a body that is not valid JSON (api.md §1.2).
const MALFORMED_JSON: &str =
    "The browser (or proxy) sent a request that this server could not understand.";

/// Werkzeug's text for a body over the size limit.
const PAYLOAD_TOO_LARGE: &str = "The data value transmitted exceeds the capacity limit.";

/// Flask's text for a method a route does not have (api.md §1.1).
const METHOD_NOT_ALLOWED: &str = "The method is not allowed for the requested URL.";

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The endpoint needs a session and the request has none (api.md §2.3).
    #[error("authentication required")]
    AuthenticationRequired,
    /// A login or password change was refused; the message is ELLA's (api.md §2.4, §2.5).
    #[error("{0}")]
    Unauthorized(String),
    /// The body claims to be JSON but is not (api.md §1.2).
    #[error("the request body is not valid JSON")]
    MalformedJson,
    /// A multipart upload lacks its `file` field (api.md §1.4).
    #[error("the upload has no `file` field")]
    MissingFile,
    /// The body is larger than the server accepts.
    #[error("the request body is too large")]
    PayloadTooLarge,
    /// No route has this path (api.md §1.1).
    #[error("no route has this path")]
    UnknownPath,
    /// The route exists but not with this method (api.md §1.1).
    #[error("the route does not have this method")]
    MethodNotAllowed,
    /// A body, query parameter or path parameter fails validation; ELLA answers 500.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// A business rule refused the request; ELLA answers 500 with the rule's message
    /// (api.md §1.4, "API error").
    #[error("{0}")]
    Rule(String),
    /// Something the request names does not exist; ELLA answers 500, never 404 (api.md §1.4).
    #[error("not found: {0}")]
    NotFound(String),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] ella_db::Error),
    /// Any other failure inside the server (hashing, worker threads, bad configuration data).
    #[error("internal error: {0}")]
    Internal(String),
}

/// What an error answers: status, body and the one extra header ELLA sends.
enum Reply {
    /// `{"message": ...}` as JSON.
    Json(StatusCode, String),
    /// A plain-text body.
    Text(StatusCode, &'static str, Option<(HeaderName, HeaderValue)>),
}

impl ApiError {
    /// The status and body of each error, as ELLA sends them (api.md §1.4).
    fn reply(&self) -> Reply {
        match self {
            // The header name is literally without hyphen in ELLA (api.md §1.4).
            Self::AuthenticationRequired => Reply::Text(
                StatusCode::FORBIDDEN,
                "Authentication required",
                Some((
                    HeaderName::from_static("wwwauthenticate"),
                    HeaderValue::from_static("Basic realm=\"Login Required\""),
                )),
            ),
            Self::Unauthorized(message) => Reply::Json(StatusCode::UNAUTHORIZED, message.clone()),
            Self::Rule(message) => Reply::Json(StatusCode::INTERNAL_SERVER_ERROR, message.clone()),
            Self::MalformedJson | Self::MissingFile => {
                Reply::Json(StatusCode::BAD_REQUEST, MALFORMED_JSON.into())
            }
            Self::PayloadTooLarge => {
                Reply::Json(StatusCode::PAYLOAD_TOO_LARGE, PAYLOAD_TOO_LARGE.into())
            }
            Self::UnknownPath => Reply::Text(StatusCode::BAD_REQUEST, "Bad request", None),
            Self::MethodNotAllowed => {
                Reply::Json(StatusCode::METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED.into())
            }
            Self::InvalidRequest(_) | Self::NotFound(_) | Self::Database(_) | Self::Internal(_) => {
                Reply::Json(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    INTERNAL_SERVER_ERROR.into(),
                )
            }
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self.reply() {
            Reply::Json(status, _) | Reply::Text(status, _, _) => status,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let reply = self.reply();
        if self.status_code().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        match reply {
            Reply::Json(status, message) => {
                HttpResponse::build(status).json(ErrorMessage { message })
            }
            Reply::Text(status, text, extra_header) => {
                let mut response = HttpResponse::build(status);
                response.insert_header((header::CONTENT_TYPE, TEXT_HTML));
                if let Some(extra_header) = extra_header {
                    response.insert_header(extra_header);
                }
                response.body(text)
            }
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Database(error.into())
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        Self::Internal(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use actix_web::body::MessageBody;

    use super::*;

    fn body_of(error: &ApiError) -> String {
        let bytes = error.error_response().into_body().try_into_bytes().unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn every_variant_has_ellas_status() {
        let cases = [
            (ApiError::AuthenticationRequired, 403),
            (ApiError::Unauthorized("Invalid credentials".into()), 401),
            (ApiError::MalformedJson, 400),
            (ApiError::MissingFile, 400),
            (ApiError::PayloadTooLarge, 413),
            (ApiError::UnknownPath, 400),
            (ApiError::MethodNotAllowed, 405),
            (ApiError::InvalidRequest("x".into()), 500),
            (ApiError::NotFound("x".into()), 500),
            (ApiError::Rule("x".into()), 500),
            (ApiError::Database(ella_db::Error::Invalid("x".into())), 500),
            (ApiError::Internal("x".into()), 500),
        ];
        for (error, status) in cases {
            assert_eq!(error.status_code().as_u16(), status, "{error:?}");
        }
    }

    #[test]
    fn server_errors_hide_their_detail() {
        let error = ApiError::InvalidRequest("unknown field `secret`".into());
        assert_eq!(body_of(&error), r#"{"message":"Internal Server Error"}"#);
    }

    #[test]
    fn refusals_carry_ellas_message() {
        let error = ApiError::Unauthorized("Invalid credentials".into());
        assert_eq!(body_of(&error), r#"{"message":"Invalid credentials"}"#);
    }

    #[test]
    fn missing_session_is_plain_text_with_the_hyphenless_header() {
        let response = ApiError::AuthenticationRequired.error_response();
        assert_eq!(
            response.headers().get("WWWAuthenticate").unwrap(),
            "Basic realm=\"Login Required\""
        );
        assert_eq!(
            response.headers().get(header::CONTENT_TYPE).unwrap(),
            TEXT_HTML
        );
        assert_eq!(
            body_of(&ApiError::AuthenticationRequired),
            "Authentication required"
        );
    }
}
