//! Attachments (api.md §4.12): uploads into the content-addressed storage under the size limit,
//! downloads with ELLA's headers, and the records.

use actix_web::test::{init_service, TestRequest};

use crate::common::{get, send, TestApi};

const BOUNDARY: &str = "----ellaTestBoundary";

/// A `multipart/form-data` upload of `content` as field `field` named `filename`.
fn upload(field: &str, filename: &str, content: &[u8], cookie: &str) -> TestRequest {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    TestRequest::post()
        .uri("/api/v1/attachments/upload/")
        .insert_header((
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        ))
        .insert_header(("Cookie", format!("AuthenticationToken={cookie}")))
        .set_payload(body)
}

fn files_below(folder: &std::path::Path) -> usize {
    std::fs::read_dir(folder).map_or(0, Iterator::count)
}

#[actix_web::test]
async fn uploads_are_stored_by_content_and_served_back() {
    let api = TestApi::with_fixtures();
    let storage = tempfile::tempdir().expect("temp dir");
    let root = storage.path().to_owned();
    let state = api.state_with(|config| {
        config.settings.app.attachment_storage = Some(root.display().to_string());
        config.settings.app.max_upload_size = 1000;
    });
    let app = init_service(ella_api::app(state)).await;
    let cookie = api.session_cookie("testuser1");
    let content = b"%PDF-1.4 a small test file";
    // sha256 of `content`.
    let sha256 = crate::common::sha256_hex(std::str::from_utf8(content).expect("text"));

    let reply = send(&app, upload("file", "report.v2.pdf", content, &cookie)).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let id = reply.json()["id"].as_i64().expect("id");
    let stored = root.join(&sha256[..2]).join(&sha256);
    assert_eq!(std::fs::read(&stored).expect("stored file"), content);
    assert_eq!(files_below(&root.join("tmp")), 0);
    assert_eq!(
        api.number(&format!(
            "SELECT count(*) AS n FROM attachment WHERE id = {id} AND sha256 = '{sha256}' \
             AND filename = 'report.v2.pdf' AND size = {} AND extension = 'pdf' \
             AND mimetype = 'application/pdf' AND user_id = 1",
            content.len()
        )),
        1
    );
    // The body is not copied to the request log.
    assert_eq!(
        api.number(
            "SELECT count(*) AS n FROM resourcelog WHERE method = 'POST' AND payload IS NULL"
        ),
        1
    );

    let reply = get(&app, &format!("/api/v1/attachments/{id}"), Some(&cookie)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(&reply.body[..], content);
    assert_eq!(reply.header("content-type"), Some("application/pdf"));
    assert_eq!(
        reply.header("content-disposition"),
        Some("attachment; filename=\"report.v2.pdf\"")
    );
    assert_eq!(reply.header("cache-control"), Some("public, max-age=43200"));
    assert!(reply.header("etag").is_some());
    assert!(reply.header("last-modified").is_some());

    std::fs::write(
        root.join(&sha256[..2]).join(format!("{sha256}.thumbnail")),
        b"jpeg",
    )
    .expect("thumbnail");
    let reply = get(
        &app,
        &format!("/api/v1/attachments/?q=%7B%22id%22%3A%5B{id}%5D%7D"),
        Some(&cookie),
    )
    .await;
    let listed = reply.json();
    assert_eq!(listed[0]["thumbnail"], "anBlZw==");
    assert_eq!(listed[0]["user"]["username"], "testuser1");
    assert_eq!(listed[0]["sha256"], sha256.as_str());
    assert_eq!(reply.header("total-count"), Some("1"));

    // The same content again: a new row, one file.
    let reply = send(&app, upload("file", "again", content, &cookie)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["id"].as_i64(), Some(id + 1));
    assert_eq!(
        api.number("SELECT count(*) AS n FROM attachment WHERE extension = ''"),
        1
    );
    assert_eq!(files_below(&root.join(&sha256[..2])), 2);

    // Refused: no `file` field (400), over `app.max_upload_size` (413), no session (403).
    let before = api.number("SELECT count(*) AS n FROM attachment");
    let reply = send(&app, upload("other", "x.pdf", content, &cookie)).await;
    reply.assert_message(
        400,
        "The browser (or proxy) sent a request that this server could not understand.",
    );
    let reply = send(&app, upload("file", "big.pdf", &[b'x'; 1001], &cookie)).await;
    reply.assert_message(
        413,
        "The data value transmitted exceeds the capacity limit.",
    );
    let reply = send(&app, upload("file", "x.pdf", content, "not-a-session")).await;
    assert_eq!(reply.status, 403);
    assert_eq!(api.number("SELECT count(*) AS n FROM attachment"), before);
    assert_eq!(files_below(&root.join("tmp")), 0);

    let reply = get(&app, "/api/v1/attachments/999", Some(&cookie)).await;
    reply.assert_message(500, "Internal Server Error");
    let reply = get(&app, "/api/v1/attachments/analyses/1/0/", Some(&cookie)).await;
    reply.assert_message(500, "Internal Server Error");
}
