//! What ELLA derives from a transcript's HGVSc (import.md §8.7): the short form without long
//! sequences, the long inserted sequence, and the exon / coding-region distances.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::{CaptureLocations, Regex};

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
/// Most HGVSc have no long sequence and are returned as they are, without copying.
pub(super) fn shorten(hgvsc: &str) -> (Cow<'_, str>, Option<&str>) {
    let mut with_lengths: Option<String> = None;
    let mut insertion = None;
    let mut copied = 0;
    for (at, _) in hgvsc.match_indices("ins") {
        let start = at + 3;
        let length = bases_at(hgvsc, start);
        if length >= LONG_SEQUENCE {
            let text = with_lengths.get_or_insert_with(|| String::with_capacity(hgvsc.len()));
            text.push_str(&hgvsc[copied..start]);
            // Writing to a String cannot fail.
            let _ = write!(text, "({length})");
            copied = start + length;
            insertion.get_or_insert(&hgvsc[start..copied]);
        }
    }
    let with_lengths = match with_lengths {
        Some(mut text) => {
            text.push_str(&hgvsc[copied..]);
            Cow::Owned(text)
        }
        None => Cow::Borrowed(hgvsc),
    };
    (without_long_deletions(with_lengths), insertion)
}

/// Deletes runs of ≥10 bases after one of `d e l u p |`.
fn without_long_deletions(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut short = String::new();
    let mut copied = 0;
    let mut index = 1;
    while index < bytes.len() {
        // A run after a non-base character is maximal, so the greedy regex takes all of it.
        if is_base(bytes[index])
            && matches!(bytes[index - 1], b'd' | b'e' | b'l' | b'u' | b'p' | b'|')
        {
            let length = bases_at(&text, index);
            if length >= LONG_SEQUENCE {
                short.push_str(&text[copied..index]);
                copied = index + length;
            }
            index += length;
        } else {
            index += 1;
        }
    }
    if copied == 0 {
        return text;
    }
    short.push_str(&text[copied..]);
    Cow::Owned(short)
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

/// Computes distances; keeps one capture buffer for all transcripts of a record.
pub(super) struct Distances {
    locations: CaptureLocations,
}

impl Distances {
    /// A parser with its own capture buffer.
    pub(super) fn new() -> Self {
        Self {
            locations: POSITIONS.capture_locations(),
        }
    }

    /// `(exon_distance, coding_region_distance)` from an HGVSc without transcript prefix; both
    /// `None` when it does not parse. An offset pattern ELLA cannot resolve aborts the import.
    pub(super) fn of(&mut self, hgvsc: &str) -> Result<(Option<i64>, Option<i64>), String> {
        if POSITIONS
            .captures_read(&mut self.locations, hgvsc)
            .is_none()
        {
            tracing::debug!("Unable to parse distances from hgvsc: {hgvsc}");
            return Ok((None, None));
        }
        // The groups in pattern order (a test checks the numbering).
        let [utr1, p1, pm1, mut ed1, region, utr2, p2, pm2, mut ed2] =
            std::array::from_fn(|index| {
                self.locations
                    .get(index + 1)
                    .map_or("", |(start, end)| &hgvsc[start..end])
            });
        // A region may run from an intron into an exon (`c.*431-1_*431insA`): the side without
        // an offset is at distance 0.
        if !region.is_empty() && ed1.is_empty() != ed2.is_empty() {
            if ed1.is_empty() {
                ed1 = "0";
            } else {
                ed2 = "0";
            }
        }
        let exon_distance = distance((pm1, ed1), (pm2, ed2))?;
        if exon_distance != 0 {
            return Ok((Some(exon_distance), None));
        }
        // Positions without `*`/`-` are in the coding region.
        let coding_region_distance =
            if (!p1.is_empty() && utr1.is_empty()) || (!p2.is_empty() && utr2.is_empty()) {
                0
            } else {
                distance((utr1, p1), (utr2, p2))?
            };
        Ok((Some(0), Some(coding_region_distance)))
    }
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
            let (shortened, inserted) = shorten(hgvsc);
            assert_eq!(
                (shortened.as_ref(), inserted),
                (short, insertion),
                "{hgvsc}"
            );
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
        let mut distances = Distances::new();
        for (hgvsc, exon, coding) in cases {
            assert_eq!(distances.of(hgvsc), Ok((exon, coding)), "{hgvsc}");
        }
    }

    #[test]
    fn group_numbers_follow_the_pattern() {
        let names: Vec<&str> = POSITIONS.capture_names().skip(1).flatten().collect();
        assert_eq!(
            names,
            ["utr1", "p1", "pm1", "ed1", "region", "utr2", "p2", "pm2", "ed2"]
        );
        assert_eq!(POSITIONS.captures_len(), 10, "no unnamed groups");
    }

    #[test]
    fn unresolvable_offsets_abort() {
        // An intron sign without a distance: ELLA raises.
        assert!(Distances::new().of("c.100+A>G").is_err());
    }
}
