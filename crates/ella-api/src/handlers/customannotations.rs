//! Custom annotations (api.md §4.10): listing, and a new version of an allele's annotation that
//! merges the posted keys into the current one.

use actix_web::web::{Data, Json};
use actix_web::HttpResponse;
use chrono::Utc;
use ella_db::customannotation::{self, NewCustomAnnotation};
use serde_json::{Map, Value};

use crate::extract::JsonBody;
use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::customannotations::{CustomAnnotation, CustomAnnotationRequest};
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /customannotations/`: every column of `customannotation`.
const CUSTOMANNOTATION_COLUMNS: &[Column] = &[
    Column::new("id", "customannotation.id", "integer"),
    Column::new("annotations", "customannotation.annotations", "jsonb"),
    Column::new("allele_id", "customannotation.allele_id", "integer"),
    Column::new("user_id", "customannotation.user_id", "integer"),
    Column::new(
        "previous_annotation_id",
        "customannotation.previous_annotation_id",
        "integer",
    ),
    Column::new(
        "date_superceeded",
        "customannotation.date_superceeded",
        "timestamptz",
    ),
    Column::new(
        "date_created",
        "customannotation.date_created",
        "timestamptz",
    ),
];

/// Custom annotations filtered with `q` (all of them; the paging headers only).
#[utoipa::path(get, path = "/api/v1/customannotations/", tag = "CustomAnnotation",
    params(("q" = Option<String>, Query, description = "JSON filter (api.md §1.5) on `customannotation`")),
    responses((status = 200, body = Vec<CustomAnnotation>, description = "All matches, with the paging headers")))]
pub async fn list_customannotations(
    state: Data<AppState>,
    _caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    if filter.selects_nothing() {
        return Ok(paging.respond::<CustomAnnotation>(&[], 0));
    }
    let rows = state
        .run(move |conn| {
            Ok(customannotation::matching(
                conn,
                filter.conditions(CUSTOMANNOTATION_COLUMNS)?,
            )?)
        })
        .await?;
    let annotations: Vec<CustomAnnotation> = rows.into_iter().map(CustomAnnotation::from).collect();
    let total = i64::try_from(annotations.len()).unwrap_or(i64::MAX);
    Ok(paging.respond(&annotations, total))
}

/// Sets keys of an allele's custom annotation: a new version supersedes the current one.
#[utoipa::path(post, path = "/api/v1/customannotations/", tag = "CustomAnnotation",
    request_body = CustomAnnotationRequest,
    responses(
        (status = 200, body = CustomAnnotation, description = "The new version"),
        (status = 500, description = "Invalid request or unknown allele", body = ErrorMessage),
    ))]
pub async fn create_customannotation(
    state: Data<AppState>,
    caller: Authenticated,
    body: JsonBody<CustomAnnotationRequest>,
) -> Result<Json<CustomAnnotation>, ApiError> {
    let request = body.0;
    let user_id = caller.0.user.id;
    let allele_id = i32::try_from(request.allele_id.0)
        .map_err(|_| ApiError::InvalidRequest("allele_id out of range".into()))?;
    let row = state
        .transaction(move |conn| {
            let now = Utc::now();
            let current = customannotation::current_for_allele(conn, allele_id)?;
            let mut annotations = match current.as_ref().and_then(|row| row.annotations.clone()) {
                Some(Value::Object(existing)) => existing,
                _ => Map::new(),
            };
            annotations.extend(request.annotations);
            let annotations = without_nulls(Value::Object(annotations));
            if let Some(current) = &current {
                customannotation::supersede(conn, current.id, now)?;
            }
            Ok(customannotation::insert(
                conn,
                &NewCustomAnnotation {
                    annotations: &annotations,
                    allele_id,
                    user_id,
                    previous_annotation_id: current.map(|current| current.id),
                    date_created: now,
                },
            )?)
        })
        .await?;
    Ok(Json(CustomAnnotation::from(row)))
}

/// `value` with every `null`-valued key removed from its objects, recursively through nested
/// objects; lists are left as they are (ELLA's rule).
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key, without_nulls(value)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::without_nulls;

    #[test]
    fn nulls_go_from_objects_but_not_from_lists() {
        let value = json!({"a": null, "b": {"c": null, "d": 1}, "e": [null, {"f": null}]});
        assert_eq!(
            without_nulls(value),
            json!({"b": {"d": 1}, "e": [null, {"f": null}]})
        );
    }
}
