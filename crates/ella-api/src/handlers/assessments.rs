//! Allele assessments, allele reports and reference assessments (api.md §4.6), read only.
//!
//! Classifications are shared knowledge in ELLA: every group sees a variant's assessments
//! through the allele object (api.md §6.4), so these lists are not restricted by group either.

use actix_web::web::{Data, Json, Path};
use actix_web::HttpResponse;
use chrono::Utc;
use ella_db::assessment_view::{self, Selection};

use super::listing::filtered_page;
use crate::extract::JsonBody;
use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::alleles::{
    AlleleAssessment, AlleleReport, ReferenceAssessment, ReferenceAssessmentPostRequest,
};
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /alleleassessments/`.
const ALLELE_ASSESSMENT_COLUMNS: &[Column] = &[
    Column::new("id", "alleleassessment.id", "integer"),
    Column::new(
        "classification",
        "alleleassessment.classification",
        "alleleassessment_classification",
    ),
    Column::new("evaluation", "alleleassessment.evaluation", "jsonb"),
    Column::new("user_id", "alleleassessment.user_id", "integer"),
    Column::new(
        "date_created",
        "alleleassessment.date_created",
        "timestamptz",
    ),
    Column::new(
        "date_superceeded",
        "alleleassessment.date_superceeded",
        "timestamptz",
    ),
    Column::new(
        "previous_assessment_id",
        "alleleassessment.previous_assessment_id",
        "integer",
    ),
    Column::new("allele_id", "alleleassessment.allele_id", "integer"),
    Column::new("genepanel_name", "alleleassessment.genepanel_name", "text"),
    Column::new(
        "genepanel_version",
        "alleleassessment.genepanel_version",
        "text",
    ),
    Column::new("analysis_id", "alleleassessment.analysis_id", "integer"),
    Column::new("annotation_id", "alleleassessment.annotation_id", "integer"),
    Column::new(
        "custom_annotation_id",
        "alleleassessment.custom_annotation_id",
        "integer",
    ),
    Column::new("usergroup_id", "alleleassessment.usergroup_id", "integer"),
];

/// The columns `q` may name on `GET /allelereports/`.
const ALLELE_REPORT_COLUMNS: &[Column] = &[
    Column::new("id", "allelereport.id", "integer"),
    Column::new("evaluation", "allelereport.evaluation", "jsonb"),
    Column::new("user_id", "allelereport.user_id", "integer"),
    Column::new("date_created", "allelereport.date_created", "timestamptz"),
    Column::new(
        "date_superceeded",
        "allelereport.date_superceeded",
        "timestamptz",
    ),
    Column::new(
        "previous_report_id",
        "allelereport.previous_report_id",
        "integer",
    ),
    Column::new("allele_id", "allelereport.allele_id", "integer"),
    Column::new("analysis_id", "allelereport.analysis_id", "integer"),
    Column::new(
        "alleleassessment_id",
        "allelereport.alleleassessment_id",
        "integer",
    ),
    Column::new("usergroup_id", "allelereport.usergroup_id", "integer"),
];

/// The columns `q` may name on `GET /referenceassessments/`.
const REFERENCE_ASSESSMENT_COLUMNS: &[Column] = &[
    Column::new("id", "referenceassessment.id", "integer"),
    Column::new(
        "reference_id",
        "referenceassessment.reference_id",
        "integer",
    ),
    Column::new("evaluation", "referenceassessment.evaluation", "jsonb"),
    Column::new("user_id", "referenceassessment.user_id", "integer"),
    Column::new(
        "date_created",
        "referenceassessment.date_created",
        "timestamptz",
    ),
    Column::new(
        "date_superceeded",
        "referenceassessment.date_superceeded",
        "timestamptz",
    ),
    Column::new(
        "genepanel_name",
        "referenceassessment.genepanel_name",
        "text",
    ),
    Column::new(
        "genepanel_version",
        "referenceassessment.genepanel_version",
        "text",
    ),
    Column::new("allele_id", "referenceassessment.allele_id", "integer"),
    Column::new(
        "previous_assessment_id",
        "referenceassessment.previous_assessment_id",
        "integer",
    ),
    Column::new("analysis_id", "referenceassessment.analysis_id", "integer"),
    Column::new(
        "usergroup_id",
        "referenceassessment.usergroup_id",
        "integer",
    ),
];

/// ELLA's page size for reference assessments, whatever `per_page` says ("effectively
/// everything", api.md §4.6).
const REFERENCE_ASSESSMENT_PAGE: i64 = 100_000;

/// Allele assessments, by id, paged and filtered with `q`.
#[utoipa::path(get, path = "/api/v1/alleleassessments/", tag = "AlleleAssessment",
    params(
        ("q" = Option<String>, Query, description = "JSON filter on the alleleassessment table (api.md §1.5)"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses((status = 200, body = Vec<AlleleAssessment>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers")))]
pub async fn list_allele_assessments(
    state: Data<AppState>,
    _caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let page = paging.limit_offset();
    filtered_page(
        &state,
        paging,
        filter,
        ALLELE_ASSESSMENT_COLUMNS,
        page,
        assessment_view::allele_assessment_page,
        |record| AlleleAssessment::new(record, now),
    )
    .await
}

/// One allele assessment; an unknown id is 500, as in ELLA.
#[utoipa::path(get, path = "/api/v1/alleleassessments/{aa_id}/", tag = "AlleleAssessment",
    params(("aa_id" = i32, Path, description = "Allele assessment id")),
    responses(
        (status = 200, body = AlleleAssessment),
        (status = 500, description = "No such assessment", body = ErrorMessage),
    ))]
pub async fn get_allele_assessment(
    state: Data<AppState>,
    _caller: Authenticated,
    id: Path<i32>,
) -> Result<Json<AlleleAssessment>, ApiError> {
    let id = id.into_inner();
    let record = state
        .run(move |conn| {
            assessment_view::allele_assessments(conn, &[], &Selection::Ids(vec![id]))?
                .pop()
                .ok_or_else(|| ApiError::NotFound(format!("allele assessment {id}")))
        })
        .await?;
    Ok(Json(AlleleAssessment::new(record, Utc::now())))
}

/// Allele reports, by id, paged and filtered with `q`.
#[utoipa::path(get, path = "/api/v1/allelereports/", tag = "AlleleReport",
    params(
        ("q" = Option<String>, Query, description = "JSON filter on the allelereport table (api.md §1.5)"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses((status = 200, body = Vec<AlleleReport>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers")))]
pub async fn list_allele_reports(
    state: Data<AppState>,
    _caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now();
    let page = paging.limit_offset();
    filtered_page(
        &state,
        paging,
        filter,
        ALLELE_REPORT_COLUMNS,
        page,
        assessment_view::allele_report_page,
        |record| AlleleReport::new(record, now),
    )
    .await
}

/// One allele report; an unknown id is 500, as in ELLA.
#[utoipa::path(get, path = "/api/v1/allelereports/{ar_id}/", tag = "AlleleReport",
    params(("ar_id" = i32, Path, description = "Allele report id")),
    responses(
        (status = 200, body = AlleleReport),
        (status = 500, description = "No such report", body = ErrorMessage),
    ))]
pub async fn get_allele_report(
    state: Data<AppState>,
    _caller: Authenticated,
    id: Path<i32>,
) -> Result<Json<AlleleReport>, ApiError> {
    let id = id.into_inner();
    let record = state
        .run(move |conn| {
            assessment_view::allele_reports(conn, &[], &Selection::Ids(vec![id]))?
                .pop()
                .ok_or_else(|| ApiError::NotFound(format!("allele report {id}")))
        })
        .await?;
    Ok(Json(AlleleReport::new(record, Utc::now())))
}

/// Reference assessments, by id, filtered with `q`; the paging headers follow `page` and
/// `per_page`, but a page holds up to 100 000 rows, as in ELLA.
#[utoipa::path(get, path = "/api/v1/referenceassessments/", tag = "ReferenceAssessment",
    params(
        ("q" = Option<String>, Query, description = "JSON filter on the referenceassessment table (api.md §1.5)"),
        ("page" = Option<i64>, Query, description = "1-based page of 100 000 rows"),
        ("per_page" = Option<i64>, Query, description = "Reported in the headers only"),
    ),
    responses((status = 200, body = Vec<ReferenceAssessment>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers")))]
pub async fn list_reference_assessments(
    state: Data<AppState>,
    _caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    let offset = (paging.page.max(1) - 1) * REFERENCE_ASSESSMENT_PAGE;
    filtered_page(
        &state,
        paging,
        filter,
        REFERENCE_ASSESSMENT_COLUMNS,
        (REFERENCE_ASSESSMENT_PAGE, offset),
        assessment_view::reference_assessment_page,
        ReferenceAssessment::from,
    )
    .await
}

/// One reference assessment; an unknown id is 500, as in ELLA.
#[utoipa::path(get, path = "/api/v1/referenceassessments/{ra_id}/", tag = "ReferenceAssessment",
    params(("ra_id" = i32, Path, description = "Reference assessment id")),
    responses(
        (status = 200, body = ReferenceAssessment),
        (status = 500, description = "No such reference assessment", body = ErrorMessage),
    ))]
pub async fn get_reference_assessment(
    state: Data<AppState>,
    _caller: Authenticated,
    id: Path<i32>,
) -> Result<Json<ReferenceAssessment>, ApiError> {
    let id = id.into_inner();
    let row = state
        .run(move |conn| {
            assessment_view::reference_assessments(conn, &[], &Selection::Ids(vec![id]))?
                .pop()
                .ok_or_else(|| ApiError::NotFound(format!("reference assessment {id}")))
        })
        .await?;
    Ok(Json(ReferenceAssessment::from(row)))
}

/// Creating reference assessments outside a workflow: ELLA 1.17 validates the body and then always
/// fails (its handler names a column that does not exist), and the web UI never calls it. The
/// body is validated the same way and the answer is ELLA's 500; reference assessments are made
/// with `actions/finalizeallele/` (api.md §5.6).
#[utoipa::path(post, path = "/api/v1/referenceassessments/", tag = "ReferenceAssessment",
    request_body = ReferenceAssessmentPostRequest,
    responses(
        (status = 400, description = "The body is not JSON", body = ErrorMessage),
        (status = 500, description = "Always, as in ELLA 1.17", body = ErrorMessage),
    ))]
pub async fn create_reference_assessment(
    _caller: Authenticated,
    _body: JsonBody<ReferenceAssessmentPostRequest>,
) -> Result<HttpResponse, ApiError> {
    Err(ApiError::Internal(
        "POST /referenceassessments/ is not supported (it always fails in ELLA 1.17)".into(),
    ))
}
