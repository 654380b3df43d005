//! Numbers read the way htslib (ELLA's VCF parser, through cyvcf2) reads them.
//!
//! import.md §1.2: integers are 32-bit, and floats are parsed to a double, stored as IEEE-754
//! single precision and widened back to double when ELLA sees them (`0.05` becomes
//! `0.05000000074505806`). Stored annotation and threshold checks depend on this, so it is
//! reproduced exactly: the decimal text is rounded to the nearest `f64` (htslib's
//! `hts_str2dbl`/`strtod` round correctly) and then to `f32`, like htslib's `(float)` cast.

/// htslib reserves the eight lowest `int32` values (missing, end of vector, ...); a value there
/// or outside `int32` is read as missing ("extreme value", htslib `vcf.c`).
const MIN_INT32: i64 = i32::MIN as i64 + 8;

/// An INFO integer as htslib reads it: leading sign and digits, anything after them ignored;
/// `None` (missing) when there are no digits or the value is outside htslib's `int32` range.
pub(crate) fn info_integer(text: &str) -> Option<i32> {
    let (negative, digits) = split_sign(text.trim_start());
    let digits = &digits[..digits.bytes().take_while(u8::is_ascii_digit).count()];
    if digits.is_empty() {
        return None;
    }
    let magnitude: i64 = digits.parse().ok()?;
    let value = if negative { -magnitude } else { magnitude };
    (MIN_INT32..=i64::from(i32::MAX))
        .contains(&value)
        .then_some(value as i32)
}

/// A float as htslib stores it (single precision), widened to `f64`; `None` (missing) when the
/// text does not start with a number. Like `strtod`, a numeric prefix is enough (`0.5x` is 0.5).
pub(crate) fn single_precision(text: &str) -> Option<f64> {
    let text = text.trim_start();
    let double: f64 = match text.parse() {
        Ok(value) => value,
        Err(_) => text[..decimal_prefix_len(text)].parse().ok()?,
    };
    Some(f64::from(double as f32))
}

/// A FORMAT integer: `.` is missing, and so is a value outside htslib's `int32` range (htslib
/// warns and stores missing). Anything that is not an integer is malformed input (htslib
/// refuses the record), reported as `Err`.
pub(crate) fn format_integer(text: &str) -> Result<Option<i32>, ()> {
    if text == "." {
        return Ok(None);
    }
    let (_, digits) = split_sign(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    Ok(text
        .parse::<i64>()
        .ok()
        .filter(|value| (MIN_INT32..=i64::from(i32::MAX)).contains(value))
        .map(|value| value as i32))
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// Length of the longest prefix of `text` of the form `[+-]digits[.digits][e[+-]digits]`.
fn decimal_prefix_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let digits_from = |start: usize| {
        start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
    };
    let mut end = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let integer_end = digits_from(end);
    let mut mantissa_digits = integer_end - end;
    end = integer_end;
    if bytes.get(end) == Some(&b'.') {
        let fraction_end = digits_from(end + 1);
        mantissa_digits += fraction_end - end - 1;
        end = fraction_end;
    }
    if mantissa_digits == 0 {
        return 0;
    }
    if matches!(bytes.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        let exponent_end = digits_from(end + 1 + sign);
        if exponent_end > end + 1 + sign {
            end = exponent_end;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_single_precision_widened() {
        assert_eq!(single_precision("0.1174"), Some(0.117_399_998_009_204_86));
        assert_eq!(single_precision("0.05"), Some(0.050_000_000_745_058_06));
        assert_eq!(single_precision("0.1503"), Some(0.150_299_996_137_619_02));
        assert_eq!(single_precision("1e-5"), Some(f64::from(1e-5_f32)));
        assert_eq!(single_precision("0.5abc"), Some(0.5));
        assert_eq!(single_precision("-2."), Some(-2.0));
        assert_eq!(single_precision("."), None);
        assert_eq!(single_precision("abc"), None);
        assert_eq!(single_precision(""), None);
    }

    #[test]
    fn info_integers_follow_htslib() {
        assert_eq!(info_integer("12"), Some(12));
        assert_eq!(info_integer("-548"), Some(-548));
        assert_eq!(info_integer("12abc"), Some(12));
        assert_eq!(info_integer("1.5"), Some(1));
        assert_eq!(info_integer("."), None);
        assert_eq!(info_integer("x"), None);
        assert_eq!(info_integer("2147483647"), Some(i32::MAX));
        assert_eq!(info_integer("2147483648"), None);
        assert_eq!(info_integer("-2147483648"), None);
        assert_eq!(info_integer("99999999999999999999999"), None);
    }

    #[test]
    fn format_integers_are_strict() {
        assert_eq!(format_integer("35"), Ok(Some(35)));
        assert_eq!(format_integer("-1"), Ok(Some(-1)));
        assert_eq!(format_integer("."), Ok(None));
        assert_eq!(format_integer("3000000000"), Ok(None));
        assert_eq!(format_integer("1.5"), Err(()));
        assert_eq!(format_integer(""), Err(()));
        assert_eq!(format_integer("-"), Err(()));
    }
}
