//! User groups (datamodel.md §3.6): the group rows, their gene panels (`usergroupgenepanel`, the
//! basis of access control) and the groups they may import for (`usergroupimport`).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Integer;
use serde_json::Value;

use crate::links::{usergroupgenepanel, usergroupimport};
use crate::schema::{genepanel, usergroup};
use crate::Result;

/// Every column of a user group.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = usergroup, check_for_backend(diesel::pg::Pg))]
pub struct UsergroupRow {
    /// Group id.
    pub id: i32,
    /// Group name (unique).
    pub name: String,
    /// Group config (datamodel.md §7.9).
    pub config: Option<Value>,
    /// Name of the default panel of the import dialog.
    pub default_import_genepanel_name: Option<String>,
    /// Version of the default panel of the import dialog.
    pub default_import_genepanel_version: Option<String>,
}

/// A user group to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = usergroup)]
pub struct NewUsergroup<'a> {
    /// Group name.
    pub name: &'a str,
    /// Group config (ELLA's default is `{}`).
    pub config: &'a Value,
    /// Name of the default import panel.
    pub default_import_genepanel_name: Option<&'a str>,
    /// Version of the default import panel.
    pub default_import_genepanel_version: Option<&'a str>,
}

/// Changes to a user group; `None` leaves a column as it is.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset)]
#[diesel(table_name = usergroup)]
pub struct UsergroupChangeset<'a> {
    /// New config, replacing the old one wholesale.
    pub config: Option<&'a Value>,
    /// New default import panel name.
    pub default_import_genepanel_name: Option<&'a str>,
    /// New default import panel version.
    pub default_import_genepanel_version: Option<&'a str>,
}

/// An official gene panel that a group can be given.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct OfficialPanel {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
    /// When the panel was imported (the latest one is a name's default version).
    pub date_created: DateTime<Utc>,
}

/// The group named `name`, if any.
pub fn find_by_name(conn: &mut PgConnection, name: &str) -> Result<Option<UsergroupRow>> {
    Ok(usergroup::table
        .filter(usergroup::name.eq(name))
        .select(UsergroupRow::as_select())
        .first(conn)
        .optional()?)
}

/// The group with the id `id`, if any.
pub fn find_by_id(conn: &mut PgConnection, id: i32) -> Result<Option<UsergroupRow>> {
    Ok(usergroup::table
        .find(id)
        .select(UsergroupRow::as_select())
        .first(conn)
        .optional()?)
}

/// The id of every group, by name.
pub fn ids_by_name(conn: &mut PgConnection) -> Result<HashMap<String, i32>> {
    let rows: Vec<(i32, String)> = usergroup::table
        .select((usergroup::id, usergroup::name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, name)| (name, id)).collect())
}

/// Inserts a group and returns its id.
pub fn insert_usergroup(conn: &mut PgConnection, group: &NewUsergroup<'_>) -> Result<i32> {
    Ok(diesel::insert_into(usergroup::table)
        .values(group)
        .returning(usergroup::id)
        .get_result(conn)?)
}

/// Applies `changes` to the group `id`. An empty changeset writes nothing.
pub fn update_usergroup(
    conn: &mut PgConnection,
    id: i32,
    changes: &UsergroupChangeset<'_>,
) -> Result<()> {
    if *changes != UsergroupChangeset::default() {
        diesel::update(usergroup::table.find(id))
            .set(changes)
            .execute(conn)?;
    }
    Ok(())
}

/// Every official version of the panels named in `names`, newest (`date_created`) first.
pub fn official_panels(conn: &mut PgConnection, names: &[&str]) -> Result<Vec<OfficialPanel>> {
    Ok(genepanel::table
        .filter(genepanel::official.eq(true))
        .filter(genepanel::name.eq_any(names))
        .select((genepanel::name, genepanel::version, genepanel::date_created))
        .order((
            genepanel::date_created.desc(),
            genepanel::name,
            genepanel::version,
        ))
        .load(conn)?)
}

/// Makes `panels` the group's official panels. Links to unofficial (user-made) panels stay, as
/// ELLA keeps them when a group is re-imported.
pub fn replace_official_panels(
    conn: &mut PgConnection,
    usergroup_id: i32,
    panels: &[(&str, &str)],
) -> Result<()> {
    diesel::sql_query(
        "DELETE FROM usergroupgenepanel AS link USING genepanel
         WHERE link.usergroup_id = $1 AND genepanel.official
           AND genepanel.name = link.genepanel_name AND genepanel.version = link.genepanel_version",
    )
    .bind::<Integer, _>(usergroup_id)
    .execute(conn)?;
    let rows: Vec<_> = panels
        .iter()
        .map(|(name, version)| {
            (
                usergroupgenepanel::usergroup_id.eq(usergroup_id),
                usergroupgenepanel::genepanel_name.eq(*name),
                usergroupgenepanel::genepanel_version.eq(*version),
            )
        })
        .collect();
    diesel::insert_into(usergroupgenepanel::table)
        .values(&rows)
        .execute(conn)?;
    Ok(())
}

/// Replaces the groups that `usergroup_id` may import for.
pub fn replace_import_groups(
    conn: &mut PgConnection,
    usergroup_id: i32,
    import_group_ids: &[i32],
) -> Result<()> {
    diesel::delete(usergroupimport::table.filter(usergroupimport::usergroup_id.eq(usergroup_id)))
        .execute(conn)?;
    let rows: Vec<_> = import_group_ids
        .iter()
        .map(|import_id| {
            (
                usergroupimport::usergroup_id.eq(usergroup_id),
                usergroupimport::usergroupimport_id.eq(*import_id),
            )
        })
        .collect();
    diesel::insert_into(usergroupimport::table)
        .values(&rows)
        .execute(conn)?;
    Ok(())
}

/// Whether the group `usergroup_id` may already work with the panel `name` `version`.
pub fn has_genepanel(
    conn: &mut PgConnection,
    usergroup_id: i32,
    name: &str,
    version: &str,
) -> Result<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        usergroupgenepanel::table
            .filter(usergroupgenepanel::usergroup_id.eq(usergroup_id))
            .filter(usergroupgenepanel::genepanel_name.eq(name))
            .filter(usergroupgenepanel::genepanel_version.eq(version)),
    ))
    .get_result(conn)?)
}

/// Gives the group `usergroup_id` access to the panel `name` `version`.
pub fn add_genepanel(
    conn: &mut PgConnection,
    usergroup_id: i32,
    name: &str,
    version: &str,
) -> Result<()> {
    diesel::insert_into(usergroupgenepanel::table)
        .values((
            usergroupgenepanel::usergroup_id.eq(usergroup_id),
            usergroupgenepanel::genepanel_name.eq(name),
            usergroupgenepanel::genepanel_version.eq(version),
        ))
        .execute(conn)?;
    Ok(())
}

/// A gene panel as a group lists it (api.md §1.7, `GenepanelRef`).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PanelRef {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
    /// Whether the panel is official (not made by a user).
    pub official: bool,
}

/// A group with its gene panels and default import panel (api.md §1.7, `UserGroup`).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupProfile {
    /// The group row.
    pub group: UsergroupRow,
    /// The panels the group may work with, by name and version.
    pub genepanels: Vec<PanelRef>,
    /// The default panel of the import dialog.
    pub default_import_genepanel: Option<PanelRef>,
}

/// The group `id` with its panels and default import panel, if the group exists.
pub fn group_profile(conn: &mut PgConnection, id: i32) -> Result<Option<GroupProfile>> {
    let Some(group) = find_by_id(conn, id)? else {
        return Ok(None);
    };
    // `usergroupgenepanel` has no diesel join to `genepanel` (links.rs), so the links are read
    // first and the panels selected by them.
    let links: HashSet<(String, String)> = usergroupgenepanel::table
        .filter(usergroupgenepanel::usergroup_id.eq(id))
        .select((
            usergroupgenepanel::genepanel_name,
            usergroupgenepanel::genepanel_version,
        ))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let names: Vec<&str> = links.iter().map(|(name, _)| name.as_str()).collect();
    let mut genepanels: Vec<PanelRef> = genepanel::table
        .filter(genepanel::name.eq_any(&names))
        .select((genepanel::name, genepanel::version, genepanel::official))
        .order((genepanel::name, genepanel::version))
        .load(conn)?;
    genepanels.retain(|panel| links.contains(&(panel.name.clone(), panel.version.clone())));
    let default_import_genepanel = match (
        &group.default_import_genepanel_name,
        &group.default_import_genepanel_version,
    ) {
        (Some(name), Some(version)) => genepanel::table
            .find((name, version))
            .select((genepanel::name, genepanel::version, genepanel::official))
            .first(conn)
            .optional()?,
        _ => None,
    };
    Ok(Some(GroupProfile {
        group,
        genepanels,
        default_import_genepanel,
    }))
}

/// Names of the groups that members of group `id` may import for, ordered by group id.
pub fn import_group_names(conn: &mut PgConnection, id: i32) -> Result<Vec<String>> {
    let import_ids: Vec<i32> = usergroupimport::table
        .filter(usergroupimport::usergroup_id.eq(id))
        .select(usergroupimport::usergroupimport_id)
        .load(conn)?;
    Ok(usergroup::table
        .filter(usergroup::id.eq_any(&import_ids))
        .select(usergroup::name)
        .order(usergroup::id)
        .load(conn)?)
}
