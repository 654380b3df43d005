//! IGV track discovery and the track configuration file (api.md §4.13): which files are tracks,
//! their index files, and the per-track configuration merged from the regex-keyed rules.

use std::path::{Path, PathBuf};

use regex::Regex;
use serde_json::{Map, Value};

use crate::ApiError;

/// Track suffixes with their index suffixes, in ELLA's order: the first suffix a name ends with
/// decides.
const TRACK_SUFFIXES: &[(&str, &[&str])] = &[
    (".bam", &[".bam.bai", ".bai"]),
    (".bed", &[]),
    (".bed.gz", &[".bed.gz.tbi"]),
    (".bb", &[]),
    (".bigBed", &[]),
    (".bw", &[]),
    (".bigWig", &[]),
    (".cram", &[".cram.crai", ".crai"]),
    (".gff3.gz", &[".gff3.gz.tbi"]),
    (".gtf.gz", &[".gtf.gz.tbi"]),
    (".vcf", &[]),
    (".vcf.gz", &[".vcf.gz.tbi"]),
];

/// The ids of the dynamic tracks.
pub const DYNAMIC_TRACKS: [&str; 4] = [
    "DYNAMIC/variants",
    "DYNAMIC/classifications",
    "DYNAMIC/genepanel",
    "DYNAMIC/regions_of_interest",
];

/// The track suffix of `name` and its index suffixes, if `name` is a track file.
fn track_suffix(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    TRACK_SUFFIXES
        .iter()
        .find(|(suffix, _)| name.ends_with(suffix))
        .copied()
}

/// Whether the track `id` has index files.
pub fn is_indexed(id: &str) -> bool {
    track_suffix(id).is_some_and(|(_, indexes)| !indexes.is_empty())
}

/// The index files `path` may have, in the order they are tried: the track suffix replaced by
/// each index suffix.
pub fn index_candidates(path: &Path) -> Vec<PathBuf> {
    let name = path.to_string_lossy();
    let Some((suffix, indexes)) = track_suffix(&name) else {
        return Vec::new();
    };
    let base = &name[..name.len() - suffix.len()];
    indexes
        .iter()
        .map(|index| PathBuf::from(format!("{base}{index}")))
        .collect()
}

/// The track files below `folder` (recursively), as paths relative to it, sorted.
pub fn discover(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(folder) {
                let relative = relative.to_string_lossy().into_owned();
                if track_suffix(&relative).is_some() {
                    found.push(relative);
                }
            }
        }
    }
    found.sort();
    found
}

/// The track configuration file: regex keys, in file order, with their fragments.
pub struct TrackConfig(Vec<(String, Regex, Map<String, Value>)>);

impl TrackConfig {
    /// Reads `<igv_data>/track_config.json`, else `track_config_default.json`.
    pub fn load(igv_data: &Path) -> Result<Self, ApiError> {
        let preferred = igv_data.join("track_config.json");
        let path = if preferred.is_file() {
            preferred
        } else {
            igv_data.join("track_config_default.json")
        };
        let text = std::fs::read_to_string(&path).map_err(|_| {
            ApiError::Rule(format!("IGV track config ('{}') not found", path.display()))
        })?;
        let invalid = |detail: String| ApiError::Internal(format!("IGV track config: {detail}"));
        let Value::Object(rules) =
            serde_json::from_str(&text).map_err(|error| invalid(error.to_string()))?
        else {
            return Err(invalid("not an object".into()));
        };
        let rules = rules
            .into_iter()
            .map(|(pattern, fragment)| {
                // Python's `re.match`: anchored at the start only.
                let regex = Regex::new(&format!("^(?:{pattern})"))
                    .map_err(|error| invalid(error.to_string()))?;
                match fragment {
                    Value::Object(fragment) => Ok((pattern, regex, fragment)),
                    _ => Err(invalid(format!("rule {pattern} is not an object"))),
                }
            })
            .collect::<Result<_, ApiError>>()?;
        Ok(Self(rules))
    }

    /// The merged configuration of track `id`, if the group `group_name` may see it; without
    /// `limit_to_groups`.
    pub fn visible(&self, id: &str, group_name: &str) -> Option<Map<String, Value>> {
        let mut merged = Map::new();
        merged.insert("applied_rules".into(), Value::Array(Vec::new()));
        let mut igv = Map::new();
        igv.insert("name".into(), Value::String(id.to_owned()));
        for (pattern, regex, fragment) in &self.0 {
            if !regex.is_match(id) {
                continue;
            }
            for (key, value) in fragment {
                match (key.as_str(), value) {
                    ("igv", Value::Object(settings)) => {
                        igv.extend(settings.iter().map(|(k, v)| (k.clone(), v.clone())));
                    }
                    _ => {
                        merged.insert(key.clone(), value.clone());
                    }
                }
            }
            if let Some(Value::Array(applied)) = merged.get_mut("applied_rules") {
                applied.push(Value::String(pattern.clone()));
            }
        }
        merged.insert("igv".into(), Value::Object(igv));
        let allowed = match merged.remove("limit_to_groups")? {
            Value::Null => true,
            Value::Array(groups) => groups.iter().any(|group| group == group_name),
            _ => false,
        };
        allowed.then_some(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_decide_tracks_and_indexes() {
        assert!(is_indexed("STATIC/a.bed.gz"));
        assert!(!is_indexed("STATIC/a.bed"));
        assert!(!is_indexed("STATIC/a.bed.gz.tbi"));
        assert_eq!(
            index_candidates(Path::new("/x/HG002.bam")),
            [
                PathBuf::from("/x/HG002.bam.bai"),
                PathBuf::from("/x/HG002.bai")
            ]
        );
        assert!(index_candidates(Path::new("/x/a.json")).is_empty());
    }

    #[test]
    fn rules_merge_in_file_order_and_limit_groups() {
        let config = TrackConfig(
            [
                (
                    r"^STATIC/.*$",
                    r#"{"url": "u", "igv": {"order": 1, "format": "bed"}}"#,
                ),
                (
                    r"STATIC/a",
                    r#"{"limit_to_groups": ["g1"], "igv": {"order": 2}}"#,
                ),
                (r"^STATIC/b", r#"{"limit_to_groups": null}"#),
            ]
            .into_iter()
            .map(|(pattern, fragment)| {
                (
                    pattern.to_owned(),
                    Regex::new(&format!("^(?:{pattern})")).unwrap(),
                    serde_json::from_str(fragment).unwrap(),
                )
            })
            .collect(),
        );
        let merged = config.visible("STATIC/a.bed", "g1").unwrap();
        assert_eq!(
            Value::Object(merged),
            serde_json::json!({"applied_rules": ["^STATIC/.*$", "STATIC/a"], "url": "u",
                               "igv": {"name": "STATIC/a.bed", "order": 2, "format": "bed"}})
        );
        assert!(config.visible("STATIC/a.bed", "g2").is_none());
        assert!(config.visible("STATIC/b.bed", "g2").is_some());
        assert!(
            config.visible("STATIC/c.bed", "g1").is_none(),
            "no limit_to_groups: hidden"
        );
        assert!(
            config.visible("XSTATIC/a", "g1").is_none(),
            "re.match anchors at the start"
        );
    }
}
