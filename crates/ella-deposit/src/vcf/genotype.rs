//! Genotype reading (import.md §1.5) and the `genotype` / `genotypesampledata` rows of a batch
//! (§4, datamodel.md §3.3, §7.11).
//!
//! A batch is split into blocks: the records of one decomposed multiallelic site (same INFO
//! `OLD_MULTIALLELIC`, adjacent), or single records. Each block with one or two imported proband
//! alleles gives one `genotype` row and, per sample and proband record, one `genotypesampledata`
//! row.

use std::ops::Range;

use super::allele::{sv_change_type, CallerType, ChangeType, NewAllele};
use super::header::VcfHeader;
use super::record::{FormatKey, Genotype, VcfRecord, MISSING_ALLELE};
use crate::Result;

impl VcfRecord {
    /// Whether the sample in column `sample` has this record's allele (§1.5): the largest allele
    /// index of its GT is 1. CNV callers write `./.` for duplications, so a structural `dup` or
    /// `dup_tandem` with GT `./.` counts as well.
    ///
    /// A structural variant with an unsupported type is an error here, whoever carries it
    /// (ELLA quirk 18).
    pub fn has_allele(&self, sample: usize) -> Result<bool> {
        let genotype = self.genotype(sample)?;
        if self.sv_type().is_some()
            && matches!(
                sv_change_type(self)?,
                ChangeType::Dup | ChangeType::DupTandem
            )
            && genotype == Genotype::Diploid(MISSING_ALLELE, MISSING_ALLELE)
        {
            return Ok(true);
        }
        Ok(genotype.max_allele() == 1)
    }
}

/// `genotypesampledata.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GenotypeType {
    /// `Homozygous`: `1/1` or haploid `1`.
    Homozygous,
    /// `Heterozygous`: `0/1`, `1/0`, `1/.`, `./1`.
    Heterozygous,
    /// `Reference` (relative to the proband's variant): `0/0`, `0/.`, `./0`, `0`, and `./.` or
    /// `.` for a sample with coverage elsewhere in the block.
    Reference,
    /// `No coverage`: `./.` or `.` in every record of the block.
    NoCoverage,
}

impl GenotypeType {
    /// The label of the `genotypesampledata_type` database enum.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Homozygous => "Homozygous",
            Self::Heterozygous => "Heterozygous",
            Self::Reference => "Reference",
            Self::NoCoverage => "No coverage",
        }
    }

    /// ELLA's genotype table (§4.3); `None` for a genotype ELLA does not support. `./.` and `.`
    /// map to `Reference` here; the block decides about `No coverage`.
    fn of(genotype: Genotype) -> Option<Self> {
        const M: i32 = MISSING_ALLELE;
        match genotype {
            Genotype::Diploid(0 | M, 1) | Genotype::Diploid(1, 0 | M) => Some(Self::Heterozygous),
            Genotype::Diploid(1, 1) | Genotype::Haploid(1) => Some(Self::Homozygous),
            Genotype::Diploid(0 | M, 0 | M) | Genotype::Haploid(0 | M) => Some(Self::Reference),
            _ => None,
        }
    }
}

/// `genotypesampledata.allele_depth`: read counts by allele label, in ELLA's insertion order
/// (datamodel.md §7.11), e.g. `{"REF (G)": 0, "A": 35}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlleleDepth(Vec<(String, i32)>);

impl AlleleDepth {
    /// The entries, label and count.
    pub fn entries(&self) -> &[(String, i32)] {
        &self.0
    }

    /// The count of `label`.
    pub fn get(&self, label: &str) -> Option<i32> {
        self.0
            .iter()
            .find(|(key, _)| key == label)
            .map(|(_, count)| *count)
    }

    /// The JSON object stored in the `jsonb` column.
    pub fn to_json(&self) -> serde_json::Value {
        self.0
            .iter()
            .map(|(label, count)| (label.clone(), serde_json::Value::from(*count)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }

    /// Sets `label` (Python `dict` update: an existing key keeps its place).
    fn set(&mut self, label: String, count: i32) {
        match self.0.iter_mut().find(|(key, _)| *key == label) {
            Some(entry) => entry.1 = count,
            None => self.0.push((label, count)),
        }
    }
}

/// The `genotype` row of a block: the proband's genotype (§4.2). Alleles are given as indexes
/// into the batch; the deposit maps them to the ids of the alleles it got or created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbandGenotype<'r> {
    /// The batch index of the record of `allele_id`.
    pub allele: usize,
    /// The batch index of the record of `secondallele_id` (a compound genotype `1/.` + `./1`).
    pub secondallele: Option<usize>,
    /// `filter_status`: raw `FILTER` of the block's first proband record.
    pub filter_status: &'r str,
    /// `variant_quality`: `QUAL` of the block's first proband record, truncated.
    pub variant_quality: Option<i32>,
}

/// One `genotypesampledata` row (§4.3).
#[derive(Debug, Clone, PartialEq)]
pub struct SampleData {
    /// The sample column (0-based, header order) whose `sample` row this is.
    pub sample: usize,
    /// `secondallele`: the row describes the genotype's second allele.
    pub secondallele: bool,
    /// `type`.
    pub genotype_type: GenotypeType,
    /// `multiallelic`: the sample's GT is `1/.`, `./1`, `0/.` or `./0`.
    pub multiallelic: bool,
    /// `genotype_quality`: FORMAT `GQ`.
    pub genotype_quality: Option<i16>,
    /// `sequencing_depth`: FORMAT `DP`.
    pub sequencing_depth: Option<i16>,
    /// `copy_number`: FORMAT `CN`.
    pub copy_number: Option<i16>,
    /// `genotype_likelihood`: FORMAT `PL` without missing values; `None` when absent, all
    /// missing, or `multiallelic` (decomposition makes PL misleading).
    pub genotype_likelihood: Option<Vec<i32>>,
    /// `allele_depth` (§4.4).
    pub allele_depth: AlleleDepth,
    /// `allele_ratio`: the ALT count over the sum of the counts; 0 without counts.
    pub allele_ratio: f64,
}

/// The rows of one block.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockGenotype<'r> {
    /// The block's records, as a range of the batch.
    pub records: Range<usize>,
    /// The `genotype` row.
    pub genotype: ProbandGenotype<'r>,
    /// The `genotypesampledata` rows: for each sample in header order, one per proband record
    /// (allele first, second allele next).
    pub sample_data: Vec<SampleData>,
}

/// The genotype rows of a batch (§4).
///
/// Call it once per batch of [`super::VcfReader::read_batch`]: blocks never span batches, and
/// ELLA's coverage rule for duplications carries state from block to block within one batch.
///
/// `alleles[i]` is the allele imported for `batch[i]`, `None` for records not imported (the
/// proband lacks the allele, or a prefilter dropped it). Blocks whose proband records were all
/// not imported give no rows. Errors, as in ELLA: more than two proband alleles in a block, a
/// compound genotype other than `1/.` + `./1`, a genotype ELLA does not support, a partial AD,
/// REF counts that differ within a block, a record with several ALT alleles, and GQ/DP/CN values
/// that do not fit `smallint`.
///
/// # Panics
///
/// When `alleles` and `batch` differ in length.
pub fn derive_genotypes<'r>(
    batch: &'r [VcfRecord],
    alleles: &[Option<NewAllele<'_>>],
    proband: usize,
    header: &VcfHeader,
) -> Result<Vec<BlockGenotype<'r>>> {
    assert_eq!(batch.len(), alleles.len(), "one allele slot per record");
    let sample_count = header.samples().len();
    let mut rows = Vec::new();
    let mut covered = vec![false; sample_count];
    // ELLA's `allele` variable in `BlockIterator.iter_blocks`: set by every record the proband
    // has (to its imported allele, or nothing), kept across blocks within the batch. A fully
    // missing GT counts as coverage while it is a structural duplication (§4.1).
    let mut last_proband_dup = false;
    for block in blocks(batch) {
        covered.fill(false);
        let mut proband_records = Vec::with_capacity(2);
        let mut kept = Vec::with_capacity(block.len());
        for index in block.clone() {
            let record = &batch[index];
            let mut keep = false;
            if record.has_allele(proband)? {
                let allele = alleles[index].as_ref();
                last_proband_dup = allele.is_some_and(|allele| {
                    allele.caller_type == CallerType::Cnv
                        && matches!(allele.change_type, ChangeType::Dup | ChangeType::DupTandem)
                });
                if let Some(allele) = allele {
                    proband_records.push((index, allele));
                }
                keep = true;
            }
            for (sample, covered) in covered.iter_mut().enumerate() {
                let genotype = record.genotype(sample)?;
                keep |= genotype.has_missing();
                *covered |= !genotype.is_all_missing() || last_proband_dup;
            }
            if keep {
                kept.push(index);
            }
        }
        if proband_records.is_empty() {
            continue;
        }
        let block_rows = Block {
            batch,
            header,
            proband,
            kept: &kept,
            covered: &covered,
        }
        .rows(block, &proband_records)?;
        rows.push(block_rows);
    }
    Ok(rows)
}

/// The blocks of a batch (§4.1): a record ends a block when it is the last one, has no
/// `OLD_MULTIALLELIC`, or the next record has another value.
fn blocks(batch: &[VcfRecord]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start == batch.len() {
            return None;
        }
        let mut end = start + 1;
        while end < batch.len()
            && batch[end - 1].block_id().is_some()
            && batch[end - 1].block_id() == batch[end].block_id()
        {
            end += 1;
        }
        let block = start..end;
        start = end;
        Some(block)
    })
}

/// What the rows of one block are derived from.
struct Block<'b, 'r> {
    batch: &'r [VcfRecord],
    header: &'b VcfHeader,
    proband: usize,
    /// Records that carry the proband's allele or a missing call: the allele depths come from
    /// them.
    kept: &'b [usize],
    covered: &'b [bool],
}

impl<'r> Block<'_, 'r> {
    fn rows(
        &self,
        records: Range<usize>,
        proband_records: &[(usize, &NewAllele<'_>)],
    ) -> Result<BlockGenotype<'r>> {
        let (first_index, _) = proband_records[0];
        let first = &self.batch[first_index];
        let (allele, secondallele) = match proband_records {
            [(index, _)] => (*index, None),
            [(a, allele_a), (b, allele_b)] => {
                let pair = self.compound_pair(*a, *b)?;
                if allele_a == allele_b {
                    return Err(first.error("a compound genotype names the same allele twice"));
                }
                (pair.0, Some(pair.1))
            }
            _ => {
                return Err(first.error(&format!(
                    "{} proband alleles in one multiallelic block; ELLA supports at most 2",
                    proband_records.len()
                )))
            }
        };
        let genotype = ProbandGenotype {
            allele,
            secondallele,
            filter_status: first.filter(),
            variant_quality: variant_quality(first)?,
        };

        let same_site = proband_records.iter().all(|(index, _)| {
            let record = &self.batch[*index];
            record.position() == first.position() && record.reference() == first.reference()
        });
        let sample_count = self.covered.len();
        let mut sample_data = Vec::with_capacity(sample_count * proband_records.len());
        for sample in 0..sample_count {
            // ELLA computes (and checks) the depths first; with shifted POS or REF they do not
            // add up, and the rows get none (§4.4).
            let depth = self.allele_depth(sample)?;
            let depth = if same_site {
                depth
            } else {
                AlleleDepth::default()
            };
            for (index, _) in proband_records {
                let record = &self.batch[*index];
                sample_data.push(self.sample_row(
                    record,
                    sample,
                    Some(*index) == secondallele,
                    depth.clone(),
                )?);
            }
        }
        Ok(BlockGenotype {
            records,
            genotype,
            sample_data,
        })
    }

    /// `(allele, secondallele)` of a compound genotype: the record where the proband is `1/.`
    /// comes first, the one with `./1` second (§4.2).
    fn compound_pair(&self, a: usize, b: usize) -> Result<(usize, usize)> {
        const FIRST: Genotype = Genotype::Diploid(1, MISSING_ALLELE);
        const SECOND: Genotype = Genotype::Diploid(MISSING_ALLELE, 1);
        let genotype_a = self.batch[a].genotype(self.proband)?;
        let genotype_b = self.batch[b].genotype(self.proband)?;
        match (genotype_a, genotype_b) {
            (FIRST, SECOND) => Ok((a, b)),
            (SECOND, FIRST) => Ok((b, a)),
            _ => Err(self.batch[a].error(
                "the proband's two alleles in a multiallelic block must have GT 1/. and ./1",
            )),
        }
    }

    fn sample_row(
        &self,
        record: &VcfRecord,
        sample: usize,
        secondallele: bool,
        allele_depth: AlleleDepth,
    ) -> Result<SampleData> {
        if record.alternate_count() != 1 {
            return Err(
                record.error("only decomposed variants are supported: one ALT allele per record")
            );
        }
        let genotype = record.genotype(sample)?;
        let Some(genotype_type) = GenotypeType::of(genotype) else {
            return Err(record.error(&format!(
                "Not supported genotype {} for sample column {}",
                record.raw_genotype(sample),
                sample + 1
            )));
        };
        let allele_ratio = allele_ratio(record, &allele_depth)?;
        let multiallelic = matches!(
            genotype,
            Genotype::Diploid(1 | 0, MISSING_ALLELE) | Genotype::Diploid(MISSING_ALLELE, 1 | 0)
        );
        let genotype_likelihood = if multiallelic {
            None
        } else {
            record
                .format_integers(FormatKey::Pl, sample, 1)?
                .map(|values| values.into_iter().flatten().collect::<Vec<_>>())
                .filter(|values| !values.is_empty())
        };
        let genotype_type = if genotype.is_all_missing() && !self.covered[sample] {
            GenotypeType::NoCoverage
        } else {
            genotype_type
        };
        Ok(SampleData {
            sample,
            secondallele,
            genotype_type,
            multiallelic,
            genotype_quality: record.format_small_int(FormatKey::Gq, sample, self.header)?,
            sequencing_depth: record.format_small_int(FormatKey::Dp, sample, self.header)?,
            copy_number: record.format_small_int(FormatKey::Cn, sample, self.header)?,
            genotype_likelihood,
            allele_depth,
            allele_ratio,
        })
    }

    /// A sample's allele depths over the block's kept records (§4.4): `REF (<REF>)` and `<ALT>`
    /// from every AD with exactly a reference and an alternate count; several REF strings
    /// (decomposed records with different padding) must agree and become one `REF`.
    fn allele_depth(&self, sample: usize) -> Result<AlleleDepth> {
        let mut depth = AlleleDepth::default();
        for &index in self.kept {
            let record = &self.batch[index];
            let width = record.format_width(FormatKey::Ad);
            let Some(values) = record.format_integers(FormatKey::Ad, sample, width)? else {
                continue;
            };
            match values[..] {
                _ if values.iter().all(Option::is_none) => {}
                [Some(reference), Some(alternate)] => {
                    let alt = record
                        .alternate()
                        .ok_or_else(|| record.error("the record has no ALT allele"))?;
                    depth.set(format!("REF ({})", record.reference()), reference);
                    depth.set(alt.to_owned(), alternate);
                }
                [_, _] => {
                    return Err(record.error(&format!(
                        "AD of sample column {} is partly missing",
                        sample + 1
                    )))
                }
                _ => tracing::warn!(
                    path = %record.path().display(),
                    line = record.line_number(),
                    "AD not decomposed; allele depth left empty for this record"
                ),
            }
        }
        let reference_counts: Vec<i32> = depth
            .0
            .iter()
            .filter(|(label, _)| label.starts_with("REF"))
            .map(|(_, count)| *count)
            .collect();
        if let [count, rest @ ..] = reference_counts.as_slice() {
            if !rest.is_empty() {
                if rest.iter().any(|other| other != count) {
                    return Err(self.batch[self.kept[0]].error(&format!(
                        "the REF allele depths of sample column {} differ between the records \
                         of a multiallelic site",
                        sample + 1
                    )));
                }
                depth.0.retain(|(label, _)| !label.starts_with("REF"));
                depth.0.push(("REF".to_owned(), *count));
            }
        }
        Ok(depth)
    }
}

/// The record's ALT count over the sum of all counts; 0 when there are none (§4.4).
fn allele_ratio(record: &VcfRecord, depth: &AlleleDepth) -> Result<f64> {
    // Exact: counts are 32-bit, so their sum stays far below 2^53.
    let sum: f64 = depth.0.iter().map(|(_, count)| f64::from(*count)).sum();
    if sum == 0.0 {
        return Ok(0.0);
    }
    let alternate = record
        .alternate()
        .and_then(|alt| depth.get(alt))
        .ok_or_else(|| record.error("the allele depths have no count for the ALT allele"))?;
    Ok(f64::from(alternate) / sum)
}

/// `int(QUAL)`: QUAL is single precision in htslib, then truncated; out of `integer` range
/// (infinity included) is an error, as the insert fails in ELLA.
fn variant_quality(record: &VcfRecord) -> Result<Option<i32>> {
    let Some(quality) = record.quality().filter(|quality| !quality.is_nan()) else {
        return Ok(None);
    };
    let truncated = f64::from(quality).trunc();
    if !(f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&truncated) {
        return Err(record.error("QUAL is out of the range ELLA stores (integer)"));
    }
    Ok(Some(truncated as i32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vcf::record::tests::{parse_record, test_header};
    use crate::Error;

    const TRIO: [&str; 3] = ["P", "F", "M"];

    /// Records from data lines (`CHROM POS REF ALT INFO FORMAT samples...`, tab-separated, with
    /// ID/QUAL/FILTER filled in), and the alleles of the proband's records.
    fn batch(lines: &[&str], samples: usize) -> Vec<VcfRecord> {
        lines
            .iter()
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                let full = [&fields[..4], &["318.7", "PASS"], &fields[4..]].concat();
                let full = [&full[..2], &["."], &full[2..]].concat().join("\t");
                parse_record(&full, samples)
            })
            .collect()
    }

    fn derive(records: &[VcfRecord], samples: &[&str]) -> Result<Vec<BlockGenotype<'static>>> {
        let header = test_header(samples);
        let alleles = records
            .iter()
            .map(|record| {
                Ok(if record.has_allele(0)? {
                    Some(NewAllele::from_record(record, &header, true)?)
                } else {
                    None
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let records: &'static [VcfRecord] = Vec::leak(records.to_vec());
        derive_genotypes(records, &alleles, 0, &header)
    }

    /// Exact equality: the ratios must be the very doubles ELLA computes.
    fn assert_exact(actual: f64, expected: f64) {
        assert_eq!(
            actual.to_bits(),
            expected.to_bits(),
            "{actual} != {expected}"
        );
    }

    fn depth(entries: &[(&str, i32)]) -> AlleleDepth {
        AlleleDepth(
            entries
                .iter()
                .map(|(label, count)| ((*label).to_owned(), *count))
                .collect(),
        )
    }

    #[test]
    fn biallelic_trio() {
        let records = batch(
            &[
                "1\t3731965\tG\tA\t.\tGT:AD:DP:GQ:PL\t1/1:0,35:35:102:190,105,0\t0/1:15,23:38:47:85,0,47\t0/0:20,0:45:48:0,.,49",
                "1\t3731999\tG\tA\t.\tGT:AD:DP:GQ:PL\t0/0:9,0:9:20:0,20,200\t0/1:4,4:8:30:30,0,30\t0/1:4,4:8:30:30,0,30",
            ],
            3,
        );
        let blocks = derive(&records, &TRIO).expect("genotypes");
        assert_eq!(blocks.len(), 1, "the proband lacks the second variant");
        let block = &blocks[0];
        assert_eq!(block.records, 0..1);
        assert_eq!(
            block.genotype,
            ProbandGenotype {
                allele: 0,
                secondallele: None,
                filter_status: "PASS",
                variant_quality: Some(318),
            }
        );
        let [proband, father, mother] = &block.sample_data[..] else {
            panic!("one row per sample");
        };
        assert_eq!(
            proband,
            &SampleData {
                sample: 0,
                secondallele: false,
                genotype_type: GenotypeType::Homozygous,
                multiallelic: false,
                genotype_quality: Some(102),
                sequencing_depth: Some(35),
                copy_number: None,
                genotype_likelihood: Some(vec![190, 105, 0]),
                allele_depth: depth(&[("REF (G)", 0), ("A", 35)]),
                allele_ratio: 1.0,
            }
        );
        assert_eq!(father.genotype_type, GenotypeType::Heterozygous);
        assert_exact(father.allele_ratio, 23.0 / 38.0);
        assert_eq!(mother.genotype_type, GenotypeType::Reference);
        // Missing PL values are dropped.
        assert_eq!(mother.genotype_likelihood, Some(vec![0, 49]));
        assert_exact(mother.allele_ratio, 0.0);
        assert_eq!(
            proband.allele_depth.to_json(),
            serde_json::json!({"REF (G)": 0, "A": 35})
        );
    }

    #[test]
    fn haploid_calls_and_no_coverage() {
        let records = batch(
            &["X\t153455671\tG\tT\t.\tGT:AD:DP:GQ:PL\t1:0,3:3:23:58,0\t./.:.:.:.:.\t0/1:1,5:6:8:49,0,5"],
            3,
        );
        let blocks = derive(&records, &TRIO).expect("genotypes");
        let rows = &blocks[0].sample_data;
        assert_eq!(rows[0].genotype_type, GenotypeType::Homozygous);
        // PL is padded to the record's widest list, then the padding is dropped.
        assert_eq!(rows[0].genotype_likelihood, Some(vec![58, 0]));
        assert_eq!(rows[1].genotype_type, GenotypeType::NoCoverage);
        assert_eq!(rows[1].genotype_likelihood, None);
        assert_eq!(rows[1].allele_depth, AlleleDepth::default());
        assert_eq!(rows[1].sequencing_depth, None);
        assert_eq!(rows[2].genotype_type, GenotypeType::Heterozygous);
    }

    /// A `1/2` call decomposed by `vt` into `1/.` + `./1`, with a third record of the site the
    /// proband lacks but the father has.
    #[test]
    fn decomposed_multiallelic_site() {
        let records = batch(
            &[
                "1\t100\tGA\tG\tOLD_MULTIALLELIC=1:100:GA/G/GAA/T\tGT:AD:PL\t1/.:5,10:1,2,3\t0/.:7,1:1,2,3\t./.:.:.",
                "1\t100\tGA\tGAA\tOLD_MULTIALLELIC=1:100:GA/G/GAA/T\tGT:AD:PL\t./1:5,8:1,2,3\t./.:7,2:1,2,3\t./.:.:.",
                "1\t100\tG\tT\tOLD_MULTIALLELIC=1:100:GA/G/GAA/T\tGT:AD:PL\t./.:5,0:.\t./1:7,3:1,2,3\t./.:.:.",
                "1\t200\tC\tT\t.\tGT:AD:PL\t0/1:5,5:1,2,3\t0/0:9,0:1,2,3\t0/0:9,0:1,2,3",
            ],
            3,
        );
        let blocks = derive(&records, &TRIO).expect("genotypes");
        assert_eq!(blocks.len(), 2);
        let site = &blocks[0];
        assert_eq!(site.records, 0..3);
        assert_eq!(site.genotype.allele, 0);
        assert_eq!(site.genotype.secondallele, Some(1));
        assert_eq!(site.sample_data.len(), 6);
        let proband_first = &site.sample_data[0];
        let proband_second = &site.sample_data[1];
        assert!(!proband_first.secondallele && proband_second.secondallele);
        assert_eq!(proband_first.genotype_type, GenotypeType::Heterozygous);
        assert!(proband_first.multiallelic);
        assert_eq!(
            proband_first.genotype_likelihood, None,
            "PL is dropped for multiallelic"
        );
        // Same REF count in every record: one collapsed `REF` key (§4.4).
        assert_eq!(
            proband_first.allele_depth,
            depth(&[("G", 10), ("GAA", 8), ("T", 0), ("REF", 5)])
        );
        assert_exact(proband_first.allele_ratio, 10.0 / 23.0);
        assert_exact(proband_second.allele_ratio, 8.0 / 23.0);
        let father_first = &site.sample_data[2];
        assert_eq!(father_first.genotype_type, GenotypeType::Reference);
        assert!(father_first.multiallelic);
        // `./.` next to calls in the same block is `Reference`, in every record `No coverage`.
        assert_eq!(site.sample_data[3].genotype_type, GenotypeType::Reference);
        assert_eq!(site.sample_data[4].genotype_type, GenotypeType::NoCoverage);
        assert_eq!(site.sample_data[5].genotype_type, GenotypeType::NoCoverage);
        assert_eq!(blocks[1].records, 3..4);
    }

    #[test]
    fn without_block_id_decomposed_records_are_separate_genotypes() {
        let records = batch(
            &[
                "1\t100\tG\tA\t.\tGT:AD\t1/.:5,10",
                "1\t100\tG\tC\t.\tGT:AD\t./1:5,8",
            ],
            1,
        );
        let blocks = derive(&records, &["P"]).expect("genotypes");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].genotype.allele, 1);
        assert_eq!(blocks[1].genotype.secondallele, None);
        assert!(blocks[1].sample_data[0].multiallelic);
        assert_eq!(
            blocks[1].sample_data[0].allele_depth,
            depth(&[("REF (G)", 5), ("C", 8)])
        );
    }

    #[test]
    fn shifted_records_have_no_allele_depth() {
        let records = batch(
            &[
                "1\t100\tGA\tG\tOLD_MULTIALLELIC=x\tGT:AD\t1/.:5,10",
                "1\t101\tA\tT\tOLD_MULTIALLELIC=x\tGT:AD\t./1:5,8",
            ],
            1,
        );
        let blocks = derive(&records, &["P"]).expect("genotypes");
        for row in &blocks[0].sample_data {
            assert_eq!(row.allele_depth, AlleleDepth::default());
            assert_exact(row.allele_ratio, 0.0);
        }
    }

    #[test]
    fn prefiltered_records_give_no_genotype() {
        let header = test_header(&["P"]);
        let records = batch(&["1\t100\tG\tA\t.\tGT\t0/1"], 1);
        let blocks = derive_genotypes(&records, &[None], 0, &header).expect("genotypes");
        assert!(blocks.is_empty());
    }

    #[test]
    fn cnv_duplications_count_missing_calls() {
        let records = batch(
            &["1\t500\tN\t<DUP>\tSVTYPE=DUP;SVLEN=100\tGT:CN\t./.:3\t./.:2"],
            2,
        );
        let blocks = derive(&records, &["P", "F"]).expect("genotypes");
        let rows = &blocks[0].sample_data;
        assert_eq!(rows[0].genotype_type, GenotypeType::Reference);
        assert_eq!(rows[0].copy_number, Some(3));
        assert_eq!(rows[1].genotype_type, GenotypeType::Reference);
    }

    #[test]
    fn unsupported_input_is_refused() {
        let refused = |lines: &[&str], samples: &[&str], message: &str| {
            let records = batch(lines, samples.len());
            let error = derive(&records, samples).expect_err(message);
            assert!(
                matches!(&error, Error::Parse { line: Some(10), message: text, .. } if text.contains(message)),
                "{error}"
            );
        };
        refused(
            &["1\t5\tA\tC\t.\tGT\t0/1\t2/1"],
            &["P", "F"],
            "Not supported genotype 2/1 for sample column 2",
        );
        refused(
            &["1\t5\tA\tC\t.\tGT:DP\t0/1:40000"],
            &["P"],
            "outside the range ELLA stores",
        );
        refused(&["1\t5\tA\tC\t.\tGT:AD\t0/1:5,."], &["P"], "partly missing");
        refused(
            &[
                "1\t5\tA\tC\tOLD_MULTIALLELIC=x\tGT\t1/.",
                "1\t5\tA\tG\tOLD_MULTIALLELIC=x\tGT\t1/.",
            ],
            &["P"],
            "must have GT 1/. and ./1",
        );
        refused(
            &[
                "1\t5\tA\tC\tOLD_MULTIALLELIC=x\tGT\t1/.",
                "1\t5\tA\tG\tOLD_MULTIALLELIC=x\tGT\t./1",
                "1\t5\tA\tT\tOLD_MULTIALLELIC=x\tGT\t./1",
            ],
            &["P"],
            "3 proband alleles",
        );
        refused(
            &["1\t5\tA\tC,G\t.\tGT\t0/1"],
            &["P"],
            "one ALT allele per record",
        );
        refused(
            &[
                "1\t5\tAT\tA\tOLD_MULTIALLELIC=x\tGT:AD\t1/.:5,1",
                "1\t5\tATT\tA\tOLD_MULTIALLELIC=x\tGT:AD\t./1:6,1",
            ],
            &["P"],
            "REF allele depths of sample column 1 differ",
        );
        refused(
            &["1\t5\tN\t<INV>\tSVTYPE=INV;SVLEN=5\tGT\t0/0"],
            &["P"],
            "INV is not supported",
        );
    }

    #[test]
    fn proband_calls_with_other_alleles_are_skipped() {
        let records = batch(
            &[
                "1\t5\tA\tC\t.\tGT\t0/2",
                "1\t6\tA\tC\t.\tGT\t0/0",
                "1\t7\tA\tC\t.\tGT\t./.",
            ],
            1,
        );
        assert!(derive(&records, &["P"]).expect("genotypes").is_empty());
    }

    #[test]
    fn blocks_follow_old_multiallelic() {
        let records = batch(
            &[
                "1\t1\tA\tC\t.\tGT\t0/1",
                "1\t2\tA\tC\tOLD_MULTIALLELIC=a\tGT\t0/1",
                "1\t2\tA\tG\tOLD_MULTIALLELIC=a\tGT\t0/1",
                "1\t3\tA\tC\tOLD_MULTIALLELIC=b\tGT\t0/1",
                "1\t4\tA\tC\t.\tGT\t0/1",
            ],
            1,
        );
        assert_eq!(
            blocks(&records).collect::<Vec<_>>(),
            [0..1, 1..3, 3..4, 4..5]
        );
    }
}
