//! The analysis deposit on real databases: the e2e analyses give exactly the alleles, annotation,
//! samples and genotypes ELLA v1.17.2 stored (`testdata/golden`), every test analysis imports,
//! bad input changes nothing, shared alleles and annotation are reused or superseded as ELLA
//! does, and the stand-alone allele and custom annotation imports work.

use std::collections::BTreeSet;
use std::path::PathBuf;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4, Text};
use ella_config::Config;
use ella_deposit::analysis::{
    append_to_analysis, deposit_alleles, deposit_analysis, import_custom_annotation,
    DepositedAnalysis,
};
use ella_deposit::analysis_config::AnalysisConfig;
use ella_deposit::fixtures::annotationconfig::{
    deposit_annotation_config, parse_annotation_config,
};
use ella_deposit::fixtures::filterconfigs::deposit_filterconfigs;
use ella_deposit::fixtures::usergroups::import_usergroups;
use ella_deposit::fixtures::users::{import_users, PasswordHandling, UserImportOptions};
use ella_deposit::fixtures::JsonFixture;
use ella_deposit::{genepanel, Error};
use ella_test_support::{golden_analysis_folder, repo_root, testdata, TestDatabase};
use rand::rngs::StdRng;
use rand::SeedableRng;
use serde_json::Value;

/// The e2e analyses in the order of `testdata/golden/README.md` (the order fixes every id).
const E2E: [&str; 5] = [
    "HG002-Trio.Mendeliome_v01",
    "brca_e2e_test01.HBOCUTV_v01",
    "brca_e2e_test02.HBOCUTV_v01",
    "brca_e2e_test03.HBOCUTV_v01",
    "brca_e2e_test04.HBOCUTV_v01",
];

/// Keys the API adds to the stored annotation document (api.md §6.3).
const API_KEYS: [&str; 6] = [
    "annotation_id",
    "schema_version",
    "annotation_config_id",
    "custom_annotation_id",
    "filtered_transcripts",
    "worst_consequence",
];

/// The tables a deposit writes.
const TABLES: [&str; 8] = [
    "allele",
    "annotation",
    "analysis",
    "sample",
    "genotype",
    "genotypesampledata",
    "analysisinterpretation",
    "interpretationlog",
];

struct Setup {
    _database: TestDatabase,
    conn: PgConnection,
    config: Config,
    /// Copies of analysis folders, as the tests change or complete them.
    scratch: tempfile::TempDir,
}

/// A database loaded as for the golden runs: the four panels, user groups, users, filter configs
/// and the fixture annotation config; the application config with CNV support on.
fn setup() -> Setup {
    let database = TestDatabase::migrated();
    let mut conn = database.connect();
    for panel in ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"] {
        let source = genepanel::source_from_folder(&testdata(&format!("genepanels/{panel}")))
            .expect("panel folder");
        let panel = genepanel::read(&source).expect("panel files");
        genepanel::deposit(&mut conn, &panel, false).expect("panel deposit");
    }
    let config = Config::load(
        &testdata("fixtures/example_config.yml"),
        &repo_root(),
        &|name| (name == "ENABLE_CNV").then(|| "true".to_owned()),
    )
    .expect("config");
    assert!(config.settings.app.feature("cnv"));
    let fixture = |name: &str| {
        JsonFixture::read(&testdata(&format!("fixtures/{name}"))).expect("fixture file")
    };
    import_usergroups(&mut conn, &fixture("usergroups.json"), &[], &config).expect("groups");
    import_users(
        &mut conn,
        &fixture("users.json"),
        &UserImportOptions {
            groups_filter: &[],
            passwords: PasswordHandling::StoredPasswords,
        },
        &mut StdRng::seed_from_u64(1),
    )
    .expect("users");
    deposit_filterconfigs(&mut conn, &fixture("filterconfigs.json"), &config).expect("filters");
    let path = testdata("fixtures/annotation-config.yml");
    let text = std::fs::read_to_string(&path).expect("annotation config");
    let annotation_config = parse_annotation_config(&text, &path).expect("YAML");
    let id = deposit_annotation_config(&mut conn, &annotation_config, &path).expect("deposit");
    // The migration's legacy config is id 1; the golden runs converted with this one.
    assert_eq!(id, 2);
    Setup {
        _database: database,
        conn,
        config,
        scratch: tempfile::tempdir().expect("temp dir"),
    }
}

impl Setup {
    /// A copy of the analysis folder `analyses/<group>/<name>` as the golden runs had it.
    fn folder(&self, group: &str, name: &str) -> PathBuf {
        golden_analysis_folder(group, name, self.scratch.path())
    }

    fn deposit(&mut self, analysis: &AnalysisConfig) -> Result<DepositedAnalysis, Error> {
        let config = &self.config;
        self.conn
            .transaction(|conn| deposit_analysis(conn, analysis, config))
    }

    fn deposit_folder(&mut self, group: &str, name: &str) -> DepositedAnalysis {
        let analysis = AnalysisConfig::load(&self.folder(group, name)).expect("analysis");
        self.deposit(&analysis)
            .unwrap_or_else(|error| panic!("{name}: {error}"))
    }

    fn counts(&mut self) -> Vec<i64> {
        TABLES
            .iter()
            .map(|table| {
                count(
                    &mut self.conn,
                    &format!("SELECT count(*) AS n FROM {table}"),
                )
            })
            .collect()
    }

    /// The ids of the alleles with genotypes in the analysis, ascending.
    fn analysis_alleles(&mut self, analysis_id: i32) -> Vec<i32> {
        ints(
            &mut self.conn,
            &format!(
                "SELECT DISTINCT a AS n FROM genotype g JOIN sample s ON s.id = g.sample_id,
                     LATERAL (VALUES (g.allele_id), (g.secondallele_id)) AS v(a)
                 WHERE s.analysis_id = {analysis_id} AND a IS NOT NULL ORDER BY 1"
            ),
        )
    }
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .expect("count")
        .n
}

fn ints(conn: &mut PgConnection, sql: &str) -> Vec<i32> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Int4)]
        n: i32,
    }
    diesel::sql_query(sql)
        .load::<Row>(conn)
        .expect("query")
        .into_iter()
        .map(|row| row.n)
        .collect()
}

/// JSON values of a query selecting one `json` column named `j`.
fn json_rows(conn: &mut PgConnection, sql: &str) -> Vec<Value> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        j: String,
    }
    diesel::sql_query(sql)
        .load::<Row>(conn)
        .expect("query")
        .into_iter()
        .map(|row| serde_json::from_str(&row.j).expect("JSON"))
        .collect()
}

fn golden(name: &str) -> Value {
    let text = std::fs::read_to_string(testdata(&format!("golden/{name}.json"))).expect("golden");
    serde_json::from_str::<Value>(&text).expect("golden JSON")["response"].take()
}

/// Every key of `ours` that `ellas` has too must have the same value there (`ignore` aside).
fn same_keys(what: &str, ours: &Value, ellas: &Value, ignore: &[&str], failures: &mut Vec<String>) {
    for (key, value) in ours.as_object().expect("object") {
        if ignore.contains(&key.as_str()) {
            continue;
        }
        match ellas.get(key) {
            Some(expected) if expected == value => {}
            Some(expected) => failures.push(format!("{what}.{key}: ours {value}, ELLA {expected}")),
            None => {}
        }
    }
}

/// The API shows only the panel's transcripts and those matching the inclusion regex `NM_` when
/// there are any (api.md §6.3 steps 1–3).
fn as_shown_by_api(mut document: Value, panel_transcripts: &[Value]) -> Value {
    if let Some(Value::Array(transcripts)) = document.get_mut("transcripts") {
        let shown = |transcript: &Value| {
            let name = transcript["transcript"].as_str().unwrap_or_default();
            panel_transcripts.iter().any(|panel| panel == name) || name.contains("NM_")
        };
        if transcripts.iter().any(shown) {
            transcripts.retain(shown);
        }
    }
    document
}

/// Compares one allele of a golden `/alleles/` response with the database.
fn compare_allele(conn: &mut PgConnection, analysis_id: i32, golden: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let id = golden["id"].as_i64().expect("id");
    let allele = &json_rows(
        conn,
        &format!("SELECT row_to_json(a)::text AS j FROM allele a WHERE id = {id}"),
    )[0];
    same_keys(&format!("allele {id}"), allele, golden, &[], &mut failures);

    let annotation = &json_rows(
        conn,
        &format!(
            "SELECT json_build_object('annotation_id', id, 'schema_version', schema_version,
                 'annotation_config_id', annotation_config_id, 'annotations', annotations)::text AS j
             FROM annotation WHERE allele_id = {id} AND date_superceeded IS NULL"
        ),
    )[0];
    let mut ellas = golden["annotation"]
        .as_object()
        .expect("annotation")
        .clone();
    for key in ["annotation_id", "schema_version", "annotation_config_id"] {
        if ellas[key] != annotation[key] {
            failures.push(format!(
                "allele {id} {key}: ours {}, ELLA {}",
                annotation[key], ellas[key]
            ));
        }
    }
    let panel_transcripts = ellas["filtered_transcripts"]
        .as_array()
        .expect("list")
        .clone();
    for key in API_KEYS {
        ellas.remove(key);
    }
    let ours = as_shown_by_api(annotation["annotations"].clone(), &panel_transcripts);
    if ours != Value::Object(ellas) {
        failures.push(format!("allele {id}: the annotation document differs"));
    }

    let samples = golden["samples"].as_array().expect("samples");
    let proband_ids = ints(
        conn,
        &format!(
            "SELECT DISTINCT s.id AS n FROM sample s JOIN genotype g ON g.sample_id = s.id
             WHERE s.analysis_id = {analysis_id} AND {id} IN (g.allele_id, g.secondallele_id)
             ORDER BY 1"
        ),
    );
    let golden_ids: Vec<i32> = samples
        .iter()
        .map(|sample| sample["id"].as_i64().expect("id") as i32)
        .collect();
    if proband_ids != golden_ids {
        failures.push(format!(
            "allele {id}: samples {proband_ids:?}, ELLA {golden_ids:?}"
        ));
    }
    for sample in samples {
        let proband = sample["id"].as_i64().expect("id");
        compare_sample(conn, id, proband, sample, &mut failures);
        for relative in ["father", "mother"] {
            if let Some(relative) = sample.get(relative) {
                compare_sample(conn, id, proband, relative, &mut failures);
            }
        }
        for sibling in sample
            .get("siblings")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            compare_sample(conn, id, proband, sibling, &mut failures);
        }
    }
    failures
}

/// Compares a golden sample object and its `genotype` with the sample row and its genotype
/// sample data for the proband's genotype of the allele.
fn compare_sample(
    conn: &mut PgConnection,
    allele_id: i64,
    proband_id: i64,
    golden: &Value,
    failures: &mut Vec<String>,
) {
    let sample_id = golden["id"].as_i64().expect("id");
    let what = format!("allele {allele_id} sample {sample_id}");
    let row = &json_rows(
        conn,
        &format!("SELECT row_to_json(s)::text AS j FROM sample s WHERE id = {sample_id}"),
    )[0];
    same_keys(&what, row, golden, &["date_deposited"], failures);
    let genotype = &json_rows(
        conn,
        &format!(
            "SELECT (to_jsonb(d) || jsonb_build_object('variant_quality', g.variant_quality,
                 'filter_status', g.filter_status))::text AS j
             FROM genotype g JOIN genotypesampledata d ON d.genotype_id = g.id
             WHERE g.sample_id = {proband_id} AND d.sample_id = {sample_id}
                 AND {allele_id} IN (g.allele_id, g.secondallele_id)
                 AND d.secondallele = coalesce(g.secondallele_id = {allele_id}, false)"
        ),
    );
    let [genotype] = &genotype[..] else {
        failures.push(format!("{what}: {} genotype rows", genotype.len()));
        return;
    };
    // The API emits the genotype sample data id as the genotype id (api.md §6.5) and computes
    // `allele_ratio` itself where it can.
    same_keys(
        &what,
        genotype,
        &golden["genotype"],
        &["genotype_id", "sample_id"],
        failures,
    );
}

/// The allele ids of an analysis in the golden responses: those the filters showed and those
/// they excluded.
fn golden_allele_ids(name: &str) -> BTreeSet<i64> {
    let filtered = golden(&format!(
        "workflows_analyses_filteredalleles__{name}__after_start"
    ));
    let excluded = filtered["excluded_alleles_by_caller_type"]
        .as_object()
        .expect("map")
        .values()
        .flat_map(|by_filter| by_filter.as_object().expect("map").values());
    std::iter::once(&filtered["allele_ids"])
        .chain(excluded)
        .flat_map(|ids| ids.as_array().expect("ids"))
        .filter_map(Value::as_i64)
        .collect()
}

/// Compares the analysis row, its samples and its interpretation round with the golden
/// `analyses` and `interpretations` responses.
fn compare_analysis(setup: &mut Setup, analysis: &DepositedAnalysis, failures: &mut Vec<String>) {
    let analysis_golden = golden(&format!("analyses__{}", analysis.name));
    let row = |setup: &mut Setup, sql: String| json_rows(&mut setup.conn, &sql).remove(0);
    for sample in analysis_golden["samples"].as_array().expect("samples") {
        let id = sample["id"].as_i64().expect("id");
        let ours = row(
            setup,
            format!("SELECT row_to_json(s)::text AS j FROM sample s WHERE id = {id}"),
        );
        let what = format!("{} sample {id}", analysis.name);
        same_keys(&what, &ours, sample, &["date_deposited"], failures);
    }
    let ours = row(
        setup,
        format!(
            "SELECT row_to_json(a)::text AS j FROM analysis a WHERE id = {}",
            analysis.id
        ),
    );
    same_keys(
        &analysis.name,
        &ours,
        &analysis_golden,
        &["date_deposited"],
        failures,
    );
    let interpretations = golden(&format!(
        "workflows_analyses_interpretations__{}__before_start",
        analysis.name
    ));
    let ours = row(
        setup,
        format!(
            "SELECT row_to_json(i)::text AS j FROM analysisinterpretation i
             WHERE analysis_id = {}",
            analysis.id
        ),
    );
    let ignored = ["date_last_update", "date_created"];
    same_keys(
        &analysis.name,
        &ours,
        &interpretations[0],
        &ignored,
        failures,
    );
}

#[test]
fn e2e_analyses_store_what_ella_stored() {
    let mut setup = setup();
    let deposited: Vec<DepositedAnalysis> = E2E
        .iter()
        .map(|name| setup.deposit_folder("e2e", name))
        .collect();
    let ids: Vec<i32> = deposited.iter().map(|analysis| analysis.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);

    // Alleles shared by the brca analyses are reused, with their ids in ELLA's order.
    let expected = [
        (1..=11).collect(),
        (12..=17).collect(),
        vec![12, 13, 14, 18, 19],
        vec![14],
        vec![],
    ];
    for (analysis, expected) in deposited.iter().zip(expected) {
        let ours = setup.analysis_alleles(analysis.id);
        assert_eq!(ours, expected, "{}", analysis.name);
        let ours: BTreeSet<i64> = ours.into_iter().map(i64::from).collect();
        assert_eq!(ours, golden_allele_ids(&analysis.name), "{}", analysis.name);
    }
    // One annotation row per allele; a priority log row per analysis.
    assert_eq!(setup.counts(), [19, 19, 5, 8, 23, 31, 5, 5]);

    let (mut compared, mut failures) = (0, Vec::new());
    for analysis in &deposited {
        compare_analysis(&mut setup, analysis, &mut failures);
        let Ok(text) = std::fs::read_to_string(testdata(&format!(
            "golden/workflows_analyses_alleles__{}__after_start.json",
            analysis.name
        ))) else {
            continue;
        };
        let alleles: Value = serde_json::from_str::<Value>(&text).expect("JSON")["response"].take();
        for allele in alleles.as_array().expect("alleles") {
            failures.extend(compare_allele(&mut setup.conn, analysis.id, allele));
            compared += 1;
        }
    }
    println!("{compared} golden alleles compared");
    assert_eq!(compared, 18);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let sql = "SELECT count(*) AS n FROM interpretationlog WHERE priority = 1 AND user_id IS NULL";
    assert_eq!(count(&mut setup.conn, sql), 5);
}

/// Every analysis folder of `testdata/analyses` as (group, name), sorted.
fn test_analyses() -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    for group in ["default", "e2e"] {
        for entry in std::fs::read_dir(testdata(&format!("analyses/{group}"))).expect("folder") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            found.push((group, name));
        }
    }
    found.sort();
    assert_eq!(found.len(), 14);
    found
}

#[test]
fn every_test_analysis_imports() {
    let mut setup = setup();
    let found = test_analyses();
    for (group, name) in found {
        let analysis = setup.deposit_folder(group, &name);
        let alleles = setup.analysis_alleles(analysis.id).len();
        let samples = count(
            &mut setup.conn,
            &format!(
                "SELECT count(*) AS n FROM sample WHERE analysis_id = {}",
                analysis.id
            ),
        );
        println!("{name}: {alleles} alleles, {samples} samples");
        match name.as_str() {
            "brca_e2e_test04.HBOCUTV_v01" => assert_eq!(alleles, 0),
            // 1103 records; testgroup02 prefilters the Ciliopati analyses.
            "NA12878.Ciliopati_v05" => assert!((1..1103).contains(&alleles), "{alleles}"),
            "brca_sample_2.HBOCUTV_v01" => assert_eq!(samples, 5),
            _ => assert!(alleles > 0, "{name}"),
        }
    }
    // The 5-sample family: proband with both parents, two siblings pointing at the proband.
    let family = json_rows(
        &mut setup.conn,
        "SELECT json_build_object('proband', proband, 'father', father_id IS NOT NULL,
             'mother', mother_id IS NOT NULL, 'sibling', sibling_id IS NOT NULL)::text AS j
         FROM sample WHERE analysis_id =
             (SELECT id FROM analysis WHERE name = 'brca_sample_2.HBOCUTV_v01') ORDER BY id",
    );
    let siblings = family
        .iter()
        .filter(|sample| sample["sibling"] == true)
        .count();
    let proband = family
        .iter()
        .find(|sample| sample["proband"] == true)
        .expect("proband");
    assert_eq!(
        (siblings, &proband["father"], &proband["mother"]),
        (2, &Value::Bool(true), &Value::Bool(true))
    );
}

/// Runs a deposit that must fail, checks that the message contains `expected` and that nothing
/// was written.
fn refused(setup: &mut Setup, analysis: &AnalysisConfig, expected: &str) {
    let before = setup.counts();
    let error = setup.deposit(analysis).expect_err("refused");
    assert!(
        error.to_string().contains(expected),
        "{error}\nexpected: {expected}"
    );
    assert_eq!(setup.counts(), before, "{expected}");
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let mut setup = setup();
    setup.deposit_folder("e2e", "brca_e2e_test03.HBOCUTV_v01");

    // The CNV VCF of the trio is cut: the SNV VCF before it was written, then rolled back.
    let folder = setup.folder("e2e", "HG002-Trio.Mendeliome_v01");
    let cnv = folder.join("HG002_sv_cnv.Mendeliome_v01.vcf");
    let text = std::fs::read_to_string(&cnv).expect("VCF");
    let lines = text.lines().count();
    std::fs::write(&cnv, &text[..text.len() - 40]).expect("truncate");
    let analysis = AnalysisConfig::load(&folder).expect("analysis");
    refused(
        &mut setup,
        &analysis,
        &format!(
            "{}, line {lines}: the file ends in the middle of this line",
            cnv.display()
        ),
    );

    // The PED does not name a sample of the VCF.
    std::fs::write(&cnv, &text).expect("restore");
    let ped = folder.join("HG002-Trio.Mendeliome_v01.ped");
    let pedigree = std::fs::read_to_string(&ped).expect("PED");
    let without_mother: Vec<&str> = pedigree
        .lines()
        .filter(|line| !line.contains("\tHG004\t0\t0"))
        .collect();
    std::fs::write(&ped, without_mother.join("\n") + "\n").expect("PED");
    let analysis = AnalysisConfig::load(&folder).expect("analysis");
    refused(
        &mut setup,
        &analysis,
        "Couldn't find sample name HG004 in provided .ped file",
    );

    // An unknown panel.
    let mut analysis = AnalysisConfig::load(&setup.folder("e2e", "brca_e2e_test01.HBOCUTV_v01"))
        .expect("analysis");
    analysis.genepanel_version = "v99".to_owned();
    refused(
        &mut setup,
        &analysis,
        "Genepanel HBOCUTV version v99 not available in varDB",
    );

    // A consequence outside ELLA's list, on the third record (line = header lines + 3).
    let folder = setup.folder("e2e", "brca_e2e_test02.HBOCUTV_v01");
    let vcf = folder.join("brca_e2e_test02.HBOCUTV_v01.vcf");
    let text = std::fs::read_to_string(&vcf).expect("VCF");
    let header_lines = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .count();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let third = header_lines + 2;
    assert!(lines[third].contains("|stop_gained|"), "pick another term");
    lines[third] = lines[third].replacen("|stop_gained|", "|made_up_variant|", 1);
    std::fs::write(&vcf, lines.join("\n") + "\n").expect("write");
    let analysis = AnalysisConfig::load(&folder).expect("analysis");
    refused(
        &mut setup,
        &analysis,
        &format!("{}, line {}: ", vcf.display(), third + 1),
    );
    refused(&mut setup, &analysis, "made_up_variant");

    // An exon number the converter passes on but ELLA's JSON schema refuses: the message names
    // the line and the variant and says what the schema found, instead of quoting the document.
    lines[third] = lines[third]
        .replacen("|made_up_variant|", "|stop_gained|", 1)
        .replacen("|protein_coding|3/27|", "|protein_coding|x/y|", 1);
    assert!(lines[third].contains("|x/y|"), "pick another record");
    std::fs::write(&vcf, lines.join("\n") + "\n").expect("write");
    let analysis = AnalysisConfig::load(&folder).expect("analysis");
    refused(
        &mut setup,
        &analysis,
        &format!(
            "{}, line {}: the annotation document of the variant ",
            vcf.display(),
            third + 1
        ),
    );
    refused(
        &mut setup,
        &analysis,
        "validates against none of ELLA's annotation JSON schemas (version 1: at \
         `/transcripts/0/exon`: ",
    );

    // testgroup01's configuration for this pattern has post-processors, which need the filter
    // chain: refused, not skipped.
    let mut analysis = AnalysisConfig::load(&setup.folder("e2e", "brca_e2e_test01.HBOCUTV_v01"))
        .expect("analysis");
    analysis.name = "NonExistingPattern-1.HBOCUTV_v01".to_owned();
    refused(
        &mut setup,
        &analysis,
        "post-processor analysis_not_ready_warnings (pattern ^NonExistingPattern.* of user group 1) \
         needs the filter chain, which this version does not have yet",
    );

    // The analysis exists.
    let analysis = AnalysisConfig::load(&setup.folder("e2e", "brca_e2e_test03.HBOCUTV_v01"))
        .expect("analysis");
    refused(
        &mut setup,
        &analysis,
        "Analysis brca_e2e_test03.HBOCUTV_v01 is already imported.",
    );
}

/// Deposits `brca_e2e_test01` again under another name, with one HGMD value of its first record
/// changed (`brca_e2e_test01` must be deposited already).
fn deposit_changed_copy(setup: &mut Setup) {
    let folder = setup.folder("e2e", "brca_e2e_test01.HBOCUTV_v01");
    let vcf = folder.join("brca_e2e_test01.HBOCUTV_v01.vcf");
    let text = std::fs::read_to_string(&vcf).expect("VCF");
    let header_lines = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .count();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let first = &mut lines[header_lines];
    assert!(first.contains(";HGMD__tag=DM;"), "pick another value");
    *first = first.replacen(";HGMD__tag=DM;", ";HGMD__tag=DM?;", 1);
    std::fs::write(&vcf, lines.join("\n") + "\n").expect("write");
    let mut analysis = AnalysisConfig::load(&folder).expect("analysis");
    "brca_e2e_test01_again.HBOCUTV_v01".clone_into(&mut analysis.name);
    setup.deposit(&analysis).expect("deposit");
}

#[test]
fn changed_annotation_supersedes_the_current_row() {
    let mut setup = setup();
    setup.deposit_folder("e2e", "brca_e2e_test01.HBOCUTV_v01");
    let before = setup.counts();

    // The same VCF under another name, with one HGMD value changed: its allele gets a new
    // annotation row pointing back at the superseded one; the others keep theirs.
    deposit_changed_copy(&mut setup);
    let after = setup.counts();
    assert_eq!(after[0], before[0], "no new allele");
    assert_eq!(after[1], before[1] + 1, "one new annotation");
    let superseded = json_rows(
        &mut setup.conn,
        "SELECT json_build_object('old', o.id, 'new', n.id, 'same_time', o.date_superceeded = n.date_created)::text AS j
         FROM annotation o JOIN annotation n ON n.previous_annotation_id = o.id
         WHERE o.date_superceeded IS NOT NULL AND n.date_superceeded IS NULL",
    );
    assert_eq!(superseded.len(), 1, "{superseded:?}");
    assert_eq!(superseded[0]["same_time"], true);
}

#[test]
fn stand_alone_alleles_and_custom_annotation() {
    let mut setup = setup();
    setup.deposit_folder("e2e", "brca_e2e_test01.HBOCUTV_v01");
    // Stand-alone alleles: the trio's SNVs are outside HBOCUTV, the brca ones inside.
    let trio = testdata("analyses/e2e/HG002-Trio.Mendeliome_v01/HG002-Trio.Mendeliome_v01.vcf");
    let config = setup.config.clone();
    let error = setup
        .conn
        .transaction(|conn| deposit_alleles(conn, &trio, Some(("HBOCUTV", "v01")), false, &config))
        .expect_err("outside the panel");
    assert!(
        error
            .to_string()
            .starts_with("The following variants are not inside the genepanel HBOCUTV_v01\n"),
        "{error}"
    );
    let brca = testdata("analyses/e2e/brca_e2e_test02.HBOCUTV_v01/brca_e2e_test02.HBOCUTV_v01.vcf");
    let deposited = setup
        .conn
        .transaction(|conn| deposit_alleles(conn, &brca, Some(("HBOCUTV", "v01")), false, &config))
        .expect("alleles");
    assert_eq!(deposited, 5);
    assert_eq!(
        count(
            &mut setup.conn,
            "SELECT count(*) AS n FROM alleleinterpretation"
        ),
        5
    );
    let cnv = testdata("analyses/e2e/HG002-Trio.Mendeliome_v01/HG002_sv_cnv.Mendeliome_v01.vcf");
    let error = setup
        .conn
        .transaction(|conn| {
            deposit_alleles(conn, &cnv, Some(("Mendeliome", "v01")), false, &config)
        })
        .expect_err("CNV");
    assert_eq!(
        error.to_string(),
        "Standalone CNV variants not yet supported"
    );
    let annotated = setup
        .conn
        .transaction(|conn| deposit_alleles(conn, &cnv, Some(("Mendeliome", "v01")), true, &config))
        .expect("annotation only");
    assert_eq!(annotated, 7);
    assert_eq!(
        count(
            &mut setup.conn,
            "SELECT count(*) AS n FROM alleleinterpretation"
        ),
        5
    );

    // The custom annotation fixture (allele 1, user 1).
    let path = testdata("fixtures/custom_annotation_test.json");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let rows = setup
        .conn
        .transaction(|conn| import_custom_annotation(conn, &text, &path))
        .expect("custom annotation");
    assert_eq!(rows, 1);
    let error = setup
        .conn
        .transaction(|conn| {
            import_custom_annotation(conn, "\n{\"allele_id\": 2, \"colour\": 1}", &path)
        })
        .expect_err("unknown key");
    assert!(
        error
            .to_string()
            .contains(", line 2: unknown field `colour`"),
        "{error}"
    );
}

#[test]
fn append_adds_samples_and_reopens_a_finished_round() {
    let mut setup = setup();
    setup.deposit_folder("e2e", "brca_e2e_test01.HBOCUTV_v01");
    let config = setup.config.clone();
    // Appending the trio's CNV VCF to test01: new samples and alleles, no new round.
    let mut analysis =
        AnalysisConfig::load(&setup.folder("e2e", "HG002-Trio.Mendeliome_v01")).expect("analysis");
    analysis.name = "brca_e2e_test01.HBOCUTV_v01".to_owned();
    analysis.data.remove(0);
    let appended = setup
        .conn
        .transaction(|conn| append_to_analysis(conn, &analysis, &config))
        .expect("append");
    assert_eq!(appended.id, 1);
    assert_eq!(setup.analysis_alleles(1).len(), 6 + 7);
    assert_eq!(
        count(
            &mut setup.conn,
            "SELECT count(*) AS n FROM analysisinterpretation WHERE analysis_id = 1"
        ),
        1
    );

    // Once the round is done, appending reopens it: a new round with its state and workflow.
    diesel::sql_query(
        "UPDATE analysisinterpretation SET status = 'Done', state = '{\"k\": 1}',
             workflow_status = 'Review' WHERE analysis_id = 1",
    )
    .execute(&mut setup.conn)
    .expect("finish the round");
    setup
        .conn
        .transaction(|conn| append_to_analysis(conn, &analysis, &config))
        .expect("append again");
    let rounds = json_rows(
        &mut setup.conn,
        "SELECT json_build_object('status', status, 'state', state, 'workflow', workflow_status)::text AS j
         FROM analysisinterpretation WHERE analysis_id = 1 ORDER BY id",
    );
    assert_eq!(rounds.len(), 2);
    assert_eq!(
        rounds[1],
        serde_json::json!({"status": "Not started", "state": {"k": 1}, "workflow": "Review"})
    );
}

/// Remembers the state of the shadow tables' sequences, from which [`assert_triggers_agree`]
/// replays the triggers.
fn remember_shadow_sequences(conn: &mut PgConnection) {
    conn.batch_execute(
        "CREATE TEMP TABLE start_sequence AS
             SELECT 'tmp_annotationshadowtranscript_id_seq' AS name, last_value, is_called
             FROM tmp_annotationshadowtranscript_id_seq
             UNION ALL
             SELECT 'tmp_annotationshadowfrequency_id_seq', last_value, is_called
             FROM tmp_annotationshadowfrequency_id_seq",
    )
    .expect("sequence state");
}

/// Replays ELLA's original triggers on a copy of every annotation row, in id order, from the
/// shadow tables' remembered state: the schema versions and the shadow rows (ids included) must
/// be the ones stored.
fn assert_triggers_agree(conn: &mut PgConnection) {
    let annotations = count(conn, "SELECT count(*) AS n FROM annotation");
    let superseded = count(
        conn,
        "SELECT count(*) AS n FROM annotation WHERE date_superceeded IS NOT NULL",
    );
    let original_functions = std::fs::read_to_string(
        repo_root().join("migrations/2026-11-26-100000_annotation_bulk_writes/down.sql"),
    )
    .expect("down.sql");
    conn.batch_execute(&format!(
        "CREATE TEMP TABLE bulk_transcript AS SELECT * FROM annotationshadowtranscript;
         CREATE TEMP TABLE bulk_frequency AS SELECT * FROM annotationshadowfrequency;
         DELETE FROM annotationshadowtranscript;
         DELETE FROM annotationshadowfrequency;
         SELECT setval(name::regclass, last_value, is_called) FROM start_sequence;
         {original_functions}
         CREATE TEMP TABLE replay (LIKE annotation);
         CREATE TRIGGER annotation_schema_version BEFORE INSERT OR UPDATE ON replay
             FOR EACH ROW EXECUTE FUNCTION annotation_schema_version();
         CREATE TRIGGER annotation_to_annotationshadow BEFORE INSERT OR UPDATE OR DELETE
             ON replay FOR EACH ROW EXECUTE FUNCTION annotation_to_annotationshadow();
         INSERT INTO replay (id, allele_id, annotations, previous_annotation_id,
                 date_superceeded, date_created, schema_version, annotation_config_id)
             SELECT id, allele_id, annotations, previous_annotation_id, date_superceeded,
                 date_created, -1, annotation_config_id
             FROM annotation ORDER BY id;"
    ))
    .expect("replay the triggers");
    let different_versions = count(
        conn,
        "SELECT count(*) AS n FROM annotation a FULL JOIN replay r USING (id)
         WHERE a.schema_version IS DISTINCT FROM r.schema_version",
    );
    assert_eq!(different_versions, 0);
    for (bulk, table) in [
        ("bulk_transcript", "annotationshadowtranscript"),
        ("bulk_frequency", "annotationshadowfrequency"),
    ] {
        let rows = count(conn, &format!("SELECT count(*) AS n FROM {table}"));
        let differences = count(
            conn,
            &format!(
                "SELECT (SELECT count(*) FROM (TABLE {bulk} EXCEPT ALL TABLE {table}) AS d)
                     + (SELECT count(*) FROM (TABLE {table} EXCEPT ALL TABLE {bulk}) AS d) AS n"
            ),
        );
        println!("{table}: {rows} rows, {differences} differences");
        assert!(rows > 0, "{table}");
        assert_eq!(differences, 0, "{table}");
    }
    let frequency_rows = count(conn, "SELECT count(*) AS n FROM annotationshadowfrequency");
    assert_eq!(frequency_rows, annotations - superseded);
}

/// The bulk path of the annotation writes (migration `annotation_bulk_writes`) stores the schema
/// versions and writes the shadow rows that ELLA's triggers would, for every test analysis and a
/// re-import that supersedes an annotation.
#[test]
fn bulk_annotation_writes_equal_the_triggers() {
    let mut setup = setup();
    remember_shadow_sequences(&mut setup.conn);
    for (group, name) in test_analyses() {
        setup.deposit_folder(group, &name);
    }
    deposit_changed_copy(&mut setup);
    let annotations = count(&mut setup.conn, "SELECT count(*) AS n FROM annotation");
    assert!(annotations > 100, "{annotations}");
    assert_triggers_agree(&mut setup.conn);
}

/// In a database whose trigger functions are ELLA's own again (as ELLA's refresh would leave
/// them), the import leaves versions and shadow rows to the triggers: nothing is written twice.
#[test]
fn with_ellas_own_triggers_the_import_leaves_them_the_work() {
    let mut setup = setup();
    let original_functions = std::fs::read_to_string(
        repo_root().join("migrations/2026-11-26-100000_annotation_bulk_writes/down.sql"),
    )
    .expect("down.sql");
    setup
        .conn
        .batch_execute(&original_functions)
        .expect("ELLA's functions");
    remember_shadow_sequences(&mut setup.conn);
    setup.deposit_folder("e2e", "brca_e2e_test01.HBOCUTV_v01");
    deposit_changed_copy(&mut setup);
    assert_triggers_agree(&mut setup.conn);
}
