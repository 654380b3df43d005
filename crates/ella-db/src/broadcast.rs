//! Banner messages shown to every user (`broadcast`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::schema::broadcast;
use crate::Result;

/// A stored message.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = broadcast)]
pub struct Broadcast {
    /// Id.
    pub id: i32,
    /// When it was added.
    pub date_created: DateTime<Utc>,
    /// The text.
    pub message: String,
    /// Whether it is shown.
    pub active: bool,
}

/// Which messages to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BroadcastSelection {
    /// Only the active ones, in insertion order.
    Active,
    /// All of them, in insertion order.
    All,
    /// The ten most recent by date, oldest first.
    Latest,
}

/// Lists messages.
pub fn list(conn: &mut PgConnection, selection: BroadcastSelection) -> Result<Vec<Broadcast>> {
    let query = broadcast::table.select(Broadcast::as_select());
    Ok(match selection {
        BroadcastSelection::Active => query
            .filter(broadcast::active)
            .order(broadcast::id)
            .load(conn)?,
        BroadcastSelection::All => query.order(broadcast::id).load(conn)?,
        BroadcastSelection::Latest => {
            let mut latest: Vec<Broadcast> = query
                .order(broadcast::date_created.desc())
                .limit(10)
                .load(conn)?;
            latest.reverse();
            latest
        }
    })
}

/// Adds an active message and returns its id.
pub fn create(conn: &mut PgConnection, message: &str) -> Result<i32> {
    Ok(diesel::insert_into(broadcast::table)
        .values((
            broadcast::message.eq(message),
            broadcast::active.eq(true),
            broadcast::date_created.eq(Utc::now()),
        ))
        .returning(broadcast::id)
        .get_result(conn)?)
}

/// Hides a message; `false` when there is no message with that id.
pub fn deactivate(conn: &mut PgConnection, id: i32) -> Result<bool> {
    let changed = diesel::update(broadcast::table.find(id))
        .set(broadcast::active.eq(false))
        .execute(conn)?;
    Ok(changed == 1)
}
