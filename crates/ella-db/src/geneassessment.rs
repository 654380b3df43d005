//! Gene assessments (datamodel.md §3.4, api.md §4.7): a user's comment on a gene, versioned like
//! allele assessments: one current row per gene, older rows superseded.

use chrono::{DateTime, Utc};
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use serde_json::Value;

use crate::schema::geneassessment;
use crate::Result;

/// Every column of a gene assessment.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = geneassessment, check_for_backend(Pg))]
pub struct GeneAssessmentRow {
    /// Assessment id.
    pub id: i32,
    /// `{"comment": ...}`.
    pub evaluation: Option<Value>,
    /// Author.
    pub user_id: i32,
    /// Author's group at the time.
    pub usergroup_id: Option<i32>,
    /// Creation time.
    pub date_created: DateTime<Utc>,
    /// Panel name of the context.
    pub genepanel_name: String,
    /// Panel version of the context.
    pub genepanel_version: String,
    /// When a newer assessment replaced this one.
    pub date_superceeded: Option<DateTime<Utc>>,
    /// The assessment this one replaced.
    pub previous_assessment_id: Option<i32>,
    /// HGNC id of the gene.
    pub gene_id: i32,
    /// Analysis of the context.
    pub analysis_id: Option<i32>,
}

/// A gene assessment to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = geneassessment)]
pub struct NewGeneAssessment<'a> {
    /// `{"comment": ...}`.
    pub evaluation: &'a Value,
    /// Author.
    pub user_id: i32,
    /// Author's group.
    pub usergroup_id: i32,
    /// Creation time.
    pub date_created: DateTime<Utc>,
    /// Panel name of the context.
    pub genepanel_name: &'a str,
    /// Panel version of the context.
    pub genepanel_version: &'a str,
    /// The assessment this one replaces.
    pub previous_assessment_id: Option<i32>,
    /// HGNC id of the gene.
    pub gene_id: i32,
    /// Analysis of the context.
    pub analysis_id: Option<i32>,
}

/// A condition on the geneassessment table, such as one term of the API's `q` filter.
pub type GeneAssessmentCondition =
    Box<dyn BoxableExpression<geneassessment::table, Pg, SqlType = Bool>>;

fn matching(conditions: Vec<GeneAssessmentCondition>) -> geneassessment::BoxedQuery<'static, Pg> {
    conditions
        .into_iter()
        .fold(geneassessment::table.into_boxed(), QueryDsl::filter)
}

/// How many gene assessments satisfy every condition.
pub fn count(conn: &mut PgConnection, conditions: Vec<GeneAssessmentCondition>) -> Result<i64> {
    Ok(matching(conditions).count().get_result(conn)?)
}

/// The gene assessments that satisfy every condition, by id: at most `limit` after skipping
/// `offset`.
pub fn page(
    conn: &mut PgConnection,
    conditions: Vec<GeneAssessmentCondition>,
    limit: i64,
    offset: i64,
) -> Result<Vec<GeneAssessmentRow>> {
    Ok(matching(conditions)
        .select(GeneAssessmentRow::as_select())
        .order(geneassessment::id)
        .limit(limit)
        .offset(offset)
        .load(conn)?)
}

/// The current (not superseded) assessment of gene `gene_id`, locked for the caller's
/// transaction.
pub fn current_for_gene(
    conn: &mut PgConnection,
    gene_id: i32,
) -> Result<Option<GeneAssessmentRow>> {
    Ok(geneassessment::table
        .filter(geneassessment::gene_id.eq(gene_id))
        .filter(geneassessment::date_superceeded.is_null())
        .select(GeneAssessmentRow::as_select())
        .for_update()
        .first(conn)
        .optional()?)
}

/// Marks the assessment `id` superseded at `time`.
pub fn supersede(conn: &mut PgConnection, id: i32, time: DateTime<Utc>) -> Result<()> {
    diesel::update(geneassessment::table.find(id))
        .set(geneassessment::date_superceeded.eq(time))
        .execute(conn)?;
    Ok(())
}

/// Inserts a gene assessment and returns it.
pub fn insert(conn: &mut PgConnection, new: &NewGeneAssessment<'_>) -> Result<GeneAssessmentRow> {
    Ok(diesel::insert_into(geneassessment::table)
        .values(new)
        .returning(GeneAssessmentRow::as_returning())
        .get_result(conn)?)
}
