//! Recognising the input of an analysis deposit (import.md §2): a folder, a `.analysis` file or a
//! bare VCF.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use super::files::{self, folder_of, io_error};
use super::names::{parse_folder_name, parse_vcf_file_name, ParsedName};
use super::{analysis_file, AnalysisConfig, AnalysisData, SampleType};
use crate::{Error, Result};

/// See [`AnalysisConfig::load`].
pub(super) fn load(path: &Path) -> Result<AnalysisConfig> {
    let path = std::path::absolute(path).map_err(io_error(path))?;
    if fs::metadata(&path).map_err(io_error(&path))?.is_dir() {
        from_folder(&path)
    } else if files::is_vcf(&path) {
        from_vcf(&path)
    } else if files::has_extension(&path, "analysis") {
        with_texts(analysis_file::read(&path)?, folder_of(&path))
    } else {
        Err(Error::Invalid(format!(
            "Unable to describe an analysis from {}: expected a folder, a .analysis file or a \
             .vcf/.vcf.gz file",
            path.display()
        )))
    }
}

/// A folder with at most one `.analysis` file, searched recursively (§2).
fn from_folder(folder: &Path) -> Result<AnalysisConfig> {
    let analysis_files = files::find(folder, &|name| files::has_extension(name, "analysis"))?;
    let config = match &analysis_files[..] {
        [] => from_folder_name(folder)?,
        // ELLA looks for the file found in a subfolder directly in the folder, and fails; here it
        // is read from where it is.
        [file] => analysis_file::read(file)?,
        _ => {
            let names: Vec<_> = analysis_files
                .iter()
                .map(|file| {
                    file.strip_prefix(folder)
                        .unwrap_or(file)
                        .display()
                        .to_string()
                })
                .collect();
            return Err(Error::Invalid(format!(
                "Multiple .analysis-files found in folder {}: {}. This is not supported.",
                folder.display(),
                names.join(", ")
            )));
        }
    };
    with_texts(config, folder)
}

/// A folder without `.analysis` (§2.4): every VCF, each with the PED named like the VCF up to its
/// first dot (`sample.HBOC_v01.vcf` pairs with `sample.ped`).
fn from_folder_name(folder: &Path) -> Result<AnalysisConfig> {
    let name = parsed_name(folder, parse_folder_name)?;
    let peds = files::find(folder, &|name| files::has_extension(name, "ped"))?;
    let data = files::vcfs(folder)?
        .iter()
        .map(|vcf| {
            let ped = peds.iter().find(|ped| pairs(vcf, ped));
            AnalysisData::new(folder, vcf, ped.map(AsRef::as_ref), SampleType::Hts)
        })
        .collect::<Result<_>>()?;
    Ok(AnalysisConfig::from_name(name, data))
}

fn pairs(vcf: &Path, ped: &Path) -> bool {
    let vcf_name = vcf.file_name().and_then(OsStr::to_str).unwrap_or_default();
    let prefix = vcf_name.split('.').next().unwrap_or_default();
    ped.file_name() == Some(OsStr::new(&format!("{prefix}.ped")))
}

/// A bare VCF: name and panel from its file name, no report or warnings (§2.3, §2.5).
fn from_vcf(vcf: &Path) -> Result<AnalysisConfig> {
    let name = parsed_name(vcf, parse_vcf_file_name)?;
    let data = AnalysisData::new(folder_of(vcf), vcf, None, SampleType::Hts)?;
    Ok(AnalysisConfig::from_name(name, vec![data]))
}

fn parsed_name(path: &Path, parse: fn(&str) -> Option<ParsedName>) -> Result<ParsedName> {
    path.file_name()
        .and_then(OsStr::to_str)
        .and_then(parse)
        .ok_or_else(|| {
            Error::Invalid(format!(
                "Unable to read analysis name, gene panel name and version from the name of {} \
                 (expected e.g. `<sample>.<panel>_<version>`)",
                path.display()
            ))
        })
}

/// `report.txt` and `warnings.txt` of `folder` replace whatever the description had, also with
/// `None` when absent (§2.3).
fn with_texts(config: AnalysisConfig, folder: &Path) -> Result<AnalysisConfig> {
    Ok(AnalysisConfig {
        report: files::optional_text(&folder.join("report.txt"))?,
        warnings: files::optional_text(&folder.join("warnings.txt"))?,
        ..config
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// A folder named `folder` in a temporary directory with the given files (name, content).
    fn folder_with(folder: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(folder);
        for (name, content) in files {
            let path = root.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
        (dir, root)
    }

    const ONE_SAMPLE: &str = "F\tS\t0\t0\t1\t2\t1\n";
    const CURRENT: &str = r#"{"name": "n", "genepanel_name": "P", "genepanel_version": "v1",
        "report": "from json", "data": [{"vcf": "a.vcf"}]}"#;

    #[test]
    fn folder_without_analysis_pairs_peds_by_prefix() {
        let (_dir, root) = folder_with(
            "s_1.HBOC_v01",
            &[
                ("s1.HBOC_v01.vcf", ""),
                ("s1.ped", ONE_SAMPLE),
                ("sub/s2.HBOC_v01.vcf.gz", ""),
                ("s2.HBOC_v01.ped", ONE_SAMPLE),
                ("s3.sample", "not json"),
                ("warnings.txt", "careful"),
            ],
        );
        let config = load(&root).unwrap();
        assert_eq!(config.name, "s_1.HBOC_v01");
        assert_eq!(
            (
                config.genepanel_name.as_str(),
                config.genepanel_version.as_str()
            ),
            ("HBOC", "v01")
        );
        assert_eq!(
            (config.priority, config.report, config.warnings.as_deref()),
            (1, None, Some("careful"))
        );
        let data: Vec<_> = config
            .data
            .iter()
            .map(|data| {
                (
                    data.vcf.strip_prefix(&root).unwrap().to_owned(),
                    data.pedigree.is_some(),
                )
            })
            .collect();
        assert_eq!(
            data,
            [
                (PathBuf::from("s1.HBOC_v01.vcf"), true),
                (PathBuf::from("sub/s2.HBOC_v01.vcf.gz"), false),
            ]
        );
    }

    #[test]
    fn folder_name_must_name_the_panel() {
        let (_dir, root) = folder_with("TestAnalysis-001", &[("a.vcf", "")]);
        let error = load(&root).unwrap_err().to_string();
        assert!(error.starts_with("Unable to read analysis name"), "{error}");
    }

    #[test]
    fn texts_replace_the_json_values() {
        let (_dir, root) = folder_with("n", &[("a.vcf", ""), ("x.analysis", CURRENT)]);
        assert_eq!(load(&root).unwrap().report, None);
        fs::write(root.join("report.txt"), "from file\n").unwrap();
        for input in [root.clone(), root.join("x.analysis")] {
            let config = load(&input).unwrap();
            assert_eq!(
                (config.report.as_deref(), config.warnings),
                (Some("from file\n"), None)
            );
        }
    }

    #[test]
    fn analysis_file_in_a_subfolder() {
        let (_dir, root) = folder_with(
            "n",
            &[
                ("sub/a.vcf", ""),
                ("sub/x.analysis", CURRENT),
                ("report.txt", "r"),
            ],
        );
        let config = load(&root).unwrap();
        assert_eq!(config.data[0].vcf, root.join("sub/a.vcf"));
        assert_eq!(config.report.as_deref(), Some("r"));
    }

    #[test]
    fn several_analysis_files_are_refused() {
        let (_dir, root) = folder_with(
            "n",
            &[
                ("a.vcf", ""),
                ("x.analysis", CURRENT),
                ("x.cnv.analysis", CURRENT),
            ],
        );
        let error = load(&root).unwrap_err().to_string();
        assert!(
            error.starts_with("Multiple .analysis-files found in folder"),
            "{error}"
        );
        assert!(
            error.ends_with("x.analysis, x.cnv.analysis. This is not supported."),
            "{error}"
        );
    }

    #[test]
    fn bare_vcf() {
        let (_dir, root) = folder_with(
            "n",
            &[
                ("s.HBOC_v01.vcf.gz", ""),
                ("report.txt", "r"),
                ("s.ped", ONE_SAMPLE),
            ],
        );
        let config = load(&root.join("s.HBOC_v01.vcf.gz")).unwrap();
        assert_eq!(
            (
                config.name.as_str(),
                config.genepanel_name.as_str(),
                config.genepanel_version.as_str()
            ),
            ("s.HBOC_v01", "HBOC", "v01")
        );
        assert_eq!((config.report, config.warnings), (None, None));
        assert_eq!(config.data[0].vcf, root.join("s.HBOC_v01.vcf.gz"));
        assert_eq!(
            (config.data[0].technology, &config.data[0].pedigree),
            (SampleType::Hts, &None)
        );
    }

    #[test]
    fn other_inputs_are_refused() {
        let (_dir, root) = folder_with("n", &[("notes.txt", "")]);
        let error = load(&root.join("notes.txt")).unwrap_err().to_string();
        assert!(
            error.starts_with("Unable to describe an analysis from"),
            "{error}"
        );
        let error = load(&root.join("missing")).unwrap_err();
        assert!(matches!(error, Error::Io { .. }), "{error}");
    }
}
