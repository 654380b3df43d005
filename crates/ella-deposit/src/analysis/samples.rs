//! The sample rows of one VCF (import.md §3.2): inserted in sample column order, then linked
//! into a family once every id is known.

use chrono::Utc;
use diesel::PgConnection;
use ella_db::enums::{SampleSex, SampleType as DbSampleType};
use ella_db::sample::{self, FamilyLinks, NewSample};

use crate::analysis_config::{SamplePlan, SampleType, Sex};
use crate::Result;

/// Inserts the planned samples of `analysis_id` and returns their ids, in plan order.
pub(super) fn insert_samples(
    conn: &mut PgConnection,
    analysis_id: i32,
    plan: &SamplePlan,
) -> Result<Vec<i32>> {
    let mut ids = Vec::with_capacity(plan.samples.len());
    for planned in &plan.samples {
        ids.push(sample::insert_sample(
            conn,
            &NewSample {
                identifier: &planned.identifier,
                analysis_id,
                sample_type: match planned.sample_type {
                    SampleType::Hts => DbSampleType::Hts,
                    SampleType::Sanger => DbSampleType::Sanger,
                },
                date_deposited: Utc::now(),
                affected: planned.affected,
                family_id: planned.family_id.as_deref(),
                proband: planned.proband,
                sex: planned.sex.map(|sex| match sex {
                    Sex::Male => SampleSex::Male,
                    Sex::Female => SampleSex::Female,
                }),
            },
        )?);
    }
    for (planned, &id) in plan.samples.iter().zip(&ids) {
        let links = FamilyLinks {
            father_id: planned.father.map(|index| ids[index]),
            mother_id: planned.mother.map(|index| ids[index]),
            sibling_id: planned.sibling.map(|index| ids[index]),
        };
        if links != FamilyLinks::default() {
            sample::set_family_links(conn, id, &links)?;
        }
    }
    Ok(ids)
}
