//! Annotation configs by id (api.md §4.2, `GET /annotationconfigs/`).

use actix_web::web::{Data, Json};
use actix_web::HttpRequest;

use crate::extract::required_ids;
use crate::session::Authenticated;
use crate::wire::AnnotationConfig;
use crate::{ApiError, AppState};

/// The annotation configs named by `annotation_config_ids`, in id order; every id must exist.
#[utoipa::path(get, path = "/api/v1/annotationconfigs/", tag = "Config",
    params(("annotation_config_ids" = String, Query, description = "Comma-separated ids")),
    responses((status = 200, body = Vec<AnnotationConfig>)))]
pub async fn list_annotation_configs(
    state: Data<AppState>,
    _caller: Authenticated,
    request: HttpRequest,
) -> Result<Json<Vec<AnnotationConfig>>, ApiError> {
    // ELLA asserts one row per requested id, so a repeated or empty item fails too.
    let ids = required_ids(&request, "annotation_config_ids")?;
    let configs = state
        .run(move |conn| {
            let configs: Vec<AnnotationConfig> =
                ella_db::annotationconfig::views_by_ids(conn, &ids)?
                    .into_iter()
                    .map(|(id, view)| AnnotationConfig { id, view })
                    .collect();
            // ELLA asserts one row per requested id, so a repeated id fails too.
            if configs.len() == ids.len() {
                Ok(configs)
            } else {
                Err(ApiError::NotFound(format!("annotation configs {ids:?}")))
            }
        })
        .await?;
    Ok(Json(configs))
}
