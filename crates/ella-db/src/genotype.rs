//! Genotypes (the proband's genotype of a site) and genotype sample data (every sample's data for
//! that genotype), datamodel.md §3.3, import.md §4.
//!
//! A batch of 2000 records of a trio gives thousands of rows; each insert binds one array per
//! column (`unnest`), so a batch costs three statements.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Float8, Int2, Int4, Jsonb, Nullable, Text};
use serde_json::Value;

use crate::enums::GenotypesampledataType;
use crate::schema::sql_types::GenotypesampledataType as GenotypesampledataTypeSql;
use crate::Result;

/// A genotype row to insert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewGenotype<'a> {
    /// The (first) allele.
    pub allele_id: i32,
    /// The second allele of a compound genotype.
    pub secondallele_id: Option<i32>,
    /// The proband's sample.
    pub sample_id: i32,
    /// `QUAL`, truncated.
    pub variant_quality: Option<i32>,
    /// Raw `FILTER`.
    pub filter_status: &'a str,
}

/// A genotype sample data row to insert.
#[derive(Debug, Clone, PartialEq)]
pub struct NewGenotypeSampleData<'a> {
    /// The proband's genotype.
    pub genotype_id: i32,
    /// The sample.
    pub sample_id: i32,
    /// Whether the row describes the genotype's second allele.
    pub secondallele: bool,
    /// Whether the sample's GT is `1/.`, `./1`, `0/.` or `./0`.
    pub multiallelic: bool,
    /// The sample's genotype relative to the proband's variant.
    pub genotype_type: GenotypesampledataType,
    /// FORMAT `GQ`.
    pub genotype_quality: Option<i16>,
    /// FORMAT `DP`.
    pub sequencing_depth: Option<i16>,
    /// FORMAT `CN`.
    pub copy_number: Option<i16>,
    /// FORMAT `PL` without missing values.
    pub genotype_likelihood: Option<&'a [i32]>,
    /// Allele depths by label (datamodel.md §7.11).
    pub allele_depth: Value,
    /// ALT depth over the sum of depths.
    pub allele_ratio: f64,
}

/// Inserts the genotypes and returns their ids, in input order.
///
/// The ids are drawn from the sequence first, so they are assigned in input order (as ELLA's bulk
/// insert assigns them) and map to the rows without relying on the order of `RETURNING`.
pub fn insert_genotypes(conn: &mut PgConnection, rows: &[NewGenotype<'_>]) -> Result<Vec<i32>> {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = Int4)]
        id: i32,
    }
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i32> = diesel::sql_query(
        "SELECT nextval(pg_get_serial_sequence('genotype', 'id'))::int4 AS id
         FROM generate_series(1, $1)",
    )
    .bind::<BigInt, _>(rows.len() as i64)
    .load::<Id>(conn)?
    .into_iter()
    .map(|row| row.id)
    .collect();
    // A sequence hands out increasing values within a session; sorting guards the row order.
    ids.sort_unstable();
    diesel::sql_query(
        "INSERT INTO genotype (id, allele_id, secondallele_id, sample_id, variant_quality,
             filter_status)
         SELECT * FROM unnest($1, $2, $3, $4, $5, $6)",
    )
    .bind::<Array<Int4>, _>(&ids)
    .bind::<Array<Int4>, _>(rows.iter().map(|row| row.allele_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<Int4>>, _>(
        rows.iter()
            .map(|row| row.secondallele_id)
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Int4>, _>(rows.iter().map(|row| row.sample_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<Int4>>, _>(
        rows.iter()
            .map(|row| row.variant_quality)
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Text>, _>(rows.iter().map(|row| row.filter_status).collect::<Vec<_>>())
    .execute(conn)?;
    Ok(ids)
}

/// Inserts the genotype sample data rows, in input order.
pub fn insert_sample_data(
    conn: &mut PgConnection,
    rows: &[NewGenotypeSampleData<'_>],
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // `integer[]` values cannot be nested in an array parameter (PostgreSQL arrays are
    // rectangular), so the likelihoods travel as array literals and are cast back.
    let likelihoods: Vec<Option<String>> = rows
        .iter()
        .map(|row| row.genotype_likelihood.map(array_literal))
        .collect();
    diesel::sql_query(
        "INSERT INTO genotypesampledata (genotype_id, sample_id, secondallele, multiallelic, type,
             genotype_quality, sequencing_depth, copy_number, genotype_likelihood, allele_depth,
             allele_ratio)
         SELECT genotype_id, sample_id, secondallele, multiallelic, type, genotype_quality,
             sequencing_depth, copy_number, genotype_likelihood::integer[], allele_depth,
             allele_ratio
         FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) WITH ORDINALITY
             AS n(genotype_id, sample_id, secondallele, multiallelic, type, genotype_quality,
                  sequencing_depth, copy_number, genotype_likelihood, allele_depth, allele_ratio,
                  ord)
         ORDER BY ord",
    )
    .bind::<Array<Int4>, _>(rows.iter().map(|row| row.genotype_id).collect::<Vec<_>>())
    .bind::<Array<Int4>, _>(rows.iter().map(|row| row.sample_id).collect::<Vec<_>>())
    .bind::<Array<Bool>, _>(rows.iter().map(|row| row.secondallele).collect::<Vec<_>>())
    .bind::<Array<Bool>, _>(rows.iter().map(|row| row.multiallelic).collect::<Vec<_>>())
    .bind::<Array<GenotypesampledataTypeSql>, _>(
        rows.iter().map(|row| row.genotype_type).collect::<Vec<_>>(),
    )
    .bind::<Array<Nullable<Int2>>, _>(
        rows.iter()
            .map(|row| row.genotype_quality)
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Nullable<Int2>>, _>(
        rows.iter()
            .map(|row| row.sequencing_depth)
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Nullable<Int2>>, _>(rows.iter().map(|row| row.copy_number).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(likelihoods)
    .bind::<Array<Jsonb>, _>(rows.iter().map(|row| &row.allele_depth).collect::<Vec<_>>())
    .bind::<Array<Float8>, _>(rows.iter().map(|row| row.allele_ratio).collect::<Vec<_>>())
    .execute(conn)?;
    Ok(())
}

/// PostgreSQL's text form of an integer array, `{1,2,3}`.
fn array_literal(values: &[i32]) -> String {
    let items: Vec<String> = values.iter().map(i32::to_string).collect();
    format!("{{{}}}", items.join(","))
}

#[cfg(test)]
mod tests {
    use super::array_literal;

    #[test]
    fn array_literals() {
        assert_eq!(array_literal(&[697, 29, 0]), "{697,29,0}");
        assert_eq!(array_literal(&[-1]), "{-1}");
    }
}
