//! White- and blacklists of analysis names (import.md §13.1, §13.3).
//!
//! Patterns match from the start of the name, like Python's `re.match`. Pattern files are read
//! again before every scan, so an operator can change them without a restart.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use regex::Regex;

/// Where the patterns of one list come from.
#[derive(Debug, Clone)]
pub enum PatternSource {
    /// Given on the command line.
    Fixed(Vec<String>),
    /// Read from a file, one pattern per line (an empty line matches every name).
    File(PathBuf),
}

impl PatternSource {
    /// The command-line list wins over the file, as in ELLA (with a warning).
    pub fn choose(list: &[String], file: Option<&Path>, kind: &str) -> Result<Self> {
        match (list.is_empty(), file) {
            (false, Some(file)) => {
                tracing::warn!(
                    "both --{kind} and --{kind}file given; ignoring {}",
                    file.display()
                );
                Ok(Self::Fixed(list.to_vec()))
            }
            (true, Some(file)) => {
                anyhow::ensure!(
                    file.is_file(),
                    "{kind} file {} does not exist",
                    file.display()
                );
                Ok(Self::File(file.to_owned()))
            }
            (_, None) => Ok(Self::Fixed(list.to_vec())),
        }
    }

    fn patterns(&self) -> Result<Vec<String>> {
        match self {
            Self::Fixed(patterns) => Ok(patterns.clone()),
            Self::File(path) => Ok(std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?
                .lines()
                .map(str::to_owned)
                .collect()),
        }
    }
}

/// The compiled lists, and the texts they came from (to notice changes).
#[derive(Debug)]
pub struct NamePatterns {
    texts: (Vec<String>, Vec<String>),
    whitelist: Vec<Regex>,
    blacklist: Vec<Regex>,
}

/// Whether an analysis may be imported.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Import it.
    Accept,
    /// There is a whitelist and the name matches none of it.
    NotWhitelisted,
    /// The name matches these blacklist patterns.
    Blacklisted(Vec<String>),
}

fn compile(patterns: &[String]) -> Result<Vec<Regex>> {
    patterns
        .iter()
        .map(|pattern| {
            Regex::new(&format!("^(?:{pattern})"))
                .with_context(|| format!("invalid name pattern {pattern:?}"))
        })
        .collect()
}

impl NamePatterns {
    /// Reads both lists.
    pub fn load(whitelist: &PatternSource, blacklist: &PatternSource) -> Result<Self> {
        let texts = (whitelist.patterns()?, blacklist.patterns()?);
        Ok(Self {
            whitelist: compile(&texts.0)?,
            blacklist: compile(&texts.1)?,
            texts,
        })
    }

    /// Whether the lists differ from `other`'s.
    pub fn differs_from(&self, other: &Self) -> bool {
        self.texts != other.texts
    }

    /// The verdict on an analysis name.
    pub fn verdict(&self, name: &str) -> Verdict {
        if !self.whitelist.is_empty() && !self.whitelist.iter().any(|re| re.is_match(name)) {
            return Verdict::NotWhitelisted;
        }
        let matched: Vec<String> = self
            .blacklist
            .iter()
            .filter(|re| re.is_match(name))
            .map(|re| re.as_str().to_owned())
            .collect();
        if matched.is_empty() {
            Verdict::Accept
        } else {
            Verdict::Blacklisted(matched)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(white: &[&str], black: &[&str]) -> NamePatterns {
        let fixed =
            |list: &[&str]| PatternSource::Fixed(list.iter().map(|p| (*p).into()).collect());
        NamePatterns::load(&fixed(white), &fixed(black)).unwrap()
    }

    #[test]
    fn patterns_match_from_the_start() {
        let lists = patterns(&["Diag-"], &["Diag-excap"]);
        assert_eq!(lists.verdict("Diag-wgs1.HBOC_v01"), Verdict::Accept);
        assert_eq!(lists.verdict("xDiag-wgs1"), Verdict::NotWhitelisted);
        assert!(matches!(
            lists.verdict("Diag-excap1"),
            Verdict::Blacklisted(_)
        ));
        assert_eq!(patterns(&[], &[]).verdict("anything"), Verdict::Accept);
    }

    #[test]
    fn an_empty_line_in_a_file_matches_everything() {
        assert!(matches!(
            patterns(&[], &[""]).verdict("x"),
            Verdict::Blacklisted(_)
        ));
    }
}
