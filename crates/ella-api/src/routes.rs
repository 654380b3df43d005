//! The route table: every endpoint of the API in one place (api.md §3).
//!
//! [`table`] lists the routes once. Walking it with [`Registrar`] registers them with actix;
//! the OpenAPI test walks it to check that every route is documented. Paths are relative to
//! `/api/v1` and written as ELLA declares them; each is answered both with and without its
//! trailing slash (api.md §1.1, recommended form: no redirect).

use actix_web::http::{header, Method};
use actix_web::{
    guard, middleware, web, FromRequest, Handler, HttpRequest, HttpResponse, Responder,
};

use crate::handlers::{
    alleles, analyses, annotationconfigs, assessments, attachments, broadcasts, config,
    customannotations, geneassessments, genepanels, igv, overviews, references, search, specs, ui,
    users,
};
use crate::middleware::hide_payload;
use crate::ApiError;

/// What the request log keeps of a route's request bodies (api.md §2.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// The body is stored in `resourcelog.payload`.
    Logged,
    /// The body holds a password or the UI's whole client state and is never stored.
    Hidden,
}

/// Something that takes the routes of [`table`].
pub trait RouteSink {
    /// Takes the route `method` `path` (relative to `/api/v1`) served by `handler`.
    fn route<F, Args>(&mut self, method: Method, path: &'static str, body: Body, handler: F)
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static;
}

/// Every route of the API. `{name:\d+}` is ELLA's `{name:int}` (api.md §1.1).
pub fn table(sink: &mut impl RouteSink) {
    use Body::{Hidden, Logged};
    sink.route(Method::POST, "/users/actions/login/", Hidden, users::login);
    sink.route(
        Method::POST,
        "/users/actions/logout/",
        Logged,
        users::logout,
    );
    sink.route(
        Method::POST,
        "/users/actions/changepassword/",
        Hidden,
        users::change_password,
    );
    sink.route(
        Method::GET,
        "/users/currentuser/",
        Logged,
        users::current_user,
    );
    sink.route(Method::GET, "/users/", Logged, users::list_users);
    sink.route(
        Method::GET,
        r"/users/{user_id:\d+}/",
        Logged,
        users::get_user,
    );
    sink.route(Method::GET, "/config/", Logged, config::get_config);
    sink.route(
        Method::GET,
        "/annotationconfigs/",
        Logged,
        annotationconfigs::list_annotation_configs,
    );
    sink.route(
        Method::GET,
        "/broadcasts/",
        Logged,
        broadcasts::list_broadcasts,
    );
    sink.route(Method::GET, "/specs/", Logged, specs::get_specs);
    sink.route(Method::GET, "/analyses/", Logged, analyses::list_analyses);
    sink.route(
        Method::GET,
        r"/analyses/{analysis_id:\d+}/",
        Logged,
        analyses::get_analysis,
    );
    allele_routes(sink);
    genepanel_routes(sink);
    literature_and_assessment_routes(sink);
    attachment_routes(sink);
    igv_routes(sink);
    sink.route(Method::POST, "/ui/exceptionlog/", Hidden, ui::log_exception);
}

/// Gene panels (api.md §4.8).
fn genepanel_routes(sink: &mut impl RouteSink) {
    use Body::Logged;
    sink.route(
        Method::GET,
        "/genepanels/",
        Logged,
        genepanels::list_genepanels,
    );
    sink.route(
        Method::POST,
        "/genepanels/",
        Logged,
        genepanels::create_genepanel,
    );
    sink.route(
        Method::GET,
        "/genepanels/{name}/{version}/",
        Logged,
        genepanels::get_genepanel,
    );
    sink.route(
        Method::GET,
        "/genepanels/{name}/{version}/stats/",
        Logged,
        genepanels::get_genepanel_stats,
    );
}

/// References, custom annotations and gene assessments (api.md §4.7, §4.9, §4.10).
fn literature_and_assessment_routes(sink: &mut impl RouteSink) {
    use Body::Logged;
    sink.route(
        Method::GET,
        "/references/",
        Logged,
        references::list_references,
    );
    sink.route(
        Method::POST,
        "/references/",
        Logged,
        references::create_reference,
    );
    sink.route(
        Method::GET,
        "/customannotations/",
        Logged,
        customannotations::list_customannotations,
    );
    sink.route(
        Method::POST,
        "/customannotations/",
        Logged,
        customannotations::create_customannotation,
    );
    sink.route(
        Method::GET,
        "/geneassessments/",
        Logged,
        geneassessments::list_geneassessments,
    );
    sink.route(
        Method::POST,
        "/geneassessments/",
        Logged,
        geneassessments::create_geneassessment,
    );
}

/// Attachments (api.md §4.12).
fn attachment_routes(sink: &mut impl RouteSink) {
    use Body::Logged;
    sink.route(
        Method::POST,
        "/attachments/upload/",
        Logged,
        attachments::upload_attachment,
    );
    sink.route(
        Method::POST,
        r"/attachments/{attachment_id:\d+}",
        Logged,
        attachments::upload_attachment_alias,
    );
    sink.route(
        Method::GET,
        r"/attachments/{attachment_id:\d+}",
        Logged,
        attachments::get_attachment,
    );
    sink.route(
        Method::GET,
        "/attachments/",
        Logged,
        attachments::list_attachments,
    );
    sink.route(
        Method::GET,
        r"/attachments/analyses/{analysis_id:\d+}/{index:\d+}/",
        Logged,
        attachments::get_analysis_attachment,
    );
}

/// IGV configuration, files and dynamic tracks (api.md §4.13).
fn igv_routes(sink: &mut impl RouteSink) {
    use Body::Logged;
    sink.route(
        Method::GET,
        r"/igv/tracks/{analysis_id:\d+}/",
        Logged,
        igv::get_tracks,
    );
    // Before `/igv/{filename}`, whose slashed form would take `search/`.
    sink.route(Method::GET, "/igv/search/", Logged, igv::search);
    sink.route(
        Method::GET,
        "/igv/{filename}",
        Logged,
        igv::get_resource_file,
    );
    sink.route(
        Method::GET,
        "/igv/tracks/dynamic/genepanel/{gp_name}/{gp_version}/",
        Logged,
        igv::get_genepanel_track,
    );
    sink.route(
        Method::GET,
        "/igv/tracks/dynamic/classifications/",
        Logged,
        igv::get_classifications_track,
    );
    sink.route(
        Method::GET,
        r"/igv/tracks/dynamic/variants/{analysis_id:\d+}/",
        Logged,
        igv::get_variants_track,
    );
    sink.route(
        Method::GET,
        r"/igv/tracks/dynamic/regions_of_interest/{analysis_id:\d+}/",
        Logged,
        igv::get_regions_of_interest_track,
    );
    sink.route(
        Method::GET,
        "/igv/tracks/static/{filepath}",
        Logged,
        igv::get_static_track,
    );
    sink.route(
        Method::GET,
        r"/igv/tracks/analyses/{analysis_id:\d+}/{filename}",
        Logged,
        igv::get_analysis_track,
    );
}

/// The allele and assessment routes (api.md §4.3, §4.6).
fn allele_routes(sink: &mut impl RouteSink) {
    use Body::Logged;
    sink.route(Method::GET, "/alleles/", Logged, alleles::list_alleles);
    sink.route(
        Method::GET,
        "/alleles/by-gene/",
        Logged,
        alleles::list_alleles_by_gene,
    );
    sink.route(
        Method::GET,
        r"/alleles/{allele_id:\d+}/analyses/",
        Logged,
        alleles::list_allele_analyses,
    );
    sink.route(
        Method::GET,
        "/alleleassessments/",
        Logged,
        assessments::list_allele_assessments,
    );
    sink.route(
        Method::GET,
        r"/alleleassessments/{aa_id:\d+}/",
        Logged,
        assessments::get_allele_assessment,
    );
    sink.route(
        Method::GET,
        "/allelereports/",
        Logged,
        assessments::list_allele_reports,
    );
    sink.route(
        Method::GET,
        r"/allelereports/{ar_id:\d+}/",
        Logged,
        assessments::get_allele_report,
    );
    sink.route(
        Method::GET,
        "/referenceassessments/",
        Logged,
        assessments::list_reference_assessments,
    );
    sink.route(
        Method::GET,
        r"/referenceassessments/{ra_id:\d+}/",
        Logged,
        assessments::get_reference_assessment,
    );
    sink.route(
        Method::POST,
        "/referenceassessments/",
        Logged,
        assessments::create_reference_assessment,
    );
    sink.route(
        Method::GET,
        "/overviews/analyses/",
        Logged,
        overviews::overview_analyses,
    );
    sink.route(
        Method::GET,
        "/overviews/analyses/finalized/",
        Logged,
        overviews::finalized_analyses,
    );
    sink.route(
        Method::GET,
        "/overviews/alleles/",
        Logged,
        overviews::overview_alleles,
    );
    sink.route(
        Method::GET,
        "/overviews/alleles/finalized/",
        Logged,
        overviews::finalized_alleles,
    );
    sink.route(
        Method::GET,
        "/overviews/userstats/",
        Logged,
        overviews::user_stats,
    );
    sink.route(Method::GET, "/search/", Logged, search::search);
    sink.route(
        Method::GET,
        "/search/options/",
        Logged,
        search::search_options,
    );
}

/// Registers the routes with actix, grouped by path so that a path's other methods get 405.
#[derive(Default)]
pub struct Registrar {
    resources: Vec<(&'static str, Vec<(Method, actix_web::Route)>)>,
}

impl RouteSink for Registrar {
    fn route<F, Args>(&mut self, method: Method, path: &'static str, body: Body, handler: F)
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let route = if method == Method::GET {
            // HEAD is answered wherever GET is (api.md §1.1).
            web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
        } else {
            web::route().method(method.clone())
        };
        let route = match body {
            Body::Logged => route.to(handler),
            Body::Hidden => route.to(handler).wrap(middleware::from_fn(hide_payload)),
        };
        match self.resources.iter_mut().find(|(known, _)| *known == path) {
            Some((_, routes)) => routes.push((method, route)),
            None => self.resources.push((path, vec![(method, route)])),
        }
    }
}

impl Registrar {
    /// Adds the collected routes to `config`.
    pub fn register(self, config: &mut web::ServiceConfig) {
        for (path, routes) in self.resources {
            let mut allowed: Vec<&str> = routes.iter().map(|(method, _)| method.as_str()).collect();
            if allowed.contains(&"GET") {
                allowed.push("HEAD");
            }
            allowed.push("OPTIONS");
            let allow = allowed.join(", ");
            let mut resource = web::resource(both_forms(path));
            for (_, route) in routes {
                resource = resource.route(route);
            }
            config.service(
                resource.default_service(web::to(move |request: HttpRequest| {
                    let allow = allow.clone();
                    async move { other_method(&request, allow) }
                })),
            );
        }
    }
}

/// `path` with and without its trailing slash.
fn both_forms(path: &str) -> Vec<String> {
    match path.strip_suffix('/') {
        Some(bare) => vec![path.to_owned(), bare.to_owned()],
        None => vec![path.to_owned(), format!("{path}/")],
    }
}

/// A method the path has no route for: `OPTIONS` lists the methods, anything else is 405
/// (api.md §1.1).
fn other_method(request: &HttpRequest, allow: String) -> Result<HttpResponse, ApiError> {
    if request.method() == Method::OPTIONS {
        Ok(HttpResponse::Ok()
            .insert_header((header::ALLOW, allow))
            .finish())
    } else {
        Err(ApiError::MethodNotAllowed)
    }
}

/// Requests no route matches: ELLA answers `GET` of an unknown `/api/v…` path with 400
/// `Bad request` and other methods with 405 (api.md §1.1).
pub async fn unmatched(request: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(if [Method::GET, Method::HEAD].contains(request.method()) {
        ApiError::UnknownPath
    } else {
        ApiError::MethodNotAllowed
    })
}
