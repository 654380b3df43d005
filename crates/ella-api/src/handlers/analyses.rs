//! Analyses (api.md §4.3, `GET /analyses/`, `GET /analyses/{analysis_id}/`), visible only when
//! their gene panel is one of the caller's group's panels (api.md §2.7).

use actix_web::web::{Data, Json, Path};
use actix_web::HttpResponse;
use ella_db::analysis_view;

use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::analyses::Analysis;
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /analyses/`: every column of the `analysis` table.
const ANALYSIS_COLUMNS: &[Column] = &[
    Column::new("id", "analysis.id", "integer"),
    Column::new("name", "analysis.name", "text"),
    Column::new("genepanel_name", "analysis.genepanel_name", "text"),
    Column::new("genepanel_version", "analysis.genepanel_version", "text"),
    Column::new("warnings", "analysis.warnings", "text"),
    Column::new("report", "analysis.report", "text"),
    Column::new("date_deposited", "analysis.date_deposited", "timestamptz"),
    Column::new("properties", "analysis.properties", "jsonb"),
    Column::new("date_requested", "analysis.date_requested", "timestamptz"),
];

/// The analyses of the caller's gene panels, by id, paged and filtered with `q`.
#[utoipa::path(get, path = "/api/v1/analyses/", tag = "Analysis",
    params(
        ("q" = Option<String>, Query, description = "JSON filter (api.md §1.5); the panel is always one of the caller's group's"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses((status = 200, body = Vec<Analysis>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers")))]
pub async fn list_analyses(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    if filter.selects_nothing() {
        return Ok(paging.respond::<Analysis>(&[], 0));
    }
    let group_id = caller.0.user.group_id;
    let (limit, offset) = paging.limit_offset();
    let page = state
        .run(move |conn| {
            let conditions = filter.conditions(ANALYSIS_COLUMNS)?;
            Ok(analysis_view::visible_page(
                conn, group_id, conditions, limit, offset,
            )?)
        })
        .await?;
    let analyses: Vec<Analysis> = page.analyses.into_iter().map(Analysis::from).collect();
    Ok(paging.respond(&analyses, page.total))
}

/// One analysis of the caller's gene panels; any other analysis id is 500, as in ELLA.
#[utoipa::path(get, path = "/api/v1/analyses/{analysis_id}/", tag = "Analysis",
    params(("analysis_id" = i32, Path, description = "Analysis id")),
    responses(
        (status = 200, body = Analysis),
        (status = 403, description = "Not logged in"),
        (status = 500, description = "No such analysis, or not of the caller's gene panels", body = ErrorMessage),
    ))]
pub async fn get_analysis(
    state: Data<AppState>,
    caller: Authenticated,
    analysis_id: Path<i32>,
) -> Result<Json<Analysis>, ApiError> {
    let group_id = caller.0.user.group_id;
    let analysis_id = analysis_id.into_inner();
    let view = state
        .run(move |conn| {
            analysis_view::find_visible(conn, group_id, analysis_id)?
                .ok_or_else(|| ApiError::NotFound(format!("analysis {analysis_id}")))
        })
        .await?;
    Ok(Json(Analysis::from(view)))
}
