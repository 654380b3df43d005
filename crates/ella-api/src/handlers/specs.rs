//! The OpenAPI document of the API (api.md §4.16, `GET /specs/`).

use actix_web::web::Json;
use utoipa::OpenApi;

use crate::openapi::ApiDoc;

/// The OpenAPI 3 document, generated from the handlers and wire types.
#[utoipa::path(get, path = "/api/v1/specs/", tag = "Docs",
    responses((status = 200, body = Object, description = "OpenAPI 3 document")))]
pub async fn get_specs() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
