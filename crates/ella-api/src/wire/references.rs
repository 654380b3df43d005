//! References (api.md §1.7 `Reference`, §4.9): the list item and the create request.

use ella_db::reference::ReferenceRow;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::lax::{LaxBool, LaxInt, LaxString};

/// A literature reference.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Reference {
    /// Reference id.
    pub id: i32,
    /// Authors, e.g. `Smith J et al.`.
    pub authors: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Journal, volume and pages.
    pub journal: Option<String>,
    /// Year as text, e.g. `2015` or `2015 Mar`.
    pub year: Option<String>,
    /// Abstract.
    #[serde(rename = "abstract")]
    pub abstract_text: Option<String>,
    /// PubMed id; `null` for references entered by hand.
    pub pubmed_id: Option<i32>,
    /// `false` for unpublished references.
    pub published: bool,
}

impl From<ReferenceRow> for Reference {
    fn from(row: ReferenceRow) -> Self {
        Self {
            id: row.id,
            authors: row.authors,
            title: row.title,
            journal: row.journal,
            year: row.year,
            abstract_text: row.abstract_text,
            pubmed_id: row.pubmed_id,
            published: row.published,
        }
    }
}

/// Body of `POST /references/`: exactly one of the two must be non-null; other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRequest {
    /// A PubMed record: XML (`<PubmedArticle>` or `<PubmedBookArticle>`) or MEDLINE text.
    #[serde(default, rename = "pubmedData")]
    pub pubmed_data: Option<LaxString>,
    /// A reference entered by hand: columns of `reference`.
    #[serde(default)]
    #[schema(value_type = Option<ManualReference>)]
    pub manual: Option<Map<String, Value>>,
}

/// The columns a reference entered by hand may set; other keys are refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ManualReference {
    /// Authors.
    #[serde(default)]
    pub authors: Option<LaxString>,
    /// Title.
    #[serde(default)]
    pub title: Option<LaxString>,
    /// Journal, volume, issue and pages, as the UI composes them.
    #[serde(default)]
    pub journal: Option<LaxString>,
    /// Year.
    #[serde(default)]
    pub year: Option<LaxString>,
    /// Abstract.
    #[serde(default, rename = "abstract")]
    pub abstract_text: Option<LaxString>,
    /// PubMed id.
    #[serde(default)]
    pub pubmed_id: Option<LaxInt>,
    /// `false` for "Unpublished"; default `true`.
    #[serde(default)]
    pub published: Option<LaxBool>,
}
