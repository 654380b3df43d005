//! The interpretation rows an import creates (datamodel.md §3.5).
//!
//! They are the first round of a new analysis with its priority log entry, the reopened round of
//! an appended analysis, and the rounds of stand-alone alleles.
//!
//! Timestamps come from the application clock (datamodel.md §15.3 item 15): the latest round is
//! the one with the newest `date_created`.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use crate::enums::{
    AlleleinterpretationWorkflowStatus, AnalysisinterpretationWorkflowStatus, InterpretationStatus,
};
use crate::schema::{alleleinterpretation, analysisinterpretation, interpretationlog};
use crate::Result;

/// The columns of an analysis interpretation that an import reads.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = analysisinterpretation, check_for_backend(diesel::pg::Pg))]
pub struct AnalysisInterpretationRow {
    /// Interpretation id.
    pub id: i32,
    /// The analysis.
    pub analysis_id: i32,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// Shared interpretation state.
    pub state: Option<Value>,
    /// Round status.
    pub status: InterpretationStatus,
    /// Workflow step.
    pub workflow_status: AnalysisinterpretationWorkflowStatus,
}

/// An analysis interpretation round to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = analysisinterpretation)]
pub struct NewAnalysisInterpretation<'a> {
    /// The analysis.
    pub analysis_id: i32,
    /// Gene panel name.
    pub genepanel_name: &'a str,
    /// Gene panel version.
    pub genepanel_version: &'a str,
    /// Per-user UI state (ELLA's default `{}`).
    pub user_state: &'a Value,
    /// Shared state (ELLA's default `{}`, or the reopened round's).
    pub state: &'a Value,
    /// Round status.
    pub status: InterpretationStatus,
    /// Workflow step.
    pub workflow_status: AnalysisinterpretationWorkflowStatus,
    /// Creation time.
    pub date_created: DateTime<Utc>,
    /// Last change (the creation time).
    pub date_last_update: DateTime<Utc>,
}

/// The newest round of the analysis by id (ELLA's importer orders by id), if any.
pub fn latest_analysis_interpretation(
    conn: &mut PgConnection,
    analysis_id: i32,
) -> Result<Option<AnalysisInterpretationRow>> {
    Ok(analysisinterpretation::table
        .filter(analysisinterpretation::analysis_id.eq(analysis_id))
        .order(analysisinterpretation::id.desc())
        .select(AnalysisInterpretationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts an analysis interpretation round and returns its id.
pub fn insert_analysis_interpretation(
    conn: &mut PgConnection,
    new: &NewAnalysisInterpretation<'_>,
) -> Result<i32> {
    Ok(diesel::insert_into(analysisinterpretation::table)
        .values(new)
        .returning(analysisinterpretation::id)
        .get_result(conn)?)
}

/// Logs the initial `priority` of an analysis interpretation, as a system entry (no user).
pub fn insert_priority_log(
    conn: &mut PgConnection,
    analysisinterpretation_id: i32,
    priority: i32,
    date_created: DateTime<Utc>,
) -> Result<()> {
    diesel::insert_into(interpretationlog::table)
        .values((
            interpretationlog::analysisinterpretation_id.eq(analysisinterpretation_id),
            interpretationlog::priority.eq(priority),
            interpretationlog::date_created.eq(date_created),
        ))
        .execute(conn)?;
    Ok(())
}

/// Those of `allele_ids` that have no allele interpretation round at all (any status).
pub fn alleles_without_interpretation(
    conn: &mut PgConnection,
    allele_ids: &[i32],
) -> Result<Vec<i32>> {
    let with: HashSet<i32> = alleleinterpretation::table
        .filter(alleleinterpretation::allele_id.eq_any(allele_ids))
        .select(alleleinterpretation::allele_id)
        .distinct()
        .load::<i32>(conn)?
        .into_iter()
        .collect();
    Ok(allele_ids
        .iter()
        .copied()
        .filter(|id| !with.contains(id))
        .collect())
}

/// Creates a `Not started` round with the panel `(name, version)` for each of `allele_ids`.
pub fn insert_allele_interpretations(
    conn: &mut PgConnection,
    allele_ids: &[i32],
    genepanel: (&str, &str),
    now: DateTime<Utc>,
) -> Result<()> {
    let empty = Value::Object(serde_json::Map::new());
    let rows: Vec<_> = allele_ids
        .iter()
        .map(|&allele_id| {
            (
                alleleinterpretation::allele_id.eq(allele_id),
                alleleinterpretation::genepanel_name.eq(genepanel.0),
                alleleinterpretation::genepanel_version.eq(genepanel.1),
                alleleinterpretation::user_state.eq(&empty),
                alleleinterpretation::state.eq(&empty),
                alleleinterpretation::status.eq(InterpretationStatus::NotStarted),
                alleleinterpretation::workflow_status
                    .eq(AlleleinterpretationWorkflowStatus::Interpretation),
                alleleinterpretation::date_created.eq(now),
                alleleinterpretation::date_last_update.eq(now),
            )
        })
        .collect();
    // 9 parameters per row: stay below the protocol's 65535.
    for chunk in rows.chunks(65_535 / 9) {
        diesel::insert_into(alleleinterpretation::table)
            .values(chunk)
            .execute(conn)?;
    }
    Ok(())
}
