//! Search (api.md §4.11): variants by HGVS name, position and user, analyses by name and user,
//! and the gene and user suggestions of the search box.
//!
//! Text typed by the user is matched literally: `%`, `_` and `\` are escaped before they reach
//! a `LIKE` pattern ([`like_literal`]).

use std::collections::{BTreeSet, HashMap};

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4, Nullable, Text};
use serde_json::Value;

use crate::allele_view::annotation::panel_transcripts;
use crate::allele_view::{
    self, AlleleQuery, AlleleView, AnnotationSettings, Include, LinkFilter, PanelTranscript,
};
use crate::worklist::{self, AlleleRound, OverviewAnalysis};
use crate::Result;

/// How many suggestions `GET /search/options/` gives per kind.
const OPTION_LIMIT: i64 = 20;

/// `text` with the `LIKE` wildcards and the escape character escaped (default escape `\`).
pub fn like_literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The analyses an analysis search looks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnalysisSearch<'a> {
    /// Text the name contains, compared case-insensitively.
    pub name_contains: Option<&'a str>,
    /// User name of a user who has a round of the analysis.
    pub username: Option<&'a str>,
}

/// An analysis id selected by a search.
#[derive(Debug, QueryableByName)]
struct FoundId {
    #[diesel(sql_type = Int4)]
    id: i32,
}

/// The analyses of `group_id`'s gene panels (official or not) that match `search`, at most `limit`
/// of them, by id.
pub fn analysis_ids(
    conn: &mut PgConnection,
    group_id: i32,
    search: AnalysisSearch<'_>,
    limit: Option<i64>,
) -> Result<Vec<i32>> {
    let found: Vec<FoundId> = diesel::sql_query(
        "SELECT analysis.id FROM analysis \
         WHERE (genepanel_name, genepanel_version) IN \
               (SELECT genepanel_name, genepanel_version FROM usergroupgenepanel \
                WHERE usergroup_id = $1) \
           AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%') \
           AND ($3::text IS NULL OR EXISTS \
               (SELECT 1 FROM analysisinterpretation AS round \
                JOIN \"user\" ON \"user\".id = round.user_id \
                WHERE round.analysis_id = analysis.id AND \"user\".username = $3)) \
         ORDER BY analysis.id LIMIT $4",
    )
    .bind::<Int4, _>(group_id)
    .bind::<Nullable<Text>, _>(search.name_contains.map(like_literal))
    .bind::<Nullable<Text>, _>(search.username)
    .bind::<Nullable<BigInt>, _>(limit)
    .load(conn)?;
    Ok(found.into_iter().map(|found| found.id).collect())
}

/// The analyses `ids` as search hits: newest (`date_requested`, else `date_deposited`) first,
/// each with its rounds by `date_last_update` (api.md §4.11).
pub fn analysis_hits(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<OverviewAnalysis>> {
    let mut hits = worklist::overview_analyses(conn, ids)?;
    hits.sort_by_key(|hit| {
        let analysis = &hit.view.analysis;
        std::cmp::Reverse(analysis.date_requested.unwrap_or(analysis.date_deposited))
    });
    for hit in &mut hits {
        hit.view
            .interpretations
            .sort_by_key(|round| round.interpretation.date_last_update);
    }
    Ok(hits)
}

/// Which HGVS name of the current annotation's transcripts a variant search compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HgvsKind {
    /// `HGVSp`.
    Protein,
    /// `HGVSc`.
    Cdna,
}

/// Variants with a current-annotation transcript whose HGVS name starts with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HgvsCriterion<'a> {
    /// Which name.
    pub kind: HgvsKind,
    /// Start of the name, compared case-insensitively.
    pub prefix: &'a str,
    /// Transcript whose name up to the first `.` the transcript's must equal.
    pub transcript: Option<&'a str>,
    /// Gene of the transcript.
    pub hgnc_id: Option<i32>,
    /// `transcripts.inclusion_regex`: only transcripts matching it count.
    pub inclusion_regex: Option<&'a str>,
}

/// Variants at a 1-based position, or within a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PositionCriterion<'a> {
    /// Chromosome; a range without one matches nothing.
    pub chromosome: Option<&'a str>,
    /// The 1-based position, or the range's first position.
    pub start: i64,
    /// The range's last position.
    pub end: Option<i64>,
}

/// What a variant search looks for; all criteria given must hold, and none finds nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlleleSearch<'a> {
    /// HGVS name.
    pub hgvs: Option<HgvsCriterion<'a>>,
    /// Position or range.
    pub position: Option<PositionCriterion<'a>>,
    /// User name of a user with a round of the variant or an assessment of it.
    pub username: Option<&'a str>,
}

/// The variants matching `search` (not restricted to any gene panel), at most `limit` of them,
/// by chromosome (as text) and start position.
pub fn allele_ids(
    conn: &mut PgConnection,
    search: &AlleleSearch<'_>,
    limit: Option<i64>,
) -> Result<Vec<i32>> {
    let ranged_without_chromosome = search
        .position
        .is_some_and(|position| position.end.is_some() && position.chromosome.is_none());
    if (search.hgvs.is_none() && search.position.is_none() && search.username.is_none())
        || ranged_without_chromosome
    {
        return Ok(Vec::new());
    }
    let hgvs_column = match search.hgvs.map(|hgvs| hgvs.kind) {
        Some(HgvsKind::Protein) => "hgvsp",
        _ => "hgvsc",
    };
    let found: Vec<FoundId> = diesel::sql_query(format!(
        "SELECT allele.id FROM allele \
         WHERE ($1::text IS NULL OR allele.id IN \
               (SELECT allele_id FROM annotationshadowtranscript \
                WHERE lower({hgvs_column}) LIKE lower($1) || '%' \
                  AND ($2::text IS NULL OR transcript ~ $2) \
                  AND ($3::text IS NULL \
                       OR split_part(transcript, '.', 1) = split_part($3, '.', 1)) \
                  AND ($4::integer IS NULL OR hgnc_id = $4))) \
           AND ($5::bigint IS NULL OR \
               (($6::text IS NULL OR allele.chromosome = $6) \
                AND CASE WHEN $7::bigint IS NULL THEN allele.start_position = $5 \
                         ELSE allele.start_position >= $5 AND allele.open_end_position <= $7 \
                    END)) \
           AND ($8::text IS NULL \
                OR allele.id IN (SELECT allele_id FROM alleleinterpretation \
                                 WHERE user_id = (SELECT id FROM \"user\" WHERE username = $8)) \
                OR allele.id IN (SELECT allele_id FROM alleleassessment \
                                 WHERE user_id = (SELECT id FROM \"user\" WHERE username = $8))) \
         ORDER BY allele.chromosome, allele.start_position, allele.id LIMIT $9"
    ))
    .bind::<Nullable<Text>, _>(search.hgvs.map(|hgvs| like_literal(hgvs.prefix)))
    .bind::<Nullable<Text>, _>(search.hgvs.and_then(|hgvs| hgvs.inclusion_regex))
    .bind::<Nullable<Text>, _>(search.hgvs.and_then(|hgvs| hgvs.transcript))
    .bind::<Nullable<Int4>, _>(search.hgvs.and_then(|hgvs| hgvs.hgnc_id))
    // Database positions are 0-based.
    .bind::<Nullable<BigInt>, _>(search.position.map(|position| position.start - 1))
    .bind::<Nullable<Text>, _>(search.position.and_then(|position| position.chromosome))
    .bind::<Nullable<BigInt>, _>(search.position.and_then(|position| position.end))
    .bind::<Nullable<Text>, _>(search.username)
    .bind::<Nullable<BigInt>, _>(limit)
    .load(conn)?;
    Ok(found.into_iter().map(|found| found.id).collect())
}

/// The `filtered_transcripts` of a variant hit (api.md §4.11), sorted and without repeats.
///
/// They are the names of the annotation `transcripts` that stand for a transcript of the caller's
/// panels (`panel_matches`), plus, for an HGVS search none of those match, the transcripts whose
/// HGVS name of that kind contains the searched text (compared case-insensitively).
pub fn hit_transcripts(
    transcripts: &[Value],
    panel_matches: &BTreeSet<String>,
    hgvs: Option<(HgvsKind, &str)>,
) -> Vec<String> {
    let in_panels: Vec<&Value> = transcripts
        .iter()
        .filter(|transcript| {
            transcript_name(transcript).is_some_and(|name| panel_matches.contains(name))
        })
        .collect();
    let mut names: BTreeSet<&str> = in_panels
        .iter()
        .filter_map(|t| transcript_name(t))
        .collect();
    if let Some((kind, text)) = hgvs {
        let key = match kind {
            HgvsKind::Protein => "HGVSp",
            HgvsKind::Cdna => "HGVSc",
        };
        let text = text.to_lowercase();
        let names_it = |transcript: &&Value| {
            transcript
                .get(key)
                .and_then(Value::as_str)
                .is_some_and(|hgvs| hgvs.to_lowercase().contains(&text))
        };
        if !in_panels.iter().any(names_it) {
            names.extend(
                transcripts
                    .iter()
                    .filter(names_it)
                    .filter_map(transcript_name),
            );
        }
    }
    names.into_iter().map(str::to_owned).collect()
}

/// A variant hit: the allele object and all its rounds, by `date_last_update`.
#[derive(Debug, Clone, PartialEq)]
pub struct AlleleHit {
    /// The allele, without gene panel, with annotation, custom annotation and assessment.
    pub allele: AlleleView,
    /// Its rounds.
    pub rounds: Vec<AlleleRound>,
}

/// The variants `ids` (in that order) as hits for a caller of `group_id`: their
/// `filtered_transcripts` are recomputed from the group's official panels ([`hit_transcripts`]).
pub fn allele_hits(
    conn: &mut PgConnection,
    ids: &[i32],
    group_id: i32,
    settings: &AnnotationSettings,
    hgvs: Option<(HgvsKind, &str)>,
) -> Result<Vec<AlleleHit>> {
    let query = AlleleQuery {
        allele_ids: ids,
        genepanel: None,
        analysis_id: None,
        filterconfig_id: None,
        links: &LinkFilter::default(),
        include: Include {
            annotation: true,
            custom_annotation: true,
            allele_assessment: true,
            reference_assessments: false,
            allele_report: false,
        },
        settings,
    };
    let alleles = allele_view::load(conn, &query)?;
    let panel = official_panel_transcripts(conn, group_id)?;
    let mut rounds: HashMap<i32, Vec<AlleleRound>> = HashMap::new();
    for round in worklist::allele_rounds(conn, ids)? {
        rounds.entry(round.round.allele_id).or_default().push(round);
    }
    Ok(alleles
        .into_iter()
        .map(|mut allele| {
            if let Some(annotation) = &mut allele.annotation {
                let processed = &mut annotation.processed;
                let document = Value::Object(processed.document.clone());
                let matches = panel_transcripts(&document, &panel);
                let transcripts = document
                    .get("transcripts")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                processed.filtered_transcripts = hit_transcripts(transcripts, &matches, hgvs);
            }
            AlleleHit {
                rounds: rounds.remove(&allele.allele.id).unwrap_or_default(),
                allele,
            }
        })
        .collect())
}

/// The transcripts of the official gene panels of `group_id`.
fn official_panel_transcripts(
    conn: &mut PgConnection,
    group_id: i32,
) -> Result<Vec<PanelTranscript>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = Int4)]
        gene_id: i32,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT DISTINCT transcript.transcript_name AS name, transcript.gene_id FROM transcript \
         JOIN genepanel_transcript AS panel ON panel.transcript_id = transcript.id \
         JOIN genepanel ON (genepanel.name, genepanel.version) \
                         = (panel.genepanel_name, panel.genepanel_version) \
         JOIN usergroupgenepanel AS own \
              ON (own.genepanel_name, own.genepanel_version) \
               = (panel.genepanel_name, panel.genepanel_version) \
         WHERE own.usergroup_id = $1 AND genepanel.official",
    )
    .bind::<Int4, _>(group_id)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| PanelTranscript {
            name: row.name,
            gene_id: row.gene_id,
        })
        .collect())
}

/// The `transcript` name of an annotation transcript.
fn transcript_name(transcript: &Value) -> Option<&str> {
    transcript.get("transcript").and_then(Value::as_str)
}

/// A gene suggestion.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct GeneOption {
    /// HGNC symbol.
    #[diesel(sql_type = Text)]
    pub symbol: String,
    /// HGNC id.
    #[diesel(sql_type = Int4)]
    pub hgnc_id: i32,
}

/// Up to 20 genes with a transcript in one of `group_id`'s panels whose symbol starts with
/// `prefix` (any case), by symbol.
pub fn gene_options(
    conn: &mut PgConnection,
    group_id: i32,
    prefix: &str,
) -> Result<Vec<GeneOption>> {
    Ok(diesel::sql_query(
        "SELECT DISTINCT gene.hgnc_symbol AS symbol, gene.hgnc_id FROM gene \
         JOIN transcript ON transcript.gene_id = gene.hgnc_id \
         JOIN genepanel_transcript AS panel ON panel.transcript_id = transcript.id \
         JOIN usergroupgenepanel AS own \
              ON (own.genepanel_name, own.genepanel_version) \
               = (panel.genepanel_name, panel.genepanel_version) \
         WHERE own.usergroup_id = $1 AND lower(gene.hgnc_symbol) LIKE lower($2) || '%' \
         ORDER BY gene.hgnc_symbol, gene.hgnc_id LIMIT $3",
    )
    .bind::<Int4, _>(group_id)
    .bind::<Text, _>(like_literal(prefix))
    .bind::<BigInt, _>(OPTION_LIMIT)
    .load(conn)?)
}

/// A user suggestion.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct UserOption {
    /// User name.
    #[diesel(sql_type = Text)]
    pub username: String,
    /// First name.
    #[diesel(sql_type = Text)]
    pub first_name: String,
    /// Last name.
    #[diesel(sql_type = Text)]
    pub last_name: String,
}

/// Up to 20 users of `group_id` whose first or last name starts with `prefix` (any case), by
/// last name.
pub fn user_options(
    conn: &mut PgConnection,
    group_id: i32,
    prefix: &str,
) -> Result<Vec<UserOption>> {
    Ok(diesel::sql_query(
        "SELECT username, first_name, last_name FROM \"user\" \
         WHERE group_id = $1 AND (first_name ILIKE $2 || '%' OR last_name ILIKE $2 || '%') \
         ORDER BY last_name, id LIMIT $3",
    )
    .bind::<Int4, _>(group_id)
    .bind::<Text, _>(like_literal(prefix))
    .bind::<BigInt, _>(OPTION_LIMIT)
    .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_show_the_panel_transcripts_or_those_naming_the_hgvs() {
        let transcripts: Vec<Value> = serde_json::from_value(serde_json::json!([
            {"transcript": "NM_000059.3", "HGVSc": "NM_000059.3:c.72A>T", "HGVSp": "NP_000050.2:p.Leu24Phe"},
            {"transcript": "NM_999.1", "HGVSc": "NM_999.1:c.10A>T"},
            {"transcript": "NM_888.1", "HGVSc": "NM_888.1:c.72A>T"},
        ]))
        .unwrap();
        let panel = BTreeSet::from(["NM_000059.3".to_owned(), "NM_1.1".to_owned()]);
        assert_eq!(hit_transcripts(&transcripts, &panel, None), ["NM_000059.3"]);
        assert_eq!(
            hit_transcripts(&transcripts, &panel, Some((HgvsKind::Cdna, "c.72a>t"))),
            ["NM_000059.3"]
        );
        assert_eq!(
            hit_transcripts(&transcripts, &panel, Some((HgvsKind::Cdna, "c.10a"))),
            ["NM_000059.3", "NM_999.1"]
        );
        assert_eq!(
            hit_transcripts(
                &transcripts,
                &BTreeSet::new(),
                Some((HgvsKind::Protein, "p.leu24"))
            ),
            ["NM_000059.3"]
        );
        assert!(hit_transcripts(&transcripts, &BTreeSet::new(), None).is_empty());
    }

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(like_literal("c.123_125del"), r"c.123\_125del");
        assert_eq!(like_literal(r"50%\x"), r"50\%\\x");
        assert_eq!(like_literal("BRCA"), "BRCA");
    }
}
