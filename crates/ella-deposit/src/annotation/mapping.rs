//! The `mapping` converter (import.md §8.6): `PU:115,Ciliopati:65` → `{"PU": "115", ...}`.

use serde_json::{Map, Value};

use super::info::InfoValue;
use super::keyvalue::{describe, Conversion};
use super::python::split;

/// Splits text into items and each item once into key and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mapping {
    /// Between items (default `,`).
    pub(crate) item_separator: String,
    /// Between key and value (default `:`).
    pub(crate) keyvalue_separator: String,
    /// Conversion of each value (default `string`); with `target_type_throw` false an item whose
    /// value fails is left out.
    pub(crate) conversion: Conversion,
}

impl Mapping {
    /// Converts one value.
    pub(crate) fn convert(&self, value: &InfoValue) -> Result<Value, String> {
        let text = value.as_text().ok_or_else(|| {
            format!(
                "Invalid parameter for MappingConverter: {}",
                describe(value)
            )
        })?;
        if self.keyvalue_separator.is_empty() {
            return Err("empty separator".to_owned());
        }
        let mut mapping = Map::new();
        for item in split(text, &self.item_separator)? {
            let (key, raw) = item
                .split_once(self.keyvalue_separator.as_str())
                .ok_or_else(|| {
                    format!(
                        "Item '{item}' has no separator '{}'",
                        self.keyvalue_separator
                    )
                })?;
            let converted = self.conversion.run(
                || format!("'{raw}'"),
                || self.conversion.target_type.apply_text(raw),
            )?;
            if let Some(converted) = converted {
                mapping.insert(key.to_owned(), converted);
            }
        }
        Ok(Value::Object(mapping))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::keyvalue::TargetType;
    use serde_json::json;

    fn mapping(target_type: TargetType, throw: bool) -> Mapping {
        Mapping {
            item_separator: ",".to_owned(),
            keyvalue_separator: ":".to_owned(),
            conversion: Conversion { target_type, throw },
        }
    }

    #[test]
    fn values_stay_strings_by_default() {
        let converted =
            mapping(TargetType::Str, true).convert(&InfoValue::Text("PU:115,Ciliopati:65"));
        assert_eq!(converted, Ok(json!({"PU": "115", "Ciliopati": "65"})));
    }

    #[test]
    fn values_split_once() {
        let converted = mapping(TargetType::Str, true).convert(&InfoValue::Text("a:b:c"));
        assert_eq!(converted, Ok(json!({"a": "b:c"})));
    }

    #[test]
    fn failures() {
        assert!(mapping(TargetType::Str, true)
            .convert(&InfoValue::Text("PU"))
            .is_err());
        assert!(mapping(TargetType::Int, true)
            .convert(&InfoValue::Text("a:x"))
            .is_err());
        assert!(mapping(TargetType::Str, true)
            .convert(&InfoValue::Typed(json!(1)))
            .is_err());
        let tolerant = mapping(TargetType::Int, false).convert(&InfoValue::Text("a:x,b:2"));
        assert_eq!(tolerant, Ok(json!({"b": 2})));
    }
}
