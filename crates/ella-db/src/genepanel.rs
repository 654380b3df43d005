//! Gene panels and the genes, transcripts and phenotypes they link (datamodel.md §3.2): the
//! queries of the gene panel deposit (import.md §11.3).
//!
//! Every function works on whole batches, because a panel such as Mendeliome has thousands of
//! rows and one round trip per row would dominate the deposit time. Look-ups use `= ANY($1)`.
//! Inserts select from `unnest`ed column arrays: one bind parameter per column instead of one per
//! value, which PostgreSQL parses and plans measurably faster than a multi-row `VALUES` list. Only
//! transcripts, whose exon columns are arrays themselves, use `VALUES`.

use chrono::Utc;
use diesel::dsl::exists;
use diesel::pg::upsert::excluded;
use diesel::prelude::*;
use diesel::sql_types::{Array, Int4, Nullable, Text};

use crate::enums::TranscriptType;
use crate::links::{genepanel_phenotype, genepanel_transcript};
use crate::schema::{gene, genepanel, phenotype, transcript};
use crate::Result;

/// Transcripts per `INSERT`: the protocol allows 65535 bind parameters per statement, and a
/// transcript row binds 13.
const TRANSCRIPTS_PER_STATEMENT: usize = 65_535 / 13;

#[diesel::declare_sql_function]
extern "SQL" {
    /// SQL `lower(text)`: gene symbols are unique case-insensitively (`ix_gene_hgnc_symbol`).
    fn lower(text: Text) -> Text;

    /// SQL `unnest(integer[])`: one row per element.
    #[sql_name = "unnest"]
    fn unnest_integers(values: Array<Int4>) -> Int4;

    /// SQL `unnest(integer[])` of an array with nulls.
    #[sql_name = "unnest"]
    fn unnest_nullable_integers(values: Array<Nullable<Int4>>) -> Nullable<Int4>;

    /// SQL `unnest(text[])`: one row per element.
    #[sql_name = "unnest"]
    fn unnest_texts(values: Array<Text>) -> Text;
}

/// A gene to insert, or whose symbol to overwrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewGene<'a> {
    /// HGNC id (the primary key).
    pub hgnc_id: i32,
    /// HGNC symbol.
    pub hgnc_symbol: &'a str,
}

/// A transcript row as the deposit writes it.
#[derive(Debug, Clone, Copy, Insertable)]
#[diesel(table_name = transcript)]
pub struct NewTranscript<'a> {
    /// HGNC id of the gene.
    pub gene_id: i32,
    /// Unique name, e.g. `NM_000059.3`.
    pub transcript_name: &'a str,
    /// Kind of transcript; the deposit always writes [`TranscriptType::RefSeq`].
    #[diesel(column_name = type_)]
    pub kind: TranscriptType,
    /// Genome reference, e.g. `GRCh37`.
    pub genome_reference: &'a str,
    /// Chromosome name.
    pub chromosome: &'a str,
    /// 0-based start.
    pub tx_start: i32,
    /// Exclusive end.
    pub tx_end: i32,
    /// `+` or `-`.
    pub strand: &'a str,
    /// 0-based coding start; `None` for non-coding transcripts.
    pub cds_start: Option<i32>,
    /// Exclusive coding end; `None` for non-coding transcripts.
    pub cds_end: Option<i32>,
    /// 0-based exon starts.
    pub exon_starts: &'a [i32],
    /// Exclusive exon ends.
    pub exon_ends: &'a [i32],
    /// Tags of the transcripts file.
    pub tags: Option<&'a [String]>,
}

/// A phenotype row as the deposit writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewPhenotype<'a> {
    /// HGNC id of the gene.
    pub gene_id: i32,
    /// Phenotype text.
    pub description: &'a str,
    /// Inheritance, e.g. `AD` or `N/A`.
    pub inheritance: &'a str,
    /// Phenotype MIM number.
    pub omim_id: Option<i32>,
}

/// A stored phenotype with the columns that identify it (`uq_phenotype_gene_id`).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = phenotype)]
pub struct PhenotypeKey {
    /// Primary key.
    pub id: i32,
    /// HGNC id of the gene.
    pub gene_id: i32,
    /// Phenotype text.
    pub description: String,
    /// Inheritance.
    pub inheritance: String,
}

/// A transcript of a panel, with the inheritance of its gene in that panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TranscriptLink<'a> {
    /// The transcript.
    pub transcript_id: i32,
    /// Inheritance of the transcript's gene in the panel.
    pub inheritance: &'a str,
}

/// Whether the panel `(name, version)` exists.
pub fn panel_exists(conn: &mut PgConnection, name: &str, version: &str) -> Result<bool> {
    let found = diesel::select(exists(genepanel::table.find((name, version)))).get_result(conn)?;
    Ok(found)
}

/// Creates an official panel (as deposited from files), created now, without a user.
pub fn insert_official_panel(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
    genome_reference: &str,
) -> Result<()> {
    diesel::insert_into(genepanel::table)
        .values((
            genepanel::name.eq(name),
            genepanel::version.eq(version),
            genepanel::genome_reference.eq(genome_reference),
            genepanel::official.eq(true),
            genepanel::date_created.eq(Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Sets the genome reference of an existing panel.
pub fn set_genome_reference(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
    genome_reference: &str,
) -> Result<()> {
    diesel::update(genepanel::table.find((name, version)))
        .set(genepanel::genome_reference.eq(genome_reference))
        .execute(conn)?;
    Ok(())
}

/// Removes every transcript and phenotype link of the panel (the panel itself stays).
pub fn unlink_contents(conn: &mut PgConnection, name: &str, version: &str) -> Result<()> {
    diesel::delete(
        genepanel_transcript::table.filter(
            genepanel_transcript::genepanel_name
                .eq(name)
                .and(genepanel_transcript::genepanel_version.eq(version)),
        ),
    )
    .execute(conn)?;
    diesel::delete(
        genepanel_phenotype::table.filter(
            genepanel_phenotype::genepanel_name
                .eq(name)
                .and(genepanel_phenotype::genepanel_version.eq(version)),
        ),
    )
    .execute(conn)?;
    Ok(())
}

/// Those of `hgnc_ids` that exist in `gene`.
pub fn existing_gene_ids(conn: &mut PgConnection, hgnc_ids: &[i32]) -> Result<Vec<i32>> {
    let ids = gene::table
        .filter(gene::hgnc_id.eq_any(hgnc_ids))
        .select(gene::hgnc_id)
        .load(conn)?;
    Ok(ids)
}

/// Genes `(hgnc_id, hgnc_symbol)` whose lower-cased symbol is one of `lowercase_symbols`.
pub fn genes_by_symbol(
    conn: &mut PgConnection,
    lowercase_symbols: &[String],
) -> Result<Vec<(i32, String)>> {
    let genes = gene::table
        .filter(lower(gene::hgnc_symbol).eq_any(lowercase_symbols))
        .select((gene::hgnc_id, gene::hgnc_symbol))
        .load(conn)?;
    Ok(genes)
}

/// Inserts the genes; a gene that exists gets the given symbol (ELLA always overwrites it).
pub fn upsert_genes(conn: &mut PgConnection, genes: &[NewGene<'_>]) -> Result<()> {
    let (ids, symbols): (Vec<i32>, Vec<&str>) = genes
        .iter()
        .map(|gene| (gene.hgnc_id, gene.hgnc_symbol))
        .unzip();
    diesel::insert_into(gene::table)
        .values(diesel::select((
            unnest_integers(ids),
            unnest_texts(symbols),
        )))
        .into_columns((gene::hgnc_id, gene::hgnc_symbol))
        .on_conflict(gene::hgnc_id)
        .do_update()
        .set(gene::hgnc_symbol.eq(excluded(gene::hgnc_symbol)))
        .execute(conn)?;
    Ok(())
}

/// Names and ids `(transcript_name, id)` of the transcripts among `names` that exist.
pub fn transcript_ids(conn: &mut PgConnection, names: &[&str]) -> Result<Vec<(String, i32)>> {
    let found = transcript::table
        .filter(transcript::transcript_name.eq_any(names))
        .select((transcript::transcript_name, transcript::id))
        .load(conn)?;
    Ok(found)
}

/// Inserts the transcripts and returns `(transcript_name, id)` of each.
///
/// With `overwrite`, a transcript whose name exists is updated to the given values instead (every
/// column but the id); without it, the rows must all be new.
pub fn insert_transcripts(
    conn: &mut PgConnection,
    rows: &[NewTranscript<'_>],
    overwrite: bool,
) -> Result<Vec<(String, i32)>> {
    let returning = (transcript::transcript_name, transcript::id);
    let mut written = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(TRANSCRIPTS_PER_STATEMENT) {
        let insert = diesel::insert_into(transcript::table).values(chunk);
        let ids: Vec<(String, i32)> = if overwrite {
            insert
                .on_conflict(transcript::transcript_name)
                .do_update()
                .set((
                    transcript::gene_id.eq(excluded(transcript::gene_id)),
                    transcript::type_.eq(excluded(transcript::type_)),
                    transcript::genome_reference.eq(excluded(transcript::genome_reference)),
                    transcript::chromosome.eq(excluded(transcript::chromosome)),
                    transcript::tx_start.eq(excluded(transcript::tx_start)),
                    transcript::tx_end.eq(excluded(transcript::tx_end)),
                    transcript::strand.eq(excluded(transcript::strand)),
                    transcript::cds_start.eq(excluded(transcript::cds_start)),
                    transcript::cds_end.eq(excluded(transcript::cds_end)),
                    transcript::exon_starts.eq(excluded(transcript::exon_starts)),
                    transcript::exon_ends.eq(excluded(transcript::exon_ends)),
                    transcript::tags.eq(excluded(transcript::tags)),
                ))
                .returning(returning)
                .get_results(conn)?
        } else {
            insert.returning(returning).get_results(conn)?
        };
        written.extend(ids);
    }
    Ok(written)
}

/// Every stored phenotype of the genes `gene_ids`.
pub fn phenotypes_of_genes(conn: &mut PgConnection, gene_ids: &[i32]) -> Result<Vec<PhenotypeKey>> {
    let found = phenotype::table
        .filter(phenotype::gene_id.eq_any(gene_ids))
        .select(PhenotypeKey::as_select())
        .load(conn)?;
    Ok(found)
}

/// Inserts the phenotypes and returns their keys.
///
/// With `overwrite`, a phenotype that exists (same gene, description and inheritance) gets the
/// given `omim_id` instead; without it, the rows must all be new.
pub fn insert_phenotypes(
    conn: &mut PgConnection,
    rows: &[NewPhenotype<'_>],
    overwrite: bool,
) -> Result<Vec<PhenotypeKey>> {
    let gene_ids: Vec<i32> = rows.iter().map(|row| row.gene_id).collect();
    let descriptions: Vec<&str> = rows.iter().map(|row| row.description).collect();
    let inheritances: Vec<&str> = rows.iter().map(|row| row.inheritance).collect();
    let omim_ids: Vec<Option<i32>> = rows.iter().map(|row| row.omim_id).collect();
    let insert = diesel::insert_into(phenotype::table)
        .values(diesel::select((
            unnest_integers(gene_ids),
            unnest_texts(descriptions),
            unnest_texts(inheritances),
            unnest_nullable_integers(omim_ids),
        )))
        .into_columns((
            phenotype::gene_id,
            phenotype::description,
            phenotype::inheritance,
            phenotype::omim_id,
        ));
    let keys = if overwrite {
        insert
            .on_conflict((
                phenotype::gene_id,
                phenotype::description,
                phenotype::inheritance,
            ))
            .do_update()
            .set(phenotype::omim_id.eq(excluded(phenotype::omim_id)))
            .returning(PhenotypeKey::as_returning())
            .get_results(conn)?
    } else {
        insert
            .returning(PhenotypeKey::as_returning())
            .get_results(conn)?
    };
    Ok(keys)
}

/// Links the transcripts to the panel.
pub fn link_transcripts(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
    links: &[TranscriptLink<'_>],
) -> Result<()> {
    let (ids, inheritances): (Vec<i32>, Vec<&str>) = links
        .iter()
        .map(|link| (link.transcript_id, link.inheritance))
        .unzip();
    diesel::insert_into(genepanel_transcript::table)
        .values(diesel::select((
            name.into_sql::<Text>(),
            version.into_sql::<Text>(),
            unnest_integers(ids),
            unnest_texts(inheritances),
        )))
        .into_columns((
            genepanel_transcript::genepanel_name,
            genepanel_transcript::genepanel_version,
            genepanel_transcript::transcript_id,
            genepanel_transcript::inheritance,
        ))
        .execute(conn)?;
    Ok(())
}

/// Links the phenotypes to the panel.
pub fn link_phenotypes(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
    phenotype_ids: &[i32],
) -> Result<()> {
    diesel::insert_into(genepanel_phenotype::table)
        .values(diesel::select((
            name.into_sql::<Text>(),
            version.into_sql::<Text>(),
            unnest_integers(phenotype_ids),
        )))
        .into_columns((
            genepanel_phenotype::genepanel_name,
            genepanel_phenotype::genepanel_version,
            genepanel_phenotype::phenotype_id,
        ))
        .execute(conn)?;
    Ok(())
}
