//! The `deposit` part of an annotation config (import.md §8.2) and how each element becomes a
//! converter for one VCF.
//!
//! The list structure is checked once, when the config is read. An element's options are checked
//! when it is compiled against a VCF header, and a bad element only fails records that carry its
//! source: ELLA creates converters lazily, on the first record with the source (§8.4).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::document::Target;
use super::info::InfoHeader;
use super::json::Encoding;
use super::keyvalue::{KeyValue, TargetType};
use super::mapping::Mapping;
use super::meta::Meta;
use super::options::Options;
use super::references::ExtraRefs;
use super::vep::Vep;
use crate::{Error, Result};

/// The converter names of the config schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConverterName {
    KeyValue,
    Mapping,
    Json,
    Meta,
    Vep,
    ClinvarJson,
    ClinvarReferences,
    Hgmd,
    HgmdPrimaryReport,
    HgmdExtraRefs,
}

impl ConverterName {
    const ALL: [(&'static str, Self); 10] = [
        ("keyvalue", Self::KeyValue),
        ("mapping", Self::Mapping),
        ("json", Self::Json),
        ("meta", Self::Meta),
        ("vep", Self::Vep),
        ("clinvarjson", Self::ClinvarJson),
        ("clinvarreferences", Self::ClinvarReferences),
        ("hgmd", Self::Hgmd),
        ("hgmdprimaryreport", Self::HgmdPrimaryReport),
        ("hgmdextrarefs", Self::HgmdExtraRefs),
    ];

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(candidate, _)| *candidate == name)
            .map(|(_, converter)| *converter)
    }

    /// The config's spelling.
    pub(crate) fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, converter)| *converter == self)
            .map_or("?", |(name, _)| name)
    }
}

/// The `deposit` part of an annotation config: its elements in config order (deposit entries in
/// order, elements in order), which is the order converters run in for one INFO key.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationConfig {
    pub(crate) elements: Vec<ElementConfig>,
}

/// One element of a deposit entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ElementConfig {
    pub(crate) converter: ConverterName,
    /// The INFO key it converts.
    pub(crate) source: String,
    /// Where the result goes (for messages; parsed at compile time).
    pub(crate) target: String,
    /// `required: true` (rejected by the schema, but honoured by ELLA, §8.4).
    pub(crate) required: bool,
    /// The whole element object.
    pub(crate) options: Map<String, Value>,
}

impl AnnotationConfig {
    /// Reads the stored `deposit` JSON (`annotationconfig.deposit`): a list of
    /// `{"name", "converter_config": {"elements": [...]}}` whose elements have string `source` and
    /// `target`.
    pub fn from_deposit(deposit: &Value) -> Result<Self> {
        let invalid = |message: String| Error::Invalid(format!("Annotation config: {message}"));
        let entries = deposit
            .as_array()
            .ok_or_else(|| invalid("'deposit' is not a list".to_owned()))?;
        let mut elements = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            let entry = entry
                .as_object()
                .filter(|entry| entry.len() == 2)
                .ok_or_else(|| {
                    invalid(format!(
                        "deposit[{index}] must have exactly 'name' and 'converter_config'"
                    ))
                })?;
            let name = entry
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let converter = ConverterName::from_name(name)
                .ok_or_else(|| invalid(format!("deposit[{index}]: unknown converter '{name}'")))?;
            let list = entry
                .get("converter_config")
                .and_then(Value::as_object)
                .filter(|config| config.len() == 1)
                .and_then(|config| config.get("elements"))
                .and_then(Value::as_array)
                .ok_or_else(|| {
                    invalid(format!(
                        "deposit[{index}].converter_config must have exactly 'elements', a list"
                    ))
                })?;
            for (position, element) in list.iter().enumerate() {
                let at = || format!("deposit[{index}].converter_config.elements[{position}]");
                let options = element
                    .as_object()
                    .ok_or_else(|| invalid(format!("{} is not an object", at())))?;
                let text = |key: &str| {
                    options
                        .get(key)
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                        .ok_or_else(|| invalid(format!("{} needs a string '{key}'", at())))
                };
                elements.push(ElementConfig {
                    converter,
                    source: text("source")?,
                    target: text("target")?,
                    required: options.get("required") == Some(&Value::Bool(true)),
                    options: options.clone(),
                });
            }
        }
        Ok(Self { elements })
    }
}

/// An element ready to convert.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CompiledElement {
    pub(crate) target: Target,
    pub(crate) additional_sources: Vec<String>,
    pub(crate) converter: Converter,
}

/// A converter with its options (and header-derived layout).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Converter {
    KeyValue(KeyValue),
    Mapping(Mapping),
    Json(Encoding),
    ClinvarJson(Encoding),
    Meta(Meta),
    Vep(Box<Vep>),
    ClinvarReferences,
    Hgmd,
    HgmdPrimaryReport,
    HgmdExtraRefs(ExtraRefs),
}

impl ElementConfig {
    /// Sets the element up for a VCF whose INFO headers are given. Fails like creating ELLA's
    /// converter would: an option the converter does not know, a bad value, a missing header.
    pub(crate) fn compile(
        &self,
        headers: &HashMap<&str, &InfoHeader>,
    ) -> Result<CompiledElement, String> {
        let mut options = Options::new(
            &self.options,
            &["source", "target", "target_mode", "additional_sources"],
        );
        let target = Target::new(
            &self.target,
            options.string("target_mode")?.unwrap_or("insert"),
        )?;
        let additional_sources = options.strings("additional_sources")?;
        let description = || {
            headers
                .get(self.source.as_str())
                .map(|header| header.description.as_str())
                .ok_or_else(|| {
                    format!(
                        "The {} converter needs the INFO header of {}",
                        self.converter.name(),
                        self.source
                    )
                })
        };
        let converter = match self.converter {
            ConverterName::KeyValue => Converter::KeyValue(options.keyvalue(TargetType::Identity)?),
            ConverterName::Mapping => Converter::Mapping(Mapping {
                item_separator: options.string("item_separator")?.unwrap_or(",").to_owned(),
                keyvalue_separator: options
                    .string("keyvalue_separator")?
                    .unwrap_or(":")
                    .to_owned(),
                conversion: options.conversion(TargetType::Str)?,
            }),
            ConverterName::Json => Converter::Json(options.encoding()?),
            ConverterName::ClinvarJson => Converter::ClinvarJson(options.encoding()?),
            ConverterName::Meta => {
                let list_separator = options
                    .string("list_separator")?
                    .filter(|separator| !separator.is_empty());
                let subelements = options.subelements()?;
                Converter::Meta(Meta::new(
                    description()?,
                    list_separator.map(str::to_owned),
                    subelements,
                )?)
            }
            ConverterName::Vep => Converter::Vep(Box::new(Vep::from_description(description()?)?)),
            ConverterName::HgmdExtraRefs => {
                Converter::HgmdExtraRefs(ExtraRefs::from_description(description()?)?)
            }
            ConverterName::ClinvarReferences => Converter::ClinvarReferences,
            ConverterName::Hgmd => Converter::Hgmd,
            ConverterName::HgmdPrimaryReport => Converter::HgmdPrimaryReport,
        };
        options.finish()?;
        Ok(CompiledElement {
            target,
            additional_sources,
            converter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::info::InfoType;
    use crate::annotation::keyvalue::Conversion;
    use serde_json::json;

    fn config(deposit: &Value) -> AnnotationConfig {
        AnnotationConfig::from_deposit(deposit).unwrap()
    }

    fn compile(element: &Value, name: &str) -> Result<CompiledElement, String> {
        let headers = HashMap::new();
        config(&json!([{"name": name, "converter_config": {"elements": [element]}}])).elements[0]
            .compile(&headers)
    }

    #[test]
    fn structure_is_checked_when_read() {
        for bad in [
            json!({}),
            json!([{"name": "keyvalue"}]),
            json!([{"name": "nope", "converter_config": {"elements": []}}]),
            json!([{"name": "keyvalue", "converter_config": {"elements": [], "x": 1}}]),
            json!([{"name": "keyvalue", "converter_config": {"elements": [{"source": "A"}]}}]),
        ] {
            assert!(AnnotationConfig::from_deposit(&bad).is_err(), "{bad}");
        }
        let read = config(&json!([
            {"name": "keyvalue", "converter_config": {"elements": [{"source": "A", "target": "a"}, {"source": "B", "target": "b", "required": true}]}},
            {"name": "vep", "converter_config": {"elements": [{"source": "CSQ", "target": "transcripts"}]}}
        ]));
        let sources: Vec<(&str, bool)> = read
            .elements
            .iter()
            .map(|element| (element.source.as_str(), element.required))
            .collect();
        assert_eq!(sources, [("A", false), ("B", true), ("CSQ", false)]);
    }

    #[test]
    fn options_per_converter() {
        let compiled = compile(&json!({"source": "A", "target": "a.b", "split": "|", "target_type": "int", "target_type_throw": false}), "keyvalue").unwrap();
        assert_eq!(
            compiled.converter,
            Converter::KeyValue(KeyValue {
                split: Some("|".to_owned()),
                conversion: Conversion {
                    target_type: TargetType::Int,
                    throw: false
                }
            })
        );
        let compiled = compile(&json!({"source": "A", "target": "a"}), "mapping").unwrap();
        assert_eq!(
            compiled.converter,
            Converter::Mapping(Mapping {
                item_separator: ",".to_owned(),
                keyvalue_separator: ":".to_owned(),
                conversion: Conversion {
                    target_type: TargetType::Str,
                    throw: true
                }
            })
        );
        let compiled = compile(
            &json!({"source": "A", "target": "a", "encoding": "base64"}),
            "clinvarjson",
        )
        .unwrap();
        assert_eq!(compiled.converter, Converter::ClinvarJson(Encoding::Base64));
        let compiled = compile(&json!({"source": "A", "target": "r", "target_mode": "extend", "additional_sources": ["B"]}), "hgmdprimaryreport").unwrap();
        assert_eq!(compiled.additional_sources, ["B"]);
    }

    #[test]
    fn bad_options_fail_at_compile_time() {
        for (element, name) in [
            (
                json!({"source": "A", "target": "a", "encoding": "base16"}),
                "keyvalue",
            ),
            (
                json!({"source": "A", "target": "a", "required": true}),
                "keyvalue",
            ),
            (
                json!({"source": "A", "target": "a", "target_type": "identity2"}),
                "keyvalue",
            ),
            (
                json!({"source": "A", "target": "a", "target_mode": "replace"}),
                "keyvalue",
            ),
            (
                json!({"source": "A", "target": "a", "subpath": "x"}),
                "json",
            ),
            (
                json!({"source": "A", "target": "a", "encoding": "base85"}),
                "json",
            ),
            (
                json!({"source": "A", "target": "a", "split": 1}),
                "keyvalue",
            ),
            (json!({"source": "CSQ", "target": "a"}), "vep"),
            (json!({"source": "S", "target": "a"}), "meta"),
            (json!({"source": "H", "target": "a"}), "hgmdextrarefs"),
        ] {
            assert!(compile(&element, name).is_err(), "{name} {element}");
        }
    }

    #[test]
    fn header_dependent_converters() {
        let header = InfoHeader {
            id: "S".to_owned(),
            value_type: InfoType::String,
            description: "\"Format: ALLELE|SYMBOL|DS_AG\"".to_owned(),
        };
        let headers = HashMap::from([("S", &header)]);
        let element = |subelements: Value| {
            config(&json!([{"name": "meta", "converter_config": {"elements": [
                {"source": "S", "target": "p", "list_separator": ",", "subelements": subelements}
            ]}}]))
            .elements[0]
                .compile(&headers)
        };
        assert!(element(json!([{"source": "DS_AG", "target_type": "float"}])).is_ok());
        assert!(
            element(json!([{"source": "DS_AG", "target": "x"}])).is_err(),
            "unknown subelement option"
        );
        assert!(
            element(json!([{"source": "DP_AG"}])).is_err(),
            "not in the header"
        );
    }
}
