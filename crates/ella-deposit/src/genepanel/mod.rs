//! Gene panel deposit (`ella-cli deposit genepanel`, import.md §11): reading a panel's
//! transcripts and phenotypes files, and storing the panel with its genes, transcripts and
//! phenotypes.
//!
//! Both layouts are read: ELLA v1.17's (Gene Panel Builder) `_genes_transcripts.tsv` and
//! `_phenotypes.tsv`, and the legacy `.transcripts.csv` and `.phenotypes.csv` of the older test
//! panels, converted the way ELLA's schema migration converted them. Each file's layout is
//! recognised by its header, so either file may be of either layout. [`read`] parses and checks
//! everything before [`deposit`] writes anything.

mod deposit;
pub mod phenotypes;
mod table;
pub mod transcripts;

use std::path::{Path, PathBuf};

pub use deposit::{deposit, DepositOutcome, DepositSummary};

use crate::{Error, Result};

/// Where a gene panel's files are, and the panel's name and version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenepanelSource {
    /// Panel name, e.g. `HBOC`.
    pub name: String,
    /// Panel version, e.g. `v01`.
    pub version: String,
    /// The transcripts file.
    pub transcripts: PathBuf,
    /// The phenotypes file.
    pub phenotypes: PathBuf,
}

/// One transcript line of a panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptRecord {
    /// Transcript name, e.g. `NM_000059.3` (unique within the file).
    pub name: String,
    /// HGNC id of the gene.
    pub hgnc_id: i32,
    /// HGNC symbol of the gene.
    pub hgnc_symbol: String,
    /// Inheritance of the gene in this panel (free text, may be empty).
    pub inheritance: String,
    /// Chromosome name.
    pub chromosome: String,
    /// 0-based start (`read start`).
    pub tx_start: i32,
    /// Exclusive end (`read end`).
    pub tx_end: i32,
    /// Strand, `+` when the file has no strand column.
    pub strand: String,
    /// Coding start; `None` for non-coding transcripts.
    pub cds_start: Option<i32>,
    /// Coding end; `None` for non-coding transcripts.
    pub cds_end: Option<i32>,
    /// Exon starts.
    pub exon_starts: Vec<i32>,
    /// Exon ends.
    pub exon_ends: Vec<i32>,
    /// Tags; `None` when the file gives none.
    pub tags: Option<Vec<String>>,
}

/// One phenotype line of a panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhenotypeRecord {
    /// HGNC id of the gene.
    pub hgnc_id: i32,
    /// Phenotype text.
    pub description: String,
    /// Inheritance, `N/A` when the file gives none.
    pub inheritance: String,
    /// Phenotype MIM number.
    pub omim_id: Option<i32>,
}

/// A gene panel as read from its files, checked and ready to deposit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Genepanel {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
    /// Transcripts, in file order.
    pub transcripts: Vec<TranscriptRecord>,
    /// Phenotypes, in file order.
    pub phenotypes: Vec<PhenotypeRecord>,
}

/// The panel in `folder`, which is named `<Name>_<version>`.
///
/// The name is the part before the first `_`; the version must start with `v`. The files are
/// `<folder>/<Name>_<version>_genes_transcripts.tsv` and `_phenotypes.tsv`; when neither exists but
/// the legacy `<Name>_<version>.transcripts.csv` and `.phenotypes.csv` do, those are used instead.
pub fn source_from_folder(folder: &Path) -> Result<GenepanelSource> {
    let not_a_panel_folder = || {
        Error::Invalid(format!(
            "{}: the folder name must be <name>_<version>",
            folder.display()
        ))
    };
    let prefix = folder
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(not_a_panel_folder)?;
    let (name, version) = prefix.split_once('_').ok_or_else(not_a_panel_folder)?;
    if !version.starts_with('v') {
        return Err(Error::Invalid(format!(
            "{}: the gene panel version '{version}' must start with 'v'",
            folder.display()
        )));
    }
    let file = |suffix: &str| folder.join(format!("{prefix}{suffix}"));
    let current = [file("_genes_transcripts.tsv"), file("_phenotypes.tsv")];
    let legacy = [file(".transcripts.csv"), file(".phenotypes.csv")];
    let use_legacy =
        !current.iter().any(|path| path.exists()) && legacy.iter().all(|path| path.exists());
    let [transcripts, phenotypes] = if use_legacy { legacy } else { current };
    Ok(GenepanelSource {
        name: name.to_owned(),
        version: version.to_owned(),
        transcripts,
        phenotypes,
    })
}

/// The panel `name` `version` with the given transcripts and phenotypes files (of either layout).
pub fn source_from_files(
    name: &str,
    version: &str,
    transcripts: &Path,
    phenotypes: &Path,
) -> Result<GenepanelSource> {
    if name.is_empty() || version.is_empty() {
        return Err(Error::Invalid(
            "the gene panel name and version must not be empty".to_owned(),
        ));
    }
    Ok(GenepanelSource {
        name: name.to_owned(),
        version: version.to_owned(),
        transcripts: transcripts.to_path_buf(),
        phenotypes: phenotypes.to_path_buf(),
    })
}

/// Reads and checks both files of the panel.
pub fn read(source: &GenepanelSource) -> Result<Genepanel> {
    // Phenotypes first: a legacy transcripts file takes the genes' inheritance from them.
    let phenotypes = phenotypes::parse(&read_file(&source.phenotypes)?, &source.phenotypes)?;
    let transcripts = transcripts::parse(
        &read_file(&source.transcripts)?,
        &source.transcripts,
        &phenotypes,
    )?;
    Ok(Genepanel {
        name: source.name.clone(),
        version: source.version.clone(),
        transcripts,
        phenotypes,
    })
}

fn read_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn testdata(panel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../testdata/genepanels")
            .join(panel)
    }

    #[test]
    fn folder_gives_name_version_and_current_files() {
        let folder = testdata("HBOC_v01");
        let source = source_from_folder(&folder).unwrap();
        assert_eq!(
            (source.name.as_str(), source.version.as_str()),
            ("HBOC", "v01")
        );
        assert_eq!(
            source.transcripts,
            folder.join("HBOC_v01_genes_transcripts.tsv")
        );
        assert_eq!(source.phenotypes, folder.join("HBOC_v01_phenotypes.tsv"));
    }

    #[test]
    fn name_is_split_at_the_first_underscore() {
        let source = source_from_folder(Path::new("/nowhere/My_v1_extra/")).unwrap();
        assert_eq!(
            (source.name.as_str(), source.version.as_str()),
            ("My", "v1_extra")
        );
    }

    #[test]
    fn folder_falls_back_to_legacy_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("HBOC_v01");
        std::fs::create_dir(&folder).unwrap();
        for file in ["HBOC_v01.transcripts.csv", "HBOC_v01.phenotypes.csv"] {
            std::fs::copy(testdata("HBOC_v01").join(file), folder.join(file)).unwrap();
        }
        let source = source_from_folder(&folder).unwrap();
        assert_eq!(source.transcripts, folder.join("HBOC_v01.transcripts.csv"));
        assert_eq!(read(&source).unwrap().transcripts.len(), 2);
    }

    #[test]
    fn version_must_start_with_v() {
        for folder in ["/x/HBOC_01", "/x/HBOC"] {
            assert!(
                matches!(
                    source_from_folder(Path::new(folder)),
                    Err(Error::Invalid(_))
                ),
                "{folder}"
            );
        }
    }

    #[test]
    fn both_layouts_give_the_same_panel_but_for_transcript_inheritance() {
        for panel in ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"] {
            let folder = testdata(panel);
            let (name, version) = panel.split_once('_').unwrap();
            let file = |suffix: &str| folder.join(format!("{panel}{suffix}"));
            let current = read(&source_from_folder(&folder).unwrap()).unwrap();
            let legacy = read(
                &source_from_files(
                    name,
                    version,
                    &file(".transcripts.csv"),
                    &file(".phenotypes.csv"),
                )
                .unwrap(),
            )
            .unwrap();
            assert_eq!(current.phenotypes, legacy.phenotypes, "{panel}");
            let without_inheritance = |panel: &Genepanel| -> Vec<TranscriptRecord> {
                panel
                    .transcripts
                    .iter()
                    .map(|record| TranscriptRecord {
                        inheritance: String::new(),
                        ..record.clone()
                    })
                    .collect()
            };
            assert_eq!(
                without_inheritance(&current),
                without_inheritance(&legacy),
                "{panel}"
            );
        }
    }
}
