//! The phenotypes file of a gene panel (import.md §11.2, §11.5).
//!
//! The current layout's header starts with `HGNC id`; the legacy one's with `gene symbol` (with or
//! without `#`). Legacy files were cleaned when ELLA converted them: lines without an HGNC id are
//! skipped, repeated phenotypes dropped, and an MIM number that is not one number (`Mendeliome_v01`
//! has `118700, 610978`) left out, as the converted test panels show. In the current layout these
//! are errors; a repeated phenotype would also be refused by the database (`uq_phenotype_gene_id`).

use std::collections::HashMap;
use std::path::Path;

use super::table::{HeaderRule, Marker, Row, Table};
use super::PhenotypeRecord;
use crate::Result;

/// Column names and cleaning rules of one layout.
struct Layout {
    header: HeaderRule,
    hgnc_id: &'static str,
    omim_id: &'static str,
    required: &'static [&'static str],
    /// Skip lines without an HGNC id, drop repeated phenotypes and bad MIM numbers, instead of
    /// refusing them.
    lenient: bool,
}

const CURRENT: Layout = Layout {
    header: HeaderRule {
        first_column: "HGNC id",
        marker: Marker::Bare,
    },
    hgnc_id: "HGNC id",
    omim_id: "phenotype MIM number",
    required: &["HGNC id", "HGNC symbol", DESCRIPTION],
    lenient: false,
};

const LEGACY: Layout = Layout {
    header: HeaderRule {
        first_column: "gene symbol",
        marker: Marker::Either,
    },
    hgnc_id: "HGNC",
    omim_id: "omim_number",
    required: &["HGNC", DESCRIPTION],
    lenient: true,
};

const LAYOUTS: [&Layout; 2] = [&CURRENT, &LEGACY];

const DESCRIPTION: &str = "phenotype";
const INHERITANCE: &str = "inheritance";

/// Inheritance of a phenotype whose file gives none.
const NO_INHERITANCE: &str = "N/A";

/// Parses a phenotypes file of either layout (`path` names it in errors). A file without
/// phenotypes is accepted.
pub fn parse(content: &str, path: &Path) -> Result<Vec<PhenotypeRecord>> {
    let table = Table::parse(content, path, &LAYOUTS.map(|layout| layout.header))?;
    let layout = LAYOUTS[table.matched_rule().unwrap_or(0)];
    table.require(layout.required)?;
    let mut first_lines: HashMap<(i32, String, String), usize> = HashMap::new();
    let mut records = Vec::new();
    for row in table.rows() {
        if layout.lenient && row.get(layout.hgnc_id).is_none_or(str::is_empty) {
            continue;
        }
        let record = record(&row, layout)?;
        let key = (
            record.hgnc_id,
            record.description.clone(),
            record.inheritance.clone(),
        );
        if let Some(first) = first_lines.get(&key) {
            if layout.lenient {
                continue;
            }
            return Err(row.invalid(&format!(
                "phenotype '{}' of HGNC id {} with inheritance {} is already on line {first}",
                key.1, key.0, key.2
            )));
        }
        first_lines.insert(key, row.line());
        records.push(record);
    }
    Ok(records)
}

fn record(row: &Row<'_>, layout: &Layout) -> Result<PhenotypeRecord> {
    Ok(PhenotypeRecord {
        hgnc_id: row.integer(layout.hgnc_id)?,
        description: row.text(DESCRIPTION)?.to_owned(),
        inheritance: row
            .get(INHERITANCE)
            .filter(|value| !value.is_empty())
            .unwrap_or(NO_INHERITANCE)
            .to_owned(),
        omim_id: omim_id(row, layout)?,
    })
}

fn omim_id(row: &Row<'_>, layout: &Layout) -> Result<Option<i32>> {
    match row.optional_integer(layout.omim_id) {
        Err(error) if layout.lenient => {
            tracing::warn!("{error}; the phenotype is stored without MIM number");
            Ok(None)
        }
        parsed => parsed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn phenotype(
        hgnc_id: i32,
        description: &str,
        inheritance: &str,
        omim_id: Option<i32>,
    ) -> PhenotypeRecord {
        PhenotypeRecord {
            hgnc_id,
            description: description.into(),
            inheritance: inheritance.into(),
            omim_id,
        }
    }

    fn parse_error(content: &str) -> (Option<usize>, String) {
        match parse(content, Path::new("p.tsv")) {
            Err(Error::Parse { line, message, .. }) => (line, message),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn current_layout() {
        let content = "# Gene panel: X\n\
            HGNC id\tHGNC symbol\tinheritance\tphenotype MIM number\tphenotype\tPMID\n\
            1101\tBRCA2\tAD\t612555\t{Breast-ovarian cancer, familial, 2}\t\n\
            # a comment\n\
            1100\tBRCA1\t\t\tPancreatic cancer\n\
            7\tA2M\n";
        let error = parse_error(content);
        assert_eq!(error.0, Some(6));
        assert!(error.1.contains("'phenotype'"), "{}", error.1);
        let records = parse(content.trim_end_matches("7\tA2M\n"), Path::new("p.tsv")).unwrap();
        assert_eq!(
            records,
            [
                phenotype(
                    1101,
                    "{Breast-ovarian cancer, familial, 2}",
                    "AD",
                    Some(612_555)
                ),
                phenotype(1100, "Pancreatic cancer", "N/A", None),
            ]
        );
    }

    #[test]
    fn header_is_required_before_data_and_empty_file_is_accepted() {
        let (line, message) = parse_error("# x\n1101\tBRCA2\n");
        assert_eq!(line, Some(2));
        assert!(message.contains("'HGNC id'"), "{message}");
        assert_eq!(parse("# only comments\n", Path::new("p.tsv")).unwrap(), []);
        assert_eq!(
            parse("HGNC id\tHGNC symbol\tphenotype\n", Path::new("p.tsv")).unwrap(),
            []
        );
    }

    #[test]
    fn current_layout_refuses_repeated_phenotypes_and_bad_numbers() {
        let header = "HGNC id\tHGNC symbol\tinheritance\tphenotype MIM number\tphenotype\n";
        let repeated = format!("{header}1\tA\tAD\t\tp\n1\tA\tAD\t5\tp\n");
        match parse(&repeated, Path::new("p.tsv")) {
            Err(Error::Invalid(message)) => {
                assert!(message.starts_with("p.tsv, line 3: "), "{message}");
            }
            other => panic!("expected a broken rule, got {other:?}"),
        }
        let bad_omim = format!("{header}1\tA\tAD\tx\tp\n");
        assert!(parse_error(&bad_omim).1.contains("'phenotype MIM number'"));
        assert_eq!(parse_error(&format!("{header}\n")).0, Some(2));
    }

    #[test]
    fn legacy_layout_skips_lines_without_gene_and_repeats() {
        let content = "# Genepanel: X Version: 01\n\
            #gene symbol\tHGNC\tremove (add x)\tphenotype\tinheritance\tomim_number\tpmid\n\
            BRCA1\t1100\t\t{Breast cancer}\tAD\t604370\n\
            BRCA1\t1100\t\t{Breast cancer}\tAD\t604370\t1\n\
            NOGENE\t\t\tsomething\tAR\n\
            ACVR2B\t174\t\tHeterotaxy\t\t613751\n\
            A2M\t7\t\tTwo numbers\tAR\t1, 2\n";
        assert_eq!(
            parse(content, Path::new("p.csv")).unwrap(),
            [
                phenotype(1100, "{Breast cancer}", "AD", Some(604_370)),
                phenotype(174, "Heterotaxy", "N/A", Some(613_751)),
                phenotype(7, "Two numbers", "AR", None),
            ]
        );
        let without_hash = content.replace("#gene symbol", "gene symbol");
        assert_eq!(parse(&without_hash, Path::new("p.csv")).unwrap().len(), 3);
    }
}
