//! The OpenAPI 3 document, generated from the handlers' `#[utoipa::path]` annotations and the
//! wire types. A test checks that every route of the route table is in it.

use utoipa::OpenApi;

use crate::handlers::{
    alleles, analyses, annotationconfigs, assessments, attachments, broadcasts, config,
    customannotations, geneassessments, genepanels, igv, overviews, references, search, specs, ui,
    users,
};

/// The API's OpenAPI document (title and version as ELLA's Swagger document).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ella API",
        version = "1.0",
        description = "ELLA's REST API v1."
    ),
    paths(
        users::login,
        users::logout,
        users::change_password,
        users::current_user,
        users::list_users,
        users::get_user,
        config::get_config,
        annotationconfigs::list_annotation_configs,
        broadcasts::list_broadcasts,
        specs::get_specs,
        analyses::list_analyses,
        analyses::get_analysis,
        alleles::list_alleles,
        alleles::list_alleles_by_gene,
        alleles::list_allele_analyses,
        assessments::list_allele_assessments,
        assessments::get_allele_assessment,
        assessments::list_allele_reports,
        assessments::get_allele_report,
        assessments::list_reference_assessments,
        assessments::get_reference_assessment,
        assessments::create_reference_assessment,
        overviews::overview_analyses,
        overviews::finalized_analyses,
        overviews::overview_alleles,
        overviews::finalized_alleles,
        overviews::user_stats,
        search::search,
        search::search_options,
        genepanels::list_genepanels,
        genepanels::create_genepanel,
        genepanels::get_genepanel,
        genepanels::get_genepanel_stats,
        references::list_references,
        references::create_reference,
        customannotations::list_customannotations,
        customannotations::create_customannotation,
        geneassessments::list_geneassessments,
        geneassessments::create_geneassessment,
        attachments::upload_attachment,
        attachments::upload_attachment_alias,
        attachments::get_attachment,
        attachments::list_attachments,
        attachments::get_analysis_attachment,
        igv::get_tracks,
        igv::get_resource_file,
        igv::search,
        igv::get_genepanel_track,
        igv::get_classifications_track,
        igv::get_regions_of_interest_track,
        igv::get_variants_track,
        igv::get_static_track,
        igv::get_analysis_track,
        ui::log_exception,
    )
)]
pub struct ApiDoc;

#[cfg(test)]
mod tests {
    use actix_web::http::Method;
    use actix_web::{FromRequest, Handler, Responder};

    use super::*;
    use crate::routes::{table, Body, RouteSink};

    /// Collects the routes of the table as (method, OpenAPI path).
    #[derive(Default)]
    struct Collector(Vec<(Method, String)>);

    impl RouteSink for Collector {
        fn route<F, Args>(&mut self, method: Method, path: &'static str, _: Body, _: F)
        where
            F: Handler<Args>,
            Args: FromRequest + 'static,
            F::Output: Responder + 'static,
        {
            // `{user_id:\d+}` is `{user_id}` in OpenAPI: drop each parameter's pattern.
            let mut openapi_path = String::from("/api/v1");
            let mut skipping = false;
            for c in path.chars() {
                match c {
                    ':' => skipping = true,
                    '}' => skipping = false,
                    _ => {}
                }
                if !skipping {
                    openapi_path.push(c);
                }
            }
            self.0.push((method, openapi_path));
        }
    }

    #[test]
    fn every_route_is_documented() {
        let mut routes = Collector::default();
        table(&mut routes);
        let document = ApiDoc::openapi();
        for (method, path) in &routes.0 {
            let item = document
                .paths
                .paths
                .get(path)
                .unwrap_or_else(|| panic!("{path} is not in the OpenAPI document"));
            let operation = match *method {
                Method::GET => &item.get,
                Method::POST => &item.post,
                _ => panic!("unexpected method {method}"),
            };
            assert!(operation.is_some(), "{method} {path} is not documented");
        }
        assert_eq!(
            routes.0.len(),
            document
                .paths
                .paths
                .values()
                .map(|item| [&item.get, &item.post]
                    .iter()
                    .filter(|op| op.is_some())
                    .count())
                .sum::<usize>(),
            "the document has operations the route table does not"
        );
    }
}
