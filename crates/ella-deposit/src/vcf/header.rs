//! The VCF header: sample columns and the `INFO`/`FORMAT` definitions (import.md §1.1).
//!
//! Header lines are checked by noodles' header parser, fed one line at a time so that an error
//! names its line. Where noodles is stricter than htslib (which ELLA uses) on inputs that ELLA
//! accepts, the htslib behaviour is kept:
//!
//! * a header without `##fileformat` is read as VCF 4.2 (htslib warns and does the same; the
//!   watcher test file `TestAnalysis-003.vcf` has no `##fileformat` line);
//! * definitions are checked with VCF 4.2 rules whatever the declared version, because noodles
//!   refuses VCF 4.3 files that redefine a reserved key (`AF` as `Number=1`, `GQ` as `Float`),
//!   while htslib and ELLA let the file's declaration win (§1.1);
//! * a repeated `INFO`/`FORMAT`/`FILTER`/`contig`/`ALT` ID keeps its first definition with a
//!   warning, as htslib does.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;

use indexmap::IndexMap;
use noodles_vcf::header::parser::{Entry, FileFormatOption, ParseError, Parser};
use noodles_vcf::header::record::value::map::{format, info};
use noodles_vcf::header::FileFormat;

use super::reader::{read_line, LineEnd};
use crate::{Error, Result};

/// The value type of an `INFO` definition; it decides how a value is typed for the annotation
/// converters (import.md §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoType {
    /// `Integer`: 32-bit integers.
    Integer,
    /// `Float`: single-precision floats.
    Float,
    /// `Flag`: presence means `true`.
    Flag,
    /// `Character`: kept as text.
    Character,
    /// `String`: kept as text.
    String,
}

impl InfoType {
    /// Reads a header `Type=` value; `None` for anything else.
    pub fn from_header(text: &str) -> Option<Self> {
        match text {
            "Integer" => Some(Self::Integer),
            "Float" => Some(Self::Float),
            "Flag" => Some(Self::Flag),
            "Character" => Some(Self::Character),
            "String" => Some(Self::String),
            _ => None,
        }
    }
}

/// One `##INFO` definition, with the raw header text ELLA's converters see (htslib keeps the
/// `Description` with its surrounding double quotes, §1.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoDefinition {
    number: String,
    ty: InfoType,
    description: String,
}

impl InfoDefinition {
    /// `Number` as written in the header (`1`, `A`, `R`, `G`, `.`).
    pub fn number(&self) -> &str {
        &self.number
    }

    /// `Type`.
    pub fn ty(&self) -> InfoType {
        self.ty
    }

    /// `Description` as written in the header, surrounding double quotes (and any backslash
    /// escapes) included; converters that parse descriptions (VEP `CSQ`, HGMD) work on this text.
    pub fn description(&self) -> &str {
        &self.description
    }
}

/// What the reader knows from a VCF header.
#[derive(Debug, Clone, Default)]
pub struct VcfHeader {
    samples: Vec<String>,
    infos: IndexMap<String, InfoDefinition>,
    float_formats: HashSet<String>,
}

impl VcfHeader {
    /// The sample column names, in file order (§1.1).
    pub fn samples(&self) -> &[String] {
        &self.samples
    }

    /// The column index of the sample `name`.
    pub fn sample_index(&self, name: &str) -> Option<usize> {
        self.samples.iter().position(|sample| sample == name)
    }

    /// The `##INFO` definitions by ID, in header order.
    pub fn infos(&self) -> &IndexMap<String, InfoDefinition> {
        &self.infos
    }

    /// The type an `INFO` value of `key` is read as: its definition's type, or `String` for a key
    /// without definition (htslib adds a String definition, §1.2).
    pub fn info_type(&self, key: &str) -> InfoType {
        self.infos.get(key).map_or(InfoType::String, |info| info.ty)
    }

    /// Whether FORMAT `key` is declared `Type=Float` (GQ by some callers): its values are read as
    /// single-precision floats instead of integers. Undeclared keys follow htslib's standard
    /// definitions, which are all integers for the keys ELLA reads.
    pub(crate) fn is_float_format(&self, key: &str) -> bool {
        self.float_formats.contains(key)
    }
}

/// The standard genotype keys htslib treats as declared even when the header lacks them
/// (`RESERVED_GT_HEADERS` of ELLA's `vcfiterator.py`, §1.1): ID, Number, Type.
const STANDARD_FORMATS: [(&str, &str, format::Type); 16] = [
    ("AD", "R", format::Type::Integer),
    ("ADF", "R", format::Type::Integer),
    ("ADR", "R", format::Type::Integer),
    ("DP", "1", format::Type::Integer),
    ("EC", "A", format::Type::Integer),
    ("FT", "1", format::Type::String),
    ("GL", "G", format::Type::Float),
    ("GP", "G", format::Type::Float),
    ("GQ", "1", format::Type::Integer),
    ("GT", "1", format::Type::String),
    ("HQ", "2", format::Type::Integer),
    ("MQ", "1", format::Type::Integer),
    ("PL", "G", format::Type::Integer),
    ("PP", "G", format::Type::Integer),
    ("PQ", "1", format::Type::Integer),
    ("PS", "1", format::Type::Integer),
];

/// Reads the header lines (every line up to and including `#CHROM`) from `source`.
///
/// Returns the header and the number of lines read, so that record line numbers are counted from
/// there.
pub(crate) fn read_header<R: BufRead>(source: &mut R, path: &Path) -> Result<(VcfHeader, usize)> {
    let mut parser = Parser::builder()
        .set_file_format_option(FileFormatOption::FileFormat(FileFormat::new(4, 2)))
        .build();
    let mut header = VcfHeader::default();
    let mut buf = Vec::new();
    let mut line_number = 0;
    loop {
        let line = match read_line(source, &mut buf, path, line_number + 1)? {
            LineEnd::Eof => {
                return Err(parse_error(
                    path,
                    line_number,
                    "the file ends before the #CHROM header line",
                ))
            }
            LineEnd::Line(line) => std::str::from_utf8(line)
                .map_err(|_| parse_error(path, line_number + 1, "the header line is not UTF-8"))?,
        };
        line_number += 1;
        if line_number == 1 && !line.starts_with("##fileformat=") {
            tracing::warn!(
                path = %path.display(),
                "no ##fileformat line; reading the file as VCFv4.2 like htslib"
            );
            parser
                .parse_partial(b"##fileformat=VCFv4.2")
                .map_err(|error| parse_error(path, line_number, &error.to_string()))?;
        }
        match parser.parse_partial(line.as_bytes()) {
            Ok(Entry::Header) => break,
            Ok(Entry::Info(id, definition)) => {
                let info = info_definition(line, definition.ty())
                    .ok_or_else(|| parse_error(path, line_number, "malformed ##INFO line"))?;
                header.infos.insert(id.to_owned(), info);
            }
            Ok(Entry::Format(id, definition)) => {
                check_standard_format(path, line, id, definition.ty());
                if definition.ty() == format::Type::Float {
                    header.float_formats.insert(id.to_owned());
                }
            }
            Ok(_) => {}
            Err(
                error @ (ParseError::DuplicateInfoId(_)
                | ParseError::DuplicateFormatId(_)
                | ParseError::DuplicateFilterId(_)
                | ParseError::DuplicateContigId(_)
                | ParseError::DuplicateAlternativeAlleleId(_)),
            ) => {
                tracing::warn!(path = %path.display(), line = line_number, "{error}; keeping the first definition");
            }
            Err(error) => {
                return Err(parse_error(
                    path,
                    line_number,
                    &format!("invalid header line: {}", describe(&error)),
                ))
            }
        }
    }
    let parsed = parser
        .finish()
        .map_err(|error| parse_error(path, line_number, &error.to_string()))?;
    header.samples = parsed.sample_names().iter().cloned().collect();
    Ok((header, line_number))
}

fn parse_error(path: &Path, line: usize, message: &str) -> Error {
    Error::Parse {
        path: path.to_owned(),
        line: Some(line),
        message: message.to_owned(),
    }
}

/// noodles' error chain, outermost first (its top-level messages alone say only "invalid
/// record").
fn describe(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

fn info_definition(line: &str, ty: info::Type) -> Option<InfoDefinition> {
    Some(InfoDefinition {
        number: raw_field(line, "Number")?.to_owned(),
        ty: match ty {
            info::Type::Integer => InfoType::Integer,
            info::Type::Float => InfoType::Float,
            info::Type::Flag => InfoType::Flag,
            info::Type::Character => InfoType::Character,
            info::Type::String => InfoType::String,
        },
        description: raw_field(line, "Description")?.to_owned(),
    })
}

/// Logs a warning when the file redefines one of the standard genotype keys; the file's
/// definition wins (§1.1).
fn check_standard_format(path: &Path, line: &str, id: &str, ty: format::Type) {
    let Some((_, number, standard_type)) = STANDARD_FORMATS.iter().find(|(key, ..)| *key == id)
    else {
        return;
    };
    if raw_field(line, "Number") != Some(number) || ty != *standard_type {
        tracing::warn!(
            path = %path.display(),
            "header for format field {id} in VCF does not match VCF spec; using the file's definition"
        );
    }
}

/// The raw text of `key`'s value in a structured header line (`##INFO=<ID=..,key=value,..>`):
/// a quoted value keeps its quotes and escapes, as htslib stores it.
fn raw_field<'l>(line: &'l str, key: &str) -> Option<&'l str> {
    let start = line.find('<')? + 1;
    let end = line.rfind('>')?;
    let mut rest = line.get(start..end)?;
    while !rest.is_empty() {
        let (name, after) = rest.split_once('=')?;
        let value_len = if after.starts_with('"') {
            quoted_len(after)?
        } else {
            after.find(',').unwrap_or(after.len())
        };
        if name == key {
            return Some(&after[..value_len]);
        }
        rest = after[value_len..].strip_prefix(',').unwrap_or("");
    }
    None
}

/// Length of the quoted string at the start of `text`, both quotes included.
fn quoted_len(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Used by the tests of the other modules: a header parsed from text.
#[cfg(test)]
pub(crate) fn parse_for_test(text: &str) -> VcfHeader {
    read_header(&mut text.as_bytes(), Path::new("test.vcf"))
        .expect("valid test header")
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "##fileformat=VCFv4.3
##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence\">
##INFO=<ID=AF,Number=1,Type=Float,Description=\"Redefined \\\"reserved\\\" key\">
##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">
##INFO=<ID=DB,Number=1,Type=String,Description=\"duplicate\">
##FORMAT=<ID=GQ,Number=1,Type=Float,Description=\"GQ as float\">
##contig=<ID=1,length=249250621>
#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2
";

    #[test]
    fn reads_samples_and_definitions() {
        let (header, lines) =
            read_header(&mut HEADER.as_bytes(), Path::new("x.vcf")).expect("valid");
        assert_eq!(lines, 8);
        assert_eq!(header.samples(), ["S1", "S2"]);
        assert_eq!(header.sample_index("S2"), Some(1));
        let csq = &header.infos()["CSQ"];
        assert_eq!(csq.number(), ".");
        assert_eq!(csq.ty(), InfoType::String);
        assert_eq!(
            csq.description(),
            "\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence\""
        );
        assert_eq!(
            header.infos()["AF"].description(),
            "\"Redefined \\\"reserved\\\" key\""
        );
        // The first of two definitions wins, as in htslib.
        assert_eq!(header.info_type("DB"), InfoType::Flag);
        assert_eq!(header.info_type("UNDECLARED"), InfoType::String);
        assert!(header.is_float_format("GQ"));
        assert!(!header.is_float_format("DP"));
    }

    #[test]
    fn missing_fileformat_is_read_as_vcf_4_2() {
        let text = "##INFO=<ID=AC,Number=A,Type=Integer,Description=\"x\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        let header = parse_for_test(text);
        assert!(header.samples().is_empty());
        assert_eq!(header.info_type("AC"), InfoType::Integer);
    }

    #[test]
    fn errors_name_the_line() {
        let text = "##fileformat=VCFv4.2\n##INFO=<ID=X,Number=1,Type=Str,Description=\"x\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        let error = read_header(&mut text.as_bytes(), Path::new("x.vcf")).expect_err("invalid");
        assert!(
            matches!(&error, Error::Parse { line: Some(2), message, .. } if message.contains("Str")),
            "{error}"
        );
        let error = read_header(&mut "##fileformat=VCFv4.2\n".as_bytes(), Path::new("x.vcf"))
            .expect_err("no #CHROM");
        assert!(
            matches!(error, Error::Parse { line: Some(1), .. }),
            "{error}"
        );
    }

    #[test]
    fn raw_fields_keep_quotes() {
        let line =
            "##INFO=<ID=X,Number=A,Type=String,Description=\"a, \\\"b\\\" > c\",Source=\"s\">";
        assert_eq!(raw_field(line, "Number"), Some("A"));
        assert_eq!(raw_field(line, "Description"), Some("\"a, \\\"b\\\" > c\""));
        assert_eq!(raw_field(line, "Source"), Some("\"s\""));
        assert_eq!(raw_field(line, "Version"), None);
    }
}
