//! Request extractors with ELLA's conventions (api.md §1.2): JSON bodies and query parameters.
//!
//! Framework errors would come back in actix's shapes, so these extractors fail with
//! [`ApiError`] instead: a body that is not JSON is 400, one that fails validation is 500.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::lax::python_int;
use crate::ApiError;

/// The body of a writing request, read by the middleware (which enforces the size limit) and
/// kept in the request's extensions for the request log and [`JsonBody`].
#[derive(Debug, Clone)]
pub struct RawBody(pub Bytes);

/// A JSON object body parsed into the request model `T`.
///
/// As in ELLA (Flask's `get_json` and pydantic): a body without a JSON content type counts as
/// `null`, which fails validation; invalid JSON is 400; a body that is not an object or does not
/// fit `T` (unknown or missing keys, wrong types) is 500.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse_body(request).map(Self))
    }
}

fn parse_body<T: DeserializeOwned>(request: &HttpRequest) -> Result<T, ApiError> {
    let value = if declares_json(request) {
        let extensions = request.extensions();
        let body = extensions.get::<RawBody>().map_or(&b""[..], |body| &body.0);
        serde_json::from_slice::<Value>(body).map_err(|_| ApiError::MalformedJson)?
    } else {
        Value::Null
    };
    // serde would also take an array for a struct, positionally; pydantic takes only objects.
    if !value.is_object() {
        return Err(ApiError::InvalidRequest("body: not a JSON object".into()));
    }
    T::deserialize(value).map_err(|error| ApiError::InvalidRequest(format!("body: {error}")))
}

/// Flask's `is_json`: `application/json` or `application/*+json`.
fn declares_json(request: &HttpRequest) -> bool {
    request.mime_type().ok().flatten().is_some_and(|mime| {
        mime.type_() == "application"
            && (mime.subtype() == "json" || mime.suffix().is_some_and(|suffix| suffix == "json"))
    })
}

/// The query parameter `name`, which the endpoint requires (ELLA: `KeyError`, 500).
pub fn required_query_value(request: &HttpRequest, name: &str) -> Result<String, ApiError> {
    query_value(request, name)
        .ok_or_else(|| ApiError::InvalidRequest(format!("query parameter `{name}` is missing")))
}

/// The comma-separated ids of the required query parameter `name`. As in ELLA, which casts the
/// items to integers, every item must be an integer (empty items fail too).
pub fn required_ids(request: &HttpRequest, name: &str) -> Result<Vec<i32>, ApiError> {
    let text = required_query_value(request, name)?;
    text.split(',')
        .map(|item| {
            python_int(item)
                .and_then(|id| i32::try_from(id).ok())
                .ok_or_else(|| ApiError::InvalidRequest(format!("`{name}` item")))
        })
        .collect()
}

/// The first value of the query parameter `name`, as Flask's `request.args.get` gives it.
pub fn query_value(request: &HttpRequest, name: &str) -> Option<String> {
    actix_web::web::Query::<Vec<(String, String)>>::from_query(request.query_string())
        .ok()?
        .into_inner()
        .into_iter()
        .find_map(|(key, value)| (key == name).then_some(value))
}
