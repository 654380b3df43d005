//! What ELLA derives from a transcript's HGVSc (import.md §8.7): the short form without long
//! sequences, the long inserted sequence, and the exon / coding-region distances.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;

/// Sequences shorter than this stay in `HGVSc_short`.
const LONG_SEQUENCE: usize = 10;

fn is_base(byte: u8) -> bool {
    matches!(byte, b'A' | b'C' | b'G' | b'T')
}

fn bases_at(text: &str, start: usize) -> usize {
    text.as_bytes()[start..]
        .iter()
        .take_while(|&&byte| is_base(byte))
        .count()
}

/// `(HGVSc_short, HGVSc_insertion)`: every run of ≥10 bases right after `ins` becomes `(<length>)`
/// (the first such run is the insertion); then every run of ≥10 bases after one of `d e l u p |`
/// is deleted. ELLA's lookbehind `(?<=[del|dup])` is a character class, hence that odd set.
pub(super) fn shorten(hgvsc: &str) -> (String, Option<&str>) {
    let mut with_lengths = String::with_capacity(hgvsc.len());
    let mut insertion = None;
    let mut copied = 0;
    for (at, _) in hgvsc.match_indices("ins") {
        let start = at + 3;
        let length = bases_at(hgvsc, start);
        if length >= LONG_SEQUENCE {
            with_lengths.push_str(&hgvsc[copied..start]);
            // Writing to a String cannot fail.
            let _ = write!(with_lengths, "({length})");
            copied = start + length;
            insertion.get_or_insert(&hgvsc[start..copied]);
        }
    }
    with_lengths.push_str(&hgvsc[copied..]);

    let bytes = with_lengths.as_bytes();
    let mut short = String::with_capacity(with_lengths.len());
    let mut copied = 0;
    let mut index = 1;
    while index < bytes.len() {
        // A run after a non-base character is maximal, so the greedy regex takes all of it.
        if is_base(bytes[index])
            && matches!(bytes[index - 1], b'd' | b'e' | b'l' | b'u' | b'p' | b'|')
        {
            let length = bases_at(&with_lengths, index);
            if length >= LONG_SEQUENCE {
                short.push_str(&with_lengths[copied..index]);
                copied = index + length;
            }
            index += length;
        } else {
            index += 1;
        }
    }
    short.push_str(&with_lengths[copied..]);
    (short, insertion)
}

/// ELLA's `HGVSC_DISTANCE_CHECK_REGEX`, anchored at the start like Python's `re.match`.
static POSITIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[cn]\.(?P<utr1>[*-]?)(?P<p1>[0-9]+)(?P<pm1>[-+]?)(?P<ed1>[0-9]*)",
        r"(?:(?P<region>_)(?P<utr2>[*-]?)(?P<p2>[0-9]+)(?P<pm2>[-+]?)(?P<ed2>[0-9]*))?",
        r"(?:[ACGT]|[BDHKMNRSVWY]|del|dup|ins|inv)",
    ))
    .expect("constant regex")
});

/// `(exon_distance, coding_region_distance)` from an HGVSc without transcript prefix; both
/// `None` when it does not parse. An offset pattern ELLA cannot resolve aborts the import.
pub(super) fn distances(hgvsc: &str) -> Result<(Option<i64>, Option<i64>), String> {
    let Some(captures) = POSITIONS.captures(hgvsc) else {
        tracing::debug!("Unable to parse distances from hgvsc: {hgvsc}");
        return Ok((None, None));
    };
    let group = |name| captures.name(name).map_or("", |found| found.as_str());
    let (mut ed1, mut ed2) = (group("ed1"), group("ed2"));
    // A region may run from an intron into an exon (`c.*431-1_*431insA`): the side without an
    // offset is at distance 0.
    if captures.name("region").is_some() && ed1.is_empty() != ed2.is_empty() {
        if ed1.is_empty() {
            ed1 = "0";
        } else {
            ed2 = "0";
        }
    }
    let exon_distance = distance((group("pm1"), ed1), (group("pm2"), ed2))?;
    if exon_distance != 0 {
        return Ok((Some(exon_distance), None));
    }
    let (utr1, p1, utr2, p2) = (group("utr1"), group("p1"), group("utr2"), group("p2"));
    // Positions without `*`/`-` are in the coding region.
    let coding_region_distance =
        if (!p1.is_empty() && utr1.is_empty()) || (!p2.is_empty() && utr2.is_empty()) {
            0
        } else {
            distance((utr1, p1), (utr2, p2))?
        };
    Ok((Some(0), Some(coding_region_distance)))
}

/// ELLA's `get_distance`: of two signed offsets, the one closest to zero (`-` is negative, `+`
/// and `*` positive); 0 without signs.
fn distance((sign1, number1): (&str, &str), (sign2, number2): (&str, &str)) -> Result<i64, String> {
    let signed = |sign: &str, number: i64| if sign == "-" { -number } else { number };
    let parse = |number: &str| {
        number
            .parse::<i64>()
            .map_err(|error| format!("Invalid HGVSc offset {number}: {error}"))
    };
    let unresolvable =
        || format!("Unable to compute distance from ({sign1}, {number1}), ({sign2}, {number2})");
    match (number1.is_empty(), number2.is_empty()) {
        _ if sign1.is_empty() && sign2.is_empty() => Ok(0),
        (false, true) if sign2.is_empty() => Ok(signed(sign1, parse(number1)?)),
        (false, false) => {
            let (first, second) = (parse(number1)?, parse(number2)?);
            Ok(if first <= second {
                signed(sign1, first)
            } else {
                signed(sign2, second)
            })
        }
        _ => Err(unresolvable()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sequences_are_shortened() {
        let cases = [
            (
                "c.100_101insACGTACGTACGT",
                "c.100_101ins(12)",
                Some("ACGTACGTACGT"),
            ),
            ("c.100_112delACGTACGTACGTA", "c.100_112del", None),
            (
                "c.4416-77_4416-48delCTCTTCTCTTCTCTTCTCTTCTCTTCTCTT",
                "c.4416-77_4416-48del",
                None,
            ),
            ("c.123_133dupCGACGACGCAG", "c.123_133dup", None),
            (
                "c.131_132insACTTGCTGCTT",
                "c.131_132ins(11)",
                Some("ACTTGCTGCTT"),
            ),
            (
                "c.123_133delCGACGACGCAGinsACTTGCTGCTT",
                "c.123_133delins(11)",
                Some("ACTTGCTGCTT"),
            ),
            (
                "c.123_124delCGinsACTTGCTGCTT",
                "c.123_124delCGins(11)",
                Some("ACTTGCTGCTT"),
            ),
            ("c.1_2insACGTACGTA", "c.1_2insACGTACGTA", None),
            ("c.1_2delACGTACGTA", "c.1_2delACGTACGTA", None),
            ("c.10G>T", "c.10G>T", None),
        ];
        for (hgvsc, short, insertion) in cases {
            assert_eq!(shorten(hgvsc), (short.to_owned(), insertion), "{hgvsc}");
        }
    }

    #[test]
    fn exon_and_coding_region_distances() {
        let cases = [
            ("c.279G>A", Some(0), Some(0)),
            ("n.1901_1904delAAGT", Some(0), Some(0)),
            ("c.248-1_248insA", Some(0), Some(0)),
            ("c.4535+0dupTTT", Some(0), Some(0)),
            ("c.11712-20dupT", Some(-20), None),
            ("c.4535-213G>T", Some(-213), None),
            ("c.1624+24T>A", Some(24), None),
            ("c.*14G>A", Some(0), Some(14)),
            ("c.-315_-314delAC", Some(0), Some(-314)),
            ("c.-4535G>T", Some(0), Some(-4535)),
            ("c.820-131_820-130delAA", Some(-130), None),
            ("c.13-8_14+6dupTTATTTAT", Some(6), None),
            ("c.13+8_14-6dupTTATTTAT", Some(-6), None),
            ("c.-264+88_-264+89delTT", Some(88), None),
            ("c.*264-89_*264-88delTT", Some(-88), None),
            ("c.*1+6_8dupTTATTTAT", Some(0), Some(0)),
            ("c.6_-1-8dupTTATTTAT", Some(0), Some(0)),
            ("c.248+8_249-3del", Some(-3), None),
            ("c.248_248+1insA", Some(0), Some(0)),
            ("c.*-15A>C", None, None),
            ("p.Gly4Ter", None, None),
            ("", None, None),
        ];
        for (hgvsc, exon, coding) in cases {
            assert_eq!(distances(hgvsc), Ok((exon, coding)), "{hgvsc}");
        }
    }

    #[test]
    fn unresolvable_offsets_abort() {
        // An intron sign without a distance: ELLA raises.
        assert!(distances("c.100+A>G").is_err());
    }
}
