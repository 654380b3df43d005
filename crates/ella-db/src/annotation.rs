//! Annotation rows (datamodel.md §3.1, versioning in §4) and custom annotation rows (§3.1,
//! import.md §12.5).
//!
//! `annotation.schema_version` is set by a trigger that validates the document against the stored
//! JSON schemas, and a second trigger keeps the shadow tables in step (datamodel.md §8). Bulk
//! inserts do both jobs themselves and tell the triggers so for the duration of the insert (the
//! migration `annotation_bulk_writes`): the caller supplies each row's `schema_version`, checked
//! against [`annotation_schemas`], and the insert writes the shadow rows ([`ShadowWriter`]). Updates only ever
//! touch `date_superceeded` (datamodel.md §15.3 item 9) and still go through the triggers.
//! Batches bind one array per column (`unnest`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Int4, Jsonb, Nullable, Text, Timestamptz};
use serde_json::Value;

use crate::schema::{annotation, customannotation};
use crate::shadow::ShadowWriter;
use crate::Result;

/// The current annotation row of an allele: what a re-import compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = annotation, check_for_backend(diesel::pg::Pg))]
pub struct CurrentAnnotation {
    /// Annotation id.
    pub id: i32,
    /// The allele (never NULL in practice).
    pub allele_id: Option<i32>,
    /// The annotation config the document was converted with.
    pub annotation_config_id: i32,
}

/// An annotation row to insert.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NewAnnotation<'a> {
    /// The allele.
    pub allele_id: i32,
    /// The annotation document.
    pub annotations: &'a Value,
    /// The row this one replaces (superseded just before).
    pub previous_annotation_id: Option<i32>,
    /// The highest version of [`annotation_schemas`] that validates the document: what the
    /// trigger would have chosen.
    pub schema_version: i32,
}

/// A custom annotation row to insert (import.md §12.5).
#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = customannotation)]
pub struct NewCustomAnnotation {
    /// The allele.
    pub allele_id: i32,
    /// The author.
    pub user_id: Option<i32>,
    /// The custom annotation document (datamodel.md §7.2).
    pub annotations: Value,
    /// When the row was created.
    pub date_created: DateTime<Utc>,
}

/// Custom annotation rows per `INSERT`: the protocol allows 65535 bind parameters, a row binds 4.
const CUSTOM_ANNOTATIONS_PER_STATEMENT: usize = 65_535 / 4;

/// The current (not superseded) annotation rows of `allele_ids`.
pub fn current_annotations(
    conn: &mut PgConnection,
    allele_ids: &[i32],
) -> Result<Vec<CurrentAnnotation>> {
    Ok(annotation::table
        .filter(annotation::allele_id.eq_any(allele_ids))
        .filter(annotation::date_superceeded.is_null())
        .select(CurrentAnnotation::as_select())
        .load(conn)?)
}

/// The ids among `ids` whose `annotations` equal (as `jsonb`: key order and number spelling do
/// not count) the document given at the same position of `documents`.
///
/// The comparison runs in the database because `jsonb` equality is what ELLA compares with
/// (import.md §8.8); only the documents of alleles that already have a current row are sent.
pub fn same_documents(
    conn: &mut PgConnection,
    ids: &[i32],
    documents: &[&Value],
) -> Result<Vec<i32>> {
    #[derive(QueryableByName)]
    struct Same {
        #[diesel(sql_type = Int4)]
        id: i32,
    }
    let same: Vec<Same> = diesel::sql_query(
        "SELECT a.id FROM unnest($1, $2) AS n(id, annotations)
         JOIN annotation a ON a.id = n.id AND a.annotations = n.annotations",
    )
    .bind::<Array<Int4>, _>(ids)
    .bind::<Array<Jsonb>, _>(documents)
    .load(conn)?;
    Ok(same.into_iter().map(|row| row.id).collect())
}

/// Marks the rows `ids` superseded at `at`. Call it before inserting their successors: the
/// partial unique index allows one current row per allele (datamodel.md §15.3 item 10).
pub fn supersede(conn: &mut PgConnection, ids: &[i32], at: DateTime<Utc>) -> Result<()> {
    if !ids.is_empty() {
        diesel::update(annotation::table.filter(annotation::id.eq_any(ids)))
            .set(annotation::date_superceeded.eq(at))
            .execute(conn)?;
    }
    Ok(())
}

/// The stored JSON schemas of annotation documents (`jsonschema` rows named `annotation`), newest
/// version first: the order in which the trigger tries them.
pub fn annotation_schemas(conn: &mut PgConnection) -> Result<Vec<(i32, Value)>> {
    #[derive(QueryableByName)]
    struct Schema {
        #[diesel(sql_type = Int4)]
        version: i32,
        #[diesel(sql_type = Jsonb)]
        schema: Value,
    }
    let schemas: Vec<Schema> = diesel::sql_query(
        "SELECT version, schema FROM jsonschema WHERE name = 'annotation' ORDER BY version DESC",
    )
    .load(conn)?;
    Ok(schemas
        .into_iter()
        .map(|row| (row.version, row.schema))
        .collect())
}

/// The transaction-local setting with which a writer tells the `annotation` triggers that it has
/// chosen `schema_version` and written the shadow rows itself (migration `annotation_bulk_writes`).
pub(crate) const DERIVED_BY_WRITER: &str = "ella.annotation_derived_by_writer";

/// Sets [`DERIVED_BY_WRITER`] until it is set again or the transaction ends.
fn declare_derived_by_writer(conn: &mut PgConnection, on: bool) -> Result<()> {
    diesel::sql_query("SELECT set_config($1, $2, true)")
        .bind::<Text, _>(DERIVED_BY_WRITER)
        .bind::<Text, _>(if on { "on" } else { "off" })
        .execute(conn)?;
    Ok(())
}

/// Inserts the rows, converted with the annotation config `annotation_config_id`, created at
/// `date_created`, with the `schema_version` each row carries, and their shadow rows.
///
/// One statement does it all from the documents as sent, so PostgreSQL never reads them back.
/// The triggers stand aside for this statement only; when they are ELLA's own and cannot,
/// `shadow` leaves the shadow rows (and the version) to them.
pub fn insert_annotations(
    conn: &mut PgConnection,
    rows: &[NewAnnotation<'_>],
    annotation_config_id: i32,
    date_created: DateTime<Utc>,
    shadow: &ShadowWriter,
) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let shadow_ctes = shadow.ctes();
    if shadow_ctes.is_some() {
        declare_derived_by_writer(conn, true)?;
    }
    diesel::sql_query(format!(
        "WITH n AS MATERIALIZED (
             SELECT * FROM unnest($1, $2, $3, $4) WITH ORDINALITY
                 AS n(allele_id, annotations, previous_annotation_id, schema_version, ord)
         ),
         inserted AS (
             INSERT INTO annotation (allele_id, annotations, previous_annotation_id,
                 schema_version, date_created, annotation_config_id)
             SELECT n.allele_id, n.annotations, n.previous_annotation_id, n.schema_version, $5,
                 $6
             FROM n ORDER BY n.ord
         ){}
         SELECT 1",
        shadow_ctes
            .map(|ctes| format!(",\n{ctes}"))
            .unwrap_or_default()
    ))
    .bind::<Array<Int4>, _>(rows.iter().map(|row| row.allele_id).collect::<Vec<_>>())
    .bind::<Array<Jsonb>, _>(rows.iter().map(|row| row.annotations).collect::<Vec<_>>())
    .bind::<Array<Nullable<Int4>>, _>(
        rows.iter()
            .map(|row| row.previous_annotation_id)
            .collect::<Vec<_>>(),
    )
    .bind::<Array<Int4>, _>(
        rows.iter()
            .map(|row| row.schema_version)
            .collect::<Vec<_>>(),
    )
    .bind::<Timestamptz, _>(date_created)
    .bind::<Int4, _>(annotation_config_id)
    .execute(conn)?;
    if shadow_ctes.is_some() {
        declare_derived_by_writer(conn, false)?;
    }
    Ok(())
}

/// Inserts custom annotation rows, in order. The partial unique index refuses a second current
/// row for an allele, as in ELLA (no de-duplication).
pub fn insert_custom_annotations(
    conn: &mut PgConnection,
    rows: &[NewCustomAnnotation],
) -> Result<()> {
    for chunk in rows.chunks(CUSTOM_ANNOTATIONS_PER_STATEMENT) {
        diesel::insert_into(customannotation::table)
            .values(chunk)
            .execute(conn)?;
    }
    Ok(())
}

/// Second key of the advisory lock that annotation writers take.
const ANNOTATION_WRITERS_LOCK: i32 = 1;

/// Serialises writers of annotation until the end of the current transaction.
///
/// Two imports that share alleles would otherwise both see "no current annotation" for an
/// allele and both insert one, and the second would fail on the partial unique index
/// (datamodel.md §4). Every import that writes annotation takes this lock first.
pub fn lock_annotation_writers(conn: &mut PgConnection) -> Result<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock($1, $2)")
        .bind::<diesel::sql_types::Integer, _>(crate::ADVISORY_LOCK_NAMESPACE)
        .bind::<diesel::sql_types::Integer, _>(ANNOTATION_WRITERS_LOCK)
        .execute(conn)?;
    Ok(())
}
