//! Reading an element's options (import.md §8.2, §8.6): typed getters that remember what was
//! read, so that an option the converter does not know is refused as ELLA's converter `Config`
//! dataclasses refuse unknown keywords.

use serde_json::{Map, Value};

use super::json::Encoding;
use super::keyvalue::{Conversion, KeyValue, TargetType};
use super::meta::Subelement;

/// Typed access to an element's options, remembering which were read so that unknown ones can
/// be refused (ELLA's converter `Config` dataclasses take no other keyword).
pub(super) struct Options<'a> {
    map: &'a Map<String, Value>,
    read: Vec<&'static str>,
}

impl<'a> Options<'a> {
    /// Options of `map`; `known` are accepted without being read through a getter.
    pub(super) fn new(map: &'a Map<String, Value>, known: &[&'static str]) -> Self {
        Self {
            map,
            read: known.to_vec(),
        }
    }

    fn value(&mut self, key: &'static str) -> Option<&'a Value> {
        self.read.push(key);
        self.map.get(key)
    }

    pub(super) fn string(&mut self, key: &'static str) -> Result<Option<&'a str>, String> {
        self.value(key)
            .map(|value| {
                value
                    .as_str()
                    .ok_or_else(|| format!("'{key}' must be a string"))
            })
            .transpose()
    }

    pub(super) fn boolean(&mut self, key: &'static str) -> Result<Option<bool>, String> {
        self.value(key)
            .map(|value| {
                value
                    .as_bool()
                    .ok_or_else(|| format!("'{key}' must be a boolean"))
            })
            .transpose()
    }

    pub(super) fn strings(&mut self, key: &'static str) -> Result<Vec<String>, String> {
        let Some(value) = self.value(key) else {
            return Ok(Vec::new());
        };
        value
            .as_array()
            .and_then(|items| {
                items
                    .iter()
                    .map(|item| item.as_str().map(str::to_owned))
                    .collect()
            })
            .ok_or_else(|| format!("'{key}' must be a list of strings"))
    }

    /// `target_type` (default given) and `target_type_throw` (default true).
    pub(super) fn conversion(&mut self, default: TargetType) -> Result<Conversion, String> {
        let target_type = match self.string("target_type")? {
            Some(name) => TargetType::from_name(name)?,
            None => default,
        };
        let throw = self.boolean("target_type_throw")?.unwrap_or(true);
        Ok(Conversion { target_type, throw })
    }

    /// The keyvalue options (`split`, `target_type`, `target_type_throw`).
    pub(super) fn keyvalue(&mut self, default: TargetType) -> Result<KeyValue, String> {
        let split = self
            .string("split")?
            .filter(|separator| !separator.is_empty());
        Ok(KeyValue {
            split: split.map(str::to_owned),
            conversion: self.conversion(default)?,
        })
    }

    pub(super) fn encoding(&mut self) -> Result<Encoding, String> {
        Encoding::from_name(self.string("encoding")?.unwrap_or("base16"))
    }

    /// The meta `subelements`: `source` plus keyvalue options each.
    pub(super) fn subelements(&mut self) -> Result<Vec<Subelement>, String> {
        let Some(value) = self.value("subelements") else {
            return Ok(Vec::new());
        };
        let items = value.as_array().ok_or("'subelements' must be a list")?;
        items
            .iter()
            .map(|item| {
                let map = item.as_object().ok_or("a subelement must be an object")?;
                let mut options = Options {
                    map,
                    read: Vec::new(),
                };
                let source = options
                    .string("source")?
                    .ok_or("a subelement needs a 'source'")?;
                let converter = options.keyvalue(TargetType::Identity)?;
                options.finish()?;
                Ok(Subelement {
                    source: source.to_owned(),
                    converter,
                })
            })
            .collect()
    }

    pub(super) fn finish(&self) -> Result<(), String> {
        match self
            .map
            .keys()
            .find(|key| !self.read.contains(&key.as_str()))
        {
            Some(key) => Err(format!("unexpected option '{key}'")),
            None => Ok(()),
        }
    }
}
