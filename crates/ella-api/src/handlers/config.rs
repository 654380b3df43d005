//! The application configuration (api.md §4.2, `GET /config/`).

use actix_web::web::Data;
use actix_web::HttpResponse;

use crate::session::MaybeAuthenticated;
use crate::{ApiError, AppState};

/// The configuration document; for a logged-in caller `user.user_config` is their merged user
/// config (api.md §2.8).
#[utoipa::path(get, path = "/api/v1/config/", tag = "Config",
    responses((status = 200, body = Object, description = "The configuration file with ELLA's injected keys")))]
pub async fn get_config(
    state: Data<AppState>,
    caller: MaybeAuthenticated,
) -> Result<HttpResponse, ApiError> {
    let document = state.config();
    let user_config = caller
        .0
        .map(|session| {
            document.merged_user_config(session.group.config.as_ref(), session.user.config.as_ref())
        })
        .transpose()?;
    Ok(HttpResponse::Ok().json(document.response(user_config)))
}
