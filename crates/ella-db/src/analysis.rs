//! Analyses (datamodel.md §3.3), and the user-group configurations that decide how an analysis
//! of a gene panel is deposited (import.md §3.4).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Int4, Jsonb, Nullable, Text};
use serde_json::Value;

use crate::schema::analysis;
use crate::Result;

/// An analysis row to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = analysis)]
pub struct NewAnalysis<'a> {
    /// Unique name.
    pub name: &'a str,
    /// Gene panel name.
    pub genepanel_name: &'a str,
    /// Gene panel version.
    pub genepanel_version: &'a str,
    /// Pipeline warnings (`warnings.txt`).
    pub warnings: Option<&'a str>,
    /// Pipeline report (`report.txt`).
    pub report: Option<&'a str>,
    /// When the analysis was requested.
    pub date_requested: Option<DateTime<Utc>>,
    /// Import time.
    pub date_deposited: DateTime<Utc>,
}

/// The columns of an existing analysis that an append needs (import.md §7).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = analysis, check_for_backend(diesel::pg::Pg))]
pub struct AnalysisRow {
    /// Analysis id.
    pub id: i32,
    /// Unique name.
    pub name: String,
    /// Gene panel name.
    pub genepanel_name: Option<String>,
    /// Gene panel version.
    pub genepanel_version: Option<String>,
}

/// The analysis named `name`, if any.
pub fn find_by_name(conn: &mut PgConnection, name: &str) -> Result<Option<AnalysisRow>> {
    Ok(analysis::table
        .filter(analysis::name.eq(name))
        .select(AnalysisRow::as_select())
        .first(conn)
        .optional()?)
}

/// The analysis `id`, if any.
pub fn find_by_id(conn: &mut PgConnection, id: i32) -> Result<Option<AnalysisRow>> {
    Ok(analysis::table
        .find(id)
        .select(AnalysisRow::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts an analysis and returns its id.
pub fn insert_analysis(conn: &mut PgConnection, new: &NewAnalysis<'_>) -> Result<i32> {
    Ok(diesel::insert_into(analysis::table)
        .values(new)
        .returning(analysis::id)
        .get_result(conn)?)
}

/// `(id, config)` of every user group that may work with the panel `name` `version`, by id: the
/// candidates whose `config.deposit.analysis` entries are matched against an analysis name.
pub fn usergroup_configs_for_panel(
    conn: &mut PgConnection,
    name: &str,
    version: &str,
) -> Result<Vec<(i32, Option<Value>)>> {
    #[derive(QueryableByName)]
    struct Candidate {
        #[diesel(sql_type = Int4)]
        id: i32,
        #[diesel(sql_type = Nullable<Jsonb>)]
        config: Option<Value>,
    }
    let candidates: Vec<Candidate> = diesel::sql_query(
        "SELECT g.id, g.config FROM usergroup g
         WHERE g.id IN (SELECT usergroup_id FROM usergroupgenepanel
                        WHERE genepanel_name = $1 AND genepanel_version = $2)
         ORDER BY g.id",
    )
    .bind::<Text, _>(name)
    .bind::<Text, _>(version)
    .load(conn)?;
    Ok(candidates
        .into_iter()
        .map(|candidate| (candidate.id, candidate.config))
        .collect())
}
