//! Annotation conversion (import.md §8): a VCF record's INFO column → ELLA's annotation document
//! (datamodel.md §7.1), driven by the `deposit` part of the active annotation config.
//!
//! Use: read the stored config once ([`AnnotationConfig::from_deposit`]); compile it for each
//! VCF against that file's INFO header ([`AnnotationConfig::compile`]); convert each record's INFO
//! fields ([`RecordConverter::convert`]). A failure names the INFO key and value, and
//! [`ConversionError::at`] adds the file and line. Pure: no database, no file access (the HGNC
//! lookups VEP conversion needs are embedded).

mod config;
mod document;
mod fields;
mod hgmd;
mod info;
mod json;
mod keyvalue;
mod mapping;
mod meta;
mod options;
pub(crate) mod python;
mod record;
mod references;
mod vep;

pub use config::AnnotationConfig;
pub use info::{InfoField, InfoHeader, InfoType};
pub use record::{ConversionError, RecordConverter};

use info::InfoValue;

/// The values of an element's `additional_sources` for one record (`None` when the record lacks
/// the key), for the converters that read them.
#[derive(Debug, Clone, Copy)]
struct Additional<'a> {
    names: &'a [String],
    values: &'a [Option<InfoValue<'a>>],
}

impl<'a> Additional<'a> {
    /// Python's `additional_values.get(name)`: `None` when not listed or absent.
    fn get(&self, name: &str) -> Option<&'a InfoValue<'a>> {
        self.listed(name).ok().flatten()
    }

    /// Python's `additional_values[name]`: an error when the element does not list the source.
    fn listed(&self, name: &str) -> Result<Option<&'a InfoValue<'a>>, String> {
        let position = self
            .names
            .iter()
            .position(|listed| listed == name)
            .ok_or_else(|| format!("'{name}' is not among the element's additional_sources"))?;
        Ok(self.values[position].as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use json::encode_base16 as base16;
    use serde_json::{json, Value};

    fn header(id: &str, value_type: InfoType, description: &str) -> InfoHeader {
        InfoHeader {
            id: id.to_owned(),
            value_type,
            description: format!("\"{description}\""),
        }
    }

    fn converter(deposit: &Value, headers: &[InfoHeader]) -> RecordConverter {
        AnnotationConfig::from_deposit(deposit)
            .unwrap()
            .compile(headers)
    }

    #[test]
    fn frequencies_with_typing_and_tolerated_failures() {
        let converter = converter(
            &json!([{"name": "keyvalue", "converter_config": {"elements": [
                {"source": "AF", "target": "frequencies.DB.freq.G", "target_type": "float"},
                {"source": "AN", "target": "frequencies.DB.num.G", "target_type": "int"},
                {"source": "Hemi", "target": "frequencies.DB.hemi.G", "target_type": "int", "target_type_throw": false},
                {"source": "FILTER", "target": "frequencies.DB.filter.G", "split": "|"}
            ]}}]),
            &[
                header("AF", InfoType::Float, "af"),
                header("AN", InfoType::String, "an"),
                header("Hemi", InfoType::String, "hemi"),
            ],
        );
        let document = converter
            .convert(&[
                ("AF", Some("0.1174")),
                ("UNUSED", Some("x")),
                ("AN", Some("237618")),
                ("Hemi", Some(".")),
                ("FILTER", Some("PASS|AC0")),
                ("FLAG", None),
            ])
            .unwrap();
        assert_eq!(
            document,
            json!({"frequencies": {"DB": {
                "freq": {"G": 0.117_399_998_009_204_86}, "num": {"G": 237_618},
                "hemi": {"G": null}, "filter": {"G": ["PASS", "AC0"]}
            }}})
        );
    }

    #[test]
    fn references_follow_record_order_then_config_order_then_pubmed_id() {
        let converter = converter(
            &json!([
                {"name": "hgmdprimaryreport", "converter_config": {"elements": [
                    {"source": "HGMD__pmid", "target": "references", "target_mode": "extend", "additional_sources": ["HGMD__comments"]}
                ]}},
                {"name": "clinvarreferences", "converter_config": {"elements": [
                    {"source": "CLINVARJSON", "target": "references", "target_mode": "extend"}
                ]}},
                {"name": "clinvarjson", "converter_config": {"elements": [
                    {"source": "CLINVARJSON", "target": "external.CLINVAR", "encoding": "base16"}
                ]}}
            ]),
            &[],
        );
        let clinvar = base16(r#"{"variant_id": "N/A", "pubmed_ids": [9, 5]}"#);
        let document = converter
            .convert(&[("CLINVARJSON", Some(&clinvar)), ("HGMD__pmid", Some("5"))])
            .unwrap();
        assert_eq!(
            document,
            json!({
                "references": [
                    {"pubmed_id": 5, "source": "CLINVAR", "source_info": ""},
                    {"pubmed_id": 5, "source": "HGMD", "source_info": "Primary literature report. No comments."},
                    {"pubmed_id": 9, "source": "CLINVAR", "source_info": ""}
                ],
                "external": {"CLINVAR": {"variant_id": "N/A", "pubmed_ids": [9, 5]}}
            })
        );
        let order: Vec<&str> = document["references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["source"].as_str().unwrap())
            .collect();
        assert_eq!(
            order,
            ["CLINVAR", "HGMD", "CLINVAR"],
            "stable sort keeps INFO order"
        );
    }

    #[test]
    fn hgmd_reads_its_additional_sources() {
        let converter = converter(
            &json!([{"name": "hgmd", "converter_config": {"elements": [
                {"source": "HGMD__acc_num", "target": "external.HGMD", "additional_sources": ["HGMD__tag", "HGMD__disease"]}
            ]}}]),
            &[],
        );
        let document = converter
            .convert(&[
                ("HGMD__tag", Some("DM")),
                ("HGMD__acc_num", Some("CM1")),
                ("HGMD__disease", Some("A@#SPB")),
            ])
            .unwrap();
        assert_eq!(
            document,
            json!({"external": {"HGMD": {"acc_num": "CM1", "disease": "A B", "tag": "DM"}}})
        );
    }

    #[test]
    fn a_bad_element_only_fails_records_with_its_source() {
        let converter = converter(
            &json!([{"name": "vep", "converter_config": {"elements": [{"source": "CSQ", "target": "transcripts"}]}}]),
            &[],
        );
        assert_eq!(converter.convert(&[("AF", Some("1"))]), Ok(json!({})));
        let error = converter.convert(&[("CSQ", Some("x"))]).unwrap_err();
        assert!(
            error.to_string().contains("source 'CSQ'") && error.to_string().contains("header"),
            "{error}"
        );
    }

    #[test]
    fn errors_name_the_source_and_take_a_location() {
        let converter = converter(
            &json!([{"name": "keyvalue", "converter_config": {"elements": [{"source": "AN", "target": "an", "target_type": "int"}]}}]),
            &[],
        );
        let error = converter.convert(&[("AN", Some("x1"))]).unwrap_err();
        assert!(
            error.to_string().contains("source 'AN' with value 'x1'"),
            "{error}"
        );
        let error = error.at(std::path::Path::new("a.vcf"), 12);
        assert!(
            error
                .to_string()
                .starts_with("a.vcf, line 12: Error when trying to convert source 'AN'"),
            "{error}"
        );
    }

    #[test]
    fn insert_refuses_a_second_value() {
        let converter = converter(
            &json!([{"name": "keyvalue", "converter_config": {"elements": [
                {"source": "A", "target": "x"}, {"source": "B", "target": "x"}
            ]}}]),
            &[],
        );
        assert!(converter
            .convert(&[("A", Some("1")), ("B", Some("2"))])
            .is_err());
    }

    #[test]
    fn required_sources_must_be_present() {
        let converter = converter(
            &json!([{"name": "keyvalue", "converter_config": {"elements": [{"source": "A", "target": "a", "required": true}]}}]),
            &[],
        );
        let error = converter.convert(&[]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Missing required source field in annotation: A"
        );
    }
}
