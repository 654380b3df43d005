//! Annotation conversion against ELLA v1.17.2's recorded results: every allele of the e2e
//! analyses that the golden API responses show must get exactly ELLA's stored annotation document
//! from the fixture annotation config.
//!
//! The VCFs are read with a minimal line splitter (header `##INFO` lines and the INFO column), so
//! this test depends on nothing but the converter.

use std::collections::BTreeSet;
use std::io::{BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use ella_deposit::annotation::{
    AnnotationConfig, InfoField, InfoHeader, InfoType, RecordConverter,
};
use ella_test_support::testdata;
use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};

/// The VCFs of the analyses the golden files cover.
const VCFS: [&str; 5] = [
    "brca_e2e_test01.HBOCUTV_v01/brca_e2e_test01.HBOCUTV_v01.vcf",
    "brca_e2e_test02.HBOCUTV_v01/brca_e2e_test02.HBOCUTV_v01.vcf",
    "brca_e2e_test03.HBOCUTV_v01/brca_e2e_test03.HBOCUTV_v01.vcf",
    "HG002-Trio.Mendeliome_v01/HG002-Trio.Mendeliome_v01.vcf",
    "HG002-Trio.Mendeliome_v01/HG002_sv_cnv.Mendeliome_v01.vcf",
];

/// Keys the API adds to the stored document (api.md §6.3 step 6, and step 4's `worst_consequence`).
const API_KEYS: [&str; 6] = [
    "annotation_id",
    "schema_version",
    "annotation_config_id",
    "custom_annotation_id",
    "filtered_transcripts",
    "worst_consequence",
];

/// `transcripts.inclusion_regex` of the golden runs' config (`NM_.*`, unanchored).
const INCLUSION_PREFIX: &str = "NM_";

fn fixture_config() -> AnnotationConfig {
    let path = testdata("fixtures/annotation-config.yml");
    let text = std::fs::read_to_string(&path).expect("annotation config");
    let config: Value = serde_yaml_ng::from_str(&text).expect("YAML");
    AnnotationConfig::from_deposit(&config["deposit"]).expect("valid deposit config")
}

/// A record: identity and INFO text.
struct Record {
    key: (String, u64, String, String),
    line: usize,
    info: String,
}

/// The INFO headers and records of a VCF (`.vcf` or BGZF `.vcf.gz`).
fn read_vcf(path: &Path) -> (Vec<InfoHeader>, Vec<Record>) {
    let mut text = String::new();
    let file = std::fs::File::open(path).expect("VCF");
    if path.extension().is_some_and(|extension| extension == "gz") {
        MultiGzDecoder::new(file).read_to_string(&mut text)
    } else {
        BufReader::new(file).read_to_string(&mut text)
    }
    .expect("VCF text");
    let mut headers = Vec::new();
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if let Some(definition) = line.strip_prefix("##INFO=<") {
            headers.push(info_header(definition.trim_end_matches('>')));
        } else if !line.starts_with('#') && !line.is_empty() {
            let columns: Vec<&str> = line.split('\t').collect();
            records.push(Record {
                key: (
                    columns[0].to_owned(),
                    columns[1].parse().expect("POS"),
                    columns[3].to_owned(),
                    columns[4].to_owned(),
                ),
                line: index + 1,
                info: columns[7].to_owned(),
            });
        }
    }
    (headers, records)
}

/// `ID=..,Type=..,Description="..."`: commas inside quotes do not separate; the Description
/// keeps its quotes, as htslib does.
fn info_header(definition: &str) -> InfoHeader {
    let mut fields = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (index, character) in definition.char_indices() {
        match character {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                fields.push(&definition[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    fields.push(&definition[start..]);
    let field = |name: &str| {
        fields
            .iter()
            .find_map(|field| field.strip_prefix(name)?.strip_prefix('='))
            .unwrap_or_default()
            .to_owned()
    };
    InfoHeader {
        id: field("ID"),
        value_type: InfoType::from_header(&field("Type")).expect("INFO Type"),
        description: field("Description"),
    }
}

fn info_fields(info: &str) -> Vec<InfoField<'_>> {
    if info == "." {
        return Vec::new();
    }
    info.split(';')
        .map(|field| match field.split_once('=') {
            Some((key, value)) => (key, Some(value)),
            None => (field, None),
        })
        .collect()
}

fn convert(converter: &RecordConverter, record: &Record) -> Value {
    converter
        .convert(&info_fields(&record.info))
        .unwrap_or_else(|error| panic!("line {}: {error}", record.line))
}

/// Paths at which two JSON values differ, with both values.
fn differences(path: &str, ours: &Value, ellas: &Value, found: &mut Vec<String>) {
    match (ours, ellas) {
        (Value::Object(ours), Value::Object(ellas)) => {
            let keys: BTreeSet<&String> = ours.keys().chain(ellas.keys()).collect();
            for key in keys {
                let (a, b) = (ours.get(key), ellas.get(key));
                match (a, b) {
                    (Some(a), Some(b)) => differences(&format!("{path}.{key}"), a, b, found),
                    _ => found.push(format!("{path}.{key}: ours {a:?}, ELLA {b:?}")),
                }
            }
        }
        (Value::Array(ours), Value::Array(ellas)) if ours.len() == ellas.len() => {
            for (index, (a, b)) in ours.iter().zip(ellas).enumerate() {
                differences(&format!("{path}[{index}]"), a, b, found);
            }
        }
        _ if ours == ellas => {}
        _ => found.push(format!("{path}: ours {ours}, ELLA {ellas}")),
    }
}

/// The API shows only the panel's and the inclusion regex's transcripts when there are any
/// (api.md §6.3 steps 1–3); apply the same selection to our full list.
fn as_shown_by_api(mut document: Map<String, Value>, filtered: &[Value]) -> Map<String, Value> {
    if let Some(Value::Array(transcripts)) = document.get_mut("transcripts") {
        let shown = |transcript: &Value| {
            let name = transcript["transcript"].as_str().unwrap_or_default();
            filtered.iter().any(|panel| panel == name) || name.contains(INCLUSION_PREFIX)
        };
        if transcripts.iter().any(shown) {
            transcripts.retain(shown);
        }
    }
    document
}

#[test]
fn golden_alleles_get_ellas_annotation() {
    let config = fixture_config();
    let mut documents = Vec::new();
    for vcf in VCFS {
        let (headers, records) = read_vcf(&testdata("analyses/e2e").join(vcf));
        let converter = config.compile(&headers);
        for record in records {
            documents.push((record.key.clone(), convert(&converter, &record)));
        }
    }

    let (mut compared, mut failures) = (0, Vec::new());
    for entry in std::fs::read_dir(testdata("golden")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("workflows_analyses_alleles__") {
            continue;
        }
        let golden: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for allele in golden["response"].as_array().unwrap() {
            let key = (
                allele["chromosome"].as_str().unwrap().to_owned(),
                allele["vcf_pos"].as_u64().unwrap(),
                allele["vcf_ref"].as_str().unwrap().to_owned(),
                allele["vcf_alt"].as_str().unwrap().to_owned(),
            );
            let ours = documents
                .iter()
                .find(|(candidate, _)| *candidate == key)
                .unwrap_or_else(|| panic!("{name}: no VCF record for {key:?}"));
            let mut ellas = allele["annotation"].as_object().unwrap().clone();
            let filtered = ellas["filtered_transcripts"].as_array().unwrap().clone();
            for api_key in API_KEYS {
                ellas.remove(api_key);
            }
            let ours = as_shown_by_api(ours.1.as_object().unwrap().clone(), &filtered);
            let mut found = Vec::new();
            differences(
                "annotation",
                &Value::Object(ours),
                &Value::Object(ellas),
                &mut found,
            );
            if !found.is_empty() {
                failures.push(format!("{name} {key:?}:\n  {}", found.join("\n  ")));
            }
            compared += 1;
        }
    }
    println!(
        "{compared} golden alleles compared, {} differ",
        failures.len()
    );
    assert!(compared >= 30, "only {compared} golden alleles found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every VCF of the test data (ELLA deposits them all in its own tests) converts without error.
#[test]
fn every_test_vcf_converts() {
    fn vcfs(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(folder).expect("folder") {
            let path = entry.expect("entry").path();
            let name = path.to_string_lossy();
            if path.is_dir() {
                vcfs(&path, found);
            } else if name.ends_with(".vcf") || name.ends_with(".vcf.gz") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    vcfs(&testdata(""), &mut found);
    assert!(found.len() >= 15, "{found:?}");
    let config = fixture_config();
    let mut records = 0;
    for path in found {
        let (headers, lines) = read_vcf(&path);
        let converter = config.compile(&headers);
        for record in &lines {
            converter
                .convert(&info_fields(&record.info))
                .unwrap_or_else(|error| {
                    panic!("{}: {}", path.display(), error.at(&path, record.line))
                });
        }
        records += lines.len();
    }
    println!("{records} records converted");
}

/// Throughput on a real exome analysis (NA12878, 1 103 records: on average 116 INFO keys, 15 VEP
/// transcripts, ClinVar JSON on half of them), INFO already split: run with
/// `--release --ignored --nocapture`.
#[test]
#[ignore = "benchmark"]
fn conversion_throughput() {
    let path = testdata("analyses/default/NA12878.Ciliopati_v05/NA12878.Ciliopati_v05.vcf.gz");
    let (headers, records) = read_vcf(&path);
    let converter = fixture_config().compile(&headers);
    let split: Vec<Vec<InfoField>> = records
        .iter()
        .map(|record| info_fields(&record.info))
        .collect();
    let convert_all = || {
        for info in &split {
            converter.convert(info).expect("converts");
        }
    };
    convert_all(); // loads the HGNC maps once
    let rounds: u32 = 20;
    let started = Instant::now();
    for _ in 0..rounds {
        convert_all();
    }
    let seconds = started.elapsed().as_secs_f64();
    let alleles = rounds * u32::try_from(split.len()).expect("few records");
    println!(
        "{alleles} alleles in {seconds:.2} s: {:.0} alleles/s",
        f64::from(alleles) / seconds
    );
}
