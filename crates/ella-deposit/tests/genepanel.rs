//! Gene panel deposit on a real database: the test panels in both layouts give the row counts
//! ELLA v1.17 produced, an existing panel is kept or replaced, and bad input changes nothing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use diesel::prelude::*;
use ella_db::enums::TranscriptType;
use ella_db::links::{genepanel_phenotype, genepanel_transcript};
use ella_db::schema::{gene, genepanel as genepanel_table, phenotype, transcript};
use ella_deposit::genepanel::{
    self, DepositOutcome, DepositSummary, Genepanel, GenepanelSource, TranscriptRecord,
};
use ella_deposit::Error;
use ella_test_support::{testdata, TestDatabase};

const PANELS: [&str; 4] = ["HBOC_v01", "HBOCUTV_v01", "Ciliopati_v05", "Mendeliome_v01"];

/// Row counts of `gene`, `transcript`, `phenotype`, `genepanel`, `genepanel_transcript` and
/// `genepanel_phenotype`.
type Counts = [i64; 6];

/// What ELLA v1.17 has after depositing the four test panels.
const ELLA_COUNTS: Counts = [3549, 3603, 5186, 4, 3742, 5410];

fn counts(conn: &mut PgConnection) -> Counts {
    let count = |query: Result<i64, diesel::result::Error>| query.expect("count rows");
    [
        count(gene::table.count().get_result(conn)),
        count(transcript::table.count().get_result(conn)),
        count(phenotype::table.count().get_result(conn)),
        count(genepanel_table::table.count().get_result(conn)),
        count(genepanel_transcript::table.count().get_result(conn)),
        count(genepanel_phenotype::table.count().get_result(conn)),
    ]
}

/// The columns of a stored transcript that the tests check.
#[derive(Debug, PartialEq, Queryable, Selectable)]
#[diesel(table_name = transcript, check_for_backend(diesel::pg::Pg))]
struct StoredTranscript {
    #[diesel(select_expression = gene::hgnc_symbol)]
    hgnc_symbol: String,
    #[diesel(column_name = type_)]
    kind: TranscriptType,
    genome_reference: String,
    chromosome: String,
    tx_start: i32,
    tx_end: i32,
    strand: String,
    cds_start: Option<i32>,
    cds_end: Option<i32>,
    exon_starts: Vec<Option<i32>>,
    exon_ends: Vec<Option<i32>>,
    tags: Option<Vec<Option<String>>>,
}

impl StoredTranscript {
    /// What the deposit should store for `record`.
    fn expected(record: &TranscriptRecord) -> Self {
        let nullable = |values: &[i32]| values.iter().copied().map(Some).collect();
        Self {
            hgnc_symbol: record.hgnc_symbol.clone(),
            kind: TranscriptType::RefSeq,
            genome_reference: "GRCh37".into(),
            chromosome: record.chromosome.clone(),
            tx_start: record.tx_start,
            tx_end: record.tx_end,
            strand: record.strand.clone(),
            cds_start: record.cds_start,
            cds_end: record.cds_end,
            exon_starts: nullable(&record.exon_starts),
            exon_ends: nullable(&record.exon_ends),
            tags: record
                .tags
                .as_ref()
                .map(|tags| tags.iter().cloned().map(Some).collect()),
        }
    }
}

fn folder(panel: &str) -> PathBuf {
    testdata("genepanels").join(panel)
}

/// The panel's legacy files (`.transcripts.csv`, `.phenotypes.csv`).
fn legacy_source(panel: &str) -> GenepanelSource {
    let (name, version) = panel.split_once('_').expect("<name>_<version>");
    let file = |suffix: &str| folder(panel).join(format!("{panel}{suffix}"));
    genepanel::source_from_files(
        name,
        version,
        &file(".transcripts.csv"),
        &file(".phenotypes.csv"),
    )
    .expect("legacy source")
}

fn current(panel: &str) -> Genepanel {
    let source = genepanel::source_from_folder(&folder(panel)).expect("panel folder");
    genepanel::read(&source).expect("valid panel")
}

/// Deposits in a transaction of its own, as the command does.
fn deposit(
    conn: &mut PgConnection,
    panel: &Genepanel,
    replace: bool,
) -> Result<DepositOutcome, Error> {
    conn.transaction(|conn| genepanel::deposit(conn, panel, replace))
}

fn deposited(outcome: DepositOutcome) -> DepositSummary {
    match outcome {
        DepositOutcome::Deposited(summary) => summary,
        DepositOutcome::AlreadyExists { .. } => panic!("the panel was not deposited"),
    }
}

/// Inheritance of transcript `transcript_name` in panel `panel` (`<name>_<version>`).
fn panel_inheritance(conn: &mut PgConnection, panel: &str, transcript_name: &str) -> String {
    let (name, version) = panel.split_once('_').expect("<name>_<version>");
    genepanel_transcript::table
        .inner_join(transcript::table)
        .filter(genepanel_transcript::genepanel_name.eq(name))
        .filter(genepanel_transcript::genepanel_version.eq(version))
        .filter(transcript::transcript_name.eq(transcript_name))
        .select(genepanel_transcript::inheritance)
        .first(conn)
        .expect("transcript in panel")
}

#[test]
fn current_panels_give_ellas_counts() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();
    for name in PANELS {
        let panel = current(name);
        let started = Instant::now();
        let summary = deposited(deposit(&mut conn, &panel, false).unwrap());
        eprintln!("{summary} in {:?}", started.elapsed());
        assert_eq!(summary.transcripts, panel.transcripts.len());
        assert_eq!(
            summary.transcripts_created + summary.transcripts_reused,
            summary.transcripts
        );
        assert_eq!(summary.genes_created + summary.genes_reused, summary.genes);
    }
    assert_eq!(counts(&mut conn), ELLA_COUNTS);

    let hboc = current("HBOC_v01");
    let brca2 = &hboc.transcripts[1];
    let stored: StoredTranscript = transcript::table
        .inner_join(gene::table)
        .filter(transcript::transcript_name.eq(&brca2.name))
        .select(StoredTranscript::as_select())
        .first(&mut conn)
        .unwrap();
    assert_eq!(stored, StoredTranscript::expected(brca2));
    assert_eq!(
        (
            stored.hgnc_symbol.as_str(),
            stored.tx_start,
            stored.exon_starts.len()
        ),
        ("BRCA2", 32_889_616, 27)
    );
    let panels: Vec<(String, String, bool)> = genepanel_table::table
        .select((
            genepanel_table::version,
            genepanel_table::genome_reference,
            genepanel_table::official,
        ))
        .order(genepanel_table::name)
        .load(&mut conn)
        .unwrap();
    assert!(panels
        .iter()
        .all(|(_, reference, official)| reference == "GRCh37" && *official));
    assert_eq!(
        panel_inheritance(&mut conn, "HBOCUTV_v01", "NM_000059.3"),
        "AD/AD;AR/AD;SMu/AR/N/A"
    );
}

#[test]
fn legacy_panels_give_the_same_counts() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();
    for panel in PANELS {
        let panel = genepanel::read(&legacy_source(panel)).unwrap();
        deposit(&mut conn, &panel, false).unwrap();
    }
    assert_eq!(counts(&mut conn), ELLA_COUNTS);
    // Consensus of the phenotypes: BRCA2 has AD, AR and other codes in HBOCUTV; ACVR2B's only
    // phenotype in Ciliopati has no inheritance.
    assert_eq!(
        panel_inheritance(&mut conn, "HBOCUTV_v01", "NM_000059.3"),
        "AD/AR"
    );
    assert_eq!(
        panel_inheritance(&mut conn, "Ciliopati_v05", "NM_001106.3"),
        "AD/AR"
    );
    assert_eq!(
        panel_inheritance(&mut conn, "Ciliopati_v05", "NM_017651.4"),
        "AR"
    );
}

#[test]
fn existing_panel_is_kept_without_replace() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();
    let panel = current("HBOCUTV_v01");
    deposit(&mut conn, &panel, false).unwrap();
    let before = counts(&mut conn);

    let mut changed = panel.clone();
    changed.transcripts.truncate(1);
    changed.transcripts[0].tx_start = 1;
    let outcome = deposit(&mut conn, &changed, false).unwrap();
    assert_eq!(
        outcome.to_string(),
        "Genepanel HBOCUTV v01 exists in database, backing out. Use the 'replace' to force overwrite."
    );
    assert!(matches!(outcome, DepositOutcome::AlreadyExists { .. }));
    assert_eq!(counts(&mut conn), before);
    let tx_start: i32 = transcript::table
        .filter(transcript::transcript_name.eq(&panel.transcripts[0].name))
        .select(transcript::tx_start)
        .first(&mut conn)
        .unwrap();
    assert_eq!(tx_start, panel.transcripts[0].tx_start);
}

#[test]
fn replace_rewrites_the_links_and_overwrites_shared_rows() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();
    let panel = current("HBOCUTV_v01");
    deposit(&mut conn, &panel, false).unwrap();

    let mut changed = panel.clone();
    changed.transcripts.truncate(2);
    changed.transcripts[0].inheritance = "AD".into();
    changed.transcripts[0].tx_start = 1;
    changed.transcripts[1].tags = Some(vec!["MANE Select".into()]);
    changed.phenotypes.truncate(3);
    changed.phenotypes[0].omim_id = Some(1);
    let summary = deposited(deposit(&mut conn, &changed, true).unwrap());
    assert_eq!(
        (summary.transcripts_created, summary.transcripts_reused),
        (0, 2)
    );
    assert_eq!(
        (summary.phenotypes_created, summary.phenotypes_reused),
        (0, 3)
    );
    assert_eq!(
        summary.to_string(),
        "Added HBOCUTV v01 with 2 genes, 2 transcripts and 3 phenotypes to database"
    );
    // Transcripts and phenotypes stay; only the panel's links shrink.
    assert_eq!(counts(&mut conn), [7, 7, 46, 1, 2, 3]);

    let first = &changed.transcripts[0];
    assert_eq!(
        panel_inheritance(&mut conn, "HBOCUTV_v01", &first.name),
        "AD"
    );
    let tx_start: i32 = transcript::table
        .filter(transcript::transcript_name.eq(&first.name))
        .select(transcript::tx_start)
        .first(&mut conn)
        .unwrap();
    assert_eq!(tx_start, 1);
    let tags: Option<Vec<Option<String>>> = transcript::table
        .filter(transcript::transcript_name.eq(&changed.transcripts[1].name))
        .select(transcript::tags)
        .first(&mut conn)
        .unwrap();
    assert_eq!(tags, Some(vec![Some("MANE Select".to_owned())]));
    let omim: Option<i32> = phenotype::table
        .filter(phenotype::gene_id.eq(changed.phenotypes[0].hgnc_id))
        .filter(phenotype::description.eq(&changed.phenotypes[0].description))
        .select(phenotype::omim_id)
        .first(&mut conn)
        .unwrap();
    assert_eq!(omim, Some(1));
}

#[test]
fn another_panel_reuses_rows_and_overwrites_only_gene_symbols() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();
    deposit(&mut conn, &current("HBOC_v01"), false).unwrap();
    let mut other = current("HBOC_v01");
    other.version = "v02".into();
    other.transcripts[0].tx_start = 1;
    other.transcripts[0].hgnc_symbol = "BRCA1-RENAMED".into();
    let summary = deposited(deposit(&mut conn, &other, false).unwrap());
    assert_eq!(
        (
            summary.genes_reused,
            summary.transcripts_reused,
            summary.phenotypes_reused
        ),
        (2, 2, 2)
    );
    assert_eq!(counts(&mut conn), [2, 2, 2, 2, 4, 4]);
    let (tx_start, symbol): (i32, String) = transcript::table
        .inner_join(gene::table)
        .filter(transcript::transcript_name.eq(&other.transcripts[0].name))
        .select((transcript::tx_start, gene::hgnc_symbol))
        .first(&mut conn)
        .unwrap();
    assert_eq!((tx_start, symbol.as_str()), (41_196_311, "BRCA1-RENAMED"));
}

/// A panel folder `X_v1` with the given transcripts file and HBOC's phenotypes.
fn panel_folder(dir: &Path, transcripts: &str) -> PathBuf {
    let folder = dir.join("X_v1");
    std::fs::create_dir(&folder).expect("create panel folder");
    std::fs::write(folder.join("X_v1_genes_transcripts.tsv"), transcripts)
        .expect("write transcripts");
    std::fs::copy(
        folder_file("HBOC_v01", "_phenotypes.tsv"),
        folder.join("X_v1_phenotypes.tsv"),
    )
    .expect("copy phenotypes");
    folder
}

fn folder_file(panel: &str, suffix: &str) -> PathBuf {
    folder(panel).join(format!("{panel}{suffix}"))
}

#[test]
fn missing_column_is_a_parse_error_and_nothing_is_written() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();
    let dir = tempfile::tempdir().unwrap();
    let content = std::fs::read_to_string(folder_file("HBOC_v01", "_genes_transcripts.tsv"))
        .unwrap()
        .replace("\tHGNC id\t", "\tHGNC\t");
    let folder = panel_folder(dir.path(), &content);
    let error = genepanel::source_from_folder(&folder)
        .and_then(|source| genepanel::read(&source))
        .unwrap_err();
    match &error {
        Error::Parse {
            path,
            line,
            message,
        } => {
            assert_eq!(path, &folder.join("X_v1_genes_transcripts.tsv"));
            assert_eq!(*line, Some(1));
            assert!(message.contains("'HGNC id'"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert!(
        error
            .to_string()
            .contains("X_v1_genes_transcripts.tsv, line 1: "),
        "{error}"
    );
    match error {
        Error::Parse {
            path,
            line,
            message,
        } => {
            assert_eq!(path, folder.join("X_v1_genes_transcripts.tsv"));
            assert_eq!(line, Some(1));
            assert!(message.contains("'HGNC id'"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert_eq!(counts(&mut conn), [0; 6]);
}

#[test]
fn database_conflicts_are_refused_before_writing() {
    let db = TestDatabase::migrated();
    let mut conn = db.connect();

    let mut unknown_gene = current("HBOC_v01");
    unknown_gene.phenotypes[0].hgnc_id = 999_999;
    let error = deposit(&mut conn, &unknown_gene, false).unwrap_err();
    assert!(
        matches!(&error, Error::Invalid(message) if message.contains("999999")),
        "{error}"
    );
    assert_eq!(counts(&mut conn), [0; 6]);

    deposit(&mut conn, &current("HBOC_v01"), false).unwrap();
    let before = counts(&mut conn);
    let mut taken_symbol = current("HBOC_v01");
    taken_symbol.version = "v02".into();
    taken_symbol.transcripts.truncate(1);
    taken_symbol.transcripts[0].hgnc_id = 42;
    taken_symbol.transcripts[0].hgnc_symbol = "brca2".into();
    let error = deposit(&mut conn, &taken_symbol, false).unwrap_err();
    assert!(
        matches!(&error, Error::Invalid(message) if message.contains("brca2")),
        "{error}"
    );
    assert_eq!(counts(&mut conn), before);
}
