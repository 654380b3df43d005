//! Samples (datamodel.md §3.3): one row per VCF sample column per deposited VCF, linked into a
//! family by `father_id`, `mother_id` and `sibling_id` (import.md §3.2).

use chrono::{DateTime, Utc};
use diesel::dsl::exists;
use diesel::prelude::*;

use crate::enums::{SampleSex, SampleType};
use crate::schema::sample;
use crate::Result;

/// A sample row to insert (family links are set afterwards, once every id is known).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = sample)]
pub struct NewSample<'a> {
    /// The VCF sample name.
    pub identifier: &'a str,
    /// The analysis.
    pub analysis_id: i32,
    /// Sequencing technology.
    pub sample_type: SampleType,
    /// Import time.
    pub date_deposited: DateTime<Utc>,
    /// Whether the sample is affected.
    pub affected: bool,
    /// Family id from the PED file.
    pub family_id: Option<&'a str>,
    /// Whether the sample is the proband.
    pub proband: bool,
    /// Sex; `None` when unknown.
    pub sex: Option<SampleSex>,
}

/// The family links of a sample.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, AsChangeset)]
#[diesel(table_name = sample, treat_none_as_null = true)]
pub struct FamilyLinks {
    /// The father's sample.
    pub father_id: Option<i32>,
    /// The mother's sample.
    pub mother_id: Option<i32>,
    /// The proband's sample, for a sibling of the proband.
    pub sibling_id: Option<i32>,
}

/// Inserts a sample and returns its id.
pub fn insert_sample(conn: &mut PgConnection, new: &NewSample<'_>) -> Result<i32> {
    Ok(diesel::insert_into(sample::table)
        .values(new)
        .returning(sample::id)
        .get_result(conn)?)
}

/// Sets the family links of the sample `id`.
pub fn set_family_links(conn: &mut PgConnection, id: i32, links: &FamilyLinks) -> Result<()> {
    diesel::update(sample::table.find(id))
        .set(links)
        .execute(conn)?;
    Ok(())
}

/// Whether any sample of the analysis has a father or a mother (appending to such an analysis is
/// refused, import.md §7).
pub fn analysis_has_parents(conn: &mut PgConnection, analysis_id: i32) -> Result<bool> {
    Ok(diesel::select(exists(
        sample::table
            .filter(sample::analysis_id.eq(analysis_id))
            .filter(
                sample::father_id
                    .is_not_null()
                    .or(sample::mother_id.is_not_null()),
            ),
    ))
    .get_result(conn)?)
}
