//! Alleles (datamodel.md §3.1): the global variant rows every analysis shares, got or created by
//! their natural key `ucAllele` (import.md §1.4).
//!
//! Every function takes a whole batch and binds one array per column (`unnest ... WITH
//! ORDINALITY`), so a batch of 2000 alleles costs a few statements whatever its size, and results
//! come back keyed by the input position.

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::BoxedSqlQuery;
use diesel::sql_types::{Array, BigInt, Int4, Text};

use crate::enums::{CallerType, ChangeType};
use crate::schema::sql_types::{CallerType as CallerTypeSql, ChangeType as ChangeTypeSql};
use crate::Result;

/// `allele.genome_reference`: ELLA hard-codes it (import.md §1.1).
const GENOME_REFERENCE: &str = "GRCh37";

/// An allele row as the importers write it; every field is part of the natural key `ucAllele`
/// (the genome reference, always `GRCh37`, is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AlleleRow<'a> {
    /// `CHROM` verbatim.
    pub chromosome: &'a str,
    /// 0-based start.
    pub start_position: i32,
    /// 0-based exclusive end.
    pub open_end_position: i32,
    /// Trimmed `REF`.
    pub change_from: &'a str,
    /// Trimmed `ALT`.
    pub change_to: &'a str,
    /// Kind of change.
    pub change_type: ChangeType,
    /// `POS`.
    pub vcf_pos: i32,
    /// `REF` as written.
    pub vcf_ref: &'a str,
    /// The first `ALT` as written.
    pub vcf_alt: &'a str,
    /// Length of the change.
    pub length: i32,
    /// Small variant or structural variant.
    pub caller_type: CallerType,
}

/// `(chromosome, vcf_pos, vcf_ref, vcf_alt)`: how an import maps records to alleles.
pub type VcfKey<'a> = (&'a str, i32, &'a str, &'a str);

/// The rows as one array per column, in the order of the `unnest` lists below.
struct Columns<'a> {
    chromosome: Vec<&'a str>,
    start_position: Vec<i32>,
    open_end_position: Vec<i32>,
    change_from: Vec<&'a str>,
    change_to: Vec<&'a str>,
    change_type: Vec<ChangeType>,
    vcf_pos: Vec<i32>,
    vcf_ref: Vec<&'a str>,
    vcf_alt: Vec<&'a str>,
    length: Vec<i32>,
    caller_type: Vec<CallerType>,
}

impl<'a> Columns<'a> {
    fn new(rows: &[AlleleRow<'a>]) -> Self {
        Self {
            chromosome: rows.iter().map(|row| row.chromosome).collect(),
            start_position: rows.iter().map(|row| row.start_position).collect(),
            open_end_position: rows.iter().map(|row| row.open_end_position).collect(),
            change_from: rows.iter().map(|row| row.change_from).collect(),
            change_to: rows.iter().map(|row| row.change_to).collect(),
            change_type: rows.iter().map(|row| row.change_type).collect(),
            vcf_pos: rows.iter().map(|row| row.vcf_pos).collect(),
            vcf_ref: rows.iter().map(|row| row.vcf_ref).collect(),
            vcf_alt: rows.iter().map(|row| row.vcf_alt).collect(),
            length: rows.iter().map(|row| row.length).collect(),
            caller_type: rows.iter().map(|row| row.caller_type).collect(),
        }
    }

    /// Binds the columns as `$1` to `$11`.
    fn bind(self, sql: &str) -> BoxedSqlQuery<'a, Pg, diesel::query_builder::SqlQuery> {
        diesel::sql_query(sql)
            .into_boxed()
            .bind::<Array<Text>, _>(self.chromosome)
            .bind::<Array<Int4>, _>(self.start_position)
            .bind::<Array<Int4>, _>(self.open_end_position)
            .bind::<Array<Text>, _>(self.change_from)
            .bind::<Array<Text>, _>(self.change_to)
            .bind::<Array<ChangeTypeSql>, _>(self.change_type)
            .bind::<Array<Int4>, _>(self.vcf_pos)
            .bind::<Array<Text>, _>(self.vcf_ref)
            .bind::<Array<Text>, _>(self.vcf_alt)
            .bind::<Array<Int4>, _>(self.length)
            .bind::<Array<CallerTypeSql>, _>(self.caller_type)
    }
}

/// The `unnest` of the bound key columns, as relation `k` with the input position `ord`.
const KEYS: &str = "unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) WITH ORDINALITY
    AS k(chromosome, start_position, open_end_position, change_from, change_to, change_type,
         vcf_pos, vcf_ref, vcf_alt, length, caller_type, ord)";

/// An input position (1-based, from `WITH ORDINALITY`) and the id found for it.
#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = BigInt)]
    ord: i64,
    #[diesel(sql_type = Int4)]
    id: i32,
}

/// The input positions (1-based) of a lookup.
#[derive(QueryableByName)]
struct Position {
    #[diesel(sql_type = BigInt)]
    ord: i64,
}

/// The id of each row's allele, in input order, inserting the alleles that do not exist yet.
///
/// Existing alleles are looked up first and only the missing ones are inserted, in input order:
/// an `INSERT ... ON CONFLICT DO NOTHING` of every row would draw a sequence value for each
/// existing allele too, and the new alleles' ids would no longer be ELLA's. The insert still
/// skips conflicts, so an allele that a concurrent deposit created meanwhile is simply found by
/// the second lookup.
pub fn get_or_create(conn: &mut PgConnection, rows: &[AlleleRow<'_>]) -> Result<Vec<i32>> {
    let mut ids = vec![None; rows.len()];
    fill_existing(conn, rows, &mut ids)?;
    let missing: Vec<AlleleRow<'_>> = rows
        .iter()
        .zip(&ids)
        .filter(|(_, id)| id.is_none())
        .map(|(row, _)| *row)
        .collect();
    if !missing.is_empty() {
        Columns::new(&missing)
            .bind(&format!(
                "INSERT INTO allele (chromosome, start_position, open_end_position, change_from,
                     change_to, change_type, vcf_pos, vcf_ref, vcf_alt, length, caller_type,
                     genome_reference)
                 SELECT k.chromosome, k.start_position, k.open_end_position, k.change_from,
                     k.change_to, k.change_type, k.vcf_pos, k.vcf_ref, k.vcf_alt, k.length,
                     k.caller_type, $12
                 FROM {KEYS} ORDER BY k.ord
                 ON CONFLICT DO NOTHING"
            ))
            .bind::<Text, _>(GENOME_REFERENCE)
            .execute(conn)?;
        fill_existing(conn, rows, &mut ids)?;
    }
    ids.into_iter()
        .map(|id| {
            id.ok_or_else(|| {
                crate::Error::Invalid("an allele could neither be found nor inserted".to_owned())
            })
        })
        .collect()
}

/// Sets `ids[i]` for every row `i` whose allele exists.
fn fill_existing(
    conn: &mut PgConnection,
    rows: &[AlleleRow<'_>],
    ids: &mut [Option<i32>],
) -> Result<()> {
    let found: Vec<Found> = Columns::new(rows)
        .bind(&format!(
            "SELECT k.ord, a.id FROM {KEYS}
             JOIN allele a ON a.chromosome = k.chromosome
                 AND a.start_position = k.start_position
                 AND a.open_end_position = k.open_end_position
                 AND a.change_from = k.change_from AND a.change_to = k.change_to
                 AND a.change_type = k.change_type AND a.vcf_pos = k.vcf_pos
                 AND a.vcf_ref = k.vcf_ref AND a.vcf_alt = k.vcf_alt
                 AND a.length = k.length AND a.caller_type = k.caller_type"
        ))
        .load(conn)?;
    for Found { ord, id } in found {
        ids[ordinal_index(ord)] = Some(id);
    }
    Ok(())
}

/// Which of `keys` name an allele that has an allele assessment (current or superseded): the
/// `no_classification` prefilter criterion (import.md §5.2). One flag per key, in input order.
pub fn classified(conn: &mut PgConnection, keys: &[VcfKey<'_>]) -> Result<Vec<bool>> {
    let found: Vec<Position> = diesel::sql_query(
        "SELECT DISTINCT k.ord FROM unnest($1, $2, $3, $4) WITH ORDINALITY
             AS k(chromosome, vcf_pos, vcf_ref, vcf_alt, ord)
         JOIN allele a ON a.chromosome = k.chromosome AND a.vcf_pos = k.vcf_pos
             AND a.vcf_ref = k.vcf_ref AND a.vcf_alt = k.vcf_alt
         JOIN alleleassessment aa ON aa.allele_id = a.id",
    )
    .bind::<Array<Text>, _>(keys.iter().map(|key| key.0).collect::<Vec<_>>())
    .bind::<Array<Int4>, _>(keys.iter().map(|key| key.1).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(keys.iter().map(|key| key.2).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(keys.iter().map(|key| key.3).collect::<Vec<_>>())
    .load(conn)?;
    let mut flags = vec![false; keys.len()];
    for Position { ord } in found {
        flags[ordinal_index(ord)] = true;
    }
    Ok(flags)
}

/// Which loci lie inside no transcript of the panel (import.md §9).
///
/// `loci` are `(chromosome, 0-based position)`; the result holds their 0-based input positions,
/// ascending. Inside means `tx_start <= position <= tx_end`, both ends inclusive as in ELLA's
/// `is_inside_transcripts`.
pub fn outside_panel(
    conn: &mut PgConnection,
    genepanel_name: &str,
    genepanel_version: &str,
    loci: &[(&str, i32)],
) -> Result<Vec<usize>> {
    let found: Vec<Position> = diesel::sql_query(
        "SELECT k.ord FROM unnest($1, $2) WITH ORDINALITY AS k(chromosome, position, ord)
         WHERE NOT EXISTS (
             SELECT 1 FROM genepanel_transcript gt JOIN transcript t ON t.id = gt.transcript_id
             WHERE gt.genepanel_name = $3 AND gt.genepanel_version = $4
                 AND t.chromosome = k.chromosome
                 AND t.tx_start <= k.position AND k.position <= t.tx_end)
         ORDER BY k.ord",
    )
    .bind::<Array<Text>, _>(loci.iter().map(|locus| locus.0).collect::<Vec<_>>())
    .bind::<Array<Int4>, _>(loci.iter().map(|locus| locus.1).collect::<Vec<_>>())
    .bind::<Text, _>(genepanel_name)
    .bind::<Text, _>(genepanel_version)
    .load(conn)?;
    Ok(found
        .into_iter()
        .map(|Position { ord }| ordinal_index(ord))
        .collect())
}

/// The 0-based index of a 1-based `WITH ORDINALITY` position.
fn ordinal_index(ord: i64) -> usize {
    usize::try_from(ord - 1).unwrap_or(usize::MAX)
}
