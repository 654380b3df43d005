//! `|`-separated records whose field names come from an INFO header Description (VEP `CSQ`,
//! SpliceAI-like meta fields, HGMD extra references).
//!
//! ELLA reads such an entry as `dict(zip(names, values))`: missing trailing values leave the field
//! out, and a repeated name takes its last value. [`Field`] reproduces that lookup without building
//! a map per entry, which matters for `CSQ` (dozens of entries per record).

/// Where one field name occurs in the names list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    positions: Vec<usize>,
}

impl Field {
    /// Finds `name` among `names`.
    pub(crate) fn new(names: &[String], name: &str) -> Self {
        let positions = names
            .iter()
            .enumerate()
            .filter(|(_, candidate)| *candidate == name)
            .map(|(position, _)| position)
            .collect();
        Self { positions }
    }

    /// The field's value in an entry, `None` when the entry has no such field.
    pub(crate) fn get<'v>(&self, values: &[&'v str]) -> Option<&'v str> {
        self.positions
            .iter()
            .rev()
            .find(|&&position| position < values.len())
            .map(|&position| values[position])
    }

    /// The value when present and non-empty (Python truthiness of `dict.get`).
    pub(crate) fn non_empty<'v>(&self, values: &[&'v str]) -> Option<&'v str> {
        self.get(values).filter(|value| !value.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_behaves_like_a_zipped_dict() {
        let names: Vec<String> = ["a", "b", "a", "c"].map(String::from).to_vec();
        let a = Field::new(&names, "a");
        assert_eq!(a.get(&["1", "2", "3", "4"]), Some("3"), "last value wins");
        assert_eq!(
            a.get(&["1", "2"]),
            Some("1"),
            "zip stops at the shorter side"
        );
        assert_eq!(Field::new(&names, "c").get(&["1"]), None);
        assert_eq!(Field::new(&names, "x").get(&["1"]), None);
        assert_eq!(Field::new(&names, "b").non_empty(&["1", ""]), None);
    }
}
