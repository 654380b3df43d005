//! User accounts: password login checks, session logout, administrative password reset and
//! locking (api.md §2.4, cli.md §4.3).
//!
//! Also the API's sessions, password changes and request log (api.md §2.1–§2.6, §2.9).
//!
//! The functions run in the caller's transaction. A failed login still changes the database (the
//! failure counter), so [`authenticate`] reports a refused login as `Ok(Err(..))` and the caller
//! commits it.

use std::fmt;

use chrono::{DateTime, TimeZone, Utc};
use diesel::prelude::*;
use ella_core::password::{verify_password, PasswordPolicy};

use crate::schema::{user, usergroup, useroldpassword, usersession};
use crate::user::UserRow;
use crate::usergroup::UsergroupRow;
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

/// How many earlier passwords the reuse check of a password change compares with, besides the
/// current one (api.md §2.5).
pub const PASSWORD_HISTORY: i64 = 13;

/// The expiry of a password its user has just set: 02:00 UTC of the next day plus
/// `expiry_days` (api.md §2.5), so that passwords and sessions never expire during the working day.
pub fn password_expiry_after_change(now: DateTime<Utc>, expiry_days: u32) -> DateTime<Utc> {
    let two_am = now
        .date_naive()
        .and_hms_opt(2, 0, 0)
        .map_or(now, |time| time.and_utc());
    two_am + chrono::TimeDelta::days(1 + i64::from(expiry_days))
}

/// Why a password change was refused, with ELLA's messages (api.md §2.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordChangeRefusal {
    /// No user has that name.
    UnknownUser(String),
    /// Too many failed logins.
    Locked(String),
    /// The old password is wrong.
    InvalidCredentials,
    /// The user is deactivated.
    Inactive,
    /// The new password breaks the password policy.
    WeakPassword,
    /// The new password equals the current or a recent one.
    ReusedPassword,
}

impl fmt::Display for PasswordChangeRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownUser(name) => write!(f, "Invalid username {name}"),
            Self::Locked(name) => write!(
                f,
                "Too many failed logins. User {name} is locked. Contact support to unlock."
            ),
            Self::InvalidCredentials => f.write_str("Invalid credentials."),
            Self::Inactive => {
                f.write_str("User is deactivated. Unable to change password. Contact support.")
            }
            Self::WeakPassword => {
                f.write_str("Password doesn't follow password strength guidelines.")
            }
            Self::ReusedPassword => {
                f.write_str("Password is equal to an old password. Choose a different password.")
            }
        }
    }
}

/// Checks a password change as ELLA does and returns the user's id when it may go ahead.
///
/// The checks run in ELLA's order (api.md §2.5, checks 1–6) with the user row locked. Nothing is
/// written: unlike a login, a wrong old password does not count as a failed login.
pub fn check_password_change(
    conn: &mut PgConnection,
    username: &str,
    old_password: &str,
    new_password: &str,
    policy: &PasswordPolicy,
) -> Result<Result<i32, PasswordChangeRefusal>> {
    let Some(account) = user::table
        .filter(user::username.eq(username))
        .select(Credentials::as_select())
        .for_update()
        .first(conn)
        .optional()?
    else {
        return Ok(Err(PasswordChangeRefusal::UnknownUser(username.to_owned())));
    };
    if account.incorrect_logins >= MAX_INCORRECT_LOGINS {
        return Ok(Err(PasswordChangeRefusal::Locked(account.username)));
    }
    if !verify_password(old_password, &account.password) {
        return Ok(Err(PasswordChangeRefusal::InvalidCredentials));
    }
    if !account.active {
        return Ok(Err(PasswordChangeRefusal::Inactive));
    }
    if !policy.accepts(new_password) {
        return Ok(Err(PasswordChangeRefusal::WeakPassword));
    }
    let recent: Vec<String> = useroldpassword::table
        .filter(useroldpassword::user_id.eq(account.id))
        .order(useroldpassword::expired.desc())
        .limit(PASSWORD_HISTORY)
        .select(useroldpassword::password)
        .load(conn)?;
    if std::iter::once(&account.password)
        .chain(&recent)
        .any(|hash| verify_password(new_password, hash))
    {
        return Ok(Err(PasswordChangeRefusal::ReusedPassword));
    }
    Ok(Ok(account.id))
}

/// Opens a session of `user_id` that lasts until `expires` (the user's password expiry) and
/// returns its id. Only the SHA-256 hex of the cookie value is stored (api.md §2.1).
pub fn create_session(
    conn: &mut PgConnection,
    user_id: i32,
    token_hash: &str,
    expires: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<i32> {
    Ok(diesel::insert_into(usersession::table)
        .values((
            usersession::user_id.eq(user_id),
            usersession::token.eq(token_hash),
            usersession::issued.eq(now),
            usersession::lastactivity.eq(now),
            usersession::expires.eq(expires),
        ))
        .returning(usersession::id)
        .get_result(conn)?)
}

/// A valid session with its user and the user's group.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    /// Session id (`usersession.id`).
    pub id: i32,
    /// The session's user.
    pub user: UserRow,
    /// The user's group.
    pub group: UsergroupRow,
}

/// The valid session whose token hashes to `token_hash`, with `now` recorded as its activity.
///
/// Valid means not logged out and not expired (api.md §2.2); the user's `active` flag is not
/// checked, because deactivation logs out every session.
pub fn resume_session(
    conn: &mut PgConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<ActiveSession>> {
    let found: Option<(i32, UserRow, UsergroupRow)> = usersession::table
        .inner_join(user::table.inner_join(usergroup::table))
        .filter(usersession::token.eq(token_hash))
        .filter(usersession::expires.ge(now))
        .filter(usersession::logged_out.is_null())
        .select((
            usersession::id,
            UserRow::as_select(),
            UsergroupRow::as_select(),
        ))
        .first(conn)
        .optional()?;
    let Some((id, user, group)) = found else {
        return Ok(None);
    };
    diesel::update(usersession::table.find(id))
        .set(usersession::lastactivity.eq(now))
        .execute(conn)?;
    Ok(Some(ActiveSession { id, user, group }))
}

/// Ends the session `session_id` unless it has ended already (api.md §2.6).
pub fn end_session(conn: &mut PgConnection, session_id: i32, now: DateTime<Utc>) -> Result<()> {
    diesel::update(
        usersession::table
            .find(session_id)
            .filter(usersession::logged_out.is_null()),
    )
    .set(usersession::logged_out.eq(now))
    .execute(conn)?;
    Ok(())
}
