//! Queries whose ella-db module was outside the change that added them. They belong in
//! `ella_db::annotationconfig` and should move there.

use diesel::prelude::*;
use ella_db::schema::annotationconfig;

use crate::wire::AnnotationConfig;
use crate::ApiError;

/// The annotation configs with the given ids, in id order.
pub fn annotation_configs_by_ids(
    conn: &mut PgConnection,
    ids: &[i32],
) -> Result<Vec<AnnotationConfig>, ApiError> {
    let rows: Vec<(i32, serde_json::Value)> = annotationconfig::table
        .filter(annotationconfig::id.eq_any(ids))
        .select((annotationconfig::id, annotationconfig::view))
        .order(annotationconfig::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, view)| AnnotationConfig { id, view })
        .collect())
}
