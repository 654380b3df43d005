//! Extended PED files (import.md §2.7): the family of a VCF's samples, with a seventh column
//! marking the proband.

use std::fs;
use std::path::{Path, PathBuf};

use super::files::io_error;
use crate::{Error, Result};

/// Columns of an extended PED line (§2.7).
const COLUMNS: usize = 7;

/// `sample.sex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// PED code `1`.
    Male,
    /// PED code `2`.
    Female,
}

impl Sex {
    /// The database label, `Male` or `Female`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Male => "Male",
            Self::Female => "Female",
        }
    }
}

/// One sample line of a PED file, values trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PedigreeEntry {
    /// Family id (column 1).
    pub family_id: String,
    /// Sample id (column 2), matched against the VCF's sample columns.
    pub sample_id: String,
    /// Father's sample id (column 3); `None` for `0`.
    pub father_id: Option<String>,
    /// Mother's sample id (column 4); `None` for `0`.
    pub mother_id: Option<String>,
    /// Sex (column 5): `1` male, `2` female, anything else unknown.
    pub sex: Option<Sex>,
    /// Affected (column 6): `2` is affected, anything else is not.
    pub affected: bool,
    /// Proband (column 7): `1` is the proband, anything else is not.
    pub proband: bool,
}

/// A parsed PED file: at least one entry, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pedigree {
    /// The file, for messages.
    pub path: PathBuf,
    /// The sample lines.
    pub entries: Vec<PedigreeEntry>,
}

impl Pedigree {
    /// Reads and parses the PED file at `path`.
    pub fn read(path: &Path) -> Result<Self> {
        let text = fs::read_to_string(path).map_err(io_error(path))?;
        Self::parse(&text, path)
    }

    /// Parses `text`, the content of `path`. Lines starting with `#` are comments; every other
    /// line, blank ones included, must have exactly seven tab-separated columns, as in ELLA.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let parse_error = |line: Option<usize>, message: String| Error::Parse {
            path: path.to_owned(),
            line,
            message,
        };
        let entries = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.starts_with('#'))
            .map(|(index, line)| {
                PedigreeEntry::parse(line).map_err(|message| parse_error(Some(index + 1), message))
            })
            .collect::<Result<Vec<_>>>()?;
        if entries.is_empty() {
            return Err(parse_error(None, "the PED file has no samples".to_owned()));
        }
        Ok(Self {
            path: path.to_owned(),
            entries,
        })
    }

    /// The entry of `sample_id`; the first one when the file repeats it, as ELLA does.
    pub fn entry(&self, sample_id: &str) -> Option<&PedigreeEntry> {
        self.entries
            .iter()
            .find(|entry| entry.sample_id == sample_id)
    }
}

impl PedigreeEntry {
    fn parse(line: &str) -> Result<Self, String> {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [family_id, sample_id, father_id, mother_id, sex, affected, proband] = fields[..]
        else {
            return Err(format!(
                "expected {COLUMNS} tab-separated columns, found {}",
                fields.len()
            ));
        };
        if family_id.is_empty() {
            return Err("Family ID is empty".to_owned());
        }
        if sample_id.is_empty() {
            return Err("Sample ID is empty".to_owned());
        }
        let parent = |id: &str| (!id.is_empty() && id != "0").then(|| id.to_owned());
        Ok(Self {
            family_id: family_id.to_owned(),
            sample_id: sample_id.to_owned(),
            father_id: parent(father_id),
            mother_id: parent(mother_id),
            sex: match sex {
                "1" => Some(Sex::Male),
                "2" => Some(Sex::Female),
                _ => None,
            },
            affected: affected == "2",
            proband: proband == "1",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Pedigree> {
        Pedigree::parse(text, Path::new("fam.ped"))
    }

    #[test]
    fn trio_of_the_spec() {
        let pedigree = parse(
            "#family\tsample\tfather\tmother\tsex\taffected\tproband\n\
             TestFam\tHG002\tHG003\tHG004\t1\t2\t1\n\
             TestFam\tHG003\t0\t0\t1\t1\t0\r\n\
             TestFam \t HG004\t0\t0\t2\t1\t0",
        )
        .unwrap();
        assert_eq!(pedigree.entries.len(), 3);
        assert_eq!(
            pedigree.entries[0],
            PedigreeEntry {
                family_id: "TestFam".into(),
                sample_id: "HG002".into(),
                father_id: Some("HG003".into()),
                mother_id: Some("HG004".into()),
                sex: Some(Sex::Male),
                affected: true,
                proband: true,
            }
        );
        let mother = pedigree.entry("HG004").unwrap();
        assert_eq!(mother.family_id, "TestFam");
        assert_eq!(
            (mother.father_id.as_deref(), mother.mother_id.as_deref()),
            (None, None)
        );
        assert_eq!(
            (mother.sex, mother.affected, mother.proband),
            (Some(Sex::Female), false, false)
        );
        assert_eq!(pedigree.entry("HG005"), None);
    }

    #[test]
    fn unknown_codes() {
        let entry = &parse("F\tS\t\t0\t0\t1\t2\n").unwrap().entries[0];
        assert_eq!((entry.father_id.as_deref(), entry.sex), (None, None));
        assert_eq!((entry.affected, entry.proband), (false, false));
    }

    #[test]
    fn column_count_is_checked_on_every_line() {
        for (text, line) in [
            ("F\tS\t0\t0\t1\t2\n", 1),
            ("F\tS\t0\t0\t1\t2\t1\n\nF\tT\t0\t0\t1\t2\t0\n", 2),
            ("# x\nF S 0 0 1 2 1\n", 2),
            ("F\tS\t0\t0\t1\t2\t1\t8\n", 1),
        ] {
            let error = parse(text).unwrap_err();
            assert!(
                matches!(&error, Error::Parse { line: Some(l), .. } if *l == line),
                "{text:?}: {error}"
            );
            assert!(error
                .to_string()
                .starts_with(&format!("fam.ped, line {line}: expected 7")));
        }
    }

    #[test]
    fn empty_ids_and_empty_files_are_refused() {
        let error = parse("\tS\t0\t0\t1\t2\t1\n").unwrap_err();
        assert_eq!(error.to_string(), "fam.ped, line 1: Family ID is empty");
        let error = parse("F\t \t0\t0\t1\t2\t1\n").unwrap_err();
        assert_eq!(error.to_string(), "fam.ped, line 1: Sample ID is empty");
        let error = parse("# only a comment\n").unwrap_err();
        assert_eq!(error.to_string(), "fam.ped: the PED file has no samples");
    }
}
