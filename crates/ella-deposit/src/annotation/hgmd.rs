//! HGMD's escapes for characters VCF reserves, and the `hgmd` converter (import.md §8.6).

use std::borrow::Cow;

use serde_json::{json, Value};

use super::info::InfoValue;
use super::keyvalue::describe;
use super::Additional;

/// Decodes HGMD escapes: `@#EQ` `=`, `@#CM` `,`, `@#SC` `;`, `@#SP` space, `@#TA` tab. One left
/// to right pass equals ELLA's sequential replacements, as no replacement can form a new escape.
pub(crate) fn decode_escapes(text: &str) -> Cow<'_, str> {
    if !text.contains("@#") {
        return Cow::Borrowed(text);
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("@#") {
        decoded.push_str(&rest[..start]);
        let code = rest.get(start + 2..start + 4);
        let replacement = match code {
            Some("EQ") => Some('='),
            Some("CM") => Some(','),
            Some("SC") => Some(';'),
            Some("SP") => Some(' '),
            Some("TA") => Some('\t'),
            _ => None,
        };
        if let Some(character) = replacement {
            decoded.push(character);
            rest = &rest[start + 4..];
        } else {
            decoded.push('@');
            rest = &rest[start + 1..];
        }
    }
    decoded.push_str(rest);
    Cow::Owned(decoded)
}

/// `{"acc_num", "disease", "tag"}` from the accession and the additional sources `HGMD__disease`
/// and `HGMD__tag`, which the element must list.
pub(crate) fn convert(value: &InfoValue, additional: &Additional) -> Result<Value, String> {
    let accession = value
        .as_text()
        .ok_or_else(|| format!("Invalid parameter for HGMDConverter: {}", describe(value)))?;
    let disease = additional.listed("HGMD__disease")?;
    let tag = additional.listed("HGMD__tag")?;
    if decode_escapes(accession) != accession {
        return Err(format!("HGMD accession contains escapes: {accession}"));
    }
    // Absent sources are `None` in ELLA and pass through as null.
    let as_json = |value: Option<&InfoValue>, decode: bool| match value {
        None => Value::Null,
        Some(InfoValue::Text(text)) if decode => Value::String(decode_escapes(text).into_owned()),
        Some(other) => other.to_json(),
    };
    if let Some(InfoValue::Text(tag)) = tag {
        if decode_escapes(tag) != *tag {
            return Err(format!("HGMD tag contains escapes: {tag}"));
        }
    }
    Ok(json!({
        "acc_num": accession,
        "disease": as_json(disease, true),
        "tag": as_json(tag, false),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded() {
        assert_eq!(decode_escapes("Breast@#SPcancer"), "Breast cancer");
        assert_eq!(decode_escapes("a@#EQb@#CMc@#SCd@#TAe"), "a=b,c;d\te");
        assert_eq!(decode_escapes("@#@#SP@#XX@"), "@# @#XX@");
        assert!(matches!(decode_escapes("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn hgmd_object() {
        let names = ["HGMD__disease".to_owned(), "HGMD__tag".to_owned()];
        let values = [
            Some(InfoValue::Text("Breast@#SPcancer")),
            Some(InfoValue::Text("DM")),
        ];
        let additional = Additional {
            names: &names,
            values: &values,
        };
        assert_eq!(
            convert(&InfoValue::Text("CM062477"), &additional),
            Ok(json!({"acc_num": "CM062477", "disease": "Breast cancer", "tag": "DM"}))
        );
        let values = [None, None];
        let additional = Additional {
            names: &names,
            values: &values,
        };
        assert_eq!(
            convert(&InfoValue::Text("CM1"), &additional),
            Ok(json!({"acc_num": "CM1", "disease": null, "tag": null}))
        );
    }

    #[test]
    fn hgmd_failures() {
        let names = ["HGMD__disease".to_owned()];
        let values = [None];
        let unlisted_tag = Additional {
            names: &names,
            values: &values,
        };
        assert!(convert(&InfoValue::Text("CM1"), &unlisted_tag).is_err());
        let names = ["HGMD__disease".to_owned(), "HGMD__tag".to_owned()];
        let values = [None, None];
        let additional = Additional {
            names: &names,
            values: &values,
        };
        assert!(convert(&InfoValue::Text("CM@#SP1"), &additional).is_err());
    }
}
