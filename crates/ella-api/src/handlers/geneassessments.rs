//! Gene assessments (api.md §4.7): listing, and a new assessment that supersedes the current
//! one of its gene.

use actix_web::web::{Data, Json};
use actix_web::HttpResponse;
use chrono::{DateTime, Utc};
use diesel::PgConnection;
use ella_db::geneassessment::{self, GeneAssessmentRow, NewGeneAssessment};

use crate::extract::JsonBody;
use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::geneassessments::{GeneAssessment, GeneAssessmentRequest};
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /geneassessments/`: every column of `geneassessment`.
const GENEASSESSMENT_COLUMNS: &[Column] = &[
    Column::new("id", "geneassessment.id", "integer"),
    Column::new("evaluation", "geneassessment.evaluation", "jsonb"),
    Column::new("user_id", "geneassessment.user_id", "integer"),
    Column::new("usergroup_id", "geneassessment.usergroup_id", "integer"),
    Column::new("date_created", "geneassessment.date_created", "timestamptz"),
    Column::new("genepanel_name", "geneassessment.genepanel_name", "text"),
    Column::new(
        "genepanel_version",
        "geneassessment.genepanel_version",
        "text",
    ),
    Column::new(
        "date_superceeded",
        "geneassessment.date_superceeded",
        "timestamptz",
    ),
    Column::new(
        "previous_assessment_id",
        "geneassessment.previous_assessment_id",
        "integer",
    ),
    Column::new("gene_id", "geneassessment.gene_id", "integer"),
    Column::new("analysis_id", "geneassessment.analysis_id", "integer"),
];

/// Gene assessments, paged and filtered with `q`.
#[utoipa::path(get, path = "/api/v1/geneassessments/", tag = "GeneAssessment",
    params(
        ("q" = Option<String>, Query, description = "JSON filter (api.md §1.5) on `geneassessment`"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses((status = 200, body = Vec<GeneAssessment>, description = "With the paging headers")))]
pub async fn list_geneassessments(
    state: Data<AppState>,
    _caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    if filter.selects_nothing() {
        return Ok(paging.respond::<GeneAssessment>(&[], 0));
    }
    let (limit, offset) = paging.limit_offset();
    let (assessments, total) = state
        .run(move |conn| {
            let total = geneassessment::count(conn, filter.conditions(GENEASSESSMENT_COLUMNS)?)?;
            let rows = geneassessment::page(
                conn,
                filter.conditions(GENEASSESSMENT_COLUMNS)?,
                limit,
                offset,
            )?;
            Ok((with_users(conn, rows, Utc::now())?, total))
        })
        .await?;
    Ok(paging.respond(&assessments, total))
}

/// The wire forms of `rows` with their authors.
fn with_users(
    conn: &mut PgConnection,
    rows: Vec<GeneAssessmentRow>,
    now: DateTime<Utc>,
) -> Result<Vec<GeneAssessment>, ApiError> {
    let ids: Vec<i32> = rows.iter().map(|row| row.user_id).collect();
    let users = ella_db::user::with_group_names(conn, &ids)?;
    rows.into_iter()
        .map(|row| {
            let (user, group_name) = users
                .get(&row.user_id)
                .ok_or_else(|| ApiError::NotFound(format!("user {}", row.user_id)))?;
            Ok(GeneAssessment::new(row, user, group_name, now))
        })
        .collect()
}

/// Assesses a gene; the current assessment of the gene, if any, must be the one the user saw.
#[utoipa::path(post, path = "/api/v1/geneassessments/", tag = "GeneAssessment",
    request_body = GeneAssessmentRequest,
    responses(
        (status = 200, body = GeneAssessment, description = "The new assessment"),
        (status = 500, description = "Invalid request, or the presented assessment is not the current one", body = ErrorMessage),
    ))]
pub async fn create_geneassessment(
    state: Data<AppState>,
    caller: Authenticated,
    body: JsonBody<GeneAssessmentRequest>,
) -> Result<Json<GeneAssessment>, ApiError> {
    let request = body.0;
    let (user_id, group_id) = (caller.0.user.id, caller.0.user.group_id);
    let assessment = state
        .transaction(move |conn| {
            let row = assess_gene(conn, user_id, group_id, &request, Utc::now())?;
            let mut assessments = with_users(conn, vec![row], Utc::now())?;
            assessments
                .pop()
                .ok_or_else(|| ApiError::Internal("no assessment".into()))
        })
        .await?;
    Ok(Json(assessment))
}

/// The rule of api.md §4.7.
fn assess_gene(
    conn: &mut PgConnection,
    user_id: i32,
    group_id: i32,
    request: &GeneAssessmentRequest,
    now: DateTime<Utc>,
) -> Result<GeneAssessmentRow, ApiError> {
    let id = |value: i64, what: &str| {
        i32::try_from(value).map_err(|_| ApiError::InvalidRequest(format!("{what} out of range")))
    };
    let gene_id = id(request.gene_id.0, "gene_id")?;
    let analysis_id = request
        .analysis_id
        .map(|analysis_id| id(analysis_id.0, "analysis_id"))
        .transpose()?;
    if let Some(analysis_id) = analysis_id {
        if ella_db::analysis::find_by_id(conn, analysis_id)?.is_none() {
            return Err(ApiError::NotFound(format!("analysis {analysis_id}")));
        }
    }
    let current = geneassessment::current_for_gene(conn, gene_id)?;
    if let Some(current) = &current {
        let presented = request
            .presented_geneassessment_id
            .map(|presented| presented.0);
        if presented != Some(i64::from(current.id)) {
            let given = presented.map_or_else(|| "None".to_owned(), |id| id.to_string());
            return Err(ApiError::Rule(format!(
                "'presented_geneassessment_id': {given} does not match latest existing geneassessment id: {}",
                current.id
            )));
        }
        geneassessment::supersede(conn, current.id, now)?;
    }
    let evaluation = serde_json::to_value(&request.evaluation)
        .map_err(|error| ApiError::Internal(error.to_string()))?;
    Ok(geneassessment::insert(
        conn,
        &NewGeneAssessment {
            evaluation: &evaluation,
            user_id,
            usergroup_id: group_id,
            date_created: now,
            genepanel_name: &request.genepanel_name.0,
            genepanel_version: &request.genepanel_version.0,
            previous_assessment_id: current.map(|current| current.id),
            gene_id,
            analysis_id,
        },
    )?)
}
