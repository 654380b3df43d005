//! The allele object (api.md §6) and the assessment shapes it carries (api.md §1.7
//! `AlleleAssessment`, `AlleleAssessmentOverview`, `AlleleReport`, `ReferenceAssessment`).
//!
//! [`Allele::new`] turns the data layer's [`AlleleView`] into the wire object; the allele
//! assessment's form (full or overview) is the endpoint's choice. The annotation is ELLA's
//! free-form document and stays JSON.

use chrono::{DateTime, Utc};
use ella_db::allele_view::{
    AlleleView, AnnotationView, GeneAlleles, GenotypeView, ProbandGenotype, SampleGenotype,
};
use ella_db::assessment_view::{
    AlleleAssessmentRecord, AlleleReportRecord, GroupName, ReferenceAssessmentColumns,
};
use ella_db::enums::{CallerType, ChangeType, GenotypesampledataType};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::analyses::Sample;
use super::users::User;
use super::{serialize_datetime, serialize_optional_datetime};
use crate::lax::{LaxInt, LaxString};

/// Which form of the allele assessment an endpoint shows (api.md §6.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentForm {
    /// Every field (`AlleleAssessment`).
    Full,
    /// `id`, `date_created` and `classification` (`AlleleAssessmentOverview`).
    Overview,
}

/// The variant object (api.md §6).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(clippy::struct_field_names, reason = "ELLA's keys")]
pub struct Allele {
    /// Allele id.
    pub id: i32,
    /// Genome build.
    pub genome_reference: String,
    /// Chromosome.
    pub chromosome: String,
    /// 0-based start.
    pub start_position: i32,
    /// 0-based exclusive end.
    pub open_end_position: i32,
    /// Normalised reference bases.
    pub change_from: String,
    /// Normalised alternative bases.
    pub change_to: String,
    /// `SNP`, `del`, `ins`, `indel`, `dup`, ...
    pub change_type: &'static str,
    /// 1-based VCF position.
    pub vcf_pos: i32,
    /// VCF `REF`.
    pub vcf_ref: String,
    /// VCF `ALT`.
    pub vcf_alt: String,
    /// Length of the change.
    pub length: i32,
    /// `snv` or `cnv`.
    pub caller_type: &'static str,
    /// The processed annotation document with `filtered_transcripts`, `annotation_id`,
    /// `schema_version`, `annotation_config_id` and, when attached, `custom_annotation_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub annotation: Option<Map<String, Value>>,
    /// The current (or linked) allele assessment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allele_assessment: Option<AlleleAssessmentForm>,
    /// The current (or linked) reference assessments; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_assessments: Option<Vec<ReferenceAssessment>>,
    /// The current (or linked) allele report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allele_report: Option<AlleleReport>,
    /// In an analysis: the proband samples carrying the allele, with genotypes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub samples: Option<Vec<AlleleSample>>,
    /// Sorted tags (api.md §6.6).
    pub tags: Vec<&'static str>,
    /// Warnings (api.md §6.7); absent when none applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<AlleleWarnings>,
}

impl Allele {
    /// The wire object of `view`, with the allele assessment in `form`; `now` is the time that
    /// `seconds_since_update` counts to.
    pub fn new(view: AlleleView, form: AssessmentForm, now: DateTime<Utc>) -> Self {
        let AlleleView {
            allele,
            annotation,
            allele_assessment,
            reference_assessments,
            allele_report,
            samples,
            tags,
            warnings,
        } = view;
        let warnings = (warnings.nearby_allele.is_some() || warnings.worse_consequence.is_some())
            .then_some(AlleleWarnings {
                nearby_allele: warnings.nearby_allele,
                worse_consequence: warnings.worse_consequence,
            });
        Self {
            id: allele.id,
            genome_reference: allele.genome_reference,
            chromosome: allele.chromosome,
            start_position: allele.start_position,
            open_end_position: allele.open_end_position,
            change_from: allele.change_from,
            change_to: allele.change_to,
            change_type: change_type_text(allele.change_type),
            vcf_pos: allele.vcf_pos,
            vcf_ref: allele.vcf_ref,
            vcf_alt: allele.vcf_alt,
            length: allele.length,
            caller_type: match allele.caller_type {
                CallerType::Snv => "snv",
                CallerType::Cnv => "cnv",
            },
            annotation: annotation.map(annotation_document),
            allele_assessment: allele_assessment.map(|record| match form {
                AssessmentForm::Full => {
                    AlleleAssessmentForm::Full(Box::new(AlleleAssessment::new(record, now)))
                }
                AssessmentForm::Overview => {
                    AlleleAssessmentForm::Overview(AlleleAssessmentOverview::from(record))
                }
            }),
            reference_assessments: (!reference_assessments.is_empty()).then(|| {
                reference_assessments
                    .into_iter()
                    .map(ReferenceAssessment::from)
                    .collect()
            }),
            allele_report: allele_report.map(|record| AlleleReport::new(record, now)),
            samples: samples.map(|samples| samples.into_iter().map(AlleleSample::from).collect()),
            tags,
            warnings,
        }
    }
}

/// The annotation document with its metadata keys (api.md §6.3 step 6).
fn annotation_document(view: AnnotationView) -> Map<String, Value> {
    let mut document = view.processed.document;
    document.insert(
        "filtered_transcripts".into(),
        Value::Array(
            view.processed
                .filtered_transcripts
                .into_iter()
                .map(Value::String)
                .collect(),
        ),
    );
    document.insert("annotation_id".into(), view.annotation_id.into());
    document.insert("schema_version".into(), view.schema_version.into());
    document.insert(
        "annotation_config_id".into(),
        view.annotation_config_id.into(),
    );
    if let Some(id) = view.custom_annotation_id {
        document.insert("custom_annotation_id".into(), id.into());
    }
    document
}

/// ELLA's spelling of a change type.
fn change_type_text(change_type: ChangeType) -> &'static str {
    match change_type {
        ChangeType::Snp => "SNP",
        ChangeType::Del => "del",
        ChangeType::Ins => "ins",
        ChangeType::Indel => "indel",
        ChangeType::Dup => "dup",
        ChangeType::DupTandem => "dup_tandem",
        ChangeType::DelMe => "del_me",
        ChangeType::InsMe => "ins_me",
        ChangeType::Inv => "inv",
        ChangeType::Bnd => "bnd",
    }
}

/// A gene with the requested alleles in it (api.md §4.3, `GET /alleles/by-gene/`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleGene {
    /// Gene symbol.
    pub symbol: Option<String>,
    /// HGNC id.
    pub hgnc_id: Option<i32>,
    /// The alleles, by chromosome and position.
    pub allele_ids: Vec<i32>,
}

impl From<GeneAlleles> for AlleleGene {
    fn from(gene: GeneAlleles) -> Self {
        Self {
            symbol: gene.symbol,
            hgnc_id: gene.hgnc_id,
            allele_ids: gene.allele_ids,
        }
    }
}

/// The warnings of an allele; each key only when it applies.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleWarnings {
    /// Another variant of the analysis is within 2 bp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearby_allele: Option<&'static str>,
    /// Worst consequences lie outside the panel transcripts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worse_consequence: Option<String>,
}

/// A proband sample with its genotype and family (api.md §6.5).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleSample {
    /// The sample's fields.
    #[serde(flatten)]
    pub sample: Sample,
    /// Its genotype of the allele.
    pub genotype: Genotype,
    /// The father's sample, when the proband has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub father: Option<Box<AlleleSample>>,
    /// The mother's sample, when the proband has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub mother: Option<Box<AlleleSample>>,
    /// Siblings' samples; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub siblings: Option<Vec<AlleleSample>>,
}

impl From<ProbandGenotype> for AlleleSample {
    fn from(family: ProbandGenotype) -> Self {
        let member = |member: SampleGenotype| Box::new(Self::member(member));
        Self {
            father: family.father.map(member),
            mother: family.mother.map(member),
            siblings: (!family.siblings.is_empty())
                .then(|| family.siblings.into_iter().map(Self::member).collect()),
            ..Self::member(family.proband)
        }
    }
}

impl AlleleSample {
    /// A sample without family keys.
    fn member(member: SampleGenotype) -> Self {
        Self {
            sample: Sample::from(member.sample),
            genotype: Genotype::from(member.genotype),
            father: None,
            mother: None,
            siblings: None,
        }
    }
}

/// A sample's genotype (api.md §6.5 `genotype`).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[expect(clippy::struct_field_names, reason = "ELLA's keys")]
pub struct Genotype {
    /// The genotype sample data id.
    pub id: i32,
    /// `QUAL`.
    pub variant_quality: Option<i32>,
    /// `FILTER`.
    pub filter_status: Option<String>,
    /// `Homozygous`, `Heterozygous`, `Reference` or `No coverage`.
    #[serde(rename = "type")]
    pub genotype_type: &'static str,
    /// Whether the sample's GT had a missing allele.
    pub multiallelic: bool,
    /// FORMAT `GQ`.
    pub genotype_quality: Option<i16>,
    /// FORMAT `PL`.
    pub genotype_likelihood: Option<Vec<Option<i32>>>,
    /// FORMAT `DP`.
    pub sequencing_depth: Option<i16>,
    /// Allele depths by label.
    #[schema(value_type = Option<Object>)]
    pub allele_depth: Option<Value>,
    /// FORMAT `CN`.
    pub copy_number: Option<i16>,
    /// ALT depth over all depths, only when computable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allele_ratio: Option<f64>,
    /// Whether the call should be verified.
    pub needs_verification: bool,
    /// The checks behind `needs_verification`.
    pub needs_verification_checks: VerificationChecks,
    /// The displayed genotype, e.g. `G/T`.
    pub formatted: String,
}

/// The checks behind `needs_verification`.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[expect(clippy::struct_excessive_bools, reason = "ELLA's five named checks")]
pub struct VerificationChecks {
    /// Single-nucleotide change.
    pub snp: bool,
    /// `FILTER` is `PASS`.
    pub pass: bool,
    /// Depth at least 20.
    pub dp: bool,
    /// Allele ratio fits the genotype.
    pub allele_ratio: bool,
    /// HTS sample.
    pub hts: bool,
}

impl From<GenotypeView> for Genotype {
    fn from(view: GenotypeView) -> Self {
        let checks = view.qc.checks;
        Self {
            id: view.id,
            variant_quality: view.variant_quality,
            filter_status: view.filter_status,
            genotype_type: match view.genotype_type {
                GenotypesampledataType::Homozygous => "Homozygous",
                GenotypesampledataType::Heterozygous => "Heterozygous",
                GenotypesampledataType::Reference => "Reference",
                GenotypesampledataType::NoCoverage => "No coverage",
            },
            multiallelic: view.multiallelic,
            genotype_quality: view.genotype_quality,
            genotype_likelihood: view.genotype_likelihood,
            sequencing_depth: view.sequencing_depth,
            allele_depth: view.allele_depth,
            copy_number: view.copy_number,
            allele_ratio: view.qc.allele_ratio,
            needs_verification: view.qc.needs_verification,
            needs_verification_checks: VerificationChecks {
                snp: checks.snp,
                pass: checks.pass,
                dp: checks.dp,
                allele_ratio: checks.allele_ratio,
                hts: checks.hts,
            },
            formatted: view.formatted,
        }
    }
}

/// The allele assessment of an allele object, in the endpoint's form.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum AlleleAssessmentForm {
    /// Every field.
    Full(Box<AlleleAssessment>),
    /// Overview fields only.
    Overview(AlleleAssessmentOverview),
}

/// A user group, id and name.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Usergroup {
    /// Group id.
    pub id: i32,
    /// Group name.
    pub name: String,
}

impl From<GroupName> for Usergroup {
    fn from(group: GroupName) -> Self {
        Self {
            id: group.id,
            name: group.name,
        }
    }
}

/// Seconds from `created` to `now`, with microseconds (Python's `total_seconds()`).
fn seconds_since(created: DateTime<Utc>, now: DateTime<Utc>) -> f64 {
    (now - created).as_seconds_f64()
}

/// An allele assessment (api.md §1.7, `AlleleAssessment`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleAssessment {
    /// Assessment id.
    pub id: i32,
    /// When it was made.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// When a newer version replaced it (`null`: current).
    #[serde(serialize_with = "serialize_optional_datetime")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub date_superceeded: Option<DateTime<Utc>>,
    /// The allele.
    pub allele_id: i32,
    /// The analysis it was made in.
    pub analysis_id: Option<i32>,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// The annotation shown.
    pub annotation_id: Option<i32>,
    /// The custom annotation shown.
    pub custom_annotation_id: Option<i32>,
    /// The version it replaced.
    pub previous_assessment_id: Option<i32>,
    /// The author.
    pub user_id: i32,
    /// The author's group.
    pub usergroup_id: Option<i32>,
    /// That group.
    pub usergroup: Option<Usergroup>,
    /// The author.
    pub user: User,
    /// `1`..`5`, `NP`, `RF` or `DR`.
    pub classification: String,
    /// Seconds since `date_created`.
    pub seconds_since_update: f64,
    /// The evaluation document.
    #[schema(value_type = Option<Object>)]
    pub evaluation: Option<Value>,
    /// Attached files.
    pub attachment_ids: Vec<i32>,
}

impl AlleleAssessment {
    /// The wire form of `record` at `now`.
    pub fn new(record: AlleleAssessmentRecord, now: DateTime<Utc>) -> Self {
        let row = record.assessment;
        Self {
            id: row.id,
            date_created: row.date_created,
            date_superceeded: row.date_superceeded,
            allele_id: row.allele_id,
            analysis_id: row.analysis_id,
            genepanel_name: row.genepanel_name,
            genepanel_version: row.genepanel_version,
            annotation_id: row.annotation_id,
            custom_annotation_id: row.custom_annotation_id,
            previous_assessment_id: row.previous_assessment_id,
            user_id: row.user_id,
            usergroup_id: row.usergroup_id,
            usergroup: record.usergroup.map(Usergroup::from),
            user: User::new(&record.user.user, &record.user.group_name),
            classification: row.classification,
            seconds_since_update: seconds_since(row.date_created, now),
            evaluation: row.evaluation,
            attachment_ids: record.attachment_ids,
        }
    }
}

/// An allele assessment in overview form (api.md §1.7, `AlleleAssessmentOverview`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleAssessmentOverview {
    /// Assessment id.
    pub id: i32,
    /// When it was made.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// `1`..`5`, `NP`, `RF` or `DR`.
    pub classification: String,
}

impl From<AlleleAssessmentRecord> for AlleleAssessmentOverview {
    fn from(record: AlleleAssessmentRecord) -> Self {
        Self {
            id: record.assessment.id,
            date_created: record.assessment.date_created,
            classification: record.assessment.classification,
        }
    }
}

/// An allele report (api.md §1.7, `AlleleReport`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AlleleReport {
    /// Report id.
    pub id: i32,
    /// When it was made.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// When a newer version replaced it (`null`: current).
    #[serde(serialize_with = "serialize_optional_datetime")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub date_superceeded: Option<DateTime<Utc>>,
    /// The allele.
    pub allele_id: i32,
    /// The analysis it was made in.
    pub analysis_id: Option<i32>,
    /// The version it replaced.
    pub previous_report_id: Option<i32>,
    /// The author.
    pub user_id: i32,
    /// The author's group.
    pub usergroup_id: Option<i32>,
    /// That group.
    pub usergroup: Option<Usergroup>,
    /// The author.
    pub user: User,
    /// Seconds since `date_created`.
    pub seconds_since_update: f64,
    /// The evaluation document, normally `{"comment": ...}`.
    #[schema(value_type = Option<Object>)]
    pub evaluation: Option<Value>,
}

impl AlleleReport {
    /// The wire form of `record` at `now`.
    pub fn new(record: AlleleReportRecord, now: DateTime<Utc>) -> Self {
        let row = record.report;
        Self {
            id: row.id,
            date_created: row.date_created,
            date_superceeded: row.date_superceeded,
            allele_id: row.allele_id,
            analysis_id: row.analysis_id,
            previous_report_id: row.previous_report_id,
            user_id: row.user_id,
            usergroup_id: row.usergroup_id,
            usergroup: record.usergroup.map(Usergroup::from),
            user: User::new(&record.user.user, &record.user.group_name),
            seconds_since_update: seconds_since(row.date_created, now),
            evaluation: row.evaluation,
        }
    }
}

/// A reference assessment (api.md §1.7, `ReferenceAssessment`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReferenceAssessment {
    /// Reference assessment id.
    pub id: i32,
    /// The allele.
    pub allele_id: i32,
    /// The reference.
    pub reference_id: i32,
    /// The analysis it was made in.
    pub analysis_id: Option<i32>,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// When it was made.
    #[serde(serialize_with = "serialize_datetime")]
    #[schema(value_type = String, format = DateTime)]
    pub date_created: DateTime<Utc>,
    /// When a newer version replaced it (`null`: current).
    #[serde(serialize_with = "serialize_optional_datetime")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub date_superceeded: Option<DateTime<Utc>>,
    /// The author.
    pub user_id: i32,
    /// The evaluation document.
    #[schema(value_type = Option<Object>)]
    pub evaluation: Option<Value>,
}

impl From<ReferenceAssessmentColumns> for ReferenceAssessment {
    fn from(row: ReferenceAssessmentColumns) -> Self {
        Self {
            id: row.id,
            allele_id: row.allele_id,
            reference_id: row.reference_id,
            analysis_id: row.analysis_id,
            genepanel_name: row.genepanel_name,
            genepanel_version: row.genepanel_version,
            date_created: row.date_created,
            date_superceeded: row.date_superceeded,
            user_id: row.user_id,
            evaluation: row.evaluation,
        }
    }
}

/// The declared body of `POST /referenceassessments/` (api.md §4.6); other keys are refused.
/// ELLA 1.17 validates it and then always fails, so it is only validated.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(
    dead_code,
    reason = "validated only: the endpoint always fails, as in ELLA 1.17"
)]
pub struct ReferenceAssessmentPostRequest {
    /// Id of an existing reference assessment.
    pub id: Option<LaxInt>,
    /// The allele.
    pub allele_id: LaxInt,
    /// The reference.
    pub reference_id: LaxInt,
    /// The evaluation document.
    #[schema(value_type = Object)]
    pub evaluation: Map<String, Value>,
    /// The analysis it is made in.
    pub analysis_id: Option<LaxInt>,
    /// Gene panel name.
    pub genepanel_name: LaxString,
    /// Gene panel version.
    pub genepanel_version: LaxString,
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn seconds_keep_microseconds() {
        let created = Utc.with_ymd_and_hms(2027, 3, 30, 15, 3, 1).unwrap();
        let now = created + chrono::TimeDelta::microseconds(2_500_001);
        assert!((seconds_since(created, now) - 2.500_001).abs() < 1e-9);
    }
}
