//! Counts across the coalition, for analysts: small cells are suppressed here,
//! before anything leaves the application layer.

use torchlight_core::access::DEFAULT_MIN_CELL;
pub use torchlight_core::overview::GridRow;

use crate::{App, AppError, StaffMember};

/// The aggregates service of an [`App`].
pub struct Aggregates<'a> {
    pub(crate) app: &'a App,
}

impl Aggregates<'_> {
    /// The smallest count shown as itself.
    pub fn min_cell(&self) -> u64 {
        DEFAULT_MIN_CELL
    }

    /// Cases by country and urgency across the coalition, as a fixed grid over
    /// the directory's countries (`core::overview`); counts under the minimum cell
    /// size become "fewer than k". The view is recorded first.
    pub async fn case_overview(&self, staff: &StaffMember) -> Result<Vec<GridRow>, AppError> {
        let store = self.app.store();
        self.app
            .commit(self.app.unit(&staff.actor(), "aggregates.view", None))
            .await?;
        let directory = store.load_directory().await?;
        let mut countries: Vec<torchlight_core::Code> = directory
            .organizations
            .iter()
            .flat_map(|org| org.countries.iter().cloned())
            .collect();
        countries.sort();
        countries.dedup();
        let counts = store.case_counts().await?.into_iter().map(|count| {
            let cases = u64::try_from(count.count).unwrap_or(0);
            (count.country, count.urgency, cases)
        });
        Ok(torchlight_core::overview::case_grid(
            &countries,
            counts,
            DEFAULT_MIN_CELL,
        ))
    }
}
