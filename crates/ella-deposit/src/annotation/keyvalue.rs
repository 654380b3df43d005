//! `target_type` conversion (import.md §8.5) and the `keyvalue` converter (§8.6), whose rules the
//! `mapping` and `meta` converters reuse.

use serde_json::Value;

use super::info::InfoValue;
use super::python::{json_float, parse_float, parse_int, py_str, split, strtobool, truthy};

/// A `target_type`: the Python builtin ELLA applies to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetType {
    /// Unchanged (the keyvalue/meta default; the config schema cannot spell it).
    Identity,
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `str` (configured as `string`).
    Str,
    /// `bool` via `strtobool` for text.
    Bool,
}

/// Why a conversion failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// Python raised `ValueError`/`TypeError`: tolerated when `target_type_throw` is false.
    Unconvertible,
    /// The result cannot be stored as JSON (NaN, infinity): always fatal, as it is for ELLA's
    /// database insert.
    Unstorable,
}

impl TargetType {
    /// Reads a `target_type` name (ELLA's `TypeConverter` names, including the `str` alias).
    pub(crate) fn from_name(name: &str) -> Result<Self, String> {
        match name {
            "identity" => Ok(Self::Identity),
            "int" => Ok(Self::Int),
            "float" => Ok(Self::Float),
            "str" | "string" => Ok(Self::Str),
            "bool" => Ok(Self::Bool),
            _ => Err(format!(
                "Invalid target type: {name}. Available types are: bool, float, identity, int, str, string"
            )),
        }
    }

    /// Converts an INFO value.
    pub(crate) fn apply(self, value: &InfoValue) -> Result<Value, Failure> {
        match value {
            InfoValue::Text(text) => self.apply_text(text),
            InfoValue::Typed(value) => self.apply_json(value),
        }
    }

    /// Converts text: Python's `int(text)`, `float(text)`, `strtobool(text)`.
    pub(crate) fn apply_text(self, text: &str) -> Result<Value, Failure> {
        match self {
            Self::Identity | Self::Str => Ok(Value::String(text.to_owned())),
            Self::Int => parse_int(text)
                .map(Value::from)
                .ok_or(Failure::Unconvertible),
            Self::Float => json_float(parse_float(text).ok_or(Failure::Unconvertible)?)
                .ok_or(Failure::Unstorable),
            Self::Bool => strtobool(text)
                .map(Value::Bool)
                .ok_or(Failure::Unconvertible),
        }
    }

    /// Converts a typed (non-text) value; `int` truncates toward zero, `str` gives Python's
    /// textual form (`None` for null), `bool` is truthiness.
    fn apply_json(self, value: &Value) -> Result<Value, Failure> {
        match (self, value) {
            (Self::Identity, _) => Ok(value.clone()),
            (_, Value::String(text)) => self.apply_text(text),
            (Self::Str, _) => Ok(Value::String(py_str(value))),
            (Self::Bool, _) => Ok(Value::Bool(truthy(value))),
            (Self::Int, Value::Bool(flag)) => Ok(Value::from(i64::from(*flag))),
            (Self::Float, Value::Bool(flag)) => Ok(Value::from(f64::from(u8::from(*flag)))),
            (Self::Int, Value::Number(number)) if !number.is_f64() => Ok(value.clone()),
            (Self::Int, Value::Number(number)) => {
                let truncated = number.as_f64().map(f64::trunc).filter(|value| {
                    value.is_finite() && value.abs() < 9.2e18 // fits in i64
                });
                truncated
                    .map(|value| Value::from(value as i64))
                    .ok_or(Failure::Unconvertible)
            }
            (Self::Float, Value::Number(number)) => {
                json_float(number.as_f64().unwrap_or(f64::NAN)).ok_or(Failure::Unstorable)
            }
            (Self::Int | Self::Float, _) => Err(Failure::Unconvertible),
        }
    }
}

/// `target_type` plus `target_type_throw`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Conversion {
    /// The type.
    pub(crate) target_type: TargetType,
    /// Whether a failed conversion aborts the import (else the value becomes `null`).
    pub(crate) throw: bool,
}

impl Conversion {
    /// Runs a conversion: `Ok(None)` when it failed and failures are tolerated.
    pub(crate) fn run(
        self,
        shown: impl FnOnce() -> String,
        convert: impl FnOnce() -> Result<Value, Failure>,
    ) -> Result<Option<Value>, String> {
        match convert() {
            Ok(value) => Ok(Some(value)),
            Err(Failure::Unconvertible) if !self.throw => {
                tracing::debug!(
                    "Couldn't convert source data {} to target type {:?}, but target_type_throw is false",
                    shown(),
                    self.target_type
                );
                Ok(None)
            }
            Err(Failure::Unconvertible) => Err(format!(
                "Couldn't convert source data {} to target type {:?}",
                shown(),
                self.target_type
            )),
            Err(Failure::Unstorable) => Err(format!(
                "Source data {} converts to a number JSON cannot store",
                shown()
            )),
        }
    }
}

/// The `keyvalue` converter: converts the value, or with `split` each part of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyValue {
    /// Separator; an empty `split` counts as none (ELLA tests its truthiness).
    pub(crate) split: Option<String>,
    /// Type conversion.
    pub(crate) conversion: Conversion,
}

impl KeyValue {
    /// Converts one value; a tolerated failure gives `null` (the whole list with `split`).
    pub(crate) fn convert(&self, value: &InfoValue) -> Result<Value, String> {
        let target_type = self.conversion.target_type;
        let shown = || describe(value);
        let converted = match &self.split {
            None => self.conversion.run(shown, || target_type.apply(value))?,
            Some(separator) => {
                let text = value.as_text().ok_or_else(|| {
                    format!(
                        "KeyValueConverter cannot split non-string on {separator}: {}",
                        shown()
                    )
                })?;
                let parts = split(text, separator)?;
                self.conversion.run(shown, || {
                    parts
                        .map(|part| target_type.apply_text(part))
                        .collect::<Result<Vec<_>, _>>()
                        .map(Value::Array)
                })?
            }
        };
        Ok(converted.unwrap_or(Value::Null))
    }
}

/// A value as shown in error messages (long values are cut).
pub(crate) fn describe(value: &InfoValue) -> String {
    const LIMIT: usize = 200;
    let text = match value {
        InfoValue::Text(text) => format!("'{text}'"),
        InfoValue::Typed(value) => py_str(value),
    };
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn keyvalue(target_type: TargetType, throw: bool, split: Option<&str>) -> KeyValue {
        KeyValue {
            split: split.map(str::to_owned),
            conversion: Conversion { target_type, throw },
        }
    }

    fn typed(value: Value) -> InfoValue<'static> {
        InfoValue::Typed(value)
    }

    #[test]
    fn identity_keeps_the_value() {
        let converter = keyvalue(TargetType::Identity, true, None);
        for value in [json!(1), json!(null), json!(true), json!([1, 2])] {
            assert_eq!(converter.convert(&typed(value.clone())), Ok(value));
        }
        assert_eq!(converter.convert(&InfoValue::Text("1")), Ok(json!("1")));
    }

    #[test]
    fn int_conversion() {
        let converter = keyvalue(TargetType::Int, true, None);
        assert_eq!(converter.convert(&typed(json!(1))), Ok(json!(1)));
        assert_eq!(converter.convert(&InfoValue::Text("1")), Ok(json!(1)));
        assert_eq!(converter.convert(&typed(json!(true))), Ok(json!(1)));
        assert_eq!(converter.convert(&typed(json!(false))), Ok(json!(0)));
        assert_eq!(converter.convert(&typed(json!(-2.7))), Ok(json!(-2)));
        for bad in [
            InfoValue::Text("1.0"),
            typed(json!(null)),
            InfoValue::Text("dabla"),
        ] {
            assert!(converter.convert(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn float_conversion() {
        let converter = keyvalue(TargetType::Float, true, None);
        assert_eq!(converter.convert(&typed(json!(1))), Ok(json!(1.0)));
        assert_eq!(converter.convert(&InfoValue::Text("1.0")), Ok(json!(1.0)));
        assert_eq!(converter.convert(&typed(json!(true))), Ok(json!(1.0)));
        // Text is read as a double, unlike a Float-typed INFO value.
        assert_eq!(
            converter.convert(&InfoValue::Text("0.1174")),
            Ok(json!(0.1174))
        );
        assert!(converter.convert(&typed(json!(null))).is_err());
        assert!(converter.convert(&InfoValue::Text("dabla")).is_err());
        // NaN cannot be stored, whatever target_type_throw says.
        let tolerant = keyvalue(TargetType::Float, false, None);
        assert!(tolerant.convert(&InfoValue::Text("nan")).is_err());
    }

    #[test]
    fn bool_conversion() {
        let converter = keyvalue(TargetType::Bool, true, None);
        for value in [
            json!(true),
            json!(2),
            json!(0.1),
            json!("True"),
            json!("y"),
            json!([0]),
        ] {
            assert_eq!(
                converter.convert(&typed(value.clone())),
                Ok(json!(true)),
                "{value}"
            );
        }
        for value in [
            json!(false),
            json!(null),
            json!(0),
            json!(0.0),
            json!("off"),
            json!("N"),
        ] {
            assert_eq!(
                converter.convert(&typed(value.clone())),
                Ok(json!(false)),
                "{value}"
            );
        }
        assert!(converter.convert(&InfoValue::Text("dabla")).is_err());
    }

    #[test]
    fn string_conversion_uses_python_text() {
        let converter = keyvalue(TargetType::Str, true, None);
        assert_eq!(converter.convert(&typed(json!(1))), Ok(json!("1")));
        assert_eq!(
            converter.convert(&typed(json!(0.117_399_998_009_204_86))),
            Ok(json!("0.11739999800920486"))
        );
        // str(None) succeeds in Python.
        assert_eq!(converter.convert(&typed(json!(null))), Ok(json!("None")));
    }

    #[test]
    fn split_converts_each_part() {
        let plain = keyvalue(TargetType::Identity, true, Some("|"));
        assert_eq!(
            plain.convert(&InfoValue::Text("1|2|3")),
            Ok(json!(["1", "2", "3"]))
        );
        let ints = keyvalue(TargetType::Int, true, Some("|"));
        assert_eq!(
            ints.convert(&InfoValue::Text("1|2|3")),
            Ok(json!([1, 2, 3]))
        );
        assert!(ints.convert(&InfoValue::Text("1|2|dabla")).is_err());
        assert!(
            ints.convert(&typed(json!(12))).is_err(),
            "only text can be split"
        );
    }

    #[test]
    fn tolerated_failures_give_null() {
        let converter = keyvalue(TargetType::Int, false, Some("|"));
        assert_eq!(
            converter.convert(&InfoValue::Text("1|2|dabla")),
            Ok(Value::Null)
        );
        let converter = keyvalue(TargetType::Int, false, None);
        assert_eq!(converter.convert(&InfoValue::Text(".")), Ok(Value::Null));
        assert_eq!(converter.convert(&typed(json!([1, 2]))), Ok(Value::Null));
    }
}
