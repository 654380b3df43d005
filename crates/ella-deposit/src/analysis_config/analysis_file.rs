//! `.analysis` files: the current format (import.md §2.1) and, when the file has a `params` key,
//! the legacy one (§2.2).

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

use super::files::{folder_of, io_error};
use super::{legacy, AnalysisConfig, AnalysisData, SampleType, DEFAULT_PRIORITY};
use crate::{Error, Result};

/// A current-format file. Unknown keys are refused (§2.1).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrentFile {
    name: String,
    genepanel_name: String,
    genepanel_version: String,
    #[serde(default = "default_priority")]
    priority: i32,
    #[serde(default)]
    data: Vec<CurrentData>,
    #[serde(default)]
    date_requested: Option<String>,
    // §2.1 quirk: ELLA's schema does not constrain these. `report` and `warnings` are replaced
    // by report.txt/warnings.txt (§2.3) and `date_analysis_requested` is ignored in this format.
    #[serde(default, rename = "report")]
    _report: IgnoredAny,
    #[serde(default, rename = "warnings")]
    _warnings: IgnoredAny,
    #[serde(default, rename = "date_analysis_requested")]
    _date_analysis_requested: IgnoredAny,
}

/// One `data` entry of a current-format file. Unknown keys are refused (§2.1).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrentData {
    vcf: String,
    #[serde(default)]
    ped: Option<String>,
    #[serde(default = "default_technology")]
    technology: String,
    /// Accepted and ignored (§2.1).
    #[serde(default, rename = "callerName")]
    _caller_name: Option<String>,
}

fn default_priority() -> i32 {
    DEFAULT_PRIORITY
}

fn default_technology() -> String {
    SampleType::Hts.as_str().to_owned()
}

/// Reads the `.analysis` file at `file` (absolute); relative paths in it are resolved against its
/// folder. `report` and `warnings` are left empty for the caller (§2.3).
pub(super) fn read(file: &Path) -> Result<AnalysisConfig> {
    let text = fs::read_to_string(file).map_err(io_error(file))?;
    let document: Value = serde_json::from_str(&text).map_err(|error| json_error(file, &error))?;
    if !document.is_object() {
        return Err(Error::Parse {
            path: file.to_owned(),
            line: None,
            message: "expected a JSON object".to_owned(),
        });
    }
    if document.get("params").is_some() {
        legacy::read(file, &document)
    } else {
        current(file, &text)
    }
}

fn current(file: &Path, text: &str) -> Result<AnalysisConfig> {
    let parsed: CurrentFile =
        serde_json::from_str(text).map_err(|error| json_error(file, &error))?;
    let folder = folder_of(file);
    let data = parsed
        .data
        .into_iter()
        .map(|data| {
            let technology = SampleType::parse(&data.technology, file)?;
            let ped = data.ped.as_deref().map(Path::new);
            AnalysisData::new(folder, Path::new(&data.vcf), ped, technology)
        })
        .collect::<Result<_>>()?;
    Ok(AnalysisConfig {
        name: parsed.name,
        genepanel_name: parsed.genepanel_name,
        genepanel_version: parsed.genepanel_version,
        priority: parsed.priority,
        date_requested: parsed
            .date_requested
            .map(|date| parse_date(&date, file))
            .transpose()?,
        report: None,
        warnings: None,
        data,
    })
}

/// `date_requested` as ELLA parses it, with `%Y-%m-%d` (§2.1).
pub(super) fn parse_date(date: &str, file: &Path) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|error| Error::Parse {
        path: file.to_owned(),
        line: None,
        message: format!("date_requested `{date}` is not a date YYYY-MM-DD: {error}"),
    })
}

fn json_error(file: &Path, error: &serde_json::Error) -> Error {
    Error::Parse {
        path: file.to_owned(),
        line: Some(error.line()),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder with `a.vcf`, `b.vcf`, `fam.ped` and the given `x.analysis`.
    fn folder_with(analysis: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.vcf"), "").unwrap();
        fs::write(dir.path().join("b.vcf"), "").unwrap();
        fs::write(dir.path().join("fam.ped"), "F\tS\t0\t0\t1\t2\t1\n").unwrap();
        let file = dir.path().join("x.analysis");
        fs::write(&file, analysis).unwrap();
        (dir, file)
    }

    fn error_of(analysis: &str) -> String {
        let (_dir, file) = folder_with(analysis);
        read(&file).unwrap_err().to_string()
    }

    #[test]
    fn current_format_with_defaults() {
        let (dir, file) = folder_with(
            r#"{"name": "n", "genepanel_name": "P", "genepanel_version": "v1", "data": [
                {"vcf": "a.vcf", "ped": "fam.ped", "technology": "Sanger", "callerName": "x"},
                {"vcf": "b.vcf", "ped": null}],
                "report": 3, "warnings": ["ignored"], "date_analysis_requested": "whenever"}"#,
        );
        let config = read(&file).unwrap();
        assert_eq!(
            (
                config.name.as_str(),
                config.genepanel_name.as_str(),
                config.genepanel_version.as_str()
            ),
            ("n", "P", "v1")
        );
        assert_eq!((config.priority, config.date_requested), (1, None));
        assert_eq!((config.report, config.warnings), (None, None));
        let [first, second] = &config.data[..] else {
            panic!("{:?}", config.data)
        };
        assert_eq!(
            (&first.vcf, first.technology),
            (&dir.path().join("a.vcf"), SampleType::Sanger)
        );
        assert_eq!(first.pedigree.as_ref().unwrap().entries[0].sample_id, "S");
        assert_eq!(
            (&second.vcf, second.technology),
            (&dir.path().join("b.vcf"), SampleType::Hts)
        );
        assert_eq!(second.pedigree, None);
    }

    #[test]
    fn priority_date_and_empty_data() {
        let (_dir, file) = folder_with(
            r#"{"name": "n", "genepanel_name": "P", "genepanel_version": "v1",
                "priority": 3, "date_requested": "2021-03-04"}"#,
        );
        let config = read(&file).unwrap();
        assert_eq!(config.priority, 3);
        assert_eq!(config.date_requested, NaiveDate::from_ymd_opt(2021, 3, 4));
        assert!(config.data.is_empty());
    }

    #[test]
    fn refusals_name_the_file() {
        let head = r#""name": "n", "genepanel_name": "P", "genepanel_version": "v1""#;
        for (body, expected) in [
            (format!("{{{head}, \"extra\": 1}}"), "unknown field `extra`"),
            (
                format!("{{{head}, \"data\": [{{\"vcf\": \"a.vcf\", \"x\": 1}}]}}"),
                "unknown field `x`",
            ),
            (
                r#"{"name": "n", "genepanel_name": "P"}"#.to_owned(),
                "missing field `genepanel_version`",
            ),
            (
                format!("{{{head}, \"priority\": \"2\"}}"),
                "invalid type: string \"2\"",
            ),
            (
                format!("{{{head}, \"date_requested\": \"04.03.2021\"}}"),
                "is not a date YYYY-MM-DD",
            ),
            (
                format!("{{{head}, \"data\": [{{\"vcf\": \"a.vcf\", \"technology\": \"WGS\"}}]}}"),
                "technology `WGS` is not HTS or Sanger",
            ),
            (
                format!("{{{head}, \"data\": [{{\"vcf\": \"c.vcf\"}}]}}"),
                "Unable to find file at",
            ),
            (
                format!("{{{head}, \"data\": [{{\"vcf\": \"a.vcf\", \"ped\": \"c.ped\"}}]}}"),
                "Unable to find file at",
            ),
            ("{\n\"name\": \n}".to_owned(), "line 3"),
            ("[]".to_owned(), "expected a JSON object"),
        ] {
            let error = error_of(&body);
            assert!(error.contains(expected), "{body}: {error}");
            assert!(
                error.contains("x.analysis") || error.contains("Unable to find file"),
                "{error}"
            );
        }
    }
}
