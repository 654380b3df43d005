//! Filter configs and their user-group links (datamodel.md §3.3, versioning in §4): a config is
//! never changed in place; a new version supersedes the current one of the same name.
//!
//! `filterconfig.schema_version` is set by a database trigger that also validates the JSON, so
//! inserts leave it out.

use diesel::dsl::now;
use diesel::prelude::*;
use serde_json::Value;

use crate::schema::{filterconfig, usergroup, usergroupfilterconfig};
use crate::{Error, Result};

/// Every column of a filter config.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = filterconfig, check_for_backend(diesel::pg::Pg))]
pub struct FilterconfigRow {
    /// Filter config id.
    pub id: i32,
    /// Display name.
    pub name: String,
    /// The filter chain (datamodel.md §7.8).
    #[diesel(column_name = filterconfig_)]
    pub filterconfig: Value,
    /// Whether users are offered the config.
    pub active: bool,
    /// When a newer version replaced this one (`None` = current).
    pub date_superceeded: Option<chrono::DateTime<chrono::Utc>>,
    /// The version this one replaced.
    pub previous_filterconfig_id: Option<i32>,
    /// Which analyses the config is offered for.
    pub requirements: Value,
    /// The newest `filterconfig` JSON schema the config validates against.
    pub schema_version: i32,
}

impl FilterconfigRow {
    /// ELLA's `repr` of a filter config, used in its CLI messages: `<FilterConfig(3, Default)>`.
    pub fn label(&self) -> String {
        format!("<FilterConfig({}, {})>", self.id, self.name)
    }
}

/// A filter config to insert (active, current).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = filterconfig)]
pub struct NewFilterconfig<'a> {
    /// Display name.
    pub name: &'a str,
    /// The filter chain.
    #[diesel(column_name = filterconfig_)]
    pub filterconfig: &'a Value,
    /// Which analyses the config is offered for.
    pub requirements: &'a Value,
    /// The version this one replaces.
    pub previous_filterconfig_id: Option<i32>,
    /// Always `true` for a new version.
    pub active: bool,
}

/// A link between a user group and a filter config.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = usergroupfilterconfig, check_for_backend(diesel::pg::Pg))]
pub struct UsergroupFilterconfigRow {
    /// Link id.
    pub id: i32,
    /// The group.
    pub usergroup_id: i32,
    /// The filter config.
    pub filterconfig_id: i32,
    /// Sort key among the group's configs (ascending).
    pub order: i32,
}

/// One row of the `filterconfigs update` summary and `filterconfigs list`: an active config and
/// one group it is linked to.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ActiveFilterconfigLink {
    /// Filter config id.
    pub filterconfig_id: i32,
    /// Filter config name.
    pub name: String,
    /// Requirements of the config.
    pub requirements: Value,
    /// Link id.
    pub link_id: i32,
    /// The link's order.
    pub order: i32,
    /// Name of the linked group.
    pub usergroup: String,
}

/// The filter config `id`, if any.
pub fn find_by_id(conn: &mut PgConnection, id: i32) -> Result<Option<FilterconfigRow>> {
    Ok(filterconfig::table
        .find(id)
        .select(FilterconfigRow::as_select())
        .first(conn)
        .optional()?)
}

/// The current (not superseded) config named `name`, if any. More than one is an error, as in
/// ELLA (`one_or_none`).
pub fn find_current(conn: &mut PgConnection, name: &str) -> Result<Option<FilterconfigRow>> {
    let mut rows: Vec<FilterconfigRow> = filterconfig::table
        .filter(filterconfig::name.eq(name))
        .filter(filterconfig::date_superceeded.is_null())
        .select(FilterconfigRow::as_select())
        .load(conn)?;
    if rows.len() > 1 {
        return Err(Error::Invalid(format!(
            "More than one current filter config is named {name}"
        )));
    }
    Ok(rows.pop())
}

/// Marks `id` as replaced by a newer version: superseded now and inactive.
pub fn supersede(conn: &mut PgConnection, id: i32) -> Result<()> {
    diesel::update(filterconfig::table.find(id))
        .set((
            filterconfig::date_superceeded.eq(now),
            filterconfig::active.eq(false),
        ))
        .execute(conn)?;
    Ok(())
}

/// Inserts a filter config and returns its id. The database rejects a `filterconfig` that no
/// stored schema version accepts.
pub fn insert_filterconfig(conn: &mut PgConnection, new: &NewFilterconfig<'_>) -> Result<i32> {
    Ok(diesel::insert_into(filterconfig::table)
        .values(new)
        .returning(filterconfig::id)
        .get_result(conn)?)
}

/// Stops offering the config `id` to users.
pub fn deactivate(conn: &mut PgConnection, id: i32) -> Result<()> {
    diesel::update(filterconfig::table.find(id))
        .set(filterconfig::active.eq(false))
        .execute(conn)?;
    Ok(())
}

/// The link between a group and a config, if any.
pub fn find_link(
    conn: &mut PgConnection,
    usergroup_id: i32,
    filterconfig_id: i32,
) -> Result<Option<UsergroupFilterconfigRow>> {
    Ok(usergroupfilterconfig::table
        .filter(usergroupfilterconfig::usergroup_id.eq(usergroup_id))
        .filter(usergroupfilterconfig::filterconfig_id.eq(filterconfig_id))
        .select(UsergroupFilterconfigRow::as_select())
        .first(conn)
        .optional()?)
}

/// Links a config to a group and returns the link id.
pub fn insert_link(
    conn: &mut PgConnection,
    usergroup_id: i32,
    filterconfig_id: i32,
    order: i32,
) -> Result<i32> {
    Ok(diesel::insert_into(usergroupfilterconfig::table)
        .values((
            usergroupfilterconfig::usergroup_id.eq(usergroup_id),
            usergroupfilterconfig::filterconfig_id.eq(filterconfig_id),
            usergroupfilterconfig::order.eq(order),
        ))
        .returning(usergroupfilterconfig::id)
        .get_result(conn)?)
}

/// Changes the order of a link.
pub fn set_link_order(conn: &mut PgConnection, link_id: i32, order: i32) -> Result<()> {
    diesel::update(usergroupfilterconfig::table.find(link_id))
        .set(usergroupfilterconfig::order.eq(order))
        .execute(conn)?;
    Ok(())
}

/// Every active config with each group it is linked to, ordered by group name, then order
/// (ELLA's summary and list order).
pub fn active_links(conn: &mut PgConnection) -> Result<Vec<ActiveFilterconfigLink>> {
    Ok(filterconfig::table
        .inner_join(usergroupfilterconfig::table.inner_join(usergroup::table))
        .filter(filterconfig::active.eq(true))
        .order((usergroup::name, usergroupfilterconfig::order))
        .select((
            filterconfig::id,
            filterconfig::name,
            filterconfig::requirements,
            usergroupfilterconfig::id,
            usergroupfilterconfig::order,
            usergroup::name,
        ))
        .load(conn)?)
}

/// The groups (id, name) that the config `filterconfig_id` is linked to, by name.
pub fn linked_groups(conn: &mut PgConnection, filterconfig_id: i32) -> Result<Vec<(i32, String)>> {
    Ok(usergroupfilterconfig::table
        .inner_join(usergroup::table)
        .filter(usergroupfilterconfig::filterconfig_id.eq(filterconfig_id))
        .order(usergroup::name)
        .select((usergroup::id, usergroup::name))
        .load(conn)?)
}

/// The active configs of a group, in the group's order.
pub fn active_configs_of_group(
    conn: &mut PgConnection,
    usergroup_id: i32,
) -> Result<Vec<FilterconfigRow>> {
    Ok(filterconfig::table
        .inner_join(usergroupfilterconfig::table)
        .filter(usergroupfilterconfig::usergroup_id.eq(usergroup_id))
        .filter(filterconfig::active.eq(true))
        .order(usergroupfilterconfig::order)
        .select(FilterconfigRow::as_select())
        .load(conn)?)
}
