//! Reads the YAML text and resolves ELLA's custom tags into a plain JSON document.
//!
//! Tags (as in ELLA's `src/api/config/config.py`):
//! - `!env VAR` or `!env [VAR, default]`: the variable's text (or the default, or `null` when
//!   both are missing), typed implicitly like a plain YAML scalar (`true`, `12`, `null`, ...);
//! - `!env_bool`, `!env_int`, `!env_float`: the same, but converted with YAML 1.1's bool, int or
//!   float rules; text that does not convert is an error;
//! - `!file path`: a path relative to the installation root (absolute paths stay as they are);
//!   the file must exist and the value becomes its absolute path.

use std::path::Path;

use serde_json::{Map, Number, Value as Json};
use serde_yaml_ng::Value as Yaml;

/// Parses `text` and resolves every tag. Errors name the key path or the YAML line.
pub(crate) fn resolve_document(
    text: &str,
    root: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Json, String> {
    let yaml: Yaml = serde_yaml_ng::from_str(text).map_err(|error| error.to_string())?;
    let resolver = Resolver { root, env };
    resolver.convert(&yaml, &mut Vec::new())
}

struct Resolver<'a> {
    root: &'a Path,
    env: &'a dyn Fn(&str) -> Option<String>,
}

impl Resolver<'_> {
    fn convert(&self, value: &Yaml, path: &mut Vec<String>) -> Result<Json, String> {
        Ok(match value {
            Yaml::Null => Json::Null,
            Yaml::Bool(flag) => Json::Bool(*flag),
            Yaml::Number(number) => yaml_number(number),
            Yaml::String(text) => Json::String(text.clone()),
            Yaml::Sequence(items) => Json::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| {
                        path.push(index.to_string());
                        let converted = self.convert(item, path);
                        path.pop();
                        converted
                    })
                    .collect::<Result<_, _>>()?,
            ),
            Yaml::Mapping(mapping) => {
                let mut object = Map::new();
                for (key, item) in mapping {
                    let key = scalar_key(key).ok_or_else(|| {
                        format!("at key `{}`: keys must be scalars", dotted(path))
                    })?;
                    path.push(key.clone());
                    let converted = self.convert(item, path)?;
                    path.pop();
                    object.insert(key, converted);
                }
                Json::Object(object)
            }
            Yaml::Tagged(tagged) => self
                .resolve_tag(&tagged.tag.to_string(), &tagged.value)
                .map_err(|detail| format!("at key `{}`: {detail}", dotted(path)))?,
        })
    }

    fn resolve_tag(&self, tag: &str, argument: &Yaml) -> Result<Json, String> {
        match tag {
            "!file" => self.resolve_file(argument),
            "!env" => Ok(implicit_scalar(&self.env_text(tag, argument)?)),
            "!env_bool" => {
                let text = self.env_text(tag, argument)?;
                yaml11_bool(&text)
                    .map(Json::Bool)
                    .ok_or_else(|| format!("{tag}: {text:?} is not a boolean"))
            }
            "!env_int" => {
                let text = self.env_text(tag, argument)?;
                text.trim()
                    .parse::<i64>()
                    .map(|number| Json::Number(number.into()))
                    .map_err(|_| format!("{tag}: {text:?} is not an integer"))
            }
            "!env_float" => {
                let text = self.env_text(tag, argument)?;
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(Number::from_f64)
                    .map(Json::Number)
                    .ok_or_else(|| format!("{tag}: {text:?} is not a number"))
            }
            other => Err(format!("unknown tag {other}")),
        }
    }

    /// The text an `!env*` tag stands for: the variable, else the default, else `null`.
    fn env_text(&self, tag: &str, argument: &Yaml) -> Result<String, String> {
        let (variable, default) = match argument {
            Yaml::String(variable) => (variable.as_str(), None),
            Yaml::Sequence(items) if items.len() == 2 => {
                let variable = items[0]
                    .as_str()
                    .ok_or_else(|| format!("{tag}: the variable name must be a string"))?;
                (variable, Some(scalar_text(&items[1])))
            }
            _ => {
                return Err(format!(
                    "{tag} takes a variable name or [ENVIRONMENT_VARIABLE, default]"
                ))
            }
        };
        Ok((self.env)(variable)
            .or(default)
            .unwrap_or_else(|| "null".to_owned()))
    }

    fn resolve_file(&self, argument: &Yaml) -> Result<Json, String> {
        let relative = argument
            .as_str()
            .ok_or_else(|| "!file takes a path".to_owned())?;
        let resolved = self.root.join(relative);
        if !resolved.is_file() {
            return Err(format!(
                "File specified in config {relative} (interpreted as {}) does not exist",
                resolved.display()
            ));
        }
        Ok(Json::String(resolved.to_string_lossy().into_owned()))
    }
}

fn dotted(path: &[String]) -> String {
    if path.is_empty() {
        ".".to_owned()
    } else {
        path.join(".")
    }
}

fn yaml_number(number: &serde_yaml_ng::Number) -> Json {
    if let Some(integer) = number.as_i64() {
        Json::Number(integer.into())
    } else if let Some(integer) = number.as_u64() {
        Json::Number(integer.into())
    } else {
        number
            .as_f64()
            .and_then(Number::from_f64)
            .map_or(Json::Null, Json::Number)
    }
}

fn scalar_key(key: &Yaml) -> Option<String> {
    match key {
        Yaml::String(text) => Some(text.clone()),
        Yaml::Number(number) => Some(number.to_string()),
        Yaml::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

fn scalar_text(value: &Yaml) -> String {
    match value {
        Yaml::Null => "null".to_owned(),
        Yaml::Bool(flag) => flag.to_string(),
        Yaml::Number(number) => number.to_string(),
        Yaml::String(text) => text.clone(),
        other => serde_yaml_ng::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

/// Types text the way PyYAML's implicit resolver types a plain scalar.
fn implicit_scalar(text: &str) -> Json {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Json::Null;
    }
    if let Some(flag) = yaml11_bool(text) {
        return Json::Bool(flag);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()) {
        if let Ok(integer) = text.parse::<i64>() {
            return Json::Number(integer.into());
        }
    }
    let looks_like_float = digits.contains('.')
        && digits
            .bytes()
            .all(|byte| byte.is_ascii_digit() || matches!(byte, b'.' | b'e' | b'E' | b'-' | b'+'));
    if looks_like_float {
        if let Some(number) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Json::Number(number);
        }
    }
    Json::String(text.to_owned())
}

/// YAML 1.1 booleans, which PyYAML (and so ELLA) accepts.
fn yaml11_bool(text: &str) -> Option<bool> {
    match text {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Some(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resolve(text: &str, vars: &[(&str, &str)]) -> Result<Json, String> {
        let lookup = |name: &str| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        };
        resolve_document(text, Path::new("/nonexistent-root"), &lookup)
    }

    #[test]
    fn env_tags_use_variable_then_default_then_null() {
        let text = "a: !env [PORT, '3114']\nb: !env UNSET\nc: !env [SET, x]\nd: !env_bool [FLAG, true]\ne: !env URL";
        let document = resolve(text, &[("SET", "hello"), ("URL", "http://h:1/x")]).unwrap();
        assert_eq!(
            document,
            json!({"a": 3114, "b": null, "c": "hello", "d": true, "e": "http://h:1/x"})
        );
    }

    #[test]
    fn env_bool_accepts_yaml11_words_and_rejects_others() {
        assert_eq!(
            resolve("a: !env_bool F", &[("F", "no")]).unwrap(),
            json!({"a": false})
        );
        let error = resolve("a:\n  b: !env_bool F", &[("F", "maybe")]).unwrap_err();
        assert!(error.contains("a.b") && error.contains("maybe"), "{error}");
        assert!(
            resolve("a: !env_bool UNSET", &[]).is_err(),
            "null is not a bool"
        );
    }

    #[test]
    fn typed_numbers() {
        let document = resolve(
            "a: !env_int N\nb: !env_float F",
            &[("N", "42"), ("F", "0.5")],
        );
        assert_eq!(document.unwrap(), json!({"a": 42, "b": 0.5}));
    }

    #[test]
    fn unknown_tag_and_missing_file_are_errors() {
        assert!(resolve("a: !env_str X", &[])
            .unwrap_err()
            .contains("unknown tag"));
        let error = resolve("x:\n  script: !file scripts/none.py", &[]).unwrap_err();
        assert!(
            error.contains("x.script") && error.contains("does not exist"),
            "{error}"
        );
    }

    #[test]
    fn file_tag_gives_absolute_path() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("scripts")).unwrap();
        std::fs::write(root.path().join("scripts/pre.py"), "").unwrap();
        let document = resolve_document("s: !file scripts/pre.py", root.path(), &|_| None).unwrap();
        assert_eq!(
            document["s"],
            json!(root.path().join("scripts/pre.py").to_string_lossy())
        );
    }

    #[test]
    fn implicit_typing_keeps_strings() {
        assert_eq!(implicit_scalar("12"), json!(12));
        assert_eq!(implicit_scalar("-1.5"), json!(-1.5));
        assert_eq!(implicit_scalar("on"), json!(true));
        assert_eq!(implicit_scalar("v1.2.3"), json!("v1.2.3"));
        assert_eq!(
            implicit_scalar("/data/attachments"),
            json!("/data/attachments")
        );
    }
}
