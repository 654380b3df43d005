//! PubMed records pasted into the "add reference" dialog (api.md §4.9): PubMed XML
//! (`<PubmedArticle>` or `<PubmedBookArticle>`) or MEDLINE text, read into the columns of a
//! reference as ELLA reads them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use roxmltree::{Document, Node};

/// Publication types that MEDLINE text formats as a journal article.
const JOURNAL_TYPES: &[&str] = &[
    "Journal Article",
    "Case Reports",
    "Letter",
    "Editorial",
    "News",
    "Congress",
    "Introductory Journal Article",
    "Published Erratum",
    "Retraction of Publication",
];

/// A reference read from a PubMed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubmedReference {
    /// PubMed id.
    pub pubmed_id: i32,
    /// `First`, `First & Second` or `First et al.`.
    pub authors: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Journal, volume, issue and pages, or the book's publication details.
    pub journal: Option<String>,
    /// Abstract, labelled parts on their own lines.
    pub abstract_text: Option<String>,
    /// Year, or MEDLINE's free-text date.
    pub year: Option<String>,
}

/// Why a record cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PubmedError {
    /// The XML is not well-formed.
    #[error("not well-formed XML: {0}")]
    Xml(String),
    /// The record lacks something it must have.
    #[error("the record has no {0}")]
    Missing(&'static str),
    /// MEDLINE text of a publication type ELLA does not read.
    #[error("unsupported publication type")]
    UnsupportedType,
}

/// Reads a record: XML when it starts with `<`, MEDLINE text otherwise.
pub fn parse(data: &str) -> Result<PubmedReference, PubmedError> {
    if data.trim_start().starts_with('<') {
        parse_xml(data)
    } else {
        parse_medline(data)
    }
}

/// `First & Second` for one or two authors, `First et al.` for more, `None` for none.
fn author_line(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [_] | [_, _] => Some(names.join(" & ")),
        [first, ..] => Some(format!("{first} et al.")),
    }
}

/// `text` without trailing `:`, `,` and spaces; `None` when nothing is left.
fn trimmed_journal(text: &str) -> Option<String> {
    let text = text.trim_end_matches([':', ',', ' ']);
    (!text.is_empty()).then(|| text.to_owned())
}

fn parse_pmid(text: Option<String>) -> Result<i32, PubmedError> {
    text.and_then(|pmid| pmid.trim().parse().ok())
        .ok_or(PubmedError::Missing("PMID"))
}

// --- XML ---------------------------------------------------------------------------------------

/// The child element `name` of `node`.
fn child<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.children()
        .find(|child| child.is_element() && child.has_tag_name(name))
}

/// The element at `path` (child names) below `node`.
fn at<'a>(node: Node<'a, 'a>, path: &[&str]) -> Option<Node<'a, 'a>> {
    path.iter().try_fold(node, |node, name| child(node, name))
}

/// All text below `node`, trimmed; `None` when empty.
fn text_of(node: Option<Node<'_, '_>>) -> Option<String> {
    let node = node?;
    let text: String = node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|text| text.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The names of an `AuthorList`: `LastName` (or `CollectiveName`) and the initials.
fn xml_names(list: Node<'_, '_>) -> Vec<String> {
    list.children()
        .filter(|node| node.has_tag_name("Author"))
        .filter_map(|author| {
            let name = text_of(child(author, "LastName"))
                .or_else(|| text_of(child(author, "CollectiveName")))?;
            Some(match text_of(child(author, "Initials")) {
                Some(initials) => format!("{name} {initials}"),
                None => name,
            })
        })
        .collect()
}

/// The year of a `PubDate`: `Year`, else `MedlineDate`.
fn xml_year(pub_date: Option<Node<'_, '_>>) -> Option<String> {
    let pub_date = pub_date?;
    text_of(child(pub_date, "Year")).or_else(|| text_of(child(pub_date, "MedlineDate")))
}

/// The labelled parts of an `Abstract`, one per line.
fn xml_abstract(node: Option<Node<'_, '_>>) -> Option<String> {
    let parts: Vec<String> = node?
        .children()
        .filter(|node| node.has_tag_name("AbstractText"))
        .filter_map(|part| {
            let text = text_of(Some(part))?;
            Some(match part.attribute("Label") {
                Some(label) => format!("{label}: {text}"),
                None => text,
            })
        })
        .collect();
    let text = parts.join("\n");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Reads PubMed XML. The basic formatting tags `<i>`, `<b>` and `<u>` are removed first.
fn parse_xml(data: &str) -> Result<PubmedReference, PubmedError> {
    static FORMATTING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"</?[ibu]>").expect("valid regex"));
    let data = FORMATTING.replace_all(data, "");
    let document = Document::parse(&data).map_err(|error| PubmedError::Xml(error.to_string()))?;
    let root = document.root();
    if let Some(article) = root
        .descendants()
        .find(|node| node.has_tag_name("PubmedArticle"))
    {
        xml_article(article)
    } else if let Some(book) = root
        .descendants()
        .find(|node| node.has_tag_name("PubmedBookArticle"))
    {
        xml_book(book)
    } else {
        Err(PubmedError::Missing("PubmedArticle or PubmedBookArticle"))
    }
}

fn xml_article(node: Node<'_, '_>) -> Result<PubmedReference, PubmedError> {
    let citation = child(node, "MedlineCitation").ok_or(PubmedError::Missing("MedlineCitation"))?;
    let article = child(citation, "Article").ok_or(PubmedError::Missing("Article"))?;
    let journal = child(article, "Journal");
    let issue = journal.and_then(|journal| child(journal, "JournalIssue"));
    let mut journal_text = String::new();
    if let Some(name) = journal.and_then(|journal| {
        text_of(child(journal, "ISOAbbreviation")).or_else(|| text_of(child(journal, "Title")))
    }) {
        write!(journal_text, "{name}: ").expect("write to a String");
    }
    if let Some(volume) = issue.and_then(|issue| text_of(child(issue, "Volume"))) {
        journal_text.push_str(&volume);
    }
    if let Some(number) = issue.and_then(|issue| text_of(child(issue, "Issue"))) {
        write!(journal_text, "({number})").expect("write to a String");
    }
    if let Some(pages) = text_of(at(article, &["Pagination", "MedlinePgn"])) {
        write!(journal_text, ", {pages}").expect("write to a String");
    }
    Ok(PubmedReference {
        pubmed_id: parse_pmid(text_of(child(citation, "PMID")))?,
        authors: child(article, "AuthorList").and_then(|list| author_line(&xml_names(list))),
        title: text_of(child(article, "ArticleTitle")),
        journal: trimmed_journal(&journal_text),
        abstract_text: xml_abstract(child(article, "Abstract")),
        year: xml_year(issue.and_then(|issue| child(issue, "PubDate"))),
    })
}

fn xml_book(node: Node<'_, '_>) -> Result<PubmedReference, PubmedError> {
    let document = child(node, "BookDocument").ok_or(PubmedError::Missing("BookDocument"))?;
    let book = child(document, "Book");
    let lists: Vec<Node<'_, '_>> = [Some(document), book]
        .into_iter()
        .flatten()
        .flat_map(|parent| {
            parent
                .children()
                .filter(|node| node.has_tag_name("AuthorList"))
        })
        .collect();
    let is_editors = |list: &Node<'_, '_>| list.attribute("Type") == Some("editors");
    let editors: Vec<String> = lists
        .iter()
        .filter(|list| is_editors(list))
        .flat_map(|list| xml_names(*list))
        .collect();
    let authors: Vec<String> = lists
        .iter()
        .filter(|list| !is_editors(list))
        .flat_map(|list| xml_names(*list))
        .collect();
    let book_title = book.and_then(|book| text_of(child(book, "BookTitle")));
    let chapter_title = text_of(child(document, "ArticleTitle"));
    let collection_title = book.and_then(|book| text_of(child(book, "CollectionTitle")));
    let mut parts = Vec::new();
    if let Some(line) = author_line(&editors) {
        let role = if editors.len() == 1 {
            "(ed)."
        } else {
            "(eds)."
        };
        parts.push(format!("{line} {role}"));
    }
    if chapter_title.is_some() {
        parts.extend(book_title.clone());
    }
    parts.extend(collection_title.clone());
    if let Some(publisher) = book.and_then(|book| child(book, "Publisher")) {
        parts.extend(text_of(child(publisher, "PublisherName")));
        parts.extend(text_of(child(publisher, "PublisherLocation")));
    }
    let prefix = if editors.is_empty() && collection_title.is_none() {
        ""
    } else {
        "In: "
    };
    let journal = format!("{prefix}{}", parts.join(", "));
    Ok(PubmedReference {
        pubmed_id: parse_pmid(text_of(child(document, "PMID")))?,
        authors: author_line(&authors),
        title: chapter_title.or(book_title),
        journal: trimmed_journal(&journal).map(|journal| format!("{journal}.")),
        abstract_text: xml_abstract(child(document, "Abstract")),
        year: xml_year(book.and_then(|book| child(book, "PubDate"))),
    })
}

// --- MEDLINE text ------------------------------------------------------------------------------

/// The tags of MEDLINE text (`XXXX- value`, continuation lines indented) with their values.
fn medline_tags(text: &str) -> HashMap<String, Vec<String>> {
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    let mut last: Option<String> = None;
    for line in text.lines() {
        if line.starts_with(' ') {
            if let Some(value) = last
                .as_ref()
                .and_then(|tag| tags.get_mut(tag))
                .and_then(|values| values.last_mut())
            {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((tag, value)) = line.split_once('-') {
            let tag = tag.trim().to_owned();
            if tag.is_empty() || tag.len() > 4 {
                continue;
            }
            tags.entry(tag.clone())
                .or_default()
                .push(value.trim().to_owned());
            last = Some(tag);
        }
    }
    tags
}

/// Replaces the HTML entities MEDLINE text may carry (`&amp;`, `&#39;`, ...).
fn unescape_html(text: &str) -> String {
    static ENTITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-z]+);").expect("valid regex"));
    ENTITY
        .replace_all(text, |captures: &regex::Captures<'_>| {
            let name = &captures[1];
            let decoded = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| name.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            };
            decoded.map_or_else(|| captures[0].to_owned(), String::from)
        })
        .into_owned()
}

/// Reads MEDLINE text.
fn parse_medline(data: &str) -> Result<PubmedReference, PubmedError> {
    static SECTION_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r" ([A-Z][A-Z /]+[A-Z]): ").expect("valid regex"));
    let tags = medline_tags(&unescape_html(data));
    let first = |tag: &str| tags.get(tag).and_then(|values| values.first()).cloned();
    let all = |tag: &str| tags.get(tag).cloned().unwrap_or_default();
    let mut authors = all("AU");
    if authors.is_empty() {
        authors = all("CN");
    }
    let authors = author_line(&authors).unwrap_or_else(|| "N/A".to_owned());
    let types = all("PT");
    let publisher = || match (first("PB"), first("PL")) {
        (Some(name), Some(place)) => Some(format!("{name}, {place}.")),
        (Some(name), None) => Some(name),
        _ => None,
    };
    let (title, journal) = if types
        .iter()
        .any(|kind| JOURNAL_TYPES.contains(&kind.as_str()))
    {
        let name = first("TA").or_else(|| first("JT")).unwrap_or_default();
        let mut journal = format!("{name}: {}", first("VI").unwrap_or_default());
        if let Some(issue) = first("IP") {
            write!(journal, "({issue})").expect("write to a String");
        }
        if let Some(pages) = first("PG") {
            write!(journal, ", {pages}").expect("write to a String");
        }
        (first("TI"), journal)
    } else if types.iter().any(|kind| kind == "Book Chapter") {
        let editors = all("ED");
        let mut journal = String::new();
        if let Some(editor) = editors.first() {
            let more = if editors.len() > 1 { " et al." } else { "" };
            write!(journal, "In: {editor}{more} (eds)., ").expect("write to a String");
        }
        journal.push_str(&first("BTI").unwrap_or_default());
        if let Some(publisher) = publisher() {
            write!(journal, ", {publisher}").expect("write to a String");
        }
        (first("TI"), journal)
    } else if types.iter().any(|kind| kind == "Book") {
        (first("BTI"), publisher().unwrap_or_default())
    } else {
        return Err(PubmedError::UnsupportedType);
    };
    Ok(PubmedReference {
        pubmed_id: parse_pmid(first("PMID"))?,
        authors: Some(authors),
        title,
        journal: trimmed_journal(&journal),
        abstract_text: first("AB")
            .map(|text| SECTION_LABEL.replace_all(&text, "\n$1: ").trim().to_owned()),
        year: first("DP"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<?xml version="1.0"?>
<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">25741868</PMID>
<Article><Journal><JournalIssue><Volume>17</Volume><Issue>5</Issue>
<PubDate><Year>2015</Year><Month>May</Month></PubDate></JournalIssue>
<Title>Genetics in medicine</Title><ISOAbbreviation>Genet Med</ISOAbbreviation></Journal>
<ArticleTitle>Standards and guidelines for the <i>interpretation</i> of sequence variants.</ArticleTitle>
<Pagination><MedlinePgn>405-24</MedlinePgn></Pagination>
<Abstract><AbstractText Label="BACKGROUND">Some text.</AbstractText><AbstractText>More.</AbstractText></Abstract>
<AuthorList><Author><LastName>Richards</LastName><Initials>S</Initials></Author>
<Author><LastName>Aziz</LastName><Initials>N</Initials></Author>
<Author><CollectiveName>ACMG Laboratory Quality Assurance Committee</CollectiveName></Author></AuthorList>
</Article></MedlineCitation></PubmedArticle>"#;

    #[test]
    fn articles_from_xml() {
        let reference = parse(ARTICLE).unwrap();
        assert_eq!(
            reference,
            PubmedReference {
                pubmed_id: 25_741_868,
                authors: Some("Richards S et al.".into()),
                title: Some(
                    "Standards and guidelines for the interpretation of sequence variants.".into()
                ),
                journal: Some("Genet Med: 17(5), 405-24".into()),
                abstract_text: Some("BACKGROUND: Some text.\nMore.".into()),
                year: Some("2015".into()),
            }
        );
    }

    #[test]
    fn books_from_xml() {
        let book = r#"<PubmedBookArticle><BookDocument><PMID>20301425</PMID>
<ArticleTitle>BRCA1- and BRCA2-Associated Hereditary Breast and Ovarian Cancer</ArticleTitle>
<Book><Publisher><PublisherName>University of Washington, Seattle</PublisherName><PublisherLocation>Seattle (WA)</PublisherLocation></Publisher>
<BookTitle>GeneReviews</BookTitle><PubDate><Year>1993</Year></PubDate>
<AuthorList Type="editors"><Author><LastName>Adam</LastName><Initials>MP</Initials></Author>
<Author><LastName>Ardinger</LastName><Initials>HH</Initials></Author><Author><LastName>Pagon</LastName><Initials>RA</Initials></Author></AuthorList></Book>
<AuthorList Type="authors"><Author><LastName>Petrucelli</LastName><Initials>N</Initials></Author><Author><LastName>Daly</LastName><Initials>MB</Initials></Author></AuthorList>
</BookDocument></PubmedBookArticle>"#;
        let reference = parse(book).unwrap();
        assert_eq!(reference.pubmed_id, 20_301_425);
        assert_eq!(reference.authors.as_deref(), Some("Petrucelli N & Daly MB"));
        assert_eq!(
            reference.journal.as_deref(),
            Some("In: Adam MP et al. (eds)., GeneReviews, University of Washington, Seattle, Seattle (WA).")
        );
        assert_eq!(reference.year.as_deref(), Some("1993"));
    }

    #[test]
    fn journal_articles_from_medline_text() {
        let text = "PMID- 25741868\nTI  - Standards and guidelines for the interpretation of\n      sequence variants.\nAB  - BACKGROUND: One. METHODS: Two &amp; three.\nDP  - 2015 May\nAU  - Richards S\nAU  - Aziz N\nPT  - Journal Article\nTA  - Genet Med\nVI  - 17\nIP  - 5\nPG  - 405-24\n";
        let reference = parse(text).unwrap();
        assert_eq!(reference.pubmed_id, 25_741_868);
        assert_eq!(
            reference.title.as_deref(),
            Some("Standards and guidelines for the interpretation of sequence variants.")
        );
        assert_eq!(reference.authors.as_deref(), Some("Richards S & Aziz N"));
        assert_eq!(
            reference.journal.as_deref(),
            Some("Genet Med: 17(5), 405-24")
        );
        assert_eq!(
            reference.abstract_text.as_deref(),
            Some("BACKGROUND: One.\nMETHODS: Two & three.")
        );
        assert_eq!(reference.year.as_deref(), Some("2015 May"));
    }

    #[test]
    fn unreadable_records_are_errors() {
        assert!(parse("<PubmedArticle>").is_err());
        assert!(parse("<Other/>").is_err());
        assert_eq!(
            parse("PMID- 1\nPT  - Review\n"),
            Err(PubmedError::UnsupportedType)
        );
        assert!(parse("TI  - no id\nPT  - Letter\n").is_err());
    }
}
