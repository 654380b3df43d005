//! Gene panels (api.md §4.8): the caller's group's panels, a panel's genes, its similarity to the
//! group's other panels, and custom panels made on the import page.
//!
//! Every read is limited to the caller's group's panels (api.md §2.7); ELLA does not check the
//! group on the detail endpoint (docs/compatibility.md).

use std::collections::{BTreeMap, HashSet};

use actix_web::web::{Data, Json, Path};
use actix_web::HttpResponse;
use diesel::PgConnection;
use ella_db::genepanel::TranscriptLink;
use ella_db::genepanel_view::{self, NewCustomPanel};
use ella_db::usergroup::{self, PanelRef};

use crate::extract::JsonBody;
use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::genepanels::{CustomPanelRequest, GenepanelDetail, GenepanelStats, PanelOverlap};
use crate::wire::users::GenepanelRef;
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /genepanels/`: every column of the `genepanel` table.
const GENEPANEL_COLUMNS: &[Column] = &[
    Column::new("name", "genepanel.name", "text"),
    Column::new("version", "genepanel.version", "text"),
    Column::new("genome_reference", "genepanel.genome_reference", "text"),
    Column::new("official", "genepanel.official", "boolean"),
    Column::new("date_created", "genepanel.date_created", "timestamptz"),
    Column::new("user_id", "genepanel.user_id", "integer"),
];

/// How many similar panels the statistics name.
const MAX_OVERLAPS: usize = 5;

/// The official panels of the caller's group, by name and version, filtered with `q`.
#[utoipa::path(get, path = "/api/v1/genepanels/", tag = "Genepanel",
    params(("q" = Option<String>, Query, description = "JSON filter (api.md §1.5) on `genepanel`")),
    responses((status = 200, body = Vec<GenepanelRef>, description = "All matches, with the paging headers")))]
pub async fn list_genepanels(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    if filter.selects_nothing() {
        return Ok(paging.respond::<GenepanelRef>(&[], 0));
    }
    let group_id = caller.0.user.group_id;
    let panels = state
        .run(move |conn| {
            let conditions = filter.conditions(GENEPANEL_COLUMNS)?;
            Ok(genepanel_view::official_group_panels(
                conn, group_id, conditions,
            )?)
        })
        .await?;
    let panels: Vec<GenepanelRef> = panels.iter().map(GenepanelRef::from).collect();
    let total = i64::try_from(panels.len()).unwrap_or(i64::MAX);
    Ok(paging.respond(&panels, total))
}

/// A panel of the caller's group with its genes, transcripts and phenotypes.
#[utoipa::path(get, path = "/api/v1/genepanels/{name}/{version}/", tag = "Genepanel",
    params(("name" = String, Path, description = "Panel name"), ("version" = String, Path, description = "Panel version")),
    responses(
        (status = 200, body = GenepanelDetail),
        (status = 500, description = "`Invalid genepanel name (<name>) or version (<version>)`", body = ErrorMessage),
    ))]
pub async fn get_genepanel(
    state: Data<AppState>,
    caller: Authenticated,
    path: Path<(String, String)>,
) -> Result<Json<GenepanelDetail>, ApiError> {
    let (name, version) = path.into_inner();
    let group_id = caller.0.user.group_id;
    let detail = state
        .run(move |conn| {
            let invalid = || {
                ApiError::Rule(format!(
                    "Invalid genepanel name ({name}) or version ({version})"
                ))
            };
            if !usergroup::has_genepanel(conn, group_id, &name, &version)? {
                return Err(invalid());
            }
            let genes = genepanel_view::panel_genes(conn, &name, &version)?.ok_or_else(invalid)?;
            Ok(GenepanelDetail::new(name, version, genes))
        })
        .await?;
    Ok(Json(detail))
}

/// The caller's group's latest official panels that share genes with the panel, most similar
/// first.
#[utoipa::path(get, path = "/api/v1/genepanels/{name}/{version}/stats/", tag = "Genepanel",
    params(("name" = String, Path, description = "Panel name"), ("version" = String, Path, description = "Panel version")),
    responses(
        (status = 200, body = GenepanelStats),
        (status = 500, description = "`Invalid genepanel name '<name>' or version '<version>'`", body = ErrorMessage),
    ))]
pub async fn get_genepanel_stats(
    state: Data<AppState>,
    caller: Authenticated,
    path: Path<(String, String)>,
) -> Result<Json<GenepanelStats>, ApiError> {
    let (name, version) = path.into_inner();
    let group_id = caller.0.user.group_id;
    let overlap = state
        .run(move |conn| panel_overlaps(conn, group_id, name, version))
        .await?;
    Ok(Json(GenepanelStats { overlap }))
}

/// The similarity statistics of api.md §4.8.
fn panel_overlaps(
    conn: &mut PgConnection,
    group_id: i32,
    name: String,
    version: String,
) -> Result<Vec<PanelOverlap>, ApiError> {
    let profile = usergroup::group_profile(conn, group_id)?
        .ok_or_else(|| ApiError::NotFound(format!("user group {group_id}")))?;
    if !profile
        .genepanels
        .iter()
        .any(|panel| panel.name == name && panel.version == version)
    {
        return Err(ApiError::Rule(format!(
            "Invalid genepanel name '{name}' or version '{version}'"
        )));
    }
    let input = (name, version);
    let candidates = latest_official(&profile.genepanels, &input);
    let mut wanted = candidates.clone();
    wanted.push(input.clone());
    let gene_sets = genepanel_view::panel_gene_sets(conn, &wanted)?;
    let genes: HashSet<i32> = gene_sets[&input].iter().copied().collect();
    let count = genes.len();
    let mut scored: Vec<(f64, PanelOverlap)> = candidates
        .into_iter()
        .filter_map(|(name, version)| {
            let other = &gene_sets[&(name.clone(), version.clone())];
            let overlap_cnt = other.iter().filter(|gene| genes.contains(gene)).count();
            let addition_cnt = other.len() - overlap_cnt;
            let missing_cnt = count - overlap_cnt;
            #[expect(clippy::cast_precision_loss, reason = "gene counts are far below 2^52")]
            let score = (overlap_cnt * 2) as f64 / count as f64
                + count as f64 / (missing_cnt + addition_cnt + 1) as f64;
            (overlap_cnt > 0).then_some((
                score,
                PanelOverlap {
                    name,
                    version,
                    addition_cnt,
                    overlap_cnt,
                    missing_cnt,
                },
            ))
        })
        .collect();
    // Stable, as Python's `sorted(..., reverse=True)`: equal scores keep the name order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(scored
        .into_iter()
        .take(MAX_OVERLAPS)
        .map(|(_, overlap)| overlap)
        .collect())
}

/// For each panel name among the official `panels`, the highest version (plain string order),
/// without `input`.
fn latest_official(panels: &[PanelRef], input: &(String, String)) -> Vec<(String, String)> {
    let mut latest: BTreeMap<&str, &str> = BTreeMap::new();
    for panel in panels.iter().filter(|panel| panel.official) {
        let version = latest.entry(&panel.name).or_insert(&panel.version);
        if panel.version.as_str() > *version {
            *version = &panel.version;
        }
    }
    latest
        .into_iter()
        .map(|(name, version)| (name.to_owned(), version.to_owned()))
        .filter(|panel| panel != input)
        .collect()
}

/// Creates a custom panel from existing transcripts and phenotypes for the listed groups.
#[utoipa::path(post, path = "/api/v1/genepanels/", tag = "Genepanel",
    request_body = CustomPanelRequest,
    responses(
        (status = 200, description = "`null`"),
        (status = 500, description = "Invalid panel, with ELLA's message where it has one", body = ErrorMessage),
    ))]
pub async fn create_genepanel(
    state: Data<AppState>,
    caller: Authenticated,
    body: JsonBody<CustomPanelRequest>,
) -> Result<Json<()>, ApiError> {
    let request = body.0;
    let group_id = caller.0.user.group_id;
    state
        .transaction(move |conn| create_custom_panel(conn, group_id, &request))
        .await?;
    Ok(Json(()))
}

/// Checks the request as ELLA does and creates the panel.
fn create_custom_panel(
    conn: &mut PgConnection,
    group_id: i32,
    request: &CustomPanelRequest,
) -> Result<(), ApiError> {
    let (name, version) = (request.name.0.as_str(), request.version.0.as_str());
    if name.is_empty() {
        return Err(ApiError::Rule("No name given for genepanel".into()));
    }
    if version.is_empty() {
        return Err(ApiError::Rule("No version given for genepanel".into()));
    }
    let invalid = |what: &str| ApiError::InvalidRequest(format!("custom gene panel: {what}"));
    let mut inheritances: BTreeMap<i64, &str> = BTreeMap::new();
    let mut transcript_ids = Vec::new();
    let mut phenotype_ids = Vec::new();
    for gene in &request.genes {
        if let Some(inheritance) = &gene.inheritance {
            inheritances.insert(gene.hgnc_id.0, &inheritance.0);
        }
        for transcript in &gene.transcripts {
            transcript_ids.push(to_id(transcript.id.0).ok_or_else(|| invalid("transcript id"))?);
        }
        for phenotype in &gene.phenotypes {
            phenotype_ids.push(to_id(phenotype.id.0).ok_or_else(|| invalid("phenotype id"))?);
        }
    }
    let transcript_genes = genepanel_view::transcript_genes(conn, &transcript_ids)?;
    let mut links = Vec::with_capacity(transcript_ids.len());
    for transcript_id in &transcript_ids {
        let gene_id = transcript_genes
            .get(transcript_id)
            .ok_or_else(|| invalid("unknown transcript"))?;
        let inheritance = inheritances
            .get(&i64::from(*gene_id))
            .ok_or_else(|| invalid("transcript of a gene without inheritance"))?;
        links.push(TranscriptLink {
            transcript_id: *transcript_id,
            inheritance,
        });
    }
    let distinct_phenotypes: HashSet<i32> = phenotype_ids.iter().copied().collect();
    let found = genepanel_view::count_phenotypes(conn, &phenotype_ids)?;
    if usize::try_from(found).ok() != Some(distinct_phenotypes.len()) {
        return Err(invalid("unknown phenotype"));
    }
    let usergroup_ids = import_group_ids(conn, group_id, &request.usergroups)?;
    if ella_db::genepanel::panel_exists(conn, name, version)? {
        return Err(invalid("the panel exists"));
    }
    genepanel_view::insert_custom_panel(
        conn,
        &NewCustomPanel {
            name,
            version,
            transcripts: &links,
            phenotype_ids: &phenotype_ids,
            usergroup_ids: &usergroup_ids,
        },
    )?;
    Ok(())
}

/// The ids of the groups `names`, which must be a non-empty list of import groups of group
/// `group_id`.
fn import_group_ids(
    conn: &mut PgConnection,
    group_id: i32,
    names: &[crate::lax::LaxString],
) -> Result<Vec<i32>, ApiError> {
    let allowed = usergroup::import_group_names(conn, group_id)?;
    let ids = usergroup::ids_by_name(conn)?;
    if names.is_empty() {
        return Err(ApiError::InvalidRequest(
            "custom gene panel: no user groups".into(),
        ));
    }
    names
        .iter()
        .map(|name| {
            ids.get(&name.0)
                .filter(|_| allowed.contains(&name.0))
                .copied()
                .ok_or_else(|| {
                    ApiError::InvalidRequest("custom gene panel: not an import group".into())
                })
        })
        .collect()
}

/// A request id as a database id; ids out of range name nothing.
fn to_id(id: i64) -> Option<i32> {
    i32::try_from(id).ok()
}
