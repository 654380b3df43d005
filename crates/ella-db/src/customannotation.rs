//! Custom annotations (datamodel.md §3.3, api.md §4.10): what users enter about an allele,
//! versioned: one current row per allele, older rows superseded.

use chrono::{DateTime, Utc};
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use serde_json::Value;

use crate::schema::customannotation;
use crate::Result;

/// Every column of a custom annotation.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = customannotation, check_for_backend(Pg))]
pub struct CustomAnnotationRow {
    /// Annotation id.
    pub id: i32,
    /// The annotation document.
    pub annotations: Option<Value>,
    /// The allele.
    pub allele_id: Option<i32>,
    /// Author.
    pub user_id: Option<i32>,
    /// The annotation this one replaced.
    pub previous_annotation_id: Option<i32>,
    /// When a newer annotation replaced this one.
    pub date_superceeded: Option<DateTime<Utc>>,
    /// Creation time.
    pub date_created: DateTime<Utc>,
}

/// A custom annotation to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = customannotation)]
pub struct NewCustomAnnotation<'a> {
    /// The annotation document.
    pub annotations: &'a Value,
    /// The allele.
    pub allele_id: i32,
    /// Author.
    pub user_id: i32,
    /// The annotation this one replaces.
    pub previous_annotation_id: Option<i32>,
    /// Creation time.
    pub date_created: DateTime<Utc>,
}

/// A condition on the customannotation table, such as one term of the API's `q` filter.
pub type CustomAnnotationCondition =
    Box<dyn BoxableExpression<customannotation::table, Pg, SqlType = Bool>>;

/// The custom annotations that satisfy every condition, by id.
pub fn matching(
    conn: &mut PgConnection,
    conditions: Vec<CustomAnnotationCondition>,
) -> Result<Vec<CustomAnnotationRow>> {
    Ok(conditions
        .into_iter()
        .fold(customannotation::table.into_boxed(), QueryDsl::filter)
        .select(CustomAnnotationRow::as_select())
        .order(customannotation::id)
        .load(conn)?)
}

/// The current (not superseded) custom annotation of the allele, locked for the caller's
/// transaction.
pub fn current_for_allele(
    conn: &mut PgConnection,
    allele_id: i32,
) -> Result<Option<CustomAnnotationRow>> {
    Ok(customannotation::table
        .filter(customannotation::allele_id.eq(allele_id))
        .filter(customannotation::date_superceeded.is_null())
        .select(CustomAnnotationRow::as_select())
        .for_update()
        .first(conn)
        .optional()?)
}

/// Marks the custom annotation `id` superseded at `time`.
pub fn supersede(conn: &mut PgConnection, id: i32, time: DateTime<Utc>) -> Result<()> {
    diesel::update(customannotation::table.find(id))
        .set(customannotation::date_superceeded.eq(time))
        .execute(conn)?;
    Ok(())
}

/// Inserts a custom annotation and returns it.
pub fn insert(
    conn: &mut PgConnection,
    new: &NewCustomAnnotation<'_>,
) -> Result<CustomAnnotationRow> {
    Ok(diesel::insert_into(customannotation::table)
        .values(new)
        .returning(CustomAnnotationRow::as_returning())
        .get_result(conn)?)
}
