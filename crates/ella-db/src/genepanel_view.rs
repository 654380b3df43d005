//! Gene panels as the API shows and creates them (api.md §4.8).
//!
//! The panels of a user group, a panel's genes with their transcripts and phenotypes, the gene
//! sets behind the similarity statistics, and the custom panels users make from existing
//! transcripts and phenotypes.

use std::collections::BTreeMap;

use chrono::Utc;
use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Int4};

use crate::links::{genepanel_phenotype, genepanel_transcript, usergroupgenepanel};
use crate::schema::{gene, genepanel, phenotype, transcript};
use crate::usergroup::PanelRef;
use crate::Result;

/// A condition on the genepanel table, such as one term of the API's `q` filter (api.md §1.5).
pub type GenepanelCondition = Box<dyn BoxableExpression<genepanel::table, Pg, SqlType = Bool>>;

/// The condition "`(name, version)` is one of the panels of group `group_id`".
fn of_group(group_id: i32) -> GenepanelCondition {
    Box::new(
        sql::<Bool>(
            "(genepanel.name, genepanel.version) IN (SELECT genepanel_name, genepanel_version \
             FROM usergroupgenepanel WHERE usergroup_id = ",
        )
        .bind::<Int4, _>(group_id)
        .sql(")"),
    )
}

/// The official panels of group `group_id` that satisfy every condition, by name and version.
pub fn official_group_panels(
    conn: &mut PgConnection,
    group_id: i32,
    conditions: Vec<GenepanelCondition>,
) -> Result<Vec<PanelRef>> {
    Ok(conditions
        .into_iter()
        .fold(
            genepanel::table
                .filter(of_group(group_id))
                .filter(genepanel::official)
                .into_boxed(),
            QueryDsl::filter,
        )
        .select((genepanel::name, genepanel::version, genepanel::official))
        .order((genepanel::name, genepanel::version))
        .load(conn)?)
}

/// A transcript of a gene in a panel.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PanelTranscript {
    /// Transcript id.
    pub id: i32,
    /// Name with version, e.g. `NM_007294.3`.
    pub transcript_name: String,
    /// The transcript's tags.
    pub tags: Option<Vec<Option<String>>>,
}

/// A phenotype of a gene in a panel.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PanelPhenotype {
    /// Phenotype id.
    pub id: i32,
    /// Inheritance, e.g. `AD`.
    pub inheritance: String,
    /// Phenotype text.
    pub description: String,
}

/// A gene of a panel with its transcripts and phenotypes in that panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelGene {
    /// HGNC id.
    pub hgnc_id: i32,
    /// HGNC symbol.
    pub hgnc_symbol: String,
    /// The panel's transcripts of the gene, by name.
    pub transcripts: Vec<PanelTranscript>,
    /// The panel's phenotypes of the gene, by inheritance.
    pub phenotypes: Vec<PanelPhenotype>,
    /// The gene's inheritance in the panel: that of its last transcript by name.
    pub inheritance: String,
}

/// The genes of panel `(name, version)` that have a transcript in it, by symbol; `None` when the
/// panel does not exist.
pub fn panel_genes(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
) -> Result<Option<Vec<PanelGene>>> {
    if !crate::genepanel::panel_exists(conn, name, version)? {
        return Ok(None);
    }
    let transcripts: Vec<(i32, String, String, PanelTranscript)> = genepanel_transcript::table
        .inner_join(transcript::table.inner_join(gene::table))
        .filter(genepanel_transcript::genepanel_name.eq(name))
        .filter(genepanel_transcript::genepanel_version.eq(version))
        .select((
            gene::hgnc_id,
            gene::hgnc_symbol,
            genepanel_transcript::inheritance,
            (
                transcript::id,
                transcript::transcript_name,
                transcript::tags,
            ),
        ))
        .order((
            gene::hgnc_symbol,
            transcript::transcript_name,
            transcript::id,
        ))
        .load(conn)?;
    let mut phenotypes: BTreeMap<i32, Vec<PanelPhenotype>> = BTreeMap::new();
    let rows: Vec<(i32, PanelPhenotype)> = genepanel_phenotype::table
        .inner_join(phenotype::table)
        .filter(genepanel_phenotype::genepanel_name.eq(name))
        .filter(genepanel_phenotype::genepanel_version.eq(version))
        .select((
            phenotype::gene_id,
            (
                phenotype::id,
                phenotype::inheritance,
                phenotype::description,
            ),
        ))
        .order((phenotype::inheritance, phenotype::id))
        .load(conn)?;
    for (gene_id, row) in rows {
        phenotypes.entry(gene_id).or_default().push(row);
    }
    let mut genes: Vec<PanelGene> = Vec::new();
    for (hgnc_id, hgnc_symbol, inheritance, row) in transcripts {
        match genes.last_mut() {
            Some(last) if last.hgnc_id == hgnc_id => {
                last.transcripts.push(row);
                last.inheritance = inheritance;
            }
            _ => genes.push(PanelGene {
                hgnc_id,
                phenotypes: phenotypes.remove(&hgnc_id).unwrap_or_default(),
                hgnc_symbol,
                transcripts: vec![row],
                inheritance,
            }),
        }
    }
    Ok(Some(genes))
}

/// The gene ids (HGNC) of each of `panels`, through their transcripts.
pub fn panel_gene_sets(
    conn: &mut PgConnection,
    panels: &[(String, String)],
) -> Result<BTreeMap<(String, String), Vec<i32>>> {
    let names: Vec<&str> = panels.iter().map(|(name, _)| name.as_str()).collect();
    let rows: Vec<(String, String, i32)> = genepanel_transcript::table
        .inner_join(transcript::table)
        .filter(genepanel_transcript::genepanel_name.eq_any(&names))
        .select((
            genepanel_transcript::genepanel_name,
            genepanel_transcript::genepanel_version,
            transcript::gene_id,
        ))
        .distinct()
        .load(conn)?;
    let mut sets: BTreeMap<(String, String), Vec<i32>> = panels
        .iter()
        .map(|panel| (panel.clone(), Vec::new()))
        .collect();
    for (name, version, gene_id) in rows {
        if let Some(set) = sets.get_mut(&(name, version)) {
            set.push(gene_id);
        }
    }
    Ok(sets)
}

/// The gene (HGNC id) of each of the transcripts `ids` that exist.
pub fn transcript_genes(conn: &mut PgConnection, ids: &[i32]) -> Result<BTreeMap<i32, i32>> {
    Ok(transcript::table
        .filter(transcript::id.eq_any(ids))
        .select((transcript::id, transcript::gene_id))
        .load::<(i32, i32)>(conn)?
        .into_iter()
        .collect())
}

/// How many of the phenotypes `ids` exist.
pub fn count_phenotypes(conn: &mut PgConnection, ids: &[i32]) -> Result<i64> {
    Ok(phenotype::table
        .filter(phenotype::id.eq_any(ids))
        .count()
        .get_result(conn)?)
}

/// A custom panel to create.
#[derive(Debug, Clone, Copy)]
pub struct NewCustomPanel<'a> {
    /// Panel name.
    pub name: &'a str,
    /// Panel version.
    pub version: &'a str,
    /// Its transcripts with the inheritance of their genes.
    pub transcripts: &'a [crate::genepanel::TranscriptLink<'a>],
    /// Its phenotypes.
    pub phenotype_ids: &'a [i32],
    /// The groups that may work with it.
    pub usergroup_ids: &'a [i32],
}

/// Creates a custom (non-official, `GRCh37`) panel with its links and group access. A panel of
/// the same name and version makes the insert fail.
pub fn insert_custom_panel(conn: &mut PgConnection, panel: &NewCustomPanel<'_>) -> Result<()> {
    diesel::insert_into(genepanel::table)
        .values((
            genepanel::name.eq(panel.name),
            genepanel::version.eq(panel.version),
            genepanel::genome_reference.eq("GRCh37"),
            genepanel::official.eq(false),
            genepanel::date_created.eq(Utc::now()),
        ))
        .execute(conn)?;
    if !panel.transcripts.is_empty() {
        crate::genepanel::link_transcripts(conn, panel.name, panel.version, panel.transcripts)?;
    }
    if !panel.phenotype_ids.is_empty() {
        crate::genepanel::link_phenotypes(conn, panel.name, panel.version, panel.phenotype_ids)?;
    }
    diesel::insert_into(usergroupgenepanel::table)
        .values(
            panel
                .usergroup_ids
                .iter()
                .map(|group_id| {
                    (
                        usergroupgenepanel::usergroup_id.eq(*group_id),
                        usergroupgenepanel::genepanel_name.eq(panel.name),
                        usergroupgenepanel::genepanel_version.eq(panel.version),
                    )
                })
                .collect::<Vec<_>>(),
        )
        .execute(conn)?;
    Ok(())
}
