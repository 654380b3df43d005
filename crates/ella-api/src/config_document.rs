//! The configuration document of `GET /config/` (api.md §4.2) and the user config merge
//! (api.md §2.8).
//!
//! ELLA adds three keys to the validated file at start-up: `transcripts.consequences`, `acmg`
//! and `custom_annotation`. Their values are constants of ELLA's code
//! (`src/api/config/config.py`, `acmgconfig.py`, `customannotationconfig.py`), shipped here as
//! JSON assets.

use serde_json::{Map, Value};

use crate::state::StartupError;
use crate::wire::config::{ConfigResponse, UserConfig, UserConfigView, UserSection};
use crate::ApiError;

/// VEP consequence terms, most severe first.
const CONSEQUENCES: &str = include_str!("../assets/consequences.json");
/// The ACMG criteria texts and code groups.
const ACMG: &str = include_str!("../assets/acmg.json");
/// The custom annotation databases and prediction tools.
const CUSTOM_ANNOTATION: &str = include_str!("../assets/custom_annotation.json");

/// The document, split so that `user.user_config` can be replaced per request without copying
/// the rest.
#[derive(Debug)]
pub struct ConfigDocument {
    /// Every top-level key but `user`, with the injected keys.
    document: Map<String, Value>,
    /// The `user` section without `user_config`.
    user_settings: Map<String, Value>,
    /// The file's `user.user_config`.
    default_user_config: Map<String, Value>,
}

impl ConfigDocument {
    /// Builds the document from the resolved configuration file.
    pub fn new(file: &Value) -> Result<Self, StartupError> {
        let mut document = as_object(file.clone(), "the document")?;
        let transcripts = document
            .entry("transcripts")
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(transcripts) = transcripts else {
            return Err(StartupError::ConfigDocument(
                "`transcripts` is not an object".into(),
            ));
        };
        transcripts.insert("consequences".into(), asset(CONSEQUENCES)?);
        document.insert("acmg".into(), asset(ACMG)?);
        document.insert("custom_annotation".into(), asset(CUSTOM_ANNOTATION)?);
        let mut user_settings = as_object(document.remove("user").unwrap_or_default(), "`user`")?;
        let default_user_config = as_object(
            user_settings.remove("user_config").unwrap_or_default(),
            "`user.user_config`",
        )?;
        Ok(Self {
            document,
            user_settings,
            default_user_config,
        })
    }

    /// The response for a caller with `user_config` (merged), or for an anonymous caller.
    pub fn response(&self, user_config: Option<UserConfig>) -> ConfigResponse<'_> {
        ConfigResponse {
            document: &self.document,
            user: UserSection {
                settings: &self.user_settings,
                user_config: match user_config {
                    Some(merged) => UserConfigView::Merged(Box::new(merged)),
                    None => UserConfigView::Default(&self.default_user_config),
                },
            },
        }
    }

    /// The user config of a member of a group: the file's default, overlaid key by key (not
    /// deeply) by the group's config and then the user's (api.md §2.8), parsed strictly.
    pub fn merged_user_config(
        &self,
        group_config: Option<&Value>,
        user_config: Option<&Value>,
    ) -> Result<UserConfig, ApiError> {
        let mut merged = self.default_user_config.clone();
        for overlay in [group_config, user_config].into_iter().flatten() {
            match overlay {
                Value::Object(keys) => merged.extend(keys.clone()),
                // A NULL column counts as `{}` (ELLA's default for the column).
                Value::Null => {}
                _ => {
                    return Err(ApiError::Internal(
                        "a group or user config is not a JSON object".into(),
                    ))
                }
            }
        }
        serde_json::from_value(Value::Object(merged))
            .map_err(|error| ApiError::Internal(format!("invalid merged user config: {error}")))
    }
}

fn as_object(value: Value, what: &str) -> Result<Map<String, Value>, StartupError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(StartupError::ConfigDocument(format!(
            "{what} is not an object"
        ))),
    }
}

/// ELLA's `transcripts.consequences`: VEP consequence terms, most severe first.
pub fn consequences() -> Result<Vec<String>, StartupError> {
    serde_json::from_str(CONSEQUENCES)
        .map_err(|error| StartupError::ConfigDocument(format!("built-in constant: {error}")))
}

fn asset(text: &str) -> Result<Value, StartupError> {
    serde_json::from_str(text)
        .map_err(|error| StartupError::ConfigDocument(format!("built-in constant: {error}")))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn document() -> ConfigDocument {
        let file = json!({
            "transcripts": {"inclusion_regex": "NM_.*"},
            "user": {
                "auth": {"password_expiry_days": 90},
                "user_config": {
                    "overview": {"views": ["analyses"]},
                    "workflows": {},
                    "interpretation": {"autoIgnoreReferencePubmedIds": []}
                }
            }
        });
        ConfigDocument::new(&file).unwrap()
    }

    #[test]
    fn ellas_keys_are_injected() {
        let value = serde_json::to_value(document().response(None)).unwrap();
        assert_eq!(
            value["transcripts"]["consequences"][0],
            "transcript_ablation"
        );
        assert_eq!(
            value["transcripts"]["consequences"]
                .as_array()
                .unwrap()
                .len(),
            40
        );
        assert!(value["acmg"]["explanation"].is_object());
        assert!(value["custom_annotation"]["external"].is_array());
        assert_eq!(value["user"]["auth"]["password_expiry_days"], 90);
        assert_eq!(value["user"]["user_config"]["workflows"], json!({}));
    }

    #[test]
    fn group_and_user_keys_replace_defaults_wholesale() {
        let group = json!({"overview": {"views": ["variants"]}, "acmg": {"a": 1}});
        let user = json!({"interpretation": {"autoIgnoreReferencePubmedIds": ["7"]}});
        let merged = document()
            .merged_user_config(Some(&group), Some(&user))
            .unwrap();
        let value = serde_json::to_value(&merged).unwrap();
        assert_eq!(value["overview"], json!({"views": ["variants"]}));
        assert_eq!(
            value["interpretation"]["autoIgnoreReferencePubmedIds"],
            json!([7])
        );
        assert_eq!(value["acmg"], json!({"a": 1}));
        assert_eq!(value["deposit"], Value::Null);
        assert_eq!(
            value["workflows"],
            json!({"allele": null, "analysis": null})
        );
    }

    #[test]
    fn unknown_keys_in_the_merged_config_are_errors() {
        let user = json!({"colour": "blue"});
        assert!(document().merged_user_config(None, Some(&user)).is_err());
    }
}
