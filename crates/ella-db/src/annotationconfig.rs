//! Annotation configs (datamodel.md §3.1, §7.3).
//!
//! The table is append-only; the row with the highest id is the active config. The columns are
//! `json`, not `jsonb`, so key order survives; diesel reads them with `serde_json`'s
//! `preserve_order`, which keeps it.

use chrono::{DateTime, Utc};
use diesel::dsl::now;
use diesel::prelude::*;
use serde_json::Value;

use crate::schema::annotationconfig;
use crate::Result;

/// Every column of an annotation config.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = annotationconfig, check_for_backend(diesel::pg::Pg))]
pub struct AnnotationConfigRow {
    /// Config id (the highest is active).
    pub id: i32,
    /// Converter configs: how VCF INFO fields become annotation JSON.
    pub deposit: Value,
    /// View sections of the UI.
    pub view: Value,
    /// When the config was deposited.
    pub date_created: DateTime<Utc>,
}

/// The active annotation config (highest id), if any.
pub fn active_annotation_config(conn: &mut PgConnection) -> Result<Option<AnnotationConfigRow>> {
    Ok(annotationconfig::table
        .order(annotationconfig::id.desc())
        .select(AnnotationConfigRow::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts a config, which makes it the active one, and returns its id.
pub fn insert_annotation_config(
    conn: &mut PgConnection,
    deposit: &Value,
    view: &Value,
) -> Result<i32> {
    Ok(diesel::insert_into(annotationconfig::table)
        .values((
            annotationconfig::deposit.eq(deposit),
            annotationconfig::view.eq(view),
            annotationconfig::date_created.eq(now),
        ))
        .returning(annotationconfig::id)
        .get_result(conn)?)
}

/// The `view` of the annotation configs with the given ids, in id order (`GET
/// /annotationconfigs/`). Key order is kept: the column is `json`.
pub fn views_by_ids(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<(i32, Value)>> {
    Ok(annotationconfig::table
        .filter(annotationconfig::id.eq_any(ids))
        .select((annotationconfig::id, annotationconfig::view))
        .order(annotationconfig::id)
        .load(conn)?)
}
