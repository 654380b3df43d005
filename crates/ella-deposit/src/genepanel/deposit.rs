//! Storing a gene panel that [`super::read`] gave (import.md §11.3).
//!
//! Everything runs in the caller's transaction. The checks that need the database (symbols taken
//! by other genes, phenotypes of unknown genes) run before the first write, so a refused panel
//! leaves nothing behind even if the caller went on to commit.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

use diesel::PgConnection;
use ella_db::enums::TranscriptType;
use ella_db::genepanel::{self as queries, NewGene, NewPhenotype, NewTranscript, TranscriptLink};

use super::{Genepanel, PhenotypeRecord, TranscriptRecord};
use crate::{Error, Result};

/// The genome reference of deposited panels (ELLA's default; the command has no option for it).
const GENOME_REFERENCE: &str = "GRCh37";

/// What [`deposit`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DepositOutcome {
    /// The panel exists and `replace` was not asked for: nothing was changed.
    AlreadyExists {
        /// Panel name.
        name: String,
        /// Panel version.
        version: String,
    },
    /// The panel was stored.
    Deposited(DepositSummary),
}

impl fmt::Display for DepositOutcome {
    /// ELLA's log line for the outcome.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AlreadyExists { name, version } => write!(
                f,
                "Genepanel {name} {version} exists in database, backing out. \
                 Use the 'replace' to force overwrite."
            ),
            Self::Deposited(summary) => summary.fmt(f),
        }
    }
}

/// Counts of a deposited panel. "Reused" rows existed before; with `replace` they were
/// overwritten from the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepositSummary {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
    /// Distinct genes of the transcripts file.
    pub genes: usize,
    /// Genes that were new.
    pub genes_created: usize,
    /// Genes that existed (their symbol was overwritten).
    pub genes_reused: usize,
    /// Transcripts of the panel.
    pub transcripts: usize,
    /// Transcripts that were new.
    pub transcripts_created: usize,
    /// Transcripts that existed.
    pub transcripts_reused: usize,
    /// Phenotypes of the panel.
    pub phenotypes: usize,
    /// Phenotypes that were new.
    pub phenotypes_created: usize,
    /// Phenotypes that existed.
    pub phenotypes_reused: usize,
}

impl fmt::Display for DepositSummary {
    /// ELLA's final log line of a deposit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Added {} {} with {} genes, {} transcripts and {} phenotypes to database",
            self.name, self.version, self.genes, self.transcripts, self.phenotypes
        )
    }
}

/// Stores `panel` with its genes, transcripts and phenotypes, in the caller's transaction.
///
/// An existing panel is left alone unless `replace`; with `replace` its links are rewritten and the
/// transcripts and phenotypes it shares with other panels are overwritten from the files. Gene
/// symbols are always overwritten. Existing transcripts (by name) and phenotypes (by gene,
/// description and inheritance) are reused.
pub fn deposit(
    conn: &mut PgConnection,
    panel: &Genepanel,
    replace: bool,
) -> Result<DepositOutcome> {
    let (name, version) = (panel.name.as_str(), panel.version.as_str());
    let exists = queries::panel_exists(conn, name, version)?;
    if exists && !replace {
        return Ok(DepositOutcome::AlreadyExists {
            name: name.to_owned(),
            version: version.to_owned(),
        });
    }
    let genes = distinct_genes(&panel.transcripts);
    check_symbols(conn, panel, &genes)?;
    let genes_reused = count_existing_genes(conn, panel, &genes)?;
    if exists {
        tracing::info!("Genepanel {name} {version} exists in database, will overwrite.");
        queries::set_genome_reference(conn, name, version, GENOME_REFERENCE)?;
        queries::unlink_contents(conn, name, version)?;
    } else {
        queries::insert_official_panel(conn, name, version, GENOME_REFERENCE)?;
    }
    queries::upsert_genes(conn, &genes)?;
    tracing::info!(
        "GENES: Created {}, reused {genes_reused}",
        genes.len() - genes_reused
    );
    let transcripts = store_transcripts(conn, panel, replace)?;
    tracing::info!(
        "TRANSCRIPTS: Created {}, reused {}",
        transcripts.created,
        transcripts.reused
    );
    let phenotypes = store_phenotypes(conn, panel, replace)?;
    tracing::info!(
        "PHENOTYPES: Created {}, reused {}",
        phenotypes.created,
        phenotypes.reused
    );
    Ok(DepositOutcome::Deposited(DepositSummary {
        name: name.to_owned(),
        version: version.to_owned(),
        genes: genes.len(),
        genes_created: genes.len() - genes_reused,
        genes_reused,
        transcripts: panel.transcripts.len(),
        transcripts_created: transcripts.created,
        transcripts_reused: transcripts.reused,
        phenotypes: panel.phenotypes.len(),
        phenotypes_created: phenotypes.created,
        phenotypes_reused: phenotypes.reused,
    }))
}

/// The genes of the transcripts, each once (the parser made sure a gene has one symbol).
fn distinct_genes(transcripts: &[TranscriptRecord]) -> Vec<NewGene<'_>> {
    let mut seen = HashSet::new();
    transcripts
        .iter()
        .filter(|record| seen.insert(record.hgnc_id))
        .map(|record| NewGene {
            hgnc_id: record.hgnc_id,
            hgnc_symbol: &record.hgnc_symbol,
        })
        .collect()
}

/// Refuses the panel if one of its symbols belongs to another gene in the database (symbols are
/// unique ignoring case, and the upsert would fail halfway).
fn check_symbols(conn: &mut PgConnection, panel: &Genepanel, genes: &[NewGene<'_>]) -> Result<()> {
    let by_symbol: HashMap<String, &NewGene<'_>> = genes
        .iter()
        .map(|gene| (gene.hgnc_symbol.to_lowercase(), gene))
        .collect();
    let symbols: Vec<String> = by_symbol.keys().cloned().collect();
    for (hgnc_id, stored_symbol) in queries::genes_by_symbol(conn, &symbols)? {
        let wanted = by_symbol.get(&stored_symbol.to_lowercase());
        if let Some(wanted) = wanted.filter(|wanted| wanted.hgnc_id != hgnc_id) {
            return Err(Error::Invalid(format!(
                "gene panel {} {}: HGNC symbol {} of HGNC id {} is already used by HGNC id \
                 {hgnc_id} ({stored_symbol})",
                panel.name, panel.version, wanted.hgnc_symbol, wanted.hgnc_id
            )));
        }
    }
    Ok(())
}

/// How many of `genes` (the panel's) exist already. Refuses the panel if a phenotype's gene is
/// neither among them nor in the database.
fn count_existing_genes(
    conn: &mut PgConnection,
    panel: &Genepanel,
    genes: &[NewGene<'_>],
) -> Result<usize> {
    let panel_ids: HashSet<i32> = genes.iter().map(|gene| gene.hgnc_id).collect();
    let mut all_ids: Vec<i32> = panel_ids.iter().copied().collect();
    all_ids.extend(panel.phenotypes.iter().map(|phenotype| phenotype.hgnc_id));
    all_ids.sort_unstable();
    all_ids.dedup();
    let existing: HashSet<i32> = queries::existing_gene_ids(conn, &all_ids)?
        .into_iter()
        .collect();
    let unknown: Vec<i32> = all_ids
        .into_iter()
        .filter(|id| !panel_ids.contains(id) && !existing.contains(id))
        .collect();
    if !unknown.is_empty() {
        return Err(Error::Invalid(format!(
            "gene panel {} {}: phenotypes refer to HGNC ids {unknown:?}, which are neither in the \
             transcripts file nor in the database",
            panel.name, panel.version
        )));
    }
    Ok(panel_ids.intersection(&existing).count())
}

/// How records were matched to stored rows.
struct Stored {
    created: usize,
    reused: usize,
}

/// The database ids of `records` (in order) after writing those that must be written: the new
/// ones, and with `replace` also the existing ones (`existing` maps keys to stored ids).
/// `write` stores rows and returns their keys and ids.
fn store<'r, R, K>(
    records: &'r [R],
    key: impl Fn(&R) -> K,
    mut existing: HashMap<K, i32>,
    replace: bool,
    write: impl FnOnce(Vec<&'r R>) -> Result<Vec<(K, i32)>>,
) -> Result<(Vec<i32>, Stored)>
where
    K: Hash + Eq + fmt::Debug,
{
    let (reused, created): (Vec<&R>, Vec<&R>) = records
        .iter()
        .partition(|record| existing.contains_key(&key(record)));
    let stored = Stored {
        created: created.len(),
        reused: reused.len(),
    };
    let to_write = if replace {
        records.iter().collect()
    } else {
        created
    };
    existing.extend(write(to_write)?);
    let ids = records
        .iter()
        .map(|record| {
            let key = key(record);
            existing.get(&key).copied().ok_or_else(|| {
                Error::Invalid(format!(
                    "{key:?} was written but not returned by the database"
                ))
            })
        })
        .collect::<Result<_>>()?;
    Ok((ids, stored))
}

fn store_transcripts(conn: &mut PgConnection, panel: &Genepanel, replace: bool) -> Result<Stored> {
    let names: Vec<&str> = panel.transcripts.iter().map(|t| t.name.as_str()).collect();
    let existing = queries::transcript_ids(conn, &names)?.into_iter().collect();
    let (ids, stored) = store(
        &panel.transcripts,
        |record| record.name.clone(),
        existing,
        replace,
        |records| {
            let rows: Vec<NewTranscript<'_>> = records.into_iter().map(new_transcript).collect();
            Ok(queries::insert_transcripts(conn, &rows, replace)?)
        },
    )?;
    let links: Vec<TranscriptLink<'_>> = panel
        .transcripts
        .iter()
        .zip(ids)
        .map(|(record, transcript_id)| TranscriptLink {
            transcript_id,
            inheritance: &record.inheritance,
        })
        .collect();
    queries::link_transcripts(conn, &panel.name, &panel.version, &links)?;
    Ok(stored)
}

fn new_transcript(record: &TranscriptRecord) -> NewTranscript<'_> {
    NewTranscript {
        gene_id: record.hgnc_id,
        transcript_name: &record.name,
        // ELLA types every deposited transcript as RefSeq, Ensembl ones included.
        kind: TranscriptType::RefSeq,
        genome_reference: GENOME_REFERENCE,
        chromosome: &record.chromosome,
        tx_start: record.tx_start,
        tx_end: record.tx_end,
        strand: &record.strand,
        cds_start: record.cds_start,
        cds_end: record.cds_end,
        exon_starts: &record.exon_starts,
        exon_ends: &record.exon_ends,
        tags: record.tags.as_deref(),
    }
}

/// What identifies a phenotype (`uq_phenotype_gene_id`): gene, description and inheritance.
type PhenotypeIdentity = (i32, String, String);

fn identity(record: &PhenotypeRecord) -> PhenotypeIdentity {
    (
        record.hgnc_id,
        record.description.clone(),
        record.inheritance.clone(),
    )
}

fn identified(stored: queries::PhenotypeKey) -> (PhenotypeIdentity, i32) {
    (
        (stored.gene_id, stored.description, stored.inheritance),
        stored.id,
    )
}

fn store_phenotypes(conn: &mut PgConnection, panel: &Genepanel, replace: bool) -> Result<Stored> {
    let mut gene_ids: Vec<i32> = panel.phenotypes.iter().map(|p| p.hgnc_id).collect();
    gene_ids.sort_unstable();
    gene_ids.dedup();
    let existing = queries::phenotypes_of_genes(conn, &gene_ids)?
        .into_iter()
        .map(identified)
        .collect();
    let (ids, stored) = store(&panel.phenotypes, identity, existing, replace, |records| {
        let rows: Vec<NewPhenotype<'_>> = records
            .into_iter()
            .map(|record| NewPhenotype {
                gene_id: record.hgnc_id,
                description: &record.description,
                inheritance: &record.inheritance,
                omim_id: record.omim_id,
            })
            .collect();
        Ok(queries::insert_phenotypes(conn, &rows, replace)?
            .into_iter()
            .map(identified)
            .collect())
    })?;
    queries::link_phenotypes(conn, &panel.name, &panel.version, &ids)?;
    Ok(stored)
}
