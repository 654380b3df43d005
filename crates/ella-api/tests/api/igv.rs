//! IGV (api.md §4.13): the track configuration, track files with byte ranges, the dynamic
//! tracks and the locus search, on the repository's `testdata/igv-data`.

use actix_web::test::{init_service, TestRequest};
use serde_json::json;

use crate::common::{get, send, IgvFolders, TestApi, FAKE_BAM};

#[actix_web::test]
async fn tracks_files_and_search() {
    let api = TestApi::with_analyses();
    let folders = IgvFolders::new();
    let app = init_service(ella_api::app(
        api.state_with(|config| folders.apply(config)),
    ))
    .await;
    let owner = api.session_cookie("testuser4");
    let brca_user = api.session_cookie("testuser1");

    let reply = get(&app, "/api/v1/igv/tracks/1/?allele_ids=1,2", Some(&owner)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let tracks = reply.json();
    let mut ids: Vec<&String> = tracks.as_object().expect("object").keys().collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "ANALYSIS/HG002.bam",
            "DYNAMIC/classifications",
            "DYNAMIC/genepanel",
            "DYNAMIC/regions_of_interest",
            "DYNAMIC/variants",
            "STATIC/uniprot.domains.bed.gz",
        ]
    );
    assert_eq!(
        tracks["DYNAMIC/variants"]["igv"]["url"],
        "/api/v1/igv/tracks/dynamic/variants/1/?allele_ids=1,2"
    );
    assert_eq!(
        tracks["DYNAMIC/genepanel"]["igv"]["url"],
        "/api/v1/igv/tracks/dynamic/genepanel/Mendeliome/v01/"
    );
    assert_eq!(
        tracks["ANALYSIS/HG002.bam"]["igv"],
        json!({"name": "BAM: Proband", "format": "bam", "colorBy": "strand",
               "negStrandColor": "rgb(150,150,230)", "posStrandColor": "rgb(230,150,150)",
               "alignmentRowHeight": 12, "visibilityWindow": 20000, "order": 1000,
               "displayMode": "EXPANDED",
               "url": "/api/v1/igv/tracks/analyses/1/HG002.bam",
               "indexURL": "/api/v1/igv/tracks/analyses/1/HG002.bam?index=1"})
    );
    assert_eq!(
        tracks["STATIC/uniprot.domains.bed.gz"]["applied_rules"],
        json!([
            "^STATIC/.*$",
            "^STATIC/.*\\.bed\\.gz$",
            "^STATIC/uniprot\\.domains\\.bed\\.gz$"
        ])
    );
    assert!(tracks["STATIC/uniprot.domains.bed.gz"]
        .get("limit_to_groups")
        .is_none());

    // Track files: whole, a byte range, the index; analysis tracks need the analysis' panel.
    let reply = get(
        &app,
        "/api/v1/igv/tracks/analyses/1/HG002.bam",
        Some(&owner),
    )
    .await;
    assert_eq!((reply.status, &reply.body[..]), (200, FAKE_BAM));
    assert_eq!(reply.header("cache-control"), Some("public, max-age=43200"));
    let ranged = TestRequest::get()
        .uri("/api/v1/igv/tracks/analyses/1/HG002.bam")
        .insert_header(("Cookie", format!("AuthenticationToken={owner}")))
        .insert_header(("Range", "bytes=2-5"));
    let reply = send(&app, ranged).await;
    assert_eq!((reply.status, &reply.body[..]), (206, &b"2345"[..]));
    assert_eq!(reply.header("content-range"), Some("bytes 2-5/20"));
    let reply = get(
        &app,
        "/api/v1/igv/tracks/analyses/1/HG002.bam?index=1",
        Some(&owner),
    )
    .await;
    assert_eq!(&reply.body[..], b"index");
    let reply = get(&app, "/api/v1/igv/tracks/analyses/1/..", Some(&owner)).await;
    assert_eq!(reply.status, 500);
    let reply = get(
        &app,
        "/api/v1/igv/tracks/analyses/2/HG002.bam",
        Some(&brca_user),
    )
    .await;
    reply.assert_message(500, "Requested analysis id doesn't contain any tracks.");

    // Static tracks: only those the track config shows the caller's group; no traversal.
    let uniprot = std::fs::read(ella_test_support::testdata(
        "igv-data/tracks/uniprot.domains.bed.gz",
    ))
    .expect("track");
    let reply = get(
        &app,
        "/api/v1/igv/tracks/static/uniprot.domains.bed.gz",
        Some(&owner),
    )
    .await;
    assert_eq!((reply.status, reply.body.len()), (200, uniprot.len()));
    let reply = get(
        &app,
        "/api/v1/igv/tracks/static/uniprot.domains.bed.gz?index=1",
        Some(&owner),
    )
    .await;
    assert_eq!(reply.status, 200);
    assert_ne!(reply.body.len(), uniprot.len());
    for hidden in [
        "refGene_ucsctb_151113.sorted.bed.gz",
        "..",
        "nothing.bed",
        "%2Fetc%2Fpasswd",
    ] {
        let reply = get(
            &app,
            &format!("/api/v1/igv/tracks/static/{hidden}"),
            Some(&owner),
        )
        .await;
        reply.assert_message(500, "not authorized");
    }
    let reply = get(&app, "/api/v1/igv/passwd", Some(&owner)).await;
    reply.assert_message(500, "File is not in list of permitted accessible files.");
    let reply = get(&app, "/api/v1/igv/cytoBand.txt", Some(&owner)).await;
    reply.assert_message(500, "Internal Server Error");

    // Dynamic tracks.
    let reply = get(
        &app,
        "/api/v1/igv/tracks/dynamic/genepanel/HBOC/v01/",
        Some(&brca_user),
    )
    .await;
    assert_eq!(reply.status, 200);
    let bed = reply.text();
    let first = bed
        .lines()
        .find(|line| line.contains("BRCA1"))
        .expect("BRCA1");
    let columns: Vec<&str> = first.split('\t').collect();
    assert_eq!(columns.len(), 13, "{first}");
    assert_eq!(
        &columns[..6],
        [
            "17",
            "41196311",
            "41277468",
            "BRCA1(NM_007297.3)",
            "1000.0",
            "-"
        ]
    );
    assert_eq!(columns[9], "22");
    // Exon lengths and starts relative to the transcript, each with a trailing comma.
    assert_eq!(columns[10].split(',').count(), 23, "{first}");
    assert!(
        columns[10].ends_with(',') && columns[11].starts_with("0,3348,"),
        "{first}"
    );
    assert_eq!(columns[12], "foo");

    api.execute(
        "INSERT INTO alleleassessment (classification, evaluation, user_id, date_created, allele_id, \
         genepanel_name, genepanel_version) VALUES ('5', '{}', 1, '2024-01-02T03:04:05Z', 1, 'HBOC', 'v01')",
    );
    let reply = get(
        &app,
        "/api/v1/igv/tracks/dynamic/classifications/",
        Some(&owner),
    )
    .await;
    assert_eq!(reply.header("cache-control"), Some("public, max-age=1800"));
    let line = reply.text();
    assert!(!line.contains('\n'));
    assert!(
        line.contains("\tELLA interpretation\tClassification\t"),
        "{line}"
    );
    assert!(
        line.contains("Name=Class 5; Assessment=<a href='/workflows/variants/GRCh37/"),
        "{line}"
    );
    assert!(line.ends_with("; Date created=2024-01-02"), "{line}");

    let reply = get(
        &app,
        "/api/v1/igv/tracks/dynamic/regions_of_interest/1/?allele_ids=2,1",
        Some(&owner),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let regions = reply.text();
    assert_eq!(regions.lines().count(), 2, "{regions}");
    assert!(regions.ends_with('\n'));
    let empty = get(
        &app,
        "/api/v1/igv/tracks/dynamic/regions_of_interest/1/",
        Some(&owner),
    )
    .await;
    assert_eq!(empty.text(), "\n");

    // The variants of HG002 as VCF: the trio's proband only, records by position.
    let reply = get(
        &app,
        "/api/v1/igv/tracks/dynamic/variants/1/?allele_ids=2,1",
        Some(&owner),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let vcf = reply.text();
    let header = vcf
        .lines()
        .find(|line| line.starts_with("#CHROM"))
        .expect("header");
    assert_eq!(
        header.split('\t').skip(9).collect::<Vec<_>>(),
        ["HG002"],
        "{vcf}"
    );
    let records: Vec<&str> = vcf.lines().filter(|line| !line.starts_with('#')).collect();
    assert_eq!(records.len(), 2, "{vcf}");
    for record in &records {
        let columns: Vec<&str> = record.split('\t').collect();
        assert_eq!(columns.len(), 10, "{record}");
        assert_eq!(columns[8], "GT:CN");
        assert!(["0/1:.", "1/1:."].contains(&columns[9]), "{record}");
    }
    let header_only = get(&app, "/api/v1/igv/tracks/dynamic/variants/1/", Some(&owner)).await;
    assert_eq!(header_only.text().lines().count(), 6);

    // Locus search: a gene spans all its transcripts (BRCA1 has several across the panels).
    let reply = get(&app, "/api/v1/igv/search/?q=brca", Some(&owner)).await;
    assert_eq!(
        reply.json(),
        json!([{"chromosome": "17", "start": 41_196_311, "end": 41_277_500}])
    );
    let reply = get(&app, "/api/v1/igv/search/?q=nm_007297", Some(&owner)).await;
    assert_eq!(
        reply.json(),
        json!([{"chromosome": "17", "start": 41_196_311, "end": 41_277_468}])
    );
    for nothing in ["", "zzzz", "NM_99999999"] {
        let reply = get(
            &app,
            &format!("/api/v1/igv/search/?q={nothing}"),
            Some(&owner),
        )
        .await;
        assert_eq!(reply.json(), json!([]), "{nothing}");
    }
}
