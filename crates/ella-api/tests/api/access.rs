//! Access control over the whole route table (api.md §2.7): every route is classified by the
//! entity its path names, and a user of testgroup01 must not reach testgroup02's analysis
//! (HG002, analysis 1) through any route that takes an analysis id, nor testgroup02's gene panel
//! (Mendeliome v01) through any route that takes a panel. A route missing from
//! [`ROUTES`] fails the test, so a new route cannot be added without deciding its check.

use actix_web::http::Method;
use actix_web::test::{init_service, TestRequest};
use actix_web::{FromRequest, Handler, Responder};
use ella_api::{Body, RouteSink};

use crate::common::{get, send, IgvFolders, TestApi};

/// What a route's path names, and so the access check it must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guard {
    /// The path names no stored entity.
    NoEntity,
    /// The path takes an analysis id: only analyses of the caller's group's gene panels
    /// (api.md §2.7); any other is ELLA's 500.
    AnalysisPanel,
    /// The query parameters `analysis_id` and `gp_name`/`gp_version` may only name an analysis
    /// or gene panel of the caller's group (api.md §2.7); any other is 500.
    ContextQuery,
    /// The path names an allele; only the analyses of the caller's gene panels that contain it
    /// are listed.
    AlleleAnalyses,
    /// The path takes a gene panel: only the caller's group's panels; any other is 500 with
    /// ELLA's "Invalid genepanel" message.
    GroupPanel,
    /// The path names an entity that ELLA does not restrict, for the reason given.
    Unrestricted(&'static str),
}

/// Every route of the table with its guard.
const ROUTES: &[(&str, &str, Guard)] = &[
    ("POST", "/users/actions/login/", Guard::NoEntity),
    ("POST", "/users/actions/logout/", Guard::NoEntity),
    ("POST", "/users/actions/changepassword/", Guard::NoEntity),
    ("GET", "/users/currentuser/", Guard::NoEntity),
    ("GET", "/users/", Guard::NoEntity),
    (
        "GET",
        r"/users/{user_id:\d+}/",
        Guard::Unrestricted("users are visible to every logged-in user (api.md §4.1)"),
    ),
    ("GET", "/config/", Guard::NoEntity),
    ("GET", "/annotationconfigs/", Guard::NoEntity),
    ("GET", "/broadcasts/", Guard::NoEntity),
    ("GET", "/specs/", Guard::NoEntity),
    ("GET", "/analyses/", Guard::NoEntity),
    ("GET", r"/analyses/{analysis_id:\d+}/", Guard::AnalysisPanel),
    ("GET", "/alleles/", Guard::ContextQuery),
    (
        "GET",
        "/alleles/by-gene/",
        Guard::Unrestricted("gene symbols of alleles, which are shared by every group"),
    ),
    (
        "GET",
        r"/alleles/{allele_id:\d+}/analyses/",
        Guard::AlleleAnalyses,
    ),
    (
        "GET",
        "/alleleassessments/",
        Guard::Unrestricted(SHARED_CLASSIFICATIONS),
    ),
    (
        "GET",
        r"/alleleassessments/{aa_id:\d+}/",
        Guard::Unrestricted(SHARED_CLASSIFICATIONS),
    ),
    (
        "GET",
        "/allelereports/",
        Guard::Unrestricted(SHARED_CLASSIFICATIONS),
    ),
    (
        "GET",
        r"/allelereports/{ar_id:\d+}/",
        Guard::Unrestricted(SHARED_CLASSIFICATIONS),
    ),
    (
        "GET",
        "/referenceassessments/",
        Guard::Unrestricted(SHARED_CLASSIFICATIONS),
    ),
    (
        "GET",
        r"/referenceassessments/{ra_id:\d+}/",
        Guard::Unrestricted(SHARED_CLASSIFICATIONS),
    ),
    ("POST", "/referenceassessments/", Guard::NoEntity),
    ("GET", "/overviews/analyses/", Guard::NoEntity),
    ("GET", "/overviews/analyses/finalized/", Guard::NoEntity),
    ("GET", "/overviews/alleles/", Guard::NoEntity),
    ("GET", "/overviews/alleles/finalized/", Guard::NoEntity),
    ("GET", "/overviews/userstats/", Guard::NoEntity),
    ("GET", "/search/", Guard::NoEntity),
    ("GET", "/search/options/", Guard::NoEntity),
    ("GET", "/genepanels/", Guard::NoEntity),
    ("POST", "/genepanels/", Guard::NoEntity),
    ("GET", "/genepanels/{name}/{version}/", Guard::GroupPanel),
    ("POST", "/attachments/upload/", Guard::NoEntity),
    (
        "POST",
        r"/attachments/{attachment_id:\d+}",
        Guard::Unrestricted("the id is ignored: a new attachment is made (api.md §4.12)"),
    ),
    (
        "GET",
        r"/attachments/{attachment_id:\d+}",
        Guard::Unrestricted("attachments belong to allele assessments, visible to all users"),
    ),
    ("GET", "/attachments/", Guard::NoEntity),
    (
        "GET",
        r"/attachments/analyses/{analysis_id:\d+}/{index:\d+}/",
        Guard::Unrestricted("always 500: ELLA 1.17 lists no analysis attachments"),
    ),
    (
        "GET",
        r"/igv/tracks/{analysis_id:\d+}/",
        Guard::AnalysisPanel,
    ),
    (
        "GET",
        "/igv/{filename}",
        Guard::Unrestricted("reference genome files of `igv.valid_resource_files`"),
    ),
    ("GET", "/igv/search/", Guard::NoEntity),
    (
        "GET",
        "/igv/tracks/dynamic/genepanel/{gp_name}/{gp_version}/",
        Guard::GroupPanel,
    ),
    (
        "GET",
        "/igv/tracks/dynamic/classifications/",
        Guard::NoEntity,
    ),
    (
        "GET",
        r"/igv/tracks/dynamic/variants/{analysis_id:\d+}/",
        Guard::AnalysisPanel,
    ),
    (
        "GET",
        r"/igv/tracks/dynamic/regions_of_interest/{analysis_id:\d+}/",
        Guard::AnalysisPanel,
    ),
    (
        "GET",
        "/igv/tracks/static/{filepath}",
        Guard::Unrestricted("static tracks are checked against the track config's groups"),
    ),
    (
        "GET",
        r"/igv/tracks/analyses/{analysis_id:\d+}/{filename}",
        Guard::AnalysisPanel,
    ),
    ("POST", "/ui/exceptionlog/", Guard::NoEntity),
    ("GET", "/references/", Guard::NoEntity),
    ("POST", "/references/", Guard::NoEntity),
    ("GET", "/customannotations/", Guard::NoEntity),
    ("POST", "/customannotations/", Guard::NoEntity),
    ("GET", "/geneassessments/", Guard::NoEntity),
    ("POST", "/geneassessments/", Guard::NoEntity),
    (
        "GET",
        "/genepanels/{name}/{version}/stats/",
        Guard::GroupPanel,
    ),
];

/// Why assessments and reports are readable by every group: ELLA shares classifications, and
/// every allele object carries its current ones (api.md §2.7, §6.4).
const SHARED_CLASSIFICATIONS: &str =
    "classifications are shared: every allele object carries its current ones";

/// HG002-Trio.Mendeliome_v01, of testgroup02's panel Mendeliome v01.
const FOREIGN_ANALYSIS: &str = "1";

/// An allele of HG002 only.
const FOREIGN_ALLELE: &str = "5";

/// testgroup02's analysis and panel as query parameters, each alone.
const FOREIGN_CONTEXTS: [&str; 2] = ["analysis_id=1", "gp_name=Mendeliome&gp_version=v01"];
/// Mendeliome v01, testgroup02's panel.
const FOREIGN_PANEL: (&str, &str) = ("Mendeliome", "v01");

/// Collects the routes of the table as (method, path).
#[derive(Default)]
pub(crate) struct Collector(pub(crate) Vec<(Method, &'static str)>);

impl RouteSink for Collector {
    fn route<F, Args>(&mut self, method: Method, path: &'static str, _: Body, _: F)
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.0.push((method, path));
    }
}

/// `path` with every `{name:pattern}` parameter replaced by the id of the entity under test.
pub(crate) fn concrete(path: &str) -> String {
    let mut uri = String::from("/api/v1");
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').expect("closed parameter") + start;
        let name = rest[start + 1..end].split(':').next().expect("name");
        uri.push_str(&rest[..start]);
        uri.push_str(match name {
            "analysis_id" => FOREIGN_ANALYSIS,
            "allele_id" => FOREIGN_ALLELE,
            "filename" => "HG002.bam",
            "attachment_id" => "1",
            "name" | "gp_name" => FOREIGN_PANEL.0,
            "version" | "gp_version" => FOREIGN_PANEL.1,
            other => panic!("no test id for path parameter `{other}` of {path}"),
        });
        rest = &rest[end + 1..];
    }
    uri.push_str(rest);
    uri
}

/// The routes of the table whose guard is `guard` (at least one).
fn routes_guarded_by(guard: Guard) -> Vec<(Method, &'static str)> {
    let mut routes = Collector::default();
    ella_api::route_table(&mut routes);
    let guarded: Vec<_> = routes
        .0
        .into_iter()
        .filter(|(method, path)| guard_of(method, path) == Some(guard))
        .collect();
    assert!(!guarded.is_empty(), "no route is guarded by {guard:?}");
    guarded
}

fn guard_of(method: &Method, path: &str) -> Option<Guard> {
    ROUTES
        .iter()
        .find(|(known_method, known_path, _)| method == known_method && path == *known_path)
        .map(|(_, _, guard)| *guard)
}

#[test]
fn every_route_is_classified() {
    let mut routes = Collector::default();
    ella_api::route_table(&mut routes);
    let mut failures = Vec::new();
    for (method, path) in &routes.0 {
        match guard_of(method, path) {
            None => failures.push(format!(
                "{method} {path}: a new route without an access check"
            )),
            Some(Guard::NoEntity) if path.contains('{') => {
                failures.push(format!("{method} {path}: takes an id but has no guard"));
            }
            Some(_) => {}
        }
    }
    for (method, path, _) in ROUTES {
        if !routes.0.iter().any(|(m, p)| m == method && p == path) {
            failures.push(format!(
                "{method} {path}: classified but not in the route table"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[actix_web::test]
async fn testgroup01_cannot_reach_testgroup02s_analysis() {
    let api = TestApi::with_analyses();
    let folders = IgvFolders::new();
    let app = init_service(ella_api::app(
        api.state_with(|config| folders.apply(config)),
    ))
    .await;
    let intruder = api.session_cookie("testuser1");
    let owner = api.session_cookie("testuser4");
    let guarded = routes_guarded_by(Guard::AnalysisPanel);
    for (method, path) in &guarded {
        let uri = concrete(path);
        let request = |cookie: &str| {
            TestRequest::default()
                .method(method.clone())
                .uri(&uri)
                .insert_header(("Cookie", format!("AuthenticationToken={cookie}")))
                .set_json(serde_json::Map::new())
        };
        // ELLA's answer for an analysis outside the caller's panels (api.md §1.4, §2.7).
        send(&app, request(&intruder))
            .await
            .assert_message(500, "Internal Server Error");
        if *method == Method::GET {
            let reply = send(&app, request(&owner)).await;
            assert_eq!(reply.status, 200, "{method} {uri}: {}", reply.text());
        }
    }
}

#[actix_web::test]
async fn testgroup01_cannot_name_testgroup02s_analysis_or_panel() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let intruder = api.session_cookie("testuser1");
    let owner = api.session_cookie("testuser4");
    let guarded = routes_guarded_by(Guard::ContextQuery);
    for (method, path) in &guarded {
        for context in FOREIGN_CONTEXTS {
            let uri = format!("{}?{context}", concrete(path));
            let request = |cookie: &str| {
                TestRequest::default()
                    .method(method.clone())
                    .uri(&uri)
                    .insert_header(("Cookie", format!("AuthenticationToken={cookie}")))
            };
            send(&app, request(&intruder))
                .await
                .assert_message(500, "Internal Server Error");
            let reply = send(&app, request(&owner)).await;
            assert_eq!(reply.status, 200, "{method} {uri}: {}", reply.text());
        }
    }
}

#[actix_web::test]
async fn testgroup01_sees_no_analysis_of_testgroup02_through_an_allele() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let intruder = api.session_cookie("testuser1");
    let owner = api.session_cookie("testuser4");
    let guarded = routes_guarded_by(Guard::AlleleAnalyses);
    for (method, path) in &guarded {
        let uri = concrete(path);
        let request = |cookie: &str| {
            TestRequest::default()
                .method(method.clone())
                .uri(&uri)
                .insert_header(("Cookie", format!("AuthenticationToken={cookie}")))
        };
        let hidden = send(&app, request(&intruder)).await;
        assert_eq!(hidden.status, 200, "{method} {uri}: {}", hidden.text());
        assert_eq!(hidden.json(), serde_json::json!([]), "{method} {uri}");
        let shown = send(&app, request(&owner)).await.json();
        assert_eq!(shown[0]["id"], 1, "{method} {uri}: {shown}");
    }
}

#[actix_web::test]
async fn testgroup01_cannot_read_testgroup02s_panels() {
    let api = TestApi::with_analyses();
    let app = init_service(ella_api::app(api.state.clone())).await;
    let intruder = api.session_cookie("testuser1");
    let owner = api.session_cookie("testuser4");
    let guarded = routes_guarded_by(Guard::GroupPanel);
    for (method, path) in &guarded {
        assert_eq!(*method, Method::GET, "{path}");
        let uri = concrete(path);
        let reply = get(&app, &uri, Some(&intruder)).await;
        assert_eq!(reply.status, 500, "{uri}: {}", reply.text());
        let message = reply.json()["message"].as_str().unwrap().to_owned();
        assert!(
            message.starts_with("Invalid genepanel name"),
            "{uri}: {message}"
        );
        assert!(message.contains("Mendeliome"), "{uri}: {message}");
        let reply = get(&app, &uri, Some(&owner)).await;
        assert_eq!(reply.status, 200, "{uri}: {}", reply.text());
    }
}
