//! The tab-separated text shared by every gene panel file: comment lines, a header line that
//! names the columns (matched by name, in any order), and data lines read through typed accessors
//! whose errors name the file, the line and the column.

use std::collections::HashMap;
use std::path::Path;

use crate::{Error, Result};

/// How a header line is marked.
#[derive(Debug, Clone, Copy)]
pub(super) enum Marker {
    /// It starts with `#` (which is not part of the first column's name).
    Hash,
    /// It starts with the first column's name.
    Bare,
    /// Either of the above.
    Either,
}

/// What a header line of one file layout looks like.
#[derive(Debug, Clone, Copy)]
pub(super) struct HeaderRule {
    /// Name of the first column.
    pub first_column: &'static str,
    /// How the line is marked.
    pub marker: Marker,
}

impl HeaderRule {
    /// The header's text without its `#`, when `line` is this header.
    fn columns(self, line: &str) -> Option<&str> {
        let without_hash = line.strip_prefix('#');
        let text = match self.marker {
            Marker::Hash => without_hash?,
            Marker::Bare => line,
            Marker::Either => without_hash.unwrap_or(line),
        };
        text.starts_with(self.first_column).then_some(text)
    }

    /// How the header starts, for error messages.
    fn start(self) -> String {
        match self.marker {
            Marker::Hash => format!("#{}", self.first_column),
            Marker::Bare | Marker::Either => self.first_column.to_owned(),
        }
    }
}

/// The header line that was found.
#[derive(Debug)]
struct Header<'a> {
    /// 1-based line number.
    line: usize,
    /// Index of the rule it matched.
    rule: usize,
    /// Column name → field index.
    columns: HashMap<&'a str, usize>,
}

/// A parsed file: its header (if any) and its data lines, split into trimmed fields.
#[derive(Debug)]
pub(super) struct Table<'a> {
    path: &'a Path,
    header: Option<Header<'a>>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    /// Splits `content` (the text of `path`). The header is the first line that one of `rules`
    /// accepts; other lines starting with `#` are comments. A data line before the header, or a
    /// blank line after it, is an error. A file with no header and no data has no rows.
    pub(super) fn parse(content: &'a str, path: &'a Path, rules: &[HeaderRule]) -> Result<Self> {
        let mut table = Self {
            path,
            header: None,
            rows: Vec::new(),
        };
        for (index, line) in content.lines().enumerate() {
            let number = index + 1;
            if table.header.is_none() {
                table.header = find_header(line, number, rules);
                if table.header.is_some() || line.starts_with('#') {
                    continue;
                }
                return Err(table.error(
                    number,
                    format!(
                        "No valid header found. Make sure the file header starts with '{}'.",
                        rules.first().map(|rule| rule.start()).unwrap_or_default()
                    ),
                ));
            }
            if line.starts_with('#') {
                continue;
            }
            if line.trim().is_empty() {
                return Err(table.error(number, "blank line".to_owned()));
            }
            table
                .rows
                .push((number, line.split('\t').map(str::trim).collect()));
        }
        Ok(table)
    }

    /// Index of the header rule that matched, `None` when the file has no header.
    pub(super) fn matched_rule(&self) -> Option<usize> {
        self.header.as_ref().map(|header| header.rule)
    }

    /// Whether the header has the column.
    pub(super) fn has_column(&self, column: &str) -> bool {
        self.header
            .as_ref()
            .is_some_and(|header| header.columns.contains_key(column))
    }

    /// Fails, naming the first missing column, unless the header has all `columns`.
    pub(super) fn require(&self, columns: &[&str]) -> Result<()> {
        let Some(header) = &self.header else {
            return Ok(());
        };
        match columns
            .iter()
            .find(|column| !header.columns.contains_key(*column))
        {
            Some(missing) => {
                Err(self.error(header.line, format!("missing required column '{missing}'")))
            }
            None => Ok(()),
        }
    }

    /// The data lines.
    pub(super) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().filter_map(move |(line, fields)| {
            let header = self.header.as_ref()?;
            Some(Row {
                path: self.path,
                columns: &header.columns,
                line: *line,
                fields,
            })
        })
    }

    fn error(&self, line: usize, message: String) -> Error {
        parse_error(self.path, line, message)
    }
}

/// The header `line` (number `number`) if one of `rules` accepts it.
fn find_header<'a>(line: &'a str, number: usize, rules: &[HeaderRule]) -> Option<Header<'a>> {
    rules.iter().enumerate().find_map(|(rule, header_rule)| {
        let text = header_rule.columns(line)?;
        let columns = text
            .split('\t')
            .enumerate()
            .map(|(index, name)| (name.trim(), index))
            .collect();
        Some(Header {
            line: number,
            rule,
            columns,
        })
    })
}

fn parse_error(path: &Path, line: usize, message: String) -> Error {
    Error::Parse {
        path: path.to_path_buf(),
        line: Some(line),
        message,
    }
}

/// One data line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'t> {
    path: &'t Path,
    columns: &'t HashMap<&'t str, usize>,
    line: usize,
    fields: &'t [&'t str],
}

impl<'t> Row<'t> {
    /// 1-based line number.
    pub(super) fn line(&self) -> usize {
        self.line
    }

    /// The field, `None` when the header lacks the column or this line is too short for it.
    pub(super) fn get(&self, column: &str) -> Option<&'t str> {
        self.columns
            .get(column)
            .and_then(|index| self.fields.get(*index))
            .copied()
    }

    /// The field, which must be there (it may be empty).
    pub(super) fn text(&self, column: &str) -> Result<&'t str> {
        self.get(column)
            .ok_or_else(|| self.error(format!("no value for column '{column}'")))
    }

    /// The field as an integer.
    pub(super) fn integer(&self, column: &str) -> Result<i32> {
        self.parse_integer(column, self.text(column)?)
    }

    /// The field as an integer; absent or empty gives `None`.
    pub(super) fn optional_integer(&self, column: &str) -> Result<Option<i32>> {
        match self.get(column) {
            None | Some("") => Ok(None),
            Some(value) => self.parse_integer(column, value).map(Some),
        }
    }

    /// The field as a comma-separated list of integers; empty items (a trailing comma) are skipped.
    pub(super) fn integers(&self, column: &str) -> Result<Vec<i32>> {
        self.text(column)?
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| self.parse_integer(column, item))
            .collect()
    }

    /// A parse error at this line.
    pub(super) fn error(&self, message: String) -> Error {
        parse_error(self.path, self.line, message)
    }

    /// A broken rule at this line (the line is well-formed, but conflicts with another one).
    pub(super) fn invalid(&self, message: &str) -> Error {
        Error::Invalid(format!(
            "{}, line {}: {message}",
            self.path.display(),
            self.line
        ))
    }

    fn parse_integer(&self, column: &str, value: &str) -> Result<i32> {
        value
            .parse()
            .map_err(|_| self.error(format!("column '{column}': '{value}' is not an integer")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: [HeaderRule; 1] = [HeaderRule {
        first_column: "a",
        marker: Marker::Hash,
    }];

    fn parse(content: &str) -> Result<Table<'_>> {
        Table::parse(content, Path::new("f.tsv"), &RULES)
    }

    fn parse_message(content: &str) -> (Option<usize>, String) {
        match parse(content) {
            Err(Error::Parse { line, message, .. }) => (line, message),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn comments_are_skipped_and_fields_trimmed() {
        let table = parse("# comment\n#a\tb \n# another\n 1 \t x\r\n").unwrap();
        let rows: Vec<Row<'_>> = table.rows().collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line(), 4);
        assert_eq!(rows[0].get("a"), Some("1"));
        assert_eq!(rows[0].get("b"), Some("x"));
        assert_eq!(rows[0].get("c"), None);
    }

    #[test]
    fn data_before_the_header_is_an_error() {
        let (line, message) = parse_message("# comment\n1\t2\n#a\tb\n");
        assert_eq!(line, Some(2));
        assert!(message.contains("'#a'"), "{message}");
    }

    #[test]
    fn blank_line_after_the_header_is_an_error() {
        assert_eq!(parse_message("#a\n1\n\n2\n").0, Some(3));
    }

    #[test]
    fn no_header_and_no_data_gives_no_rows() {
        let table = parse("# only a comment\n").unwrap();
        assert_eq!(table.rows().count(), 0);
        assert_eq!(table.matched_rule(), None);
        table.require(&["a"]).unwrap();
    }

    #[test]
    fn missing_column_names_header_line_and_column() {
        let table = parse("# c\n#a\tb\n").unwrap();
        match table.require(&["a", "zz"]) {
            Err(Error::Parse { line, message, .. }) => {
                assert_eq!(line, Some(2));
                assert!(message.contains("'zz'"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn typed_accessors() {
        let table = parse("#a\tb\tc\n1,2,\t\tx\n7\n").unwrap();
        let rows: Vec<Row<'_>> = table.rows().collect();
        assert_eq!(rows[0].integers("a").unwrap(), vec![1, 2]);
        assert_eq!(rows[0].optional_integer("b").unwrap(), None);
        assert!(rows[0].integer("c").is_err());
        assert_eq!(rows[1].integer("a").unwrap(), 7);
        assert_eq!(rows[1].optional_integer("b").unwrap(), None);
        assert!(rows[1].text("b").is_err());
    }
}
