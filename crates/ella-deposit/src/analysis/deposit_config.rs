//! The user group deposit configuration of an analysis (import.md §3.4): which prefilters (§5.2)
//! and post-processors (§6) apply, chosen by matching the analysis name against the
//! `config.deposit.analysis` patterns of the groups that may work with its gene panel.

use diesel::PgConnection;
use regex::Regex;
use serde::Deserialize;
use serde_json::Value;

use super::prefilter::Criterion;
use crate::{Error, Result};

/// The post-processors ELLA knows (`postprocessors.valid_methods`).
const POSTPROCESSORS: [&str; 3] = [
    "analysis_not_ready_warnings",
    "analysis_tag_all_classified",
    "analysis_finalize_without_findings",
];

/// One entry of `config.deposit.analysis`.
#[derive(Debug, Clone, Deserialize)]
struct Entry {
    pattern: String,
    #[serde(default)]
    postprocess: Vec<String>,
    /// ELLA's documentation says `prefilter`; the code reads `prefilters` (§3.4).
    #[serde(default)]
    prefilters: Option<Vec<Vec<String>>>,
}

/// The configuration that matched an analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DepositConfig {
    /// The user group it belongs to.
    pub(super) usergroup_id: i32,
    /// The pattern that matched.
    pub(super) pattern: String,
    /// Prefilter groups (§5.2); empty: no prefilter.
    pub(super) prefilters: Vec<Vec<Criterion>>,
    /// Post-processors to run after a new deposit (§6).
    pub(super) postprocess: Vec<String>,
}

impl DepositConfig {
    /// Refuses a configuration with post-processors: they run the filter chain, which this
    /// version does not have yet, and skipping them silently would leave analyses unprocessed.
    pub(super) fn refuse_postprocessing(&self) -> Result<()> {
        match self.postprocess.first() {
            None => Ok(()),
            Some(method) if POSTPROCESSORS.contains(&method.as_str()) => {
                Err(Error::Invalid(format!(
                    "post-processor {method} (pattern {} of user group {}) needs the filter \
                     chain, which this version does not have yet",
                    self.pattern, self.usergroup_id
                )))
            }
            Some(method) => Err(Error::Invalid(format!(
                "Invalid postprocess method {method} in {} of user group {}",
                self.pattern, self.usergroup_id
            ))),
        }
    }
}

/// The deposit configuration matching `analysis_name` among the groups with the panel, if any.
/// More than one match is an error listing them, as in ELLA.
pub(super) fn matching(
    conn: &mut PgConnection,
    analysis_name: &str,
    genepanel: (&str, &str),
) -> Result<Option<DepositConfig>> {
    let candidates =
        ella_db::analysis::usergroup_configs_for_panel(conn, genepanel.0, genepanel.1)?;
    let mut matches = Vec::new();
    for (usergroup_id, config) in candidates {
        let entries = config
            .as_ref()
            .and_then(|config| config.get("deposit"))
            .and_then(|deposit| deposit.get("analysis"))
            .cloned()
            .unwrap_or(Value::Null);
        let entries: Vec<Entry> = match entries {
            Value::Null => Vec::new(),
            entries => serde_json::from_value(entries).map_err(|error| {
                Error::Invalid(format!(
                    "user group {usergroup_id}: config.deposit.analysis is malformed: {error}"
                ))
            })?,
        };
        for entry in entries {
            let regex = Regex::new(&entry.pattern).map_err(|error| {
                Error::Invalid(format!(
                    "user group {usergroup_id}: deposit pattern {} is not a valid regex: {error}",
                    entry.pattern
                ))
            })?;
            // Python's `re.search`: the pattern may match anywhere in the name.
            if regex.is_match(analysis_name) {
                matches.push(config_of(usergroup_id, entry)?);
            }
        }
    }
    if matches.len() > 1 {
        let listed: Vec<String> = matches
            .iter()
            .map(|found| {
                format!(
                    "Usergroup id: {}\nPattern: {}",
                    found.usergroup_id, found.pattern
                )
            })
            .collect();
        return Err(Error::Invalid(format!(
            "Got multiple matching deposit analysis configuration with differing user groups \
             (id, config):\n{}",
            listed.join("\n")
        )));
    }
    Ok(matches.pop())
}

fn config_of(usergroup_id: i32, entry: Entry) -> Result<DepositConfig> {
    let prefilters = entry
        .prefilters
        .unwrap_or_default()
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|key| {
                    Criterion::parse(key).ok_or_else(|| {
                        Error::Invalid(format!(
                            "user group {usergroup_id}: unknown prefilter criterion {key} in \
                             pattern {}",
                            entry.pattern
                        ))
                    })
                })
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(DepositConfig {
        usergroup_id,
        pattern: entry.pattern,
        prefilters,
        postprocess: entry.postprocess,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(postprocess: &[&str]) -> DepositConfig {
        DepositConfig {
            usergroup_id: 1,
            pattern: "^X".to_owned(),
            prefilters: Vec::new(),
            postprocess: postprocess.iter().map(|m| (*m).to_owned()).collect(),
        }
    }

    #[test]
    fn post_processors_are_refused_not_skipped() {
        assert!(config(&[]).refuse_postprocessing().is_ok());
        let error = config(&["analysis_not_ready_warnings"])
            .refuse_postprocessing()
            .expect_err("needs the filter chain");
        assert!(
            error
                .to_string()
                .starts_with("post-processor analysis_not_ready_warnings (pattern ^X"),
            "{error}"
        );
        let error = config(&["nonsense"])
            .refuse_postprocessing()
            .expect_err("unknown");
        assert_eq!(
            error.to_string(),
            "Invalid postprocess method nonsense in ^X of user group 1"
        );
    }

    #[test]
    fn prefilter_keys_are_checked() {
        let entry: Entry = serde_json::from_value(serde_json::json!({
            "pattern": "^HG002", "prefilters": [["hi_frequency", "position_not_nearby"]]
        }))
        .expect("entry");
        let config = config_of(2, entry).expect("valid");
        assert_eq!(
            config.prefilters,
            [vec![Criterion::HiFrequency, Criterion::PositionNotNearby]]
        );
        let entry: Entry =
            serde_json::from_value(serde_json::json!({"pattern": "x", "prefilters": [["often"]]}))
                .expect("entry");
        assert!(config_of(2, entry).is_err());
    }
}
