//! Pagination of list endpoints (api.md §1.6): the `page` and `per_page` parameters and the
//! `Total-Count`, `Total-Pages`, `Page` and `Per-Page` headers.

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
}

impl Paging {
    /// Reads `page` and `per_page` as ELLA does; values ELLA fails on (non-integers, a zero or
    /// negative `per_page`, a negative page, which PostgreSQL rejects as an offset) are invalid.
    fn parse(request: &HttpRequest) -> Result<Self, ApiError> {
        let page = integer_parameter(request, "page")?.unwrap_or(1);
        // Only a given `per_page` is clamped; the default stays.
        let per_page = integer_parameter(request, "per_page")?
            .map_or(DEFAULT_PER_PAGE, |per_page| per_page.min(MAX_PER_PAGE));
        if per_page < 1 || page < 0 {
            return Err(ApiError::InvalidRequest(
                "`page` or `per_page` out of range".into(),
            ));
        }
        Ok(Self { page, per_page })
    }

    /// `LIMIT` and `OFFSET` of the page. Page 0 starts at the beginning, as in ELLA, which skips
    /// the offset for a falsy page number.
    pub fn limit_offset(self) -> (i64, i64) {
        (self.per_page, (self.page.max(1) - 1) * self.per_page)
    }

    /// A JSON list response with the paging headers; `total` counts the matches before paging.
    pub fn respond<T: Serialize>(self, items: &[T], total: i64) -> HttpResponse {
        let pages = ((total + self.per_page - 1) / self.per_page).max(1);
        HttpResponse::Ok()
            .insert_header(("Total-Count", total))
            .insert_header(("Total-Pages", pages))
            .insert_header(("Page", self.page))
            .insert_header(("Per-Page", self.per_page))
            .json(items)
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
    fn ella_failures_are_invalid() {
        for query in ["page=x", "per_page=0", "per_page=-1", "page=-2", "page=1.5"] {
            assert!(paging(query).is_err(), "{query}");
        }
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
