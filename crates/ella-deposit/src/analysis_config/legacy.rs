//! The legacy `.analysis` format (import.md §2.2): name, `params.genepanel` as `<name>_<version>`,
//! optional priority and dates; the VCF and PED are found next to the file.

use std::path::Path;

use serde_json::Value;

use super::analysis_file::parse_date;
use super::files::{folder_of, vcfs};
use super::{AnalysisConfig, AnalysisData, SampleType, DEFAULT_PRIORITY};
use crate::{Error, Result};

/// The description in the legacy `document`, read from `file`. Keys other than those of §2.2
/// (`type`, `samples`, ...) are ignored.
pub(super) fn read(file: &Path, document: &Value) -> Result<AnalysisConfig> {
    let refuse = |message: String| Error::Parse {
        path: file.to_owned(),
        line: None,
        message,
    };
    let name = document
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| refuse("the legacy analysis has no `name` text".to_owned()))?;
    let panel = document["params"]
        .get("genepanel")
        .and_then(Value::as_str)
        .ok_or_else(|| refuse("`params.genepanel` is not a text `<name>_<version>`".to_owned()))?;
    // ELLA takes the first two parts of `split("_")`; a third part is dropped (§2.2).
    let mut parts = panel.split('_');
    let (Some(genepanel_name), Some(genepanel_version)) = (parts.next(), parts.next()) else {
        return Err(Error::Invalid(format!(
            "{}: gene panel `{panel}` has no `_` between name and version",
            file.display()
        )));
    };
    let priority = document
        .get("priority")
        .map(|priority| {
            legacy_priority(priority)
                .ok_or_else(|| refuse(format!("priority {priority} is not an integer")))
        })
        .transpose()?
        .unwrap_or(DEFAULT_PRIORITY);
    Ok(AnalysisConfig {
        name: name.to_owned(),
        genepanel_name: genepanel_name.to_owned(),
        genepanel_version: genepanel_version.to_owned(),
        priority,
        date_requested: date_requested(file, document)?,
        report: None,
        warnings: None,
        data: vec![data(file)?],
    })
}

/// ELLA converts the priority with Python's `int()`; the legacy files hold strings like `"1"`.
fn legacy_priority(priority: &Value) -> Option<i32> {
    match priority {
        Value::Number(number) => number.as_i64().and_then(|number| number.try_into().ok()),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// `date_analysis_requested` wins over `date_requested` whenever it is present, even as `null`.
fn date_requested(file: &Path, document: &Value) -> Result<Option<chrono::NaiveDate>> {
    let date = document
        .get("date_analysis_requested")
        .or_else(|| document.get("date_requested"));
    match date {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(date)) => parse_date(date, file).map(Some),
        Some(other) => Err(Error::Parse {
            path: file.to_owned(),
            line: None,
            message: format!("date_requested {other} is not a text YYYY-MM-DD"),
        }),
    }
}

/// The first VCF under the file's folder, by file name only (so one in a subfolder is not found,
/// as in ELLA), and `<file stem>.ped` when it exists.
fn data(file: &Path) -> Result<AnalysisData> {
    let folder = folder_of(file);
    let vcf = vcfs(folder)?.swap_remove(0);
    let ped = file.with_extension("ped");
    let vcf_name = vcf.file_name().map_or(vcf.as_path(), Path::new);
    AnalysisData::new(
        folder,
        vcf_name,
        ped.is_file().then_some(ped.as_path()),
        SampleType::Hts,
    )
}

#[cfg(test)]
mod tests {
    use std::fs;

    use chrono::NaiveDate;

    use super::super::analysis_file;
    use super::*;

    /// A folder `x.HBOC_v01` with the given files (name, content) and `x.analysis` holding
    /// `analysis`.
    fn folder_with(
        files: &[(&str, &str)],
        analysis: &str,
    ) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in files {
            let path = dir.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
        let file = dir.path().join("x.analysis");
        fs::write(&file, analysis).unwrap();
        (dir, file)
    }

    const TEST_ANALYSIS: &str = r#"{"params": {"genepanel": "HBOC_v1.0.0"}, "type": "exome",
        "name": "TestAnalysis-001", "priority": "1", "samples": ["S"]}"#;

    #[test]
    fn watcher_example_of_the_spec() {
        let (dir, file) = folder_with(&[("b.vcf", ""), ("a.vcf.gz", "")], TEST_ANALYSIS);
        let config = analysis_file::read(&file).unwrap();
        assert_eq!(config.name, "TestAnalysis-001");
        assert_eq!(
            (
                config.genepanel_name.as_str(),
                config.genepanel_version.as_str()
            ),
            ("HBOC", "v1.0.0")
        );
        assert_eq!((config.priority, config.date_requested), (1, None));
        let [data] = &config.data[..] else {
            panic!("{:?}", config.data)
        };
        assert_eq!(data.vcf, dir.path().join("a.vcf.gz"));
        assert_eq!((data.technology, &data.pedigree), (SampleType::Hts, &None));
    }

    #[test]
    fn ped_named_after_the_analysis_file() {
        let ped = "F\tS\t0\t0\t2\t2\t1\n";
        let (_dir, file) = folder_with(&[("a.vcf", ""), ("x.ped", ped)], TEST_ANALYSIS);
        let config = analysis_file::read(&file).unwrap();
        assert_eq!(config.data[0].pedigree.as_ref().unwrap().entries.len(), 1);
    }

    #[test]
    fn priority_and_dates() {
        let analysis = r#"{"params": {"genepanel": "P_v1_extra"}, "name": "n", "priority": 2,
            "date_requested": "2020-01-02", "date_analysis_requested": "2020-02-03"}"#;
        let (_dir, file) = folder_with(&[("a.vcf", "")], analysis);
        let config = analysis_file::read(&file).unwrap();
        assert_eq!(
            (
                config.genepanel_name.as_str(),
                config.genepanel_version.as_str()
            ),
            ("P", "v1")
        );
        assert_eq!(config.priority, 2);
        assert_eq!(config.date_requested, NaiveDate::from_ymd_opt(2020, 2, 3));

        let analysis = r#"{"params": {"genepanel": "P_v1"}, "name": "n",
            "date_requested": "2020-01-02", "date_analysis_requested": null}"#;
        let (_dir, file) = folder_with(&[("a.vcf", "")], analysis);
        assert_eq!(analysis_file::read(&file).unwrap().date_requested, None);
    }

    #[test]
    fn refusals() {
        for (analysis, files, expected) in [
            (
                r#"{"params": {"genepanel": "HBOC_v1"}}"#,
                &[("a.vcf", "")][..],
                "has no `name`",
            ),
            (
                r#"{"params": {}, "name": "n"}"#,
                &[("a.vcf", "")],
                "`params.genepanel`",
            ),
            (
                r#"{"params": {"genepanel": "HBOC"}, "name": "n"}"#,
                &[("a.vcf", "")],
                "has no `_`",
            ),
            (
                r#"{"params": {"genepanel": "P_v1"}, "name": "n", "priority": "high"}"#,
                &[("a.vcf", "")],
                "priority \"high\"",
            ),
            (
                r#"{"params": {"genepanel": "P_v1"}, "name": "n", "date_requested": 5}"#,
                &[("a.vcf", "")],
                "date_requested 5",
            ),
            (
                r#"{"params": {"genepanel": "P_v1"}, "name": "n"}"#,
                &[],
                "Unable to find vcf file",
            ),
            (
                r#"{"params": {"genepanel": "P_v1"}, "name": "n"}"#,
                &[("sub/a.vcf", "")],
                "Unable to find file at",
            ),
        ] {
            let (_dir, file) = folder_with(files, analysis);
            let error = analysis_file::read(&file).unwrap_err().to_string();
            assert!(error.contains(expected), "{analysis}: {error}");
        }
    }
}
