//! ELLA's lax coercion of JSON scalars (api.md §1.2: pydantic v1 semantics) and Python's
//! `int()` for query parameters.
//!
//! ELLA validates request bodies and the merged user config with pydantic v1, which converts
//! rather than rejects: a string field takes numbers, an integer field takes numeric strings and
//! truncates floats, a boolean field takes `0`/`1` and words like `"yes"`. The web UI relies on
//! some of it, so the typed request models use these wrappers instead of plain `String`, `i64`
//! and `bool`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A string field: takes a string, or a number or boolean as Python's `str()` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(transparent)]
pub struct LaxString(pub String);

/// An integer field: takes an integer, a boolean (0/1), a float (truncated) or a string that
/// Python's `int()` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(transparent)]
pub struct LaxInt(pub i64);

/// A boolean field: takes `true`/`false`, `0`/`1` and the words pydantic v1 knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(transparent)]
pub struct LaxBool(pub bool);

/// Reads a decimal integer as Python's `int(text)` does: surrounding whitespace, a sign and
/// single underscores between digits are allowed.
pub fn python_int(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return None;
    }
    let magnitude: i64 = digits.replace('_', "").parse().ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// Writes a float as Python's `repr()` does: the shortest round-trip digits, positional for
/// decimal exponents from -4 to 15, scientific with a signed two-digit exponent otherwise.
fn python_float(value: f64) -> String {
    // `{:e}` gives the shortest round-trip digits, e.g. `1.5e-7`.
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits = mantissa.replace('.', "");
    if !(-4..16).contains(&exponent) {
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{mantissa}e{exponent_sign}{:02}", exponent.abs());
    }
    let point = exponent + 1;
    let (whole, fraction) = if point <= 0 {
        (
            "0".to_owned(),
            format!("{}{digits}", "0".repeat(point.unsigned_abs() as usize)),
        )
    } else if point as usize >= digits.len() {
        (
            format!("{digits}{}", "0".repeat(point as usize - digits.len())),
            "0".to_owned(),
        )
    } else {
        let (whole, fraction) = digits.split_at(point as usize);
        (whole.to_owned(), fraction.to_owned())
    };
    format!("{sign}{whole}.{fraction}")
}

/// The visitor behind the three wrappers: `expecting` names the field type in errors.
struct LaxVisitor<T> {
    expecting: &'static str,
    from_bool: fn(bool) -> Option<T>,
    from_i64: fn(i64) -> Option<T>,
    from_f64: fn(f64) -> Option<T>,
    from_str: fn(&str) -> Option<T>,
}

impl<T> LaxVisitor<T> {
    /// The error for a value the field does not take; it names the JSON type, never the value.
    fn refuse<E: de::Error>(&self, found: de::Unexpected<'_>) -> E {
        let kind = match found {
            de::Unexpected::Bool(_) => de::Unexpected::Other("a boolean"),
            de::Unexpected::Signed(_) | de::Unexpected::Unsigned(_) => {
                de::Unexpected::Other("an integer")
            }
            de::Unexpected::Float(_) => de::Unexpected::Other("a float"),
            de::Unexpected::Str(_) => de::Unexpected::Other("a string"),
            other => other,
        };
        E::invalid_type(kind, &self.expecting)
    }
}

impl<T> Visitor<'_> for LaxVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.expecting)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<T, E> {
        (self.from_bool)(value).ok_or_else(|| self.refuse(de::Unexpected::Bool(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        (self.from_i64)(value).ok_or_else(|| self.refuse(de::Unexpected::Signed(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        i64::try_from(value)
            .ok()
            .and_then(self.from_i64)
            .ok_or_else(|| self.refuse(de::Unexpected::Unsigned(value)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<T, E> {
        (self.from_f64)(value).ok_or_else(|| self.refuse(de::Unexpected::Float(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        (self.from_str)(value).ok_or_else(|| self.refuse(de::Unexpected::Str(value)))
    }
}

impl<'de> Deserialize<'de> for LaxString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(LaxVisitor {
                expecting: "a string",
                // Python's str(True) is "True".
                from_bool: |value| Some(if value { "True" } else { "False" }.to_owned()),
                from_i64: |value| Some(value.to_string()),
                from_f64: |value| Some(python_float(value)),
                from_str: |value| Some(value.to_owned()),
            })
            .map(Self)
    }
}

impl<'de> Deserialize<'de> for LaxInt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(LaxVisitor {
                expecting: "an integer",
                from_bool: |value| Some(i64::from(value)),
                from_i64: Some,
                // int(1.9) is 1; the range check keeps NaN and infinities out.
                from_f64: |value| {
                    (value.is_finite() && value.abs() < 9.2e18).then(|| value.trunc() as i64)
                },
                from_str: python_int,
            })
            .map(Self)
    }
}

impl<'de> Deserialize<'de> for LaxBool {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(LaxVisitor {
                expecting: "a boolean",
                from_bool: Some,
                from_i64: |value| match value {
                    0 => Some(false),
                    1 => Some(true),
                    _ => None,
                },
                from_f64: |value| {
                    if value == 0.0 {
                        Some(false)
                    } else if (value - 1.0).abs() < f64::EPSILON {
                        Some(true)
                    } else {
                        None
                    }
                },
                from_str: |value| match value.to_lowercase().as_str() {
                    "1" | "on" | "t" | "true" | "y" | "yes" => Some(true),
                    "0" | "off" | "f" | "false" | "n" | "no" => Some(false),
                    _ => None,
                },
            })
            .map(Self)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::from_str;

    use super::*;

    #[test]
    fn python_int_reads_what_int_reads() {
        assert_eq!(python_int(" 12 "), Some(12));
        assert_eq!(python_int("+3"), Some(3));
        assert_eq!(python_int("-4"), Some(-4));
        assert_eq!(python_int("1_000"), Some(1000));
        for bad in [
            "",
            "1.5",
            "_1",
            "1__0",
            "1_",
            "a",
            "- 1",
            "99999999999999999999",
        ] {
            assert_eq!(python_int(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn floats_print_as_python_repr() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (123_456.0, "123456.0"),
            (1e15, "1000000000000000.0"),
        ];
        for (value, text) in cases {
            assert_eq!(python_float(value), text, "{value}");
        }
    }

    #[test]
    fn strings_take_numbers_and_booleans() {
        assert_eq!(from_str::<LaxString>("\"a\"").unwrap().0, "a");
        assert_eq!(from_str::<LaxString>("12").unwrap().0, "12");
        assert_eq!(from_str::<LaxString>("1.0").unwrap().0, "1.0");
        assert_eq!(from_str::<LaxString>("true").unwrap().0, "True");
        assert!(from_str::<LaxString>("null").is_err());
        assert!(from_str::<LaxString>("[\"a\"]").is_err());
    }

    #[test]
    fn integers_take_strings_floats_and_booleans() {
        assert_eq!(from_str::<LaxInt>("\"12\"").unwrap().0, 12);
        assert_eq!(from_str::<LaxInt>("1.9").unwrap().0, 1);
        assert_eq!(from_str::<LaxInt>("true").unwrap().0, 1);
        assert!(from_str::<LaxInt>("\"1.5\"").is_err());
        assert!(from_str::<LaxInt>("{}").is_err());
    }

    #[test]
    fn booleans_take_pydantic_words() {
        for (text, value) in [
            ("\"yes\"", true),
            ("\"Off\"", false),
            ("1", true),
            ("0.0", false),
        ] {
            assert_eq!(from_str::<LaxBool>(text).unwrap().0, value, "{text}");
        }
        assert!(from_str::<LaxBool>("2").is_err());
        assert!(from_str::<LaxBool>("\"maybe\"").is_err());
    }

    #[test]
    fn errors_do_not_repeat_the_value() {
        let error = from_str::<LaxInt>("\"hunter2\"").unwrap_err().to_string();
        assert!(!error.contains("hunter2"), "{error}");
    }
}
