//! Pagination of list endpoints (api.md §1.6): the `page`, `per_page` and `limit` parameters and
//! the `Total-Count`, `Total-Pages`, `Page` and `Per-Page` headers.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use serde::Serialize;

use crate::extract::query_value;
use crate::lax::python_int;
use crate::ApiError;

/// `per_page` when the parameter is absent (ELLA: "leave at high value until the front-end
/// pages").
const DEFAULT_PER_PAGE: i64 = 10_000;

/// Largest `per_page` a client may ask for; larger values are clamped.
const MAX_PER_PAGE: i64 = 50;

/// The page a list request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// 1-based page number.
    pub page: i64,
    /// Items per page, after the default and the clamp.
    pub per_page: i64,
    /// Cap on the number of matches (only `/search/` uses it); `0` counts as none.
    pub limit: Option<i64>,
}

impl Paging {
    /// Reads `page`, `per_page` and `limit` as ELLA does; values ELLA fails on (non-integers, a
    /// zero or negative `per_page`, a negative page or limit, which PostgreSQL rejects as offset
    /// and limit) are invalid. An empty `limit` counts as absent.
    fn parse(request: &HttpRequest) -> Result<Self, ApiError> {
        let page = integer_parameter(request, "page")?.unwrap_or(1);
        // Only a given `per_page` is clamped; the default stays.
        let per_page = integer_parameter(request, "per_page")?
            .map_or(DEFAULT_PER_PAGE, |per_page| per_page.min(MAX_PER_PAGE));
        let limit = match query_value(request, "limit").filter(|text| !text.is_empty()) {
            Some(_) => integer_parameter(request, "limit")?.filter(|limit| *limit != 0),
            None => None,
        };
        if per_page < 1 || page < 0 || limit.is_some_and(|limit| limit < 0) {
            return Err(ApiError::InvalidRequest(
                "`page`, `per_page` or `limit` out of range".into(),
            ));
        }
        Ok(Self {
            page,
            per_page,
            limit,
        })
    }

    /// `LIMIT` and `OFFSET` of the page. Page 0 starts at the beginning, as in ELLA, which skips
    /// the offset for a falsy page number.
    pub fn limit_offset(self) -> (i64, i64) {
        (self.per_page, (self.page.max(1) - 1) * self.per_page)
    }

    /// The items of the page, out of all matching `items` in their order.
    pub fn slice<T>(self, items: &[T]) -> &[T] {
        let (limit, offset) = self.limit_offset();
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(items.len());
        let end = start
            .saturating_add(usize::try_from(limit).unwrap_or(usize::MAX))
            .min(items.len());
        &items[start..end]
    }

    /// A JSON list response with the paging headers; `total` counts the matches before paging.
    pub fn respond<T: Serialize>(self, items: &[T], total: i64) -> HttpResponse {
        self.respond_with(items, total)
    }

    /// A JSON response of any shape with the paging headers of `total` matches.
    pub fn respond_with<T: Serialize + ?Sized>(self, body: &T, total: i64) -> HttpResponse {
        let pages = ((total + self.per_page - 1) / self.per_page).max(1);
        HttpResponse::Ok()
            .insert_header(("Total-Count", total))
            .insert_header(("Total-Pages", pages))
            .insert_header(("Page", self.page))
            .insert_header(("Per-Page", self.per_page))
            .json(body)
    }
}

/// The query parameter `name` read with Python's `int()`, if present.
fn integer_parameter(request: &HttpRequest, name: &str) -> Result<Option<i64>, ApiError> {
    query_value(request, name)
        .map(|text| {
            python_int(&text)
                .ok_or_else(|| ApiError::InvalidRequest(format!("`{name}` is not an integer")))
        })
        .transpose()
}

impl FromRequest for Paging {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Self::parse(request))
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn paging(query: &str) -> Result<Paging, ApiError> {
        Paging::parse(&TestRequest::with_uri(&format!("/x?{query}")).to_http_request())
    }

    #[test]
    fn defaults_and_clamp() {
        let default = paging("").unwrap();
        assert_eq!((default.page, default.per_page), (1, 10_000));
        assert_eq!(paging("per_page=500").unwrap().per_page, 50);
        assert_eq!(
            paging("page=3&per_page=20").unwrap().limit_offset(),
            (20, 40)
        );
        assert_eq!(
            paging("page=0&per_page=20").unwrap().limit_offset(),
            (20, 0)
        );
    }

    #[test]
    fn limits_as_ella_reads_them() {
        assert_eq!(paging("").unwrap().limit, None);
        assert_eq!(paging("limit=").unwrap().limit, None);
        assert_eq!(paging("limit=0").unwrap().limit, None);
        assert_eq!(paging("limit=100").unwrap().limit, Some(100));
    }

    #[test]
    fn ella_failures_are_invalid() {
        for query in [
            "page=x",
            "per_page=0",
            "per_page=-1",
            "page=-2",
            "page=1.5",
            "limit=x",
            "limit=-1",
        ] {
            assert!(paging(query).is_err(), "{query}");
        }
    }

    #[test]
    fn slices_take_the_page() {
        let items = [1, 2, 3, 4, 5];
        assert_eq!(paging("per_page=2&page=2").unwrap().slice(&items), [3, 4]);
        assert_eq!(paging("per_page=2&page=3").unwrap().slice(&items), [5]);
        assert!(paging("per_page=2&page=9")
            .unwrap()
            .slice(&items)
            .is_empty());
        assert_eq!(paging("").unwrap().slice(&items), items);
    }

    #[test]
    fn headers_count_pages() {
        let response = paging("per_page=2").unwrap().respond(&[1, 2], 5);
        let header = |name: &str| response.headers().get(name).unwrap().to_str().unwrap();
        assert_eq!(header("Total-Count"), "5");
        assert_eq!(header("Total-Pages"), "3");
        assert_eq!(header("Page"), "1");
        assert_eq!(header("Per-Page"), "2");
        let empty = paging("").unwrap().respond::<i32>(&[], 0);
        assert_eq!(empty.headers().get("Total-Pages").unwrap(), "1");
    }
}
