//! One VEP `CSQ` entry → one transcript object (import.md §8.7 steps 1–3).

use serde_json::{Map, Value};

use super::hgnc::Hgnc;
use super::hgvs::{self, Distances};
use crate::annotation::fields::Field;
use crate::annotation::python::parse_int;

/// The `CSQ` fields ELLA reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CsqFields {
    feature_type: Field,
    feature: Field,
    source: Field,
    hgnc_id: Field,
    gene: Field,
    symbol: Field,
    symbol_source: Field,
    canonical: Field,
    exon: Field,
    intron: Field,
    strand: Field,
    consequence: Field,
    existing_variation: Field,
    hgvsc: Field,
    hgvsp: Field,
    amino_acids: Field,
    codons: Field,
}

impl CsqFields {
    /// Locates the fields among the header's names.
    pub(super) fn new(names: &[String]) -> Self {
        let field = |name| Field::new(names, name);
        Self {
            feature_type: field("Feature_type"),
            feature: field("Feature"),
            source: field("SOURCE"),
            hgnc_id: field("HGNC_ID"),
            gene: field("Gene"),
            symbol: field("SYMBOL"),
            symbol_source: field("SYMBOL_SOURCE"),
            canonical: field("CANONICAL"),
            exon: field("EXON"),
            intron: field("INTRON"),
            strand: field("STRAND"),
            consequence: field("Consequence"),
            existing_variation: field("Existing_variation"),
            hgvsc: field("HGVSc"),
            hgvsp: field("HGVSp"),
            amino_acids: field("Amino_acids"),
            codons: field("Codons"),
        }
    }
}

/// A converted transcript with what de-duplication needs.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Transcript<'a> {
    /// `Feature`.
    pub(super) name: &'a str,
    /// `SOURCE` (which RefSeq cache).
    pub(super) source: Option<&'a str>,
    /// The stored object.
    pub(super) object: Map<String, Value>,
}

/// Converts one entry (its `|`-split values); `None` when it is not a RefSeq/Ensembl transcript
/// or its HGNC id cannot be found.
pub(super) fn convert<'a>(
    fields: &CsqFields,
    values: &[&'a str],
    distances: &mut Distances,
) -> Result<Option<Transcript<'a>>, String> {
    let name = fields.feature.get(values).unwrap_or_default();
    let is_transcript = fields.feature_type.get(values) == Some("Transcript")
        && ["NM_", "NR_", "ENST"]
            .iter()
            .any(|prefix| name.starts_with(prefix));
    if !is_transcript {
        return Ok(None);
    }
    let Some(hgnc_id) = hgnc_id(fields, values)? else {
        return Ok(None);
    };
    // Sized for every key a transcript can get, so the map never grows.
    let mut object = Map::with_capacity(20);
    let mut set = |key: &str, value: Value| object.insert(key.to_owned(), value);
    set("transcript", name.into());
    set("hgnc_id", hgnc_id.into());
    let symbol = match fields.symbol.non_empty(values) {
        Some(symbol) => symbol.to_owned(),
        None => Hgnc::get()?
            .symbol_of_id(hgnc_id)
            .ok_or_else(|| format!("No approved symbol for HGNC id {hgnc_id}"))?
            .to_owned(),
    };
    set("symbol", symbol.into());
    let strand = fields.strand.get(values).ok_or("CSQ has no STRAND field")?;
    let strand = parse_int(strand).ok_or_else(|| format!("Invalid STRAND '{strand}'"))?;
    set("strand", strand.into());
    set(
        "is_canonical",
        (fields.canonical.get(values) == Some("YES")).into(),
    );
    set(
        "in_last_exon",
        in_last_exon(fields.exon.non_empty(values))?.into(),
    );
    let mut consequences: Vec<&str> = fields
        .consequence
        .non_empty(values)
        .map(|terms| terms.split('&').collect())
        .unwrap_or_default();
    consequences.sort_unstable();
    set(
        "consequences",
        consequences.into_iter().map(Value::from).collect(),
    );

    let (mut exon_distance, mut coding_region_distance) = (None, None);
    if let Some(hgvsc) = fields.hgvsc.non_empty(values) {
        // Drop the transcript part (`NM_000059.3:`).
        let hgvsc = hgvsc.split_once(':').map_or(hgvsc, |(_, rest)| rest);
        let (short, insertion) = hgvs::shorten(hgvsc);
        set("HGVSc", hgvsc.into());
        set("HGVSc_short", short.into_owned().into());
        if let Some(insertion) = insertion {
            set("HGVSc_insertion", insertion.into());
        }
        (exon_distance, coding_region_distance) = distances.of(hgvsc)?;
    }
    set("exon_distance", exon_distance.into());
    set("coding_region_distance", coding_region_distance.into());
    if let Some(hgvsp) = fields.hgvsp.non_empty(values) {
        let (protein, hgvsp) = hgvsp
            .split_once(':')
            .ok_or_else(|| format!("HGVSp '{hgvsp}' has no protein part"))?;
        set("protein", protein.into());
        set("HGVSp", hgvsp.into());
    }
    if let Some(variation) = fields.existing_variation.non_empty(values) {
        let dbsnp = variation.split('&').filter(|id| id.starts_with("rs"));
        set("dbsnp", dbsnp.map(Value::from).collect());
    }
    let verbatim = [
        ("exon", &fields.exon),
        ("intron", &fields.intron),
        ("amino_acids", &fields.amino_acids),
        ("codons", &fields.codons),
    ];
    for (key, field) in verbatim {
        if let Some(value) = field.non_empty(values) {
            set(key, value.into());
        }
    }
    Ok(Some(Transcript {
        name,
        source: fields.source.get(values),
        object,
    }))
}

/// `HGNC_ID` when given, else the HGNC id of `Gene` (NCBI or Ensembl id), else of `SYMBOL`.
fn hgnc_id(fields: &CsqFields, values: &[&str]) -> Result<Option<i64>, String> {
    if let Some(hgnc_id) = fields.hgnc_id.non_empty(values) {
        return parse_int(hgnc_id)
            .map(Some)
            .ok_or_else(|| format!("Invalid HGNC_ID '{hgnc_id}'"));
    }
    let hgnc = Hgnc::get()?;
    let found = fields
        .gene
        .get(values)
        .and_then(|gene| hgnc.id_of_gene(gene))
        .or_else(|| {
            fields
                .symbol
                .get(values)
                .and_then(|symbol| hgnc.id_of_symbol(symbol))
        });
    if found.is_none() {
        let symbol_source = fields.symbol_source.get(values);
        // ELLA skips clone-based genes silently and the others with a warning.
        if !matches!(
            symbol_source,
            Some("Clone_based_vega_gene" | "Clone_based_ensembl_gene")
        ) {
            tracing::debug!(
                "No HGNC id found for Feature: {}, SYMBOL: {}, Gene: {}. Skipping.",
                fields.feature.get(values).unwrap_or("N/A"),
                fields.symbol.get(values).unwrap_or("N/A"),
                fields.gene.get(values).unwrap_or("N/A"),
            );
        }
    }
    Ok(found)
}

/// `"yes"` when `EXON` is `i/N` with `i == N`.
fn in_last_exon(exon: Option<&str>) -> Result<&'static str, String> {
    let Some(exon) = exon else { return Ok("no") };
    let mut parts = exon.split('/');
    match (parts.next(), parts.next()) {
        (Some(number), Some(count)) => Ok(if number == count { "yes" } else { "no" }),
        _ => Err(format!("EXON '{exon}' is not of the form i/N")),
    }
}
