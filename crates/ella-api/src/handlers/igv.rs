//! IGV (api.md §4.13): the track configuration of an analysis, the reference and track files
//! with byte ranges, the dynamic tracks generated from the database, and the locus search.
//!
//! Paths from the request are accepted only as plain relative paths ([`safe_relative`]), and
//! analysis-bound endpoints answer only for analyses of the caller's gene panels, like
//! `GET /analyses/{id}/` (docs/compatibility.md).

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header;
use actix_web::web::{Data, Json, Path as UrlPath};
use actix_web::{HttpRequest, HttpResponse};
use diesel::PgConnection;
use ella_db::analysis_view::{self, AnalysisView};
use ella_db::igv_tracks::{self, AlleleRegion, Locus};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::extract::query_value;
use crate::files::{safe_relative, with_public_cache, FileSettings, PUBLIC_CACHE};
use crate::igv::{self, TrackConfig, DYNAMIC_TRACKS};
use crate::session::Authenticated;
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// `Cache-Control` of the classifications track.
const CLASSIFICATIONS_CACHE: &str = "public, max-age=1800";

/// Shortest term the search looks up as a transcript name.
const MIN_TRANSCRIPT_TERM: usize = 9;

/// The visible analysis `analysis_id` of the caller's group; any other is ELLA's 500.
async fn visible_analysis(
    state: &AppState,
    caller: &Authenticated,
    analysis_id: i32,
) -> Result<AnalysisView, ApiError> {
    let group_id = caller.0.user.group_id;
    state
        .run(move |conn| {
            analysis_view::find_visible(conn, group_id, analysis_id)?
                .ok_or_else(|| ApiError::NotFound(format!("analysis {analysis_id}")))
        })
        .await
}

/// `folder` if it is set and a directory, else ELLA's message naming `variable`.
fn existing_folder(folder: Option<&Path>, variable: &str) -> Result<PathBuf, ApiError> {
    match folder {
        Some(folder) if folder.is_dir() => Ok(folder.to_owned()),
        other => Err(ApiError::Rule(format!(
            "invalid {variable} path ('{}')",
            other.map_or_else(|| "None".to_owned(), |path| path.display().to_string())
        ))),
    }
}

/// The IGV tracks the caller may see for an analysis, with their igv.js settings.
#[utoipa::path(get, path = "/api/v1/igv/tracks/{analysis_id}/", tag = "IGV",
    params(
        ("analysis_id" = i32, Path, description = "Analysis id"),
        ("allele_ids" = Option<String>, Query, description = "Put into the dynamic track URLs"),
    ),
    responses(
        (status = 200, description = "`{<track id>: {applied_rules, igv, presets?, show?, ...}}`", body = Object),
        (status = 500, description = "Missing data folders or track config, or not an analysis of the caller's panels", body = ErrorMessage),
    ))]
pub async fn get_tracks(
    state: Data<AppState>,
    caller: Authenticated,
    request: HttpRequest,
    analysis_id: UrlPath<i32>,
) -> Result<Json<Map<String, Value>>, ApiError> {
    let analysis_id = analysis_id.into_inner();
    let analysis = visible_analysis(&state, &caller, analysis_id)
        .await?
        .analysis;
    let files = state.files();
    let allele_ids = query_value(&request, "allele_ids").unwrap_or_default();
    let group_name = caller.0.group.name.clone();
    let tracks = actix_web::web::block(move || {
        let igv_data = existing_folder(files.igv_data.as_deref(), "IGV_DATA")?;
        let static_folder = igv_data.join("tracks");
        if !static_folder.is_dir() {
            return Err(ApiError::Rule(format!(
                "IGV track path ('{}') not found",
                static_folder.display()
            )));
        }
        let analyses_folder = existing_folder(files.analyses_path.as_deref(), "ANALYSES_PATH")?;
        let config = TrackConfig::load(&igv_data)?;
        let ids = igv::discover(&static_folder)
            .into_iter()
            .map(|path| format!("STATIC/{path}"))
            .chain(
                igv::discover(&analyses_folder.join(&analysis.name).join("tracks"))
                    .into_iter()
                    .map(|path| format!("ANALYSIS/{path}")),
            )
            .chain(DYNAMIC_TRACKS.iter().map(|id| (*id).to_owned()));
        let substitutions = [
            ("<ANALYSIS_ID>", analysis_id.to_string()),
            (
                "<GENEPANEL_NAME>",
                analysis.genepanel_name.clone().unwrap_or_default(),
            ),
            (
                "<GENEPANEL_VERSION>",
                analysis.genepanel_version.clone().unwrap_or_default(),
            ),
            ("<ALLELE_IDS>", allele_ids),
        ];
        let mut tracks = Map::new();
        for id in ids {
            let Some(mut track) = config.visible(&id, &group_name) else {
                continue;
            };
            let Some(Value::String(template)) = track.remove("url") else {
                return Err(ApiError::Rule(format!(
                    "no key 'url' found for track '{id}'"
                )));
            };
            let file_path = id.split_once('/').map_or("", |(_, path)| path);
            let url = substitutions.iter().fold(
                template.replace("<TRACK_FILEPATH>", file_path),
                |url, (key, value)| url.replace(key, value),
            );
            if let Some(Value::Object(settings)) = track.get_mut("igv") {
                if igv::is_indexed(&id) {
                    settings.insert("indexURL".into(), Value::String(format!("{url}?index=1")));
                }
                settings.insert("url".into(), Value::String(url));
            }
            tracks.insert(id, Value::Object(track));
        }
        Ok(tracks)
    })
    .await??;
    Ok(Json(tracks))
}

/// Serves `path`, or with `?index=1` its first existing index file, with byte ranges.
async fn serve_track(request: &HttpRequest, path: PathBuf) -> Result<HttpResponse, ApiError> {
    let path = if query_value(request, "index").as_deref() == Some("1") {
        igv::index_candidates(&path)
            .into_iter()
            .find(|candidate| candidate.is_file())
            .ok_or_else(|| ApiError::Rule("not authorized".into()))?
    } else {
        path
    };
    serve_file(request, &path).await
}

/// Sends a file inline, with `Range` support and ELLA's caching headers.
async fn serve_file(request: &HttpRequest, path: &Path) -> Result<HttpResponse, ApiError> {
    let file = NamedFile::open_async(path)
        .await
        .map_err(|error| ApiError::NotFound(format!("IGV file: {error}")))?
        .disable_content_disposition();
    Ok(with_public_cache(file.into_response(request)))
}

/// A reference file of `$IGV_DATA` listed in `igv.valid_resource_files`.
#[utoipa::path(get, path = "/api/v1/igv/{filename}", tag = "IGV",
    params(("filename" = String, Path, description = "One of `igv.valid_resource_files`")),
    responses(
        (status = 200, description = "The file (206 for a `Range`)"),
        (status = 500, description = "Not a permitted file", body = ErrorMessage),
    ))]
pub async fn get_resource_file(
    state: Data<AppState>,
    _caller: Authenticated,
    request: HttpRequest,
    filename: UrlPath<String>,
) -> Result<HttpResponse, ApiError> {
    let files = state.files();
    let igv_data = files
        .igv_data
        .as_ref()
        .ok_or_else(|| ApiError::Rule("Missing IGV data location (env: $IGV_DATA).".into()))?;
    let filename = filename.into_inner();
    let permitted = files.igv_resource_files.contains(&filename);
    let name = safe_relative(&filename)
        .filter(|_| permitted)
        .ok_or_else(|| {
            ApiError::Rule("File is not in list of permitted accessible files.".into())
        })?;
    serve_file(&request, &igv_data.join(name)).await
}

/// A static track file of `$IGV_DATA/tracks`, if its track is visible to the caller's group.
#[utoipa::path(get, path = "/api/v1/igv/tracks/static/{filepath}", tag = "IGV",
    params(
        ("filepath" = String, Path, description = "File name in `tracks/`"),
        ("index" = Option<String>, Query, description = "`1`: the track's index file"),
    ),
    responses(
        (status = 200, description = "The file (206 for a `Range`)"),
        (status = 500, description = "`not authorized`", body = ErrorMessage),
    ))]
pub async fn get_static_track(
    state: Data<AppState>,
    caller: Authenticated,
    request: HttpRequest,
    filepath: UrlPath<String>,
) -> Result<HttpResponse, ApiError> {
    let files = state.files();
    let group_name = caller.0.group.name.clone();
    let filepath = filepath.into_inner();
    let path =
        actix_web::web::block(move || authorized_static(&files, &filepath, &group_name)).await??;
    serve_track(&request, path).await
}

/// The path of the static track `filepath` if it exists and the group may see it.
fn authorized_static(
    files: &FileSettings,
    filepath: &str,
    group_name: &str,
) -> Result<PathBuf, ApiError> {
    let not_authorized = || ApiError::Rule("not authorized".into());
    let igv_data = files.igv_data.as_ref().ok_or_else(not_authorized)?;
    let relative = safe_relative(filepath).ok_or_else(not_authorized)?;
    let path = igv_data.join("tracks").join(relative);
    if !path.is_file() {
        return Err(not_authorized());
    }
    TrackConfig::load(igv_data)?
        .visible(&format!("STATIC/{filepath}"), group_name)
        .ok_or_else(not_authorized)?;
    Ok(path)
}

/// A track file of an analysis of the caller's gene panels.
#[utoipa::path(get, path = "/api/v1/igv/tracks/analyses/{analysis_id}/{filename}", tag = "IGV",
    params(
        ("analysis_id" = i32, Path, description = "Analysis id"),
        ("filename" = String, Path, description = "File name in the analysis' `tracks/`"),
        ("index" = Option<String>, Query, description = "`1`: the track's index file"),
    ),
    responses(
        (status = 200, description = "The file (206 for a `Range`)"),
        (status = 500, description = "No such track, or not an analysis of the caller's panels", body = ErrorMessage),
    ))]
pub async fn get_analysis_track(
    state: Data<AppState>,
    caller: Authenticated,
    request: HttpRequest,
    path: UrlPath<(i32, String)>,
) -> Result<HttpResponse, ApiError> {
    let (analysis_id, filename) = path.into_inner();
    let analysis = visible_analysis(&state, &caller, analysis_id)
        .await?
        .analysis;
    let files = state.files();
    let folder = files
        .analyses_path
        .as_ref()
        .map(|analyses| analyses.join(&analysis.name).join("tracks"))
        .filter(|folder| folder.is_dir())
        .ok_or_else(|| {
            ApiError::Rule("Requested analysis id doesn't contain any tracks.".into())
        })?;
    let relative = safe_relative(&filename)
        .ok_or_else(|| ApiError::InvalidRequest("track file name".into()))?;
    serve_track(&request, folder.join(relative)).await
}

/// A text track: inline, `text/plain`, cached.
fn text_track(body: String, cache: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, cache))
        .body(body)
}

/// The transcripts of a gene panel of the caller's group as BED.
#[utoipa::path(get, path = "/api/v1/igv/tracks/dynamic/genepanel/{gp_name}/{gp_version}/", tag = "IGV",
    params(("gp_name" = String, Path, description = "Panel name"), ("gp_version" = String, Path, description = "Panel version")),
    responses(
        (status = 200, description = "BED text, one line per transcript"),
        (status = 500, description = "Not a panel of the caller's group", body = ErrorMessage),
    ))]
pub async fn get_genepanel_track(
    state: Data<AppState>,
    caller: Authenticated,
    path: UrlPath<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (name, version) = path.into_inner();
    let group_id = caller.0.user.group_id;
    let transcripts = state
        .run(move |conn| {
            if !ella_db::usergroup::has_genepanel(conn, group_id, &name, &version)? {
                return Err(ApiError::Rule(format!(
                    "Invalid genepanel name ({name}) or version ({version})"
                )));
            }
            Ok(igv_tracks::panel_transcript_regions(conn, &name, &version)?)
        })
        .await?;
    let mut bed = String::new();
    for t in &transcripts {
        let exons: Vec<(i32, i32)> = t
            .exon_starts
            .iter()
            .zip(&t.exon_ends)
            .filter_map(|(start, end)| Some(((*start)?, (*end)?)))
            .collect();
        let (mut lengths, mut starts) = (String::new(), String::new());
        for (start, end) in &exons {
            write!(lengths, "{},", end - start).expect("write to a String");
            write!(starts, "{},", start - t.tx_start).expect("write to a String");
        }
        writeln!(
            bed,
            "{}\t{}\t{}\t{}({})\t1000.0\t{}\t{}\t{}\t.\t{}\t{lengths}\t{starts}\tfoo",
            t.chromosome,
            t.tx_start,
            t.tx_end,
            t.hgnc_symbol,
            t.transcript_name,
            t.strand,
            t.tx_start,
            t.tx_end,
            exons.len(),
        )
        .expect("write to a String");
    }
    Ok(text_track(bed, PUBLIC_CACHE))
}

/// Every current classification as a GFF3-like line.
#[utoipa::path(get, path = "/api/v1/igv/tracks/dynamic/classifications/", tag = "IGV",
    responses((status = 200, description = "One line per current allele assessment")))]
pub async fn get_classifications_track(
    state: Data<AppState>,
    _caller: Authenticated,
) -> Result<HttpResponse, ApiError> {
    let rows = state
        .run(|conn| Ok(igv_tracks::current_classifications(conn)?))
        .await?;
    let lines: Vec<String> = rows
        .iter()
        .map(|row| {
            let variant = format!("{}-{}-{}-{}", row.chromosome, row.vcf_pos, row.vcf_ref, row.vcf_alt);
            format!(
                "{}\tELLA interpretation\tClassification\t{}\t{}\t.\t.\t.\tName=Class {}; \
                 Assessment=<a href='/workflows/variants/{}/{variant}' target='_blank'>{variant}</a>; \
                 Date created={}",
                row.chromosome,
                row.start_position,
                row.open_end_position,
                row.classification,
                row.genome_reference,
                row.date_created.format("%Y-%m-%d"),
            )
        })
        .collect();
    Ok(text_track(lines.join("\n"), CLASSIFICATIONS_CACHE))
}

/// The allele ids of the `allele_ids` parameter (api.md §1.2: comma-separated, blanks ignored).
fn allele_ids(request: &HttpRequest) -> Result<Vec<i32>, ApiError> {
    query_value(request, "allele_ids")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            crate::lax::python_int(item)
                .and_then(|id| i32::try_from(id).ok())
                .ok_or_else(|| ApiError::InvalidRequest("`allele_ids` is not a list of ids".into()))
        })
        .collect()
}

/// Sort key of a chromosome: `1`–`22`, then `X`, `Y`, `MT`; other names are refused.
fn chromosome_rank(chromosome: &str) -> Result<u8, ApiError> {
    match chromosome {
        "X" => Ok(23),
        "Y" => Ok(24),
        "MT" => Ok(25),
        number => number
            .parse::<u8>()
            .ok()
            .filter(|number| (1..=22).contains(number))
            .ok_or_else(|| ApiError::InvalidRequest("unsupported chromosome name".into())),
    }
}

/// The regions of `ids` sorted by chromosome and position.
fn sorted_regions(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<AlleleRegion>, ApiError> {
    let mut regions = igv_tracks::allele_regions(conn, ids)?;
    let mut ranked = Vec::with_capacity(regions.len());
    for region in regions.drain(..) {
        ranked.push((chromosome_rank(&region.chromosome)?, region));
    }
    ranked.sort_by(|(a_rank, a), (b_rank, b)| match a_rank.cmp(b_rank) {
        Ordering::Equal => a.vcf_pos.cmp(&b.vcf_pos),
        other => other,
    });
    Ok(ranked.into_iter().map(|(_, region)| region).collect())
}

/// The regions of the given alleles of an analysis of the caller's panels, as BED.
#[utoipa::path(get, path = "/api/v1/igv/tracks/dynamic/regions_of_interest/{analysis_id}/", tag = "IGV",
    params(
        ("analysis_id" = i32, Path, description = "Analysis id"),
        ("allele_ids" = Option<String>, Query, description = "Comma-separated allele ids"),
    ),
    responses((status = 200, description = "BED text: chromosome, start, start + length")))]
pub async fn get_regions_of_interest_track(
    state: Data<AppState>,
    caller: Authenticated,
    request: HttpRequest,
    analysis_id: UrlPath<i32>,
) -> Result<HttpResponse, ApiError> {
    visible_analysis(&state, &caller, analysis_id.into_inner()).await?;
    let ids = allele_ids(&request)?;
    let regions = state.run(move |conn| sorted_regions(conn, &ids)).await?;
    let lines: Vec<String> = regions
        .iter()
        .map(|region| {
            format!(
                "{}\t{}\t{}",
                region.chromosome,
                region.start_position,
                region.start_position + region.length
            )
        })
        .collect();
    Ok(text_track(format!("{}\n", lines.join("\n")), PUBLIC_CACHE))
}

/// The header of the variants track, up to the sample columns.
const VCF_HEADER: &str = "##fileformat=VCFv4.1
##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"Type of structural variant\">
##INFO=<ID=SVLEN,Number=.,Type=Integer,Description=\"Difference in length between REF and ALT alleles\">
##INFO=<ID=END,Number=1,Type=Integer,Description=\"End position of the variant described in this record\">
##FORMAT=<ID=CN,Number=.,Type=Integer,Description=\"Copy Number\">
#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT";

/// The given alleles of an analysis of the caller's panels as VCF, with the genotypes of its
/// proband samples.
#[utoipa::path(get, path = "/api/v1/igv/tracks/dynamic/variants/{analysis_id}/", tag = "IGV",
    params(
        ("analysis_id" = i32, Path, description = "Analysis id"),
        ("allele_ids" = Option<String>, Query, description = "Comma-separated allele ids"),
    ),
    responses((status = 200, description = "VCF text")))]
pub async fn get_variants_track(
    state: Data<AppState>,
    caller: Authenticated,
    request: HttpRequest,
    analysis_id: UrlPath<i32>,
) -> Result<HttpResponse, ApiError> {
    let analysis_id = analysis_id.into_inner();
    visible_analysis(&state, &caller, analysis_id).await?;
    let ids = allele_ids(&request)?;
    let vcf = state
        .run(move |conn| {
            let alleles = igv_tracks::vcf_alleles(conn, &ids)?;
            let genotypes = igv_tracks::proband_genotypes(conn, analysis_id, &ids)?;
            variants_vcf(alleles, &genotypes)
        })
        .await?;
    Ok(text_track(vcf, PUBLIC_CACHE))
}

/// The VCF text of `alleles` with the proband `genotypes` (api.md §4.13), one record per line.
fn variants_vcf(
    alleles: Vec<igv_tracks::VcfAllele>,
    genotypes: &[igv_tracks::ProbandGenotype],
) -> Result<String, ApiError> {
    let mut samples: Vec<&str> = genotypes.iter().map(|g| g.identifier.as_str()).collect();
    samples.sort_unstable();
    samples.dedup();
    let mut ranked = Vec::with_capacity(alleles.len());
    for allele in alleles {
        ranked.push((chromosome_rank(&allele.chromosome)?, allele.vcf_pos, allele));
    }
    ranked.sort_by_key(|(rank, position, allele)| (*rank, *position, allele.id));
    let mut vcf = String::from(VCF_HEADER);
    for sample in &samples {
        write!(vcf, "\t{sample}").expect("write to a String");
    }
    vcf.push('\n');
    for (_, _, allele) in ranked {
        let is_cnv = allele.caller_type == "cnv";
        let (mut calls, mut copies) = (Vec::new(), Vec::new());
        let (mut quality, mut filter) = ("N/A".to_owned(), "N/A".to_owned());
        for sample in &samples {
            let Some(genotype) = genotypes
                .iter()
                .find(|g| g.allele_id == allele.id && g.identifier == *sample)
            else {
                calls.push("./.".to_owned());
                continue;
            };
            let homozygous = genotype.genotype_type.as_deref() == Some("Homozygous");
            calls.push(if homozygous { "1/1" } else { "0/1" }.to_owned());
            copies.push(match (is_cnv, genotype.copy_number) {
                (true, Some(copy_number)) => copy_number.to_string(),
                _ => ".".to_owned(),
            });
            quality = genotype
                .variant_quality
                .map_or_else(|| ".".to_owned(), |value| value.to_string());
            filter = genotype
                .filter_status
                .clone()
                .unwrap_or_else(|| ".".to_owned());
        }
        let info = if is_cnv {
            format!(
                "SVTYPE={};SVLEN={};END={}",
                allele.change_type.to_uppercase(),
                allele.length,
                allele.vcf_pos + allele.length - 1
            )
        } else {
            ".".to_owned()
        };
        writeln!(
            vcf,
            "{}\t{}\t.\t{}\t{}\t{quality}\t{filter}\t{info}\tGT:CN\t{}:{}",
            allele.chromosome,
            allele.vcf_pos,
            allele.vcf_ref,
            allele.vcf_alt,
            calls.join(","),
            copies.join(","),
        )
        .expect("write to a String");
    }
    Ok(vcf)
}

/// A locus for igv.js.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchLocus {
    /// Chromosome.
    pub chromosome: String,
    /// Start.
    pub start: i32,
    /// End.
    pub end: i32,
}

/// igv.js' locus search: a gene symbol, else a transcript name.
#[utoipa::path(get, path = "/api/v1/igv/search/", tag = "IGV",
    params(("q" = Option<String>, Query, description = "Gene symbol or transcript name")),
    responses((status = 200, body = Vec<SearchLocus>, description = "`[]` or one locus")))]
pub async fn search(
    state: Data<AppState>,
    _caller: Authenticated,
    request: HttpRequest,
) -> Result<Json<Vec<SearchLocus>>, ApiError> {
    let term = query_value(&request, "q").unwrap_or_default();
    let term = term.trim().to_owned();
    if term.is_empty() {
        return Ok(Json(Vec::new()));
    }
    let locus = state
        .run(move |conn| {
            if let Some(locus) = igv_tracks::gene_locus(conn, &term)? {
                return Ok(Some(locus));
            }
            if term.chars().count() < MIN_TRANSCRIPT_TERM {
                return Ok(None);
            }
            Ok(igv_tracks::transcript_locus(conn, &term.to_uppercase())?)
        })
        .await?;
    Ok(Json(
        locus
            .into_iter()
            .map(
                |Locus {
                     chromosome,
                     start,
                     end,
                 }| SearchLocus {
                    chromosome,
                    start,
                    end,
                },
            )
            .collect(),
    ))
}
