//! ELLA's REST API (`/api/v1`, api.md) on actix-web, wire-compatible with ELLA v1.17.
//!
//! A request goes through [`middleware`] (session from the cookie, body read under a limit,
//! request log afterwards), is routed by the one table in [`routes`] to a thin handler in
//! [`handlers`], which extracts its input ([`extract`], [`paging`], [`filter`], [`session`]), runs
//! its use case on a pooled connection off the async threads ([`AppState`]) and answers with the
//! wire types of [`wire`]. Every failure is an [`ApiError`], mapped to ELLA's status codes and
//! error shapes in one place.
//!
//! The binary `ella-api` (`src/main.rs`) loads the configuration once and serves [`app`].

mod account;
mod config_document;
mod error;
mod extract;
mod files;
mod filter;
mod handlers;
mod igv;
mod lax;
mod middleware;
mod openapi;
mod paging;
mod routes;
mod search_query;
mod session;
mod state;
mod wire;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App};

pub use error::ApiError;
pub use routes::{table as route_table, Body, RouteSink};
pub use state::{AppState, StartupError};

/// The application: routes under `/api/v1`, the request middleware and ELLA's answers to
/// requests no route takes. Used by the server (one per worker) and by the tests.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let mut registrar = routes::Registrar::default();
    routes::table(&mut registrar);
    App::new()
        .app_data(state)
        .app_data(web::PayloadConfig::new(middleware::MAX_BODY_BYTES))
        .app_data(
            web::PathConfig::default()
                .error_handler(|error, _| ApiError::InvalidRequest(error.to_string()).into()),
        )
        .wrap(actix_web::middleware::from_fn(middleware::request_cycle))
        .service(web::scope("/api/v1").configure(|config| registrar.register(config)))
        .default_service(web::to(routes::unmatched))
}
