//! The analysts' case overview as a fixed grid: every country the directory
//! covers × every urgency, in a fixed order, then one row per urgency for every
//! other country together. Which rows exist depends only on the public directory,
//! never on the cases: a grid of only the combinations that have cases would show,
//! even with every small count hidden, that some case exists for, say, a
//! detained defender in one country.

use std::collections::BTreeMap;

use crate::access::Cell;
use crate::case::Urgency;
use crate::Code;

/// One cell of the grid: `country` is `None` for "every other country".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub country: Option<Code>,
    pub urgency: Urgency,
    pub cases: Cell,
}

/// The grid over `countries` (those of the directory; duplicates are ignored),
/// with the `counts` of cases per country and urgency, every cell under
/// `min_cell` suppressed (a zero included, so that none differs from a one).
pub fn case_grid(
    countries: &[Code],
    counts: impl IntoIterator<Item = (Code, Urgency, u64)>,
    min_cell: u64,
) -> Vec<GridRow> {
    let mut rows: Vec<Option<Code>> = Vec::new();
    for country in countries {
        if !rows.iter().any(|row| row.as_ref() == Some(country)) {
            rows.push(Some(country.clone()));
        }
    }
    rows.push(None);
    let mut totals: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for (country, urgency, count) in counts {
        let row = rows
            .iter()
            .position(|row| row.as_ref() == Some(&country))
            .unwrap_or(rows.len() - 1);
        let column = Urgency::ALL
            .iter()
            .position(|u| *u == urgency)
            .unwrap_or_default();
        let total = totals.entry((row, column)).or_default();
        *total = total.saturating_add(count);
    }
    rows.iter()
        .enumerate()
        .flat_map(|(r, country)| {
            let totals = &totals;
            Urgency::ALL
                .iter()
                .enumerate()
                .map(move |(u, urgency)| GridRow {
                    country: country.clone(),
                    urgency: *urgency,
                    cases: Cell::publish(totals.get(&(r, u)).copied().unwrap_or(0), min_cell),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::taxonomy::Vocabulary;

    fn country(code: &str) -> Code {
        Code::parse(Vocabulary::Country, code).unwrap()
    }

    #[test]
    fn the_rows_are_the_same_whatever_the_cases() {
        let countries = [country("KG"), country("GE"), country("KG")];
        let empty = case_grid(&countries, [], 5);
        let busy = case_grid(
            &countries,
            [
                (country("GE"), Urgency::DetainedNow, 1),
                (country("KG"), Urgency::NotUrgent, 12),
                (country("AM"), Urgency::ThreatToLife, 2),
            ],
            5,
        );
        let shape = |grid: &[GridRow]| {
            grid.iter()
                .map(|row| (row.country.clone(), row.urgency))
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&empty), shape(&busy));
        // Two countries and "every other", each with every urgency.
        assert_eq!(empty.len(), 3 * Urgency::ALL.len());
        assert!(empty
            .iter()
            .all(|row| row.cases == Cell::Suppressed { below: 5 }));
        // A single detained defender looks like no case at all.
        let detained = busy
            .iter()
            .find(|row| row.country == Some(country("GE")) && row.urgency == Urgency::DetainedNow)
            .unwrap();
        assert_eq!(detained.cases, Cell::Suppressed { below: 5 });
        let kg = busy
            .iter()
            .find(|row| row.country == Some(country("KG")) && row.urgency == Urgency::NotUrgent)
            .unwrap();
        assert_eq!(kg.cases, Cell::Count(12));
    }

    #[test]
    fn countries_outside_the_directory_are_counted_together() {
        let grid = case_grid(
            &[country("KG")],
            [
                (country("AM"), Urgency::WithinDays, 3),
                (country("BY"), Urgency::WithinDays, 4),
            ],
            5,
        );
        let other = grid
            .iter()
            .find(|row| row.country.is_none() && row.urgency == Urgency::WithinDays)
            .unwrap();
        assert_eq!(other.cases, Cell::Count(7));
    }
}
