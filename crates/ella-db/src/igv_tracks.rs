//! The rows behind IGV's dynamic tracks and locus search (api.md §4.13): a panel's transcripts,
//! the current classifications, allele regions, and gene or transcript loci.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Int4, Nullable, Text, Timestamptz};

use crate::Result;

/// A transcript of a gene panel as its BED line needs it.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct PanelTranscriptRegion {
    /// Chromosome.
    #[diesel(sql_type = Text)]
    pub chromosome: String,
    /// Start (0-based).
    #[diesel(sql_type = Int4)]
    pub tx_start: i32,
    /// End (exclusive).
    #[diesel(sql_type = Int4)]
    pub tx_end: i32,
    /// Gene symbol.
    #[diesel(sql_type = Text)]
    pub hgnc_symbol: String,
    /// Transcript name.
    #[diesel(sql_type = Text)]
    pub transcript_name: String,
    /// `+` or `-`.
    #[diesel(sql_type = Text)]
    pub strand: String,
    /// Exon starts.
    #[diesel(sql_type = Array<Nullable<Int4>>)]
    pub exon_starts: Vec<Option<i32>>,
    /// Exon ends.
    #[diesel(sql_type = Array<Nullable<Int4>>)]
    pub exon_ends: Vec<Option<i32>>,
}

/// The transcripts of panel `name` `version`, by chromosome, start and name.
pub fn panel_transcript_regions(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
) -> Result<Vec<PanelTranscriptRegion>> {
    Ok(diesel::sql_query(
        "SELECT t.chromosome, t.tx_start, t.tx_end, g.hgnc_symbol, t.transcript_name, t.strand, \
                t.exon_starts, t.exon_ends \
         FROM genepanel_transcript gt JOIN transcript t ON t.id = gt.transcript_id \
         JOIN gene g ON g.hgnc_id = t.gene_id \
         WHERE gt.genepanel_name = $1 AND gt.genepanel_version = $2 \
         ORDER BY t.chromosome, t.tx_start, t.transcript_name",
    )
    .bind::<Text, _>(name)
    .bind::<Text, _>(version)
    .load(conn)?)
}

/// A current allele assessment with its allele's position.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct ClassifiedAllele {
    /// Chromosome.
    #[diesel(sql_type = Text)]
    pub chromosome: String,
    /// Start (0-based).
    #[diesel(sql_type = Int4)]
    pub start_position: i32,
    /// End (exclusive).
    #[diesel(sql_type = Int4)]
    pub open_end_position: i32,
    /// Class: `1`–`5`, `NP`, `RF`, `DR`.
    #[diesel(sql_type = Text)]
    pub classification: String,
    /// Genome reference, e.g. `GRCh37`.
    #[diesel(sql_type = Text)]
    pub genome_reference: String,
    /// VCF position.
    #[diesel(sql_type = Int4)]
    pub vcf_pos: i32,
    /// VCF reference.
    #[diesel(sql_type = Text)]
    pub vcf_ref: String,
    /// VCF alternative.
    #[diesel(sql_type = Text)]
    pub vcf_alt: String,
    /// When the assessment was made.
    #[diesel(sql_type = Timestamptz)]
    pub date_created: DateTime<Utc>,
}

/// Every current allele assessment, by assessment id.
pub fn current_classifications(conn: &mut PgConnection) -> Result<Vec<ClassifiedAllele>> {
    Ok(diesel::sql_query(
        "SELECT a.chromosome, a.start_position, a.open_end_position, \
                aa.classification::text AS classification, a.genome_reference, a.vcf_pos, \
                a.vcf_ref, a.vcf_alt, aa.date_created \
         FROM alleleassessment aa JOIN allele a ON a.id = aa.allele_id \
         WHERE aa.date_superceeded IS NULL ORDER BY aa.id",
    )
    .load(conn)?)
}

/// Where an allele is.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct AlleleRegion {
    /// Chromosome.
    #[diesel(sql_type = Text)]
    pub chromosome: String,
    /// Start (0-based).
    #[diesel(sql_type = Int4)]
    pub start_position: i32,
    /// Length.
    #[diesel(sql_type = Int4)]
    pub length: i32,
    /// VCF position.
    #[diesel(sql_type = Int4)]
    pub vcf_pos: i32,
}

/// The regions of the alleles `ids` that exist.
pub fn allele_regions(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<AlleleRegion>> {
    Ok(diesel::sql_query(
        "SELECT chromosome, start_position, length, vcf_pos FROM allele WHERE id = ANY($1)",
    )
    .bind::<Array<Int4>, _>(ids)
    .load(conn)?)
}

/// A locus of a gene or transcript.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Locus {
    /// Chromosome.
    #[diesel(sql_type = Text)]
    pub chromosome: String,
    /// Start.
    #[diesel(sql_type = Int4)]
    pub start: i32,
    /// End.
    #[diesel(sql_type = Int4)]
    pub end: i32,
}

/// The span of the transcripts of the gene `symbol` (case-insensitive exact match, else the
/// alphabetically first symbol starting with it) on its first chromosome.
pub fn gene_locus(conn: &mut PgConnection, symbol: &str) -> Result<Option<Locus>> {
    Ok(diesel::sql_query(
        "WITH found AS ( \
             SELECT hgnc_id FROM gene \
             WHERE lower(hgnc_symbol) = lower($1) \
                OR lower(hgnc_symbol) LIKE replace(replace(replace(lower($1), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' \
             ORDER BY lower(hgnc_symbol) = lower($1) DESC, hgnc_symbol LIMIT 1) \
         SELECT t.chromosome, min(t.tx_start) AS start, max(t.tx_end) AS end \
         FROM transcript t JOIN found ON t.gene_id = found.hgnc_id \
         GROUP BY t.chromosome ORDER BY t.chromosome LIMIT 1",
    )
    .bind::<Text, _>(symbol)
    .get_result(conn)
    .optional()?)
}

/// The locus of the transcript named `name` exactly, else of the first (by name) starting with
/// `name.`, else with `name`.
pub fn transcript_locus(conn: &mut PgConnection, name: &str) -> Result<Option<Locus>> {
    Ok(diesel::sql_query(
        "SELECT chromosome, tx_start AS start, tx_end AS end FROM transcript \
         WHERE transcript_name LIKE replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' \
         ORDER BY transcript_name = $1 DESC, \
                  starts_with(transcript_name, $1 || '.') DESC, transcript_name LIMIT 1",
    )
    .bind::<Text, _>(name)
    .get_result(conn)
    .optional()?)
}

/// An allele as a VCF record needs it.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct VcfAllele {
    /// Allele id.
    #[diesel(sql_type = Int4)]
    pub id: i32,
    /// Chromosome.
    #[diesel(sql_type = Text)]
    pub chromosome: String,
    /// VCF position.
    #[diesel(sql_type = Int4)]
    pub vcf_pos: i32,
    /// VCF reference.
    #[diesel(sql_type = Text)]
    pub vcf_ref: String,
    /// VCF alternative.
    #[diesel(sql_type = Text)]
    pub vcf_alt: String,
    /// Change type, e.g. `SNP`, `del`, `dup`.
    #[diesel(sql_type = Text)]
    pub change_type: String,
    /// Length.
    #[diesel(sql_type = Int4)]
    pub length: i32,
    /// `snv` or `cnv`.
    #[diesel(sql_type = Text)]
    pub caller_type: String,
}

/// The alleles `ids` that exist.
pub fn vcf_alleles(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<VcfAllele>> {
    Ok(diesel::sql_query(
        "SELECT id, chromosome, vcf_pos, vcf_ref, vcf_alt, change_type::text AS change_type, \
                length, caller_type::text AS caller_type \
         FROM allele WHERE id = ANY($1)",
    )
    .bind::<Array<Int4>, _>(ids)
    .load(conn)?)
}

/// The genotype of a proband sample of an analysis for one allele.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct ProbandGenotype {
    /// The allele.
    #[diesel(sql_type = Int4)]
    pub allele_id: i32,
    /// Sample name.
    #[diesel(sql_type = Text)]
    pub identifier: String,
    /// Variant quality.
    #[diesel(sql_type = Nullable<Int4>)]
    pub variant_quality: Option<i32>,
    /// Filter status, e.g. `PASS`.
    #[diesel(sql_type = Nullable<Text>)]
    pub filter_status: Option<String>,
    /// `Homozygous`, `Heterozygous`, `Reference` or `No coverage`.
    #[diesel(sql_type = Nullable<Text>)]
    pub genotype_type: Option<String>,
    /// Copy number (CNVs).
    #[diesel(sql_type = Nullable<diesel::sql_types::Int2>)]
    pub copy_number: Option<i16>,
}

/// The genotypes of the proband samples of analysis `analysis_id` for the alleles `ids` (as
/// first or second allele), by genotype id.
pub fn proband_genotypes(
    conn: &mut PgConnection,
    analysis_id: i32,
    ids: &[i32],
) -> Result<Vec<ProbandGenotype>> {
    Ok(diesel::sql_query(
        "SELECT a.id AS allele_id, s.identifier, g.variant_quality, g.filter_status, \
                gsd.type::text AS genotype_type, gsd.copy_number \
         FROM allele a \
         JOIN genotype g ON g.allele_id = a.id OR g.secondallele_id = a.id \
         JOIN sample s ON s.id = g.sample_id \
         LEFT JOIN genotypesampledata gsd ON gsd.genotype_id = g.id AND gsd.sample_id = s.id \
              AND gsd.secondallele = (g.secondallele_id IS NOT DISTINCT FROM a.id) \
         WHERE a.id = ANY($1) AND s.analysis_id = $2 AND s.proband \
         ORDER BY g.id",
    )
    .bind::<Array<Int4>, _>(ids)
    .bind::<Int4, _>(analysis_id)
    .load(conn)?)
}
