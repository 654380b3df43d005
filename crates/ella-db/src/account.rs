//! User accounts: password login checks, session logout, administrative password reset and
//! locking (api.md §2.4, cli.md §4.3).
//!
//! The functions run in the caller's transaction. A failed login still changes the database (the
//! failure counter), so [`authenticate`] reports a refused login as `Ok(Err(..))` and the caller
//! commits it.

use std::fmt;

use chrono::{DateTime, TimeZone, Utc};
use diesel::prelude::*;
use ella_core::password::verify_password;

use crate::schema::{user, useroldpassword, usersession};
use crate::Result;

/// After this many failed logins a user is locked out.
pub const MAX_INCORRECT_LOGINS: i32 = 6;

/// The password expiry of a reset password: the epoch, so the user must change it at next login.
pub fn expired_password_date() -> DateTime<Utc> {
    Utc.timestamp_opt(0, 0).single().unwrap_or_default()
}

/// Why a login was refused, with ELLA's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginRefusal {
    /// No user has that name.
    UnknownUser(String),
    /// The user is deactivated.
    Inactive(String),
    /// Too many failed logins before this attempt.
    Locked(String),
    /// Wrong password.
    InvalidCredentials,
    /// Wrong password, and that made the user locked.
    InvalidCredentialsNowLocked(String),
    /// Right password, but it has expired and must be changed.
    PasswordExpired,
}

impl fmt::Display for LoginRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownUser(name) => write!(f, "Invalid username {name}"),
            Self::Inactive(name) => {
                write!(
                    f,
                    "User {name} is inactive. Contact support to re-activate."
                )
            }
            Self::Locked(name) => write!(
                f,
                "Too many failed logins. User {name} is locked. Contact support to unlock."
            ),
            Self::InvalidCredentials => f.write_str("Invalid credentials"),
            Self::InvalidCredentialsNowLocked(name) => write!(
                f,
                "Invalid credentials. Too many failed logins. User {name} has been locked. \
                 Contact support to unlock."
            ),
            Self::PasswordExpired => f.write_str("Password has expired. Please change password."),
        }
    }
}

/// What a login check needs of a user.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = user)]
pub struct Credentials {
    /// User id.
    pub id: i32,
    /// Login name.
    pub username: String,
    /// bcrypt hash.
    pub password: String,
    /// When the password (and so every session) expires.
    pub password_expiry: DateTime<Utc>,
    /// `false` when locked by an administrator.
    pub active: bool,
    /// Failed logins since the last success.
    pub incorrect_logins: i32,
}

/// Checks a username and password as ELLA's login does, in ELLA's order, and keeps the failure
/// counter: a wrong password counts, a success resets it.
pub fn authenticate(
    conn: &mut PgConnection,
    username: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<Credentials, LoginRefusal>> {
    let Some(mut account) = user::table
        .filter(user::username.eq(username))
        .select(Credentials::as_select())
        .for_update()
        .first(conn)
        .optional()?
    else {
        return Ok(Err(LoginRefusal::UnknownUser(username.to_owned())));
    };
    if !account.active {
        return Ok(Err(LoginRefusal::Inactive(account.username)));
    }
    if account.incorrect_logins >= MAX_INCORRECT_LOGINS {
        return Ok(Err(LoginRefusal::Locked(account.username)));
    }
    if !verify_password(password, &account.password) {
        account.incorrect_logins += 1;
        diesel::update(user::table.find(account.id))
            .set(user::incorrect_logins.eq(account.incorrect_logins))
            .execute(conn)?;
        return Ok(Err(if account.incorrect_logins >= MAX_INCORRECT_LOGINS {
            LoginRefusal::InvalidCredentialsNowLocked(account.username)
        } else {
            LoginRefusal::InvalidCredentials
        }));
    }
    if account.password_expiry < now {
        return Ok(Err(LoginRefusal::PasswordExpired));
    }
    if account.incorrect_logins != 0 {
        account.incorrect_logins = 0;
        diesel::update(user::table.find(account.id))
            .set(user::incorrect_logins.eq(0))
            .execute(conn)?;
    }
    Ok(Ok(account))
}

/// Ends every open session of a user.
pub fn log_out_all_sessions(
    conn: &mut PgConnection,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<()> {
    diesel::update(
        usersession::table
            .filter(usersession::user_id.eq(user_id))
            .filter(usersession::logged_out.is_null()),
    )
    .set(usersession::logged_out.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Replaces a user's password by `new_hash`, keeping the old hash in `useroldpassword` (for the
/// reuse check), logging out all sessions and clearing the failure counter.
pub fn replace_password(
    conn: &mut PgConnection,
    user_id: i32,
    new_hash: &str,
    expiry: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let old_hash: String = user::table
        .find(user_id)
        .select(user::password)
        .first(conn)?;
    diesel::insert_into(useroldpassword::table)
        .values((
            useroldpassword::user_id.eq(user_id),
            useroldpassword::password.eq(old_hash),
            useroldpassword::expired.eq(now),
        ))
        .execute(conn)?;
    log_out_all_sessions(conn, user_id, now)?;
    diesel::update(user::table.find(user_id))
        .set((
            user::password.eq(new_hash),
            user::password_expiry.eq(expiry),
            user::incorrect_logins.eq(0),
        ))
        .execute(conn)?;
    Ok(())
}

/// Deactivates a user and ends all their sessions.
pub fn lock(conn: &mut PgConnection, user_id: i32, now: DateTime<Utc>) -> Result<()> {
    diesel::update(user::table.find(user_id))
        .set(user::active.eq(false))
        .execute(conn)?;
    log_out_all_sessions(conn, user_id, now)
}

/// One session in the `users activity` listing.
#[derive(Debug, Clone, Queryable)]
pub struct SessionActivity {
    /// User id.
    pub user_id: i32,
    /// Login name.
    pub username: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Last request of the session.
    pub last_activity: DateTime<Utc>,
}

/// Every session, most recently active first.
pub fn session_activity(conn: &mut PgConnection) -> Result<Vec<SessionActivity>> {
    Ok(usersession::table
        .inner_join(user::table)
        .order(usersession::lastactivity.desc())
        .select((
            user::id,
            user::username,
            user::first_name,
            user::last_name,
            usersession::lastactivity,
        ))
        .load(conn)?)
}
