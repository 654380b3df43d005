//! Search (api.md §4.11): analyses by name and user, and the gene and user suggestions of the
//! search box.
//!
//! Text typed by the user is matched literally: `%`, `_` and `\` are escaped before they reach
//! a `LIKE` pattern ([`like_literal`]).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4, Nullable, Text};

use crate::worklist::{self, OverviewAnalysis};
use crate::Result;

/// How many suggestions `GET /search/options/` gives per kind.
const OPTION_LIMIT: i64 = 20;

/// `text` with the `LIKE` wildcards and the escape character escaped (default escape `\`).
pub fn like_literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The analyses an analysis search looks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnalysisSearch<'a> {
    /// Text the name contains, compared case-insensitively.
    pub name_contains: Option<&'a str>,
    /// User name of a user who has a round of the analysis.
    pub username: Option<&'a str>,
}

/// An analysis id selected by a search.
#[derive(Debug, QueryableByName)]
struct FoundId {
    #[diesel(sql_type = Int4)]
    id: i32,
}

/// The analyses of `group_id`'s gene panels (official or not) that match `search`, at most `limit`
/// of them, by id.
pub fn analysis_ids(
    conn: &mut PgConnection,
    group_id: i32,
    search: AnalysisSearch<'_>,
    limit: Option<i64>,
) -> Result<Vec<i32>> {
    let found: Vec<FoundId> = diesel::sql_query(
        "SELECT analysis.id FROM analysis \
         WHERE (genepanel_name, genepanel_version) IN \
               (SELECT genepanel_name, genepanel_version FROM usergroupgenepanel \
                WHERE usergroup_id = $1) \
           AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%') \
           AND ($3::text IS NULL OR EXISTS \
               (SELECT 1 FROM analysisinterpretation AS round \
                JOIN \"user\" ON \"user\".id = round.user_id \
                WHERE round.analysis_id = analysis.id AND \"user\".username = $3)) \
         ORDER BY analysis.id LIMIT $4",
    )
    .bind::<Int4, _>(group_id)
    .bind::<Nullable<Text>, _>(search.name_contains.map(like_literal))
    .bind::<Nullable<Text>, _>(search.username)
    .bind::<Nullable<BigInt>, _>(limit)
    .load(conn)?;
    Ok(found.into_iter().map(|found| found.id).collect())
}

/// The analyses `ids` as search hits: newest (`date_requested`, else `date_deposited`) first,
/// each with its rounds by `date_last_update` (api.md §4.11).
pub fn analysis_hits(conn: &mut PgConnection, ids: &[i32]) -> Result<Vec<OverviewAnalysis>> {
    let mut hits = worklist::overview_analyses(conn, ids)?;
    hits.sort_by_key(|hit| {
        let analysis = &hit.view.analysis;
        std::cmp::Reverse(analysis.date_requested.unwrap_or(analysis.date_deposited))
    });
    for hit in &mut hits {
        hit.view
            .interpretations
            .sort_by_key(|round| round.interpretation.date_last_update);
    }
    Ok(hits)
}

/// A gene suggestion.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct GeneOption {
    /// HGNC symbol.
    #[diesel(sql_type = Text)]
    pub symbol: String,
    /// HGNC id.
    #[diesel(sql_type = Int4)]
    pub hgnc_id: i32,
}

/// Up to 20 genes with a transcript in one of `group_id`'s panels whose symbol starts with
/// `prefix` (any case), by symbol.
pub fn gene_options(
    conn: &mut PgConnection,
    group_id: i32,
    prefix: &str,
) -> Result<Vec<GeneOption>> {
    Ok(diesel::sql_query(
        "SELECT DISTINCT gene.hgnc_symbol AS symbol, gene.hgnc_id FROM gene \
         JOIN transcript ON transcript.gene_id = gene.hgnc_id \
         JOIN genepanel_transcript AS panel ON panel.transcript_id = transcript.id \
         JOIN usergroupgenepanel AS own \
              ON (own.genepanel_name, own.genepanel_version) \
               = (panel.genepanel_name, panel.genepanel_version) \
         WHERE own.usergroup_id = $1 AND lower(gene.hgnc_symbol) LIKE lower($2) || '%' \
         ORDER BY gene.hgnc_symbol, gene.hgnc_id LIMIT $3",
    )
    .bind::<Int4, _>(group_id)
    .bind::<Text, _>(like_literal(prefix))
    .bind::<BigInt, _>(OPTION_LIMIT)
    .load(conn)?)
}

/// A user suggestion.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct UserOption {
    /// User name.
    #[diesel(sql_type = Text)]
    pub username: String,
    /// First name.
    #[diesel(sql_type = Text)]
    pub first_name: String,
    /// Last name.
    #[diesel(sql_type = Text)]
    pub last_name: String,
}

/// Up to 20 users of `group_id` whose first or last name starts with `prefix` (any case), by
/// last name.
pub fn user_options(
    conn: &mut PgConnection,
    group_id: i32,
    prefix: &str,
) -> Result<Vec<UserOption>> {
    Ok(diesel::sql_query(
        "SELECT username, first_name, last_name FROM \"user\" \
         WHERE group_id = $1 AND (first_name ILIKE $2 || '%' OR last_name ILIKE $2 || '%') \
         ORDER BY last_name, id LIMIT $3",
    )
    .bind::<Int4, _>(group_id)
    .bind::<Text, _>(like_literal(prefix))
    .bind::<BigInt, _>(OPTION_LIMIT)
    .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_are_escaped() {
        assert_eq!(like_literal("c.123_125del"), r"c.123\_125del");
        assert_eq!(like_literal(r"50%\x"), r"50\%\\x");
        assert_eq!(like_literal("BRCA"), "BRCA");
    }
}
