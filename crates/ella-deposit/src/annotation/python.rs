//! The bits of Python value semantics ELLA's converters inherit (import.md §8.5): `int()` and
//! `float()` of text, `str()`/`repr()` of values, `strtobool`, truthiness and `str.split`.
//! Converted values are stored and compared as JSON, so they must come out as Python makes them.

use std::borrow::Cow;

use serde_json::{Number, Value};

/// Python `int(text)`: surrounding whitespace, an optional sign, ASCII digits with single `_`
/// between digits. `None` where Python raises `ValueError`, and for values beyond 64 bits.
pub(crate) fn parse_int(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let digits = without_digit_separators(digits)?;
    if digits.is_empty() {
        return None;
    }
    // Accumulated negatively so that i64::MIN fits.
    let mut value: i64 = 0;
    for byte in digits.bytes() {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value.checked_mul(10)?.checked_sub(i64::from(byte - b'0'))?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

/// Python `float(text)` (whitespace, `_` between digits, `inf`/`nan` spellings).
pub(crate) fn parse_float(text: &str) -> Option<f64> {
    without_digit_separators(text.trim())?.parse().ok()
}

/// Removes `_` digit separators, which Python accepts only between two digits.
fn without_digit_separators(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains('_') {
        return Some(Cow::Borrowed(text));
    }
    let bytes = text.as_bytes();
    let between_digits = |index: usize| {
        index > 0
            && bytes[index - 1].is_ascii_digit()
            && bytes.get(index + 1).is_some_and(u8::is_ascii_digit)
    };
    (0..bytes.len())
        .filter(|&index| bytes[index] == b'_')
        .all(between_digits)
        .then(|| Cow::Owned(text.replace('_', "")))
}

/// A finite float as JSON; `None` for NaN and infinities, which JSON (and so ELLA's database)
/// cannot store.
pub(crate) fn json_float(value: f64) -> Option<Value> {
    Number::from_f64(value).map(Value::Number)
}

/// Python `repr(float)`: the shortest round-trip digits, in positional notation when the decimal
/// exponent is in `-4..16`, else as `1e-05` / `1.5e+16`; integral values end in `.0`.
pub(crate) fn float_repr(value: f64) -> String {
    if value.is_nan() {
        return "nan".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // `{:e}` yields the same shortest digits Python uses, as `d.ddde<exp>`.
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = mantissa
        .strip_prefix('-')
        .map_or(("", mantissa), |rest| ("-", rest));
    let digits = mantissa.replace('.', "");
    // Position of the decimal point relative to the first digit, as in Python's float_repr.
    let point = exponent + 1;
    if !(-3..=16).contains(&point) {
        let (first, rest) = digits.split_at(1);
        let fraction = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        return format!(
            "{sign}{first}{fraction}e{exponent_sign}{:02}",
            exponent.abs()
        );
    }
    if point <= 0 {
        let zeros = "0".repeat(point.unsigned_abs() as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let point = point as usize;
    if point >= digits.len() {
        let zeros = "0".repeat(point - digits.len());
        format!("{sign}{digits}{zeros}.0")
    } else {
        format!("{sign}{}.{}", &digits[..point], &digits[point..])
    }
}

/// Python `str(value)` for values INFO typing can produce (arrays are Python tuples).
pub(crate) fn py_str(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(py_repr).collect();
            let trailing_comma = if items.len() == 1 { "," } else { "" };
            format!("({}{trailing_comma})", items.join(", "))
        }
        other => py_repr(other),
    }
}

/// Python `repr(value)`; objects (never an INFO value) are shown as JSON.
fn py_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(number) if number.is_f64() => float_repr(number.as_f64().unwrap_or(0.0)),
        Value::String(text) => format!("'{text}'"),
        Value::Array(_) => py_str(value),
        Value::Number(_) | Value::Object(_) => value.to_string(),
    }
}

/// Python's `distutils.util.strtobool`.
pub(crate) fn strtobool(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "y" | "yes" | "t" | "true" | "on" | "1" => Some(true),
        "n" | "no" | "f" | "false" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// Python truthiness.
pub(crate) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64().is_some_and(|number| number != 0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// Python `text.split(separator)`, which refuses an empty separator.
pub(crate) fn split<'a>(
    text: &'a str,
    separator: &'a str,
) -> Result<std::str::Split<'a, &'a str>, String> {
    if separator.is_empty() {
        return Err("empty separator".to_owned());
    }
    Ok(text.split(separator))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn int_parsing_follows_python() {
        assert_eq!(parse_int(" 12 "), Some(12));
        assert_eq!(parse_int("-7"), Some(-7));
        assert_eq!(parse_int("+007"), Some(7));
        assert_eq!(parse_int("1_000"), Some(1000));
        assert_eq!(parse_int("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(parse_int("9223372036854775808"), None);
        for bad in ["1.5", "", "-", "1__0", "_1", "1_", "HGNC:1100", "dabla"] {
            assert_eq!(parse_int(bad), None, "{bad}");
        }
    }

    #[test]
    fn float_parsing_follows_python() {
        assert_eq!(parse_float(" 1.5 "), Some(1.5));
        assert_eq!(parse_float("1e5"), Some(100_000.0));
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert!(parse_float("nan").is_some_and(f64::is_nan));
        assert_eq!(parse_float("dabla"), None);
        assert_eq!(parse_float(""), None);
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (5.0, "5.0"),
            (0.5, "0.5"),
            (0.117_399_998_009_204_86, "0.11739999800920486"),
            (0.0001, "0.0001"),
            (0.000_01, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1_234_567_890_123_456.0, "1234567890123456.0"),
            (1e16, "1e+16"),
            (1.5e300, "1.5e+300"),
            (-2.5, "-2.5"),
            (123.456, "123.456"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_repr(value), expected, "{value}");
        }
    }

    #[test]
    fn str_matches_python() {
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(12)), "12");
        assert_eq!(py_str(&json!(0.5)), "0.5");
        assert_eq!(py_str(&json!("x")), "x");
        assert_eq!(py_str(&json!([1, null, 0.5])), "(1, None, 0.5)");
    }

    #[test]
    fn strtobool_and_truthiness() {
        assert_eq!(strtobool("Yes"), Some(true));
        assert_eq!(strtobool("OFF"), Some(false));
        assert_eq!(strtobool("dabla"), None);
        assert!(!truthy(&json!(null)));
        assert!(!truthy(&json!(0.0)));
        assert!(truthy(&json!([0])));
        assert!(!truthy(&json!([])));
    }

    #[test]
    fn split_refuses_an_empty_separator() {
        assert!(split("a", "").is_err());
        assert_eq!(
            split("a|b", "|").map(Iterator::collect::<Vec<_>>),
            Ok(vec!["a", "b"])
        );
    }
}
