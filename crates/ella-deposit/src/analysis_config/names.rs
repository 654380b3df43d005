//! Analysis name and gene panel from a folder or VCF file name (import.md §2.5).
//!
//! ELLA matches `(?P<analysis_name>.+[.-](?P<genepanel_name>.+)[-_](?P<genepanel_version>.+))`
//! (plus `\.vcf(\.gz)?` for a VCF) from the start of the name with Python's backtracking engine.
//! The `regex` crate has leftmost-first semantics, so its captures are the ones Python reports.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// The pattern of §2.5, anchored at the start like Python's `re.match`.
const NAME_PATTERN: &str =
    r"^(?P<analysis_name>.+[.-](?P<genepanel_name>.+)[-_](?P<genepanel_version>.+))";

static FOLDER_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(NAME_PATTERN).expect("the folder name pattern is valid"));

static VCF_FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"{NAME_PATTERN}\.vcf(?:\.gz)?")).expect("the VCF name pattern is valid")
});

/// Analysis name and gene panel read from a folder or file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    /// The analysis name: the whole name (without `.vcf`/`.vcf.gz` for a file).
    pub analysis_name: String,
    /// The gene panel name.
    pub genepanel_name: String,
    /// The gene panel version.
    pub genepanel_version: String,
}

/// Parses an analysis folder name such as `brca_sample_1.HBOC_v1.0.0`; `None` when the name has
/// no `.`/`-` followed by a `-`/`_` separated panel name and version.
pub fn parse_folder_name(name: &str) -> Option<ParsedName> {
    FOLDER_NAME.captures(name).map(|captures| parsed(&captures))
}

/// Parses a VCF file name such as `brca_sample_1.HBOC_v01.vcf.gz`; the analysis name is the part
/// before `.vcf`. `None` when the name does not fit the pattern.
pub fn parse_vcf_file_name(name: &str) -> Option<ParsedName> {
    VCF_FILE_NAME
        .captures(name)
        .map(|captures| parsed(&captures))
}

fn parsed(captures: &Captures<'_>) -> ParsedName {
    let group = |name: &str| captures[name].to_owned();
    ParsedName {
        analysis_name: group("analysis_name"),
        genepanel_name: group("genepanel_name"),
        genepanel_version: group("genepanel_version"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(parsed: Option<ParsedName>) -> Option<[String; 3]> {
        parsed.map(|name| {
            [
                name.analysis_name,
                name.genepanel_name,
                name.genepanel_version,
            ]
        })
    }

    fn expected(analysis: &str, panel: &str, version: &str) -> Option<[String; 3]> {
        parts(Some(ParsedName {
            analysis_name: analysis.to_owned(),
            genepanel_name: panel.to_owned(),
            genepanel_version: version.to_owned(),
        }))
    }

    #[test]
    fn folder_names_of_the_spec() {
        let cases = [
            ("brca_sample_1.HBOC_v1.0.0", "HBOC", "v1.0.0"),
            ("HG002-Trio.Mendeliome_v01", "Mendeliome", "v01"),
            ("sample_123-Mendeliome-v01", "Mendeliome", "v01"),
            ("NA12878.Ciliopati_v05", "Ciliopati", "v05"),
        ];
        for (name, panel, version) in cases {
            assert_eq!(
                parts(parse_folder_name(name)),
                expected(name, panel, version),
                "{name}"
            );
        }
        assert_eq!(parse_folder_name("TestAnalysis-001"), None);
        assert_eq!(parse_folder_name("plain"), None);
    }

    #[test]
    fn greedy_splits_like_python() {
        // The last `.`/`-` that still leaves a separator after it starts the panel, and the panel
        // is split from its version at its last `-`/`_` (Python: `re.match` on the same pattern).
        assert_eq!(
            parts(parse_folder_name("a.b-c_d_e")),
            expected("a.b-c_d_e", "c_d", "e")
        );
        assert_eq!(
            parts(parse_folder_name("x.HBOC_v1-2")),
            expected("x.HBOC_v1-2", "HBOC_v1", "2")
        );
        assert_eq!(parts(parse_folder_name("a.b_")), None);
    }

    #[test]
    fn vcf_file_names() {
        assert_eq!(
            parts(parse_vcf_file_name("brca_e2e_test01.HBOCUTV_v01.vcf")),
            expected("brca_e2e_test01.HBOCUTV_v01", "HBOCUTV", "v01")
        );
        assert_eq!(
            parts(parse_vcf_file_name("NA12878.Ciliopati_v05.vcf.gz")),
            expected("NA12878.Ciliopati_v05", "Ciliopati", "v05")
        );
        assert_eq!(parse_vcf_file_name("TestAnalysis-001.vcf"), None);
        assert_eq!(parse_vcf_file_name("a.HBOC_v01.txt"), None);
    }
}
