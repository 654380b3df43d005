//! Literature references (datamodel.md §3.4). `reference.search` is maintained by the database
//! trigger `reference_search_trigger` (datamodel.md §8.3), so it is never written here.

use std::collections::HashMap;

use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use crate::schema::reference;
use crate::Result;

/// A reference to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reference)]
pub struct NewReference<'a> {
    /// `pubmed_id` (unique); `None` for references entered by hand.
    pub pubmed_id: Option<i32>,
    /// Authors.
    pub authors: Option<&'a str>,
    /// Title.
    pub title: Option<&'a str>,
    /// Journal, volume and pages.
    pub journal: Option<&'a str>,
    /// Abstract.
    #[diesel(column_name = abstract_)]
    pub abstract_text: Option<&'a str>,
    /// Publication year (text in ELLA's schema).
    pub year: Option<&'a str>,
    /// `false` for unpublished references.
    pub published: bool,
}

/// Changes to a reference.
///
/// `None` leaves a column as it is, `Some(None)` writes NULL. The `pubmed_id` is always written
/// (ELLA overwrites every given key, the id included), so the changeset is never empty.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = reference)]
pub struct ReferenceChangeset {
    /// `pubmed_id`.
    pub pubmed_id: i32,
    /// Authors.
    pub authors: Option<Option<String>>,
    /// Title.
    pub title: Option<Option<String>>,
    /// Journal, volume and pages.
    pub journal: Option<Option<String>>,
    /// Abstract.
    #[diesel(column_name = abstract_)]
    pub abstract_text: Option<Option<String>>,
    /// Publication year.
    pub year: Option<Option<String>>,
    /// Published or not.
    pub published: Option<bool>,
}

/// The ids of the references with the given `pubmed_id`s, by `pubmed_id`.
pub fn ids_by_pubmed_id(conn: &mut PgConnection, pubmed_ids: &[i32]) -> Result<HashMap<i32, i32>> {
    let rows: Vec<(i32, Option<i32>)> = reference::table
        .filter(reference::pubmed_id.eq_any(pubmed_ids))
        .select((reference::id, reference::pubmed_id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, pubmed_id)| pubmed_id.map(|pubmed_id| (pubmed_id, id)))
        .collect())
}

/// Inserts a reference and returns its id.
pub fn insert_reference(conn: &mut PgConnection, new: &NewReference<'_>) -> Result<i32> {
    Ok(diesel::insert_into(reference::table)
        .values(new)
        .returning(reference::id)
        .get_result(conn)?)
}

/// Applies `changes` to the reference `id`.
pub fn update_reference(
    conn: &mut PgConnection,
    id: i32,
    changes: &ReferenceChangeset,
) -> Result<()> {
    diesel::update(reference::table.find(id))
        .set(changes)
        .execute(conn)?;
    Ok(())
}

/// A reference as the API shows it (api.md §1.7, `Reference`).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = reference, check_for_backend(Pg))]
pub struct ReferenceRow {
    /// Reference id.
    pub id: i32,
    /// Authors.
    pub authors: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Journal, volume and pages.
    pub journal: Option<String>,
    /// Publication year (text).
    pub year: Option<String>,
    /// Abstract.
    #[diesel(column_name = abstract_)]
    pub abstract_text: Option<String>,
    /// PubMed id; `None` for references entered by hand.
    pub pubmed_id: Option<i32>,
    /// `false` for unpublished references.
    pub published: bool,
}

/// A condition on the reference table, such as one term of the API's `q` filter (api.md §1.5).
pub type ReferenceCondition = Box<dyn BoxableExpression<reference::table, Pg, SqlType = Bool>>;

/// The references that satisfy every condition.
fn matching(conditions: Vec<ReferenceCondition>) -> reference::BoxedQuery<'static, Pg> {
    conditions
        .into_iter()
        .fold(reference::table.into_boxed(), QueryDsl::filter)
}

/// How many references satisfy every condition.
pub fn count_references(
    conn: &mut PgConnection,
    conditions: Vec<ReferenceCondition>,
) -> Result<i64> {
    Ok(matching(conditions).count().get_result(conn)?)
}

/// The references that satisfy every condition, by id: at most `limit` after skipping `offset`.
pub fn references_page(
    conn: &mut PgConnection,
    conditions: Vec<ReferenceCondition>,
    limit: i64,
    offset: i64,
) -> Result<Vec<ReferenceRow>> {
    Ok(matching(conditions)
        .select(ReferenceRow::as_select())
        .order(reference::id)
        .limit(limit)
        .offset(offset)
        .load(conn)?)
}

/// The first reference (by id) that satisfies every condition.
pub fn first_matching(
    conn: &mut PgConnection,
    conditions: Vec<ReferenceCondition>,
) -> Result<Option<ReferenceRow>> {
    Ok(matching(conditions)
        .select(ReferenceRow::as_select())
        .order(reference::id)
        .first(conn)
        .optional()?)
}

/// The reference `id`.
pub fn find(conn: &mut PgConnection, id: i32) -> Result<Option<ReferenceRow>> {
    Ok(reference::table
        .find(id)
        .select(ReferenceRow::as_select())
        .first(conn)
        .optional()?)
}

/// The terms of `text` as PostgreSQL's `plainto_tsquery` (default configuration) normalises
/// them, e.g. `["'brca'", "'cancer'"]`; empty when `text` holds only stop words.
pub fn search_terms(conn: &mut PgConnection, text: &str) -> Result<Vec<String>> {
    let query: String = diesel::select(
        sql::<Text>("plainto_tsquery(")
            .bind::<Text, _>(text)
            .sql(")::text"),
    )
    .get_result(conn)?;
    Ok(query
        .split(" & ")
        .filter(|term| !term.is_empty())
        .map(str::to_owned)
        .collect())
}

/// The condition "the search vector matches the English tsquery `query`".
fn search_matches(query: &str) -> ReferenceCondition {
    Box::new(
        sql::<Bool>("reference.search @@ to_tsquery('english', ")
            .bind::<Text, _>(query.to_owned())
            .sql(")"),
    )
}

/// The references matching the tsquery `query`, by rank ascending (ELLA's order) and then id:
/// at most `limit` after skipping `offset`, with the number of all matches.
pub fn search_page(
    conn: &mut PgConnection,
    query: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ReferenceRow>, i64)> {
    let total = count_references(conn, vec![search_matches(query)])?;
    let rows = reference::table
        .filter(search_matches(query))
        .select(ReferenceRow::as_select())
        .order((
            sql::<diesel::sql_types::Float>("ts_rank(reference.search, to_tsquery('english', ")
                .bind::<Text, _>(query.to_owned())
                .sql("))"),
            reference::id,
        ))
        .limit(limit)
        .offset(offset)
        .load(conn)?;
    Ok((rows, total))
}

/// Inserts a reference and returns it.
pub fn insert_returning(conn: &mut PgConnection, new: &NewReference<'_>) -> Result<ReferenceRow> {
    Ok(diesel::insert_into(reference::table)
        .values(new)
        .returning(ReferenceRow::as_returning())
        .get_result(conn)?)
}
