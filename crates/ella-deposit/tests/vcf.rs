//! VCF reading on the real test data: every test VCF reads and derives its alleles and genotypes
//! without error, the derived rows equal what ELLA v1.17.2 stored (`testdata/golden`), and cut
//! files are errors.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use ella_deposit::vcf::{
    derive_genotypes, NewAllele, RecordBatch, VcfReader, ANALYSIS_BATCH_SIZE, GENOME_REFERENCE,
};
use ella_deposit::Error;
use ella_test_support::testdata;
use serde_json::{json, Value};

/// Every VCF of the test analyses and watcher folders.
fn test_vcfs() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("read test data") {
            let path = entry.expect("dir entry").path();
            let name = path.to_string_lossy();
            if path.is_dir() {
                walk(&path, found);
            } else if name.ends_with(".vcf") || name.ends_with(".vcf.gz") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&testdata("analyses"), &mut found);
    walk(&testdata("watcher"), &mut found);
    found.sort();
    found
}

/// The proband of a VCF: the PED's proband when its folder has a PED naming one of the samples,
/// else the first sample.
fn proband(path: &Path, reader: &VcfReader) -> usize {
    let folder = path.parent().expect("folder");
    let peds = fs::read_dir(folder)
        .expect("folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ped"));
    peds.flat_map(|ped| {
        fs::read_to_string(ped)
            .expect("PED")
            .lines()
            .map(|line| {
                line.split('\t')
                    .map(str::trim)
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    })
    .filter(|columns| columns.get(6).is_some_and(|proband| proband == "1"))
    .find_map(|columns| reader.header().sample_index(&columns[1]))
    .unwrap_or(0)
}

/// What a deposit of `path` would store, per proband allele, in the shape of ELLA's
/// `/workflows/analyses/.../alleles/` response: the allele columns and, under `samples`, each
/// sample's `genotype` (genotype and genotypesampledata columns).
struct Deposit {
    records: usize,
    samples: usize,
    alleles: Vec<Value>,
}

fn deposit(path: &Path, batch_size: usize) -> Deposit {
    let mut reader = VcfReader::open(path).expect("open");
    let proband = proband(path, &reader);
    let header = reader.header().clone();
    let mut batch = RecordBatch::default();
    let mut result = Deposit {
        records: 0,
        samples: header.samples().len(),
        alleles: Vec::new(),
    };
    while reader
        .read_batch(&mut batch, batch_size)
        .expect("read batch")
    {
        let records = batch.records();
        result.records += records.len();
        let alleles: Vec<Option<NewAllele<'_>>> = records
            .iter()
            .map(|record| {
                record
                    .has_allele(proband)
                    .expect("genotype")
                    .then(|| NewAllele::from_record(record, &header, true).expect("allele"))
            })
            .collect();
        for block in derive_genotypes(records, &alleles, proband, &header).expect("genotypes") {
            for (index, second) in [
                (Some(block.genotype.allele), false),
                (block.genotype.secondallele, true),
            ] {
                let Some(index) = index else { continue };
                let allele = alleles[index].expect("imported allele");
                let samples: Vec<Value> = block
                    .sample_data
                    .iter()
                    .filter(|row| row.secondallele == second)
                    .map(|row| {
                        json!({
                            "identifier": header.samples()[row.sample],
                            "genotype": {
                                "variant_quality": block.genotype.variant_quality,
                                "filter_status": block.genotype.filter_status,
                                "type": row.genotype_type.as_str(),
                                "multiallelic": row.multiallelic,
                                "genotype_quality": row.genotype_quality,
                                "sequencing_depth": row.sequencing_depth,
                                "copy_number": row.copy_number,
                                "genotype_likelihood": row.genotype_likelihood,
                                "allele_depth": row.allele_depth.to_json(),
                                "allele_ratio": row.allele_ratio,
                            }
                        })
                    })
                    .collect();
                result.alleles.push(json!({
                    "genome_reference": GENOME_REFERENCE,
                    "chromosome": allele.chromosome,
                    "start_position": allele.start_position.get(),
                    "open_end_position": allele.open_end_position.get(),
                    "change_type": allele.change_type.as_str(),
                    "change_from": allele.change_from,
                    "change_to": allele.change_to,
                    "length": allele.length,
                    "vcf_pos": allele.vcf_pos.get(),
                    "vcf_ref": allele.vcf_ref,
                    "vcf_alt": allele.vcf_alt,
                    "caller_type": allele.caller_type.as_str(),
                    "samples": samples,
                }));
            }
        }
    }
    result
}

fn find<'a>(alleles: &'a [Value], chromosome: &str, pos: i64, alt: &str) -> &'a Value {
    alleles
        .iter()
        .find(|allele| {
            allele["chromosome"] == chromosome
                && allele["vcf_pos"] == pos
                && allele["vcf_alt"] == alt
        })
        .unwrap_or_else(|| panic!("allele {chromosome}:{pos} {alt}"))
}

#[test]
fn every_test_vcf_reads() {
    let vcfs = test_vcfs();
    assert!(vcfs.len() >= 18, "{vcfs:?}");
    for path in vcfs {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let deposit = deposit(&path, ANALYSIS_BATCH_SIZE);
        // Small batches put block and batch boundaries everywhere; the rows must not change.
        assert_eq!(deposit.alleles, self::deposit(&path, 1).alleles, "{name}");
        let expected = match name.as_str() {
            "NA12878.Ciliopati_v05.vcf.gz" => Some((1103, 1)),
            "HG002-Trio.Mendeliome_v01.vcf" => Some((8, 3)),
            "HG002_sv_cnv.Mendeliome_v01.vcf" => Some((7, 1)),
            "brca_sample_2.HBOCUTV_v01.vcf" => Some((6, 5)),
            "brca_e2e_test04.HBOCUTV_v01.vcf" => Some((0, 1)),
            "TestAnalysis-001.vcf" | "TestAnalysis-003.vcf" => Some((6, 3)),
            _ => None,
        };
        if let Some((records, samples)) = expected {
            assert_eq!(
                (deposit.records, deposit.samples),
                (records, samples),
                "{name}"
            );
        }
        for allele in &deposit.alleles {
            assert_eq!(
                allele["samples"].as_array().map(Vec::len),
                Some(deposit.samples),
                "{name}: one genotypesampledata row per sample"
            );
        }
    }
}

#[test]
fn na12878_proband_alleles() {
    let path = testdata("analyses/default/NA12878.Ciliopati_v05/NA12878.Ciliopati_v05.vcf.gz");
    let deposit = deposit(&path, ANALYSIS_BATCH_SIZE);
    // Decomposed `./1` + `1/.` pairs without OLD_MULTIALLELIC stay separate genotypes (§1.3).
    let multiallelic = deposit
        .alleles
        .iter()
        .filter(|allele| allele["samples"][0]["genotype"]["multiallelic"] == true)
        .count();
    assert!(multiallelic > 0);
    assert!(deposit.alleles.len() > 1000, "{}", deposit.alleles.len());
    let first = find(&deposit.alleles, "1", 3_746_254, "C");
    assert_eq!(first["change_type"], "SNP");
    assert_eq!(first["start_position"], 3_746_253);
    assert_eq!(first["samples"][0]["genotype"]["variant_quality"], 843);
}

/// The trio example of import.md §4.4 and the haploid X calls of the HG002 trio.
#[test]
fn hg002_trio_genotypes() {
    let path = testdata("analyses/e2e/HG002-Trio.Mendeliome_v01/HG002-Trio.Mendeliome_v01.vcf");
    let deposit = deposit(&path, ANALYSIS_BATCH_SIZE);
    let first = find(&deposit.alleles, "1", 3_731_965, "A");
    let proband = &first["samples"][0]["genotype"];
    assert_eq!(proband["allele_depth"], json!({"REF (G)": 0, "A": 35}));
    assert_eq!(proband["allele_ratio"], 1.0);
    assert_eq!(proband["type"], "Homozygous");
    assert_eq!(proband["variant_quality"], 318);
    let x = find(&deposit.alleles, "X", 153_455_671, "T");
    assert_eq!(x["samples"][0]["genotype"]["type"], "Homozygous");
    assert_eq!(
        x["samples"][0]["genotype"]["genotype_likelihood"],
        json!([58, 0])
    );
    assert_eq!(x["samples"][1]["identifier"], "HG003");
    assert_eq!(x["samples"][1]["genotype"]["type"], "No coverage");
    assert_eq!(x["samples"][2]["genotype"]["type"], "Heterozygous");
    // The proband is `0` at X:153455654 (only the father has it): not imported.
    assert!(!deposit
        .alleles
        .iter()
        .any(|allele| allele["vcf_pos"] == 153_455_654));
}

/// Allele and genotype fields of the alleles in ELLA's API responses.
#[test]
fn golden_responses() {
    let cases = [
        (
            "HG002-Trio.Mendeliome_v01",
            "e2e/HG002-Trio.Mendeliome_v01/HG002_sv_cnv.Mendeliome_v01.vcf",
        ),
        (
            "brca_e2e_test01.HBOCUTV_v01",
            "e2e/brca_e2e_test01.HBOCUTV_v01/brca_e2e_test01.HBOCUTV_v01.vcf",
        ),
        (
            "brca_e2e_test02.HBOCUTV_v01",
            "e2e/brca_e2e_test02.HBOCUTV_v01/brca_e2e_test02.HBOCUTV_v01.vcf",
        ),
        (
            "brca_e2e_test03.HBOCUTV_v01",
            "e2e/brca_e2e_test03.HBOCUTV_v01/brca_e2e_test03.HBOCUTV_v01.vcf",
        ),
    ];
    let allele_fields = [
        "genome_reference",
        "chromosome",
        "start_position",
        "open_end_position",
        "change_type",
        "change_from",
        "change_to",
        "length",
        "vcf_pos",
        "vcf_ref",
        "vcf_alt",
        "caller_type",
    ];
    let genotype_fields = [
        "variant_quality",
        "filter_status",
        "type",
        "multiallelic",
        "genotype_quality",
        "sequencing_depth",
        "copy_number",
        "genotype_likelihood",
        "allele_depth",
    ];
    let mut checked = 0;
    for (analysis, vcf) in cases {
        let golden_path = testdata(&format!(
            "golden/workflows_analyses_alleles__{analysis}__after_start.json"
        ));
        let golden: Value =
            serde_json::from_str(&fs::read_to_string(golden_path).expect("golden")).expect("json");
        let deposit = deposit(&testdata(&format!("analyses/{vcf}")), ANALYSIS_BATCH_SIZE);
        for expected in golden["response"].as_array().expect("alleles") {
            let actual = find(
                &deposit.alleles,
                expected["chromosome"].as_str().expect("chromosome"),
                expected["vcf_pos"].as_i64().expect("pos"),
                expected["vcf_alt"].as_str().expect("alt"),
            );
            for field in allele_fields {
                assert_eq!(actual[field], expected[field], "{analysis} {field}");
            }
            let expected_genotype = &expected["samples"][0]["genotype"];
            let actual_sample = actual["samples"]
                .as_array()
                .expect("samples")
                .iter()
                .find(|sample| sample["identifier"] == expected["samples"][0]["identifier"])
                .expect("proband row");
            for field in genotype_fields {
                assert_eq!(
                    actual_sample["genotype"][field], expected_genotype[field],
                    "{analysis} {} {field}",
                    expected["vcf_pos"]
                );
            }
            // ELLA's API recomputes the ratio from the stored depths; it is absent without them.
            if let Some(ratio) = expected_genotype.get("allele_ratio") {
                assert_eq!(&actual_sample["genotype"]["allele_ratio"], ratio);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 7 + 5 + 5 + 1);
}

fn read_all(path: &Path) -> Result<usize, Error> {
    let mut reader = VcfReader::open(path)?;
    let mut batch = RecordBatch::default();
    let mut records = 0;
    while reader.read_batch(&mut batch, ANALYSIS_BATCH_SIZE)? {
        records += batch.records().len();
    }
    Ok(records)
}

fn assert_parse_error(result: Result<usize, Error>, path: &Path) {
    match result {
        Err(Error::Parse {
            path: error_path, ..
        }) => assert_eq!(error_path, path),
        other => panic!(
            "expected a parse error for {}, got {other:?}",
            path.display()
        ),
    }
}

#[test]
fn truncated_bgzf_is_an_error() {
    let source = testdata("analyses/default/NA12878.Ciliopati_v05/NA12878.Ciliopati_v05.vcf.gz");
    let bytes = fs::read(source).expect("read");
    let dir = tempfile::tempdir().expect("tempdir");
    let eof_marker = &bytes[bytes.len() - 28..];
    let cuts = [
        bytes[..bytes.len() / 2].to_vec(),
        bytes[..bytes.len() - 28].to_vec(),
        bytes[..bytes.len() - 1].to_vec(),
        bytes[..10].to_vec(),
        // A block cut in its middle, even when an end-of-file marker follows.
        [&bytes[..bytes.len() / 2], eof_marker].concat(),
    ];
    for (i, cut) in cuts.iter().enumerate() {
        let path = dir.path().join(format!("cut{i}.vcf.gz"));
        fs::write(&path, cut).expect("write");
        assert_parse_error(read_all(&path), &path);
    }
}

#[test]
fn truncated_plain_vcf_is_an_error() {
    let source = testdata("analyses/e2e/HG002-Trio.Mendeliome_v01/HG002-Trio.Mendeliome_v01.vcf");
    let text = fs::read_to_string(source).expect("read");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("cut.vcf");
    fs::write(&path, &text[..text.len() - 20]).expect("write");
    let error = read_all(&path).expect_err("cut in the last line");
    assert!(
        matches!(&error, Error::Parse { line: Some(line), message, .. } if *line == text.lines().count() && message.contains("truncated")),
        "{error}"
    );
    // Cut inside the header.
    let path = dir.path().join("header.vcf");
    fs::write(&path, &text[..2000]).expect("write");
    assert_parse_error(read_all(&path), &path);
}

#[test]
fn plain_gzip_is_read_and_checked() {
    let source = testdata("analyses/e2e/HG002-Trio.Mendeliome_v01/HG002-Trio.Mendeliome_v01.vcf");
    let text = fs::read(source).expect("read");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&text).expect("compress");
    let gzip = encoder.finish().expect("finish");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plain.vcf.gz");
    fs::write(&path, &gzip).expect("write");
    assert_eq!(read_all(&path).expect("gzip VCF"), 8);
    let path = dir.path().join("cut.vcf.gz");
    fs::write(&path, &gzip[..gzip.len() - 4]).expect("write");
    assert_parse_error(read_all(&path), &path);
}

#[test]
fn batches_end_outside_blocks_and_nearby_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("batches.vcf");
    let mut text = String::from("##fileformat=VCFv4.2\n##INFO=<ID=OLD_MULTIALLELIC,Number=1,Type=String,Description=\"vt\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP\n");
    for (pos, info) in [
        (100, "."),
        (102, "."),
        (104, "."),
        (300, "OLD_MULTIALLELIC=a"),
        (300, "OLD_MULTIALLELIC=a"),
        (400, "."),
        (500, "."),
    ] {
        writeln!(text, "1\t{pos}\t.\tA\tC\t50\tPASS\t{info}\tGT\t0/1").expect("write");
    }
    text.push('\n'); // a blank last line is skipped
    fs::write(&path, text).expect("write");
    let mut reader = VcfReader::open(&path).expect("open");
    let mut batch = RecordBatch::default();
    let mut sizes = Vec::new();
    while reader.read_batch(&mut batch, 2).expect("batch") {
        sizes.push(
            batch
                .records()
                .iter()
                .map(|record| record.position().get())
                .collect::<Vec<_>>(),
        );
    }
    // 100/102/104 are nearby, 300 is a multiallelic site: a batch only closes after a record
    // that is neither.
    assert_eq!(sizes, [vec![100, 102, 104, 300, 300, 400], vec![500]]);
}

/// Throughput of the pure part of an analysis deposit on a large VCF:
/// `ELLA_VCF_BENCH=<file> cargo test --release -p ella-deposit --test vcf -- --ignored --nocapture`
/// (make one with `gen-analysis.py`). Prints records per second for reading alone, with allele
/// and genotype derivation, and with the proband records' INFO typed to JSON as well.
#[test]
#[ignore = "benchmark; needs ELLA_VCF_BENCH"]
fn throughput() {
    let Some(path) = std::env::var_os("ELLA_VCF_BENCH").map(PathBuf::from) else {
        return;
    };
    let run = |derive: bool, info: bool| {
        let start = std::time::Instant::now();
        let mut reader = VcfReader::open(&path).expect("open");
        let proband = proband(&path, &reader);
        let header = reader.header().clone();
        let mut batch = RecordBatch::default();
        let (mut records_total, mut rows) = (0, 0);
        while reader
            .read_batch(&mut batch, ANALYSIS_BATCH_SIZE)
            .expect("batch")
        {
            let records = batch.records();
            records_total += records.len();
            if !derive {
                continue;
            }
            let mut alleles = Vec::with_capacity(records.len());
            for record in records {
                alleles.push(if record.has_allele(proband).expect("gt") {
                    if info {
                        rows += record.info_json(&header).len();
                    }
                    Some(NewAllele::from_record(record, &header, true).expect("allele"))
                } else {
                    None
                });
            }
            for block in derive_genotypes(records, &alleles, proband, &header).expect("rows") {
                rows += block.sample_data.len();
            }
        }
        let records = u32::try_from(records_total).expect("fewer than 2^32 records");
        let rate = f64::from(records) / start.elapsed().as_secs_f64();
        (records_total, rows, rate)
    };
    let (records, _, read) = run(false, false);
    let (_, rows, derived) = run(true, false);
    let (_, _, typed) = run(true, true);
    println!(
        "{records} records, {rows} genotypesampledata rows: read {read:.0} records/s; \
         + alleles and genotypes {derived:.0} records/s; + INFO typed to JSON {typed:.0} records/s"
    );
}
