//! Search (api.md §4.11): the results of `GET /search/` and the suggestions of
//! `GET /search/options/`.

use chrono::{DateTime, Utc};
use ella_db::search::{AlleleHit, GeneOption as GeneRow, UserOption as UserRow};
use serde::Serialize;
use utoipa::ToSchema;

use super::alleles::{Allele, AssessmentForm};
use super::overviews::{AlleleInterpretationOverview, OverviewAnalysis};

/// The results of a search; only the list of the searched type is filled.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct SearchResults {
    /// Variant hits.
    pub alleles: Vec<SearchAllele>,
    /// Analysis hits, each with its rounds by `date_last_update`.
    pub analyses: Vec<OverviewAnalysis>,
}

/// The suggestions; a key is present only for a prefix that was given.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct SearchOptions {
    /// Genes of the caller's panels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gene: Option<Vec<GeneOption>>,
    /// Users of the caller's group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Vec<UserOption>>,
}

/// A gene suggestion.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GeneOption {
    /// HGNC symbol.
    pub symbol: String,
    /// HGNC id.
    pub hgnc_id: i32,
}

impl From<GeneRow> for GeneOption {
    fn from(gene: GeneRow) -> Self {
        Self {
            symbol: gene.symbol,
            hgnc_id: gene.hgnc_id,
        }
    }
}

/// A user suggestion.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserOption {
    /// User name.
    pub username: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
}

impl From<UserRow> for UserOption {
    fn from(user: UserRow) -> Self {
        Self {
            username: user.username,
            first_name: user.first_name,
            last_name: user.last_name,
        }
    }
}

/// A variant hit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchAllele {
    /// The allele, with `filtered_transcripts` from the caller's official panels.
    pub allele: Allele,
    /// All its rounds, by `date_last_update`.
    pub interpretations: Vec<AlleleInterpretationOverview>,
}

impl SearchAllele {
    /// The wire form of `hit`; `now` as for [`Allele::new`].
    pub fn new(hit: AlleleHit, now: DateTime<Utc>) -> Self {
        Self {
            allele: Allele::new(hit.allele, AssessmentForm::Overview, now),
            interpretations: hit.rounds.into_iter().map(Into::into).collect(),
        }
    }
}
