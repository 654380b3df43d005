//! Users and sessions: login, logout, change password (api.md §2.4–§2.6) and the user
//! resources (api.md §4.1).

use actix_web::http::header;
use actix_web::web::{Data, Json, Path};
use actix_web::HttpResponse;
use chrono::Utc;
use diesel::PgConnection;
use ella_db::user;
use ella_db::usergroup::{self, GroupProfile};

use crate::extract::JsonBody;
use crate::filter::{Column, RestFilter};
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::users::{ChangePasswordRequest, CurrentUser, LoginRequest, UserFull};
use crate::wire::{ErrorMessage, TEXT_HTML};
use crate::{account, ApiError, AppState};

/// The columns `q` may name on `GET /users/`. `password` is left out: filtering on the hash
/// would let any user read every hash with `$like`.
const USER_COLUMNS: &[Column] = &[
    Column::new("id", r#""user".id"#, "integer"),
    Column::new("username", r#""user".username"#, "text"),
    Column::new("first_name", r#""user".first_name"#, "text"),
    Column::new("last_name", r#""user".last_name"#, "text"),
    Column::new("email", r#""user".email"#, "text"),
    Column::new("group_id", r#""user".group_id"#, "integer"),
    Column::new(
        "password_expiry",
        r#""user".password_expiry"#,
        "timestamptz",
    ),
    Column::new("active", r#""user".active"#, "boolean"),
    Column::new("incorrect_logins", r#""user".incorrect_logins"#, "integer"),
    Column::new("config", r#""user".config"#, "jsonb"),
];

/// Logs in and sets the session cookie.
#[utoipa::path(post, path = "/api/v1/users/actions/login/", tag = "User",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in: empty body, `Set-Cookie: AuthenticationToken=...`"),
        (status = 401, description = "Refused, with ELLA's message", body = ErrorMessage),
    ))]
pub async fn login(
    state: Data<AppState>,
    body: JsonBody<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { username, password } = body.0;
    // The transaction commits a refusal too: the failure counter must stick (api.md §2.4).
    let cookie = state
        .transaction(move |conn| account::log_in(conn, &username.0, &password.0, Utc::now()))
        .await?
        .map_err(|refusal| ApiError::Unauthorized(refusal.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type(TEXT_HTML)
        .insert_header((header::SET_COOKIE, cookie))
        .finish())
}

/// Ends the session of the request's cookie; the cookie itself is not cleared.
#[utoipa::path(post, path = "/api/v1/users/actions/logout/", tag = "User",
    responses((status = 200, description = "`null`")))]
pub async fn logout(state: Data<AppState>, caller: Authenticated) -> Result<Json<()>, ApiError> {
    let session_id = caller.0.id;
    state
        .run(move |conn| Ok(ella_db::account::end_session(conn, session_id, Utc::now())?))
        .await?;
    Ok(Json(()))
}

/// Changes a password; the old password authenticates the request.
#[utoipa::path(post, path = "/api/v1/users/actions/changepassword/", tag = "User",
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, description = "`null`; every session of the user has ended"),
        (status = 401, description = "Refused, with ELLA's message", body = ErrorMessage),
    ))]
pub async fn change_password(
    state: Data<AppState>,
    body: JsonBody<ChangePasswordRequest>,
) -> Result<Json<()>, ApiError> {
    let request = body.0;
    let settings = state.accounts();
    state
        .transaction(move |conn| {
            account::change_password(
                conn,
                &request.username.0,
                &request.password.0,
                &request.new_password.0,
                &settings,
                Utc::now(),
            )
        })
        .await?
        .map_err(|refusal| ApiError::Unauthorized(refusal.to_string()))?;
    Ok(Json(()))
}

/// The caller, with their group's import groups.
#[utoipa::path(get, path = "/api/v1/users/currentuser/", tag = "User",
    responses((status = 200, body = CurrentUser), (status = 403, description = "Not logged in")))]
pub async fn current_user(
    state: Data<AppState>,
    caller: Authenticated,
) -> Result<Json<CurrentUser>, ApiError> {
    let group_id = caller.0.user.group_id;
    let (profile, import_groups) = state
        .run(move |conn| {
            Ok((
                profile(conn, group_id)?,
                usergroup::import_group_names(conn, group_id)?,
            ))
        })
        .await?;
    Ok(Json(CurrentUser::new(
        &caller.0.user,
        &profile,
        import_groups,
    )))
}

/// The users of the caller's group, paged and filtered with `q`.
#[utoipa::path(get, path = "/api/v1/users/", tag = "User",
    params(
        ("q" = Option<String>, Query, description = "JSON filter (api.md §1.5); `group_id` is always the caller's"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses((status = 200, body = Vec<UserFull>, description = "With `Total-Count`, `Total-Pages`, `Page`, `Per-Page` headers")))]
pub async fn list_users(
    state: Data<AppState>,
    caller: Authenticated,
    paging: Paging,
    mut filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    let group_id = caller.0.user.group_id;
    // ELLA overrides any `group_id` of the client's filter (api.md §4.1).
    filter.force("group_id", group_id.into());
    if filter.selects_nothing() {
        return Ok(paging.respond::<UserFull>(&[], 0));
    }
    let (limit, offset) = paging.limit_offset();
    let (users, total, profile) = state
        .run(move |conn| {
            let total = user::count_users(conn, filter.conditions(USER_COLUMNS)?)?;
            let users = user::users_page(conn, filter.conditions(USER_COLUMNS)?, limit, offset)?;
            Ok((users, total, profile(conn, group_id)?))
        })
        .await?;
    let users: Vec<UserFull> = users
        .iter()
        .map(|user| UserFull::new(user, &profile))
        .collect();
    Ok(paging.respond(&users, total))
}

/// One user. ELLA serves this without login; here it needs a session (docs/compatibility.md).
#[utoipa::path(get, path = "/api/v1/users/{user_id}/", tag = "User",
    params(("user_id" = i32, Path, description = "User id")),
    responses(
        (status = 200, body = UserFull),
        (status = 403, description = "Not logged in"),
        (status = 500, description = "No such user", body = ErrorMessage),
    ))]
pub async fn get_user(
    state: Data<AppState>,
    _caller: Authenticated,
    user_id: Path<i32>,
) -> Result<Json<UserFull>, ApiError> {
    let user_id = user_id.into_inner();
    let (user, profile) = state
        .run(move |conn| {
            let user = user::find_by_id(conn, user_id)?
                .ok_or_else(|| ApiError::NotFound(format!("user {user_id}")))?;
            let profile = profile(conn, user.group_id)?;
            Ok((user, profile))
        })
        .await?;
    Ok(Json(UserFull::new(&user, &profile)))
}

/// The group `group_id` with its panels; a user's group always exists (foreign key).
fn profile(conn: &mut PgConnection, group_id: i32) -> Result<GroupProfile, ApiError> {
    usergroup::group_profile(conn, group_id)?
        .ok_or_else(|| ApiError::NotFound(format!("user group {group_id}")))
}
