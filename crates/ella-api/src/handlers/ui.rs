//! The web UI's exception log (api.md §4.15): front-end errors stored for support.

use actix_web::web::{Data, Json};
use chrono::Utc;
use ella_db::uiexception::{self, NewUiException};
use serde_json::Value;

use crate::extract::JsonBody;
use crate::session::MaybeAuthenticated;
use crate::wire::ui::ExceptionReport;
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// Stores an exception of the web UI, with the reporter's session if logged in.
#[utoipa::path(post, path = "/api/v1/ui/exceptionlog/", tag = "UI",
    request_body = ExceptionReport,
    responses(
        (status = 200, description = "`null`"),
        (status = 500, description = "Invalid report", body = ErrorMessage),
    ))]
pub async fn log_exception(
    state: Data<AppState>,
    caller: MaybeAuthenticated,
    body: JsonBody<ExceptionReport>,
) -> Result<Json<()>, ApiError> {
    let report = body.0;
    let usersession_id = caller.0.map(|session| session.id);
    state
        .run(move |conn| {
            let client_state = Value::Object(report.state);
            Ok(uiexception::insert(
                conn,
                &NewUiException {
                    time: Utc::now(),
                    usersession_id,
                    message: &report.message.0,
                    location: Some(&report.location.0),
                    stacktrace: Some(&report.stacktrace.0),
                    state: &client_state,
                },
            )?)
        })
        .await?;
    Ok(Json(()))
}
