//! The triage queue and follow-ups, read from the clear fields beside each case
//! (`migrations/*/0007_case_work.sql`) without opening any: the order is
//! `core::triage::order`'s (urgency, assessed risk, waiting time, id), which the
//! index `cases_triage` holds, so a page of the queue is read from the index;
//! its counts come from `triage_tally` (kept by triggers) and a range of the
//! unanswered cases, however many cases are open.

use sqlx::{ColumnIndex, Database, Row};
use torchlight_core::risk::RiskLevel;
use torchlight_core::triage::{risk_rank, TimeTargets};
use torchlight_core::{CaseId, OrganizationId, UserId};
use uuid::Uuid;

use super::cases::{country, status, urgency};
use crate::engine::Affected;
use crate::security::{QueueFilter, QueueRow, UrgencyCounts};
use crate::sql::Column;
use crate::StoreError;

/// Every statement of the queue names `status <> 'closed'` exactly as the
/// partial index does, so both engines read the index.
macro_rules! queue_select {
    ($filter:literal) => {
        concat!(
            "SELECT id, country, urgency, status, risk_rank, waiting_since_ms, answered_at_ms, \
             assignee_id, follow_up_ms FROM cases \
             WHERE organization_id = $1 AND status <> 'closed'",
            $filter,
            " ORDER BY urgency_rank, risk_rank, waiting_since_ms, id LIMIT $2 OFFSET $3"
        )
    };
}

const QUEUE_ALL: &str = queue_select!("");
const QUEUE_UNASSIGNED: &str = queue_select!(" AND assignee_id IS NULL");
const QUEUE_ASSIGNED: &str = queue_select!(" AND assignee_id = $4");
/// The counts the triggers of `triage_tally` keep.
const TALLY: &str = "SELECT urgency_rank, open, unassigned, unanswered FROM triage_tally \
     WHERE organization_id = $1";
/// The unanswered of each urgency not overdue yet (waiting since the cut-off or
/// later): a short range of `cases_unanswered` each, whose conditions it names
/// as the index does. The overdue are the unanswered less these.
const NOT_YET_OVERDUE: &str =
    "SELECT CAST(0 AS BIGINT), COUNT(*) FROM cases WHERE organization_id = $1 \
     AND status <> 'closed' AND answered_at_ms IS NULL AND urgency_rank = 0 \
     AND waiting_since_ms >= $2 \
     UNION ALL SELECT CAST(1 AS BIGINT), COUNT(*) FROM cases WHERE organization_id = $1 \
     AND status <> 'closed' AND answered_at_ms IS NULL AND urgency_rank = 1 \
     AND waiting_since_ms >= $3 \
     UNION ALL SELECT CAST(2 AS BIGINT), COUNT(*) FROM cases WHERE organization_id = $1 \
     AND status <> 'closed' AND answered_at_ms IS NULL AND urgency_rank = 2 \
     AND waiting_since_ms >= $4 \
     UNION ALL SELECT CAST(3 AS BIGINT), COUNT(*) FROM cases WHERE organization_id = $1 \
     AND status <> 'closed' AND answered_at_ms IS NULL AND urgency_rank = 3 \
     AND waiting_since_ms >= $5";
const FOLLOW_UPS: &str = "SELECT id, country, urgency, status, risk_rank, waiting_since_ms, \
     answered_at_ms, assignee_id, follow_up_ms FROM cases \
     WHERE organization_id = $1 AND follow_up_ms IS NOT NULL AND follow_up_ms <= $2 \
     ORDER BY follow_up_ms, id LIMIT $3";
const TRIAGE_OF: &str = "SELECT id, country, urgency, status, risk_rank, waiting_since_ms, \
     answered_at_ms, assignee_id, follow_up_ms FROM cases WHERE id = $2 AND organization_id = $1";
const SELECT_TARGETS: &str = "SELECT detained_now, threat_to_life, within_days, not_urgent \
     FROM time_targets WHERE organization_id = $1";
const UPSERT_TARGETS: &str = "INSERT INTO time_targets (organization_id, detained_now, \
     threat_to_life, within_days, not_urgent) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (organization_id) DO UPDATE SET detained_now = excluded.detained_now, \
     threat_to_life = excluded.threat_to_life, within_days = excluded.within_days, \
     not_urgent = excluded.not_urgent";
/// Only to an enabled account of the case's own organisation, or to nobody.
const ASSIGN: &str = "UPDATE cases SET assignee_id = $1 WHERE id = $2 AND organization_id = $3 \
     AND ($1 IS NULL OR EXISTS (SELECT 1 FROM staff_users \
         WHERE staff_users.id = $1 AND staff_users.organization_id = $3 \
         AND NOT staff_users.disabled))";
const RECORD_RISK: &str = "UPDATE cases SET risk_rank = $1, follow_up_ms = $2 \
     WHERE id = $3 AND organization_id = $4";
const MARK_ANSWERED: &str = "UPDATE cases SET answered_at_ms = $1 \
     WHERE id = $2 AND organization_id = $3 AND answered_at_ms IS NULL";
const SCHEDULE_FOLLOW_UP: &str =
    "UPDATE cases SET follow_up_ms = $1 WHERE id = $2 AND organization_id = $3";
const OWNED: &str = "SELECT 1 FROM cases WHERE id = $1 AND organization_id = $2";
const BACK_IN_TRIAGE: &str = "UPDATE cases SET waiting_since_ms = $1, answered_at_ms = NULL, \
     follow_up_ms = $1 WHERE id = $2";

sql_store! {
    #[async_trait::async_trait]
    impl crate::TriageStore {
        async fn triage_queue(
            &self,
            scope: OrganizationId,
            filter: QueueFilter,
            offset: i64,
            limit: i64,
        ) -> Result<Vec<QueueRow>, StoreError> {
            let query = match filter {
                QueueFilter::All => sqlx::query(QUEUE_ALL),
                QueueFilter::Unassigned => sqlx::query(QUEUE_UNASSIGNED),
                QueueFilter::AssignedTo(_) => sqlx::query(QUEUE_ASSIGNED),
            };
            let mut query = query.bind(scope.as_uuid()).bind(limit).bind(offset);
            if let QueueFilter::AssignedTo(user) = filter {
                query = query.bind(user.as_uuid());
            }
            query
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(queue_row::<DB>)
                .collect()
        }

        async fn triage_counts(
            &self,
            scope: OrganizationId,
            overdue_if_waiting_since_before: [i64; 4],
        ) -> Result<[UrgencyCounts; 4], StoreError> {
            let [detained, threat, days, later] = overdue_if_waiting_since_before;
            let mut conn = self.pool.acquire().await?;
            let tally = sqlx::query(TALLY)
                .bind(scope.as_uuid())
                .fetch_all(&mut *conn)
                .await?;
            let recent = sqlx::query(NOT_YET_OVERDUE)
                .bind(scope.as_uuid())
                .bind(detained)
                .bind(threat)
                .bind(days)
                .bind(later)
                .fetch_all(&mut *conn)
                .await?;
            let mut counts = [UrgencyCounts::default(); 4];
            let mut unanswered = [0i64; 4];
            for row in &tally {
                let rank: i64 = row.try_get(0)?;
                let at = slot(&mut counts, rank)?;
                at.open = row.try_get(1)?;
                at.unassigned = row.try_get(2)?;
                if let Some(total) = usize::try_from(rank).ok().and_then(|r| unanswered.get_mut(r)) {
                    *total = row.try_get(3)?;
                }
            }
            for row in &recent {
                let rank: i64 = row.try_get(0)?;
                let recent: i64 = row.try_get(1)?;
                let total = usize::try_from(rank)
                    .ok()
                    .and_then(|r| unanswered.get(r))
                    .copied()
                    .unwrap_or(0);
                slot(&mut counts, rank)?.overdue = (total - recent).max(0);
            }
            Ok(counts)
        }

        async fn follow_ups_due(
            &self,
            scope: OrganizationId,
            due_by_ms: i64,
            limit: i64,
        ) -> Result<Vec<QueueRow>, StoreError> {
            sqlx::query(FOLLOW_UPS)
                .bind(scope.as_uuid())
                .bind(due_by_ms)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(queue_row::<DB>)
                .collect()
        }

        async fn triage_of(
            &self,
            scope: OrganizationId,
            case: CaseId,
        ) -> Result<Option<QueueRow>, StoreError> {
            sqlx::query(TRIAGE_OF)
                .bind(scope.as_uuid())
                .bind(case.as_uuid())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(queue_row::<DB>)
                .transpose()
        }

        async fn time_targets(&self, scope: OrganizationId) -> Result<Option<TimeTargets>, StoreError> {
            let Some(row) = sqlx::query(SELECT_TARGETS)
                .bind(scope.as_uuid())
                .fetch_optional(&self.pool)
                .await?
            else {
                return Ok(None);
            };
            let hours = |i: usize| -> Result<u32, StoreError> {
                let stored: i64 = row.try_get(i)?;
                u32::try_from(stored)
                    .map_err(|_| StoreError::Corrupt(format!("a time target of {stored} hours")))
            };
            Ok(Some(TimeTargets {
                detained_now: hours(0)?,
                threat_to_life: hours(1)?,
                within_days: hours(2)?,
                not_urgent: hours(3)?,
            }))
        }
    }
}

sql_store! {
    pub(super) async fn assign_case(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        case: CaseId,
        assignee: Option<UserId>,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(ASSIGN)
            .bind(assignee.map(|user| user.as_uuid()))
            .bind(case.as_uuid())
            .bind(scope.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    pub(super) async fn record_risk(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        case: CaseId,
        level: RiskLevel,
        follow_up_ms: i64,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(RECORD_RISK)
            .bind(i64::from(risk_rank(Some(level))))
            .bind(follow_up_ms)
            .bind(case.as_uuid())
            .bind(scope.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    /// True when `scope` owns the case, answered before or not.
    pub(super) async fn mark_answered(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        case: CaseId,
        at_ms: i64,
    ) -> Result<bool, StoreError> {
        sqlx::query(MARK_ANSWERED)
            .bind(at_ms)
            .bind(case.as_uuid())
            .bind(scope.as_uuid())
            .execute(&mut *conn)
            .await?;
        Self::owns(conn, scope, case).await
    }

    pub(super) async fn schedule_follow_up(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        case: CaseId,
        at_ms: Option<i64>,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(SCHEDULE_FOLLOW_UP)
            .bind(at_ms)
            .bind(case.as_uuid())
            .bind(scope.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    pub(super) async fn back_in_triage(
        conn: &mut DB::Connection,
        case: CaseId,
        at_ms: i64,
    ) -> Result<bool, StoreError> {
        let updated = sqlx::query(BACK_IN_TRIAGE)
            .bind(at_ms)
            .bind(case.as_uuid())
            .execute(&mut *conn)
            .await?;
        Ok(updated.affected() == 1)
    }

    pub(super) async fn set_time_targets(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        targets: &TimeTargets,
    ) -> Result<(), StoreError> {
        targets
            .validate()
            .map_err(|e| StoreError::Rejected(format!("time targets: {e}")))?;
        sqlx::query(UPSERT_TARGETS)
            .bind(scope.as_uuid())
            .bind(i64::from(targets.detained_now))
            .bind(i64::from(targets.threat_to_life))
            .bind(i64::from(targets.within_days))
            .bind(i64::from(targets.not_urgent))
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    async fn owns(
        conn: &mut DB::Connection,
        scope: OrganizationId,
        case: CaseId,
    ) -> Result<bool, StoreError> {
        Ok(sqlx::query(OWNED)
            .bind(case.as_uuid())
            .bind(scope.as_uuid())
            .fetch_optional(&mut *conn)
            .await?
            .is_some())
    }
}

/// The counts of the urgency of `rank`.
fn slot(counts: &mut [UrgencyCounts; 4], rank: i64) -> Result<&mut UrgencyCounts, StoreError> {
    usize::try_from(rank)
        .ok()
        .and_then(|at| counts.get_mut(at))
        .ok_or_else(|| StoreError::Corrupt(format!("urgency rank {rank}")))
}

fn queue_row<DB>(row: &DB::Row) -> Result<QueueRow, StoreError>
where
    DB: Database,
    usize: ColumnIndex<DB::Row>,
    Uuid: Column<DB>,
    Option<Uuid>: Column<DB>,
    String: Column<DB>,
    i64: Column<DB>,
    Option<i64>: Column<DB>,
{
    let rank: i64 = row.try_get(4)?;
    Ok(QueueRow {
        id: CaseId::from_uuid(row.try_get(0)?),
        country: country(row.try_get(1)?)?,
        urgency: urgency(row.try_get(2)?)?,
        status: status(row.try_get(3)?)?,
        risk_rank: u8::try_from(rank)
            .map_err(|_| StoreError::Corrupt(format!("a case's risk rank {rank}")))?,
        waiting_since_ms: row.try_get(5)?,
        answered_at_ms: row.try_get(6)?,
        assignee: row.try_get::<Option<Uuid>, _>(7)?.map(UserId::from_uuid),
        follow_up_ms: row.try_get(8)?,
    })
}
