//! Counts across the coalition, for analysts: small cells are suppressed here,
//! before anything leaves the application layer.

use torchlight_core::access::{Cell, DEFAULT_MIN_CELL};

use crate::{App, AppError, StaffMember};

/// The aggregates service of an [`App`].
pub struct Aggregates<'a> {
    pub(crate) app: &'a App,
}

/// One row of the case overview: a country, an urgency and how many cases, as it
/// may be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseCountRow {
    pub country: torchlight_core::Code,
    pub urgency: torchlight_core::case::Urgency,
    pub cases: Cell,
}

impl Aggregates<'_> {
    /// The smallest count shown as itself.
    pub fn min_cell(&self) -> u64 {
        DEFAULT_MIN_CELL
    }

    /// Cases by country and urgency across the coalition; counts under the minimum
    /// cell size become "fewer than k". The view is recorded first.
    pub async fn case_overview(&self, staff: &StaffMember) -> Result<Vec<CaseCountRow>, AppError> {
        let store = self.app.store();
        self.app
            .commit(self.app.unit(&staff.actor(), "aggregates.view", None))
            .await?;
        Ok(store
            .case_counts()
            .await?
            .into_iter()
            .map(|count| CaseCountRow {
                cases: Cell::publish(u64::try_from(count.count).unwrap_or(0), DEFAULT_MIN_CELL),
                country: count.country,
                urgency: count.urgency,
            })
            .collect())
    }
}
