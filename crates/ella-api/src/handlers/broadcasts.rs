//! Banner messages (api.md §4.2, `GET /broadcasts/`).

use actix_web::web::{Data, Json};
use chrono::{DateTime, TimeDelta, Utc};
use ella_db::broadcast::{self, BroadcastSelection};

use crate::session::{random_hex, MaybeAuthenticated};
use crate::wire::broadcasts::{Broadcast, BroadcastId};
use crate::{ApiError, AppState};

/// How many days before the password expires the notice appears.
const PASSWORD_NOTICE_DAYS: i64 = 7;

/// The active messages, oldest first; a logged-in caller whose password expires within a week
/// gets a notice first.
#[utoipa::path(get, path = "/api/v1/broadcasts/", tag = "Message",
    responses((status = 200, body = Vec<Broadcast>)))]
pub async fn list_broadcasts(
    state: Data<AppState>,
    caller: MaybeAuthenticated,
) -> Result<Json<Vec<Broadcast>>, ApiError> {
    let now = Utc::now();
    let mut stored = state
        .run(|conn| Ok(broadcast::list(conn, BroadcastSelection::Active)?))
        .await?;
    // ELLA orders by `date_created`; the listing comes in id order.
    stored.sort_by_key(|message| message.date_created);
    let notice = caller
        .0
        .and_then(|session| password_notice(session.user.password_expiry, now));
    Ok(Json(
        notice
            .into_iter()
            .chain(stored.into_iter().map(Broadcast::from))
            .collect(),
    ))
}

/// The password-expiry notice, if the password expires within [`PASSWORD_NOTICE_DAYS`].
fn password_notice(expiry: DateTime<Utc>, now: DateTime<Utc>) -> Option<Broadcast> {
    let notice_from = TimeDelta::days(PASSWORD_NOTICE_DAYS);
    if expiry >= now + notice_from {
        return None;
    }
    // Python's `timedelta.days` rounds down.
    let days = (expiry - now).num_seconds().div_euclid(86_400);
    Some(Broadcast {
        // ELLA uses a random UUID's hex form.
        id: BroadcastId::Notice(random_hex(16)),
        date: expiry - notice_from,
        message: format!(
            "Your password will expire in {days} day(s). You may change it at any time by \
             logging out and using \"Change password\""
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_counts_whole_days() {
        let now = Utc::now();
        let notice = password_notice(now + TimeDelta::hours(50), now).unwrap();
        assert!(notice
            .message
            .starts_with("Your password will expire in 2 day(s)."));
        assert!(matches!(&notice.id, BroadcastId::Notice(id) if id.len() == 32));
        assert!(password_notice(now + TimeDelta::days(8), now).is_none());
    }
}
