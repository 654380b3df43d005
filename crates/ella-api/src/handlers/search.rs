//! Search (api.md §4.11): variants and analyses from the overview page's search box, and the
//! gene and user suggestions of its selects.

use actix_web::web::{Data, Json};
use actix_web::{HttpRequest, HttpResponse};
use chrono::Utc;
use ella_db::search::{self, AnalysisSearch};

use crate::extract::required_query_value;
use crate::paging::Paging;
use crate::search_query::{OptionsQuery, SearchQuery, SearchType};
use crate::session::Authenticated;
use crate::wire::overviews::OverviewAnalysis;
use crate::wire::search::{SearchAllele, SearchOptions, SearchResults};
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// Searches variants or analyses. A query that is not complete yet (api.md §4.11, readiness)
/// finds nothing.
#[utoipa::path(get, path = "/api/v1/search/", tag = "Search",
    params(
        ("q" = String, Query, description = "JSON `{\"type\": \"alleles\"|\"analyses\", \"freetext\"?, \"gene\"?: {\"hgnc_id\"}, \"user\"?: {\"username\"}}`"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
        ("limit" = Option<i64>, Query, description = "Cap on the number of matches"),
    ),
    responses(
        (status = 200, body = SearchResults, description = "With `Total-Count` (matches, capped by `limit`), `Total-Pages`, `Page`, `Per-Page` headers"),
        (status = 403, description = "Not logged in"),
        (status = 500, description = "`q` missing or invalid", body = ErrorMessage),
    ))]
pub async fn search(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
    request: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let query = SearchQuery::parse(&required_query_value(&request, "q")?)?;
    if !query.is_ready() {
        return Ok(paging.respond_with(&SearchResults::default(), 0));
    }
    let group_id = caller.0.user.group_id;
    match query.kind {
        SearchType::Analyses => {
            let (total, hits) = state
                .run(move |conn| {
                    let search = AnalysisSearch {
                        name_contains: query.freetext.as_deref(),
                        username: query.username.as_deref(),
                    };
                    let ids = search::analysis_ids(conn, group_id, search, paging.limit)?;
                    Ok((ids.len(), search::analysis_hits(conn, paging.slice(&ids))?))
                })
                .await?;
            let results = SearchResults {
                analyses: hits.into_iter().map(OverviewAnalysis::from).collect(),
                ..SearchResults::default()
            };
            Ok(paging.respond_with(&results, i64::try_from(total).unwrap_or(i64::MAX)))
        }
        SearchType::Alleles => {
            let settings = state.annotation_settings();
            let (total, hits) = state
                .run(move |conn| {
                    let search = query.allele_search(settings.inclusion_regex.as_deref());
                    let ids = search::allele_ids(conn, &search, paging.limit)?;
                    let hgvs = search.hgvs.map(|hgvs| (hgvs.kind, hgvs.prefix));
                    let hits =
                        search::allele_hits(conn, paging.slice(&ids), group_id, &settings, hgvs)?;
                    Ok((ids.len(), hits))
                })
                .await?;
            let now = Utc::now();
            let results = SearchResults {
                alleles: hits
                    .into_iter()
                    .map(|hit| SearchAllele::new(hit, now))
                    .collect(),
                ..SearchResults::default()
            };
            Ok(paging.respond_with(&results, i64::try_from(total).unwrap_or(i64::MAX)))
        }
    }
}

/// Suggestions for the search box: genes of the caller's panels by symbol prefix, users of the
/// caller's group by name prefix.
#[utoipa::path(get, path = "/api/v1/search/options/", tag = "Search",
    params(("q" = String, Query, description = "JSON `{\"gene\"?: prefix, \"user\"?: prefix}`")),
    responses(
        (status = 200, body = SearchOptions, description = "A key for each prefix given"),
        (status = 403, description = "Not logged in"),
        (status = 500, description = "`q` missing or invalid", body = ErrorMessage),
    ))]
pub async fn search_options(
    state: Data<AppState>,
    caller: Authenticated,
    request: HttpRequest,
) -> Result<Json<SearchOptions>, ApiError> {
    let query = OptionsQuery::parse(&required_query_value(&request, "q")?)?;
    let group_id = caller.0.user.group_id;
    let options = state
        .run(move |conn| {
            let gene = query
                .gene
                .map(|prefix| search::gene_options(conn, group_id, &prefix))
                .transpose()?;
            let user = query
                .user
                .map(|prefix| search::user_options(conn, group_id, &prefix))
                .transpose()?;
            Ok(SearchOptions {
                gene: gene.map(|genes| genes.into_iter().map(Into::into).collect()),
                user: user.map(|users| users.into_iter().map(Into::into).collect()),
            })
        })
        .await?;
    Ok(Json(options))
}
