//! Building the annotation document: placing converted values at their `target` with a
//! `target_mode` (import.md §8.4), and the final touches ELLA applies to every document.
//!
//! Objects made by target paths are first kept as small lists keyed by the config's own path
//! strings, and become JSON objects once, at the end: each output key is then allocated and
//! hashed once, instead of on every lookup (a record places well over a hundred values).

use std::borrow::Cow;

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
    parents: Vec<String>,
    leaf: String,
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
        let mut parents: Vec<String> = target.split('.').map(str::to_owned).collect();
        let leaf = parents.pop().unwrap_or_default();
        Ok(Self {
            parents,
            leaf,
            mode,
        })
    }
}

/// An object's members in insertion order.
type Members<'c> = Vec<(Cow<'c, str>, Node<'c>)>;

/// A place in the document under construction.
#[derive(Debug, Clone, PartialEq)]
enum Node<'c> {
    /// An object (made by a target path, or opened from a converted object).
    Object(Members<'c>),
    /// A converted value.
    Value(Value),
}

impl<'c> Node<'c> {
    /// The node as an object's members; a converted object is opened up (ELLA's dicts are one
    /// kind, so a later target may reach into a converter's result).
    fn members(&mut self) -> Option<&mut Members<'c>> {
        if let Node::Value(Value::Object(map)) = self {
            let members = std::mem::take(map)
                .into_iter()
                .map(|(key, value)| (Cow::Owned(key), Node::Value(value)))
                .collect();
            *self = Node::Object(members);
        }
        match self {
            Node::Object(members) => Some(members),
            Node::Value(_) => None,
        }
    }

    fn into_json(self) -> Value {
        match self {
            Node::Object(members) => Value::Object(into_map(members)),
            Node::Value(value) => value,
        }
    }
}

fn position(members: &Members, key: &str) -> Option<usize> {
    members.iter().position(|(candidate, _)| candidate == key)
}

fn into_map(members: Members) -> Map<String, Value> {
    let mut map = Map::with_capacity(members.len());
    for (key, node) in members {
        map.insert(key.into_owned(), node.into_json());
    }
    map
}

/// The document of one record, borrowing its keys from the compiled targets.
#[derive(Debug, Default)]
pub(crate) struct Document<'c> {
    root: Members<'c>,
}

impl<'c> Document<'c> {
    /// Places a converted value at `target`, creating intermediate objects.
    pub(crate) fn place(&mut self, target: &'c Target, value: Value) -> Result<(), String> {
        let mut members = &mut self.root;
        for part in &target.parents {
            let index = position(members, part).unwrap_or_else(|| {
                members.push((Cow::Borrowed(part), Node::Object(Vec::new())));
                members.len() - 1
            });
            members = members[index]
                .1
                .members()
                .ok_or_else(|| format!("'{part}' on the target path is not an object"))?;
        }
        let leaf = target.leaf.as_str();
        let Some(index) = position(members, leaf) else {
            let value = match target.mode {
                TargetMode::Extend if !value.is_array() => {
                    return Err(format!("Trying to extend with {value}. Must be a list"))
                }
                TargetMode::Append => Value::Array(vec![value]),
                _ => value,
            };
            members.push((Cow::Borrowed(leaf), Node::Value(value)));
            return Ok(());
        };
        let existing = &mut members[index].1;
        match (target.mode, existing, value) {
            (TargetMode::Insert, _, _) => Err(format!("Target '{leaf}' already exists")),
            (TargetMode::Extend, Node::Value(Value::Array(items)), Value::Array(more)) => {
                items.extend(more);
                Ok(())
            }
            (TargetMode::Extend, _, value) if !value.is_array() => {
                Err(format!("Trying to extend with {value}. Must be a list"))
            }
            (TargetMode::Append, Node::Value(Value::Array(items)), value) => {
                items.push(value);
                Ok(())
            }
            (TargetMode::Merge, existing, value) => match existing.members() {
                Some(members) => merge(members, value),
                None => Err(format!("Cannot merge into the non-object at '{leaf}'")),
            },
            (TargetMode::Extend | TargetMode::Append, _, _) => Err(format!(
                "Type mismatch: cannot {:?} the value at '{leaf}'",
                target.mode
            )),
        }
    }

    /// The finished document: ELLA's last steps applied (`references` sorted stably by
    /// `pubmed_id`) and the consequence terms of `transcripts` checked (the database would
    /// refuse others, §8.8).
    pub(crate) fn finish(self) -> Result<Map<String, Value>, String> {
        let mut document = into_map(self.root);
        if let Some(references) = document.get_mut("references") {
            let references = references
                .as_array_mut()
                .ok_or("'references' is not a list")?;
            let unsortable = references
                .iter()
                .find(|reference| reference["pubmed_id"].as_i64().is_none());
            if let Some(reference) = unsortable {
                return Err(format!("Reference without integer pubmed_id: {reference}"));
            }
            references.sort_by_key(|reference| reference["pubmed_id"].as_i64());
        }
        if let Some(transcripts) = document.get("transcripts") {
            check_consequences(transcripts)?;
        }
        Ok(document)
    }
}

/// ELLA's `dict_merge`: nested objects are merged key by key, anything else is overwritten; an
/// empty (falsy) source changes nothing.
fn merge(destination: &mut Members, source: Value) -> Result<(), String> {
    let source = match source {
        Value::Object(source) => source,
        Value::Null | Value::Bool(false) => return Ok(()),
        Value::Array(ref items) if items.is_empty() => return Ok(()),
        Value::String(ref text) if text.is_empty() => return Ok(()),
        Value::Number(ref number) if number.as_f64() == Some(0.0) => return Ok(()),
        other => return Err(format!("Cannot merge {other} into an object")),
    };
    for (key, value) in source {
        let Some(index) = position(destination, &key) else {
            destination.push((Cow::Owned(key), Node::Value(value)));
            continue;
        };
        let node = &mut destination[index].1;
        match (node.members(), value) {
            (Some(nested), Value::Object(value)) => merge(nested, Value::Object(value))?,
            (_, value) => *node = Node::Value(value),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Places each `(target, mode, value)` in turn; the document, or the first error.
    fn build(steps: &[(&str, &str, Value)]) -> Result<Value, String> {
        let targets: Vec<Target> = steps
            .iter()
            .map(|(target, mode, _)| Target::new(target, mode).unwrap())
            .collect();
        let mut document = Document::default();
        for (target, (_, _, value)) in targets.iter().zip(steps) {
            document.place(target, value.clone())?;
        }
        document.finish().map(Value::Object)
    }

    #[test]
    fn insert_creates_the_path_and_refuses_overwrites() {
        assert_eq!(
            build(&[
                ("frequencies.GNOMAD.count.G", "insert", json!(1)),
                ("frequencies.GNOMAD.hemi.G", "insert", Value::Null),
            ]),
            Ok(json!({"frequencies": {"GNOMAD": {"count": {"G": 1}, "hemi": {"G": null}}}}))
        );
        let twice = ("a.b", "insert", json!(1));
        assert!(build(&[twice.clone(), twice]).is_err());
        assert!(
            build(&[("a.b", "insert", json!(1)), ("a.b.c", "insert", json!(2))]).is_err(),
            "not an object"
        );
    }

    #[test]
    fn targets_may_reach_into_converted_objects() {
        assert_eq!(
            build(&[
                ("external.CLINVAR", "insert", json!({"variant_id": 1})),
                ("external.CLINVAR.extra", "insert", json!(2)),
            ]),
            Ok(json!({"external": {"CLINVAR": {"variant_id": 1, "extra": 2}}}))
        );
    }

    #[test]
    fn extend_concatenates_lists() {
        assert_eq!(
            build(&[("r", "extend", json!([1])), ("r", "extend", json!([2, 3]))]),
            Ok(json!({"r": [1, 2, 3]}))
        );
        assert!(build(&[
            ("r", "extend", json!([1])),
            ("r", "extend", json!({"a": 1}))
        ])
        .is_err());
        assert!(build(&[("r", "extend", json!("x"))]).is_err());
        assert!(build(&[("r", "insert", json!("x")), ("r", "extend", json!([1]))]).is_err());
    }

    #[test]
    fn append_collects_values() {
        assert_eq!(
            build(&[("a", "append", json!([1])), ("a", "append", Value::Null)]),
            Ok(json!({"a": [[1], null]}))
        );
        assert!(build(&[("b", "insert", json!({})), ("b", "append", json!(1))]).is_err());
    }

    #[test]
    fn merge_is_recursive() {
        assert_eq!(
            build(&[
                ("x", "insert", json!({"a": {"b": 1, "c": 2}, "d": 3})),
                ("x", "merge", json!({"a": {"c": 4, "e": 5}, "d": {"f": 6}})),
                ("x", "merge", Value::Null),
                ("y", "merge", json!(7)),
            ]),
            Ok(json!({"x": {"a": {"b": 1, "c": 4, "e": 5}, "d": {"f": 6}}, "y": 7}))
        );
        assert!(build(&[("x", "insert", json!({})), ("x", "merge", json!([1]))]).is_err());
        assert!(build(&[("y", "merge", json!(7)), ("y", "merge", json!({"a": 1}))]).is_err());
    }

    #[test]
    fn bad_targets() {
        assert!(Target::new("", "insert").is_err());
        assert!(Target::new(".", "insert").is_err());
        assert!(Target::new("a", "replace").is_err());
    }

    #[test]
    fn references_are_sorted_stably() {
        let references = json!([
            {"pubmed_id": 3, "source": "HGMD"}, {"pubmed_id": 1, "source": "CLINVAR"},
            {"pubmed_id": 3, "source": "CLINVAR"}, {"pubmed_id": 2, "source": "HGMD"}
        ]);
        assert_eq!(
            build(&[("references", "extend", references)]),
            Ok(json!({"references": [
                {"pubmed_id": 1, "source": "CLINVAR"}, {"pubmed_id": 2, "source": "HGMD"},
                {"pubmed_id": 3, "source": "HGMD"}, {"pubmed_id": 3, "source": "CLINVAR"}
            ]}))
        );
        assert!(build(&[("references", "extend", json!([{"source": "x"}]))]).is_err());
    }

    #[test]
    fn transcripts_are_checked() {
        let transcripts = json!([{"transcript": "NM_1", "consequences": ["bogus_variant"]}]);
        assert!(build(&[("transcripts", "insert", transcripts)]).is_err());
    }
}
