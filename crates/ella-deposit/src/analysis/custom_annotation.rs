//! The custom annotation fixture (import.md §12.5, `ella-cli deposit custom_annotation`): JSON
//! Lines, one `customannotation` row per line, without de-duplication.

use std::path::Path;

use chrono::Utc;
use diesel::PgConnection;
use ella_db::annotation::{insert_custom_annotations, NewCustomAnnotation};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::{Error, Result};

/// One line of the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    allele_id: i32,
    #[serde(default)]
    user_id: Option<i32>,
    annotations: Map<String, Value>,
}

/// Imports every line of `text` (the content of `path`) as a custom annotation row.
///
/// Returns the number of rows. Blank lines are skipped; a malformed line is reported with its
/// number, before anything is written. A second current custom annotation for an allele is
/// refused by the database, as in ELLA.
pub fn import_custom_annotation(conn: &mut PgConnection, text: &str, path: &Path) -> Result<usize> {
    let now = Utc::now();
    let rows = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            let line: Line = serde_json::from_str(line).map_err(|error| Error::Parse {
                path: path.to_owned(),
                line: Some(index + 1),
                message: error.to_string(),
            })?;
            Ok(NewCustomAnnotation {
                allele_id: line.allele_id,
                user_id: line.user_id,
                annotations: Value::Object(line.annotations),
                date_created: now,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    insert_custom_annotations(conn, &rows)?;
    tracing::info!(rows = rows.len(), "custom annotation imported");
    Ok(rows.len())
}
