//! The account use cases behind the login and change-password endpoints (api.md §2.4, §2.5).
//!
//! Each runs inside the transaction its handler opens. A refusal is `Ok(Err(..))`, so that the
//! transaction still commits what the refusal wrote (a failed login's counter).

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use ella_core::password::hash_password;
use ella_db::account::{self, LoginRefusal, PasswordChangeRefusal};

use crate::session::{login_cookie, NewToken};
use crate::state::AccountSettings;
use crate::ApiError;

/// Checks the credentials as ELLA does and opens a session; returns the `Set-Cookie` value.
pub fn log_in(
    conn: &mut PgConnection,
    username: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Result<String, LoginRefusal>, ApiError> {
    let credentials = match account::authenticate(conn, username, password, now)? {
        Ok(credentials) => credentials,
        Err(refusal) => return Ok(Err(refusal)),
    };
    // The session lasts until the password expires (api.md §2.1).
    let expires = credentials.password_expiry;
    let token = NewToken::generate();
    account::create_session(conn, credentials.id, &token.hash, expires, now)?;
    Ok(Ok(login_cookie(&token.value, expires)))
}

/// Checks a password change as ELLA does and applies it: the old hash is kept for the reuse
/// check, every session of the user ends, the new password expires after the configured days.
pub fn change_password(
    conn: &mut PgConnection,
    username: &str,
    old_password: &str,
    new_password: &str,
    settings: &AccountSettings,
    now: DateTime<Utc>,
) -> Result<Result<(), PasswordChangeRefusal>, ApiError> {
    let user_id = match account::check_password_change(
        conn,
        username,
        old_password,
        new_password,
        &settings.policy,
    )? {
        Ok(user_id) => user_id,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let hash =
        hash_password(new_password).map_err(|error| ApiError::Internal(error.to_string()))?;
    let expiry = account::password_expiry_after_change(now, settings.password_expiry_days);
    account::replace_password(conn, user_id, &hash, expiry, now)?;
    Ok(Ok(()))
}
