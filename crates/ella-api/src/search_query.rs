//! The query of `GET /search/` (api.md §4.11): the JSON document `q`, what its free text names
//! (genomic positions, HGVS c./p. names with an optional transcript) and whether it is complete
//! enough to search ("ready").
//!
//! Everything here is pure; the handler turns a ready query into database conditions.

use std::sync::LazyLock;

use ella_db::search::{AlleleSearch, HgvsCriterion, HgvsKind, PositionCriterion};
use regex::Regex;
use serde_json::{Map, Value};

use crate::lax::python_int;
use crate::ApiError;

/// `chr13:100`, `13:100-200`, `X:5`: chromosome and position or range. ELLA's pattern takes
/// `[1-9]{1,2}` as chromosome, which misses 10 and 20; this one takes them (docs/compatibility.md).
static POSITION_WITH_CHROMOSOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:chr)?(?P<chr>[1-9][0-9]?|[XY]|MT):(?P<pos1>[0-9]+)(?:-(?P<pos2>[0-9]+))?$")
        .expect("a valid pattern")
});

/// `100` or `100-200`: a position or range on any chromosome.
static POSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<pos1>[0-9]+)(?:-(?P<pos2>[0-9]+))?$").expect("a valid pattern")
});

/// `g.100` anywhere in the text.
static GENOMIC_POSITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"g\.(?P<pos1>[0-9]+)").expect("a valid pattern"));

/// What to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchType {
    /// Variants.
    Alleles,
    /// Analyses by name.
    Analyses,
}

/// An HGVS name in the free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hgvs {
    /// A protein name (`p.`), as typed.
    Protein(String),
    /// A cDNA name (`c.`), lower-cased.
    Cdna(String),
}

impl Hgvs {
    /// The searched text.
    pub fn text(&self) -> &str {
        match self {
            Self::Protein(text) | Self::Cdna(text) => text,
        }
    }
}

/// What a free text names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FreetextTerms {
    /// Chromosome of a position.
    pub chromosome: Option<String>,
    /// 1-based position, or start of a range.
    pub start: Option<i64>,
    /// End of a range.
    pub end: Option<i64>,
    /// Transcript before the `:` of an HGVS name.
    pub transcript: Option<String>,
    /// The HGVS name.
    pub hgvs: Option<Hgvs>,
}

/// Reads a free text: the position patterns first (their matches merged in order), else an
/// HGVS name, `p.` before `c.` since protein names can contain `c.`.
pub fn parse_freetext(text: &str) -> FreetextTerms {
    // Python's `$` also matches before a final line end.
    let anchored = text.strip_suffix('\n').unwrap_or(text);
    let mut terms = FreetextTerms::default();
    let mut matched = false;
    for captures in [
        POSITION_WITH_CHROMOSOME.captures(anchored),
        POSITION.captures(anchored),
        GENOMIC_POSITION.captures(text),
    ]
    .into_iter()
    .flatten()
    {
        matched = true;
        let number = |name: &str| captures.name(name).map(|found| position(found.as_str()));
        if let Some(chromosome) = captures.name("chr") {
            terms.chromosome = Some(chromosome.as_str().to_owned());
        }
        terms.start = number("pos1");
        terms.end = number("pos2");
    }
    if matched {
        return terms;
    }
    let hgvs = match text.split_once(':') {
        Some((transcript, hgvs)) => {
            terms.transcript = Some(transcript.to_owned());
            hgvs
        }
        None => text,
    };
    let lower = hgvs.to_lowercase();
    terms.hgvs = if lower.contains("p.") {
        Some(Hgvs::Protein(hgvs.to_owned()))
    } else if lower.contains("c.") {
        Some(Hgvs::Cdna(lower))
    } else {
        None
    };
    terms
}

/// A run of digits as a position; one too large for any genome matches nothing anyway.
fn position(digits: &str) -> i64 {
    digits.parse().unwrap_or(i64::MAX)
}

/// A parsed `q` of `GET /search/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// What to search.
    pub kind: SearchType,
    /// The free text, if any (never empty).
    pub freetext: Option<String>,
    /// What the free text names.
    pub terms: FreetextTerms,
    /// The selected gene.
    pub hgnc_id: Option<i32>,
    /// The selected user.
    pub username: Option<String>,
}

impl SearchQuery {
    /// Reads `q`. As in ELLA, a value ELLA fails on is invalid: `q` not a JSON object, a `type`
    /// other than `alleles`/`analyses`, a `gene` without a (non-zero) integer `hgnc_id`, a `user`
    /// without a `username`, a free text that is not a string. Empty values count as absent.
    pub fn parse(text: &str) -> Result<Self, ApiError> {
        let invalid = |what: &str| ApiError::InvalidRequest(format!("search `q`: {what}"));
        let Ok(Value::Object(query)) = serde_json::from_str::<Value>(text) else {
            return Err(invalid("not a JSON object"));
        };
        let kind = match query.get("type").and_then(Value::as_str) {
            Some("alleles") => SearchType::Alleles,
            Some("analyses") => SearchType::Analyses,
            _ => return Err(invalid("`type` is not `alleles` or `analyses`")),
        };
        let username = present(&query, "user")
            .map(|user| match user.get("username") {
                Some(Value::String(name)) if !name.is_empty() => Ok(name.clone()),
                _ => Err(invalid("`user` has no `username`")),
            })
            .transpose()?;
        let hgnc_id = present(&query, "gene")
            .map(|gene| {
                gene.get("hgnc_id")
                    .and_then(lax_i32)
                    .filter(|id| *id != 0)
                    .ok_or_else(|| invalid("`gene` has no `hgnc_id`"))
            })
            .transpose()?;
        let freetext = present(&query, "freetext")
            .map(|text| {
                text.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| invalid("`freetext` is not a string"))
            })
            .transpose()?;
        let terms = freetext.as_deref().map(parse_freetext).unwrap_or_default();
        Ok(Self {
            kind,
            freetext,
            terms,
            hgnc_id,
            username,
        })
    }

    /// Whether the query is complete enough to search (ELLA's `check`): variants need an HGVS
    /// name (with a transcript or gene), a position or a user, and a range needs a chromosome and
    /// must not run backwards; analyses need a free text or a user.
    pub fn is_ready(&self) -> bool {
        let terms = &self.terms;
        match self.kind {
            SearchType::Alleles => {
                if terms.hgvs.is_some() {
                    return terms.transcript.as_deref().is_some_and(|t| !t.is_empty())
                        || self.hgnc_id.is_some();
                }
                if terms.chromosome.is_none() && !truthy(terms.start) && self.username.is_none() {
                    return false;
                }
                match terms.end {
                    Some(end) if end != 0 => {
                        terms.chromosome.is_some() && end >= terms.start.unwrap_or(0)
                    }
                    _ => true,
                }
            }
            SearchType::Analyses => self.freetext.is_some() || self.username.is_some(),
        }
    }
    /// Whether the free text takes part in a variant search: longer than two characters, and the
    /// query is ready.
    pub fn searches_freetext(&self) -> bool {
        self.freetext
            .as_ref()
            .is_some_and(|text| text.chars().count() > 2)
            && self.is_ready()
    }

    /// Whether the free text is a position search (a non-zero start, as ELLA tests it).
    pub fn is_position(&self) -> bool {
        truthy(self.terms.start)
    }

    /// The database criteria of a variant search: the free text's HGVS name or position when
    /// the free text takes part, and the user.
    pub fn allele_search<'a>(&'a self, inclusion_regex: Option<&'a str>) -> AlleleSearch<'a> {
        let freetext = self.searches_freetext();
        let terms = &self.terms;
        let hgvs = terms
            .hgvs
            .as_ref()
            .filter(|_| freetext)
            .map(|hgvs| HgvsCriterion {
                kind: match hgvs {
                    Hgvs::Protein(_) => HgvsKind::Protein,
                    Hgvs::Cdna(_) => HgvsKind::Cdna,
                },
                prefix: hgvs.text(),
                transcript: terms.transcript.as_deref().filter(|name| !name.is_empty()),
                hgnc_id: self.hgnc_id,
                inclusion_regex,
            });
        let position =
            (freetext && hgvs.is_none() && self.is_position()).then(|| PositionCriterion {
                chromosome: terms.chromosome.as_deref(),
                start: terms.start.unwrap_or_default(),
                end: terms.end,
            });
        AlleleSearch {
            hgvs,
            position,
            username: self.username.as_deref(),
        }
    }
}

/// The input of `GET /search/options/`: prefixes of a gene symbol and of a user's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OptionsQuery {
    /// Start of a gene symbol.
    pub gene: Option<String>,
    /// Start of a first or last name.
    pub user: Option<String>,
}

impl OptionsQuery {
    /// Reads `q`: a JSON object whose `gene` and `user`, unless absent or falsy, are strings
    /// (anything else fails in ELLA).
    pub fn parse(text: &str) -> Result<Self, ApiError> {
        let invalid = |what: &str| ApiError::InvalidRequest(format!("search options `q`: {what}"));
        let Ok(Value::Object(query)) = serde_json::from_str::<Value>(text) else {
            return Err(invalid("not a JSON object"));
        };
        let prefix = |key: &str| {
            present(&query, key)
                .map(|value| {
                    value
                        .as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| invalid(&format!("`{key}` is not a string")))
                })
                .transpose()
        };
        Ok(Self {
            gene: prefix("gene")?,
            user: prefix("user")?,
        })
    }
}

/// The value of `key` unless it is absent or falsy in Python's sense.
fn present<'a>(query: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    query.get(key).filter(|value| match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64() != Some(0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(fields) => !fields.is_empty(),
    })
}

/// An integer the database compares with an integer column: a JSON integer or a numeric string.
fn lax_i32(value: &Value) -> Option<i32> {
    let number = match value {
        Value::Number(number) => number.as_i64()?,
        Value::String(text) => python_int(text)?,
        _ => return None,
    };
    i32::try_from(number).ok()
}

/// Python's truth of an optional integer.
fn truthy(number: Option<i64>) -> bool {
    number.is_some_and(|number| number != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> FreetextTerms {
        parse_freetext(text)
    }

    fn position(chromosome: Option<&str>, start: i64, end: Option<i64>) -> FreetextTerms {
        FreetextTerms {
            chromosome: chromosome.map(str::to_owned),
            start: Some(start),
            end,
            ..FreetextTerms::default()
        }
    }

    #[test]
    fn positions_with_and_without_chromosome() {
        assert_eq!(terms("13:32890572"), position(Some("13"), 32_890_572, None));
        assert_eq!(terms("chr13:100-300"), position(Some("13"), 100, Some(300)));
        assert_eq!(terms("X:5"), position(Some("X"), 5, None));
        assert_eq!(terms("MT:5-6"), position(Some("MT"), 5, Some(6)));
        assert_eq!(terms("10:5"), position(Some("10"), 5, None));
        assert_eq!(terms("20:5"), position(Some("20"), 5, None));
        assert_eq!(
            terms("465234-834234"),
            position(None, 465_234, Some(834_234))
        );
        assert_eq!(terms("123456"), position(None, 123_456, None));
        assert_eq!(terms("123456\n"), position(None, 123_456, None));
        assert_eq!(
            terms("NC_000013.10:g.32890572G>A"),
            position(None, 32_890_572, None)
        );
        assert_eq!(
            terms("99999999999999999999"),
            position(None, i64::MAX, None)
        );
    }

    #[test]
    fn not_positions() {
        // Chromosome 0, lower-case x, a position with letters: none is a position.
        for text in ["0:5", "x:5", "chr13:5a", "13:", "chr13"] {
            let found = terms(text);
            assert_eq!(found.start, None, "{text}");
            assert_eq!(found.chromosome, None, "{text}");
        }
    }

    #[test]
    fn hgvs_names() {
        assert_eq!(
            terms("c.1312A>G"),
            FreetextTerms {
                hgvs: Some(Hgvs::Cdna("c.1312a>g".into())),
                ..FreetextTerms::default()
            }
        );
        assert_eq!(
            terms("NM_000059.3:C.1312A>G"),
            FreetextTerms {
                transcript: Some("NM_000059.3".into()),
                hgvs: Some(Hgvs::Cdna("c.1312a>g".into())),
                ..FreetextTerms::default()
            }
        );
        // `p.` wins over the `c.` inside a protein name, and keeps its case.
        assert_eq!(
            terms("NP_1:p.Ser309PhefsTer6c.x").hgvs,
            Some(Hgvs::Protein("p.Ser309PhefsTer6c.x".into()))
        );
        assert_eq!(
            terms("P.Arg12Ter").hgvs,
            Some(Hgvs::Protein("P.Arg12Ter".into()))
        );
        // Only the first `:` separates the transcript.
        let two = terms("NM_1:c.1:2");
        assert_eq!(two.transcript.as_deref(), Some("NM_1"));
        assert_eq!(two.hgvs, Some(Hgvs::Cdna("c.1:2".into())));
        let neither = terms("BRCA2");
        assert_eq!(neither, FreetextTerms::default());
    }

    fn query(q: &str) -> SearchQuery {
        SearchQuery::parse(q).unwrap_or_else(|error| panic!("{q}: {error}"))
    }

    #[test]
    fn readiness_of_variant_searches() {
        let ready = |q: &str| query(q).is_ready();
        assert!(!ready(r#"{"type": "alleles"}"#));
        assert!(!ready(r#"{"type": "alleles", "freetext": "BRCA2"}"#));
        assert!(!ready(r#"{"type": "alleles", "freetext": "c.123A>G"}"#));
        assert!(ready(
            r#"{"type": "alleles", "freetext": "c.123A>G", "gene": {"hgnc_id": 1101, "symbol": "BRCA2"}}"#
        ));
        assert!(ready(
            r#"{"type": "alleles", "freetext": "NM_000059:c.123A>G"}"#
        ));
        assert!(!ready(r#"{"type": "alleles", "freetext": ":c.123A>G"}"#));
        assert!(ready(r#"{"type": "alleles", "freetext": "13:100"}"#));
        assert!(ready(r#"{"type": "alleles", "freetext": "100"}"#));
        assert!(ready(r#"{"type": "alleles", "freetext": "13:100-300"}"#));
        assert!(!ready(r#"{"type": "alleles", "freetext": "13:300-100"}"#));
        assert!(!ready(r#"{"type": "alleles", "freetext": "100-300"}"#));
        assert!(!ready(r#"{"type": "alleles", "freetext": "0"}"#));
        assert!(ready(
            r#"{"type": "alleles", "freetext": null, "user": {"username": "testuser1"}}"#
        ));
    }

    #[test]
    fn readiness_of_analysis_searches() {
        let ready = |q: &str| query(q).is_ready();
        assert!(!ready(
            r#"{"type": "analyses", "freetext": "", "gene": null, "user": null}"#
        ));
        assert!(ready(r#"{"type": "analyses", "freetext": "e2"}"#));
        assert!(ready(
            r#"{"type": "analyses", "user": {"username": "u", "first_name": "A"}}"#
        ));
    }

    #[test]
    fn freetext_takes_part_when_longer_than_two() {
        let with_user = |text: &str| {
            query(&format!(
                r#"{{"type": "alleles", "freetext": "{text}", "user": {{"username": "u"}}}}"#
            ))
        };
        assert!(!with_user("12").searches_freetext());
        assert!(with_user("123").searches_freetext());
        assert!(with_user("123").is_position());
        assert!(!with_user("abc").is_position());
    }

    #[test]
    fn variant_criteria() {
        let hgvs = query(
            r#"{"type": "alleles", "freetext": "NM_000059.3:c.72A>T", "gene": {"hgnc_id": 1101}}"#,
        );
        assert_eq!(
            hgvs.allele_search(Some("NM_.*")),
            AlleleSearch {
                hgvs: Some(HgvsCriterion {
                    kind: HgvsKind::Cdna,
                    prefix: "c.72a>t",
                    transcript: Some("NM_000059.3"),
                    hgnc_id: Some(1101),
                    inclusion_regex: Some("NM_.*"),
                }),
                position: None,
                username: None,
            }
        );
        let range =
            query(r#"{"type": "alleles", "freetext": "13:100-300", "user": {"username": "u"}}"#);
        assert_eq!(
            range.allele_search(None),
            AlleleSearch {
                hgvs: None,
                position: Some(PositionCriterion {
                    chromosome: Some("13"),
                    start: 100,
                    end: Some(300),
                }),
                username: Some("u"),
            }
        );
        // Two characters do not take part; the user alone does.
        let short = query(r#"{"type": "alleles", "freetext": "12", "user": {"username": "u"}}"#);
        assert_eq!(
            short.allele_search(None),
            AlleleSearch {
                username: Some("u"),
                ..AlleleSearch::default()
            }
        );
        // A protein name with a gene and an empty transcript: the transcript is ignored.
        let protein =
            query(r#"{"type": "alleles", "freetext": ":p.Arg12Ter", "gene": {"hgnc_id": 1}}"#);
        let criterion = protein.allele_search(None).hgvs.unwrap();
        assert_eq!(
            (criterion.kind, criterion.prefix, criterion.transcript),
            (HgvsKind::Protein, "p.Arg12Ter", None)
        );
    }

    #[test]
    fn options_take_string_prefixes() {
        let query = OptionsQuery::parse(r#"{"gene": "brc", "user": ""}"#).unwrap();
        assert_eq!(query.gene.as_deref(), Some("brc"));
        assert_eq!(query.user, None);
        assert_eq!(OptionsQuery::parse("{}").unwrap(), OptionsQuery::default());
        assert_eq!(
            OptionsQuery::parse(r#"{"gene": null, "user": false}"#).unwrap(),
            OptionsQuery::default()
        );
        for q in ["null", "[]", "{", r#"{"gene": 1}"#, r#"{"user": {"x": 1}}"#] {
            assert!(OptionsQuery::parse(q).is_err(), "{q}");
        }
    }

    #[test]
    fn invalid_queries() {
        for q in [
            "",
            "[]",
            "\"alleles\"",
            "{",
            r#"{"freetext": "x"}"#,
            r#"{"type": "variants"}"#,
            r#"{"type": "alleles", "user": {"name": "x"}}"#,
            r#"{"type": "alleles", "user": "testuser1"}"#,
            r#"{"type": "alleles", "gene": {"symbol": "BRCA2"}}"#,
            r#"{"type": "alleles", "gene": {"hgnc_id": "BRCA2"}}"#,
            r#"{"type": "alleles", "gene": {"hgnc_id": 0}}"#,
            r#"{"type": "alleles", "freetext": 123}"#,
        ] {
            assert!(SearchQuery::parse(q).is_err(), "{q}");
        }
        let coerced = query(r#"{"type": "alleles", "gene": {"hgnc_id": "1101"}}"#);
        assert_eq!(coerced.hgnc_id, Some(1101));
    }
}
