//! The converters' input: a record's INFO fields and the INFO header of its VCF, with ELLA's
//! (htslib's) value typing (import.md §1.2).
//!
//! Typing happens here, lazily, and only for keys some converter reads: the VCF reader hands
//! over raw text, so records pay nothing for the many INFO keys no converter uses.

use serde_json::{Number, Value};

/// One INFO entry of a record: the key and its raw text after `=`.
///
/// The value is `None` for a key written without `=` (a flag). Entries come in the record's order,
/// and keys are expected to be unique within a record (htslib keeps one value per key).
pub type InfoField<'a> = (&'a str, Option<&'a str>);

pub use crate::vcf::InfoType;

/// One `##INFO` header line, as far as the converters need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoHeader {
    /// `ID`.
    pub id: String,
    /// `Type`.
    pub value_type: InfoType,
    /// `Description` exactly as written, *including* its surrounding double quotes (htslib keeps
    /// them, and the VEP, meta and HGMD extra-refs converters parse this raw text, §1.1).
    pub description: String,
}

/// An INFO value as a converter sees it (§1.2): text for String/Character keys and keys without
/// header, a JSON value (flag `true`, number, `null`, or an array for several numbers) otherwise.
/// Text stays borrowed because most converters only split it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum InfoValue<'a> {
    /// The complete raw text, commas included.
    Text(&'a str),
    /// A typed value.
    Typed(Value),
}

impl InfoValue<'_> {
    /// The text, when the value is text.
    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Typed(_) => None,
        }
    }

    /// The value as JSON.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Self::Text(text) => Value::String((*text).to_owned()),
            Self::Typed(value) => value.clone(),
        }
    }
}

/// Types one raw INFO value the way htslib/cyvcf2 does (§1.2): a key without header is a String;
/// one number is a scalar, several are an array; `.` is `null`; floats are read as single
/// precision and widened. A number htslib cannot read becomes `null` (htslib stores "missing").
pub(crate) fn typed(value_type: Option<InfoType>, raw: Option<&str>) -> InfoValue<'_> {
    let Some(raw) = raw else {
        return InfoValue::Typed(Value::Bool(true));
    };
    let parse: fn(&str) -> Option<Number> = match value_type {
        Some(InfoType::Flag) => return InfoValue::Typed(Value::Bool(true)),
        Some(InfoType::Integer) => |text| text.parse::<i32>().ok().map(Number::from),
        // htslib parses a double and stores it as a float; cyvcf2 widens it back (§1.2).
        Some(InfoType::Float) => {
            |text| Number::from_f64(f64::from(text.parse::<f64>().ok()? as f32))
        }
        Some(InfoType::String | InfoType::Character) | None => return InfoValue::Text(raw),
    };
    let number = |text: &str| {
        if text == "." {
            Value::Null
        } else {
            parse(text).map_or(Value::Null, Value::Number)
        }
    };
    if raw.contains(',') {
        InfoValue::Typed(Value::Array(raw.split(',').map(number).collect()))
    } else {
        InfoValue::Typed(number(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_and_missing_values() {
        let typed = |raw| typed(Some(InfoType::Integer), Some(raw));
        assert_eq!(typed("12"), InfoValue::Typed(json!(12)));
        assert_eq!(typed("."), InfoValue::Typed(Value::Null));
        assert_eq!(typed("1,.,3"), InfoValue::Typed(json!([1, null, 3])));
        assert_eq!(typed("x"), InfoValue::Typed(Value::Null));
    }

    #[test]
    fn floats_are_single_precision_widened() {
        let typed = |raw| typed(Some(InfoType::Float), Some(raw));
        assert_eq!(
            typed("0.1174"),
            InfoValue::Typed(json!(0.117_399_998_009_204_86))
        );
        assert_eq!(
            typed("0.05"),
            InfoValue::Typed(json!(0.050_000_000_745_058_06))
        );
        assert_eq!(typed("1,0.5"), InfoValue::Typed(json!([1.0, 0.5])));
    }

    #[test]
    fn text_flags_and_undeclared_keys() {
        assert_eq!(
            typed(Some(InfoType::String), Some("a,b|c")),
            InfoValue::Text("a,b|c")
        );
        assert_eq!(typed(None, Some("12")), InfoValue::Text("12"));
        assert_eq!(
            typed(Some(InfoType::Flag), None),
            InfoValue::Typed(json!(true))
        );
        assert_eq!(typed(None, None), InfoValue::Typed(json!(true)));
    }
}
