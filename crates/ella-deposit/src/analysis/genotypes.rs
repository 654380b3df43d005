//! The `genotype` and `genotypesampledata` rows of a batch (import.md §4), from the blocks that
//! [`crate::vcf::derive_genotypes`] derives.

use diesel::PgConnection;
use ella_db::enums::GenotypesampledataType;
use ella_db::genotype::{self, NewGenotype, NewGenotypeSampleData};

use crate::vcf::{BlockGenotype, GenotypeType};
use crate::{Error, Result};

/// Inserts the rows of `blocks` and returns the number of genotypes.
///
/// `allele_ids[i]` is the id of the allele imported for record `i` of the batch; `sample_ids`
/// are the sample rows in sample column order, `proband` the proband's column.
pub(super) fn insert(
    conn: &mut PgConnection,
    blocks: &[BlockGenotype<'_>],
    allele_ids: &[Option<i32>],
    sample_ids: &[i32],
    proband: usize,
) -> Result<usize> {
    let allele_id = |index: usize| {
        allele_ids[index].ok_or_else(|| {
            Error::Invalid(format!(
                "internal error: record {index} of the batch has a genotype but no allele"
            ))
        })
    };
    let genotypes = blocks
        .iter()
        .map(|block| {
            Ok(NewGenotype {
                allele_id: allele_id(block.genotype.allele)?,
                secondallele_id: block.genotype.secondallele.map(allele_id).transpose()?,
                sample_id: sample_ids[proband],
                variant_quality: block.genotype.variant_quality,
                filter_status: block.genotype.filter_status,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let genotype_ids = genotype::insert_genotypes(conn, &genotypes)?;
    let sample_data: Vec<NewGenotypeSampleData<'_>> = blocks
        .iter()
        .zip(&genotype_ids)
        .flat_map(|(block, &genotype_id)| {
            block
                .sample_data
                .iter()
                .map(move |data| NewGenotypeSampleData {
                    genotype_id,
                    sample_id: sample_ids[data.sample],
                    secondallele: data.secondallele,
                    multiallelic: data.multiallelic,
                    genotype_type: match data.genotype_type {
                        GenotypeType::Homozygous => GenotypesampledataType::Homozygous,
                        GenotypeType::Heterozygous => GenotypesampledataType::Heterozygous,
                        GenotypeType::Reference => GenotypesampledataType::Reference,
                        GenotypeType::NoCoverage => GenotypesampledataType::NoCoverage,
                    },
                    genotype_quality: data.genotype_quality,
                    sequencing_depth: data.sequencing_depth,
                    copy_number: data.copy_number,
                    genotype_likelihood: data.genotype_likelihood.as_deref(),
                    allele_depth: data.allele_depth.to_json(),
                    allele_ratio: data.allele_ratio,
                })
        })
        .collect();
    genotype::insert_sample_data(conn, &sample_data)?;
    Ok(genotypes.len())
}
