//! The sample rows of one VCF and their family links (import.md §3.2).
//!
//! Links are indexes into [`SamplePlan::samples`], so the deposit step can turn them into the
//! ids of the rows it inserts.

use std::collections::BTreeSet;

use super::ped::{Pedigree, Sex};
use super::{AnalysisData, SampleType};
use crate::{Error, Result};

/// What to store for one sample column of a VCF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedSample {
    /// The sample column name.
    pub identifier: String,
    /// The data entry's technology.
    pub sample_type: SampleType,
    /// Family id from the PED; `None` without PED.
    pub family_id: Option<String>,
    /// Sex from the PED; `None` without PED or when unknown.
    pub sex: Option<Sex>,
    /// Whether the sample is affected (always for the lone sample of a VCF without PED).
    pub affected: bool,
    /// Whether the sample is the proband.
    pub proband: bool,
    /// Index of the father's sample.
    pub father: Option<usize>,
    /// Index of the mother's sample.
    pub mother: Option<usize>,
    /// Index of the proband, when this sample is the proband's sibling.
    pub sibling: Option<usize>,
}

/// The sample rows of one VCF, in sample column order, with exactly one proband.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SamplePlan {
    /// One entry per sample column.
    pub samples: Vec<PlannedSample>,
    /// Index of the proband in `samples`.
    pub proband: usize,
}

/// The plan for `data`'s VCF with sample columns `vcf_samples` (§3.2).
pub(super) fn plan(data: &AnalysisData, vcf_samples: &[String]) -> Result<SamplePlan> {
    let refuse = |message: String| Error::Invalid(format!("{}: {message}", data.vcf.display()));
    let mut samples = match (&data.pedigree, vcf_samples) {
        (_, []) => return Err(refuse("the VCF has no sample columns".to_owned())),
        (None, [only]) => vec![lone_sample(only, data.technology)],
        (None, _) => {
            return Err(refuse(
                ".ped file required when importing multiple samples".to_owned(),
            ))
        }
        (Some(pedigree), _) => family_samples(pedigree, vcf_samples, data.technology)
            .map_err(|message| refuse(format!("{message} ({})", pedigree.path.display())))?,
    };
    let probands: Vec<usize> = (0..samples.len())
        .filter(|&index| samples[index].proband)
        .collect();
    let [proband] = probands[..] else {
        return Err(refuse(format!(
            "Exactly one sample as proband is required. Got {}.",
            probands.len()
        )));
    };
    link_siblings(&mut samples, proband);
    check_one_family(&samples).map_err(refuse)?;
    Ok(SamplePlan { samples, proband })
}

/// The only sample of a VCF without PED: the affected proband, no family.
fn lone_sample(identifier: &str, sample_type: SampleType) -> PlannedSample {
    PlannedSample {
        identifier: identifier.to_owned(),
        sample_type,
        family_id: None,
        sex: None,
        affected: true,
        proband: true,
        father: None,
        mother: None,
        sibling: None,
    }
}

/// Every VCF sample from its PED entry, with parent links; PED entries of samples absent from
/// the VCF are ignored, but a parent must be a VCF sample.
fn family_samples(
    pedigree: &Pedigree,
    vcf_samples: &[String],
    sample_type: SampleType,
) -> Result<Vec<PlannedSample>, String> {
    let index_of = |parent: Option<&String>, role: &str, child: &str| {
        parent
            .map(|id| {
                vcf_samples
                    .iter()
                    .position(|sample| sample == id)
                    .ok_or_else(|| {
                        format!("{role} {id} of sample {child} is not a sample of the VCF")
                    })
            })
            .transpose()
    };
    vcf_samples
        .iter()
        .map(|identifier| {
            let entry = pedigree.entry(identifier).ok_or_else(|| {
                format!("Couldn't find sample name {identifier} in provided .ped file")
            })?;
            Ok(PlannedSample {
                identifier: identifier.clone(),
                sample_type,
                family_id: Some(entry.family_id.clone()),
                sex: entry.sex,
                affected: entry.affected,
                proband: entry.proband,
                father: index_of(entry.father_id.as_ref(), "father", identifier)?,
                mother: index_of(entry.mother_id.as_ref(), "mother", identifier)?,
                sibling: None,
            })
        })
        .collect()
}

/// Siblings point at the proband: when nobody has parents, every other sample is a sibling;
/// otherwise the other samples with the proband's father and mother (both may be unknown) are.
fn link_siblings(samples: &mut [PlannedSample], proband: usize) {
    let nobody_has_parents = samples
        .iter()
        .all(|sample| sample.father.is_none() && sample.mother.is_none());
    let parents = (samples[proband].father, samples[proband].mother);
    for (index, sample) in samples.iter_mut().enumerate() {
        if index != proband && (nobody_has_parents || (sample.father, sample.mother) == parents) {
            sample.sibling = Some(proband);
        }
    }
}

/// At most one father and one mother, and one family id, among the samples (§3.2).
fn check_one_family(samples: &[PlannedSample]) -> Result<(), String> {
    let distinct = |parent: fn(&PlannedSample) -> Option<usize>| {
        samples
            .iter()
            .filter_map(parent)
            .collect::<BTreeSet<_>>()
            .len()
    };
    if distinct(|sample| sample.father) > 1 {
        return Err("An analysis' family can only have one father.".to_owned());
    }
    if distinct(|sample| sample.mother) > 1 {
        return Err("An analysis' family can only have one mother.".to_owned());
    }
    let families: Vec<_> = samples
        .iter()
        .map(|sample| sample.family_id.as_deref().unwrap_or("None"))
        .collect();
    if families.iter().collect::<BTreeSet<_>>().len() > 1 {
        // ELLA's message lists the family id of every sample.
        return Err(format!(
            "Only one family id is supported. Got {}.",
            families.join(",")
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn data(ped: Option<&str>) -> AnalysisData {
        AnalysisData {
            vcf: PathBuf::from("a.vcf"),
            technology: SampleType::Sanger,
            pedigree: ped.map(|text| Pedigree::parse(text, Path::new("a.ped")).unwrap()),
        }
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|&name| name.to_owned()).collect()
    }

    fn refusal(ped: Option<&str>, samples: &[&str]) -> String {
        data(ped)
            .sample_plan(&names(samples))
            .unwrap_err()
            .to_string()
    }

    /// (identifier, proband, father, mother, sibling) per sample.
    type Links<'a> = Vec<(&'a str, bool, Option<usize>, Option<usize>, Option<usize>)>;

    fn links(plan: &SamplePlan) -> Links<'_> {
        plan.samples
            .iter()
            .map(|s| {
                (
                    s.identifier.as_str(),
                    s.proband,
                    s.father,
                    s.mother,
                    s.sibling,
                )
            })
            .collect()
    }

    const TRIO: &str = "F\tkid\tdad\tmum\t1\t2\t1\nF\tdad\t0\t0\t1\t1\t0\nF\tmum\t0\t0\t2\t1\t0\n";

    #[test]
    fn lone_sample_without_ped_is_the_affected_proband() {
        let plan = data(None).sample_plan(&names(&["S1"])).unwrap();
        assert_eq!(plan.proband, 0);
        let sample = &plan.samples[0];
        assert_eq!(
            (sample.identifier.as_str(), sample.proband, sample.affected),
            ("S1", true, true)
        );
        assert_eq!(
            (&sample.family_id, sample.sex, sample.sibling),
            (&None, None, None)
        );
        assert_eq!(sample.sample_type, SampleType::Sanger);
    }

    #[test]
    fn several_samples_need_a_ped_and_some_sample_is_needed() {
        assert_eq!(
            refusal(None, &["S1", "S2"]),
            "a.vcf: .ped file required when importing multiple samples"
        );
        assert_eq!(
            refusal(Some(TRIO), &[]),
            "a.vcf: the VCF has no sample columns"
        );
    }

    #[test]
    fn trio_in_vcf_column_order() {
        let plan = data(Some(TRIO))
            .sample_plan(&names(&["dad", "kid", "mum"]))
            .unwrap();
        assert_eq!(plan.proband, 1);
        assert_eq!(
            links(&plan),
            vec![
                ("dad", false, None, None, None),
                ("kid", true, Some(0), Some(2), None),
                ("mum", false, None, None, None),
            ]
        );
        let kid = &plan.samples[1];
        assert_eq!(kid.family_id.as_deref(), Some("F"));
        assert_eq!(
            (kid.sex, kid.affected, kid.sample_type),
            (Some(Sex::Male), true, SampleType::Sanger)
        );
    }

    #[test]
    fn siblings_share_the_probands_parents() {
        let ped = format!("{TRIO}F\tsis\tdad\tmum\t2\t1\t0\nF\thalf\tdad\t0\t2\t1\t0\n");
        let plan = data(Some(&ped))
            .sample_plan(&names(&["kid", "dad", "mum", "sis", "half"]))
            .unwrap();
        let siblings: Vec<_> = plan.samples.iter().map(|s| s.sibling).collect();
        assert_eq!(siblings, [None, None, None, Some(0), None]);
    }

    #[test]
    fn without_parents_everybody_else_is_a_sibling() {
        let ped = "F\ta\t0\t0\t1\t2\t0\nF\tb\t0\t0\t2\t2\t1\nF\tc\t0\t0\t0\t1\t0\n";
        let plan = data(Some(ped))
            .sample_plan(&names(&["a", "b", "c"]))
            .unwrap();
        let siblings: Vec<_> = plan.samples.iter().map(|s| s.sibling).collect();
        assert_eq!((plan.proband, siblings), (1, vec![Some(1), None, Some(1)]));
    }

    #[test]
    fn ped_entries_absent_from_the_vcf_are_ignored_unless_a_parent() {
        let plan = data(Some(TRIO)).sample_plan(&names(&["dad"])).unwrap_err();
        assert_eq!(
            plan.to_string(),
            "a.vcf: Exactly one sample as proband is required. Got 0."
        );
        assert_eq!(
            refusal(Some(TRIO), &["kid", "mum"]),
            "a.vcf: father dad of sample kid is not a sample of the VCF (a.ped)"
        );
        assert_eq!(
            refusal(Some(TRIO), &["kid", "dad", "mum", "uncle"]),
            "a.vcf: Couldn't find sample name uncle in provided .ped file (a.ped)"
        );
    }

    #[test]
    fn one_proband_father_mother_and_family() {
        let two_probands = TRIO.replace("\t1\t0\n", "\t1\t1\n");
        assert_eq!(
            refusal(Some(&two_probands), &["kid", "dad", "mum"]),
            "a.vcf: Exactly one sample as proband is required. Got 3."
        );
        let two_fathers = format!("{TRIO}F\tother\tx\t0\t1\t1\t0\nF\tx\t0\t0\t1\t1\t0\n");
        assert_eq!(
            refusal(Some(&two_fathers), &["kid", "dad", "mum", "other", "x"]),
            "a.vcf: An analysis' family can only have one father."
        );
        let two_mothers = format!("{TRIO}F\tother\t0\tx\t1\t1\t0\nF\tx\t0\t0\t2\t1\t0\n");
        assert_eq!(
            refusal(Some(&two_mothers), &["kid", "dad", "mum", "other", "x"]),
            "a.vcf: An analysis' family can only have one mother."
        );
        let two_families = TRIO.replace("F\tmum", "G\tmum");
        assert_eq!(
            refusal(Some(&two_families), &["kid", "dad", "mum"]),
            "a.vcf: Only one family id is supported. Got F,F,G."
        );
    }
}
