//! The `vep` converter (import.md §8.7): VEP's `CSQ` → the sorted list of transcript objects.

mod consequences;
mod hgnc;
mod hgvs;
mod transcript;

use std::collections::HashMap;

use serde_json::Value;

pub(crate) use consequences::check as check_consequences;
use hgvs::Distances;
use transcript::{CsqFields, Transcript};

use super::info::InfoValue;
use super::keyvalue::describe;

/// Which copy of a transcript listed twice (merged RefSeq caches) is kept: the earlier source here.
const REFSEQ_PRIORITY: [&str; 3] = ["RefSeq_gff", "RefSeq_Interim_gff", "RefSeq"];

/// The converter, set up with the field names of the `CSQ` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Vep {
    fields: CsqFields,
}

impl Vep {
    /// Field names are the raw Description after the first `Format: `, split on `|` (the last one
    /// keeps the closing quote, as in ELLA).
    pub(crate) fn from_description(description: &str) -> Result<Self, String> {
        let (_, format) = description
            .split_once("Format: ")
            .ok_or_else(|| format!("No 'Format: ' in description {description}"))?;
        let names: Vec<String> = format.split('|').map(str::to_owned).collect();
        Ok(Self {
            fields: CsqFields::new(&names),
        })
    }

    /// Converts a `CSQ` value.
    pub(crate) fn convert(&self, value: &InfoValue) -> Result<Value, String> {
        let text = value
            .as_text()
            .ok_or_else(|| format!("Invalid parameter for VEPConverter: {}", describe(value)))?;
        let mut kept: Vec<Transcript> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::new();
        let mut values = Vec::new();
        let mut distances = Distances::new();
        for entry in text.split(',') {
            values.clear();
            split_fields(entry, &mut values);
            let Some(incoming) = transcript::convert(&self.fields, &values, &mut distances)? else {
                continue;
            };
            match position.get(incoming.name) {
                None => {
                    position.insert(incoming.name, kept.len());
                    kept.push(incoming);
                }
                Some(&index) => {
                    if outranks(&incoming, &kept[index])? {
                        kept[index] = incoming;
                    }
                }
            }
        }
        // VEP's order is not deterministic; the stored list must be, to compare annotations.
        kept.sort_by(|a, b| a.name.cmp(b.name));
        Ok(kept
            .into_iter()
            .map(|transcript| Value::Object(transcript.object))
            .collect())
    }
}

/// Splits a `CSQ` entry on `|` in one vectorised pass (entries have dozens of short fields).
fn split_fields<'a>(entry: &'a str, values: &mut Vec<&'a str>) {
    let mut start = 0;
    for end in memchr::memchr_iter(b'|', entry.as_bytes()) {
        values.push(&entry[start..end]);
        start = end + 1;
    }
    values.push(&entry[start..]);
}

/// Whether a repeated transcript replaces the one kept so far (ties keep the first).
fn outranks(incoming: &Transcript, existing: &Transcript) -> Result<bool, String> {
    let rank = |transcript: &Transcript| {
        let source = transcript
            .source
            .filter(|source| !source.is_empty())
            .ok_or_else(|| {
                format!(
                    "Unable to determine priority of transcript {}, as source is not defined",
                    transcript.name
                )
            })?;
        REFSEQ_PRIORITY
            .iter()
            .position(|candidate| *candidate == source)
            .ok_or_else(|| {
                format!(
                    "Transcript {} defined multiple times in annotation, but no priority defined for the source {source}",
                    transcript.name
                )
            })
    };
    let (existing, incoming) = (rank(existing)?, rank(incoming)?);
    Ok(incoming < existing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const FIELDS: &str = "Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|ALLELE_NUM|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|ENSP|REFSEQ_MATCH|SOURCE|GIVEN_REF|USED_REF|BAM_EDIT";

    fn vep() -> Vep {
        Vep::from_description(&format!(
            "\"Consequence annotations from Ensembl VEP. Format: {FIELDS}\""
        ))
        .unwrap()
    }

    /// A CSQ entry: defaults for a minimal transcript, then the given fields.
    fn entry(fields: &[(&str, &str)]) -> String {
        let defaults = [
            ("Feature_type", "Transcript"),
            ("Feature", "NM_SOMETHING"),
            ("SYMBOL", "SomeSymbol"),
            ("HGNC_ID", "1100"),
            ("STRAND", "1"),
        ];
        FIELDS
            .split('|')
            .map(|name| {
                let given = fields
                    .iter()
                    .chain(defaults.iter())
                    .find(|(key, _)| *key == name);
                given.map_or("", |(_, value)| *value)
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    fn convert(entries: &[String]) -> Result<Value, String> {
        vep().convert(&InfoValue::Text(&entries.join(",")))
    }

    #[test]
    fn full_transcript_object() {
        let converted = convert(&[entry(&[
            ("Feature", "NM_000059.3"),
            ("Consequence", "stop_gained&splice_region_variant"),
            ("SYMBOL", "BRCA2"),
            ("HGNC_ID", "1101"),
            ("EXON", "2/27"),
            ("HGVSc", "NM_000059.3:c.10G>T"),
            ("HGVSp", "NP_000050.2:p.Gly4Ter"),
            ("Amino_acids", "G/*"),
            ("Codons", "Gga/Tga"),
            ("Existing_variation", "rs397507571&CM1&COSM2"),
            ("CANONICAL", "YES"),
        ])]);
        assert_eq!(
            converted,
            Ok(json!([{
                "transcript": "NM_000059.3", "hgnc_id": 1101, "symbol": "BRCA2", "strand": 1,
                "is_canonical": true, "in_last_exon": "no",
                "consequences": ["splice_region_variant", "stop_gained"],
                "HGVSc": "c.10G>T", "HGVSc_short": "c.10G>T", "exon_distance": 0,
                "coding_region_distance": 0, "protein": "NP_000050.2", "HGVSp": "p.Gly4Ter",
                "dbsnp": ["rs397507571"], "exon": "2/27", "amino_acids": "G/*", "codons": "Gga/Tga"
            }]))
        );
    }

    #[test]
    fn minimal_transcript_object() {
        assert_eq!(
            convert(&[entry(&[("STRAND", "-1")])]),
            Ok(json!([{
                "transcript": "NM_SOMETHING", "hgnc_id": 1100, "symbol": "SomeSymbol", "strand": -1,
                "is_canonical": false, "in_last_exon": "no", "consequences": [],
                "exon_distance": null, "coding_region_distance": null
            }]))
        );
    }

    #[test]
    fn only_refseq_and_ensembl_transcripts_sorted() {
        let converted = convert(&[
            entry(&[("Feature", "NM_000090.3")]),
            entry(&[("Feature", "ENST123456")]),
            entry(&[("Feature", "NR_000091.2")]),
            entry(&[("Feature", "XM_1")]),
            entry(&[
                ("Feature", "NM_foobar"),
                ("Feature_type", "RegulatoryFeature"),
            ]),
        ])
        .unwrap();
        let names: Vec<&str> = converted
            .as_array()
            .unwrap()
            .iter()
            .map(|transcript| transcript["transcript"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["ENST123456", "NM_000090.3", "NR_000091.2"]);
    }

    #[test]
    fn hgnc_id_lookups() {
        let converted = convert(&[
            entry(&[
                ("Feature", "NM_0.1"),
                ("Gene", "GENE_WITHOUT_HGNC_ID"),
                ("HGNC_ID", ""),
            ]),
            entry(&[("Feature", "NM_1.1"), ("SYMBOL", "BRCA1"), ("HGNC_ID", "")]),
            entry(&[
                ("Feature", "NM_2.1"),
                ("Gene", "672"),
                ("HGNC_ID", ""),
                ("SYMBOL", ""),
            ]),
            entry(&[
                ("Feature", "NM_3.1"),
                ("Gene", "ENSG00000139618"),
                ("HGNC_ID", ""),
                ("SYMBOL", ""),
            ]),
        ])
        .unwrap();
        let found: Vec<(&str, i64, &str)> = converted
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["transcript"].as_str().unwrap(),
                    t["hgnc_id"].as_i64().unwrap(),
                    t["symbol"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("NM_1.1", 1100, "BRCA1"),
                ("NM_2.1", 1100, "BRCA1"),
                ("NM_3.1", 1101, "BRCA2")
            ]
        );
    }

    #[test]
    fn refseq_priority() {
        let copies = [
            entry(&[
                ("Feature", "NM_1.1"),
                ("SYMBOL", "RefSeq"),
                ("SOURCE", "RefSeq"),
            ]),
            entry(&[
                ("Feature", "NM_1.1"),
                ("SYMBOL", "Interim"),
                ("SOURCE", "RefSeq_Interim_gff"),
            ]),
            entry(&[
                ("Feature", "NM_1.1"),
                ("SYMBOL", "gff"),
                ("SOURCE", "RefSeq_gff"),
            ]),
            entry(&[("Feature", "NM_2.1")]),
        ];
        let orders = [
            [0, 1, 2, 3],
            [3, 2, 1, 0],
            [1, 3, 0, 2],
            [2, 0, 3, 1],
            [0, 2, 1, 3],
        ];
        for order in orders {
            let entries: Vec<String> = order.iter().map(|&index| copies[index].clone()).collect();
            let converted = convert(&entries).unwrap();
            assert_eq!(converted[0]["symbol"], "gff", "{order:?}");
            assert_eq!(converted[1]["transcript"], "NM_2.1");
        }
        assert_eq!(convert(&copies[..2]).unwrap()[0]["symbol"], "Interim");
        let tie = [
            copies[0].clone(),
            entry(&[
                ("Feature", "NM_1.1"),
                ("SYMBOL", "second"),
                ("SOURCE", "RefSeq"),
            ]),
        ];
        assert_eq!(
            convert(&tie).unwrap()[0]["symbol"],
            "RefSeq",
            "ties keep the first"
        );
    }

    #[test]
    fn refseq_priority_needs_known_sources() {
        let unknown = [
            entry(&[("Feature", "NM_1.1"), ("SOURCE", "Ensembl")]),
            entry(&[("Feature", "NM_1.1"), ("SOURCE", "RefSeq")]),
        ];
        assert!(convert(&unknown).is_err());
        let missing = [
            entry(&[("Feature", "NM_1.1")]),
            entry(&[("Feature", "NM_1.1"), ("SOURCE", "RefSeq")]),
        ];
        assert!(convert(&missing).is_err());
    }

    #[test]
    fn exon_numbers() {
        let last =
            |exon| convert(&[entry(&[("EXON", exon)])]).map(|t| t[0]["in_last_exon"].clone());
        assert_eq!(last("20/20"), Ok(json!("yes")));
        assert_eq!(last("19/20"), Ok(json!("no")));
        assert!(last("20__20").is_err());
    }

    #[test]
    fn long_insertions() {
        let converted = convert(&[entry(&[("HGVSc", "NM_1:c.131_132insACTTGCTGCTT")])]).unwrap();
        assert_eq!(converted[0]["HGVSc"], "c.131_132insACTTGCTGCTT");
        assert_eq!(converted[0]["HGVSc_short"], "c.131_132ins(11)");
        assert_eq!(converted[0]["HGVSc_insertion"], "ACTTGCTGCTT");
        assert_eq!(converted[0]["exon_distance"], 0);
    }

    #[test]
    fn malformed_entries_abort() {
        assert!(convert(&[entry(&[("HGNC_ID", "HGNC:1100")])]).is_err());
        assert!(convert(&[entry(&[("HGVSp", "p.Gly4Ter")])]).is_err());
        assert!(convert(&[entry(&[("STRAND", "")])]).is_err());
        assert!(vep().convert(&InfoValue::Typed(json!(1))).is_err());
        assert!(Vep::from_description("\"no format\"").is_err());
    }
}
