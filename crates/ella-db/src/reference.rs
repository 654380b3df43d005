//! Literature references (datamodel.md §3.4). `reference.search` is maintained by the database
//! trigger `reference_search_trigger` (datamodel.md §8.3), so it is never written here.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::schema::reference;
use crate::Result;

/// A reference to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reference)]
pub struct NewReference<'a> {
    /// `pubmed_id` (unique).
    pub pubmed_id: i32,
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
