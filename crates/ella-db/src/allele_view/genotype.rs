//! The derived genotype fields of the allele object (api.md §6.5).
//!
//! Plain functions: the quality checks of one sample's call and the displayed genotype (`A/G`,
//! `-/-`, `CN: 3 (12nt)`), following ELLA's `calculate_qc.py` and `get_formatted_genotypes`.

use serde_json::Value;

use crate::enums::{CallerType, ChangeType, GenotypesampledataType};
use crate::Error;

/// What the quality checks look at.
#[derive(Debug, Clone, Copy)]
pub struct QcInput<'a> {
    /// `vcf_alt` of the allele shown.
    pub vcf_alt: &'a str,
    /// Change type of the allele shown.
    pub change_type: ChangeType,
    /// The genotype's `FILTER`.
    pub filter_status: Option<&'a str>,
    /// The sample's read depth.
    pub sequencing_depth: Option<i16>,
    /// The sample's genotype type.
    pub genotype_type: GenotypesampledataType,
    /// The sample's allele depths by label.
    pub allele_depth: Option<&'a Value>,
    /// Whether the sample was sequenced by HTS (not Sanger).
    pub hts: bool,
}

/// The checks behind `needs_verification`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(clippy::struct_excessive_bools, reason = "ELLA's five named checks")]
pub struct VerificationChecks {
    /// The allele is a single-nucleotide change.
    pub snp: bool,
    /// `FILTER` is `PASS`.
    pub pass: bool,
    /// Read depth at least 20.
    pub dp: bool,
    /// The allele ratio fits the genotype type.
    pub allele_ratio: bool,
    /// The sample is an HTS sample.
    pub hts: bool,
}

/// The quality fields of one sample's genotype.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Qc {
    /// ALT depth over all depths, when computable.
    pub allele_ratio: Option<f64>,
    /// Whether the call should be verified (HTS samples failing a check).
    pub needs_verification: bool,
    /// The individual checks.
    pub checks: VerificationChecks,
}

/// Read depth from which a call counts as well covered.
const MIN_DEPTH: i16 = 20;

/// The quality fields of one sample's call.
pub fn qc(input: &QcInput<'_>) -> Qc {
    let allele_ratio = input
        .allele_depth
        .and_then(|depths| allele_ratio(depths, input.vcf_alt));
    // ELLA tests the ratio for truth: a ratio of exactly 0 counts as no ratio.
    let ratio_ok = match (
        allele_ratio.filter(|ratio| *ratio != 0.0),
        input.genotype_type,
    ) {
        (_, GenotypesampledataType::Reference) => true,
        (Some(ratio), GenotypesampledataType::Homozygous) => ratio > 0.9,
        (Some(ratio), GenotypesampledataType::Heterozygous) => ratio > 0.3 && ratio < 0.7,
        _ => false,
    };
    let checks = VerificationChecks {
        snp: input.change_type == ChangeType::Snp,
        pass: input.filter_status == Some("PASS"),
        dp: input
            .sequencing_depth
            .is_some_and(|depth| depth >= MIN_DEPTH),
        allele_ratio: ratio_ok,
        hts: input.hts,
    };
    Qc {
        allele_ratio,
        needs_verification: !(checks.snp && checks.pass && checks.dp && checks.allele_ratio)
            && input.hts,
        checks,
    }
}

/// `depths[vcf_alt]` over the sum of the depths, when there are at least two entries, all
/// integers (Python's `int`, booleans included), at least one positive, and one for `vcf_alt`.
fn allele_ratio(depths: &Value, vcf_alt: &str) -> Option<f64> {
    let depths = depths.as_object()?;
    let values: Vec<f64> = depths
        .values()
        .map(|value| match value {
            Value::Number(number) if number.is_i64() || number.is_u64() => number.as_f64(),
            Value::Bool(flag) => Some(f64::from(u8::from(*flag))),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let alt = depths.get(vcf_alt)?;
    let sum: f64 = values.iter().sum();
    if values.len() < 2 || !values.iter().any(|value| *value > 0.0) || sum == 0.0 {
        return None;
    }
    let alt = match alt {
        Value::Bool(flag) => f64::from(u8::from(*flag)),
        other => other.as_f64()?,
    };
    Some(alt / sum)
}

/// One allele of a genotype as one sample carries it.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    /// The allele's normalised reference bases.
    pub change_from: &'a str,
    /// The allele's normalised alternative bases.
    pub change_to: &'a str,
    /// The allele's change type.
    pub change_type: ChangeType,
    /// The allele's length.
    pub length: i32,
    /// The allele's caller type.
    pub caller_type: CallerType,
    /// The sample's genotype type for this allele.
    pub genotype_type: GenotypesampledataType,
    /// Whether the sample's GT had a missing allele (`1/.`).
    pub multiallelic: bool,
    /// The sample's copy number.
    pub copy_number: Option<i16>,
}

/// The displayed genotype of a sample: `first` is its call for the genotype's first allele,
/// `second` for the second allele of a compound genotype, if the sample has a row for it.
pub fn formatted(first: &Call<'_>, second: Option<&Call<'_>>) -> Result<String, Error> {
    use GenotypesampledataType::{Heterozygous, Homozygous, NoCoverage, Reference};
    let shown = |bases: &str| {
        if bases.is_empty() {
            "-".to_owned()
        } else {
            bases.to_owned()
        }
    };
    let pair = |one: String, two: String| Ok(format!("{one}/{two}"));
    if first.caller_type == CallerType::Cnv {
        let length = format!("{}nt", first.length);
        return match (second, first.change_type, first.genotype_type) {
            (None, ChangeType::Del, Heterozygous) => Ok(format!("({length})/-")),
            (None, ChangeType::Del, Homozygous) => Ok("-/-".to_owned()),
            (None, ChangeType::Dup, _) => Ok(format!(
                "CN: {} ({length})",
                first
                    .copy_number
                    .map_or_else(|| "?".to_owned(), |number| number.to_string())
            )),
            (None, ChangeType::DupTandem, Heterozygous) => Ok(format!("-/{length}")),
            (None, ChangeType::DupTandem, Homozygous) => Ok(format!("{length}/{length}")),
            _ => Err(unhandled()),
        };
    }
    match first.genotype_type {
        NoCoverage => return pair(".".into(), ".".into()),
        Homozygous => return pair(shown(first.change_to), shown(first.change_to)),
        _ => {}
    }
    if let Some(second) = second.filter(|second| second.genotype_type == Homozygous) {
        return pair(shown(second.change_to), shown(second.change_to));
    }
    if !first.multiallelic {
        return match first.genotype_type {
            Heterozygous => pair(shown(first.change_from), shown(first.change_to)),
            Reference => pair(shown(first.change_from), shown(first.change_from)),
            _ => Err(unhandled()),
        };
    }
    match second {
        Some(second) if !second.multiallelic => match second.genotype_type {
            Heterozygous => pair(shown(second.change_from), shown(second.change_to)),
            Reference => pair(shown(second.change_from), shown(second.change_from)),
            _ => Err(unhandled()),
        },
        None => match first.genotype_type {
            Heterozygous => pair(shown(first.change_to), "?".into()),
            Reference => pair("?".into(), "?".into()),
            _ => Err(unhandled()),
        },
        Some(second) => match (second.genotype_type, first.genotype_type) {
            (Heterozygous, Heterozygous) => pair(shown(first.change_to), shown(second.change_to)),
            (Heterozygous, Reference) => pair(shown(second.change_to), "?".into()),
            (Reference, Heterozygous) => pair(shown(first.change_to), "?".into()),
            (Reference, Reference) => pair("?".into(), "?".into()),
            _ => Err(unhandled()),
        },
    }
}

/// ELLA fails on genotypes its display rules do not cover (api.md §6.5: "anything else → 500").
fn unhandled() -> Error {
    Error::Invalid("a genotype that cannot be displayed".to_owned())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use GenotypesampledataType::{Heterozygous, Homozygous, NoCoverage, Reference};

    fn input(depths: &Value, genotype_type: GenotypesampledataType) -> QcInput<'_> {
        QcInput {
            vcf_alt: "T",
            change_type: ChangeType::Snp,
            filter_status: Some("PASS"),
            sequencing_depth: Some(187),
            genotype_type,
            allele_depth: Some(depths),
            hts: true,
        }
    }

    #[test]
    fn qc_of_a_good_heterozygous_call() {
        let depths = json!({"REF (G)": 107, "T": 80});
        let result = qc(&input(&depths, Heterozygous));
        assert_eq!(result.allele_ratio, Some(80.0 / 187.0));
        assert!(!result.needs_verification);
        assert!(result.checks.allele_ratio && result.checks.dp && result.checks.hts);
    }

    #[test]
    fn qc_failures() {
        let depths = json!({"REF (G)": 5, "T": 95});
        let skewed = qc(&input(&depths, Heterozygous));
        assert!(!skewed.checks.allele_ratio && skewed.needs_verification);
        assert!(qc(&input(&depths, Homozygous)).checks.allele_ratio);
        // A zero ratio is emitted but counts as none.
        let zero = json!({"REF (G)": 10, "T": 0});
        let reference = qc(&input(&zero, Heterozygous));
        assert_eq!(reference.allele_ratio, Some(0.0));
        assert!(!reference.checks.allele_ratio);
        assert!(qc(&input(&zero, Reference)).checks.allele_ratio);
        // Not computable: one entry, a non-integer, no ALT label, all zero.
        for depths in [
            json!({"T": 5}),
            json!({"REF": 1.5, "T": 3}),
            json!({"REF": 3, "A": 3}),
            json!({"REF": 0, "T": 0}),
        ] {
            assert_eq!(
                qc(&input(&depths, Heterozygous)).allele_ratio,
                None,
                "{depths}"
            );
        }
        let mut sanger = input(&depths, Heterozygous);
        sanger.hts = false;
        assert!(!qc(&sanger).needs_verification);
    }

    fn call(genotype_type: GenotypesampledataType, multiallelic: bool) -> Call<'static> {
        Call {
            change_from: "G",
            change_to: "T",
            change_type: ChangeType::Snp,
            length: 1,
            caller_type: CallerType::Snv,
            genotype_type,
            multiallelic,
            copy_number: None,
        }
    }

    #[test]
    fn small_variant_genotypes() {
        let cases: [(Call<'_>, Option<Call<'_>>, &str); 9] = [
            (call(Heterozygous, false), None, "G/T"),
            (call(Homozygous, false), None, "T/T"),
            (call(Reference, false), None, "G/G"),
            (call(NoCoverage, true), None, "./."),
            (call(Heterozygous, true), None, "T/?"),
            (call(Reference, true), None, "?/?"),
            (
                call(Heterozygous, true),
                Some(Call {
                    change_to: "",
                    ..call(Heterozygous, true)
                }),
                "T/-",
            ),
            (call(Reference, true), Some(call(Heterozygous, true)), "T/?"),
            (
                call(Heterozygous, true),
                Some(call(Reference, false)),
                "G/G",
            ),
        ];
        for (first, second, expected) in cases {
            assert_eq!(formatted(&first, second.as_ref()).unwrap(), expected);
        }
    }

    #[test]
    fn structural_variant_genotypes() {
        let cnv = |change_type, genotype_type, copy_number| Call {
            change_type,
            caller_type: CallerType::Cnv,
            length: 1200,
            copy_number,
            ..call(genotype_type, false)
        };
        let shown = |first: Call<'_>| formatted(&first, None);
        assert_eq!(
            shown(cnv(ChangeType::Del, Heterozygous, None)).unwrap(),
            "(1200nt)/-"
        );
        assert_eq!(
            shown(cnv(ChangeType::Del, Homozygous, None)).unwrap(),
            "-/-"
        );
        assert_eq!(
            shown(cnv(ChangeType::Dup, Heterozygous, Some(3))).unwrap(),
            "CN: 3 (1200nt)"
        );
        assert_eq!(
            shown(cnv(ChangeType::Dup, Heterozygous, None)).unwrap(),
            "CN: ? (1200nt)"
        );
        assert_eq!(
            shown(cnv(ChangeType::DupTandem, Homozygous, None)).unwrap(),
            "1200nt/1200nt"
        );
        assert!(shown(cnv(ChangeType::Del, Reference, None)).is_err());
    }
}
