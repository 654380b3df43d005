//! The UI exception report (api.md §4.15).

use serde::Deserialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::lax::LaxString;

/// Body of `POST /ui/exceptionlog/`; other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExceptionReport {
    /// Error message.
    pub message: LaxString,
    /// Where in the UI.
    pub location: LaxString,
    /// JavaScript stack trace.
    pub stacktrace: LaxString,
    /// The UI's client state; default `{}`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub state: Map<String, Value>,
}
