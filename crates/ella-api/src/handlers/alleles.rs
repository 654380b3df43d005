//! Alleles (api.md §4.3): `GET /alleles/` with the allele object of api.md §6,
//! `GET /alleles/by-gene/` and `GET /alleles/{allele_id}/analyses/`.
//!
//! ELLA does no access check on these. Here a gene panel or analysis named in the request must
//! be one of the caller's group's (api.md §2.7, as for `GET /analyses/{id}/`), and the analyses
//! of an allele are only those of the caller's panels (docs/compatibility.md).

use actix_web::http::header::ContentType;
use actix_web::web::{Data, Json, Path};
use actix_web::{HttpRequest, HttpResponse};
use chrono::Utc;
use ella_db::allele_view::{self, AlleleQuery, Include, LinkFilter, PanelKey, Selection};
use ella_db::{analysis_view, usergroup};
use serde_json::Value;

use crate::extract::{query_value, required_ids};
use crate::filter::{Column, RestFilter};
use crate::lax::python_int;
use crate::middleware::AuditedResponse;
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::alleles::{Allele, AlleleGene, AssessmentForm};
use crate::wire::analyses::Analysis;
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /alleles/`: every column of the `allele` table.
const ALLELE_COLUMNS: &[Column] = &[
    Column::new("id", "allele.id", "integer"),
    Column::new("genome_reference", "allele.genome_reference", "text"),
    Column::new("chromosome", "allele.chromosome", "text"),
    Column::new("start_position", "allele.start_position", "integer"),
    Column::new("open_end_position", "allele.open_end_position", "integer"),
    Column::new("change_from", "allele.change_from", "text"),
    Column::new("change_to", "allele.change_to", "text"),
    Column::new("change_type", "allele.change_type", "change_type"),
    Column::new("vcf_pos", "allele.vcf_pos", "integer"),
    Column::new("vcf_ref", "allele.vcf_ref", "text"),
    Column::new("vcf_alt", "allele.vcf_alt", "text"),
    Column::new("length", "allele.length", "integer"),
    Column::new("caller_type", "allele.caller_type", "caller_type"),
];

/// The optional context of `GET /alleles/`.
struct AlleleContext {
    /// `gp_name` and `gp_version`, when both are given.
    genepanel: Option<(String, String)>,
    /// `analysis_id`.
    analysis_id: Option<i32>,
    /// `link`.
    links: LinkFilter,
}

impl AlleleContext {
    fn parse(request: &HttpRequest) -> Result<Self, ApiError> {
        let non_empty = |name| query_value(request, name).filter(|value| !value.is_empty());
        let genepanel = non_empty("gp_name").zip(non_empty("gp_version"));
        let analysis_id = query_value(request, "analysis_id")
            .map(|text| {
                python_int(&text)
                    .and_then(|id| i32::try_from(id).ok())
                    .ok_or_else(|| ApiError::InvalidRequest("`analysis_id` is not an id".into()))
            })
            .transpose()?;
        let links = match non_empty("link") {
            Some(text) => link_filter(&text)?,
            None => LinkFilter::default(),
        };
        Ok(Self {
            genepanel,
            analysis_id,
            links,
        })
    }
}

/// Parses `link` (api.md §4.3): a JSON object whose keys name related rows by id or list of
/// ids; `null` or an empty document means none.
fn link_filter(text: &str) -> Result<LinkFilter, ApiError> {
    let invalid = || ApiError::InvalidRequest("`link` is not an object of ids".into());
    let document = match serde_json::from_str::<Value>(text).map_err(|_| invalid())? {
        Value::Object(document) => document,
        Value::Null => return Ok(LinkFilter::default()),
        _ => return Err(invalid()),
    };
    let selection = |key: &str| -> Result<Selection, ApiError> {
        let Some(value) = document.get(key) else {
            return Ok(Selection::Current);
        };
        let items = match value {
            Value::Array(items) => items.as_slice(),
            single => std::slice::from_ref(single),
        };
        let mut ids = Vec::new();
        for item in items {
            match item {
                // `id IN (NULL)` matches nothing.
                Value::Null => {}
                Value::Number(number) => {
                    ids.push(
                        number
                            .as_i64()
                            .and_then(|id| i32::try_from(id).ok())
                            .ok_or_else(invalid)?,
                    );
                }
                Value::String(text) => ids.push(
                    python_int(text)
                        .and_then(|id| i32::try_from(id).ok())
                        .ok_or_else(invalid)?,
                ),
                _ => return Err(invalid()),
            }
        }
        Ok(Selection::Ids(ids))
    };
    Ok(LinkFilter {
        annotation: selection("annotation_id")?,
        custom_annotation: selection("customannotation_id")?,
        allele_assessment: selection("alleleassessment_id")?,
        reference_assessment: selection("referenceassessment_id")?,
        allele_report: selection("allelereport_id")?,
    })
}

/// The alleles matching `q`, ordered by chromosome and position, as allele objects with
/// annotation, custom annotation, assessments and report.
#[utoipa::path(get, path = "/api/v1/alleles/", tag = "Allele",
    params(
        ("q" = Option<String>, Query, description = "JSON filter on the allele table (api.md §1.5)"),
        ("gp_name" = Option<String>, Query, description = "Gene panel for transcript selection; one of the caller's group's"),
        ("gp_version" = Option<String>, Query, description = "Gene panel version, with `gp_name`"),
        ("analysis_id" = Option<i32>, Query, description = "Analysis of the caller's panels: adds samples, genotypes, tags and warnings"),
        ("link" = Option<String>, Query, description = "JSON object of related-row ids to attach instead of the current ones"),
        ("page" = Option<i64>, Query, description = "Reported in the headers only; every match is returned"),
        ("per_page" = Option<i64>, Query, description = "Reported in the headers only"),
    ),
    responses(
        (status = 200, body = Vec<Allele>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers"),
        (status = 403, description = "Not logged in"),
        (status = 500, description = "Bad input, unknown panel or analysis, or not the caller's", body = ErrorMessage),
    ))]
pub async fn list_alleles(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
    request: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let context = AlleleContext::parse(&request)?;
    if filter.selects_nothing() {
        return Ok(paging.respond::<Allele>(&[], 0));
    }
    let group_id = caller.0.user.group_id;
    let settings = state.annotation_settings();
    let views = state
        .transaction(move |conn| {
            let conditions = filter.conditions(ALLELE_COLUMNS)?;
            if let Some((name, version)) = &context.genepanel {
                if !usergroup::has_genepanel(conn, group_id, name, version)? {
                    return Err(ApiError::NotFound(format!("gene panel {name} {version}")));
                }
            }
            if let Some(analysis_id) = context.analysis_id {
                if !analysis_view::is_visible(conn, group_id, analysis_id)? {
                    return Err(ApiError::NotFound(format!("analysis {analysis_id}")));
                }
            }
            let ids = allele_view::matching_ids(conn, conditions)?;
            let query = AlleleQuery {
                allele_ids: &ids,
                genepanel: context
                    .genepanel
                    .as_ref()
                    .map(|(name, version)| PanelKey { name, version }),
                analysis_id: context.analysis_id,
                filterconfig_id: None,
                links: &context.links,
                include: Include::ALL,
                settings: &settings,
            };
            Ok(allele_view::load(conn, &query)?)
        })
        .await?;
    let now = Utc::now();
    let total = i64::try_from(views.len()).unwrap_or(i64::MAX);
    let alleles: Vec<Allele> = views
        .into_iter()
        .map(|view| Allele::new(view, AssessmentForm::Full, now))
        .collect();
    Ok(paging.respond(&alleles, total))
}

/// The genes of the alleles' current annotation transcripts (those matching
/// `transcripts.inclusion_regex`), each with its alleles.
#[utoipa::path(get, path = "/api/v1/alleles/by-gene/", tag = "Allele",
    params(("allele_ids" = String, Query, description = "Comma-separated allele ids")),
    responses(
        (status = 200, body = Vec<AlleleGene>),
        (status = 403, description = "Not logged in"),
        (status = 500, description = "`allele_ids` missing or not integers", body = ErrorMessage),
    ))]
pub async fn list_alleles_by_gene(
    state: Data<AppState>,
    _caller: Authenticated,
    request: HttpRequest,
) -> Result<Json<Vec<AlleleGene>>, ApiError> {
    let ids = required_ids(&request, "allele_ids")?;
    let settings = state.annotation_settings();
    let genes = state
        .run(move |conn| {
            Ok(allele_view::alleles_by_gene(
                conn,
                &ids,
                settings.inclusion_regex.as_deref(),
            )?)
        })
        .await?;
    Ok(Json(genes.into_iter().map(AlleleGene::from).collect()))
}

/// The analyses of the caller's gene panels that contain the allele. The response is kept in
/// the request log (`resourcelog.response`) for auditing.
#[utoipa::path(get, path = "/api/v1/alleles/{allele_id}/analyses/", tag = "Allele",
    params(("allele_id" = i32, Path, description = "Allele id")),
    responses(
        (status = 200, body = Vec<Analysis>),
        (status = 403, description = "Not logged in"),
    ))]
pub async fn list_allele_analyses(
    state: Data<AppState>,
    caller: Authenticated,
    allele_id: Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let group_id = caller.0.user.group_id;
    let allele_id = allele_id.into_inner();
    let views = state
        .run(move |conn| {
            Ok(analysis_view::visible_with_allele(
                conn, group_id, allele_id,
            )?)
        })
        .await?;
    let analyses: Vec<Analysis> = views.into_iter().map(Analysis::from).collect();
    let body = serde_json::to_string(&analyses)
        .map_err(|error| ApiError::Internal(format!("analyses to JSON: {error}")))?;
    let mut response = HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(body.clone());
    response.extensions_mut().insert(AuditedResponse(body));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_documents() {
        let links = link_filter(
            r#"{"annotation_id": [1, "2"], "alleleassessment_id": 7, "allelereport_id": []}"#,
        )
        .unwrap();
        assert_eq!(links.annotation, Selection::Ids(vec![1, 2]));
        assert_eq!(links.allele_assessment, Selection::Ids(vec![7]));
        assert_eq!(links.allele_report, Selection::Ids(vec![]));
        assert_eq!(links.custom_annotation, Selection::Current);
        assert_eq!(link_filter("null").unwrap(), LinkFilter::default());
        for bad in [
            "[1]",
            "{",
            r#"{"annotation_id": "x"}"#,
            r#"{"annotation_id": [[1]]}"#,
            r#"{"annotation_id": 1.5}"#,
        ] {
            assert!(link_filter(bad).is_err(), "{bad}");
        }
    }
}
