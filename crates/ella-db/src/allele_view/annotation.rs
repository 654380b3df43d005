//! The annotation of the allele object (api.md §6.3).
//!
//! Plain functions on the stored document: which annotation transcripts stand for the gene
//! panel's transcripts, which transcripts are kept, the worst consequence and the custom
//! annotation merge.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// A transcript of a gene panel: its name and its gene's HGNC id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelTranscript {
    /// Transcript name with version, e.g. `NM_000059.3`.
    pub name: String,
    /// HGNC id of the gene.
    pub gene_id: i32,
}

/// The stored document processed for display, with the panel transcripts it was filtered by.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessedAnnotation {
    /// The document after filtering, `worst_consequence` and the custom annotation merge.
    pub document: Map<String, Value>,
    /// The panel transcripts, sorted (empty without a panel or without `transcripts`).
    pub filtered_transcripts: Vec<String>,
}

/// The annotation transcripts that stand for `panel`'s transcripts (ELLA's
/// `annotation_transcripts_genepanel`).
///
/// For each panel transcript, the candidates are the annotation transcripts of its gene whose name
/// up to the first `.` is a SQL `LIKE` prefix of the panel transcript's name; the one with the same
/// full name wins, otherwise the one with the highest version (candidates without a version come
/// last, the first of equals wins).
pub fn panel_transcripts(document: &Value, panel: &[PanelTranscript]) -> BTreeSet<String> {
    let candidates: Vec<(&str, i64)> = transcripts_of(document)
        .iter()
        .filter_map(|transcript| {
            let name = transcript.get("transcript")?.as_str()?;
            let hgnc_id = match transcript.get("hgnc_id")? {
                Value::Number(number) => number.as_i64()?,
                Value::String(text) => text.trim().parse().ok()?,
                _ => return None,
            };
            Some((name, hgnc_id))
        })
        .collect();
    let mut picked = BTreeSet::new();
    for wanted in panel {
        let best = candidates
            .iter()
            .filter(|(name, hgnc_id)| {
                *hgnc_id == i64::from(wanted.gene_id)
                    && like(&wanted.name, &format!("{}%", split_part(name, 0)))
            })
            .fold(None::<&(&str, i64)>, |best, candidate| match best {
                Some(best) if rank(best.0, &wanted.name) >= rank(candidate.0, &wanted.name) => {
                    Some(best)
                }
                _ => Some(candidate),
            });
        if let Some((name, _)) = best {
            picked.insert((*name).to_owned());
        }
    }
    picked
}

/// How well the annotation transcript `name` matches the panel transcript `wanted`: the exact
/// name first, then by version.
fn rank(name: &str, wanted: &str) -> (bool, Option<Version>) {
    (name == wanted, transcript_version(name))
}

/// A transcript version as ELLA orders them: `NM_1.2` is 2, `NM_1.2_dupl` is 1.5.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Version(f64);

/// The version of an annotation transcript name: the leading digits of the second `.`-separated
/// part, less one half when that part is not all digits; none without leading digits.
fn transcript_version(name: &str) -> Option<Version> {
    let part = split_part(name, 1);
    let digits: &str = &part[..part
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(part.len())];
    let number: f64 = digits.parse().ok()?;
    Some(Version(if digits.len() == part.len() {
        number
    } else {
        number - 0.5
    }))
}

/// PostgreSQL's `split_part(text, '.', index + 1)`: the part, or `""` past the end.
fn split_part(text: &str, index: usize) -> &str {
    text.split('.').nth(index).unwrap_or("")
}

/// SQL `LIKE` with PostgreSQL's rules: `%` any run, `_` any character, `\` escapes.
fn like(text: &str, pattern: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    like_from(&text, &pattern)
}

fn like_from(text: &[char], pattern: &[char]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some(('%', rest)) => (0..=text.len()).any(|skip| like_from(&text[skip..], rest)),
        Some(('_', rest)) => !text.is_empty() && like_from(&text[1..], rest),
        Some(('\\', rest)) if !rest.is_empty() => {
            text.first() == rest.first() && like_from(&text[1..], &rest[1..])
        }
        Some((literal, rest)) => text.first() == Some(literal) && like_from(&text[1..], rest),
    }
}

/// The `transcripts` array of a document (empty when absent).
fn transcripts_of(document: &Value) -> &[Value] {
    document
        .get("transcripts")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The name of a transcript object.
fn transcript_name(transcript: &Value) -> Option<&str> {
    transcript.get("transcript").and_then(Value::as_str)
}

/// The consequence terms of a transcript object.
fn consequences_of(transcript: &Value) -> impl Iterator<Item = &str> {
    transcript
        .get("consequences")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// Processes a stored annotation document for display (api.md §6.3 steps 3 to 6).
///
/// `panel` and `regex` are the allele's panel transcripts and the current transcripts matching
/// `transcripts.inclusion_regex`; when either is non-empty only their transcripts are kept.
/// `consequences` is the severity list, most severe first. `custom` is the custom annotation
/// document, merged when it is a non-empty object.
pub fn process(
    document: &Value,
    panel: &BTreeSet<String>,
    regex: &BTreeSet<String>,
    custom: Option<&Value>,
    consequences: &[String],
) -> ProcessedAnnotation {
    let mut document = document.as_object().cloned().unwrap_or_default();
    let has_transcripts = document.contains_key("transcripts");
    if has_transcripts {
        let keep: BTreeSet<&str> = panel.union(regex).map(String::as_str).collect();
        if let Some(Value::Array(transcripts)) = document.get_mut("transcripts") {
            if !keep.is_empty() {
                transcripts.retain(|transcript| {
                    transcript_name(transcript).is_some_and(|name| keep.contains(name))
                });
            }
        }
        let worst = worst_consequence(
            document
                .get("transcripts")
                .map_or(&[], |value| value.as_array().map_or(&[][..], Vec::as_slice)),
            consequences,
        );
        document.insert(
            "worst_consequence".into(),
            Value::Array(worst.into_iter().map(Value::String).collect()),
        );
    }
    if let Some(Value::Object(custom)) = custom {
        if !custom.is_empty() {
            merge_custom(&mut document, custom);
        }
    }
    ProcessedAnnotation {
        document,
        filtered_transcripts: if has_transcripts {
            panel.iter().cloned().collect()
        } else {
            Vec::new()
        },
    }
}

/// The names of the transcripts that have the most severe consequence found in any of them.
fn worst_consequence(transcripts: &[Value], consequences: &[String]) -> Vec<String> {
    let found: BTreeSet<&str> = transcripts.iter().flat_map(consequences_of).collect();
    let Some(worst) = consequences
        .iter()
        .find(|term| found.contains(term.as_str()))
    else {
        return Vec::new();
    };
    transcripts
        .iter()
        .filter(|transcript| consequences_of(transcript).any(|term| term == worst))
        .filter_map(|transcript| transcript_name(transcript).map(str::to_owned))
        .collect()
}

/// Overlays the custom annotation: `external` and `prediction` key by key, `references`
/// appended (ELLA's `AnnotationProcessor`).
fn merge_custom(document: &mut Map<String, Value>, custom: &Map<String, Value>) {
    for key in ["external", "prediction"] {
        let mut merged = object_at(document, key);
        merged.extend(object_at(custom, key));
        document.insert(key.into(), Value::Object(merged));
    }
    let mut references = array_at(document, "references");
    references.extend(array_at(custom, "references"));
    document.insert("references".into(), Value::Array(references));
}

fn object_at(map: &Map<String, Value>, key: &str) -> Map<String, Value> {
    map.get(key)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn array_at(map: &Map<String, Value>, key: &str) -> Vec<Value> {
    map.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// The `worse_consequence` warning (api.md §6.7): for small variants whose worst consequence
/// lies only outside the panel transcripts, each such transcript with its consequences.
pub fn worse_consequence_warning(annotation: &ProcessedAnnotation) -> Option<String> {
    let worst: Vec<&str> = annotation
        .document
        .get("worst_consequence")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    if worst.is_empty()
        || worst
            .iter()
            .any(|name| annotation.filtered_transcripts.iter().any(|t| t == name))
    {
        return None;
    }
    let transcripts = annotation
        .document
        .get("transcripts")
        .and_then(Value::as_array)?;
    let mut listed: Vec<&str> = Vec::new();
    let parts: Vec<String> = worst
        .into_iter()
        .filter(|name| {
            let new = !listed.contains(name);
            listed.push(name);
            new
        })
        .map(|name| {
            let terms: Vec<&str> = transcripts
                .iter()
                .find(|transcript| transcript_name(transcript) == Some(name))
                .map(|transcript| consequences_of(transcript).collect())
                .unwrap_or_default();
            format!("{name} ({})", terms.join(","))
        })
        .collect();
    Some(format!("Worse consequences found in: {}", parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn panel(entries: &[(&str, i32)]) -> Vec<PanelTranscript> {
        entries
            .iter()
            .map(|(name, gene_id)| PanelTranscript {
                name: (*name).to_owned(),
                gene_id: *gene_id,
            })
            .collect()
    }

    fn names(set: &BTreeSet<String>) -> Vec<&str> {
        set.iter().map(String::as_str).collect()
    }

    #[test]
    fn exact_name_wins_then_highest_version() {
        let document = json!({"transcripts": [
            {"transcript": "NM_000059.2", "hgnc_id": 1101},
            {"transcript": "NM_000059.3", "hgnc_id": 1101},
            {"transcript": "NM_000059.4_dupl", "hgnc_id": 1101},
            {"transcript": "NM_007294.3", "hgnc_id": 1100},
            {"transcript": "ENST0001", "hgnc_id": 1100},
        ]});
        let exact = panel_transcripts(&document, &panel(&[("NM_000059.3", 1101)]));
        assert_eq!(names(&exact), ["NM_000059.3"]);
        // .4_dupl ranks 3.5, above .3.
        let newest = panel_transcripts(&document, &panel(&[("NM_000059.5", 1101)]));
        assert_eq!(names(&newest), ["NM_000059.4_dupl"]);
        // Same gene required; a versionless candidate still matches its own name.
        let genes = panel_transcripts(
            &document,
            &panel(&[("NM_007294.4", 1101), ("ENST0001", 1100)]),
        );
        assert_eq!(names(&genes), ["ENST0001"]);
    }

    #[test]
    fn versions_and_like() {
        assert_eq!(transcript_version("NM_1.12"), Some(Version(12.0)));
        assert_eq!(transcript_version("NM_1.2_dupl18"), Some(Version(1.5)));
        assert_eq!(transcript_version("NM_1"), None);
        assert_eq!(transcript_version("NM_1.x2"), None);
        assert!(like("NM_000059.3", "NM_000059%"));
        assert!(like("NMX000059.3", "NM_000059%"), "`_` is a wildcard");
        assert!(!like("NM_00005.3", "NM_000059%"));
        assert!(like("a%b", "a\\%b"));
        assert!(!like("axb", "a\\%b"));
    }

    #[test]
    fn filtering_worst_consequence_and_custom_merge() {
        let document = json!({
            "transcripts": [
                {"transcript": "NM_1.1", "consequences": ["missense_variant"]},
                {"transcript": "NM_2.1", "consequences": ["stop_gained", "splice_region_variant"]},
                {"transcript": "XM_3.1", "consequences": ["transcript_ablation"]},
            ],
            "external": {"a": 1},
            "references": [{"pubmed_id": 1}],
        });
        let severity: Vec<String> = ["transcript_ablation", "stop_gained", "missense_variant"]
            .map(str::to_owned)
            .to_vec();
        let panel: BTreeSet<String> = ["NM_1.1".to_owned()].into();
        let regex: BTreeSet<String> = ["NM_1.1".to_owned(), "NM_2.1".to_owned()].into();
        let custom = json!({"external": {"b": 2}, "references": [{"pubmed_id": 2}]});
        let processed = process(&document, &panel, &regex, Some(&custom), &severity);
        assert_eq!(processed.filtered_transcripts, ["NM_1.1"]);
        assert_eq!(
            processed.document["transcripts"].as_array().unwrap().len(),
            2
        );
        assert_eq!(processed.document["worst_consequence"], json!(["NM_2.1"]));
        assert_eq!(processed.document["external"], json!({"a": 1, "b": 2}));
        assert_eq!(processed.document["prediction"], json!({}));
        assert_eq!(
            processed.document["references"].as_array().unwrap().len(),
            2
        );
        assert_eq!(
            worse_consequence_warning(&processed).as_deref(),
            Some("Worse consequences found in: NM_2.1 (stop_gained,splice_region_variant)")
        );
        // Nothing to keep: every transcript stays.
        let all = process(
            &document,
            &BTreeSet::new(),
            &BTreeSet::new(),
            None,
            &severity,
        );
        assert_eq!(all.document["transcripts"].as_array().unwrap().len(), 3);
        assert_eq!(all.document["worst_consequence"], json!(["XM_3.1"]));
        assert!(all.filtered_transcripts.is_empty());
        assert!(all.document.get("prediction").is_none());
        // No transcripts: no worst consequence, no warning.
        let bare = process(&json!({"external": {}}), &panel, &regex, None, &severity);
        assert!(bare.document.get("worst_consequence").is_none());
        assert!(bare.filtered_transcripts.is_empty());
        assert_eq!(worse_consequence_warning(&bare), None);
    }
}
