//! Users (the `"user"` table, datamodel.md §3.6): look-ups, the `users list` listing, the
//! inserts and updates of the user fixture import and the CLI, and the API's filtered pages.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::expression::BoxableExpression;
use diesel::prelude::*;
use diesel::sql_types::Bool;
use serde_json::Value;

use crate::links::usergroupgenepanel;
use crate::schema::{user, usergroup};
use crate::Result;

/// Every column of a user.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = user, check_for_backend(diesel::pg::Pg))]
pub struct UserRow {
    /// User id.
    pub id: i32,
    /// Login name (unique).
    pub username: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The user's group.
    pub group_id: i32,
    /// bcrypt hash of the password.
    pub password: String,
    /// When the password (and every session) expires.
    pub password_expiry: DateTime<Utc>,
    /// `false` when locked.
    pub active: bool,
    /// Failed logins since the last success.
    pub incorrect_logins: i32,
    /// Per-user config overrides (datamodel.md §7.9).
    pub config: Option<Value>,
    /// E-mail address.
    pub email: Option<String>,
}

/// A user with the name of their group (api.md §1.7, `User`).
#[derive(Debug, Clone, PartialEq)]
pub struct UserWithGroup {
    /// The user.
    pub user: UserRow,
    /// Name of the user's group.
    pub group_name: String,
}

/// The users `ids` (repeats allowed) with their groups' names, in no particular order.
pub fn users_with_groups(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<UserWithGroup>> {
    Ok(user::table
        .inner_join(usergroup::table)
        .filter(user::id.eq_any(ids))
        .select((UserRow::as_select(), usergroup::name))
        .load::<(UserRow, String)>(conn)?
        .into_iter()
        .map(|(user, group_name)| UserWithGroup { user, group_name })
        .collect())
}

/// A user to insert.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = user)]
pub struct NewUser<'a> {
    /// Login name.
    pub username: &'a str,
    /// First name.
    pub first_name: &'a str,
    /// Last name.
    pub last_name: &'a str,
    /// E-mail address.
    pub email: Option<&'a str>,
    /// The user's group.
    pub group_id: i32,
    /// bcrypt hash of the password.
    pub password: &'a str,
    /// Password expiry.
    pub password_expiry: DateTime<Utc>,
    /// Per-user config (ELLA's default is `{}`).
    pub config: &'a Value,
}

/// Changes to a user; `None` leaves a column as it is. The nullable columns take
/// `Some(None)` to write SQL NULL.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset)]
#[diesel(table_name = user)]
pub struct UserChangeset {
    /// New login name.
    pub username: Option<String>,
    /// New first name.
    pub first_name: Option<String>,
    /// New last name.
    pub last_name: Option<String>,
    /// New e-mail address.
    pub email: Option<Option<String>>,
    /// New group.
    pub group_id: Option<i32>,
    /// New bcrypt hash.
    pub password: Option<String>,
    /// New password expiry.
    pub password_expiry: Option<DateTime<Utc>>,
    /// Locked (`false`) or unlocked (`true`).
    pub active: Option<bool>,
    /// New failed-login counter.
    pub incorrect_logins: Option<i32>,
    /// New per-user config.
    pub config: Option<Option<Value>>,
}

impl UserChangeset {
    /// Whether the changeset changes nothing (diesel refuses an empty `UPDATE`).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One line of `users list`: the user, their group and the group's gene panels.
#[derive(Debug, Clone, PartialEq)]
pub struct UserListing {
    /// User id.
    pub id: i32,
    /// Login name.
    pub username: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Password expiry.
    pub password_expiry: DateTime<Utc>,
    /// Name of the user's group.
    pub usergroup: String,
    /// The group's gene panels as `<name>_<version>`, ordered by name and version.
    pub genepanels: Vec<String>,
}

/// A user with the id and name of their group, as `list_users` loads it.
type ListingRow = (i32, String, String, String, DateTime<Utc>, i32, String);

/// The user named `username`, if any.
pub fn find_by_username(conn: &mut PgConnection, username: &str) -> Result<Option<UserRow>> {
    Ok(user::table
        .filter(user::username.eq(username))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts an active user with no failed logins (ELLA's application defaults; the columns have
/// no database defaults) and returns its id.
pub fn insert_user(conn: &mut PgConnection, new_user: &NewUser<'_>) -> Result<i32> {
    Ok(diesel::insert_into(user::table)
        .values((
            new_user,
            user::active.eq(true),
            user::incorrect_logins.eq(0),
        ))
        .returning(user::id)
        .get_result(conn)?)
}

/// Applies `changes` to the user `id`. An empty changeset writes nothing.
pub fn update_user(conn: &mut PgConnection, id: i32, changes: &UserChangeset) -> Result<()> {
    if !changes.is_empty() {
        diesel::update(user::table.find(id))
            .set(changes)
            .execute(conn)?;
    }
    Ok(())
}

/// The users `users list` shows, ordered by id: the one named `username` if given, else the
/// members of `groups` (unless that is empty or contains `ALL`), else everyone (ELLA's
/// precedence).
pub fn list_users(
    conn: &mut PgConnection,
    username: Option<&str>,
    groups: Option<&[String]>,
) -> Result<Vec<UserListing>> {
    let mut query = user::table
        .inner_join(usergroup::table)
        .select((
            user::id,
            user::username,
            user::first_name,
            user::last_name,
            user::password_expiry,
            usergroup::id,
            usergroup::name,
        ))
        .order(user::id)
        .into_boxed();
    if let Some(username) = username {
        query = query.filter(user::username.eq(username));
    } else if let Some(groups) =
        groups.filter(|groups| !groups.is_empty() && !groups.iter().any(|group| group == "ALL"))
    {
        query = query.filter(usergroup::name.eq_any(groups));
    }
    let rows: Vec<ListingRow> = query.load(conn)?;

    let group_ids: Vec<i32> = rows.iter().map(|row| row.5).collect();
    let panels: Vec<(Option<i32>, String, String)> = usergroupgenepanel::table
        .filter(usergroupgenepanel::usergroup_id.eq_any(&group_ids))
        .select((
            usergroupgenepanel::usergroup_id,
            usergroupgenepanel::genepanel_name,
            usergroupgenepanel::genepanel_version,
        ))
        .order((
            usergroupgenepanel::genepanel_name,
            usergroupgenepanel::genepanel_version,
        ))
        .load(conn)?;
    let mut panels_by_group: HashMap<i32, Vec<String>> = HashMap::new();
    for (group_id, name, version) in panels {
        if let Some(group_id) = group_id {
            panels_by_group
                .entry(group_id)
                .or_default()
                .push(format!("{name}_{version}"));
        }
    }

    Ok(rows
        .into_iter()
        .map(
            |(id, username, first_name, last_name, password_expiry, group_id, usergroup)| {
                UserListing {
                    id,
                    username,
                    first_name,
                    last_name,
                    password_expiry,
                    usergroup,
                    genepanels: panels_by_group.get(&group_id).cloned().unwrap_or_default(),
                }
            },
        )
        .collect())
}

/// The user with the id `id`, if any.
pub fn find_by_id(conn: &mut PgConnection, id: i32) -> Result<Option<UserRow>> {
    Ok(user::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// A condition on the user table, such as one term of the API's `q` filter (api.md §1.5).
pub type UserCondition = Box<dyn BoxableExpression<user::table, diesel::pg::Pg, SqlType = Bool>>;

/// The users that satisfy every condition.
fn matching_users(conditions: Vec<UserCondition>) -> user::BoxedQuery<'static, diesel::pg::Pg> {
    conditions
        .into_iter()
        .fold(user::table.into_boxed(), |query, condition| {
            query.filter(condition)
        })
}

/// How many users satisfy every condition.
pub fn count_users(conn: &mut PgConnection, conditions: Vec<UserCondition>) -> Result<i64> {
    Ok(matching_users(conditions).count().get_result(conn)?)
}

/// The users that satisfy every condition, ordered by id: at most `limit`, after skipping
/// `offset`.
pub fn users_page(
    conn: &mut PgConnection,
    conditions: Vec<UserCondition>,
    limit: i64,
    offset: i64,
) -> Result<Vec<UserRow>> {
    Ok(matching_users(conditions)
        .select(UserRow::as_select())
        .order(user::id)
        .limit(limit)
        .offset(offset)
        .load(conn)?)
}

/// The users `ids` with the names of their groups, by user id.
pub fn with_group_names(
    conn: &mut PgConnection,
    ids: &[i32],
) -> Result<HashMap<i32, (UserRow, String)>> {
    let rows: Vec<(UserRow, String)> = user::table
        .inner_join(usergroup::table)
        .filter(user::id.eq_any(ids))
        .select((UserRow::as_select(), usergroup::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user, group_name)| (user.id, (user, group_name)))
        .collect())
}
