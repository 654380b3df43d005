//! The analysis context of the allele object (api.md §6.5, §6.7): the analysis' samples, the
//! proband genotypes of the requested alleles with every family member's data, and the alleles
//! within 2 bp of each other.

use std::collections::HashMap;

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Int4, Text};
use serde_json::Value;

use super::flags::{self, Locus};
use super::genotype::{self, Call, QcInput};
use super::{
    alleles_by_id, AlleleColumns, GenotypeView, ProbandGenotype, SampleColumns, SampleGenotype,
};
use crate::enums::{GenotypesampledataType, SampleType};
use crate::schema::{genotype as genotype_table, genotypesampledata, sample};
use crate::{Error, Result};

/// A genotype row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = genotype_table, check_for_backend(Pg))]
struct GenotypeRow {
    id: i32,
    allele_id: i32,
    secondallele_id: Option<i32>,
    sample_id: i32,
    variant_quality: Option<i32>,
    filter_status: Option<String>,
}

/// A genotype sample data row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = genotypesampledata, check_for_backend(Pg))]
struct SampleDataRow {
    id: i32,
    genotype_id: i32,
    secondallele: bool,
    multiallelic: bool,
    type_: GenotypesampledataType,
    sample_id: i32,
    genotype_quality: Option<i16>,
    sequencing_depth: Option<i16>,
    genotype_likelihood: Option<Vec<Option<i32>>>,
    allele_depth: Option<Value>,
    copy_number: Option<i16>,
}

/// Everything of an analysis that the allele objects need.
pub(super) struct AnalysisContext {
    samples: Vec<SampleColumns>,
    /// The first genotype (by id) of each (proband sample, allele), for either of its alleles.
    genotypes: HashMap<(i32, i32), GenotypeRow>,
    /// Genotype sample data by (sample, genotype, second allele).
    sample_data: HashMap<(i32, i32, bool), SampleDataRow>,
    /// Both alleles of every loaded genotype, by id.
    genotype_alleles: HashMap<i32, AlleleColumns>,
    /// Requested alleles within 2 bp of another allele of the analysis.
    pub(super) nearby: std::collections::HashSet<i32>,
}

impl AnalysisContext {
    /// Loads the context of `analysis_id` for the requested alleles `ids` (rows in `requested`).
    pub(super) fn load(
        conn: &mut PgConnection,
        analysis_id: i32,
        requested: &HashMap<i32, AlleleColumns>,
        ids: &[i32],
    ) -> Result<Self> {
        let samples: Vec<SampleColumns> = sample::table
            .filter(sample::analysis_id.eq(analysis_id))
            .select(SampleColumns::as_select())
            .order(sample::id)
            .load(conn)?;
        let proband_ids: Vec<i32> = samples
            .iter()
            .filter(|sample| sample.proband)
            .map(|sample| sample.id)
            .collect();
        let genotypes: Vec<GenotypeRow> = genotype_table::table
            .filter(genotype_table::sample_id.eq_any(&proband_ids))
            .filter(
                genotype_table::allele_id
                    .eq_any(ids)
                    .or(genotype_table::secondallele_id.eq_any(ids)),
            )
            .select(GenotypeRow::as_select())
            .order(genotype_table::id)
            .load(conn)?;
        let genotype_ids: Vec<i32> = genotypes.iter().map(|row| row.id).collect();
        let sample_ids: Vec<i32> = samples.iter().map(|sample| sample.id).collect();
        let sample_data: Vec<SampleDataRow> = genotypesampledata::table
            .filter(genotypesampledata::genotype_id.eq_any(&genotype_ids))
            .filter(genotypesampledata::sample_id.eq_any(&sample_ids))
            .select(SampleDataRow::as_select())
            .load(conn)?;
        let sample_data = sample_data
            .into_iter()
            .map(|row| ((row.sample_id, row.genotype_id, row.secondallele), row))
            .collect();
        let missing: Vec<i32> = genotypes
            .iter()
            .flat_map(|row| [Some(row.allele_id), row.secondallele_id])
            .flatten()
            .filter(|id| !requested.contains_key(id))
            .collect();
        let mut genotype_alleles = alleles_by_id(conn, &missing)?;
        genotype_alleles.extend(requested.iter().map(|(id, row)| (*id, row.clone())));
        let nearby = flags::nearby(&analysis_loci(conn, analysis_id)?, ids);
        let mut by_sample_allele = HashMap::new();
        for row in genotypes {
            for allele_id in [Some(row.allele_id), row.secondallele_id]
                .into_iter()
                .flatten()
            {
                by_sample_allele
                    .entry((row.sample_id, allele_id))
                    .or_insert_with(|| row.clone());
            }
        }
        Ok(Self {
            samples,
            genotypes: by_sample_allele,
            sample_data,
            genotype_alleles,
            nearby,
        })
    }

    /// The proband samples carrying `allele`, each with its family, in sample id order.
    pub(super) fn samples_of(&self, allele: &AlleleColumns) -> Result<Vec<ProbandGenotype>> {
        let mut found = Vec::new();
        for proband in self.samples.iter().filter(|sample| sample.proband) {
            let Some(genotype) = self.genotypes.get(&(proband.id, allele.id)) else {
                continue;
            };
            let member = |id: Option<i32>| -> Result<Option<SampleGenotype>> {
                id.map(|id| {
                    let sample = self
                        .samples
                        .iter()
                        .find(|sample| sample.id == id)
                        .ok_or_else(|| Error::NotFound(format!("sample {id}")))?;
                    self.sample_genotype(allele, sample, genotype)
                })
                .transpose()
            };
            found.push(ProbandGenotype {
                proband: self.sample_genotype(allele, proband, genotype)?,
                father: member(proband.father_id)?,
                mother: member(proband.mother_id)?,
                siblings: self
                    .samples
                    .iter()
                    .filter(|sample| sample.sibling_id == Some(proband.id))
                    .map(|sample| self.sample_genotype(allele, sample, genotype))
                    .collect::<Result<_>>()?,
            });
        }
        Ok(found)
    }

    /// `sample`'s data for the proband genotype `genotype` at the position of `allele`.
    fn sample_genotype(
        &self,
        allele: &AlleleColumns,
        sample: &SampleColumns,
        genotype: &GenotypeRow,
    ) -> Result<SampleGenotype> {
        let second = genotype.secondallele_id == Some(allele.id);
        let data = self
            .row_of(sample.id, genotype.id, second)
            .ok_or_else(|| Error::NotFound(format!("genotype data of sample {}", sample.id)))?;
        let qc = genotype::qc(&QcInput {
            vcf_alt: &allele.vcf_alt,
            change_type: allele.change_type,
            filter_status: genotype.filter_status.as_deref(),
            sequencing_depth: data.sequencing_depth,
            genotype_type: data.type_,
            allele_depth: data.allele_depth.as_ref(),
            hts: sample.sample_type == SampleType::Hts,
        });
        Ok(SampleGenotype {
            sample: sample.clone(),
            genotype: GenotypeView {
                id: data.id,
                variant_quality: genotype.variant_quality,
                filter_status: genotype.filter_status.clone(),
                genotype_type: data.type_,
                multiallelic: data.multiallelic,
                genotype_quality: data.genotype_quality,
                genotype_likelihood: data.genotype_likelihood.clone(),
                sequencing_depth: data.sequencing_depth,
                allele_depth: data.allele_depth.clone(),
                copy_number: data.copy_number,
                qc,
                formatted: self.formatted(sample.id, genotype)?,
            },
        })
    }

    fn row_of(&self, sample_id: i32, genotype_id: i32, second: bool) -> Option<&SampleDataRow> {
        self.sample_data.get(&(sample_id, genotype_id, second))
    }

    /// The displayed genotype of `sample_id` for `genotype`.
    fn formatted(&self, sample_id: i32, genotype: &GenotypeRow) -> Result<String> {
        let call = |allele_id: i32, second: bool| -> Option<Call<'_>> {
            let allele = self.genotype_alleles.get(&allele_id)?;
            let data = self.row_of(sample_id, genotype.id, second)?;
            Some(Call {
                change_from: &allele.change_from,
                change_to: &allele.change_to,
                change_type: allele.change_type,
                length: allele.length,
                caller_type: allele.caller_type,
                genotype_type: data.type_,
                multiallelic: data.multiallelic,
                copy_number: data.copy_number,
            })
        };
        let first = call(genotype.allele_id, false).ok_or_else(|| {
            Error::NotFound(format!("first-allele genotype data of sample {sample_id}"))
        })?;
        let second = genotype.secondallele_id.and_then(|id| call(id, true));
        genotype::formatted(&first, second.as_ref())
    }
}

/// Every allele of the analysis (through its samples' genotypes), grouped by chromosome and
/// ordered by start and end within one. That is all [`flags::nearby`] needs (it never pairs loci
/// of two chromosomes), so the sort happens here rather than under the database's collation.
fn analysis_loci(conn: &mut PgConnection, analysis_id: i32) -> Result<Vec<Locus>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Int4)]
        id: i32,
        #[diesel(sql_type = Text)]
        chromosome: String,
        #[diesel(sql_type = Int4)]
        start_position: i32,
        #[diesel(sql_type = Int4)]
        open_end_position: i32,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT a.id, a.chromosome, a.start_position, a.open_end_position FROM allele a
         WHERE a.id IN (SELECT g.allele_id FROM genotype g JOIN sample s ON s.id = g.sample_id
                        WHERE s.analysis_id = $1
                        UNION
                        SELECT g.secondallele_id FROM genotype g JOIN sample s ON s.id = g.sample_id
                        WHERE s.analysis_id = $1)",
    )
    .bind::<Int4, _>(analysis_id)
    .load(conn)?;
    let mut loci: Vec<Locus> = rows
        .into_iter()
        .map(|row| Locus {
            id: row.id,
            chromosome: row.chromosome,
            start: row.start_position,
            end: row.open_end_position,
        })
        .collect();
    loci.sort_unstable_by(|a, b| {
        (&a.chromosome, a.start, a.end, a.id).cmp(&(&b.chromosome, b.start, b.end, b.id))
    });
    Ok(loci)
}
