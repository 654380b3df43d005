//! The allele object (api.md §6): alleles with their annotation, assessments, report and, in an
//! analysis, their samples' genotypes, tags and warnings.
//!
//! [`load`] is the one entry point: it takes the allele ids and the inputs of api.md §6.1
//! ([`AlleleQuery`]) and returns one [`AlleleView`] per allele, in the order of the ids. Every
//! table is read once for all alleles (`= ANY`); the derived fields come from the plain functions
//! of [`annotation`], [`genotype`] and [`flags`].

pub mod annotation;
pub mod flags;
pub mod genotype;
mod samples;

use std::collections::{BTreeSet, HashMap, HashSet};

use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Array, Bool, Int4, Text};
use serde_json::Value;

pub use self::annotation::{PanelTranscript, ProcessedAnnotation};
use self::flags::SampleCall;
use self::genotype::Qc;
use self::samples::AnalysisContext;
pub use crate::analysis_view::SampleColumns;
pub use crate::assessment_view::Selection;
use crate::assessment_view::{
    allele_assessments, allele_reports, reference_assessments, AlleleAssessmentRecord,
    AlleleReportRecord, ReferenceAssessmentColumns,
};
use crate::enums::{CallerType, ChangeType, GenotypesampledataType};
use crate::links::genepanel_transcript;
use crate::schema::{allele, annotation as annotation_table, customannotation, transcript};
use crate::{Error, Result};

/// The columns of an allele (api.md §6.2).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = allele, check_for_backend(Pg))]
pub struct AlleleColumns {
    /// Allele id.
    pub id: i32,
    /// Genome build, `GRCh37`.
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
    /// Kind of change.
    pub change_type: ChangeType,
    /// 1-based VCF position.
    pub vcf_pos: i32,
    /// VCF `REF`.
    pub vcf_ref: String,
    /// VCF `ALT`.
    pub vcf_alt: String,
    /// Length of the change.
    pub length: i32,
    /// Small variant or structural variant.
    pub caller_type: CallerType,
}

/// Process-wide settings of the annotation display, from the configuration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnnotationSettings {
    /// `transcripts.inclusion_regex` (PostgreSQL regex), if set and not empty.
    pub inclusion_regex: Option<String>,
    /// `transcripts.consequences`: VEP consequence terms, most severe first.
    pub consequences: Vec<String>,
}

/// Which related rows to attach instead of the current ones (api.md §4.3 `link`, §6.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkFilter {
    /// Annotations (`annotation_id`).
    pub annotation: Selection,
    /// Custom annotations (`customannotation_id`).
    pub custom_annotation: Selection,
    /// Allele assessments (`alleleassessment_id`).
    pub allele_assessment: Selection,
    /// Reference assessments (`referenceassessment_id`).
    pub reference_assessment: Selection,
    /// Allele reports (`allelereport_id`).
    pub allele_report: Selection,
}

/// Which related rows the objects include (api.md §6.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one switch per related table"
)]
pub struct Include {
    /// The annotation.
    pub annotation: bool,
    /// The custom annotation (merged into the annotation).
    pub custom_annotation: bool,
    /// The allele assessment (the wire form, full or overview, is the caller's choice).
    pub allele_assessment: bool,
    /// The reference assessments.
    pub reference_assessments: bool,
    /// The allele report.
    pub allele_report: bool,
}

impl Include {
    /// Everything, as `GET /alleles/` and the workflow allele lists load it.
    pub const ALL: Self = Self {
        annotation: true,
        custom_annotation: true,
        allele_assessment: true,
        reference_assessments: true,
        allele_report: true,
    };
}

/// A gene panel, by name and version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelKey<'a> {
    /// Panel name.
    pub name: &'a str,
    /// Panel version.
    pub version: &'a str,
}

/// The inputs of api.md §6.1.
#[derive(Debug, Clone, Copy)]
pub struct AlleleQuery<'a> {
    /// The alleles, in the order of the result; ids without an allele are skipped.
    pub allele_ids: &'a [i32],
    /// The gene panel for transcript selection (`filtered_transcripts`), if any.
    pub genepanel: Option<PanelKey<'a>>,
    /// The analysis whose samples, genotypes, tags and nearby warnings to include, if any.
    pub analysis_id: Option<i32>,
    /// The filter config whose segregation filter tags the alleles (api.md §6.6). Segregation is
    /// not implemented yet: `Some` is refused, so that no caller silently loses the tags (or the
    /// proband's `p_denovo`).
    pub filterconfig_id: Option<i32>,
    /// Specific related rows instead of the current ones.
    pub links: &'a LinkFilter,
    /// Which related rows to include.
    pub include: Include,
    /// The configured annotation display settings.
    pub settings: &'a AnnotationSettings,
}

/// A sample's genotype of one allele (api.md §6.5 `genotype`).
#[derive(Debug, Clone, PartialEq)]
pub struct GenotypeView {
    /// Genotype sample data id (ELLA emits it as the genotype's `id`).
    pub id: i32,
    /// `QUAL` of the proband's genotype.
    pub variant_quality: Option<i32>,
    /// `FILTER` of the proband's genotype.
    pub filter_status: Option<String>,
    /// The sample's genotype type.
    pub genotype_type: GenotypesampledataType,
    /// Whether the sample's GT had a missing allele.
    pub multiallelic: bool,
    /// FORMAT `GQ`.
    pub genotype_quality: Option<i16>,
    /// FORMAT `PL`.
    pub genotype_likelihood: Option<Vec<Option<i32>>>,
    /// FORMAT `DP`.
    pub sequencing_depth: Option<i16>,
    /// Allele depths by label.
    pub allele_depth: Option<Value>,
    /// FORMAT `CN`.
    pub copy_number: Option<i16>,
    /// Allele ratio and verification checks.
    pub qc: Qc,
    /// The displayed genotype.
    pub formatted: String,
}

/// A sample with its genotype of one allele.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleGenotype {
    /// The sample.
    pub sample: SampleColumns,
    /// Its genotype.
    pub genotype: GenotypeView,
}

/// A proband sample with its genotype and its family's (api.md §6.5).
#[derive(Debug, Clone, PartialEq)]
pub struct ProbandGenotype {
    /// The proband.
    pub proband: SampleGenotype,
    /// The proband's father, if known.
    pub father: Option<SampleGenotype>,
    /// The proband's mother, if known.
    pub mother: Option<SampleGenotype>,
    /// The proband's siblings.
    pub siblings: Vec<SampleGenotype>,
}

/// The annotation of an allele object (api.md §6.3).
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationView {
    /// The processed document and its panel transcripts.
    pub processed: ProcessedAnnotation,
    /// Annotation id.
    pub annotation_id: i32,
    /// Version of the document's JSON schema.
    pub schema_version: i32,
    /// The annotation config the document was made with.
    pub annotation_config_id: i32,
    /// The custom annotation attached, if any.
    pub custom_annotation_id: Option<i32>,
}

/// The warnings of an allele (api.md §6.7).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlleleWarnings {
    /// Another allele of the analysis within 2 bp.
    pub nearby_allele: Option<&'static str>,
    /// Worst consequences outside the panel transcripts.
    pub worse_consequence: Option<String>,
}

/// One allele object (api.md §6).
#[derive(Debug, Clone, PartialEq)]
pub struct AlleleView {
    /// The allele row.
    pub allele: AlleleColumns,
    /// Its annotation, if included and present.
    pub annotation: Option<AnnotationView>,
    /// Its allele assessment, if included and present.
    pub allele_assessment: Option<AlleleAssessmentRecord>,
    /// Its reference assessments, if included (possibly none).
    pub reference_assessments: Vec<ReferenceAssessmentColumns>,
    /// Its allele report, if included and present.
    pub allele_report: Option<AlleleReportRecord>,
    /// With an analysis: its proband samples that carry it.
    pub samples: Option<Vec<ProbandGenotype>>,
    /// Sorted tags.
    pub tags: Vec<&'static str>,
    /// Warnings.
    pub warnings: AlleleWarnings,
}

/// Loads the allele objects of `query.allele_ids`, in that order.
pub fn load(conn: &mut PgConnection, query: &AlleleQuery<'_>) -> Result<Vec<AlleleView>> {
    if query.filterconfig_id.is_some() {
        return Err(Error::Invalid(
            "segregation tags (filterconfig_id) are not implemented yet".to_owned(),
        ));
    }
    let mut rows: HashMap<i32, AlleleColumns> = alleles_by_id(conn, query.allele_ids)?;
    let ids: Vec<i32> = unique(query.allele_ids)
        .into_iter()
        .filter(|id| rows.contains_key(id))
        .collect();
    let include = query.include;
    let links = query.links;
    let mut annotations = if include.annotation {
        annotations(conn, query, &ids)?
    } else {
        HashMap::new()
    };
    let mut assessments = by_allele(
        if include.allele_assessment {
            allele_assessments(conn, &ids, &links.allele_assessment)?
        } else {
            Vec::new()
        },
        |record| record.assessment.allele_id,
    );
    let mut reports = by_allele(
        if include.allele_report {
            allele_reports(conn, &ids, &links.allele_report)?
        } else {
            Vec::new()
        },
        |record| record.report.allele_id,
    );
    let mut references: HashMap<i32, Vec<ReferenceAssessmentColumns>> = HashMap::new();
    if include.reference_assessments {
        for row in reference_assessments(conn, &ids, &links.reference_assessment)? {
            references.entry(row.allele_id).or_default().push(row);
        }
    }
    let mut analysis = match query.analysis_id {
        Some(analysis_id) => Some(AnalysisContext::load(conn, analysis_id, &rows, &ids)?),
        None => None,
    };
    ids.iter()
        .map(|id| {
            let allele = rows
                .remove(id)
                .ok_or_else(|| Error::NotFound(format!("allele {id}")))?;
            let annotation = annotations.remove(id);
            let samples = analysis
                .as_mut()
                .map(|context| context.samples_of(&allele))
                .transpose()?;
            let calls: Option<Vec<SampleCall>> = samples.as_ref().map(|samples| {
                samples
                    .iter()
                    .map(|sample| SampleCall {
                        genotype_type: sample.proband.genotype.genotype_type,
                        checks: sample.proband.genotype.qc.checks,
                    })
                    .collect()
            });
            let tags = flags::tags(
                annotation
                    .as_ref()
                    .and_then(|view| view.processed.document.get("references")),
                calls.as_deref(),
            );
            let warnings = AlleleWarnings {
                nearby_allele: analysis
                    .as_ref()
                    .is_some_and(|context| context.nearby.contains(id))
                    .then_some(flags::NEARBY_ALLELE),
                worse_consequence: annotation
                    .as_ref()
                    .filter(|_| allele.caller_type != CallerType::Cnv)
                    .and_then(|view| annotation::worse_consequence_warning(&view.processed)),
            };
            Ok(AlleleView {
                annotation,
                allele_assessment: assessments.remove(id),
                reference_assessments: references.remove(id).unwrap_or_default(),
                allele_report: reports.remove(id),
                samples,
                tags,
                warnings,
                allele,
            })
        })
        .collect()
}

/// A condition on the allele table, such as one term of the API's `q` filter (api.md §1.5).
pub type AlleleCondition = Box<dyn BoxableExpression<allele::table, Pg, SqlType = Bool>>;

/// The ids of the alleles that satisfy every condition, ordered by chromosome (as text) and
/// start position (api.md §4.3, `GET /alleles/`).
pub fn matching_ids(conn: &mut PgConnection, conditions: Vec<AlleleCondition>) -> Result<Vec<i32>> {
    Ok(conditions
        .into_iter()
        .fold(allele::table.into_boxed(), QueryDsl::filter)
        .select(allele::id)
        .order((allele::chromosome, allele::start_position, allele::id))
        .load(conn)?)
}

/// A gene of the current annotation of some alleles, with those alleles (api.md §4.3,
/// `GET /alleles/by-gene/`).
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct GeneAlleles {
    /// Gene symbol.
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub symbol: Option<String>,
    /// HGNC id.
    #[diesel(sql_type = diesel::sql_types::Nullable<Int4>)]
    pub hgnc_id: Option<i32>,
    /// The alleles, distinct, by chromosome (as text) and start position.
    #[diesel(sql_type = Array<Int4>)]
    pub allele_ids: Vec<i32>,
}

/// The genes of the current annotation transcripts of `allele_ids`, each with its alleles, by
/// symbol and HGNC id; only transcripts matching `inclusion_regex` count, if one is set.
pub fn alleles_by_gene(
    conn: &mut PgConnection,
    allele_ids: &[i32],
    inclusion_regex: Option<&str>,
) -> Result<Vec<GeneAlleles>> {
    Ok(diesel::sql_query(
        "SELECT symbol, hgnc_id,
             array_agg(allele_id ORDER BY chromosome, start_position, allele_id) AS allele_ids
         FROM (SELECT DISTINCT t.symbol, t.hgnc_id, a.id AS allele_id, a.chromosome,
                   a.start_position
               FROM annotationshadowtranscript t JOIN allele a ON a.id = t.allele_id
               WHERE t.allele_id = ANY($1) AND ($2::text IS NULL OR t.transcript ~ $2)) genes
         GROUP BY symbol, hgnc_id
         ORDER BY symbol, hgnc_id",
    )
    .bind::<Array<Int4>, _>(allele_ids)
    .bind::<diesel::sql_types::Nullable<Text>, _>(inclusion_regex)
    .load(conn)?)
}

/// `ids` without repeats, first occurrence kept.
fn unique(ids: &[i32]) -> Vec<i32> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

/// The allele rows of `ids`, by id.
fn alleles_by_id(conn: &mut PgConnection, ids: &[i32]) -> Result<HashMap<i32, AlleleColumns>> {
    Ok(allele::table
        .filter(allele::id.eq_any(ids))
        .select(AlleleColumns::as_select())
        .load::<AlleleColumns>(conn)?
        .into_iter()
        .map(|row| (row.id, row))
        .collect())
}

/// One record per allele; of several (linked) records of one allele the last by id wins, as in
/// ELLA.
fn by_allele<T>(records: Vec<T>, allele_id: impl Fn(&T) -> i32) -> HashMap<i32, T> {
    records
        .into_iter()
        .map(|record| (allele_id(&record), record))
        .collect()
}

/// The annotation row columns the object needs.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = annotation_table, check_for_backend(Pg))]
struct AnnotationRow {
    id: i32,
    allele_id: Option<i32>,
    annotations: Option<Value>,
    schema_version: i32,
    annotation_config_id: i32,
}

/// The custom annotation row columns the object needs.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = customannotation, check_for_backend(Pg))]
struct CustomAnnotationRow {
    id: i32,
    allele_id: Option<i32>,
    annotations: Option<Value>,
}

/// The processed annotations of `ids`, by allele.
fn annotations(
    conn: &mut PgConnection,
    query: &AlleleQuery<'_>,
    ids: &[i32],
) -> Result<HashMap<i32, AnnotationView>> {
    let rows = annotation_rows(conn, ids, &query.links.annotation)?;
    let custom = if query.include.custom_annotation {
        custom_annotation_rows(conn, ids, &query.links.custom_annotation)?
    } else {
        HashMap::new()
    };
    let panel = match query.genepanel {
        Some(panel) => panel_transcripts(conn, panel, rows.values())?,
        None => Vec::new(),
    };
    let regex = regex_transcripts(conn, ids, query.settings.inclusion_regex.as_deref())?;
    let empty = BTreeSet::new();
    Ok(rows
        .into_iter()
        .map(|(allele_id, row)| {
            let document = row.annotations.unwrap_or(Value::Null);
            let custom_row = custom.get(&allele_id);
            let processed = annotation::process(
                &document,
                &annotation::panel_transcripts(&document, &panel),
                regex.get(&allele_id).unwrap_or(&empty),
                custom_row.and_then(|row| row.annotations.as_ref()),
                &query.settings.consequences,
            );
            let view = AnnotationView {
                processed,
                annotation_id: row.id,
                schema_version: row.schema_version,
                annotation_config_id: row.annotation_config_id,
                custom_annotation_id: custom_row.map(|row| row.id),
            };
            (allele_id, view)
        })
        .collect())
}

/// The annotation rows of `selection` that belong to `ids`, by allele.
fn annotation_rows(
    conn: &mut PgConnection,
    ids: &[i32],
    selection: &Selection,
) -> Result<HashMap<i32, AnnotationRow>> {
    let query = annotation_table::table
        .select(AnnotationRow::as_select())
        .order(annotation_table::id)
        .into_boxed();
    let rows: Vec<AnnotationRow> = match selection {
        Selection::Current => query
            .filter(annotation_table::allele_id.eq_any(ids))
            .filter(annotation_table::date_superceeded.is_null())
            .load(conn)?,
        Selection::Ids(linked) => query
            .filter(annotation_table::id.eq_any(linked))
            .load(conn)?,
    };
    Ok(attach(rows, ids, |row| row.allele_id))
}

/// The custom annotation rows of `selection` that belong to `ids`, by allele.
fn custom_annotation_rows(
    conn: &mut PgConnection,
    ids: &[i32],
    selection: &Selection,
) -> Result<HashMap<i32, CustomAnnotationRow>> {
    let query = customannotation::table
        .select(CustomAnnotationRow::as_select())
        .order(customannotation::id)
        .into_boxed();
    let rows: Vec<CustomAnnotationRow> = match selection {
        Selection::Current => query
            .filter(customannotation::allele_id.eq_any(ids))
            .filter(customannotation::date_superceeded.is_null())
            .load(conn)?,
        Selection::Ids(linked) => query
            .filter(customannotation::id.eq_any(linked))
            .load(conn)?,
    };
    Ok(attach(rows, ids, |row| row.allele_id))
}

/// `rows` by their allele, dropping rows of other alleles; the last row of an allele wins.
fn attach<T>(rows: Vec<T>, ids: &[i32], allele_id: impl Fn(&T) -> Option<i32>) -> HashMap<i32, T> {
    rows.into_iter()
        .filter_map(|row| {
            let id = allele_id(&row).filter(|id| ids.contains(id))?;
            Some((id, row))
        })
        .collect()
}

/// The transcripts of `panel` whose genes occur in the annotation documents.
fn panel_transcripts<'a>(
    conn: &mut PgConnection,
    panel: PanelKey<'_>,
    rows: impl Iterator<Item = &'a AnnotationRow>,
) -> Result<Vec<PanelTranscript>> {
    let mut gene_ids: Vec<i32> = rows
        .filter_map(|row| row.annotations.as_ref()?.get("transcripts")?.as_array())
        .flatten()
        .filter_map(|transcript| {
            let hgnc_id = transcript.get("hgnc_id")?;
            hgnc_id
                .as_i64()
                .or_else(|| hgnc_id.as_str()?.trim().parse().ok())
                .and_then(|id| i32::try_from(id).ok())
        })
        .collect();
    gene_ids.sort_unstable();
    gene_ids.dedup();
    Ok(genepanel_transcript::table
        .inner_join(transcript::table)
        .filter(genepanel_transcript::genepanel_name.eq(panel.name))
        .filter(genepanel_transcript::genepanel_version.eq(panel.version))
        .filter(transcript::gene_id.eq_any(&gene_ids))
        .select((transcript::transcript_name, transcript::gene_id))
        .order(transcript::transcript_name)
        .load::<(String, i32)>(conn)?
        .into_iter()
        .map(|(name, gene_id)| PanelTranscript { name, gene_id })
        .collect())
}

/// The current annotation transcripts of `ids` that match the inclusion regex, by allele.
fn regex_transcripts(
    conn: &mut PgConnection,
    ids: &[i32],
    regex: Option<&str>,
) -> Result<HashMap<i32, BTreeSet<String>>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Int4)]
        allele_id: i32,
        #[diesel(sql_type = Text)]
        transcript: String,
    }
    let Some(regex) = regex else {
        return Ok(HashMap::new());
    };
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT DISTINCT allele_id, transcript FROM annotationshadowtranscript
         WHERE allele_id = ANY($1) AND transcript ~ $2",
    )
    .bind::<Array<Int4>, _>(ids)
    .bind::<Text, _>(regex)
    .load(conn)?;
    let mut found: HashMap<i32, BTreeSet<String>> = HashMap::new();
    for row in rows {
        found
            .entry(row.allele_id)
            .or_default()
            .insert(row.transcript);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use ella_test_support::TestDatabase;

    use super::*;

    fn query<'a>(
        ids: &'a [i32],
        links: &'a LinkFilter,
        settings: &'a AnnotationSettings,
    ) -> AlleleQuery<'a> {
        AlleleQuery {
            allele_ids: ids,
            genepanel: None,
            analysis_id: None,
            filterconfig_id: None,
            links,
            include: Include::ALL,
            settings,
        }
    }

    #[test]
    fn ids_keep_their_order_and_segregation_is_refused() {
        let db = TestDatabase::migrated();
        let mut conn = db.connect();
        diesel::sql_query(
            "INSERT INTO allele (id, genome_reference, chromosome, start_position,
                 open_end_position, change_from, change_to, change_type, vcf_pos, vcf_ref,
                 vcf_alt, length, caller_type)
             VALUES (1, 'GRCh37', '2', 10, 11, 'A', 'G', 'SNP', 11, 'A', 'G', 1, 'snv'),
                    (2, 'GRCh37', '1', 10, 11, 'C', 'T', 'SNP', 11, 'C', 'T', 1, 'snv')",
        )
        .execute(&mut conn)
        .unwrap();
        let (links, settings) = (LinkFilter::default(), AnnotationSettings::default());
        let views = load(&mut conn, &query(&[2, 99, 1, 2], &links, &settings)).unwrap();
        let ids: Vec<i32> = views.iter().map(|view| view.allele.id).collect();
        assert_eq!(ids, [2, 1], "input order, unknown and repeated ids skipped");
        assert!(views.iter().all(|view| view.annotation.is_none()
            && view.samples.is_none()
            && view.tags.is_empty()
            && view.warnings == AlleleWarnings::default()));
        let by_position = matching_ids(&mut conn, Vec::new()).unwrap();
        assert_eq!(by_position, [2, 1], "chromosome first");
        let segregation = AlleleQuery {
            filterconfig_id: Some(1),
            ..query(&[1], &links, &settings)
        };
        assert!(matches!(
            load(&mut conn, &segregation),
            Err(Error::Invalid(_))
        ));
    }
}
