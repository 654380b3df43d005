//! Depositing analyses and alleles (import.md §3–§9): what `ella-cli deposit analysis`, the
//! analyses watcher and the annotation jobs store from VCF files.
//!
//! * [`deposit_analysis`] deposits a new analysis (§3): the analysis row, its first
//!   interpretation round with the priority log entry, then per VCF the sample rows and, batch by
//!   batch, the proband's alleles (through the user group's prefilters, §5), their annotation
//!   (§8.8) and the genotype rows (§4). [`append_to_analysis`] adds VCFs to an existing analysis
//!   (§7).
//! * [`deposit_alleles`] deposits alleles without samples (§9); [`import_custom_annotation`]
//!   imports the custom annotation fixture (§12.5).
//!
//! Everything runs in the caller's transaction, which must be rolled back on error: the VCF
//! headers and sample plans are checked before the first write, but a VCF is streamed, so a bad
//! record further down is found after earlier batches were written. Each batch costs a fixed
//! number of statements whatever its size (one array per column), and the annotation documents
//! are converted while streaming, so memory stays bounded by the batch.

mod annotation_schemas;
mod annotations;
mod custom_annotation;
mod data;
mod deposit_config;
mod genotypes;
mod prefilter;
mod records;
mod samples;
mod standalone;

use chrono::Utc;
use diesel::PgConnection;
use ella_config::Config;
use ella_db::analysis::{self as analyses, NewAnalysis};
use ella_db::enums::{AnalysisinterpretationWorkflowStatus, InterpretationStatus};
use ella_db::genepanel::panel_exists;
use ella_db::interpretation::{self, NewAnalysisInterpretation};
use serde_json::Value;

pub use custom_annotation::import_custom_annotation;
pub use standalone::deposit_alleles;

use self::annotations::AnnotationSource;
use self::data::{PreparedVcf, VcfDeposit};
use self::deposit_config::DepositConfig;
use crate::analysis_config::AnalysisConfig;
use crate::{Error, Result};

/// The analysis a deposit created or appended to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepositedAnalysis {
    /// Analysis id.
    pub id: i32,
    /// Analysis name.
    pub name: String,
}

/// Deposits a new analysis (§3.1) in the caller's transaction (it never opens or commits one).
///
/// Refused: a gene panel that does not exist ("Genepanel {name} version {version} not available
/// in varDB"), an existing analysis name ("Analysis {name} is already imported."), a deposit
/// configuration with post-processors (they need the filter chain, which this version does not
/// have yet), and any bad VCF, named with file and line. Structural variants need the feature
/// flag `cnv` of `config`.
pub fn deposit_analysis(
    conn: &mut PgConnection,
    analysis: &AnalysisConfig,
    config: &Config,
) -> Result<DepositedAnalysis> {
    let genepanel = (
        analysis.genepanel_name.as_str(),
        analysis.genepanel_version.as_str(),
    );
    if !panel_exists(conn, genepanel.0, genepanel.1)? {
        return Err(Error::Invalid(format!(
            "Genepanel {} version {} not available in varDB",
            genepanel.0, genepanel.1
        )));
    }
    if analyses::find_by_name(conn, &analysis.name)?.is_some() {
        return Err(Error::Invalid(format!(
            "Analysis {} is already imported.",
            analysis.name
        )));
    }
    let deposit_config = deposit_config::matching(conn, &analysis.name, genepanel)?;
    if let Some(deposit_config) = &deposit_config {
        deposit_config.refuse_postprocessing()?;
    }
    let vcfs = open_vcfs(analysis)?;
    let source = AnnotationSource::active(conn, &config.settings.frequencies.groups)?;
    let analysis_id = analyses::insert_analysis(
        conn,
        &NewAnalysis {
            name: &analysis.name,
            genepanel_name: genepanel.0,
            genepanel_version: genepanel.1,
            warnings: analysis.warnings.as_deref(),
            report: analysis.report.as_deref(),
            date_requested: analysis
                .date_requested
                .map(|date| date.and_time(chrono::NaiveTime::MIN).and_utc()),
            date_deposited: Utc::now(),
        },
    )?;
    start_interpretation(conn, analysis_id, genepanel, analysis.priority)?;
    deposit_vcfs(
        conn,
        analysis_id,
        vcfs,
        deposit_config.as_ref(),
        &source,
        config,
    )?;
    tracing::info!(analysis_id, "analysis deposited");
    Ok(DepositedAnalysis {
        id: analysis_id,
        name: analysis.name.clone(),
    })
}

/// Adds the VCFs of `analysis` to the existing analysis of the same name (append mode, §7).
///
/// Runs in the caller's transaction: new sample rows, alleles, annotation and genotypes; a
/// finished (`Done`) interpretation is reopened; no post-processing. Analyses with parents are
/// refused.
pub fn append_to_analysis(
    conn: &mut PgConnection,
    analysis: &AnalysisConfig,
    config: &Config,
) -> Result<DepositedAnalysis> {
    let existing = analyses::find_by_name(conn, &analysis.name)?
        .ok_or_else(|| Error::Invalid(format!("Analysis {} does not exist", analysis.name)))?;
    if ella_db::sample::analysis_has_parents(conn, existing.id)? {
        return Err(Error::Invalid(
            "Appending to a family analysis is not supported.".to_owned(),
        ));
    }
    let genepanel = (
        existing.genepanel_name.as_deref().unwrap_or_default(),
        existing.genepanel_version.as_deref().unwrap_or_default(),
    );
    let deposit_config = deposit_config::matching(conn, &analysis.name, genepanel)?;
    let vcfs = open_vcfs(analysis)?;
    let source = AnnotationSource::active(conn, &config.settings.frequencies.groups)?;
    match interpretation::latest_analysis_interpretation(conn, existing.id)? {
        None => start_interpretation(conn, existing.id, genepanel, analysis.priority)?,
        Some(latest) if latest.status == InterpretationStatus::Done => {
            let now = Utc::now();
            interpretation::insert_analysis_interpretation(
                conn,
                &NewAnalysisInterpretation {
                    analysis_id: latest.analysis_id,
                    genepanel_name: &latest.genepanel_name,
                    genepanel_version: &latest.genepanel_version,
                    user_state: &empty_object(),
                    state: latest.state.as_ref().unwrap_or(&empty_object()),
                    status: InterpretationStatus::NotStarted,
                    workflow_status: latest.workflow_status,
                    date_created: now,
                    date_last_update: now,
                },
            )?;
        }
        Some(_) => {}
    }
    deposit_vcfs(
        conn,
        existing.id,
        vcfs,
        deposit_config.as_ref(),
        &source,
        config,
    )?;
    tracing::info!(analysis_id = existing.id, "VCFs appended to the analysis");
    Ok(DepositedAnalysis {
        id: existing.id,
        name: existing.name,
    })
}

/// Opens every VCF of the analysis and plans its samples, before anything is written.
fn open_vcfs(analysis: &AnalysisConfig) -> Result<Vec<PreparedVcf>> {
    analysis.data.iter().map(PreparedVcf::open).collect()
}

/// Deposits the VCFs in order, with the matched configuration's prefilters.
fn deposit_vcfs(
    conn: &mut PgConnection,
    analysis_id: i32,
    vcfs: Vec<PreparedVcf>,
    deposit_config: Option<&DepositConfig>,
    source: &AnnotationSource,
    config: &Config,
) -> Result<()> {
    let deposit = VcfDeposit {
        analysis_id,
        source,
        prefilters: deposit_config.map_or(&[], |found| found.prefilters.as_slice()),
        cnv_enabled: config.settings.app.feature("cnv"),
    };
    for vcf in vcfs {
        deposit.deposit(conn, vcf)?;
    }
    Ok(())
}

/// Creates the first interpretation round of an analysis (`Not started`, workflow
/// `Interpretation`, empty states: ELLA's defaults) and logs its priority. ELLA logs any non-zero
/// priority, so with the default 1 every new analysis gets a log row (quirk 5).
fn start_interpretation(
    conn: &mut PgConnection,
    analysis_id: i32,
    genepanel: (&str, &str),
    priority: i32,
) -> Result<()> {
    let now = Utc::now();
    let empty = empty_object();
    let id = interpretation::insert_analysis_interpretation(
        conn,
        &NewAnalysisInterpretation {
            analysis_id,
            genepanel_name: genepanel.0,
            genepanel_version: genepanel.1,
            user_state: &empty,
            state: &empty,
            status: InterpretationStatus::NotStarted,
            workflow_status: AnalysisinterpretationWorkflowStatus::Interpretation,
            date_created: now,
            date_last_update: now,
        },
    )?;
    if priority != 0 {
        interpretation::insert_priority_log(conn, id, priority, Utc::now())?;
    }
    Ok(())
}

/// `{}`.
fn empty_object() -> Value {
    Value::Object(serde_json::Map::new())
}
