//! Gene panels (api.md §4.8): a panel's genes, the similarity statistics and the custom panel
//! request of the import page.

use ella_db::genepanel_view::{PanelGene, PanelPhenotype, PanelTranscript};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::lax::{LaxInt, LaxString};

/// A panel with its genes (`GET /genepanels/{name}/{version}/`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenepanelDetail {
    /// Panel name.
    pub name: String,
    /// Panel version.
    pub version: String,
    /// Genes with at least one transcript in the panel, by symbol.
    pub genes: Vec<GenepanelGene>,
}

/// A gene of a panel.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenepanelGene {
    /// HGNC id.
    pub hgnc_id: i32,
    /// HGNC symbol.
    pub hgnc_symbol: String,
    /// The panel's transcripts of the gene, by name.
    pub transcripts: Vec<GenepanelTranscript>,
    /// The panel's phenotypes of the gene, by inheritance.
    pub phenotypes: Vec<GenepanelPhenotype>,
    /// Inheritance of the gene in the panel.
    pub inheritance: String,
}

/// A transcript of a panel gene.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenepanelTranscript {
    /// Transcript id.
    pub id: i32,
    /// Name with version.
    pub transcript_name: String,
    /// Tags, or `null`.
    pub tags: Option<Vec<Option<String>>>,
}

/// A phenotype of a panel gene.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenepanelPhenotype {
    /// Phenotype id.
    pub id: i32,
    /// Inheritance.
    pub inheritance: String,
    /// Phenotype text.
    pub description: String,
}

impl GenepanelDetail {
    /// The detail of panel `name` `version` with `genes`.
    pub fn new(name: String, version: String, genes: Vec<PanelGene>) -> Self {
        Self {
            name,
            version,
            genes: genes.into_iter().map(GenepanelGene::from).collect(),
        }
    }
}

impl From<PanelGene> for GenepanelGene {
    fn from(gene: PanelGene) -> Self {
        Self {
            hgnc_id: gene.hgnc_id,
            hgnc_symbol: gene.hgnc_symbol,
            transcripts: gene
                .transcripts
                .into_iter()
                .map(
                    |PanelTranscript {
                         id,
                         transcript_name,
                         tags,
                     }| GenepanelTranscript {
                        id,
                        transcript_name,
                        tags,
                    },
                )
                .collect(),
            phenotypes: gene
                .phenotypes
                .into_iter()
                .map(
                    |PanelPhenotype {
                         id,
                         inheritance,
                         description,
                     }| GenepanelPhenotype {
                        id,
                        inheritance,
                        description,
                    },
                )
                .collect(),
            inheritance: gene.inheritance,
        }
    }
}

/// `GET /genepanels/{name}/{version}/stats/`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GenepanelStats {
    /// Up to five of the group's latest official panels sharing genes with the panel, most
    /// similar first.
    pub overlap: Vec<PanelOverlap>,
}

/// How a candidate panel overlaps the requested one.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PanelOverlap {
    /// Candidate name.
    pub name: String,
    /// Candidate version.
    pub version: String,
    /// Genes of the candidate not in the panel.
    pub addition_cnt: usize,
    /// Genes in both.
    pub overlap_cnt: usize,
    /// Genes of the panel not in the candidate.
    pub missing_cnt: usize,
}

/// `POST /genepanels/`: a custom panel from existing transcripts and phenotypes. ELLA reads this
/// body untyped, so keys it does not look at are allowed at every level.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CustomPanelRequest {
    /// Panel name, not empty.
    pub name: LaxString,
    /// Panel version, not empty.
    pub version: LaxString,
    /// The genes with their inheritance, transcripts and phenotypes.
    pub genes: Vec<CustomPanelGene>,
    /// Names of the groups that get the panel; each must be an import group of the caller's.
    pub usergroups: Vec<LaxString>,
}

/// A gene of a custom panel.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CustomPanelGene {
    /// HGNC id.
    pub hgnc_id: LaxInt,
    /// Inheritance of the gene in the panel.
    pub inheritance: Option<LaxString>,
    /// Transcripts, by id.
    #[serde(default)]
    pub transcripts: Vec<IdOnly>,
    /// Phenotypes, by id.
    #[serde(default)]
    pub phenotypes: Vec<IdOnly>,
}

/// An entity named by its id.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
pub struct IdOnly {
    /// The id.
    pub id: LaxInt,
}
