//! Analyses as the API shows them (api.md §1.7, `Analysis`): each analysis with its gene panel,
//! samples and interpretation rounds, restricted to the gene panels of a user group (api.md §2.7).
//!
//! Every read selects the visible analysis ids first, under the group's panels and the caller's
//! conditions, and then loads the pieces of those analyses with one query per table.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Int4};

use crate::enums::{
    AnalysisinterpretationWorkflowStatus, InterpretationStatus, SampleSex, SampleType,
};
use crate::schema::{analysis, analysisinterpretation, genepanel, sample};
use crate::user::users_with_groups;
pub use crate::user::UserWithGroup;
use crate::usergroup::PanelRef;
use crate::Result;

/// A condition on the analysis table, such as one term of the API's `q` filter (api.md §1.5).
pub type AnalysisCondition = Box<dyn BoxableExpression<analysis::table, Pg, SqlType = Bool>>;

/// The columns of an analysis that the API shows.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = analysis, check_for_backend(Pg))]
pub struct AnalysisColumns {
    /// Analysis id.
    pub id: i32,
    /// Unique name.
    pub name: String,
    /// Gene panel name.
    pub genepanel_name: Option<String>,
    /// Gene panel version.
    pub genepanel_version: Option<String>,
    /// Pipeline warnings.
    pub warnings: Option<String>,
    /// Pipeline report.
    pub report: Option<String>,
    /// Import time.
    pub date_deposited: DateTime<Utc>,
    /// When the analysis was requested.
    pub date_requested: Option<DateTime<Utc>>,
}

/// A sample of an analysis (api.md §1.7, `Sample`).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = sample, check_for_backend(Pg))]
pub struct SampleColumns {
    /// Sample id.
    pub id: i32,
    /// Sample name.
    pub identifier: String,
    /// The analysis.
    pub analysis_id: i32,
    /// Sequencing technology.
    pub sample_type: SampleType,
    /// Import time.
    pub date_deposited: DateTime<Utc>,
    /// Whether the sample's person is affected.
    pub affected: bool,
    /// Family of the sample's person.
    pub family_id: Option<String>,
    /// Sample of the father (set on probands).
    pub father_id: Option<i32>,
    /// Sample of the mother (set on probands).
    pub mother_id: Option<i32>,
    /// The proband's sample (set on siblings).
    pub sibling_id: Option<i32>,
    /// Whether the sample is the proband's.
    pub proband: bool,
    /// Sex, if known.
    pub sex: Option<SampleSex>,
}

/// The overview columns of an analysis interpretation round.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = analysisinterpretation, check_for_backend(Pg))]
pub struct InterpretationColumns {
    /// Interpretation id.
    pub id: i32,
    /// Round status.
    pub status: InterpretationStatus,
    /// The analysis.
    pub analysis_id: i32,
    /// Whether the round was finalized.
    pub finalized: Option<bool>,
    /// Workflow step.
    pub workflow_status: AnalysisinterpretationWorkflowStatus,
    /// Last change.
    pub date_last_update: DateTime<Utc>,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// The user working on the round.
    pub user_id: Option<i32>,
}

/// An interpretation round with its user.
#[derive(Debug, Clone, PartialEq)]
pub struct InterpretationOverview {
    /// The round.
    pub interpretation: InterpretationColumns,
    /// The user of `interpretation.user_id`.
    pub user: Option<UserWithGroup>,
}

/// An analysis with everything the API shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisView {
    /// The analysis row.
    pub analysis: AnalysisColumns,
    /// Its gene panel (`None` when the analysis has none).
    pub genepanel: Option<PanelRef>,
    /// Its samples, by id.
    pub samples: Vec<SampleColumns>,
    /// Its interpretation rounds, by id.
    pub interpretations: Vec<InterpretationOverview>,
}

/// One page of analyses and how many match in all.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisPage {
    /// The analyses of the page, by id.
    pub analyses: Vec<AnalysisView>,
    /// The number of matching analyses before paging.
    pub total: i64,
}

/// The analyses of `group_id`'s gene panels that satisfy every condition, by id, at most `limit`
/// after skipping `offset`; `total` counts all matches.
pub fn visible_page(
    conn: &mut PgConnection,
    group_id: i32,
    conditions: Vec<AnalysisCondition>,
    limit: i64,
    offset: i64,
) -> Result<AnalysisPage> {
    let ids = visible_ids(conn, group_id, conditions)?;
    let total = i64::try_from(ids.len()).unwrap_or(i64::MAX);
    let page: Vec<i32> = ids
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    Ok(AnalysisPage {
        analyses: views(conn, &page)?,
        total,
    })
}

/// The analysis `analysis_id` if its gene panel is one of `group_id`'s.
pub fn find_visible(
    conn: &mut PgConnection,
    group_id: i32,
    analysis_id: i32,
) -> Result<Option<AnalysisView>> {
    let condition: AnalysisCondition = Box::new(analysis::id.eq(analysis_id));
    let ids = visible_ids(conn, group_id, vec![condition])?;
    Ok(views(conn, &ids)?.pop())
}

/// The analyses of `group_id`'s gene panels that contain the allele `allele_id` (as either
/// allele of a genotype of one of their samples), by id.
pub fn visible_with_allele(
    conn: &mut PgConnection,
    group_id: i32,
    allele_id: i32,
) -> Result<Vec<AnalysisView>> {
    let condition: AnalysisCondition = Box::new(
        sql::<Bool>(
            "analysis.id IN (SELECT s.analysis_id FROM sample s JOIN genotype g \
             ON g.sample_id = s.id WHERE g.allele_id = ",
        )
        .bind::<Int4, _>(allele_id)
        .sql(" OR g.secondallele_id = ")
        .bind::<Int4, _>(allele_id)
        .sql(")"),
    );
    let ids = visible_ids(conn, group_id, vec![condition])?;
    views(conn, &ids)
}

/// Whether the analysis `analysis_id` exists and its gene panel is one of `group_id`'s.
pub fn is_visible(conn: &mut PgConnection, group_id: i32, analysis_id: i32) -> Result<bool> {
    let condition: AnalysisCondition = Box::new(analysis::id.eq(analysis_id));
    Ok(!visible_ids(conn, group_id, vec![condition])?.is_empty())
}

/// Ids of the analyses whose `(genepanel_name, genepanel_version)` is one of `group_id`'s panels
/// and that satisfy every condition, ascending.
fn visible_ids(
    conn: &mut PgConnection,
    group_id: i32,
    conditions: Vec<AnalysisCondition>,
) -> Result<Vec<i32>> {
    let in_group_panels = sql::<Bool>(
        "(analysis.genepanel_name, analysis.genepanel_version) IN \
         (SELECT genepanel_name, genepanel_version FROM usergroupgenepanel WHERE usergroup_id = ",
    )
    .bind::<Int4, _>(group_id)
    .sql(")");
    let query = conditions.into_iter().fold(
        analysis::table.filter(in_group_panels).into_boxed(),
        QueryDsl::filter,
    );
    Ok(query.select(analysis::id).order(analysis::id).load(conn)?)
}

/// The analyses `ids` with their panels, samples and rounds, by id; ids of no analysis are
/// skipped.
pub fn views(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<AnalysisView>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let analyses: Vec<AnalysisColumns> = analysis::table
        .filter(analysis::id.eq_any(ids))
        .select(AnalysisColumns::as_select())
        .order(analysis::id)
        .load(conn)?;
    let names: Vec<&str> = analyses
        .iter()
        .filter_map(|analysis| analysis.genepanel_name.as_deref())
        .collect();
    let panels: Vec<PanelRef> = genepanel::table
        .filter(genepanel::name.eq_any(&names))
        .select((genepanel::name, genepanel::version, genepanel::official))
        .load(conn)?;
    let mut samples = grouped(
        sample::table
            .filter(sample::analysis_id.eq_any(ids))
            .select(SampleColumns::as_select())
            .order(sample::id)
            .load(conn)?,
        |sample: &SampleColumns| sample.analysis_id,
    );
    let mut interpretations = grouped(
        interpretations(conn, ids)?,
        |round: &InterpretationOverview| round.interpretation.analysis_id,
    );
    Ok(analyses
        .into_iter()
        .map(|analysis| AnalysisView {
            genepanel: panels
                .iter()
                .find(|panel| {
                    analysis.genepanel_name.as_ref() == Some(&panel.name)
                        && analysis.genepanel_version.as_ref() == Some(&panel.version)
                })
                .cloned(),
            samples: samples.remove(&analysis.id).unwrap_or_default(),
            interpretations: interpretations.remove(&analysis.id).unwrap_or_default(),
            analysis,
        })
        .collect())
}

/// The rounds of the analyses `ids`, by id, with their users.
fn interpretations(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<InterpretationOverview>> {
    let rounds: Vec<InterpretationColumns> = analysisinterpretation::table
        .filter(analysisinterpretation::analysis_id.eq_any(ids))
        .select(InterpretationColumns::as_select())
        .order(analysisinterpretation::id)
        .load(conn)?;
    let user_ids: Vec<i32> = rounds.iter().filter_map(|round| round.user_id).collect();
    let users = users_with_groups(conn, &user_ids)?;
    Ok(rounds
        .into_iter()
        .map(|interpretation| InterpretationOverview {
            user: users
                .iter()
                .find(|member| Some(member.user.id) == interpretation.user_id)
                .cloned(),
            interpretation,
        })
        .collect())
}

/// `items` grouped by `key`, each group in the order of `items`.
fn grouped<T>(items: Vec<T>, key: impl Fn(&T) -> i32) -> HashMap<i32, Vec<T>> {
    let mut groups: HashMap<i32, Vec<T>> = HashMap::new();
    for item in items {
        groups.entry(key(&item)).or_default().push(item);
    }
    groups
}
