//! Removal of imported data by an operator (`ella-cli delete ...`, cli.md §4.8): what the
//! confirmation shows, and the deletes, which rely on the schema's cascades (datamodel.md §14).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Bool, Integer, Nullable, Text, Timestamptz};

use crate::{Error, Result};

/// What the operator confirms before an analysis is deleted.
#[derive(Debug, Clone, QueryableByName)]
pub struct AnalysisToDelete {
    /// Analysis name.
    #[diesel(sql_type = Text)]
    pub name: String,
    /// The latest overview comment of its work log, if any.
    #[diesel(sql_type = Nullable<Text>)]
    pub overview_comment: Option<String>,
    /// Status of the latest interpretation round.
    #[diesel(sql_type = Nullable<Text>)]
    pub status: Option<String>,
    /// Workflow status of the latest interpretation round.
    #[diesel(sql_type = Nullable<Text>)]
    pub workflow_status: Option<String>,
}

/// Looks up the analysis `id` for `delete analysis`; it must exist and have an interpretation.
pub fn analysis_to_delete(conn: &mut PgConnection, id: i32) -> Result<AnalysisToDelete> {
    let found: Option<AnalysisToDelete> = diesel::sql_query(
        "SELECT analysis.name,
                (SELECT log.review_comment FROM interpretationlog log
                   JOIN analysisinterpretation ai ON ai.id = log.analysisinterpretation_id
                  WHERE ai.analysis_id = analysis.id AND log.review_comment IS NOT NULL
                    AND log.review_comment != ''
                  ORDER BY log.date_created DESC LIMIT 1) AS overview_comment,
                latest.status::text AS status,
                latest.workflow_status::text AS workflow_status
           FROM analysis
           LEFT JOIN LATERAL (SELECT status, workflow_status FROM analysisinterpretation
                               WHERE analysis_id = analysis.id
                               ORDER BY date_created DESC LIMIT 1) latest ON true
          WHERE analysis.id = $1",
    )
    .bind::<Integer, _>(id)
    .get_result(conn)
    .optional()?;
    let found = found.ok_or_else(|| Error::NotFound(format!("Analysis {id} does not exist")))?;
    if found.status.is_none() {
        return Err(Error::Invalid(format!(
            "Analysis {id} ({}) has no interpretation",
            found.name
        )));
    }
    Ok(found)
}

/// Deletes the analysis `id`; samples, genotypes and interpretations go with it, assessments
/// stay (their `analysis_id` becomes NULL), alleles and annotations stay.
pub fn delete_analysis(conn: &mut PgConnection, id: i32) -> Result<()> {
    diesel::sql_query("DELETE FROM analysis WHERE id = $1")
        .bind::<Integer, _>(id)
        .execute(conn)?;
    Ok(())
}

/// An allele as `delete alleleinterpretation` shows it.
#[derive(Debug, Clone, QueryableByName)]
pub struct AlleleDescription {
    /// Chromosome.
    #[diesel(sql_type = Text)]
    pub chromosome: String,
    /// 0-based start.
    #[diesel(sql_type = Integer)]
    pub start_position: i32,
    /// Exclusive end.
    #[diesel(sql_type = Integer)]
    pub open_end_position: i32,
    /// Change type label.
    #[diesel(sql_type = Text)]
    pub change_type: String,
    /// Reference bases.
    #[diesel(sql_type = Text)]
    pub change_from: String,
    /// Alternative bases.
    #[diesel(sql_type = Text)]
    pub change_to: String,
    /// Length.
    #[diesel(sql_type = Integer)]
    pub length: i32,
    /// Caller type label.
    #[diesel(sql_type = Text)]
    pub caller_type: String,
}

/// One round of an allele's workflow.
#[derive(Debug, Clone, QueryableByName)]
pub struct AlleleRound {
    /// Interpretation id.
    #[diesel(sql_type = Integer)]
    pub id: i32,
    /// Workflow status label.
    #[diesel(sql_type = Text)]
    pub workflow_status: String,
    /// Status label.
    #[diesel(sql_type = Text)]
    pub status: String,
    /// Whether the round was finalized.
    #[diesel(sql_type = Nullable<Bool>)]
    pub finalized: Option<bool>,
    /// Owner's first name.
    #[diesel(sql_type = Nullable<Text>)]
    pub first_name: Option<String>,
    /// Owner's last name.
    #[diesel(sql_type = Nullable<Text>)]
    pub last_name: Option<String>,
    /// Last change.
    #[diesel(sql_type = Timestamptz)]
    pub date_last_update: DateTime<Utc>,
    /// Gene panel name.
    #[diesel(sql_type = Text)]
    pub genepanel_name: String,
    /// Gene panel version.
    #[diesel(sql_type = Text)]
    pub genepanel_version: String,
}

/// What `delete alleleinterpretation` shows and deletes.
#[derive(Debug, Clone)]
pub struct AlleleRoundsToDelete {
    /// The allele.
    pub allele: AlleleDescription,
    /// Rounds before the selected ones (they stay).
    pub kept: usize,
    /// The selected rounds, oldest first.
    pub selected: Vec<AlleleRound>,
    /// `<transcript>(<symbol>):<HGVSc>` of the current annotation in the first round's panel.
    pub hgvsc: Vec<String>,
    /// The latest overview comment of the allele's work log.
    pub overview_comment: Option<String>,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

/// Selects the rounds of `allele_id` to delete: all with `delete_all`, otherwise those after
/// the most recent finalized one.
pub fn allele_rounds_to_delete(
    conn: &mut PgConnection,
    allele_id: i32,
    delete_all: bool,
) -> Result<AlleleRoundsToDelete> {
    let allele: AlleleDescription = diesel::sql_query(
        "SELECT chromosome, start_position, open_end_position, change_type::text AS change_type,
                change_from, change_to, length, caller_type::text AS caller_type
           FROM allele WHERE id = $1",
    )
    .bind::<Integer, _>(allele_id)
    .get_result(conn)
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("Allele {allele_id} does not exist")))?;
    let rounds: Vec<AlleleRound> = diesel::sql_query(
        "SELECT ai.id, ai.workflow_status::text AS workflow_status, ai.status::text AS status,
                ai.finalized, u.first_name, u.last_name, ai.date_last_update,
                ai.genepanel_name, ai.genepanel_version
           FROM alleleinterpretation ai LEFT JOIN \"user\" u ON u.id = ai.user_id
          WHERE ai.allele_id = $1 ORDER BY ai.date_created, ai.id",
    )
    .bind::<Integer, _>(allele_id)
    .load(conn)?;
    let kept = if delete_all {
        0
    } else {
        rounds
            .iter()
            .rposition(|round| round.finalized == Some(true))
            .map_or(0, |last_finalized| last_finalized + 1)
    };
    let selected = rounds[kept..].to_vec();
    let hgvsc = match selected.first() {
        Some(first) => diesel::sql_query(
            "SELECT format('%s(%s):%s', t.transcript, t.symbol, t.hgvsc) AS line
               FROM annotationshadowtranscript t
              WHERE t.allele_id = $1 AND t.hgvsc IS NOT NULL AND t.transcript IN (
                    SELECT tr.transcript_name FROM genepanel_transcript gt
                      JOIN transcript tr ON tr.id = gt.transcript_id
                     WHERE gt.genepanel_name = $2 AND gt.genepanel_version = $3)
              ORDER BY t.transcript",
        )
        .bind::<Integer, _>(allele_id)
        .bind::<Text, _>(&first.genepanel_name)
        .bind::<Text, _>(&first.genepanel_version)
        .load::<Line>(conn)?
        .into_iter()
        .map(|row| row.line)
        .collect(),
        None => Vec::new(),
    };
    let overview_comment = diesel::sql_query(
        "SELECT log.review_comment AS line FROM interpretationlog log
           JOIN alleleinterpretation ai ON ai.id = log.alleleinterpretation_id
          WHERE ai.allele_id = $1 AND log.review_comment IS NOT NULL AND log.review_comment != ''
          ORDER BY log.date_created DESC LIMIT 1",
    )
    .bind::<Integer, _>(allele_id)
    .get_result::<Line>(conn)
    .optional()?
    .map(|row| row.line);
    Ok(AlleleRoundsToDelete {
        allele,
        kept,
        selected,
        hgvsc,
        overview_comment,
    })
}

/// Deletes allele interpretation rounds; their snapshots, state history and work log go with
/// them, assessments stay.
pub fn delete_allele_rounds(conn: &mut PgConnection, ids: &[i32]) -> Result<()> {
    diesel::sql_query("DELETE FROM alleleinterpretation WHERE id = ANY($1)")
        .bind::<Array<Integer>, _>(ids)
        .execute(conn)?;
    Ok(())
}
