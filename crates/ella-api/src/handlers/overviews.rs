//! The work lists of the overview page (api.md §4.4): analyses and variants by workflow step,
//! the finalized ones and the caller's statistics. Only analyses of the caller's group's gene
//! panels are listed, and variants with a round on one of them (api.md §2.7).

use std::collections::HashMap;

use actix_web::web::{Data, Json};
use actix_web::HttpResponse;
use chrono::Utc;
use ella_db::worklist::{self, Section, Subject};

use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::overviews::{
    AlleleOverview, OverviewAlleles, OverviewAnalyses, OverviewAnalysis, UserStats,
};
use crate::{ApiError, AppState};

/// The analyses waiting in each list, newest (`date_requested`, else `date_deposited`) first.
#[utoipa::path(get, path = "/api/v1/overviews/analyses/", tag = "Overview",
    responses((status = 200, body = OverviewAnalyses), (status = 403, description = "Not logged in")))]
pub async fn overview_analyses(
    state: Data<AppState>,
    caller: Authenticated,
) -> Result<Json<OverviewAnalyses>, ApiError> {
    let group_id = caller.0.user.group_id;
    let (sections, analyses) = state
        .run(move |conn| {
            let sections = worklist::sections(conn, Subject::Analysis, group_id)?;
            let ids: Vec<i32> = sections.iter().map(|(id, _)| *id).collect();
            Ok((sections, worklist::overview_analyses(conn, &ids)?))
        })
        .await?;
    let mut lists = OverviewAnalyses::default();
    for ((_, section), analysis) in sections.into_iter().zip(analyses) {
        lists
            .section_mut(section)
            .push(OverviewAnalysis::from(analysis));
    }
    Ok(Json(lists))
}

/// The analyses whose latest round is finalized, most recently updated first, paged.
#[utoipa::path(get, path = "/api/v1/overviews/analyses/finalized/", tag = "Overview",
    params(
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses(
        (status = 200, body = Vec<OverviewAnalysis>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers"),
        (status = 403, description = "Not logged in"),
    ))]
pub async fn finalized_analyses(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let group_id = caller.0.user.group_id;
    let (total, analyses) = state
        .run(move |conn| {
            let ids = worklist::finalized(conn, Subject::Analysis, group_id)?;
            let page = paging.slice(&ids);
            Ok((ids.len(), worklist::overview_analyses(conn, page)?))
        })
        .await?;
    let analyses: Vec<OverviewAnalysis> =
        analyses.into_iter().map(OverviewAnalysis::from).collect();
    Ok(paging.respond(&analyses, i64::try_from(total).unwrap_or(i64::MAX)))
}

/// The variants waiting in each list, grouped by the gene panel of their last updated round.
#[utoipa::path(get, path = "/api/v1/overviews/alleles/", tag = "Overview",
    responses((status = 200, body = OverviewAlleles), (status = 403, description = "Not logged in")))]
pub async fn overview_alleles(
    state: Data<AppState>,
    caller: Authenticated,
) -> Result<Json<OverviewAlleles>, ApiError> {
    let group_id = caller.0.user.group_id;
    let settings = state.annotation_settings();
    let (sections, alleles) = state
        .run(move |conn| {
            let sections = worklist::sections(conn, Subject::Allele, group_id)?;
            let ids: Vec<i32> = sections.iter().map(|(id, _)| *id).collect();
            let mut alleles = worklist::overview_alleles(conn, &ids)?;
            worklist::by_genepanel(&mut alleles);
            Ok((
                sections,
                worklist::with_allele_views(conn, alleles, &settings)?,
            ))
        })
        .await?;
    let section_of: HashMap<i32, Section> = sections.into_iter().collect();
    let now = Utc::now();
    let mut lists = OverviewAlleles::default();
    for (overview, view) in alleles {
        let list = section_of
            .get(&overview.allele_id)
            .and_then(|section| lists.section_mut(*section));
        if let Some(list) = list {
            list.push(AlleleOverview::new(overview, view, now));
        }
    }
    Ok(Json(lists))
}

/// The variants whose latest round is finalized, most recently updated first, paged.
#[utoipa::path(get, path = "/api/v1/overviews/alleles/finalized/", tag = "Overview",
    params(
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses(
        (status = 200, body = Vec<AlleleOverview>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers"),
        (status = 403, description = "Not logged in"),
    ))]
pub async fn finalized_alleles(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
) -> Result<HttpResponse, ApiError> {
    let group_id = caller.0.user.group_id;
    let settings = state.annotation_settings();
    let (total, alleles) = state
        .run(move |conn| {
            let ids = worklist::finalized(conn, Subject::Allele, group_id)?;
            let alleles = worklist::overview_alleles(conn, paging.slice(&ids))?;
            Ok((
                ids.len(),
                worklist::with_allele_views(conn, alleles, &settings)?,
            ))
        })
        .await?;
    let now = Utc::now();
    let alleles: Vec<AlleleOverview> = alleles
        .into_iter()
        .map(|(overview, view)| AlleleOverview::new(overview, view, now))
        .collect();
    Ok(paging.respond(&alleles, i64::try_from(total).unwrap_or(i64::MAX)))
}

/// How many analyses and alleles the caller has worked on.
#[utoipa::path(get, path = "/api/v1/overviews/userstats/", tag = "Overview",
    responses((status = 200, body = UserStats), (status = 403, description = "Not logged in")))]
pub async fn user_stats(
    state: Data<AppState>,
    caller: Authenticated,
) -> Result<Json<UserStats>, ApiError> {
    let user_id = caller.0.user.id;
    let counts = state
        .run(move |conn| Ok(worklist::user_stats(conn, user_id)?))
        .await?;
    Ok(Json(UserStats::from(counts)))
}
