//! The `json` and `clinvarjson` converters (import.md §8.6): base16/32/64-encoded JSON, decoded
//! with Python's `base64` rules; ClinVar's incoming shape is reshaped into ELLA's stored one.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use serde_json::{Map, Value};

use super::info::InfoValue;
use super::keyvalue::describe;

/// The `encoding` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Upper-case hex (`base64.b16decode`).
    Base16,
    /// RFC 4648 base32, upper case, padded (`base64.b32decode`).
    Base32,
    /// Standard base64, padded; other characters are discarded (`base64.b64decode`).
    Base64,
}

impl Encoding {
    /// Reads an `encoding` name.
    pub(crate) fn from_name(name: &str) -> Result<Self, String> {
        match name {
            "base16" => Ok(Self::Base16),
            "base32" => Ok(Self::Base32),
            "base64" => Ok(Self::Base64),
            _ => Err(format!(
                "Invalid encoding: {name}. Must be one of: base16, base32, base64"
            )),
        }
    }

    /// Decodes text to bytes.
    fn decode(self, text: &str) -> Result<Vec<u8>, String> {
        match self {
            Self::Base16 => decode_base16(text),
            Self::Base32 => decode_base32(text),
            Self::Base64 => decode_base64(text),
        }
    }

    /// Decodes encoded UTF-8 JSON text (key order kept: ClinVar items follow it).
    pub(crate) fn decode_json(self, value: &InfoValue) -> Result<Value, String> {
        let text = value
            .as_text()
            .ok_or_else(|| format!("Invalid parameter for JSONConverter: {}", describe(value)))?;
        // serde_json checks UTF-8 as it reads, as Python's strict decode does before parsing.
        serde_json::from_slice(&self.decode(text)?)
            .map_err(|error| format!("Invalid JSON: {error}"))
    }
}

fn decode_base16(text: &str) -> Result<Vec<u8>, String> {
    let nibble = |byte: u8| match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    };
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return Err("Odd-length string".to_owned());
    }
    let mut decoded = Vec::with_capacity(bytes.len() / 2);
    for pair in bytes.chunks_exact(2) {
        match (nibble(pair[0]), nibble(pair[1])) {
            (Some(high), Some(low)) => decoded.push(high << 4 | low),
            _ => return Err("Non-base16 digit found".to_owned()),
        }
    }
    Ok(decoded)
}

fn decode_base32(text: &str) -> Result<Vec<u8>, String> {
    const INCORRECT_PADDING: &str = "Incorrect padding";
    if !text.len().is_multiple_of(8) {
        return Err(INCORRECT_PADDING.to_owned());
    }
    let data = text.trim_end_matches('=');
    // Python accepts only the pad lengths a final quantum can have.
    if ![0, 1, 3, 4, 6].contains(&(text.len() - data.len())) {
        return Err(INCORRECT_PADDING.to_owned());
    }
    let mut decoded = Vec::with_capacity(data.len() * 5 / 8);
    let (mut buffer, mut bits) = (0_u64, 0_u32);
    for byte in data.bytes() {
        let digit = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'2'..=b'7' => byte - b'2' + 26,
            _ => return Err("Non-base32 digit found".to_owned()),
        };
        buffer = (buffer << 5) | u64::from(digit);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            decoded.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Ok(decoded)
}

fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    // Python's non-validating decoder drops characters outside the alphabet and ignores
    // non-zero trailing bits, but still requires the padding.
    const ENGINE: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_allow_trailing_bits(true)
            .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
    );
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
        .collect();
    ENGINE.decode(kept).map_err(|error| error.to_string())
}

/// ClinVar's incoming shape → ELLA's stored one (§8.6 clinvarjson); other JSON is kept as is.
pub(crate) fn reshape_clinvar(data: &Value) -> Result<Value, String> {
    if !is_incoming_clinvar(data) {
        return Ok(data.clone());
    }
    let mut items = Vec::new();
    for (rcv, fields) in data["rcvs"].as_object().into_iter().flatten() {
        let mut item = Map::new();
        for key in RCV_FIELDS {
            item.insert(key.to_owned(), Value::String(py_join(&fields[key])?));
        }
        item.insert("rcv".to_owned(), Value::String(rcv.clone()));
        items.push(Value::Object(item));
    }
    let mut reshaped = Map::new();
    reshaped.insert("items".to_owned(), Value::Array(items));
    reshaped.insert(
        "variant_description".to_owned(),
        data["variant_description"].clone(),
    );
    reshaped.insert("variant_id".to_owned(), data["variant_id"].clone());
    Ok(Value::Object(reshaped))
}

const RCV_FIELDS: [&str; 5] = [
    "traitnames",
    "clinical_significance_descr",
    "variant_id",
    "submitter",
    "last_evaluated",
];

/// ELLA's `CLINVAR_V1_INCOMING_SCHEMA` (draft 7): `variant_description` a string, `variant_id` an
/// integer (an integral float counts), `rcvs` an object of objects that have all five fields,
/// four of them arrays of strings (`last_evaluated` may be anything).
fn is_incoming_clinvar(data: &Value) -> bool {
    let is_integer = |value: &Value| {
        value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|v| v.fract() == 0.0)
    };
    let is_string_array = |value: &Value| {
        value
            .as_array()
            .is_some_and(|items| items.iter().all(Value::is_string))
    };
    let is_rcv = |rcv: &Value| {
        rcv.as_object().is_some_and(|rcv| {
            RCV_FIELDS.iter().all(|key| rcv.contains_key(*key))
                && RCV_FIELDS[..4]
                    .iter()
                    .all(|key| is_string_array(&rcv[*key]))
        })
    };
    data["variant_description"].is_string()
        && data.get("variant_id").is_some_and(is_integer)
        && data["rcvs"]
            .as_object()
            .is_some_and(|rcvs| rcvs.values().all(is_rcv))
}

/// Python `", ".join(value)`: a string joins its characters, an object its keys.
fn py_join(value: &Value) -> Result<String, String> {
    let mut joined = String::new();
    let mut first = true;
    let mut push = |part: &str| {
        if !first {
            joined.push_str(", ");
        }
        first = false;
        joined.push_str(part);
    };
    match value {
        Value::String(text) => text.chars().for_each(|c| push(c.encode_utf8(&mut [0; 4]))),
        Value::Object(map) => map.keys().for_each(|key| push(key)),
        Value::Array(items) => {
            for item in items {
                push(
                    item.as_str()
                        .ok_or_else(|| format!("Cannot join non-string items of {value}"))?,
                );
            }
        }
        _ => return Err(format!("Cannot join {value}")),
    }
    Ok(joined)
}

/// Python's `base64.b16encode`, for tests.
#[cfg(test)]
pub(crate) fn encode_base16(text: &str) -> String {
    use std::fmt::Write as _;
    text.bytes().fold(String::new(), |mut encoded, byte| {
        let _ = write!(encoded, "{byte:02X}");
        encoded
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DATA: &str = r#"{"a1": {"b1": {"c": [1, 2, 3]}, "b2": {"d": "dabla"}}, "a2": ["foo"]}"#;

    fn decode(encoding: Encoding, text: &str) -> Result<Value, String> {
        encoding.decode_json(&InfoValue::Text(text))
    }

    #[test]
    fn base16() {
        let encoded = encode_base16(DATA);
        assert_eq!(
            decode(Encoding::Base16, &encoded),
            serde_json::from_str(DATA).map_err(|e| e.to_string())
        );
        assert!(
            decode(Encoding::Base16, &encoded.to_lowercase()).is_err(),
            "lower case"
        );
        assert!(decode(Encoding::Base16, "7B2").is_err(), "odd length");
    }

    #[test]
    fn base32() {
        // base64.b32encode(b'{"a": 1}') and b'[1]'
        assert_eq!(
            decode(Encoding::Base32, "PMRGCIR2EAYX2==="),
            Ok(json!({"a": 1}))
        );
        assert_eq!(decode(Encoding::Base32, "LMYV2==="), Ok(json!([1])));
        assert!(
            decode(Encoding::Base32, "LMYV2").is_err(),
            "padding required"
        );
        assert!(
            decode(Encoding::Base32, "lmyv2===").is_err(),
            "upper case only"
        );
    }

    #[test]
    fn base64() {
        // base64.b64encode(b'{"a": 1}')
        assert_eq!(
            decode(Encoding::Base64, "eyJhIjogMX0="),
            Ok(json!({"a": 1}))
        );
        assert_eq!(
            decode(Encoding::Base64, "eyJhIjo\ngMX0="),
            Ok(json!({"a": 1}))
        );
        assert!(
            decode(Encoding::Base64, "eyJhIjogMX0").is_err(),
            "padding required"
        );
    }

    #[test]
    fn non_text_is_refused() {
        assert!(Encoding::Base16
            .decode_json(&InfoValue::Typed(json!(1)))
            .is_err());
    }

    #[test]
    fn clinvar_reshaping() {
        let incoming = json!({
            "variant_description": "reviewed by expert panel",
            "variant_id": 51063,
            "pubmed_ids": ["1"],
            "rcvs": {
                "SCV000323955": {
                    "traitnames": [], "clinical_significance_descr": ["Pathogenic"],
                    "variant_id": ["51063"], "submitter": ["ENIGMA"],
                    "last_evaluated": ["2016-10-18"]
                },
                "SCV000000001": {
                    "traitnames": ["a", "b"], "clinical_significance_descr": ["Benign"],
                    "variant_id": ["51063"], "submitter": ["X"], "last_evaluated": "2016"
                }
            }
        });
        let expected = json!({
            "variant_description": "reviewed by expert panel", "variant_id": 51063,
            "items": [
                {"rcv": "SCV000323955", "traitnames": "", "clinical_significance_descr": "Pathogenic",
                 "variant_id": "51063", "submitter": "ENIGMA", "last_evaluated": "2016-10-18"},
                {"rcv": "SCV000000001", "traitnames": "a, b", "clinical_significance_descr": "Benign",
                 "variant_id": "51063", "submitter": "X", "last_evaluated": "2, 0, 1, 6"}
            ]
        });
        let reshaped = reshape_clinvar(&incoming).unwrap();
        assert_eq!(reshaped, expected);
        assert_eq!(
            reshaped["items"][1]["rcv"], "SCV000000001",
            "rcvs order kept"
        );
    }

    #[test]
    fn join_like_python() {
        assert_eq!(py_join(&json!(["", "a", ""])), Ok(", a, ".to_owned()));
        assert_eq!(py_join(&json!([])), Ok(String::new()));
        assert_eq!(py_join(&json!("ab")), Ok("a, b".to_owned()));
        assert_eq!(py_join(&json!({"k": 1, "l": 2})), Ok("k, l".to_owned()));
        assert!(py_join(&json!([1])).is_err());
    }

    #[test]
    fn other_json_is_kept() {
        for data in [
            json!({"variant_id": "N/A"}),
            json!([1]),
            json!({"variant_description": "x", "variant_id": 1, "rcvs": {"S": {"traitnames": []}}}),
        ] {
            assert_eq!(reshape_clinvar(&data), Ok(data.clone()));
        }
        let null_date = json!({"variant_description": "x", "variant_id": 1, "rcvs": {"S": {
            "traitnames": [], "clinical_significance_descr": [], "variant_id": [], "submitter": [],
            "last_evaluated": null}}});
        assert!(
            reshape_clinvar(&null_date).is_err(),
            "Python cannot join None"
        );
    }
}
