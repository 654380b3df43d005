//! Analysis descriptions (import.md §2) of every test analysis and watcher folder, their sample
//! plans (§3.2) for the VCFs' real sample columns, and the e2e analyses against the golden
//! responses of ELLA v1.17.2 (`testdata/golden`).

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use ella_deposit::analysis_config::{
    parse_folder_name, AnalysisConfig, SamplePlan, SampleType, Sex,
};
use ella_deposit::Error;
use ella_test_support::testdata;
use serde_json::Value;

/// Every analysis folder of the test data: `analyses/<group>/<analysis>` and the watcher's.
fn analysis_folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = ["analyses/default", "analyses/e2e", "watcher/analyses"]
        .into_iter()
        .flat_map(|group| fs::read_dir(testdata(group)).expect("test data folder"))
        .map(|entry| entry.expect("folder entry").path())
        .collect();
    folders.sort();
    folders
}

/// The sample column names of a `.vcf` or `.vcf.gz`.
fn vcf_samples(vcf: &Path) -> Vec<String> {
    let file = fs::File::open(vcf).expect("readable VCF");
    let reader: Box<dyn Read> = if vcf.extension().is_some_and(|ext| ext == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let header = BufReader::new(reader)
        .lines()
        .map(|line| line.expect("VCF text"))
        .find(|line| line.starts_with("#CHROM"))
        .expect("#CHROM line");
    header.split('\t').skip(9).map(str::to_owned).collect()
}

fn plans(config: &AnalysisConfig) -> Vec<SamplePlan> {
    config
        .data
        .iter()
        .map(|data| {
            data.sample_plan(&vcf_samples(&data.vcf))
                .unwrap_or_else(|error| panic!("{error}"))
        })
        .collect()
}

/// (identifier, proband, father, mother, sibling, sex, affected) per sample.
type Roles<'a> = Vec<(
    &'a str,
    bool,
    Option<usize>,
    Option<usize>,
    Option<usize>,
    Option<Sex>,
    bool,
)>;

fn roles(plan: &SamplePlan) -> Roles<'_> {
    plan.samples
        .iter()
        .map(|s| {
            let links = (s.father, s.mother, s.sibling);
            (
                s.identifier.as_str(),
                s.proband,
                links.0,
                links.1,
                links.2,
                s.sex,
                s.affected,
            )
        })
        .collect()
}

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("new folder");
    for entry in fs::read_dir(from).expect("folder to copy") {
        let path = entry.expect("folder entry").path();
        let target = to.join(path.file_name().expect("file name"));
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy");
        }
    }
}

#[test]
fn every_test_analysis_loads_and_its_samples_fit_its_vcfs() {
    let folders = analysis_folders();
    assert_eq!(folders.len(), 15);
    for folder in folders {
        let config = AnalysisConfig::load(&folder).unwrap_or_else(|e| panic!("{e}"));
        let folder_name = folder.file_name().unwrap().to_str().unwrap();
        assert_eq!(config.name, folder_name);
        if let Some(parsed) = parse_folder_name(folder_name) {
            // The `.analysis` files name the panel their folder names.
            let panel = (parsed.genepanel_name, parsed.genepanel_version);
            assert_eq!(
                (
                    config.genepanel_name.clone(),
                    config.genepanel_version.clone()
                ),
                panel
            );
        }
        assert_eq!(
            (config.priority, config.date_requested),
            (1, None),
            "{folder_name}"
        );
        assert!(!config.data.is_empty());
        for (data, plan) in config.data.iter().zip(plans(&config)) {
            assert!(data.vcf.starts_with(&folder), "{}", data.vcf.display());
            assert_eq!(data.technology, SampleType::Hts);
            assert!(plan.samples[plan.proband].proband);
        }
    }
}

#[test]
fn hg002_trio_with_its_sv_vcf() {
    let folder = testdata("analyses/e2e/HG002-Trio.Mendeliome_v01");
    let config = AnalysisConfig::load(&folder).unwrap();
    assert_eq!(config.name, "HG002-Trio.Mendeliome_v01");
    assert_eq!(
        (
            config.genepanel_name.as_str(),
            config.genepanel_version.as_str()
        ),
        ("Mendeliome", "v01")
    );
    assert_eq!(
        (config.report.as_deref(), config.warnings.as_deref()),
        (None, None)
    );
    let vcfs: Vec<_> = config.data.iter().map(|data| data.vcf.clone()).collect();
    assert_eq!(
        vcfs,
        [
            folder.join("HG002-Trio.Mendeliome_v01.vcf"),
            folder.join("HG002_sv_cnv.Mendeliome_v01.vcf")
        ]
    );
    let pedigree = config.data[0].pedigree.as_ref().unwrap();
    assert_eq!(pedigree.path, folder.join("HG002-Trio.Mendeliome_v01.ped"));
    assert_eq!(config.data[1].pedigree, None);

    let plans = plans(&config);
    assert_eq!(plans[0].proband, 0);
    assert_eq!(
        roles(&plans[0]),
        vec![
            ("HG002", true, Some(1), Some(2), None, Some(Sex::Male), true),
            ("HG003", false, None, None, None, Some(Sex::Male), false),
            ("HG004", false, None, None, None, Some(Sex::Female), false),
        ]
    );
    assert!(plans[0]
        .samples
        .iter()
        .all(|s| s.family_id.as_deref() == Some("TestFam")));
    assert_eq!(
        roles(&plans[1]),
        vec![("HG002", true, None, None, None, None, true)]
    );
    assert_eq!(plans[1].samples[0].family_id, None);
}

#[test]
fn brca_sample_2_family_with_siblings() {
    let config = AnalysisConfig::load(&testdata(
        "analyses/default/brca_sample_2.HBOCUTV_v01/brca_sample_2.HBOCUTV_v01.analysis",
    ))
    .unwrap();
    assert_eq!(
        (
            config.genepanel_name.as_str(),
            config.genepanel_version.as_str()
        ),
        ("HBOCUTV", "v01")
    );
    let plans = plans(&config);
    let [plan] = &plans[..] else {
        panic!("{plans:?}")
    };
    assert_eq!(
        roles(plan),
        vec![
            (
                "Test02_proband",
                true,
                Some(1),
                Some(2),
                None,
                Some(Sex::Male),
                true
            ),
            (
                "Test02_father",
                false,
                None,
                None,
                None,
                Some(Sex::Male),
                false
            ),
            (
                "Test02_mother",
                false,
                None,
                None,
                None,
                Some(Sex::Female),
                false
            ),
            (
                "Test02_sibling1",
                false,
                Some(1),
                Some(2),
                Some(0),
                Some(Sex::Male),
                false
            ),
            (
                "Test02_sibling2",
                false,
                Some(1),
                Some(2),
                Some(0),
                Some(Sex::Female),
                true
            ),
        ]
    );
}

#[test]
fn watcher_analysis_with_report_and_warnings() {
    let folder = testdata("watcher/analyses/TestAnalysis-001");
    let config = AnalysisConfig::load(&folder).unwrap();
    assert_eq!(config.name, "TestAnalysis-001");
    assert_eq!(
        (
            config.genepanel_name.as_str(),
            config.genepanel_version.as_str()
        ),
        ("HBOC", "v1.0.0")
    );
    assert_eq!(
        config.report.as_deref(),
        Some("Report:\n\n    This is the analysis report")
    );
    assert_eq!(
        config.warnings.as_deref(),
        Some("Warnings:\n    \n    These are all the accumulated warnings.")
    );
    assert_eq!(config.data[0].vcf, folder.join("TestAnalysis-001.vcf"));
    let plans = plans(&config);
    let proband = &plans[0].samples[plans[0].proband];
    assert_eq!(
        (proband.identifier.as_str(), proband.father, proband.mother),
        ("TestSample-001", Some(1), Some(2))
    );
}

#[test]
fn watcher_analysis_with_error_fails_when_described() {
    // ELLA fails on `legacy["name"]` while building the config, before any deposit step.
    let folder = testdata("watcher/analysis_with_error/TestAnalysis-003");
    let error = AnalysisConfig::load(&folder).unwrap_err();
    assert!(
        matches!(&error, Error::Parse { path, .. } if *path == folder.join("TestAnalysis-003.analysis")),
        "{error:?}"
    );
    assert!(error.to_string().contains("no `name`"), "{error}");
}

/// The e2e analyses as deposited for the golden responses: each folder with the golden
/// `report.txt`, and `warnings.txt` for HBOC panels only (`testdata/golden/README.md`).
#[test]
fn e2e_analyses_match_the_golden_responses() {
    let golden = testdata("golden");
    let temp = tempfile::tempdir().unwrap();
    let e2e: Vec<_> = analysis_folders()
        .into_iter()
        .filter(|folder| folder.parent().unwrap().ends_with("e2e"))
        .collect();
    assert_eq!(e2e.len(), 5);
    for folder in &e2e {
        let name = folder.file_name().unwrap().to_str().unwrap();
        let copy = temp.path().join(name);
        copy_folder(folder, &copy);
        fs::copy(golden.join("report.txt"), copy.join("report.txt")).unwrap();
        if parse_folder_name(name).unwrap().genepanel_name == "HBOC" {
            fs::copy(golden.join("warnings.txt"), copy.join("warnings.txt")).unwrap();
        }
        let config = AnalysisConfig::load(&copy).unwrap();
        let text = fs::read_to_string(golden.join(format!("analyses__{name}.json"))).unwrap();
        let response = &serde_json::from_str::<Value>(&text).unwrap()["response"];
        assert_eq!(response["name"], config.name.as_str());
        assert_eq!(
            response["genepanel"]["name"],
            config.genepanel_name.as_str()
        );
        assert_eq!(
            response["genepanel"]["version"],
            config.genepanel_version.as_str()
        );
        assert_eq!(
            response["report"].as_str(),
            config.report.as_deref(),
            "{name}"
        );
        assert_eq!(
            response["warnings"].as_str(),
            config.warnings.as_deref(),
            "{name}"
        );
        assert_eq!(response["date_requested"], Value::Null);
        assert_eq!(
            golden_samples(response),
            planned_samples(&plans(&config)),
            "{name}"
        );
    }
}

/// The samples of a golden analysis in id order, links as positions in that order.
fn golden_samples(response: &Value) -> Vec<Value> {
    let mut samples = response["samples"].as_array().expect("samples").clone();
    samples.sort_by_key(|sample| sample["id"].as_i64());
    let first_id = samples[0]["id"].as_i64().expect("sample id");
    let position = |id: &Value| id.as_i64().map_or(Value::Null, |id| (id - first_id).into());
    samples
        .iter()
        .map(|s| {
            serde_json::json!([
                s["identifier"],
                s["sample_type"],
                s["family_id"],
                s["sex"],
                s["affected"],
                s["proband"],
                position(&s["father_id"]),
                position(&s["mother_id"]),
                position(&s["sibling_id"])
            ])
        })
        .collect()
}

/// The planned samples of all data entries in deposit order, in the form of [`golden_samples`].
fn planned_samples(plans: &[SamplePlan]) -> Vec<Value> {
    let mut offset = 0;
    let mut samples = Vec::new();
    for plan in plans {
        let global = |index: Option<usize>| index.map(|index| index + offset);
        samples.extend(plan.samples.iter().map(|s| {
            serde_json::json!([
                s.identifier,
                s.sample_type.as_str(),
                s.family_id,
                s.sex.map(Sex::as_str),
                s.affected,
                s.proband,
                global(s.father),
                global(s.mother),
                global(s.sibling)
            ])
        }));
        offset += plan.samples.len();
    }
    samples
}

#[test]
fn folder_without_analysis_pairs_the_ped_by_the_vcf_prefix() {
    let temp = tempfile::tempdir().unwrap();
    let copy = temp.path().join("brca_sample_2.HBOCUTV_v01");
    copy_folder(
        &testdata("analyses/default/brca_sample_2.HBOCUTV_v01"),
        &copy,
    );
    fs::remove_file(copy.join("brca_sample_2.HBOCUTV_v01.analysis")).unwrap();

    // `brca_sample_2.HBOCUTV_v01.ped` does not pair with `brca_sample_2.HBOCUTV_v01.vcf` (§2.4).
    let config = AnalysisConfig::load(&copy).unwrap();
    assert_eq!(config.data[0].pedigree, None);
    let vcf = &config.data[0].vcf;
    let error = config.data[0].sample_plan(&vcf_samples(vcf)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: .ped file required when importing multiple samples",
            vcf.display()
        )
    );

    fs::rename(
        copy.join("brca_sample_2.HBOCUTV_v01.ped"),
        copy.join("brca_sample_2.ped"),
    )
    .unwrap();
    let config = AnalysisConfig::load(&copy).unwrap();
    assert_eq!(plans(&config)[0].samples.len(), 5);
}

#[test]
fn bare_vcf_takes_its_name_from_the_file() {
    let vcf = testdata("analyses/default/NA12878.Ciliopati_v05/NA12878.Ciliopati_v05.vcf.gz");
    let config = AnalysisConfig::load(&vcf).unwrap();
    assert_eq!(config.name, "NA12878.Ciliopati_v05");
    assert_eq!(
        (
            config.genepanel_name.as_str(),
            config.genepanel_version.as_str()
        ),
        ("Ciliopati", "v05")
    );
    assert_eq!(config.data.len(), 1);
    assert_eq!(
        roles(&plans(&config)[0]),
        vec![("NA12878", true, None, None, None, None, true)]
    );
}
