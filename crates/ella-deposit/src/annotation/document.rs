//! Building the annotation document: placing converted values at their `target` with a
//! `target_mode` (import.md §8.4), and the final touches ELLA applies to every document.

use serde_json::{Map, Value};

use super::vep::check_consequences;

/// How a converted value is placed at its target (§8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetMode {
    /// The target must not exist yet; set it (even to `null`).
    Insert,
    /// Concatenate a list onto the target (set it when absent).
    Extend,
    /// Append the value to the list at the target (created when absent).
    Append,
    /// Merge an object into the object at the target, recursively.
    Merge,
}

/// A dot-separated `target` path with its mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    path: Vec<String>,
    mode: TargetMode,
}

impl Target {
    /// Reads `target` and `target_mode`.
    pub(crate) fn new(target: &str, mode: &str) -> Result<Self, String> {
        if target.is_empty() || target == "." {
            return Err(format!("No path provided: {target}."));
        }
        let mode = match mode {
            "insert" => TargetMode::Insert,
            "extend" => TargetMode::Extend,
            "append" => TargetMode::Append,
            "merge" => TargetMode::Merge,
            _ => {
                return Err(format!(
                    "Unknown target mode: {mode}. Available target modes are insert, extend, append, merge"
                ))
            }
        };
        Ok(Self {
            path: target.split('.').map(str::to_owned).collect(),
            mode,
        })
    }

    /// Places `value` in `document`, creating intermediate objects.
    pub(crate) fn place(
        &self,
        document: &mut Map<String, Value>,
        value: Value,
    ) -> Result<(), String> {
        let (leaf, parents) = self.path.split_last().ok_or("Empty target path")?;
        let mut object = document;
        for part in parents {
            object = object
                .entry(part.clone())
                .or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
                .ok_or_else(|| format!("'{part}' on the target path is not an object"))?;
        }
        let existing = object.get_mut(leaf);
        match (self.mode, existing, value) {
            (TargetMode::Insert, Some(_), _) => Err(format!("Target '{leaf}' already exists")),
            (TargetMode::Extend, _, value) if !value.is_array() => {
                Err(format!("Trying to extend with {value}. Must be a list"))
            }
            (TargetMode::Extend, Some(Value::Array(items)), Value::Array(more)) => {
                items.extend(more);
                Ok(())
            }
            (TargetMode::Append, Some(Value::Array(items)), value) => {
                items.push(value);
                Ok(())
            }
            (TargetMode::Merge, Some(Value::Object(existing)), value) => merge(existing, value),
            (TargetMode::Extend | TargetMode::Append | TargetMode::Merge, Some(existing), _) => {
                Err(format!(
                    "Type mismatch: cannot {:?} the existing value {existing}",
                    self.mode
                ))
            }
            (TargetMode::Append, None, value) => {
                object.insert(leaf.clone(), Value::Array(vec![value]));
                Ok(())
            }
            (TargetMode::Insert | TargetMode::Extend | TargetMode::Merge, None, value) => {
                object.insert(leaf.clone(), value);
                Ok(())
            }
        }
    }
}

/// ELLA's `dict_merge`: nested objects are merged key by key, anything else is overwritten; an
/// empty (falsy) source changes nothing.
fn merge(destination: &mut Map<String, Value>, source: Value) -> Result<(), String> {
    let source = match source {
        Value::Object(source) => source,
        Value::Null | Value::Bool(false) => return Ok(()),
        Value::Array(ref items) if items.is_empty() => return Ok(()),
        Value::String(ref text) if text.is_empty() => return Ok(()),
        Value::Number(ref number) if number.as_f64() == Some(0.0) => return Ok(()),
        other => return Err(format!("Cannot merge {other} into an object")),
    };
    for (key, value) in source {
        match (destination.get_mut(&key), value) {
            (Some(Value::Object(nested)), Value::Object(value)) => {
                merge(nested, Value::Object(value))?;
            }
            (_, value) => {
                destination.insert(key, value);
            }
        }
    }
    Ok(())
}

/// ELLA's last steps on a document: `references` sorted (stably) by `pubmed_id`, and the
/// consequence terms of `transcripts` checked (the database would refuse others, §8.8).
pub(crate) fn finish(document: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(references) = document.get_mut("references") {
        let references = references
            .as_array_mut()
            .ok_or("'references' is not a list")?;
        if let Some(reference) = references
            .iter()
            .find(|reference| reference["pubmed_id"].as_i64().is_none())
        {
            return Err(format!("Reference without integer pubmed_id: {reference}"));
        }
        references.sort_by_key(|reference| reference["pubmed_id"].as_i64());
    }
    if let Some(transcripts) = document.get("transcripts") {
        check_consequences(transcripts)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn place(
        document: &mut Map<String, Value>,
        target: &str,
        mode: &str,
        value: Value,
    ) -> Result<(), String> {
        Target::new(target, mode).unwrap().place(document, value)
    }

    fn object(value: &Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn insert_creates_the_path_and_refuses_overwrites() {
        let mut document = Map::new();
        place(
            &mut document,
            "frequencies.GNOMAD.count.G",
            "insert",
            json!(1),
        )
        .unwrap();
        place(
            &mut document,
            "frequencies.GNOMAD.hemi.G",
            "insert",
            Value::Null,
        )
        .unwrap();
        assert_eq!(
            Value::Object(document.clone()),
            json!({"frequencies": {"GNOMAD": {"count": {"G": 1}, "hemi": {"G": null}}}})
        );
        assert!(place(
            &mut document,
            "frequencies.GNOMAD.count.G",
            "insert",
            json!(2)
        )
        .is_err());
        assert!(
            place(
                &mut document,
                "frequencies.GNOMAD.count.G.x",
                "insert",
                json!(2)
            )
            .is_err(),
            "not an object"
        );
    }

    #[test]
    fn extend_concatenates_lists() {
        let mut document = Map::new();
        place(&mut document, "references", "extend", json!([1])).unwrap();
        place(&mut document, "references", "extend", json!([2, 3])).unwrap();
        assert_eq!(document["references"], json!([1, 2, 3]));
        assert!(place(&mut document, "references", "extend", json!({"a": 1})).is_err());
        assert!(place(&mut document, "other", "extend", json!("x")).is_err());
        place(&mut document, "text", "insert", json!("x")).unwrap();
        assert!(place(&mut document, "text", "extend", json!([1])).is_err());
    }

    #[test]
    fn append_collects_values() {
        let mut document = Map::new();
        place(&mut document, "a", "append", json!([1])).unwrap();
        place(&mut document, "a", "append", json!(null)).unwrap();
        assert_eq!(document["a"], json!([[1], null]));
        place(&mut document, "b", "insert", json!({})).unwrap();
        assert!(place(&mut document, "b", "append", json!(1)).is_err());
    }

    #[test]
    fn merge_is_recursive() {
        let mut document = object(&json!({"x": {"a": {"b": 1, "c": 2}, "d": 3}}));
        place(
            &mut document,
            "x",
            "merge",
            json!({"a": {"c": 4, "e": 5}, "d": {"f": 6}}),
        )
        .unwrap();
        assert_eq!(
            document["x"],
            json!({"a": {"b": 1, "c": 4, "e": 5}, "d": {"f": 6}})
        );
        place(&mut document, "x", "merge", json!(null)).unwrap();
        assert!(place(&mut document, "x", "merge", json!([1])).is_err());
        place(&mut document, "y", "merge", json!(7)).unwrap();
        assert_eq!(document["y"], json!(7), "absent target is set as is");
        assert!(place(&mut document, "y", "merge", json!({"a": 1})).is_err());
    }

    #[test]
    fn bad_targets() {
        assert!(Target::new("", "insert").is_err());
        assert!(Target::new(".", "insert").is_err());
        assert!(Target::new("a", "replace").is_err());
    }

    #[test]
    fn references_are_sorted_stably() {
        let mut document = object(&json!({"references": [
            {"pubmed_id": 3, "source": "HGMD"}, {"pubmed_id": 1, "source": "CLINVAR"},
            {"pubmed_id": 3, "source": "CLINVAR"}, {"pubmed_id": 2, "source": "HGMD"}
        ]}));
        finish(&mut document).unwrap();
        assert_eq!(
            document["references"],
            json!([
                {"pubmed_id": 1, "source": "CLINVAR"}, {"pubmed_id": 2, "source": "HGMD"},
                {"pubmed_id": 3, "source": "HGMD"}, {"pubmed_id": 3, "source": "CLINVAR"}
            ])
        );
        let mut bad = object(&json!({"references": [{"source": "x"}]}));
        assert!(finish(&mut bad).is_err());
    }

    #[test]
    fn transcripts_are_checked() {
        let mut document = object(
            &json!({"transcripts": [{"transcript": "NM_1", "consequences": ["bogus_variant"]}]}),
        );
        assert!(finish(&mut document).is_err());
    }
}
