//! The HGNC lookups ELLA bundles (import.md §8.7 "Bundled lookup files"), embedded unchanged
//! (gzip) and read once, on the first transcript that needs them.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::LazyLock;

use flate2::read::GzDecoder;

/// `Symbol`, `HGNC_id`, `Approved` (`1` approved, `0` previous symbol), `#` comments.
const SYMBOLS: &[u8] = include_bytes!("data/hgnc_symbols_id.txt.gz");
/// `hgnc_id`, Ensembl gene id, NCBI gene id; no header; trailing columns may be missing.
const GENE_IDS: &[u8] = include_bytes!("data/hgnc_ncbi_ensembl_geneids.txt.gz");

/// The approved symbols and the gene ids, both ways where ELLA needs them.
#[derive(Debug, Default)]
pub(super) struct Hgnc {
    id_by_symbol: HashMap<String, i64>,
    symbol_by_id: HashMap<i64, String>,
    id_by_gene: HashMap<String, i64>,
}

static HGNC: LazyLock<Result<Hgnc, String>> = LazyLock::new(Hgnc::load);

impl Hgnc {
    /// The maps, loaded on first use.
    pub(super) fn get() -> Result<&'static Self, String> {
        HGNC.as_ref().map_err(Clone::clone)
    }

    /// HGNC id of an approved symbol.
    pub(super) fn id_of_symbol(&self, symbol: &str) -> Option<i64> {
        self.id_by_symbol.get(symbol).copied()
    }

    /// Approved symbol of an HGNC id.
    pub(super) fn symbol_of_id(&self, hgnc_id: i64) -> Option<&str> {
        self.symbol_by_id.get(&hgnc_id).map(String::as_str)
    }

    /// HGNC id of an Ensembl (`ENSG…`) or NCBI gene id.
    pub(super) fn id_of_gene(&self, gene: &str) -> Option<i64> {
        self.id_by_gene.get(gene).copied()
    }

    fn load() -> Result<Self, String> {
        let mut hgnc = Self::default();
        for line in gunzip(SYMBOLS)?
            .lines()
            .filter(|line| !line.starts_with('#'))
        {
            let columns: Vec<&str> = line.trim().split('\t').collect();
            let [symbol, hgnc_id, approved] = columns[..] else {
                return Err(format!("Bad HGNC symbols line: {line}"));
            };
            // Previous symbols are not used (as in ELLA).
            if approved == "1" {
                let hgnc_id = parse_id(hgnc_id)?;
                hgnc.id_by_symbol.insert(symbol.to_owned(), hgnc_id);
                hgnc.symbol_by_id.insert(hgnc_id, symbol.to_owned());
            }
        }
        for line in gunzip(GENE_IDS)?
            .lines()
            .filter(|line| !line.starts_with('#'))
        {
            let mut columns = line.trim().split('\t');
            let hgnc_id = parse_id(columns.next().unwrap_or_default())?;
            for gene in columns.take(2).filter(|gene| !gene.is_empty()) {
                hgnc.id_by_gene.insert(gene.to_owned(), hgnc_id);
            }
        }
        Ok(hgnc)
    }
}

fn gunzip(bytes: &[u8]) -> Result<String, String> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|error| format!("Cannot read the bundled HGNC data: {error}"))?;
    Ok(text)
}

fn parse_id(text: &str) -> Result<i64, String> {
    text.parse()
        .map_err(|_| format!("Bad HGNC id in the bundled HGNC data: {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_maps() {
        let hgnc = Hgnc::get().unwrap();
        assert_eq!(hgnc.id_of_symbol("BRCA1"), Some(1100));
        assert_eq!(
            hgnc.id_of_symbol("A1BGAS"),
            None,
            "previous symbols are not used"
        );
        assert_eq!(hgnc.symbol_of_id(1101), Some("BRCA2"));
        assert_eq!(hgnc.id_of_gene("672"), Some(1100));
        assert_eq!(hgnc.id_of_gene("ENSG00000139618"), Some(1101));
        assert_eq!(hgnc.id_of_gene(""), None);
    }
}
