//! Statistik för allmänheten: the monthly report reduced to what the public may read —
//! aggregates only, never a row per decision, and no cell small enough to point out a
//! person. A cell of 1 or 2 is shown as "<3"; when a total is shown, a single hidden cell
//! among its parts could be worked out by subtraction, so the smallest other part is hidden
//! too (complementary suppression). Women and men are hidden together.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::report::{MonthlyReport, TypeCount};

struct Counts<'a> {
    date: NaiveDate,
    total: u64,
    women: u64,
    men: u64,
    declined: u64,
    by_type: &'a [TypeCount],
}

/// Cells below this are hidden.
pub const MIN_CELL: u64 = 3;

/// One cell of the public statistics: a count, or hidden because it is small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Cell {
    /// The count.
    Count(u64),
    /// Fewer than [`MIN_CELL`] (or hidden so that another small cell cannot be derived).
    Hidden,
}

impl Cell {
    /// As shown: the number, or "<3".
    pub fn shown(self) -> String {
        match self {
            Cell::Count(n) => n.to_string(),
            Cell::Hidden => format!("<{MIN_CELL}"),
        }
    }
}

/// The statistics as the nämnd received them on a report date, for the public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicStatistics {
    /// The report date.
    pub date: NaiveDate,
    /// Antal beslut.
    pub total: Cell,
    /// Varav kvinnor.
    pub women: Cell,
    /// Varav män.
    pub men: Cell,
    /// Antal som tackat nej till erbjudande.
    pub declined: Cell,
    /// Per type of service.
    pub by_type: Vec<(String, Cell)>,
}

fn small(n: u64) -> bool {
    n > 0 && n < MIN_CELL
}

/// Hides small parts of `total`, and when exactly one part is hidden, the smallest other
/// non-zero part as well.
fn suppress(parts: &[u64]) -> Vec<Cell> {
    let mut hidden: Vec<bool> = parts.iter().map(|n| small(*n)).collect();
    if hidden.iter().filter(|h| **h).count() == 1 {
        if let Some((i, _)) = parts
            .iter()
            .enumerate()
            .filter(|(i, n)| !hidden[*i] && **n > 0)
            .min_by_key(|(_, n)| **n)
        {
            hidden[i] = true;
        }
    }
    parts
        .iter()
        .zip(hidden)
        .map(|(n, h)| if h { Cell::Hidden } else { Cell::Count(*n) })
        .collect()
}

impl PublicStatistics {
    /// The public statistics of `r`.
    pub fn of(r: &MonthlyReport) -> PublicStatistics {
        Self::from_counts(r.date, r.total, r.women, r.men, r.declined, &r.by_type)
    }

    /// The public statistics of a report's counts.
    pub fn from_counts(
        date: NaiveDate,
        total: u64,
        women: u64,
        men: u64,
        declined: u64,
        by_type: &[TypeCount],
    ) -> PublicStatistics {
        let r = Counts {
            date,
            total,
            women,
            men,
            declined,
            by_type,
        };
        let total = if small(r.total) {
            Cell::Hidden
        } else {
            Cell::Count(r.total)
        };
        let gender = suppress(&[r.women, r.men]);
        let counts: Vec<u64> = r.by_type.iter().map(|t| t.count).collect();
        let types = suppress(&counts);
        PublicStatistics {
            date: r.date,
            total,
            women: gender[0],
            men: gender[1],
            declined: if small(r.declined) {
                Cell::Hidden
            } else {
                Cell::Count(r.declined)
            },
            by_type: r
                .by_type
                .iter()
                .zip(types)
                .map(|(t, c)| (t.service.clone(), c))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(total: u64, women: u64, men: u64, types: &[u64]) -> MonthlyReport {
        MonthlyReport {
            date: "2023-11-30".parse().unwrap(),
            total,
            women,
            men,
            declined: 1,
            by_type: types
                .iter()
                .enumerate()
                .map(|(i, c)| TypeCount {
                    service: format!("Insats {i}"),
                    count: *c,
                })
                .collect(),
            rows: vec![],
        }
    }

    #[test]
    fn small_cells_and_their_complements_are_hidden() {
        let s = PublicStatistics::of(&report(12, 10, 2, &[7, 4, 1, 0]));
        assert_eq!(s.total, Cell::Count(12));
        // Men 2 is small; women would give it away (12 − 10).
        assert_eq!((s.women, s.men), (Cell::Hidden, Cell::Hidden));
        assert_eq!(s.declined, Cell::Hidden);
        let cells: Vec<Cell> = s.by_type.iter().map(|t| t.1).collect();
        // One small type (1) hides the smallest other (4) too; zero stays zero.
        assert_eq!(
            cells,
            vec![Cell::Count(7), Cell::Hidden, Cell::Hidden, Cell::Count(0)]
        );
        assert_eq!(Cell::Hidden.shown(), "<3");
        // Nothing hidden when every cell is large enough.
        let s = PublicStatistics::of(&report(9, 5, 4, &[5, 4]));
        assert_eq!((s.women, s.men), (Cell::Count(5), Cell::Count(4)));
        assert!(s.by_type.iter().all(|t| matches!(t.1, Cell::Count(_))));
        assert_eq!(
            PublicStatistics::of(&report(2, 1, 1, &[2])).total,
            Cell::Hidden
        );
    }
}
