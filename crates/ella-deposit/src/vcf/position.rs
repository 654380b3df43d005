//! The two coordinate systems of an import, kept apart by type.
//!
//! VCF `POS` is 1-based; every `*_position` column of the `allele` table is 0-based and half-open
//! (import.md, "Coordinates"). Mixing them up shifts a variant by one base without any error, so
//! each system has its own newtype and the only way from one to the other is a named conversion.

use std::fmt;

/// A 1-based position as written in a VCF `POS` column (and stored in `allele.vcf_pos`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VcfPos(i32);

impl VcfPos {
    /// The first base of a sequence.
    pub const FIRST: Self = Self(1);

    /// The position `value`, or `None` when it is not a valid 1-based position (below 1).
    pub fn new(value: i32) -> Option<Self> {
        (value >= 1).then_some(Self(value))
    }

    /// The 1-based number, for the `allele.vcf_pos` column.
    pub fn get(self) -> i32 {
        self.0
    }

    /// The same base as a 0-based position (`POS − 1`, import.md §1.4).
    pub fn to_zero_based(self) -> Pos0 {
        Pos0(self.0 - 1)
    }

    /// The number of bases between two positions, whatever their order (for the "nearby" rule
    /// of import.md §5.1).
    pub fn distance(self, other: Self) -> u32 {
        self.0.abs_diff(other.0)
    }
}

impl fmt::Display for VcfPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A 0-based position of the `allele` table (`start_position` inclusive, `open_end_position`
/// exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos0(i32);

impl Pos0 {
    /// The 0-based number, for the `*_position` columns.
    pub fn get(self) -> i32 {
        self.0
    }

    /// This position moved `bases` to the right; `None` when the result does not fit the
    /// `integer` columns.
    pub(crate) fn forward(self, bases: usize) -> Option<Self> {
        let bases = i32::try_from(bases).ok()?;
        self.0.checked_add(bases).map(Self)
    }

    /// This position moved one base to the left (the base before an insertion, §1.4); `None`
    /// below 0.
    pub(crate) fn previous(self) -> Option<Self> {
        (self.0 > 0).then(|| Self(self.0 - 1))
    }
}

impl fmt::Display for Pos0 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_are_explicit() {
        let pos = VcfPos::new(41_226_488).expect("valid");
        assert_eq!(pos.get(), 41_226_488);
        assert_eq!(pos.to_zero_based().get(), 41_226_487);
        assert_eq!(VcfPos::new(0), None);
        assert_eq!(pos.distance(VcfPos::new(41_226_485).expect("valid")), 3);
    }

    #[test]
    fn zero_based_arithmetic_is_checked() {
        let start = VcfPos::new(1).expect("valid").to_zero_based();
        assert_eq!(start.get(), 0);
        assert_eq!(start.previous(), None);
        assert_eq!(start.forward(5).map(Pos0::get), Some(5));
        let end = VcfPos::new(i32::MAX).expect("valid").to_zero_based();
        assert_eq!(end.forward(2), None);
    }
}
