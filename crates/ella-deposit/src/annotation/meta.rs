//! The `meta` converter (import.md §8.6): `|`-separated values named by the header Description
//! (e.g. `SpliceAI`), each kept subelement converted with keyvalue rules.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::fields::Field;
use super::info::InfoValue;
use super::keyvalue::{describe, KeyValue};
use super::python::split;

/// ELLA's default (and, per the config schema, only) `meta_pattern`.
static META_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[a-z_]+\|[a-z_|]+").expect("constant regex"));

/// A `subelements` entry: which field to keep and how to convert it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subelement {
    /// The field name (`source`).
    pub(crate) source: String,
    /// Its conversion.
    pub(crate) converter: KeyValue,
}

/// A meta converter set up against its header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Meta {
    list_separator: Option<String>,
    kept: Vec<(String, Field, KeyValue)>,
}

impl Meta {
    /// Finds the field names in the raw Description (exactly one match of the pattern) and checks
    /// that every subelement names one of them.
    pub(crate) fn new(
        description: &str,
        list_separator: Option<String>,
        subelements: Vec<Subelement>,
    ) -> Result<Self, String> {
        let mut matches = META_PATTERN.find_iter(description);
        let (Some(layout), None) = (matches.next(), matches.next()) else {
            return Err(format!(
                "Expected exactly one match of {} in description {description}",
                META_PATTERN.as_str()
            ));
        };
        let names: Vec<String> = layout.as_str().split('|').map(str::to_owned).collect();
        let mut kept: Vec<(String, Field, KeyValue)> = Vec::new();
        for Subelement { source, converter } in subelements {
            if !names.contains(&source) {
                return Err(format!(
                    "Did not find description for key {source} in description {description}"
                ));
            }
            // A repeated subelement replaces the earlier one (ELLA keys them in a dict).
            kept.retain(|(kept_source, _, _)| *kept_source != source);
            let field = Field::new(&names, &source);
            kept.push((source, field, converter));
        }
        Ok(Self {
            list_separator,
            kept,
        })
    }

    /// Converts a value: an object of the kept fields, or with `list_separator` a list of them.
    pub(crate) fn convert(&self, value: &InfoValue) -> Result<Value, String> {
        let text = value
            .as_text()
            .ok_or_else(|| format!("Invalid parameter for MetaConverter: {}", describe(value)))?;
        match &self.list_separator {
            Some(separator) => split(text, separator)?
                .map(|item| self.convert_item(item))
                .collect::<Result<_, _>>()
                .map(Value::Array),
            None => self.convert_item(text),
        }
    }

    fn convert_item(&self, item: &str) -> Result<Value, String> {
        let values: Vec<&str> = item.split('|').collect();
        let mut converted = Map::new();
        for (source, field, converter) in &self.kept {
            if let Some(value) = field.get(&values) {
                converted.insert(source.clone(), converter.convert(&InfoValue::Text(value))?);
            }
        }
        Ok(Value::Object(converted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::keyvalue::{Conversion, TargetType};
    use serde_json::json;

    const SPLICEAI: &str = "\"SpliceAIv1.3 variant annotation. These include delta scores (DS) and \
        delta positions (DP) for acceptor gain (AG), acceptor loss (AL), donor gain (DG), and donor \
        loss (DL). Format: ALLELE|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|DP_AL|DP_DG|DP_DL\"";

    fn subelement(source: &str, target_type: TargetType) -> Subelement {
        Subelement {
            source: source.to_owned(),
            converter: KeyValue {
                split: None,
                conversion: Conversion {
                    target_type,
                    throw: true,
                },
            },
        }
    }

    #[test]
    fn spliceai_list() {
        let meta = Meta::new(
            SPLICEAI,
            Some(",".to_owned()),
            vec![
                subelement("SYMBOL", TargetType::Str),
                subelement("DS_AG", TargetType::Float),
                subelement("DP_AG", TargetType::Int),
            ],
        )
        .unwrap();
        let converted = meta.convert(&InfoValue::Text(
            "T|BRCA2|0.00|0.01|0.00|0.00|-12|3|0|1,T|ZAR1L|0.50|0|0|0|4|1|2|3",
        ));
        assert_eq!(
            converted,
            Ok(json!([
                {"SYMBOL": "BRCA2", "DS_AG": 0.0, "DP_AG": -12},
                {"SYMBOL": "ZAR1L", "DS_AG": 0.5, "DP_AG": 4}
            ]))
        );
    }

    #[test]
    fn single_item_and_short_items() {
        let meta = Meta::new(SPLICEAI, None, vec![subelement("DP_DL", TargetType::Int)]).unwrap();
        assert_eq!(
            meta.convert(&InfoValue::Text("T|B|0|0|0|0|1|2|3|4")),
            Ok(json!({"DP_DL": 4}))
        );
        assert_eq!(
            meta.convert(&InfoValue::Text("T|B")),
            Ok(json!({})),
            "missing fields left out"
        );
        assert!(meta
            .convert(&InfoValue::Text("T|B|0|0|0|0|1|2|3|x"))
            .is_err());
    }

    #[test]
    fn setup_checks_the_header() {
        assert!(Meta::new("\"no layout\"", None, vec![]).is_err());
        assert!(
            Meta::new("\"a|b and c|d\"", None, vec![]).is_err(),
            "two matches"
        );
        assert!(Meta::new(SPLICEAI, None, vec![subelement("NOPE", TargetType::Str)]).is_err());
    }
}
