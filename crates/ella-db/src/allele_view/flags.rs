//! The tags and the `nearby_allele` warning of the allele object (api.md §6.6, §6.7), as plain
//! functions.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::genotype::VerificationChecks;
use crate::enums::GenotypesampledataType;

/// The text of the `nearby_allele` warning.
pub const NEARBY_ALLELE: &str = "Another variant is within 2 bp of this variant";

/// An allele's position, for the nearby check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locus {
    /// Allele id.
    pub id: i32,
    /// Chromosome.
    pub chromosome: String,
    /// 0-based start.
    pub start: i32,
    /// 0-based exclusive end.
    pub end: i32,
}

/// Which of `wanted` lie within 2 bp of another allele of the analysis (ELLA's
/// `Warnings._check_nearby`).
///
/// `sorted` holds every allele of the analysis grouped by chromosome and ordered by start and end
/// within one (the order of the chromosomes does not matter: loci of two chromosomes are never
/// compared). Each allele is compared with the following ones while they start at most
/// 3 bp after its end on the same chromosome.
pub fn nearby(sorted: &[Locus], wanted: &[i32]) -> HashSet<i32> {
    let mut flagged = HashSet::new();
    for (index, this) in sorted.iter().enumerate() {
        for other in &sorted[index + 1..] {
            if other.start - this.end > 3 || other.chromosome != this.chromosome {
                break;
            }
            let close = (other.start - this.start).abs() < 3
                || (this.end - other.start).abs() < 3
                || (this.end - other.end).abs() < 3;
            if close {
                flagged.extend(
                    [this.id, other.id]
                        .into_iter()
                        .filter(|id| wanted.contains(id)),
                );
            }
        }
    }
    flagged
}

/// What the analysis-dependent tags look at of one (proband) sample's call.
#[derive(Debug, Clone, Copy)]
pub struct SampleCall {
    /// The call's genotype type.
    pub genotype_type: GenotypesampledataType,
    /// The call's quality checks.
    pub checks: VerificationChecks,
}

/// The sorted tags of an allele (api.md §6.6) apart from segregation.
///
/// `has_references` comes from the processed annotation's `references`; with an analysis,
/// `homozygous` and `low_quality` come from the proband samples' calls.
pub fn tags(references: Option<&Value>, samples: Option<&[SampleCall]>) -> Vec<&'static str> {
    let mut tags = BTreeSet::new();
    if references.is_some_and(truthy) {
        tags.insert("has_references");
    }
    if let Some(samples) = samples {
        if samples
            .iter()
            .any(|call| call.genotype_type == GenotypesampledataType::Homozygous)
        {
            tags.insert("homozygous");
        }
        if samples.iter().any(|call| {
            let checks = call.checks;
            checks.hts && !(checks.pass && checks.dp && checks.allele_ratio)
        }) {
            tags.insert("low_quality");
        }
    }
    tags.into_iter().collect()
}

/// Python's truth value of a JSON value.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64() != Some(0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use GenotypesampledataType::{Heterozygous, Homozygous};

    fn locus(id: i32, chromosome: &str, start: i32, end: i32) -> Locus {
        Locus {
            id,
            chromosome: chromosome.to_owned(),
            start,
            end,
        }
    }

    #[test]
    fn nearby_alleles_as_in_ellas_example() {
        // ELLA's illustration: 1 (1-2), 2 (1-7), 3 (4-10); 1 and 3 are of interest.
        let sorted = [
            locus(1, "1", 1, 2),
            locus(2, "1", 1, 7),
            locus(3, "1", 4, 10),
        ];
        let flagged = nearby(&sorted, &[1, 3]);
        assert_eq!(flagged, [1, 3].into());
        let apart = [
            locus(1, "1", 1, 2),
            locus(2, "1", 100, 101),
            locus(3, "2", 2, 3),
        ];
        assert!(nearby(&apart, &[1, 2, 3]).is_empty());
    }

    fn checks(pass: bool, hts: bool) -> VerificationChecks {
        VerificationChecks {
            snp: false,
            pass,
            dp: true,
            allele_ratio: true,
            hts,
        }
    }

    #[test]
    fn tags_from_references_and_calls() {
        let references = json!([{"pubmed_id": 1}]);
        assert_eq!(tags(Some(&references), None), ["has_references"]);
        assert!(tags(Some(&json!([])), None).is_empty());
        let calls = [
            SampleCall {
                genotype_type: Homozygous,
                checks: checks(true, true),
            },
            SampleCall {
                genotype_type: Heterozygous,
                checks: checks(false, true),
            },
        ];
        assert_eq!(tags(None, Some(&calls)), ["homozygous", "low_quality"]);
        // `snp` does not count, and Sanger calls are never low quality.
        let sanger = [SampleCall {
            genotype_type: Heterozygous,
            checks: checks(false, false),
        }];
        assert!(tags(None, Some(&sanger)).is_empty());
    }
}
