//! The shared body of the `q`-filtered, paged list endpoints (api.md §1.5, §1.6): an empty id
//! list selects nothing, otherwise the conditions run on a pooled connection and the rows of the
//! page become wire items with the paging headers.

use actix_web::HttpResponse;
use diesel::PgConnection;
use serde::Serialize;

use crate::filter::{Column, Condition, RestFilter};
use crate::paging::Paging;
use crate::{ApiError, AppState};

/// The page at `limit`/`offset` of the rows that `filter` selects among `columns`: `load` reads
/// them with the total count, `to_wire` turns each into what the response lists.
pub(crate) async fn filtered_page<QS, Row, Item>(
    state: &AppState,
    paging: Paging,
    filter: RestFilter,
    columns: &'static [Column],
    (limit, offset): (i64, i64),
    load: impl FnOnce(&mut PgConnection, Vec<Condition<QS>>, i64, i64) -> ella_db::Result<(Vec<Row>, i64)>
        + Send
        + 'static,
    to_wire: impl FnMut(Row) -> Item,
) -> Result<HttpResponse, ApiError>
where
    QS: 'static,
    Row: Send + 'static,
    Item: Serialize,
{
    if filter.selects_nothing() {
        return Ok(paging.respond::<Item>(&[], 0));
    }
    let (rows, total) = state
        .run(move |conn| Ok(load(conn, filter.conditions(columns)?, limit, offset)?))
        .await?;
    let items: Vec<Item> = rows.into_iter().map(to_wire).collect();
    Ok(paging.respond(&items, total))
}
