//! The consequence terms ELLA's stored annotation may hold (`transcripts_v1.json`).
//!
//! ELLA's database trigger rejects an annotation whose `transcripts` carry any other VEP term, and
//! that failure aborts the whole deposit (import.md §8.8). Checking at conversion fails the same
//! deposit, earlier and with a message that names the term.

use serde_json::Value;

/// The 40 allowed terms.
const ALLOWED: [&str; 40] = [
    "transcript_ablation",
    "splice_donor_variant",
    "splice_acceptor_variant",
    "stop_gained",
    "frameshift_variant",
    "start_lost",
    "initiator_codon_variant",
    "stop_lost",
    "inframe_insertion",
    "inframe_deletion",
    "missense_variant",
    "protein_altering_variant",
    "transcript_amplification",
    "splice_region_variant",
    "splice_donor_5th_base_variant",
    "splice_donor_region_variant",
    "splice_polypyrimidine_tract_variant",
    "incomplete_terminal_codon_variant",
    "synonymous_variant",
    "start_retained_variant",
    "stop_retained_variant",
    "coding_sequence_variant",
    "mature_miRNA_variant",
    "5_prime_UTR_variant",
    "3_prime_UTR_variant",
    "non_coding_transcript_exon_variant",
    "non_coding_transcript_variant",
    "intron_variant",
    "NMD_transcript_variant",
    "upstream_gene_variant",
    "downstream_gene_variant",
    "TFBS_ablation",
    "TFBS_amplification",
    "TF_binding_site_variant",
    "regulatory_region_variant",
    "regulatory_region_ablation",
    "regulatory_region_amplification",
    "feature_elongation",
    "feature_truncation",
    "intergenic_variant",
];

/// Checks the `consequences` of every transcript object in a document's `transcripts` list.
pub(crate) fn check(transcripts: &Value) -> Result<(), String> {
    let transcripts = transcripts.as_array().map_or(&[][..], Vec::as_slice);
    for transcript in transcripts {
        let consequences = transcript["consequences"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        let refused = consequences
            .iter()
            .find(|term| !term.as_str().is_some_and(|term| ALLOWED.contains(&term)));
        if let Some(term) = refused {
            return Err(format!(
                "Transcript {} has the consequence {term}, which ELLA's annotation schema does not allow",
                transcript["transcript"]
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn allowed_terms_pass() {
        let transcripts = json!([{"transcript": "NM_1", "consequences": ["intron_variant", "5_prime_UTR_variant"]}]);
        assert_eq!(check(&transcripts), Ok(()));
        assert_eq!(
            check(&json!([{"transcript": "NM_1", "consequences": []}])),
            Ok(())
        );
    }

    #[test]
    fn unknown_terms_are_refused() {
        let transcripts =
            json!([{"transcript": "NM_1", "consequences": ["coding_transcript_variant"]}]);
        let error = check(&transcripts).unwrap_err();
        assert!(
            error.contains("coding_transcript_variant") && error.contains("NM_1"),
            "{error}"
        );
    }
}
