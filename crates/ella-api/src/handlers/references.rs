//! References (api.md §4.9): listing by `q`, full-text search by `s`, and creating references
//! from a PubMed record or by hand.

use actix_web::web::{Data, Json};
use actix_web::{HttpRequest, HttpResponse};
use diesel::PgConnection;
use ella_db::reference::{self, NewReference, ReferenceRow};
use serde_json::{Map, Value};

use crate::extract::{query_value, JsonBody};
use crate::filter::{Column, RestFilter};
use crate::lax::LaxString;
use crate::paging::Paging;
use crate::session::Authenticated;
use crate::wire::references::{ManualReference, Reference, ReferenceRequest};
use crate::wire::ErrorMessage;
use crate::{ApiError, AppState};

/// The columns `q` may name on `GET /references/` and a manual reference may match on.
const REFERENCE_COLUMNS: &[Column] = &[
    Column::new("id", "reference.id", "integer"),
    Column::new("authors", "reference.authors", "text"),
    Column::new("title", "reference.title", "text"),
    Column::new("journal", "reference.journal", "text"),
    Column::new("abstract", "reference.abstract", "text"),
    Column::new("year", "reference.year", "text"),
    Column::new("pubmed_id", "reference.pubmed_id", "integer"),
    Column::new("published", "reference.published", "boolean"),
    Column::new("attachment_id", "reference.attachment_id", "integer"),
];

/// References filtered with `q`, or found by the words of `s`, paged.
#[utoipa::path(get, path = "/api/v1/references/", tag = "Reference",
    params(
        ("q" = Option<String>, Query, description = "JSON filter (api.md §1.5) on `reference`"),
        ("s" = Option<String>, Query, description = "`{\"search_string\": \"...\"}`: prefix search in authors, title, journal and year; not with `q`"),
        ("page" = Option<i64>, Query, description = "1-based page"),
        ("per_page" = Option<i64>, Query, description = "Page size, at most 50"),
    ),
    responses((status = 200, body = Vec<Reference>, description = "With the paging headers")))]
pub async fn list_references(
    state: Data<AppState>,
    _caller: Authenticated,
    request: HttpRequest,
    paging: Paging,
    filter: RestFilter,
) -> Result<HttpResponse, ApiError> {
    let search = search_string(&request)?;
    if search.is_some() && !filter.is_empty() {
        return Err(ApiError::InvalidRequest("`q` together with `s`".into()));
    }
    if filter.selects_nothing() {
        return Ok(paging.respond::<Reference>(&[], 0));
    }
    let (limit, offset) = paging.limit_offset();
    let (rows, total) = state
        .run(move |conn| match search {
            Some(text) => search_references(conn, &text, limit, offset),
            None => Ok((
                reference::references_page(
                    conn,
                    filter.conditions(REFERENCE_COLUMNS)?,
                    limit,
                    offset,
                )?,
                reference::count_references(conn, filter.conditions(REFERENCE_COLUMNS)?)?,
            )),
        })
        .await?;
    let references: Vec<Reference> = rows.into_iter().map(Reference::from).collect();
    Ok(paging.respond(&references, total))
}

/// The `search_string` of the `s` parameter, if given.
fn search_string(request: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(text) = query_value(request, "s").filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    let invalid = || ApiError::InvalidRequest("`s` is not `{\"search_string\": ...}`".into());
    let value: Value = serde_json::from_str(&text).map_err(|_| invalid())?;
    match value.get("search_string") {
        Some(Value::String(search)) => Ok(Some(search.clone())),
        _ => Err(invalid()),
    }
}

/// ELLA's reference search: every term of `text` as a prefix, all required.
fn search_references(
    conn: &mut PgConnection,
    text: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ReferenceRow>, i64), ApiError> {
    let terms = reference::search_terms(conn, text)?;
    if terms.is_empty() {
        return Err(ApiError::InvalidRequest(
            "the search string has only stop words".into(),
        ));
    }
    let query = terms
        .iter()
        .map(|term| format!("{term}:*"))
        .collect::<Vec<_>>()
        .join(" & ");
    Ok(reference::search_page(conn, &query, limit, offset)?)
}

/// Creates a reference from a PubMed record or by hand, or returns the existing one.
#[utoipa::path(post, path = "/api/v1/references/", tag = "Reference",
    request_body = ReferenceRequest,
    responses(
        (status = 200, body = Reference, description = "The new or the existing reference"),
        (status = 500, description = "Invalid request", body = ErrorMessage),
    ))]
pub async fn create_reference(
    state: Data<AppState>,
    _caller: Authenticated,
    body: JsonBody<ReferenceRequest>,
) -> Result<Json<Reference>, ApiError> {
    let row = match body.0 {
        ReferenceRequest {
            pubmed_data: Some(data),
            manual: None,
        } => {
            let parsed = ella_core::pubmed::parse(&data.0)
                .map_err(|error| ApiError::InvalidRequest(format!("pubmedData: {error}")))?;
            state
                .transaction(move |conn| pubmed_reference(conn, &parsed))
                .await?
        }
        ReferenceRequest {
            pubmed_data: None,
            manual: Some(manual),
        } => {
            state
                .transaction(move |conn| manual_reference(conn, manual))
                .await?
        }
        _ => {
            return Err(ApiError::InvalidRequest(
                "exactly one of `pubmedData` and `manual`".into(),
            ))
        }
    };
    Ok(Json(Reference::from(row)))
}

/// The reference of the PubMed record, inserted unless its `pubmed_id` exists.
fn pubmed_reference(
    conn: &mut PgConnection,
    parsed: &ella_core::pubmed::PubmedReference,
) -> Result<ReferenceRow, ApiError> {
    let existing = reference::ids_by_pubmed_id(conn, &[parsed.pubmed_id])?;
    if let Some(id) = existing.get(&parsed.pubmed_id) {
        return reference::find(conn, *id)?
            .ok_or_else(|| ApiError::NotFound(format!("reference {id}")));
    }
    Ok(reference::insert_returning(
        conn,
        &NewReference {
            pubmed_id: Some(parsed.pubmed_id),
            authors: parsed.authors.as_deref(),
            title: parsed.title.as_deref(),
            journal: parsed.journal.as_deref(),
            abstract_text: parsed.abstract_text.as_deref(),
            year: parsed.year.as_deref(),
            published: true,
        },
    )?)
}

/// The first reference whose columns equal all given values, else a new one from them.
fn manual_reference(
    conn: &mut PgConnection,
    manual: Map<String, Value>,
) -> Result<ReferenceRow, ApiError> {
    let typed: ManualReference = serde_json::from_value(Value::Object(manual.clone()))
        .map_err(|error| ApiError::InvalidRequest(format!("manual: {error}")))?;
    let conditions = RestFilter::from(manual).conditions(REFERENCE_COLUMNS)?;
    if let Some(found) = reference::first_matching(conn, conditions)? {
        return Ok(found);
    }
    let pubmed_id = typed
        .pubmed_id
        .map(|id| i32::try_from(id.0))
        .transpose()
        .map_err(|_| ApiError::InvalidRequest("manual: pubmed_id out of range".into()))?;
    let text = |field: &Option<LaxString>| field.as_ref().map(|text| text.0.clone());
    let (authors, title, journal, abstract_text, year) = (
        text(&typed.authors),
        text(&typed.title),
        text(&typed.journal),
        text(&typed.abstract_text),
        text(&typed.year),
    );
    Ok(reference::insert_returning(
        conn,
        &NewReference {
            pubmed_id,
            authors: authors.as_deref(),
            title: title.as_deref(),
            journal: journal.as_deref(),
            abstract_text: abstract_text.as_deref(),
            year: year.as_deref(),
            published: typed.published.is_none_or(|published| published.0),
        },
    )?)
}
