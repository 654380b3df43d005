//! The `allele` row of a record (import.md §1.4, datamodel.md §3.1).

use super::header::VcfHeader;
use super::info::InfoValue;
use super::position::{Pos0, VcfPos};
use super::record::VcfRecord;
use crate::{Error, Result};

/// `allele.genome_reference`: ELLA hard-codes it (§1.1).
pub const GENOME_REFERENCE: &str = "GRCh37";

/// `allele.change_type`, the values the importer produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeType {
    /// `SNP`: one base replaced by another.
    Snp,
    /// `del`: bases removed.
    Del,
    /// `ins`: bases inserted.
    Ins,
    /// `indel`: bases replaced by a different number of bases, or several bases replaced.
    Indel,
    /// `dup`: a duplication (structural variant).
    Dup,
    /// `dup_tandem`: a tandem duplication (structural variant).
    DupTandem,
    /// `del_me`: a mobile element deletion (structural variant).
    DelMe,
}

impl ChangeType {
    /// The label of the `change_type` database enum.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Snp => "SNP",
            Self::Del => "del",
            Self::Ins => "ins",
            Self::Indel => "indel",
            Self::Dup => "dup",
            Self::DupTandem => "dup_tandem",
            Self::DelMe => "del_me",
        }
    }
}

/// `allele.caller_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallerType {
    /// `snv`: small variants (records without INFO `SVTYPE`).
    Snv,
    /// `cnv`: structural variants (records with INFO `SVTYPE`).
    Cnv,
}

impl CallerType {
    /// The label of the `caller_type` database enum.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Snv => "snv",
            Self::Cnv => "cnv",
        }
    }
}

/// The `allele` row of a record, borrowing its text from the record.
///
/// All fields but `genome_reference` (always [`GENOME_REFERENCE`]) form the natural key ELLA gets
/// or creates alleles by (unique constraint `ucAllele`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NewAllele<'r> {
    /// `chromosome`: `CHROM` verbatim.
    pub chromosome: &'r str,
    /// `start_position` (0-based, inclusive).
    pub start_position: Pos0,
    /// `open_end_position` (0-based, exclusive).
    pub open_end_position: Pos0,
    /// `change_from`: trimmed `REF` (`""` for insertions and symbolic structural variants).
    pub change_from: &'r str,
    /// `change_to`: trimmed `ALT` (`""` for deletions and symbolic structural variants).
    pub change_to: &'r str,
    /// `change_type`.
    pub change_type: ChangeType,
    /// `length`.
    pub length: i32,
    /// `vcf_pos`: `POS`.
    pub vcf_pos: VcfPos,
    /// `vcf_ref`: `REF` as written.
    pub vcf_ref: &'r str,
    /// `vcf_alt`: the first `ALT` as written.
    pub vcf_alt: &'r str,
    /// `caller_type`.
    pub caller_type: CallerType,
}

/// The symbolic `ALT` values that decide a structural variant's change type (ELLA's
/// `change_type_from_sv_alt_field`, §1.4).
const SYMBOLIC_ALTS: [(&str, ChangeType); 4] = [
    ("<DUP>", ChangeType::Dup),
    ("<DUP:TANDEM>", ChangeType::DupTandem),
    ("<DEL>", ChangeType::Del),
    ("<DEL:ME>", ChangeType::DelMe),
];

impl<'r> NewAllele<'r> {
    /// The allele of `record` (§1.4).
    ///
    /// Records with INFO `SVTYPE` are structural variants and need `cnv_enabled` (ELLA's feature
    /// flag `cnv`); without it they are refused with ELLA's message "Feature 'cnv' is not
    /// enabled.".
    pub fn from_record(
        record: &'r VcfRecord,
        header: &VcfHeader,
        cnv_enabled: bool,
    ) -> Result<Self> {
        let vcf_alt = record
            .alternate()
            .ok_or_else(|| record.error("the record has no ALT allele"))?;
        let chromosome = record.chromosome();
        let vcf_pos = record.position();
        let vcf_ref = record.reference();
        if record.sv_type().is_none() {
            let trimmed = trim_snv(vcf_pos, vcf_ref, vcf_alt).ok_or_else(|| {
                record.error(&format!(
                    "unable to determine allele from ref/alt={vcf_ref}/{vcf_alt}"
                ))
            })?;
            return Ok(Self {
                chromosome,
                start_position: trimmed.start,
                open_end_position: trimmed.open_end,
                change_from: trimmed.from,
                change_to: trimmed.to,
                change_type: trimmed.change_type,
                length: trimmed.length,
                vcf_pos,
                vcf_ref,
                vcf_alt,
                caller_type: CallerType::Snv,
            });
        }
        if !cnv_enabled {
            return Err(Error::Invalid(format!(
                "{}, line {}: Feature 'cnv' is not enabled.",
                record.path().display(),
                record.line_number()
            )));
        }
        let change_type = sv_change_type(record)?;
        let length = sv_length(record, header)?;
        let start_position = vcf_pos.to_zero_based();
        // A duplication is anchored at its start base: ELLA gives it a 1-base span whatever its
        // length (§1.4).
        let span = if matches!(change_type, ChangeType::Dup | ChangeType::DupTandem) {
            1
        } else {
            length.unsigned_abs() as usize
        };
        let open_end_position = start_position
            .forward(span)
            .ok_or_else(|| record.error("the end of the structural variant is out of range"))?;
        let symbolic = SYMBOLIC_ALTS.iter().any(|(alt, _)| *alt == vcf_alt);
        Ok(Self {
            chromosome,
            start_position,
            open_end_position,
            change_from: if symbolic { "" } else { vcf_ref },
            change_to: if symbolic { "" } else { vcf_alt },
            change_type,
            length,
            vcf_pos,
            vcf_ref,
            vcf_alt,
            caller_type: CallerType::Cnv,
        })
    }
}

/// The change type of a structural variant record: by symbolic `ALT` first, then by `SVTYPE`
/// (`DEL`, `DUP`); anything else is refused (§1.4), even when no sample carries the variant
/// (quirk 18), because ELLA evaluates it whenever it asks whether a sample has the allele.
pub(crate) fn sv_change_type(record: &VcfRecord) -> Result<ChangeType> {
    let alt = record.alternate();
    if let Some((_, change_type)) = SYMBOLIC_ALTS
        .iter()
        .find(|(symbolic, _)| Some(*symbolic) == alt)
    {
        return Ok(*change_type);
    }
    match record.sv_type() {
        Some("DEL") => Ok(ChangeType::Del),
        Some("DUP") => Ok(ChangeType::Dup),
        other => Err(record.error(&format!(
            "ELLA only supports ALT=<DUP>,<DUP:TANDEM>,<DEL> or SVTYPE of value: DEL and DUP, \
             {} is not supported",
            other.unwrap_or("None")
        ))),
    }
}

/// `abs(int(INFO SVLEN))` (§1.4), with ELLA's `int()` of the typed value: an integer as is, a
/// float truncated, text parsed as an integer. A missing, empty or multi-valued SVLEN is refused.
fn sv_length(record: &VcfRecord, header: &VcfHeader) -> Result<i32> {
    let value = record.info_field("SVLEN").map(|field| field.value(header));
    let length = match value {
        Some(InfoValue::Integer(Some(length))) => Some(i64::from(length)),
        Some(InfoValue::Float(Some(length))) if length.is_finite() => Some(length.trunc() as i64),
        Some(InfoValue::Text(text)) => text.trim().parse::<i64>().ok(),
        _ => None,
    }
    .ok_or_else(|| record.error("a structural variant needs one integer INFO SVLEN"))?;
    i32::try_from(length.abs()).map_err(|_| record.error("SVLEN is out of range"))
}

/// The trimmed form of a small variant (§1.4).
#[derive(Debug, PartialEq, Eq)]
struct TrimmedSnv<'a> {
    start: Pos0,
    open_end: Pos0,
    from: &'a str,
    to: &'a str,
    change_type: ChangeType,
    length: i32,
}

/// Trims the common suffix, then the common prefix (so `AGAA/ACAA` is the SNP `G/C` one base
/// in), and classifies the rest; `None` when nothing is left (`REF == ALT`) or a position is out
/// of range.
fn trim_snv<'a>(pos: VcfPos, reference: &'a str, alternate: &'a str) -> Option<TrimmedSnv<'a>> {
    let suffix = common_len(reference.chars().rev(), alternate.chars().rev());
    let (reference, alternate) = (
        &reference[..reference.len() - suffix],
        &alternate[..alternate.len() - suffix],
    );
    let prefix = common_len(reference.chars(), alternate.chars());
    let (from, to) = (&reference[prefix..], &alternate[prefix..]);
    let pos = pos
        .to_zero_based()
        .forward(reference[..prefix].chars().count())?;
    let (from_len, to_len) = (from.chars().count(), to.chars().count());
    let (change_type, start, open_end, length) = match (from_len, to_len) {
        (0, 0) => return None,
        (1, 1) => (ChangeType::Snp, pos, pos.forward(1)?, 1),
        // An insertion sits between the base before it and `pos`, so it spans no reference base
        // and starts at that base before.
        (0, _) => (ChangeType::Ins, pos.previous()?, pos, 1),
        (_, 0) => (ChangeType::Del, pos, pos.forward(from_len)?, from_len),
        _ => (
            ChangeType::Indel,
            pos,
            pos.forward(from_len)?,
            from_len.max(to_len),
        ),
    };
    Some(TrimmedSnv {
        start,
        open_end,
        from,
        to,
        change_type,
        length: i32::try_from(length).ok()?,
    })
}

/// The byte length of the common leading characters of two character sequences.
fn common_len(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b)
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| c.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vcf::record::tests::{parse_record, test_header};

    fn pos(value: i32) -> VcfPos {
        VcfPos::new(value).expect("valid position")
    }

    /// `(change_type, start, open_end, from, to, length)` of a small variant.
    fn snv(
        position: i32,
        reference: &str,
        alternate: &str,
    ) -> (&'static str, i32, i32, String, String, i32) {
        let trimmed = trim_snv(pos(position), reference, alternate).expect("a variant");
        (
            trimmed.change_type.as_str(),
            trimmed.start.get(),
            trimmed.open_end.get(),
            trimmed.from.to_owned(),
            trimmed.to.to_owned(),
            trimmed.length,
        )
    }

    fn row(
        change_type: &'static str,
        start: i32,
        open_end: i32,
        from: &str,
        to: &str,
        length: i32,
    ) -> (&'static str, i32, i32, String, String, i32) {
        (
            change_type,
            start,
            open_end,
            from.to_owned(),
            to.to_owned(),
            length,
        )
    }

    /// The examples of import.md §1.4 (ELLA's unit tests).
    #[test]
    fn small_variants() {
        assert_eq!(
            snv(41_226_488, "C", "A"),
            row("SNP", 41_226_487, 41_226_488, "C", "A", 1)
        );
        assert_eq!(
            snv(41_226_488, "C", "CGCT"),
            row("ins", 41_226_487, 41_226_488, "", "GCT", 1)
        );
        assert_eq!(
            snv(41_226_488, "AATT", "A"),
            row("del", 41_226_488, 41_226_491, "ATT", "", 3)
        );
        assert_eq!(
            snv(41_226_488, "C", "AGCT"),
            row("indel", 41_226_487, 41_226_488, "C", "AGCT", 4)
        );
        assert_eq!(
            snv(41_226_488, "ACGT", "C"),
            row("indel", 41_226_487, 41_226_491, "ACGT", "C", 4)
        );
        assert_eq!(
            snv(41_226_488, "AT", "GC"),
            row("indel", 41_226_487, 41_226_489, "AT", "GC", 2)
        );
        // Common suffix first: AGAA/ACAA is the SNP G/C at the second base.
        assert_eq!(snv(123, "AGAA", "ACAA"), row("SNP", 123, 124, "G", "C", 1));
        // Suffix before prefix: for TT/T the suffix T goes first, leaving the deletion of the
        // first T (prefix trimming first would delete the second one).
        assert_eq!(snv(100, "TT", "T"), row("del", 99, 100, "T", "", 1));
        // Padding on both sides gives the same allele as the minimal form.
        assert_eq!(snv(121, "AACTCC", "AACCC"), snv(123, "CT", "C"));
        assert_eq!(trim_snv(pos(5), "A", "A"), None);
    }

    #[test]
    fn allele_rows() {
        let header = test_header(&["S"]);
        let line = "17\t41226488\t.\tC\tCGCT\t.\tPASS\t.\tGT\t0/1";
        let record = parse_record(line, 1);
        let allele = NewAllele::from_record(&record, &header, false).expect("allele");
        assert_eq!(
            allele,
            NewAllele {
                chromosome: "17",
                start_position: pos(41_226_488).to_zero_based(),
                open_end_position: pos(41_226_489).to_zero_based(),
                change_from: "",
                change_to: "GCT",
                change_type: ChangeType::Ins,
                length: 1,
                vcf_pos: pos(41_226_488),
                vcf_ref: "C",
                vcf_alt: "CGCT",
                caller_type: CallerType::Snv,
            }
        );
        let same = parse_record("1\t5\t.\tA\tA\t.\t.\t.\tGT\t0/1", 1);
        let error = NewAllele::from_record(&same, &header, false).expect_err("REF == ALT");
        assert!(
            error.to_string().contains("unable to determine allele"),
            "{error}"
        );
    }

    /// `(change_type, start, open_end, from, to, length)` of a structural variant record.
    fn sv(alt: &str, info: &str) -> Result<(&'static str, i32, i32, String, String, i32)> {
        let header = test_header(&["S"]);
        let record = parse_record(
            &format!("2\t60694533\t.\tN\t{alt}\t.\tPASS\t{info}\tGT\t0/1"),
            1,
        );
        let allele = NewAllele::from_record(&record, &header, true)?;
        assert_eq!(allele.caller_type, CallerType::Cnv);
        Ok((
            allele.change_type.as_str(),
            allele.start_position.get(),
            allele.open_end_position.get(),
            allele.change_from.to_owned(),
            allele.change_to.to_owned(),
            allele.length,
        ))
    }

    #[test]
    fn structural_variants() {
        let ok = |alt, info| sv(alt, info).expect("structural variant");
        assert_eq!(
            ok("<DEL>", "SVTYPE=DEL;SVLEN=-548"),
            row("del", 60_694_532, 60_695_080, "", "", 548)
        );
        assert_eq!(
            ok("<DUP>", "SVTYPE=DUP;SVLEN=1000"),
            row("dup", 60_694_532, 60_694_533, "", "", 1000)
        );
        assert_eq!(
            ok("<DUP:TANDEM>", "SVTYPE=DUP;SVLEN=42709967"),
            row("dup_tandem", 60_694_532, 60_694_533, "", "", 42_709_967)
        );
        assert_eq!(
            ok("<DEL:ME>", "SVTYPE=DEL;SVLEN=-300"),
            row("del_me", 60_694_532, 60_694_832, "", "", 300)
        );
        // The symbolic ALT wins over SVTYPE; without one, SVTYPE decides and REF/ALT are kept.
        assert_eq!(
            ok("<DUP>", "SVTYPE=INV;SVLEN=10"),
            row("dup", 60_694_532, 60_694_533, "", "", 10)
        );
        assert_eq!(
            ok("NACGT", "SVTYPE=DUP;SVLEN=4"),
            row("dup", 60_694_532, 60_694_533, "N", "NACGT", 4)
        );
        assert_eq!(
            ok("A", "SVTYPE=DEL;SVLEN=-60"),
            row("del", 60_694_532, 60_694_592, "N", "A", 60)
        );
        for (alt, info, message) in [
            ("<INV>", "SVTYPE=INV;SVLEN=10", "INV is not supported"),
            ("<DEL>", "SVTYPE=DEL", "SVLEN"),
            ("<DEL>", "SVTYPE=DEL;SVLEN=1,2", "SVLEN"),
        ] {
            let error = sv(alt, info).expect_err(info);
            assert!(error.to_string().contains(message), "{error}");
        }
    }

    #[test]
    fn structural_variants_need_the_cnv_feature() {
        let header = test_header(&["S"]);
        let record = parse_record(
            "2\t5\t.\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;SVLEN=-5\tGT\t0/1",
            1,
        );
        let error = NewAllele::from_record(&record, &header, false).expect_err("cnv disabled");
        assert!(
            matches!(&error, Error::Invalid(message) if message.ends_with("Feature 'cnv' is not enabled.")),
            "{error}"
        );
    }
}
