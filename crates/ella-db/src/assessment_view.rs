//! Allele assessments, allele reports and reference assessments as the API shows them.
//!
//! api.md §1.7 `AlleleAssessment`, `AlleleReport`, `ReferenceAssessment`: each row with its
//! author, the author's group and, for assessments, the attached files.
//!
//! Every read selects the rows first (by ids, by allele or by the caller's conditions) and then
//! loads the authors, groups and attachments of all of them with one query per table.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use serde_json::Value;

use crate::links::alleleassessmentattachment;
use crate::schema::{alleleassessment, allelereport, referenceassessment, usergroup};
use crate::user::{users_with_groups, UserWithGroup};
use crate::Result;

/// Which rows of a versioned table to load for a set of alleles (api.md §4.3 `link`, §6.1).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// The current rows (`date_superceeded IS NULL`) of the alleles.
    #[default]
    Current,
    /// Exactly these ids, whatever their alleles; an empty list loads nothing.
    Ids(Vec<i32>),
}

/// A condition on the `alleleassessment` table, such as one term of the API's `q` filter.
pub type AlleleAssessmentCondition =
    Box<dyn BoxableExpression<alleleassessment::table, Pg, SqlType = Bool>>;
/// A condition on the `allelereport` table.
pub type AlleleReportCondition =
    Box<dyn BoxableExpression<allelereport::table, Pg, SqlType = Bool>>;
/// A condition on the `referenceassessment` table.
pub type ReferenceAssessmentCondition =
    Box<dyn BoxableExpression<referenceassessment::table, Pg, SqlType = Bool>>;

/// The columns of an allele assessment.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = alleleassessment, check_for_backend(Pg))]
pub struct AlleleAssessmentColumns {
    /// Assessment id.
    pub id: i32,
    /// `1`..`5`, `NP`, `RF` or `DR`.
    #[diesel(
        select_expression = sql::<Text>("alleleassessment.classification::text"),
        select_expression_type = diesel::expression::SqlLiteral<Text>
    )]
    pub classification: String,
    /// The evaluation document (api.md §5.6).
    pub evaluation: Option<Value>,
    /// The author.
    pub user_id: i32,
    /// When it was made.
    pub date_created: DateTime<Utc>,
    /// When a newer version replaced it.
    pub date_superceeded: Option<DateTime<Utc>>,
    /// The version it replaced.
    pub previous_assessment_id: Option<i32>,
    /// The allele.
    pub allele_id: i32,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// The analysis it was made in.
    pub analysis_id: Option<i32>,
    /// The annotation shown when it was made.
    pub annotation_id: Option<i32>,
    /// The custom annotation shown when it was made.
    pub custom_annotation_id: Option<i32>,
    /// The author's group.
    pub usergroup_id: Option<i32>,
}

/// The columns of an allele report.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = allelereport, check_for_backend(Pg))]
pub struct AlleleReportColumns {
    /// Report id.
    pub id: i32,
    /// The evaluation document, normally `{"comment": ...}`.
    pub evaluation: Option<Value>,
    /// The author.
    pub user_id: i32,
    /// When it was made.
    pub date_created: DateTime<Utc>,
    /// When a newer version replaced it.
    pub date_superceeded: Option<DateTime<Utc>>,
    /// The version it replaced.
    pub previous_report_id: Option<i32>,
    /// The allele.
    pub allele_id: i32,
    /// The analysis it was made in.
    pub analysis_id: Option<i32>,
    /// The author's group.
    pub usergroup_id: Option<i32>,
}

/// The columns of a reference assessment (api.md §1.7, `ReferenceAssessment`).
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = referenceassessment, check_for_backend(Pg))]
pub struct ReferenceAssessmentColumns {
    /// Reference assessment id.
    pub id: i32,
    /// The reference.
    pub reference_id: i32,
    /// The evaluation document (api.md §5.6).
    pub evaluation: Option<Value>,
    /// The author.
    pub user_id: i32,
    /// When it was made.
    pub date_created: DateTime<Utc>,
    /// When a newer version replaced it.
    pub date_superceeded: Option<DateTime<Utc>>,
    /// Gene panel name.
    pub genepanel_name: String,
    /// Gene panel version.
    pub genepanel_version: String,
    /// The allele.
    pub allele_id: i32,
    /// The analysis it was made in.
    pub analysis_id: Option<i32>,
}

/// A user group, id and name.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct GroupName {
    /// Group id.
    pub id: i32,
    /// Group name.
    pub name: String,
}

/// An allele assessment with its author, the author's group and its attachments.
#[derive(Debug, Clone, PartialEq)]
pub struct AlleleAssessmentRecord {
    /// The row.
    pub assessment: AlleleAssessmentColumns,
    /// The author (`user_id`).
    pub user: UserWithGroup,
    /// The group of `usergroup_id`.
    pub usergroup: Option<GroupName>,
    /// Ids of the attached files, ascending.
    pub attachment_ids: Vec<i32>,
}

/// An allele report with its author and the author's group.
#[derive(Debug, Clone, PartialEq)]
pub struct AlleleReportRecord {
    /// The row.
    pub report: AlleleReportColumns,
    /// The author (`user_id`).
    pub user: UserWithGroup,
    /// The group of `usergroup_id`.
    pub usergroup: Option<GroupName>,
}

/// The allele assessments that satisfy every condition, by id, at most `limit` after skipping
/// `offset`, and how many match in all.
pub fn allele_assessment_page(
    conn: &mut PgConnection,
    conditions: Vec<AlleleAssessmentCondition>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AlleleAssessmentRecord>, i64)> {
    let ids: Vec<i32> = conditions
        .into_iter()
        .fold(alleleassessment::table.into_boxed(), QueryDsl::filter)
        .select(alleleassessment::id)
        .order(alleleassessment::id)
        .load(conn)?;
    let total = count(&ids);
    let page = page_of(ids, limit, offset);
    Ok((allele_assessments(conn, &[], &Selection::Ids(page))?, total))
}

/// The allele reports that satisfy every condition, by id, paged, and how many match in all.
pub fn allele_report_page(
    conn: &mut PgConnection,
    conditions: Vec<AlleleReportCondition>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AlleleReportRecord>, i64)> {
    let ids: Vec<i32> = conditions
        .into_iter()
        .fold(allelereport::table.into_boxed(), QueryDsl::filter)
        .select(allelereport::id)
        .order(allelereport::id)
        .load(conn)?;
    let total = count(&ids);
    let page = page_of(ids, limit, offset);
    Ok((allele_reports(conn, &[], &Selection::Ids(page))?, total))
}

/// The reference assessments that satisfy every condition, by id, paged, and how many match.
pub fn reference_assessment_page(
    conn: &mut PgConnection,
    conditions: Vec<ReferenceAssessmentCondition>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ReferenceAssessmentColumns>, i64)> {
    let ids: Vec<i32> = conditions
        .into_iter()
        .fold(referenceassessment::table.into_boxed(), QueryDsl::filter)
        .select(referenceassessment::id)
        .order(referenceassessment::id)
        .load(conn)?;
    let total = count(&ids);
    let page = page_of(ids, limit, offset);
    Ok((
        reference_assessments(conn, &[], &Selection::Ids(page))?,
        total,
    ))
}

/// The allele assessments of `selection` (current ones: of `allele_ids`), by id.
pub fn allele_assessments(
    conn: &mut PgConnection,
    allele_ids: &[i32],
    selection: &Selection,
) -> Result<Vec<AlleleAssessmentRecord>> {
    let query = alleleassessment::table
        .select(AlleleAssessmentColumns::as_select())
        .order(alleleassessment::id)
        .into_boxed();
    let rows: Vec<AlleleAssessmentColumns> = match selection {
        Selection::Current => query
            .filter(alleleassessment::allele_id.eq_any(allele_ids))
            .filter(alleleassessment::date_superceeded.is_null())
            .load(conn)?,
        Selection::Ids(ids) => query.filter(alleleassessment::id.eq_any(ids)).load(conn)?,
    };
    let ids: Vec<i32> = rows.iter().map(|row| row.id).collect();
    let mut attachments: HashMap<i32, Vec<i32>> = HashMap::new();
    let links: Vec<(Option<i32>, Option<i32>)> = alleleassessmentattachment::table
        .filter(alleleassessmentattachment::alleleassessment_id.eq_any(&ids))
        .select((
            alleleassessmentattachment::alleleassessment_id,
            alleleassessmentattachment::attachment_id,
        ))
        .order(alleleassessmentattachment::attachment_id)
        .load(conn)?;
    for (assessment_id, attachment_id) in links {
        if let (Some(assessment_id), Some(attachment_id)) = (assessment_id, attachment_id) {
            attachments
                .entry(assessment_id)
                .or_default()
                .push(attachment_id);
        }
    }
    let authors = Authors::load(conn, rows.iter().map(|row| (row.user_id, row.usergroup_id)))?;
    rows.into_iter()
        .map(|assessment| {
            Ok(AlleleAssessmentRecord {
                user: authors.user(assessment.user_id)?,
                usergroup: authors.group(assessment.usergroup_id),
                attachment_ids: attachments.remove(&assessment.id).unwrap_or_default(),
                assessment,
            })
        })
        .collect()
}

/// The allele reports of `selection` (current ones: of `allele_ids`), by id.
pub fn allele_reports(
    conn: &mut PgConnection,
    allele_ids: &[i32],
    selection: &Selection,
) -> Result<Vec<AlleleReportRecord>> {
    let query = allelereport::table
        .select(AlleleReportColumns::as_select())
        .order(allelereport::id)
        .into_boxed();
    let rows: Vec<AlleleReportColumns> = match selection {
        Selection::Current => query
            .filter(allelereport::allele_id.eq_any(allele_ids))
            .filter(allelereport::date_superceeded.is_null())
            .load(conn)?,
        Selection::Ids(ids) => query.filter(allelereport::id.eq_any(ids)).load(conn)?,
    };
    let authors = Authors::load(conn, rows.iter().map(|row| (row.user_id, row.usergroup_id)))?;
    rows.into_iter()
        .map(|report| {
            Ok(AlleleReportRecord {
                user: authors.user(report.user_id)?,
                usergroup: authors.group(report.usergroup_id),
                report,
            })
        })
        .collect()
}

/// The reference assessments of `selection` (current ones: of `allele_ids`), by id.
pub fn reference_assessments(
    conn: &mut PgConnection,
    allele_ids: &[i32],
    selection: &Selection,
) -> Result<Vec<ReferenceAssessmentColumns>> {
    let query = referenceassessment::table
        .select(ReferenceAssessmentColumns::as_select())
        .order(referenceassessment::id)
        .into_boxed();
    Ok(match selection {
        Selection::Current => query
            .filter(referenceassessment::allele_id.eq_any(allele_ids))
            .filter(referenceassessment::date_superceeded.is_null())
            .load(conn)?,
        Selection::Ids(ids) => query
            .filter(referenceassessment::id.eq_any(ids))
            .load(conn)?,
    })
}

/// The authors and groups of a set of rows, loaded with one query each.
struct Authors {
    users: HashMap<i32, UserWithGroup>,
    groups: HashMap<i32, GroupName>,
}

impl Authors {
    /// The users and groups of `(user_id, usergroup_id)` pairs.
    fn load(
        conn: &mut PgConnection,
        pairs: impl Iterator<Item = (i32, Option<i32>)>,
    ) -> Result<Self> {
        let (user_ids, group_ids): (Vec<i32>, Vec<Option<i32>>) = pairs.unzip();
        let group_ids: Vec<i32> = group_ids.into_iter().flatten().collect();
        let users = users_with_groups(conn, &user_ids)?
            .into_iter()
            .map(|member| (member.user.id, member))
            .collect();
        let groups = usergroup::table
            .filter(usergroup::id.eq_any(&group_ids))
            .select((usergroup::id, usergroup::name))
            .load::<GroupName>(conn)?
            .into_iter()
            .map(|group| (group.id, group))
            .collect();
        Ok(Self { users, groups })
    }

    /// The user `id`; the foreign key guarantees it exists.
    fn user(&self, id: i32) -> Result<UserWithGroup> {
        self.users
            .get(&id)
            .cloned()
            .ok_or_else(|| crate::Error::NotFound(format!("user {id}")))
    }

    fn group(&self, id: Option<i32>) -> Option<GroupName> {
        id.and_then(|id| self.groups.get(&id).cloned())
    }
}

fn count(ids: &[i32]) -> i64 {
    i64::try_from(ids.len()).unwrap_or(i64::MAX)
}

/// The ids of one page: at most `limit` after skipping `offset`.
fn page_of(ids: Vec<i32>, limit: i64, offset: i64) -> Vec<i32> {
    ids.into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect()
}
