//! Import prefilters (import.md §5.2): proband records that a user group's deposit configuration
//! leaves out of an analysis, so that large analyses stay small.
//!
//! A configuration is a list of groups of criteria; a small-variant record is left out when all
//! criteria of at least one group hold. Structural variants are always kept, after the kept small
//! variants of the batch. A record left out only because it had no neighbour is rescued when the
//! next evaluated record turns out to be within 3 bp ("nearby rescue").

use crate::vcf::{InfoValue, VcfHeader, VcfRecord};
use crate::{Error, Result};

/// `GNOMAD_GENOMES__AF` above this is a high frequency (with enough alleles, below).
const HI_FREQUENCY_AF: f64 = 0.05;
/// `GNOMAD_GENOMES__AN` above this makes the frequency reliable.
const HI_FREQUENCY_AN: i64 = 5000;
/// `MQ` below this is a low mapping quality.
const LOW_MAPPING_QUALITY: f64 = 20.0;

/// One prefilter criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Criterion {
    /// Not (a decomposed multiallelic record where the proband's GT has a missing allele).
    NonMultiallelic,
    /// gnomAD genomes AF > 0.05 and AN > 5000.
    HiFrequency,
    /// No evaluated proband record within 3 bp before this one.
    PositionNotNearby,
    /// No allele assessment exists for the variant.
    NoClassification,
    /// MQ < 20.
    LowMappingQuality,
}

impl Criterion {
    /// The configuration keys (ELLA's `VALID_PREFILTER_KEYS`).
    const ALL: [(&'static str, Self); 5] = [
        ("non_multiallelic", Self::NonMultiallelic),
        ("hi_frequency", Self::HiFrequency),
        ("position_not_nearby", Self::PositionNotNearby),
        ("no_classification", Self::NoClassification),
        ("low_mapping_quality", Self::LowMappingQuality),
    ];

    /// The criterion called `key` in a deposit configuration.
    pub(super) fn parse(key: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, criterion)| *criterion)
    }
}

/// The values of the criteria for one record (those the configuration does not use stay
/// `false`), indexed by [`Criterion`] in declaration order.
#[derive(Debug, Clone, Copy, Default)]
struct Checks([bool; 5]);

impl Checks {
    fn get(self, criterion: Criterion) -> bool {
        self.0[criterion as usize]
    }

    fn set(&mut self, criterion: Criterion, value: bool) {
        self.0[criterion as usize] = value;
    }
}

/// The record the next one is compared with.
enum Previous {
    /// None evaluated yet in this VCF.
    None,
    /// A record of the current batch.
    InBatch(usize),
    /// The last evaluated record of an earlier batch (the batch buffers are reused, so it is
    /// kept as a copy).
    Earlier(Box<VcfRecord>),
}

/// What a batch imports.
#[derive(Debug, Default)]
pub(super) struct Selection {
    /// The last evaluated record of the previous batch, left out there and rescued by a nearby
    /// first record of this batch. ELLA imports its allele and annotation, but it is not part of
    /// this batch's blocks, so it gets no genotype (quirk 8, reproduced).
    pub(super) rescued: Option<Box<VcfRecord>>,
    /// The batch indexes of the records to import, in ELLA's order.
    pub(super) indices: Vec<usize>,
}

/// The prefilter of one VCF, with the state it carries from record to record and from batch to
/// batch.
pub(super) struct Prefilter {
    groups: Vec<Vec<Criterion>>,
    previous: Previous,
    /// Whether the previous record was left out but would be imported if it had a neighbour.
    rescue_previous: bool,
}

impl Prefilter {
    /// A prefilter with the configured `groups` (none: every proband record is imported).
    pub(super) fn new(groups: Vec<Vec<Criterion>>) -> Self {
        Self {
            groups,
            previous: Previous::None,
            rescue_previous: false,
        }
    }

    /// Whether the criteria need to know which variants are classified (a database lookup).
    pub(super) fn needs_classifications(&self) -> bool {
        self.groups
            .iter()
            .flatten()
            .any(|criterion| *criterion == Criterion::NoClassification)
    }

    /// Selects the records to import among `proband` (batch indexes of the records the proband
    /// has, in file order). `classified[i]` says whether `records[proband[i]]` has an allele
    /// assessment; it may be empty when [`Self::needs_classifications`] is false.
    ///
    /// Without groups every proband record is imported, in file order. Otherwise the kept small
    /// variants come first (each rescued record just before the record that rescued it), then
    /// the structural variants, as in ELLA's `prefilter_records`.
    pub(super) fn select(
        &mut self,
        records: &[VcfRecord],
        proband: &[usize],
        proband_column: usize,
        classified: &[bool],
        header: &VcfHeader,
    ) -> Result<Selection> {
        if self.groups.is_empty() {
            return Ok(Selection {
                rescued: None,
                indices: proband.to_vec(),
            });
        }
        let mut selection = Selection::default();
        let mut structural = Vec::new();
        for (position, &index) in proband.iter().enumerate() {
            let record = &records[index];
            if record.sv_type().is_some() {
                structural.push(index);
                continue;
            }
            let nearby = match &self.previous {
                Previous::None => false,
                Previous::InBatch(previous) => records[*previous].is_nearby(record),
                Previous::Earlier(previous) => previous.is_nearby(record),
            };
            if self.rescue_previous && nearby {
                match std::mem::replace(&mut self.previous, Previous::None) {
                    Previous::InBatch(previous) => selection.indices.push(previous),
                    Previous::Earlier(previous) => selection.rescued = Some(previous),
                    Previous::None => {}
                }
            }
            let mut checks = self.checks(record, proband_column, header, nearby)?;
            let is_classified = classified.get(position).copied().unwrap_or(false);
            checks.set(Criterion::NoClassification, !is_classified);
            if self.leaves_out(checks) {
                // Would the record be imported if its next neighbour turned out to be nearby?
                checks.set(Criterion::PositionNotNearby, false);
                self.rescue_previous = !self.leaves_out(checks);
            } else {
                selection.indices.push(index);
                self.rescue_previous = false;
            }
            self.previous = Previous::InBatch(index);
        }
        if let Previous::InBatch(last) = self.previous {
            self.previous = Previous::Earlier(Box::new(records[last].clone()));
        }
        selection.indices.extend(structural);
        Ok(selection)
    }

    /// Whether all criteria of some group hold.
    fn leaves_out(&self, checks: Checks) -> bool {
        self.groups
            .iter()
            .any(|group| group.iter().all(|criterion| checks.get(*criterion)))
    }

    /// The criteria the configuration uses (the others stay `false`), all but
    /// `no_classification`, which needs the database.
    fn checks(
        &self,
        record: &VcfRecord,
        proband_column: usize,
        header: &VcfHeader,
        nearby: bool,
    ) -> Result<Checks> {
        let uses = |wanted: Criterion| self.groups.iter().flatten().any(|c| *c == wanted);
        let mut checks = Checks::default();
        checks.set(Criterion::PositionNotNearby, !nearby);
        if uses(Criterion::NonMultiallelic) {
            let genotype = record.genotype(proband_column)?;
            // ELLA: the GT holds something other than 0 and 1 on a decomposed site.
            let odd_alleles = genotype.has_missing() || genotype.max_allele() > 1;
            checks.set(
                Criterion::NonMultiallelic,
                !(record.block_id().is_some() && odd_alleles),
            );
        }
        if uses(Criterion::HiFrequency) {
            let frequent = info_float(record, header, "GNOMAD_GENOMES__AF", 0.0)? > HI_FREQUENCY_AF
                && info_int(record, header, "GNOMAD_GENOMES__AN", 0)? > HI_FREQUENCY_AN;
            checks.set(Criterion::HiFrequency, frequent);
        }
        if uses(Criterion::LowMappingQuality) {
            let low = info_float(record, header, "MQ", f64::INFINITY)? < LOW_MAPPING_QUALITY;
            checks.set(Criterion::LowMappingQuality, low);
        }
        Ok(checks)
    }
}

/// Python's `float(INFO.get(key, default))` of the typed value: a float as read (single
/// precision, widened), an integer, a flag as 1, text parsed. A missing (`.`) or multi-valued
/// value fails in ELLA and is an error here too.
fn info_float(record: &VcfRecord, header: &VcfHeader, key: &str, default: f64) -> Result<f64> {
    let Some(field) = record.info_field(key) else {
        return Ok(default);
    };
    match field.value(header) {
        InfoValue::Float(Some(value)) => Some(value),
        InfoValue::Integer(Some(value)) => Some(f64::from(value)),
        InfoValue::Flag => Some(1.0),
        InfoValue::Text(text) => text.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| not_a_number(record, key, field.raw()))
}

/// Python's `int(INFO.get(key, default))`: an integer as read, a float truncated, text parsed as
/// an integer.
fn info_int(record: &VcfRecord, header: &VcfHeader, key: &str, default: i64) -> Result<i64> {
    let Some(field) = record.info_field(key) else {
        return Ok(default);
    };
    match field.value(header) {
        InfoValue::Integer(Some(value)) => Some(i64::from(value)),
        InfoValue::Float(Some(value)) if value.is_finite() => Some(value.trunc() as i64),
        InfoValue::Flag => Some(1),
        InfoValue::Text(text) => text.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| not_a_number(record, key, field.raw()))
}

fn not_a_number(record: &VcfRecord, key: &str, raw: Option<&str>) -> Error {
    Error::Parse {
        path: record.path().to_owned(),
        line: Some(record.line_number()),
        message: format!(
            "INFO {key}={} is not a single number, which the import prefilter needs",
            raw.unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;
    use crate::vcf::VcfReader;

    const HEADER: &str = "##fileformat=VCFv4.2
##INFO=<ID=GNOMAD_GENOMES__AF,Number=A,Type=Float,Description=\"AF\">
##INFO=<ID=GNOMAD_GENOMES__AN,Number=1,Type=Integer,Description=\"AN\">
##INFO=<ID=MQ,Number=1,Type=Float,Description=\"MQ\">
##INFO=<ID=OLD_MULTIALLELIC,Number=1,Type=String,Description=\"vt\">
##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"SV\">
##INFO=<ID=SVLEN,Number=1,Type=Integer,Description=\"SV\">
#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS
";

    const FREQUENT: &str = "GNOMAD_GENOMES__AF=0.051;GNOMAD_GENOMES__AN=5001";

    /// Records at `(POS, INFO, GT)`, all `A>C` on chromosome 1.
    fn records(lines: &[(u32, &str, &str)]) -> (Vec<VcfRecord>, VcfHeader) {
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        file.write_all(HEADER.as_bytes()).expect("write");
        for (pos, info, gt) in lines {
            writeln!(file, "1\t{pos}\t.\tA\tC\t.\tPASS\t{info}\tGT\t{gt}").expect("write");
        }
        let mut reader = VcfReader::open(file.path()).expect("open");
        let mut records = Vec::new();
        let mut record = VcfRecord::default();
        while reader.read_record(&mut record).expect("record") {
            records.push(record.clone());
        }
        (records, reader.header().clone())
    }

    fn groups(names: &[&[&str]]) -> Vec<Vec<Criterion>> {
        names
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|name| Criterion::parse(name).expect("criterion"))
                    .collect()
            })
            .collect()
    }

    const ALL_FOUR: &[&str] = &[
        "hi_frequency",
        "position_not_nearby",
        "no_classification",
        "non_multiallelic",
    ];

    /// The positions imported when the records come in batches of `batch` records, each record
    /// classified as `classified` says.
    fn imported(
        lines: &[(u32, &str, &str)],
        classified: &[bool],
        config: &[&[&str]],
        batch: usize,
    ) -> Vec<i32> {
        let (records, header) = records(lines);
        let mut prefilter = Prefilter::new(groups(config));
        let mut positions = Vec::new();
        for (chunk, flags) in records.chunks(batch).zip(classified.chunks(batch)) {
            let proband: Vec<usize> = (0..chunk.len()).collect();
            let selection = prefilter
                .select(chunk, &proband, 0, flags, &header)
                .expect("select");
            positions.extend(selection.rescued.map(|record| record.position().get()));
            positions.extend(selection.indices.iter().map(|&i| chunk[i].position().get()));
        }
        positions
    }

    /// The examples of ELLA's `test_prefilterbatchgenerator`.
    #[test]
    fn ellas_examples() {
        let nearby = [(1, FREQUENT, "0/1"), (3, FREQUENT, "0/1")];
        assert_eq!(imported(&nearby, &[false; 2], &[ALL_FOUR], 5), [1, 3]);

        let classified = [(1, FREQUENT, "0/1"), (10, FREQUENT, "0/1")];
        assert_eq!(imported(&classified, &[false, true], &[ALL_FOUR], 5), [10]);

        let multi = format!("{FREQUENT};OLD_MULTIALLELIC=1");
        let multiallelic = [(1, multi.as_str(), "./1"), (10, multi.as_str(), "1/.")];
        assert_eq!(
            imported(&multiallelic, &[false; 2], &[ALL_FOUR], 5),
            [1, 10]
        );

        let frequency = [
            (1, ".", "0/1"),
            (10, FREQUENT, "0/1"),
            (
                100,
                "GNOMAD_GENOMES__AF=0.049;GNOMAD_GENOMES__AN=5001",
                "0/1",
            ),
            (
                1000,
                "GNOMAD_GENOMES__AF=0.051;GNOMAD_GENOMES__AN=4999",
                "0/1",
            ),
        ];
        assert_eq!(
            imported(&frequency, &[false; 4], &[ALL_FOUR], 5),
            [1, 100, 1000]
        );

        let mapping = [(1, ".", "0/1"), (3, "MQ=0", "0/1"), (5, ".", "0/1")];
        assert_eq!(
            imported(
                &mapping,
                &[false; 3],
                &[&["low_mapping_quality"], &["position_not_nearby"]],
                5
            ),
            [1, 5]
        );
    }

    #[test]
    fn the_af_threshold_sees_single_precision() {
        // 0.05 read as a single-precision float is 0.0500000007 > 0.05 (import.md §1.2).
        let lines = [(1, "GNOMAD_GENOMES__AF=0.05;GNOMAD_GENOMES__AN=5001", "0/1")];
        assert_eq!(
            imported(&lines, &[false], &[&["hi_frequency"]], 5),
            [] as [i32; 0]
        );
    }

    #[test]
    fn rescue_reaches_into_the_previous_batch() {
        let lines = [
            (1, FREQUENT, "0/1"),
            (3, FREQUENT, "0/1"),
            (50, FREQUENT, "0/1"),
        ];
        let (records, header) = records(&lines);
        let mut prefilter = Prefilter::new(groups(&[ALL_FOUR]));
        let first = prefilter
            .select(&records[..1], &[0], 0, &[false], &header)
            .expect("select");
        assert!(first.indices.is_empty() && first.rescued.is_none());
        let second = prefilter
            .select(&records[1..], &[0, 1], 0, &[false, false], &header)
            .expect("select");
        assert_eq!(
            second.rescued.map(|record| record.position().get()),
            Some(1)
        );
        assert_eq!(second.indices, [0]);
    }

    #[test]
    fn structural_variants_are_kept_after_small_ones() {
        let lines = [
            (1, "SVTYPE=DEL;SVLEN=-5", "0/1"),
            (100, ".", "0/1"),
            (200, FREQUENT, "0/1"),
        ];
        let (records, header) = records(&lines);
        let mut prefilter = Prefilter::new(groups(&[&["hi_frequency"]]));
        let selection = prefilter
            .select(&records, &[0, 1, 2], 0, &[], &header)
            .expect("select");
        assert_eq!(selection.indices, [1, 0]);
        assert!(!prefilter.needs_classifications());
    }

    #[test]
    fn without_groups_every_proband_record_is_imported() {
        let lines = [(1, FREQUENT, "0/1"), (2, "SVTYPE=DEL;SVLEN=-5", "0/1")];
        let (records, header) = records(&lines);
        let selection = Prefilter::new(Vec::new())
            .select(&records, &[0, 1], 0, &[], &header)
            .expect("select");
        assert_eq!(selection.indices, [0, 1]);
    }

    #[test]
    fn a_missing_frequency_value_is_an_error() {
        let lines = [(7, "GNOMAD_GENOMES__AF=.", "0/1")];
        let (records, header) = records(&lines);
        let error = Prefilter::new(groups(&[&["hi_frequency"]]))
            .select(&records, &[0], 0, &[], &header)
            .expect_err("not a number");
        assert!(
            error.to_string().contains("line 9")
                && error.to_string().contains("GNOMAD_GENOMES__AF"),
            "{error}"
        );
    }
}
