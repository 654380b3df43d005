//! A record's `INFO` column, raw and typed the way ELLA's annotation converters see it
//! (import.md §1.2).
//!
//! The annotation converters get each record's INFO as it appears in the file: keys in column
//! order (the order matters for `references`, §8.6), each with its raw text and its value typed by
//! the header definition with htslib semantics:
//!
//! | Header type | Raw value | [`InfoValue`] |
//! |---|---|---|
//! | any | key without `=` | `Flag` (`true`) |
//! | Flag | key present | `Flag` (`true`) |
//! | Integer / Float | one value | `Integer` / `Float`, `.` or unreadable → `None` |
//! | Integer / Float | several values | `Integers` / `Floats`, `.` elements → `None` |
//! | String / Character, or no definition | any | `Text`: the whole raw text, commas included |
//!
//! Floats are single precision widened to double (`0.05` → `0.05000000074505806`).

use std::ops::Range;

use memchr::memchr;
use serde_json::{Map, Value};

use super::header::{InfoType, VcfHeader};
use super::number::{info_integer, single_precision};
use super::record::VcfRecord;

/// One `key[=value]` entry of an INFO column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InfoField<'r> {
    key: &'r str,
    raw: Option<&'r str>,
}

impl<'r> InfoField<'r> {
    /// The key.
    pub fn key(&self) -> &'r str {
        self.key
    }

    /// The raw text after `=`; `None` for a key without value (a flag).
    pub fn raw(&self) -> Option<&'r str> {
        self.raw
    }

    /// The value typed by the header definition of the key (see the module documentation).
    pub fn value(&self, header: &VcfHeader) -> InfoValue<'r> {
        let Some(raw) = self.raw else {
            return InfoValue::Flag;
        };
        match header.info_type(self.key) {
            InfoType::Flag => InfoValue::Flag,
            InfoType::Integer if raw.contains(',') => {
                InfoValue::Integers(raw.split(',').map(info_integer).collect())
            }
            InfoType::Integer => InfoValue::Integer(info_integer(raw)),
            InfoType::Float if raw.contains(',') => {
                InfoValue::Floats(raw.split(',').map(single_precision).collect())
            }
            InfoType::Float => InfoValue::Float(single_precision(raw)),
            InfoType::String | InfoType::Character => InfoValue::Text(raw),
        }
    }
}

/// An INFO value as ELLA's annotation converters see it (§1.2).
#[derive(Debug, Clone, PartialEq)]
pub enum InfoValue<'r> {
    /// A flag, or any key given without value: `true`.
    Flag,
    /// One integer; `None` for `.`.
    Integer(Option<i32>),
    /// One float (single precision, widened); `None` for `.`.
    Float(Option<f64>),
    /// Several comma-separated integers.
    Integers(Vec<Option<i32>>),
    /// Several comma-separated floats.
    Floats(Vec<Option<f64>>),
    /// Text, complete with any commas.
    Text(&'r str),
}

impl InfoValue<'_> {
    /// The value as JSON: `true`, a number, `null`, an array, or a string. A float that is not
    /// finite becomes `null` (JSON has no NaN or infinity).
    pub fn to_json(&self) -> Value {
        fn array<T: Copy>(values: &[Option<T>]) -> Value
        where
            Value: From<T>,
        {
            Value::Array(
                values
                    .iter()
                    .map(|value| value.map_or(Value::Null, Value::from))
                    .collect(),
            )
        }
        match self {
            Self::Flag => Value::Bool(true),
            Self::Integer(value) => value.map_or(Value::Null, Value::from),
            Self::Float(value) => value.map_or(Value::Null, Value::from),
            Self::Integers(values) => array(values),
            Self::Floats(values) => array(values),
            Self::Text(text) => Value::from(*text),
        }
    }
}

/// The `key[=value]` entries of an INFO text as byte ranges (key, value), skipping empty ones.
///
/// INFO columns of annotated VCFs run to kilobytes (VEP `CSQ`), so the separators are found with
/// `memchr`.
#[derive(Debug, Clone)]
pub(crate) struct InfoEntries<'t> {
    text: &'t [u8],
    position: usize,
}

impl<'t> InfoEntries<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            position: 0,
        }
    }
}

impl Iterator for InfoEntries<'_> {
    type Item = (Range<usize>, Option<Range<usize>>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let start = self.position;
            if start >= self.text.len() {
                return None;
            }
            let end = memchr(b';', &self.text[start..]).map_or(self.text.len(), |i| start + i);
            self.position = end + 1;
            if start == end {
                continue;
            }
            return Some(match memchr(b'=', &self.text[start..end]) {
                Some(i) => (start..start + i, Some(start + i + 1..end)),
                None => (start..end, None),
            });
        }
    }
}

/// The entries of an INFO column, in column order.
#[derive(Debug, Clone)]
pub struct InfoFields<'r> {
    text: &'r str,
    entries: InfoEntries<'r>,
}

impl<'r> Iterator for InfoFields<'r> {
    type Item = InfoField<'r>;

    fn next(&mut self) -> Option<InfoField<'r>> {
        let (key, raw) = self.entries.next()?;
        Some(InfoField {
            key: &self.text[key],
            raw: raw.map(|raw| &self.text[raw]),
        })
    }
}

impl VcfRecord {
    /// The INFO entries in column order; none when INFO is `.`.
    pub fn info(&self) -> InfoFields<'_> {
        let text = self.info_text();
        InfoFields {
            text,
            entries: InfoEntries::new(text),
        }
    }

    /// The first INFO entry with `key`.
    pub fn info_field(&self, key: &str) -> Option<InfoField<'_>> {
        self.info().find(|field| field.key == key)
    }

    /// All INFO values typed and converted to JSON, keyed and ordered as in the record: the
    /// `record.annotation()` mapping ELLA hands its annotation converters.
    pub fn info_json(&self, header: &VcfHeader) -> Map<String, Value> {
        self.info()
            .map(|field| (field.key.to_owned(), field.value(header).to_json()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::vcf::record::tests::{parse_record, test_header};

    #[test]
    fn values_are_typed_like_htslib() {
        let header = test_header(&[]);
        let record = parse_record(
            "1\t5\t.\tA\tC\t.\t.\tDB;AF=0.05;AC=1,.,3;CSQ=a,b|c;UNDECLARED=1,2;AF2;SVLEN=.",
            0,
        );
        let fields: Vec<_> = record.info().map(|field| field.key()).collect();
        assert_eq!(
            fields,
            ["DB", "AF", "AC", "CSQ", "UNDECLARED", "AF2", "SVLEN"]
        );
        assert_eq!(
            Value::Object(record.info_json(&header)),
            json!({
                "DB": true,
                "AF": 0.050_000_000_745_058_06,
                "AC": [1, null, 3],
                "CSQ": "a,b|c",
                "UNDECLARED": "1,2",
                "AF2": true,
                "SVLEN": null,
            })
        );
        let af = record.info_field("AF").expect("AF");
        assert_eq!(af.raw(), Some("0.05"));
        assert_eq!(
            af.value(&header),
            InfoValue::Float(Some(f64::from(0.05_f32)))
        );
        assert_eq!(record.info_field("XX"), None);
    }

    #[test]
    fn floats_lists_and_empty_info() {
        let header = test_header(&[]);
        let record = parse_record("1\t5\t.\tA\tC\t.\t.\tAF=0.1174,.", 0);
        assert_eq!(
            record
                .info_field("AF")
                .expect("AF")
                .value(&header)
                .to_json(),
            json!([0.117_399_998_009_204_86, null])
        );
        assert_eq!(parse_record("1\t5\t.\tA\tC\t.\t.\t.", 0).info().count(), 0);
    }
}
