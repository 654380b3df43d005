//! Converting one record (import.md §8.4): INFO keys in record order, each through the elements
//! whose `source` it is, in config order.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::config::{AnnotationConfig, CompiledElement, Converter, ElementConfig};
use super::document::Document;
use super::info::{typed, InfoField, InfoHeader, InfoType, InfoValue};
use super::json::{reshape_clinvar, Encoding};
use super::keyvalue::describe;
use super::{hgmd, references, Additional};
use crate::Error;

/// An annotation config compiled against one VCF's INFO header; converts that VCF's records.
///
/// Compile once per VCF ([`AnnotationConfig::compile`]): converters depend on the header (VEP
/// field names, meta layouts, value types), and ELLA re-creates them for each file.
#[derive(Debug, Clone)]
pub struct RecordConverter {
    elements: Vec<Slot>,
    /// By INFO key: its header type and the elements converting it, in config order.
    by_source: HashMap<String, (Option<InfoType>, Vec<usize>)>,
    types: HashMap<String, InfoType>,
    required: Vec<String>,
}

/// One element: its setup result is kept and reported when a record first needs it.
#[derive(Debug, Clone)]
struct Slot {
    config: ElementConfig,
    compiled: Result<CompiledElement, String>,
}

/// Why a record's INFO could not be converted. The message names the INFO key, its value and
/// the converter; [`ConversionError::at`] adds the VCF file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConversionError {
    message: String,
}

impl ConversionError {
    /// The error with the record's place: the VCF `path` and its 1-based `line`.
    pub fn at(self, path: &Path, line: usize) -> Error {
        Error::Parse {
            path: path.to_owned(),
            line: Some(line),
            message: self.message,
        }
    }
}

impl From<ConversionError> for Error {
    fn from(error: ConversionError) -> Self {
        Self::Invalid(error.message)
    }
}

impl AnnotationConfig {
    /// Compiles the config for a VCF with these INFO header lines.
    pub fn compile(&self, headers: &[InfoHeader]) -> RecordConverter {
        let header_by_id: HashMap<&str, &InfoHeader> = headers
            .iter()
            .map(|header| (header.id.as_str(), header))
            .collect();
        let types: HashMap<String, InfoType> = headers
            .iter()
            .map(|header| (header.id.clone(), header.value_type))
            .collect();
        let mut by_source: HashMap<String, (Option<InfoType>, Vec<usize>)> = HashMap::new();
        let elements: Vec<Slot> = self
            .elements
            .iter()
            .enumerate()
            .map(|(index, config)| {
                let value_type = types.get(&config.source).copied();
                let (_, indices) = by_source
                    .entry(config.source.clone())
                    .or_insert_with(|| (value_type, Vec::new()));
                indices.push(index);
                Slot {
                    config: config.clone(),
                    compiled: config.compile(&header_by_id),
                }
            })
            .collect();
        let required = self
            .elements
            .iter()
            .filter(|element| element.required)
            .map(|element| element.source.clone())
            .collect();
        RecordConverter {
            elements,
            by_source,
            types,
            required,
        }
    }
}

impl RecordConverter {
    /// The annotation document of one record, from its INFO fields in record order.
    pub fn convert(&self, info: &[InfoField<'_>]) -> Result<Value, ConversionError> {
        let mut document = Document::default();
        for &(key, raw) in info {
            let Some((value_type, indices)) = self.by_source.get(key) else {
                continue;
            };
            let value = typed(*value_type, raw);
            let mut decoded = None;
            for &index in indices {
                let slot = &self.elements[index];
                self.apply(slot, &value, &mut decoded, info, &mut document)
                    .map_err(|reason| ConversionError {
                        message: format!(
                            "Error when trying to convert source '{key}' with value {} using converter {} (target '{}'): {reason}",
                            describe(&value),
                            slot.config.converter.name(),
                            slot.config.target,
                        ),
                    })?;
            }
        }
        if let Some(missing) = self
            .required
            .iter()
            .find(|source| !info.iter().any(|(key, _)| key == source))
        {
            return Err(ConversionError {
                message: format!("Missing required source field in annotation: {missing}"),
            });
        }
        let document = document.finish().map_err(|reason| ConversionError {
            message: format!("Invalid annotation document: {reason}"),
        })?;
        Ok(Value::Object(document))
    }

    /// Converts one INFO value with one element and places the result. `decoded` keeps the
    /// value's decoded JSON for the other JSON-reading elements of the same key (with the fixture
    /// config, `CLINVARJSON` feeds both `clinvarjson` and `clinvarreferences`).
    fn apply<'c>(
        &'c self,
        slot: &'c Slot,
        value: &InfoValue,
        decoded: &mut Option<(Encoding, Value)>,
        info: &[InfoField<'_>],
        document: &mut Document<'c>,
    ) -> Result<(), String> {
        let element = slot.compiled.as_ref().map_err(Clone::clone)?;
        // Additional sources absent from the record are `None` (ELLA's `INFO.get`).
        let values: Vec<Option<InfoValue>> = element
            .additional_sources
            .iter()
            .map(|name| {
                let found = info.iter().find(|(key, _)| key == name);
                found.map(|&(key, raw)| typed(self.types.get(key).copied(), raw))
            })
            .collect();
        let additional = Additional {
            names: &element.additional_sources,
            values: &values,
        };
        let converted = match &element.converter {
            Converter::KeyValue(converter) => converter.convert(value)?,
            Converter::Mapping(converter) => converter.convert(value)?,
            Converter::Json(encoding) => decoded_json(decoded, *encoding, value)?.clone(),
            Converter::ClinvarJson(encoding) => {
                reshape_clinvar(decoded_json(decoded, *encoding, value)?)?
            }
            Converter::ClinvarReferences => {
                references::clinvar(decoded_json(decoded, Encoding::Base16, value)?)?
            }
            Converter::Meta(converter) => converter.convert(value)?,
            Converter::Vep(converter) => converter.convert(value)?,
            Converter::Hgmd => hgmd::convert(value, &additional)?,
            Converter::HgmdPrimaryReport => references::primary_report(value, &additional)?,
            Converter::HgmdExtraRefs(converter) => converter.convert(value)?,
        };
        document.place(&element.target, converted)
    }
}

/// The value decoded as JSON, reusing an earlier decoding with the same encoding.
fn decoded_json<'d>(
    decoded: &'d mut Option<(Encoding, Value)>,
    encoding: Encoding,
    value: &InfoValue,
) -> Result<&'d Value, String> {
    match decoded {
        Some((done, _)) if *done == encoding => {}
        _ => *decoded = Some((encoding, encoding.decode_json(value)?)),
    }
    // Always `Some` here; `get_or_insert` just avoids a second match.
    Ok(&decoded.get_or_insert((encoding, Value::Null)).1)
}
