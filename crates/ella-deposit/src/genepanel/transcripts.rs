//! The transcripts file of a gene panel (import.md §11.2, §11.5).
//!
//! Both layouts start their header with `#chromosome`; the legacy one names the transcript column
//! `refseq` instead of `name`. A legacy file has no inheritance column: the inheritance of each
//! gene is the consensus of its phenotypes' inheritance in the panel, as ELLA's schema migration
//! `88b3cbf57659` computed it for the panels it converted.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::table::{HeaderRule, Marker, Row, Table};
use super::{PhenotypeRecord, TranscriptRecord};
use crate::{Error, Result};

const HEADER: HeaderRule = HeaderRule {
    first_column: "chromosome",
    marker: Marker::Hash,
};

/// Column names of one layout.
struct Columns {
    start: &'static str,
    end: &'static str,
    name: &'static str,
    hgnc_id: &'static str,
    hgnc_symbol: &'static str,
    coding_start: &'static str,
    coding_end: &'static str,
    exon_starts: &'static str,
    exon_ends: &'static str,
    /// `None`: the layout has no tags.
    tags: Option<&'static str>,
    /// `None`: the layout has no inheritance; it comes from the phenotypes.
    inheritance: Option<&'static str>,
}

const CURRENT: Columns = Columns {
    start: "read start",
    end: "read end",
    name: "name",
    hgnc_id: "HGNC id",
    hgnc_symbol: "HGNC symbol",
    coding_start: "coding start",
    coding_end: "coding end",
    exon_starts: "exon starts",
    exon_ends: "exon ends",
    tags: Some("tags"),
    inheritance: Some("inheritance"),
};

const LEGACY: Columns = Columns {
    start: "txStart",
    end: "txEnd",
    name: "refseq",
    hgnc_id: "HGNC",
    hgnc_symbol: "geneSymbol",
    coding_start: "cdsStart",
    coding_end: "cdsEnd",
    exon_starts: "exonsStarts",
    exon_ends: "exonEnds",
    tags: None,
    inheritance: None,
};

const CHROMOSOME: &str = "chromosome";
const STRAND: &str = "strand";

impl Columns {
    fn required(&self) -> Vec<&'static str> {
        let mut required = vec![
            CHROMOSOME,
            self.start,
            self.end,
            self.name,
            self.hgnc_id,
            self.hgnc_symbol,
            self.exon_starts,
            self.exon_ends,
        ];
        required.extend(self.inheritance);
        required
    }
}

/// Where the genes' inheritance comes from.
enum Inheritance {
    /// A column of the file.
    Column(&'static str),
    /// Consensus of the phenotypes, by HGNC id.
    Consensus(HashMap<i32, &'static str>),
}

impl Inheritance {
    fn of(&self, row: &Row<'_>, hgnc_id: i32) -> Result<String> {
        Ok(match self {
            Self::Column(column) => row.text(column)?.to_owned(),
            Self::Consensus(by_gene) => by_gene
                .get(&hgnc_id)
                .copied()
                .unwrap_or(AUTOSOMAL_UNKNOWN)
                .to_owned(),
        })
    }
}

/// Consensus of a gene without a clear inheritance.
const AUTOSOMAL_UNKNOWN: &str = "AD/AR";

/// Parses a transcripts file of either layout (`path` names it in errors). `phenotypes` are the
/// panel's phenotypes, which give the inheritance when the file is legacy.
pub fn parse(
    content: &str,
    path: &Path,
    phenotypes: &[PhenotypeRecord],
) -> Result<Vec<TranscriptRecord>> {
    let table = Table::parse(content, path, &[HEADER])?;
    let columns = if table.has_column(LEGACY.name) {
        &LEGACY
    } else {
        &CURRENT
    };
    table.require(&columns.required())?;
    let inheritance = match columns.inheritance {
        Some(column) => Inheritance::Column(column),
        None => Inheritance::Consensus(consensus_by_gene(phenotypes)),
    };
    let mut uniqueness = Uniqueness::default();
    let mut records = Vec::new();
    for row in table.rows() {
        let record = record(&row, columns, &inheritance)?;
        uniqueness.check(&row, &record)?;
        records.push(record);
    }
    if records.is_empty() {
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line: None,
            message: "Found no transcripts in file".to_owned(),
        });
    }
    Ok(records)
}

fn record(row: &Row<'_>, columns: &Columns, inheritance: &Inheritance) -> Result<TranscriptRecord> {
    let hgnc_id = row.integer(columns.hgnc_id)?;
    Ok(TranscriptRecord {
        name: row.text(columns.name)?.to_owned(),
        hgnc_id,
        hgnc_symbol: row.text(columns.hgnc_symbol)?.to_owned(),
        inheritance: inheritance.of(row, hgnc_id)?,
        chromosome: row.text(CHROMOSOME)?.to_owned(),
        tx_start: row.integer(columns.start)?,
        tx_end: row.integer(columns.end)?,
        strand: row.get(STRAND).unwrap_or("+").to_owned(),
        cds_start: row.optional_integer(columns.coding_start)?,
        cds_end: row.optional_integer(columns.coding_end)?,
        exon_starts: row.integers(columns.exon_starts)?,
        exon_ends: row.integers(columns.exon_ends)?,
        tags: columns
            .tags
            .and_then(|column| row.get(column))
            .and_then(tags),
    })
}

/// The comma-separated tags, each trimmed; an empty field has none. Empty items are kept, as ELLA
/// keeps them.
fn tags(field: &str) -> Option<Vec<String>> {
    (!field.is_empty()).then(|| field.split(',').map(|tag| tag.trim().to_owned()).collect())
}

/// The consensus inheritance of each gene that has phenotypes.
fn consensus_by_gene(phenotypes: &[PhenotypeRecord]) -> HashMap<i32, &'static str> {
    let mut by_gene: HashMap<i32, BTreeSet<&str>> = HashMap::new();
    for phenotype in phenotypes {
        by_gene
            .entry(phenotype.hgnc_id)
            .or_default()
            .insert(&phenotype.inheritance);
    }
    by_gene
        .into_iter()
        .map(|(hgnc_id, inheritances)| (hgnc_id, consensus_inheritance(&inheritances)))
        .collect()
}

/// The inheritance of a gene given the distinct inheritances of its phenotypes.
///
/// A single `AD`, `AR`, `XD` or `XR` is kept; any X-linked value makes `XD/XR`; anything else
/// (mixed values, other codes, no phenotypes) is `AD/AR`.
pub fn consensus_inheritance(inheritances: &BTreeSet<&str>) -> &'static str {
    const CLEAR: [&str; 4] = ["AD", "AR", "XD", "XR"];
    let mut values = inheritances.iter();
    if let (Some(only), None) = (values.next(), values.next()) {
        if let Some(clear) = CLEAR.iter().find(|clear| *clear == only) {
            return clear;
        }
    }
    if inheritances.iter().any(|value| value.starts_with('X')) {
        "XD/XR"
    } else {
        AUTOSOMAL_UNKNOWN
    }
}

/// The rules a transcripts file must keep across its lines, which the database would otherwise
/// enforce halfway through the deposit: transcript names are unique, and a gene has one symbol
/// that no other gene has (ignoring case, as `ix_gene_hgnc_symbol` does).
#[derive(Default)]
struct Uniqueness {
    names: HashMap<String, usize>,
    symbols_by_gene: HashMap<i32, (String, usize)>,
    genes_by_symbol: HashMap<String, (i32, usize)>,
}

impl Uniqueness {
    fn check(&mut self, row: &Row<'_>, record: &TranscriptRecord) -> Result<()> {
        let line = row.line();
        if let Some(first) = self.names.insert(record.name.clone(), line) {
            return Err(row.invalid(&format!(
                "transcript {} is already on line {first}",
                record.name
            )));
        }
        let (symbol, first) = self
            .symbols_by_gene
            .entry(record.hgnc_id)
            .or_insert_with(|| (record.hgnc_symbol.clone(), line));
        if *symbol != record.hgnc_symbol {
            return Err(row.invalid(&format!(
                "HGNC id {} has symbol {} here but {symbol} on line {first}",
                record.hgnc_id, record.hgnc_symbol
            )));
        }
        let (hgnc_id, first) = self
            .genes_by_symbol
            .entry(record.hgnc_symbol.to_lowercase())
            .or_insert((record.hgnc_id, line));
        if *hgnc_id != record.hgnc_id {
            return Err(row.invalid(&format!(
                "HGNC symbol {} is used by HGNC id {} here but by HGNC id {hgnc_id} on line {first}",
                record.hgnc_symbol, record.hgnc_id
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER_LINE: &str = "#chromosome\tread start\tread end\tname\tscore\tstrand\ttags\t\
        HGNC id\tHGNC symbol\tinheritance\tcoding start\tcoding end\texon starts\texon ends\tmetadata";

    fn current(lines: &[&str]) -> Result<Vec<TranscriptRecord>> {
        let content = format!("# Gene panel: X\n{HEADER_LINE}\n{}\n", lines.join("\n"));
        parse(&content, Path::new("t.tsv"), &[])
    }

    fn line(name: &str, hgnc_id: &str, symbol: &str) -> String {
        format!("13\t10\t20\t{name}\t0\t-\t\t{hgnc_id}\t{symbol}\tAD\t12\t18\t10,15\t13,20\t{{}}")
    }

    fn parse_error(result: Result<Vec<TranscriptRecord>>) -> (Option<usize>, String) {
        match result {
            Err(Error::Parse { line, message, .. }) => (line, message),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn current_layout_line() {
        let records = current(&[
            "13\t32889616\t32973809\tNM_000059.3\t0.0\t+\tMANE Select , x\t1101\tBRCA2\tAD\t\
             32890597\t32972907\t32889616,32890558,\t32889804,32890664,\t{}",
        ])
        .unwrap();
        assert_eq!(
            records,
            vec![TranscriptRecord {
                name: "NM_000059.3".into(),
                hgnc_id: 1101,
                hgnc_symbol: "BRCA2".into(),
                inheritance: "AD".into(),
                chromosome: "13".into(),
                tx_start: 32_889_616,
                tx_end: 32_973_809,
                strand: "+".into(),
                cds_start: Some(32_890_597),
                cds_end: Some(32_972_907),
                exon_starts: vec![32_889_616, 32_890_558],
                exon_ends: vec![32_889_804, 32_890_664],
                tags: Some(vec!["MANE Select".into(), "x".into()]),
            }]
        );
    }

    #[test]
    fn empty_coding_start_and_tags_are_none_and_strand_defaults_to_plus() {
        let content = "#chromosome\tread start\tread end\tname\tHGNC id\tHGNC symbol\t\
                       inheritance\tcoding start\texon starts\texon ends\ttags\n\
                       1\t5\t9\tNR_1.1\t7\tA2M\t\t\t5\t9\t\n";
        let records = parse(content, Path::new("t.tsv"), &[]).unwrap();
        let record = &records[0];
        assert_eq!((record.cds_start, record.cds_end), (None, None));
        assert_eq!(record.tags, None);
        assert_eq!(record.strand, "+");
        assert_eq!(record.inheritance, "");
    }

    #[test]
    fn missing_required_column_is_named() {
        let content = "#chromosome\tread start\tread end\tname\tHGNC symbol\tinheritance\t\
                       exon starts\texon ends\n";
        let (line, message) = parse_error(parse(content, Path::new("t.tsv"), &[]));
        assert_eq!(line, Some(1));
        assert!(message.contains("'HGNC id'"), "{message}");
    }

    #[test]
    fn non_integer_hgnc_id_names_line_and_column() {
        let (line, message) = parse_error(current(&[&line("NM_1.1", "BRCA2", "BRCA2")]));
        assert_eq!(line, Some(3));
        assert!(message.contains("'HGNC id'"), "{message}");
    }

    #[test]
    fn data_before_header_and_empty_file_are_errors() {
        let (line, message) = parse_error(parse("1\t2\n", Path::new("t.tsv"), &[]));
        assert_eq!(line, Some(1));
        assert!(message.contains("'#chromosome'"), "{message}");
        let (line, message) = parse_error(parse("# nothing\n", Path::new("t.tsv"), &[]));
        assert_eq!(line, None);
        assert_eq!(message, "Found no transcripts in file");
    }

    #[test]
    fn duplicate_names_and_inconsistent_genes_are_refused() {
        for lines in [
            [line("NM_1.1", "1", "A"), line("NM_1.1", "2", "B")],
            [line("NM_1.1", "1", "A"), line("NM_2.1", "1", "B")],
            [line("NM_1.1", "1", "A"), line("NM_2.1", "2", "a")],
        ] {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            match current(&lines) {
                Err(Error::Invalid(message)) => {
                    assert!(message.starts_with("t.tsv, line 4: "), "{message}");
                }
                other => panic!("expected a broken rule, got {other:?}"),
            }
        }
    }

    fn set<'a>(values: &[&'a str]) -> BTreeSet<&'a str> {
        values.iter().copied().collect()
    }

    #[test]
    fn legacy_consensus() {
        for (values, expected) in [
            (&["AD"][..], "AD"),
            (&["AR"], "AR"),
            (&["XD"], "XD"),
            (&["XR"], "XR"),
            (&["AD", "AR"], "AD/AR"),
            (&["XR", "AR"], "XD/XR"),
            (&["X"], "XD/XR"),
            (&["XL", "XD"], "XD/XR"),
            (&["N/A"], "AD/AR"),
            (&["AD", "N/A"], "AD/AR"),
            (&["AD;AR"], "AD/AR"),
            (&[], "AD/AR"),
        ] {
            assert_eq!(consensus_inheritance(&set(values)), expected, "{values:?}");
        }
    }

    #[test]
    fn legacy_layout_takes_inheritance_from_phenotypes() {
        let content = "# Genepanel: T\n\
            #chromosome\ttxStart\ttxEnd\trefseq\tscore\tstrand\tgeneSymbol\tHGNC\tgeneAlias\t\
            eGeneID\teTranscriptID\tcdsStart\tcdsEnd\texonsStarts\texonEnds\n\
            X\t1\t9\tNM_1.1\t0\t+\tG1\t1\ta\tb\tc\t2\t8\t1,\t9,\n\
            1\t1\t9\tNM_2.1\t0\t-\tG2\t2\ta\tb\tc\t2\t8\t1\t9\n\
            1\t1\t9\tNM_3.1\t0\t-\tG3\t3\ta\tb\tc\t2\t8\t1\t9\n";
        let phenotype = |hgnc_id: i32, inheritance: &str| PhenotypeRecord {
            hgnc_id,
            description: format!("p{hgnc_id}{inheritance}"),
            inheritance: inheritance.into(),
            omim_id: None,
        };
        let phenotypes = [phenotype(1, "XR"), phenotype(1, "XD"), phenotype(2, "AR")];
        let records = parse(content, Path::new("t.csv"), &phenotypes).unwrap();
        let inheritances: Vec<&str> = records.iter().map(|r| r.inheritance.as_str()).collect();
        assert_eq!(inheritances, ["XD/XR", "AR", "AD/AR"]);
        assert_eq!(records[0].tags, None);
        assert_eq!(records[0].exon_starts, [1]);
        assert_eq!(
            (records[0].hgnc_id, records[0].hgnc_symbol.as_str()),
            (1, "G1")
        );
    }
}
