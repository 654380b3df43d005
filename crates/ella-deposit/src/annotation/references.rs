//! The reference converters (import.md §8.6): `hgmdprimaryreport`, `hgmdextrarefs` and
//! `clinvarreferences`, each giving a list of `{pubmed_id, source, source_info}`.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{json, Value};

use super::fields::Field;
use super::hgmd::decode_escapes;
use super::info::InfoValue;
use super::keyvalue::{describe, TargetType};
use super::python::{parse_int, py_str, truthy};
use super::Additional;

const NO_COMMENTS: &str = "No comments.";

fn reference(pubmed_id: i64, source: &str, source_info: &str) -> Value {
    json!({"pubmed_id": pubmed_id, "source": source, "source_info": source_info})
}

/// `hgmdprimaryreport`: the HGMD primary PubMed id with the additional source `HGMD__comments`.
pub(crate) fn primary_report(value: &InfoValue, additional: &Additional) -> Result<Value, String> {
    let pubmed_id = match value {
        InfoValue::Text(text) => parse_int(text),
        // Python's isinstance(value, int) also accepts a flag's `True`.
        InfoValue::Typed(Value::Bool(flag)) => Some(i64::from(*flag)),
        InfoValue::Typed(Value::Number(number)) if !number.is_f64() => number.as_i64(),
        InfoValue::Typed(_) => {
            return Err(format!(
                "Invalid parameter for HGMDPrimaryReportConverter: {}",
                describe(value)
            ))
        }
    };
    let Some(pubmed_id) = pubmed_id else {
        tracing::warn!(
            "Cannot convert pubmed id from annotation to integer: {}",
            describe(value)
        );
        return Ok(json!([]));
    };
    let comments = match additional.get("HGMD__comments") {
        Some(InfoValue::Text(text)) if !text.is_empty() && *text != "None" => (*text).to_owned(),
        Some(InfoValue::Typed(value)) if truthy(value) => py_str(value),
        _ => NO_COMMENTS.to_owned(),
    };
    let source_info = format!("Primary literature report. {}", decode_escapes(&comments));
    Ok(json!([reference(pubmed_id, "HGMD", &source_info)]))
}

/// `hgmdextrarefs`: the field layout comes from the header, `Format: (pmid|reftag|...)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExtraRefs {
    pmid: Field,
    reftag: Field,
    disease: Field,
    comments: Field,
}

static EXTRAREFS_FORMAT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Format: \((.*?)\)").expect("constant regex"));

impl ExtraRefs {
    /// Reads the layout from the raw header Description.
    pub(crate) fn from_description(description: &str) -> Result<Self, String> {
        let layout = EXTRAREFS_FORMAT
            .captures(description)
            .and_then(|captures| captures.get(1))
            .ok_or_else(|| format!("No 'Format: (...)' in description {description}"))?;
        let names: Vec<String> = layout.as_str().split('|').map(str::to_owned).collect();
        Ok(Self {
            pmid: Field::new(&names, "pmid"),
            reftag: Field::new(&names, "reftag"),
            disease: Field::new(&names, "disease"),
            comments: Field::new(&names, "comments"),
        })
    }

    /// Converts the comma-separated entries; an entry whose `pmid` is no integer is skipped.
    pub(crate) fn convert(&self, value: &InfoValue) -> Result<Value, String> {
        let text = value.as_text().ok_or_else(|| {
            format!(
                "Invalid parameter for HGMDExtraRefsConverter: {}",
                describe(value)
            )
        })?;
        let mut references = Vec::new();
        for entry in text.split(',') {
            let values: Vec<&str> = entry.split('|').collect();
            let pmid = self
                .pmid
                .get(&values)
                .ok_or_else(|| format!("No pmid in HGMD extra reference '{entry}'"))?;
            let Some(pubmed_id) = parse_int(pmid) else {
                tracing::warn!("Cannot convert pubmed id from annotation to integer: {pmid}");
                continue;
            };
            let reftag = self.reftag.non_empty(&values);
            let description = reftag.map_or(REFTAG_NOT_SPECIFIED, |tag| {
                reftag_description(tag).unwrap_or_else(|| {
                    tracing::warn!("Got unknown reftag: {tag}, treating like NA");
                    REFTAG_NOT_SPECIFIED
                })
            });
            let mut comments = self.comments.non_empty(&values).unwrap_or(NO_COMMENTS);
            // For an additional phenotype without comment, the phenotype (disease) is the comment.
            if reftag == Some("APR") && comments == NO_COMMENTS {
                comments = self.disease.get(&values).unwrap_or(comments);
            }
            let source_info = format!("{description}. {}", decode_escapes(comments));
            references.push(reference(pubmed_id, "HGMD", &source_info));
        }
        Ok(Value::Array(references))
    }
}

const REFTAG_NOT_SPECIFIED: &str = "Reftag not specified";

fn reftag_description(tag: &str) -> Option<&'static str> {
    match tag {
        "NA" => Some(REFTAG_NOT_SPECIFIED),
        "APR" => Some("Additional phenotype"),
        "FCR" => Some("Functional characterisation"),
        "MCR" => Some("Molecular characterisation"),
        "SAR" => Some("Additional report"),
        _ => None,
    }
}

/// `clinvarreferences`, from the decoded base16 JSON: one reference per id of `pubmeds`, then of
/// `pubmed_ids`.
pub(crate) fn clinvar(data: &Value) -> Result<Value, String> {
    let object = data
        .as_object()
        .ok_or_else(|| format!("ClinVar JSON is not an object: {data}"))?;
    let mut references = Vec::new();
    for key in ["pubmeds", "pubmed_ids"] {
        let Some(ids) = object.get(key) else { continue };
        let ids = ids
            .as_array()
            .ok_or_else(|| format!("ClinVar '{key}' is not a list: {ids}"))?;
        for id in ids {
            let pubmed_id = TargetType::Int
                .apply(&InfoValue::Typed(id.clone()))
                .ok()
                .and_then(|id| id.as_i64())
                .ok_or_else(|| format!("Invalid PubMed id in ClinVar JSON: {id}"))?;
            references.push(reference(pubmed_id, "CLINVAR", ""));
        }
    }
    Ok(Value::Array(references))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_report_comments() {
        let names = ["HGMD__comments".to_owned()];
        let expect = |comments: Option<InfoValue>, info: &str| {
            let values = [comments];
            let additional = Additional {
                names: &names,
                values: &values,
            };
            assert_eq!(
                primary_report(&InfoValue::Text("17453335"), &additional),
                Ok(json!([{"pubmed_id": 17_453_335, "source": "HGMD", "source_info": info}]))
            );
        };
        expect(None, "Primary literature report. No comments.");
        expect(
            Some(InfoValue::Text("None")),
            "Primary literature report. No comments.",
        );
        expect(
            Some(InfoValue::Text("")),
            "Primary literature report. No comments.",
        );
        expect(
            Some(InfoValue::Text("See@#SPtext")),
            "Primary literature report. See text",
        );
        let unlisted = Additional {
            names: &[],
            values: &[],
        };
        assert_eq!(
            primary_report(&InfoValue::Typed(json!(12)), &unlisted),
            Ok(
                json!([{"pubmed_id": 12, "source": "HGMD", "source_info": "Primary literature report. No comments."}])
            )
        );
    }

    #[test]
    fn primary_report_without_integer_id() {
        let none = Additional {
            names: &[],
            values: &[],
        };
        assert_eq!(
            primary_report(&InfoValue::Text("abc"), &none),
            Ok(json!([]))
        );
        assert!(primary_report(&InfoValue::Typed(json!(1.5)), &none).is_err());
    }

    #[test]
    fn extra_references() {
        let extrarefs = ExtraRefs::from_description(
            "\"Format: (pmid|reftag|disease|comments) (from /anno/hgmd.vcf.gz)\"",
        )
        .unwrap();
        let converted = extrarefs.convert(&InfoValue::Text(
            "29446198|SAR||See@#SPSupplementary@#SPTable@#SP1@#SP[B],\
             1|APR|Breast@#SPcancer|,x|SAR||,2|XYZ||,3|||c,4|NA||",
        ));
        assert_eq!(
            converted,
            Ok(json!([
                {"pubmed_id": 29_446_198, "source": "HGMD", "source_info": "Additional report. See Supplementary Table 1 [B]"},
                {"pubmed_id": 1, "source": "HGMD", "source_info": "Additional phenotype. Breast cancer"},
                {"pubmed_id": 2, "source": "HGMD", "source_info": "Reftag not specified. No comments."},
                {"pubmed_id": 3, "source": "HGMD", "source_info": "Reftag not specified. c"},
                {"pubmed_id": 4, "source": "HGMD", "source_info": "Reftag not specified. No comments."}
            ]))
        );
    }

    #[test]
    fn extra_references_layout_comes_from_the_header() {
        assert!(ExtraRefs::from_description("\"None\"").is_err());
        let converter = ExtraRefs::from_description("Format: (comments|x|pmid)").unwrap();
        assert_eq!(
            converter.convert(&InfoValue::Text("hi|y|7")),
            Ok(
                json!([{"pubmed_id": 7, "source": "HGMD", "source_info": "Reftag not specified. hi"}])
            )
        );
        assert!(
            converter.convert(&InfoValue::Text("hi")).is_err(),
            "entry without pmid"
        );
    }

    #[test]
    fn clinvar_references() {
        assert_eq!(
            clinvar(&json!({"pubmeds": ["2", 1], "pubmed_ids": [3]})),
            Ok(json!([
                {"pubmed_id": 2, "source": "CLINVAR", "source_info": ""},
                {"pubmed_id": 1, "source": "CLINVAR", "source_info": ""},
                {"pubmed_id": 3, "source": "CLINVAR", "source_info": ""}
            ]))
        );
        assert_eq!(clinvar(&json!({})), Ok(json!([])));
        assert!(clinvar(&json!({"pubmeds": ["x"]})).is_err());
        assert!(clinvar(&json!({"pubmeds": null})).is_err());
        assert!(clinvar(&json!([1])).is_err());
    }
}
