//! One VCF data line: its columns, located once, and the sample genotypes (import.md §1.1, §1.5).
//!
//! A record owns its line and keeps byte ranges into it, so reading a record allocates nothing
//! once its buffers have grown. Only the genotypes (`GT`) are parsed eagerly, because every
//! record is checked for the proband's allele; the other FORMAT values are parsed on demand, for
//! the few records that become genotypes.
//!
//! noodles' lazy record is not used for the data lines: it accepts a line with missing columns
//! (giving empty fields) and a last line cut short, which would let a truncated file pass as a
//! shorter one; its typed INFO values split String values on commas where htslib keeps the
//! whole text (§1.2). Splitting a line on tabs is all that is needed here.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use memchr::{memchr, memchr_iter};

use super::header::VcfHeader;
use super::info::InfoEntries;
use super::number::{format_integer, single_precision};
use super::position::VcfPos;
use crate::{Error, Result};

/// The allele index of a missing call (`.`) in a [`Genotype`], as in cyvcf2.
pub const MISSING_ALLELE: i32 = -1;

/// A sample's `GT`: allele indices, phasing ignored, `.` as [`MISSING_ALLELE`] (§1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Genotype {
    /// One allele (`1`, `.`).
    Haploid(i32),
    /// Two alleles (`0/1`, `1|.`).
    Diploid(i32, i32),
    /// Three or more alleles: ELLA supports none of them as a genotype, so only what
    /// [`Genotype::max_allele`] and the missing checks need is kept.
    Polyploid {
        /// The largest allele index.
        max: i32,
        /// Whether some allele is missing.
        any_missing: bool,
        /// Whether every allele is missing.
        all_missing: bool,
    },
}

impl Genotype {
    /// The largest allele index (ELLA's `max(gt)`); [`MISSING_ALLELE`] when all are missing.
    pub fn max_allele(self) -> i32 {
        match self {
            Self::Haploid(allele) => allele,
            Self::Diploid(first, second) => first.max(second),
            Self::Polyploid { max, .. } => max,
        }
    }

    /// Whether some allele is missing (`./1`, `.`).
    pub fn has_missing(self) -> bool {
        match self {
            Self::Haploid(allele) => allele == MISSING_ALLELE,
            Self::Diploid(first, second) => first == MISSING_ALLELE || second == MISSING_ALLELE,
            Self::Polyploid { any_missing, .. } => any_missing,
        }
    }

    /// Whether every allele is missing (`./.`, `.`).
    pub fn is_all_missing(self) -> bool {
        match self {
            Self::Haploid(allele) => allele == MISSING_ALLELE,
            Self::Diploid(first, second) => first == MISSING_ALLELE && second == MISSING_ALLELE,
            Self::Polyploid { all_missing, .. } => all_missing,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        let mut alleles = text.split(['/', '|']).map(|allele| match allele {
            "." => Some(MISSING_ALLELE),
            _ if allele.bytes().all(|b| b.is_ascii_digit()) => allele.parse().ok(),
            _ => None,
        });
        let first = alleles.next()??;
        let Some(second) = alleles.next() else {
            return Some(Self::Haploid(first));
        };
        let second = second?;
        let mut genotype = Self::Diploid(first, second);
        for allele in alleles {
            let allele = allele?;
            genotype = Self::Polyploid {
                max: genotype.max_allele().max(allele),
                any_missing: genotype.has_missing() || allele == MISSING_ALLELE,
                all_missing: genotype.is_all_missing() && allele == MISSING_ALLELE,
            };
        }
        Some(genotype)
    }
}

/// The FORMAT keys ELLA reads besides `GT` (§4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormatKey {
    /// Allele depths.
    Ad,
    /// Read depth.
    Dp,
    /// Genotype quality.
    Gq,
    /// Phred-scaled genotype likelihoods.
    Pl,
    /// Copy number.
    Cn,
}

impl FormatKey {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Ad => "AD",
            Self::Dp => "DP",
            Self::Gq => "GQ",
            Self::Pl => "PL",
            Self::Cn => "CN",
        }
    }
}

/// Where the keys ELLA reads sit in a FORMAT column.
#[derive(Debug, Clone, Copy, Default)]
struct FormatKeys {
    gt: Option<usize>,
    ad: Option<usize>,
    dp: Option<usize>,
    gq: Option<usize>,
    pl: Option<usize>,
    cn: Option<usize>,
}

impl FormatKeys {
    fn new(format: &str) -> Self {
        let mut keys = Self::default();
        for (index, key) in format.split(':').enumerate() {
            let slot = match key {
                "GT" => &mut keys.gt,
                "AD" => &mut keys.ad,
                "DP" => &mut keys.dp,
                "GQ" => &mut keys.gq,
                "PL" => &mut keys.pl,
                "CN" => &mut keys.cn,
                _ => continue,
            };
            slot.get_or_insert(index);
        }
        keys
    }

    fn get(self, key: FormatKey) -> Option<usize> {
        match key {
            FormatKey::Ad => self.ad,
            FormatKey::Dp => self.dp,
            FormatKey::Gq => self.gq,
            FormatKey::Pl => self.pl,
            FormatKey::Cn => self.cn,
        }
    }
}

/// The last FORMAT column seen and its keys: consecutive records nearly always share it.
#[derive(Debug, Default)]
pub(crate) struct FormatCache {
    text: String,
    keys: FormatKeys,
}

impl FormatCache {
    fn keys(&mut self, format: &str) -> FormatKeys {
        if format != self.text {
            self.text.clear();
            self.text.push_str(format);
            self.keys = FormatKeys::new(format);
        }
        self.keys
    }
}

/// The columns every data line has.
const FIXED_COLUMNS: [&str; 8] = ["CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"];

/// One data line of a VCF.
#[derive(Debug, Clone)]
pub struct VcfRecord {
    path: Arc<Path>,
    line_number: usize,
    line: String,
    chromosome: Range<usize>,
    position: VcfPos,
    id: Range<usize>,
    reference: Range<usize>,
    alternates: Range<usize>,
    quality: Option<f32>,
    filter: Range<usize>,
    info: Range<usize>,
    block_id: Option<Range<usize>>,
    sv_type: Option<Range<usize>>,
    format: FormatKeys,
    samples: Vec<Range<usize>>,
    genotypes: Vec<Genotype>,
}

impl Default for VcfRecord {
    fn default() -> Self {
        Self {
            path: Arc::from(Path::new("")),
            line_number: 0,
            line: String::new(),
            chromosome: 0..0,
            position: VcfPos::FIRST,
            id: 0..0,
            reference: 0..0,
            alternates: 0..0,
            quality: None,
            filter: 0..0,
            info: 0..0,
            block_id: None,
            sv_type: None,
            format: FormatKeys::default(),
            samples: Vec::new(),
            genotypes: Vec::new(),
        }
    }
}

impl VcfRecord {
    /// The file the record was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line number of the record in its file.
    pub fn line_number(&self) -> usize {
        self.line_number
    }

    /// `CHROM`, verbatim (§1.1).
    pub fn chromosome(&self) -> &str {
        &self.line[self.chromosome.clone()]
    }

    /// `POS`.
    pub fn position(&self) -> VcfPos {
        self.position
    }

    /// `ID` as written (`.` when missing).
    pub fn id(&self) -> &str {
        &self.line[self.id.clone()]
    }

    /// `REF`.
    pub fn reference(&self) -> &str {
        &self.line[self.reference.clone()]
    }

    /// The first `ALT` allele, the only one ELLA uses (§1.3); `None` when `ALT` is `.`.
    pub fn alternate(&self) -> Option<&str> {
        let alternates = &self.line[self.alternates.clone()];
        (alternates != ".").then(|| alternates.split(',').next().unwrap_or(alternates))
    }

    /// The `ALT` column as written, every allele comma-separated.
    pub fn alternates(&self) -> &str {
        &self.line[self.alternates.clone()]
    }

    /// The number of `ALT` alleles (0 for `.`); ELLA's genotype import requires 1 (§1.3).
    pub fn alternate_count(&self) -> usize {
        let alternates = &self.line[self.alternates.clone()];
        if alternates == "." {
            0
        } else {
            alternates.split(',').count()
        }
    }

    /// `QUAL` as htslib stores it (single precision); `None` when missing.
    pub fn quality(&self) -> Option<f32> {
        self.quality
    }

    /// `FILTER` as written (`PASS`, `.`, `LowQual;X`); ELLA stores the raw text, so `.` and
    /// `PASS` stay distinct (§4.2).
    pub fn filter(&self) -> &str {
        &self.line[self.filter.clone()]
    }

    /// The raw `INFO` column, `""` when it is `.`.
    pub(crate) fn info_text(&self) -> &str {
        &self.line[self.info.clone()]
    }

    /// INFO `OLD_MULTIALLELIC`: records of one decomposed multiallelic site share it and form a
    /// block (§4.1).
    pub fn block_id(&self) -> Option<&str> {
        self.block_id.clone().map(|range| &self.line[range])
    }

    /// INFO `SVTYPE`: its presence makes the record a structural variant (caller type `cnv`,
    /// §1.4).
    pub fn sv_type(&self) -> Option<&str> {
        self.sv_type.clone().map(|range| &self.line[range])
    }

    /// The number of sample columns.
    pub fn sample_count(&self) -> usize {
        self.samples.len()
    }

    /// The `GT` of the sample in column `sample` (0-based, header order).
    ///
    /// A record without `GT` is an error, as in ELLA (cyvcf2 cannot read its genotypes).
    pub fn genotype(&self, sample: usize) -> Result<Genotype> {
        if self.format.gt.is_none() {
            return Err(self.error("the record has no GT: genotypes cannot be read"));
        }
        self.genotypes
            .get(sample)
            .copied()
            .ok_or_else(|| self.error(&format!("there is no sample column {}", sample + 1)))
    }

    /// Whether `other` is on the same chromosome and at most 3 bp away (§5.1).
    pub fn is_nearby(&self, other: &Self) -> bool {
        self.position.distance(other.position) <= 3 && self.chromosome() == other.chromosome()
    }

    /// A [`Error::Parse`] about this record.
    pub(crate) fn error(&self, message: &str) -> Error {
        Error::Parse {
            path: self.path.to_path_buf(),
            line: Some(self.line_number),
            message: message.to_owned(),
        }
    }

    /// The `GT` text of a sample, for messages.
    pub(crate) fn raw_genotype(&self, sample: usize) -> &str {
        self.sample_field(sample, self.format.gt).unwrap_or(".")
    }

    /// The integer values of FORMAT `key` for `sample`, padded with missing values to
    /// `width` (htslib pads a sample's values to the longest list of the record, so ELLA sees
    /// `[5, None]` for a sample with `AD=5` next to one with `AD=3,4`). `None` when the record
    /// has no `key`; a sample without the field has one missing value.
    pub(crate) fn format_integers(
        &self,
        key: FormatKey,
        sample: usize,
        width: usize,
    ) -> Result<Option<Vec<Option<i32>>>> {
        let Some(index) = self.format.get(key) else {
            return Ok(None);
        };
        let text = self.sample_field(sample, Some(index)).unwrap_or(".");
        let mut values = text
            .split(',')
            .map(|value| format_integer(value).map_err(|()| self.malformed(key, sample)))
            .collect::<Result<Vec<_>>>()?;
        values.resize(width.max(values.len()), None);
        Ok(Some(values))
    }

    /// The largest number of values any sample has for FORMAT `key` (htslib's vector width).
    pub(crate) fn format_width(&self, key: FormatKey) -> usize {
        let index = self.format.get(key);
        (0..self.samples.len())
            .map(|sample| {
                self.sample_field(sample, index)
                    .map_or(1, |text| text.split(',').count())
            })
            .max()
            .unwrap_or(1)
    }

    /// FORMAT `key` of `sample` as one `smallint` value (GQ, DP, CN; §4.3): `None` when absent or
    /// missing.
    ///
    /// ELLA asserts a single value per sample and stores it in a `smallint` column, so more
    /// values, or a value outside −32768..=32767 (the insert fails in ELLA, §1.3), are errors. A
    /// key declared `Type=Float` is read in single precision and rounded half to even, as
    /// PostgreSQL casts a double to `smallint`.
    pub(crate) fn format_small_int(
        &self,
        key: FormatKey,
        sample: usize,
        header: &VcfHeader,
    ) -> Result<Option<i16>> {
        let Some(index) = self.format.get(key) else {
            return Ok(None);
        };
        if self.format_width(key) > 1 {
            return Err(self.error(&format!(
                "FORMAT {} has more than one value; ELLA expects exactly one",
                key.name()
            )));
        }
        let text = self.sample_field(sample, Some(index)).unwrap_or(".");
        let value = if header.is_float_format(key.name()) {
            if text == "." {
                return Ok(None);
            }
            let value = single_precision(text).ok_or_else(|| self.malformed(key, sample))?;
            if value.is_nan() {
                return Ok(None);
            }
            value.round_ties_even()
        } else {
            match format_integer(text).map_err(|()| self.malformed(key, sample))? {
                Some(value) => f64::from(value),
                None => return Ok(None),
            }
        };
        if !(f64::from(i16::MIN)..=f64::from(i16::MAX)).contains(&value) {
            return Err(self.error(&format!(
                "FORMAT {} of sample column {} is {value}, outside the range ELLA stores \
                 (smallint, -32768 to 32767)",
                key.name(),
                sample + 1
            )));
        }
        Ok(Some(value as i16))
    }

    fn malformed(&self, key: FormatKey, sample: usize) -> Error {
        self.error(&format!(
            "FORMAT {} of sample column {} is not a valid number",
            key.name(),
            sample + 1
        ))
    }

    /// Subfield `index` of a sample column; `None` when the FORMAT has no such key or the sample
    /// column stops early (trailing fields may be dropped).
    fn sample_field(&self, sample: usize, index: Option<usize>) -> Option<&str> {
        let column = &self.line[self.samples.get(sample)?.clone()];
        let index = index?;
        let start = if index == 0 {
            0
        } else {
            memchr_iter(b':', column.as_bytes()).nth(index - 1)? + 1
        };
        let end = memchr(b':', &column.as_bytes()[start..]).map_or(column.len(), |i| start + i);
        Some(&column[start..end])
    }

    /// Hands the line buffer to the reader, to be refilled without a new allocation.
    pub(crate) fn take_line_buffer(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.line).into_bytes()
    }

    /// Empties the record at the end of the file, keeping the buffer for later use.
    pub(crate) fn clear(&mut self, mut buf: Vec<u8>) {
        buf.clear();
        self.reset(String::from_utf8(buf).unwrap_or_default(), 0);
    }

    /// Takes `line` with every field empty, so that no range of an earlier line survives (a
    /// record that failed to parse must not point past its new, shorter line).
    fn reset(&mut self, line: String, line_number: usize) {
        self.line = line;
        self.line_number = line_number;
        self.chromosome = 0..0;
        self.position = VcfPos::FIRST;
        self.id = 0..0;
        self.reference = 0..0;
        self.alternates = 0..0;
        self.quality = None;
        self.filter = 0..0;
        self.info = 0..0;
        self.block_id = None;
        self.sv_type = None;
        self.format = FormatKeys::default();
        self.samples.clear();
        self.genotypes.clear();
    }

    /// Takes `line` (without line end) as the record's content.
    pub(crate) fn parse(
        &mut self,
        line: String,
        path: &Arc<Path>,
        line_number: usize,
        sample_count: usize,
        formats: &mut FormatCache,
    ) -> Result<()> {
        if !Arc::ptr_eq(&self.path, path) {
            self.path = Arc::clone(path);
        }
        self.reset(line, line_number);

        let mut columns = Columns::new(&self.line);
        let mut fixed: [Range<usize>; 8] = Default::default();
        for (range, name) in fixed.iter_mut().zip(FIXED_COLUMNS) {
            *range = columns
                .next()
                .ok_or_else(|| self.error(&format!("the {name} column is missing")))?;
        }
        let [chromosome, position, id, reference, alternates, quality, filter, info] = fixed;
        let format = columns.next();
        self.samples.extend(&mut columns);
        if self.samples.len() != sample_count {
            let found = 8 + usize::from(format.is_some()) + self.samples.len();
            let expected = if sample_count == 0 {
                8
            } else {
                9 + sample_count
            };
            return Err(self.error(&format!(
                "expected {expected} tab-separated columns, found {found}"
            )));
        }

        self.chromosome = chromosome;
        self.id = id;
        self.reference = reference;
        self.alternates = alternates;
        self.filter = filter;
        self.position = self.line[position]
            .parse()
            .ok()
            .and_then(VcfPos::new)
            .ok_or_else(|| self.error("POS is not a position (an integer from 1)"))?;
        self.quality = match &self.line[quality] {
            "." => None,
            text => Some(
                text.parse::<f64>()
                    .map_err(|_| self.error("QUAL is not a number"))? as f32,
            ),
        };
        self.info = if &self.line[info.clone()] == "." {
            info.end..info.end
        } else {
            info
        };
        self.locate_info_keys();
        self.format = formats.keys(format.map_or("", |range| &self.line[range]));
        if self.format.gt.is_some() {
            for sample in 0..self.samples.len() {
                let text = self.raw_genotype(sample);
                let genotype = Genotype::parse(text).ok_or_else(|| {
                    self.error(&format!(
                        "GT of sample column {} is not a genotype",
                        sample + 1
                    ))
                })?;
                self.genotypes.push(genotype);
            }
        }
        Ok(())
    }

    /// Finds the INFO values the reader itself needs, once per record.
    fn locate_info_keys(&mut self) {
        self.block_id = None;
        self.sv_type = None;
        let offset = self.info.start;
        for (key, value) in InfoEntries::new(&self.line[self.info.clone()]) {
            let Some(value) = value else { continue };
            let slot = match &self.line[offset + key.start..offset + key.end] {
                "OLD_MULTIALLELIC" => &mut self.block_id,
                "SVTYPE" => &mut self.sv_type,
                _ => continue,
            };
            slot.get_or_insert(offset + value.start..offset + value.end);
        }
    }
}

/// The tab-separated columns of a line, as byte ranges.
struct Columns<'l> {
    line: &'l str,
    start: usize,
}

impl<'l> Columns<'l> {
    fn new(line: &'l str) -> Self {
        Self { line, start: 0 }
    }
}

impl Iterator for Columns<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.start > self.line.len() {
            return None;
        }
        let end = memchr(b'\t', &self.line.as_bytes()[self.start..])
            .map_or(self.line.len(), |i| self.start + i);
        let range = self.start..end;
        self.start = end + 1;
        Some(range)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::vcf::header::parse_for_test;

    /// A header with the given sample columns and the INFO/FORMAT lines the tests use.
    pub(crate) fn test_header(samples: &[&str]) -> VcfHeader {
        let mut text = String::from(
            "##fileformat=VCFv4.2\n\
             ##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"SV type\">\n\
             ##INFO=<ID=SVLEN,Number=.,Type=Integer,Description=\"SV length\">\n\
             ##INFO=<ID=OLD_MULTIALLELIC,Number=1,Type=String,Description=\"vt\">\n\
             ##INFO=<ID=AF,Number=A,Type=Float,Description=\"AF\">\n\
             ##INFO=<ID=AC,Number=A,Type=Integer,Description=\"AC\">\n\
             ##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">\n\
             ##INFO=<ID=CSQ,Number=.,Type=String,Description=\"VEP\">\n\
             #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO",
        );
        if !samples.is_empty() {
            text.push_str("\tFORMAT");
            for sample in samples {
                text.push('\t');
                text.push_str(sample);
            }
        }
        text.push('\n');
        parse_for_test(&text)
    }

    /// A record parsed from one data line.
    pub(crate) fn parse_record(line: &str, sample_count: usize) -> VcfRecord {
        try_parse_record(line, sample_count).expect("valid test record")
    }

    pub(crate) fn try_parse_record(line: &str, sample_count: usize) -> Result<VcfRecord> {
        let mut record = VcfRecord::default();
        record.parse(
            line.to_owned(),
            &Arc::from(Path::new("test.vcf")),
            10,
            sample_count,
            &mut FormatCache::default(),
        )?;
        Ok(record)
    }

    #[test]
    fn columns_are_located() {
        let record = parse_record(
            "13\t32893435\trs1\tG\tT,C\t318.7\tPASS\tAF=0.5;OLD_MULTIALLELIC=13:1:G/T/C;SVTYPE=DEL\tGT:AD\t0/1:3,4\t./.",
            2,
        );
        assert_eq!(record.chromosome(), "13");
        assert_eq!(record.position().get(), 32_893_435);
        assert_eq!(record.reference(), "G");
        assert_eq!(record.alternate(), Some("T"));
        assert_eq!(record.alternate_count(), 2);
        assert_eq!(record.quality(), Some(318.7_f32));
        assert_eq!(record.filter(), "PASS");
        assert_eq!(record.block_id(), Some("13:1:G/T/C"));
        assert_eq!(record.sv_type(), Some("DEL"));
        assert_eq!(record.genotype(0).expect("gt"), Genotype::Diploid(0, 1));
        assert_eq!(
            record.genotype(1).expect("gt"),
            Genotype::Diploid(MISSING_ALLELE, MISSING_ALLELE)
        );
    }

    #[test]
    fn missing_values() {
        let record = parse_record("1\t5\t.\tA\t.\t.\t.\t.\tGT\t.", 1);
        assert_eq!(record.alternate(), None);
        assert_eq!(record.alternate_count(), 0);
        assert_eq!(record.quality(), None);
        assert_eq!(record.filter(), ".");
        assert_eq!(record.info_text(), "");
        assert_eq!(record.block_id(), None);
        assert_eq!(
            record.genotype(0).expect("gt"),
            Genotype::Haploid(MISSING_ALLELE)
        );
    }

    #[test]
    fn genotypes_parse() {
        let parse = |text| Genotype::parse(text);
        assert_eq!(parse("1"), Some(Genotype::Haploid(1)));
        assert_eq!(parse("1|0"), Some(Genotype::Diploid(1, 0)));
        assert_eq!(parse("./1"), Some(Genotype::Diploid(MISSING_ALLELE, 1)));
        assert_eq!(
            parse("0/1/2"),
            Some(Genotype::Polyploid {
                max: 2,
                any_missing: false,
                all_missing: false
            })
        );
        assert_eq!(parse(""), None);
        assert_eq!(parse("0/a"), None);
        assert_eq!(parse("-1/1"), None);
        assert!(Genotype::Diploid(MISSING_ALLELE, 1).has_missing());
        assert!(!Genotype::Diploid(MISSING_ALLELE, 1).is_all_missing());
        assert_eq!(Genotype::Diploid(MISSING_ALLELE, 1).max_allele(), 1);
    }

    #[test]
    fn malformed_lines_are_errors() {
        for (line, samples, expected) in [
            ("1\t5\t.\tA\tC\t.\t.", 0, "INFO column is missing"),
            ("1\t5\t.\tA\tC\t.\t.\t.\tGT\t0/1", 2, "expected 11"),
            ("1\t5\t.\tA\tC\t.\t.\t.", 1, "expected 10"),
            ("1\tx\t.\tA\tC\t.\t.\t.", 0, "POS"),
            ("1\t0\t.\tA\tC\t.\t.\t.", 0, "POS"),
            ("1\t5\t.\tA\tC\thigh\t.\t.", 0, "QUAL"),
            (
                "1\t5\t.\tA\tC\t.\t.\t.\tGT\t0/x",
                1,
                "GT of sample column 1",
            ),
        ] {
            let error = try_parse_record(line, samples).expect_err(line);
            assert!(
                matches!(&error, Error::Parse { line: Some(10), message, .. } if message.contains(expected)),
                "{line}: {error}"
            );
        }
    }

    #[test]
    fn format_values() {
        let header = test_header(&["A", "B"]);
        let record = parse_record(
            "1\t5\t.\tA\tC\t.\t.\t.\tGT:AD:DP:GQ:PL\t0/1:5:40000:.:1,.,3\t0/0:3,4",
            2,
        );
        assert_eq!(record.format_width(FormatKey::Ad), 2);
        assert_eq!(
            record.format_integers(FormatKey::Ad, 0, 2).expect("ad"),
            Some(vec![Some(5), None])
        );
        assert_eq!(
            record.format_integers(FormatKey::Pl, 1, 1).expect("pl"),
            Some(vec![None])
        );
        assert_eq!(
            record.format_integers(FormatKey::Cn, 0, 1).expect("cn"),
            None
        );
        assert_eq!(
            record
                .format_small_int(FormatKey::Gq, 0, &header)
                .expect("gq"),
            None
        );
        assert_eq!(
            record
                .format_small_int(FormatKey::Dp, 1, &header)
                .expect("dp"),
            None
        );
        let error = record
            .format_small_int(FormatKey::Dp, 0, &header)
            .expect_err("DP 40000 does not fit smallint");
        assert!(error.to_string().contains("32767"), "{error}");
    }

    #[test]
    fn float_typed_scalars_are_rounded() {
        let header = parse_for_test(
            "##fileformat=VCFv4.2\n##FORMAT=<ID=GQ,Number=1,Type=Float,Description=\"x\">\n\
             #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\n",
        );
        let value = |gq: &str| {
            parse_record(&format!("1\t5\t.\tA\tC\t.\t.\t.\tGT:GQ\t0/1:{gq}"), 1)
                .format_small_int(FormatKey::Gq, 0, &header)
                .expect("gq")
        };
        assert_eq!(value("99.5"), Some(100));
        assert_eq!(value("98.5"), Some(98));
        assert_eq!(value("."), None);
    }
}
