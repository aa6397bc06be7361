//! Triage: how soon each case is owed a first answer (time targets by urgency,
//! which an organisation may set for itself), which cases are overdue, and the
//! order of the queue. Helplines promise a first answer within hours to the most
//! urgent (Access Now's: 2 hours, around the clock); the defaults follow that.

use serde::{Deserialize, Serialize};

use crate::case::Urgency;
use crate::ids::{CaseId, UserId};
use crate::risk::RiskLevel;

const HOUR_MS: i64 = 60 * 60 * 1000;

/// The longest target an organisation may set: beyond a month a "first answer"
/// promises nothing.
pub const LONGEST_TARGET_HOURS: u32 = 30 * 24;

/// Hours to a first answer, by urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeTargets {
    pub detained_now: u32,
    pub threat_to_life: u32,
    pub within_days: u32,
    pub not_urgent: u32,
}

impl Default for TimeTargets {
    fn default() -> TimeTargets {
        TimeTargets {
            detained_now: 2,
            threat_to_life: 2,
            within_days: 24,
            not_urgent: 5 * 24,
        }
    }
}

/// Why targets an organisation set were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error(
        "the time target for {urgency} must be from 1 to {LONGEST_TARGET_HOURS} hours, not {hours}"
    )]
    OutOfRange { urgency: &'static str, hours: u32 },
    #[error("the time target for {urgent} ({urgent_hours} h) must not be longer than for {less_urgent} ({less_urgent_hours} h)")]
    OutOfOrder {
        urgent: &'static str,
        urgent_hours: u32,
        less_urgent: &'static str,
        less_urgent_hours: u32,
    },
}

impl TimeTargets {
    pub fn hours(&self, urgency: Urgency) -> u32 {
        match urgency {
            Urgency::DetainedNow => self.detained_now,
            Urgency::ThreatToLife => self.threat_to_life,
            Urgency::WithinDays => self.within_days,
            Urgency::NotUrgent => self.not_urgent,
        }
    }

    /// Every target within range, and a more urgent case never given longer than
    /// a less urgent one (else the queue and the targets would disagree).
    pub fn validate(&self) -> Result<(), TargetError> {
        for urgency in Urgency::ALL {
            let hours = self.hours(urgency);
            if !(1..=LONGEST_TARGET_HOURS).contains(&hours) {
                return Err(TargetError::OutOfRange {
                    urgency: urgency.code(),
                    hours,
                });
            }
        }
        for pair in Urgency::ALL.windows(2) {
            let (urgent, less_urgent) = (pair[0], pair[1]);
            if self.hours(urgent) > self.hours(less_urgent) {
                return Err(TargetError::OutOfOrder {
                    urgent: urgent.code(),
                    urgent_hours: self.hours(urgent),
                    less_urgent: less_urgent.code(),
                    less_urgent_hours: self.hours(less_urgent),
                });
            }
        }
        Ok(())
    }

    /// The arrival time before which an unanswered case of `urgency` is overdue
    /// at `now_ms`: how a query counts overdue cases by the rule of
    /// `Waiting::timeliness`.
    pub fn overdue_if_arrived_before(&self, urgency: Urgency, now_ms: i64) -> i64 {
        now_ms - i64::from(self.hours(urgency)) * HOUR_MS
    }

    /// When a case of `urgency` that arrived at `arrived_ms` is owed its first
    /// answer.
    pub fn due_at_ms(&self, urgency: Urgency, arrived_ms: i64) -> i64 {
        arrived_ms.saturating_add(i64::from(self.hours(urgency)) * HOUR_MS)
    }
}

/// A case as the queue sees it: only clear fields and what staff recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub case: CaseId,
    pub urgency: Urgency,
    /// The latest assessment's level; `None` until the case is assessed.
    pub risk: Option<RiskLevel>,
    pub arrived_ms: i64,
    /// When the organisation first answered (a message, a decision), if it has.
    pub first_answer_ms: Option<i64>,
    pub assignee: Option<UserId>,
}

/// Where a case stands against its time target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeliness {
    /// Not answered yet, and still within the target.
    Due { at_ms: i64 },
    /// Not answered, and the target has passed.
    Overdue { since_ms: i64 },
    /// Answered within the target.
    AnsweredInTime,
    /// Answered after the target.
    AnsweredLate,
}

impl Timeliness {
    pub fn is_overdue(self) -> bool {
        matches!(self, Timeliness::Overdue { .. })
    }
}

impl Waiting {
    pub fn timeliness(&self, targets: &TimeTargets, now_ms: i64) -> Timeliness {
        let due = targets.due_at_ms(self.urgency, self.arrived_ms);
        match self.first_answer_ms {
            Some(answered) if answered <= due => Timeliness::AnsweredInTime,
            Some(_) => Timeliness::AnsweredLate,
            None if now_ms > due => Timeliness::Overdue { since_ms: due },
            None => Timeliness::Due { at_ms: due },
        }
    }
}

/// Where an assessed level puts a case among the others of its urgency. A case
/// nobody has assessed yet may be anything: it comes after those known to be
/// critical or high, and before those known to be medium or low, so that it is
/// looked at before cases already known to be less pressing.
pub fn risk_rank(risk: Option<RiskLevel>) -> u8 {
    match risk {
        Some(RiskLevel::Critical) => 0,
        Some(RiskLevel::High) => 1,
        None => 2,
        Some(RiskLevel::Medium) => 3,
        Some(RiskLevel::Low) => 4,
    }
}

/// The level `risk_rank` gave `rank`; `None` for a case not assessed (or a rank
/// out of range, which no rule writes).
pub fn risk_of_rank(rank: u8) -> Option<RiskLevel> {
    RiskLevel::ALL
        .into_iter()
        .find(|&level| risk_rank(Some(level)) == rank)
}

/// Sorts the queue: by urgency (most urgent first), then assessed risk
/// (`risk_rank`), then waiting time (longest first); the case id last, so the
/// order never depends on how the cases were read.
pub fn order(queue: &mut [Waiting]) {
    queue.sort_by_key(|case| {
        (
            case.urgency,
            risk_rank(case.risk),
            case.arrived_ms,
            case.case,
        )
    });
}

/// The queue counted, for the top of the triage page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueCounts {
    pub total: usize,
    pub overdue: usize,
    pub unassigned: usize,
    /// By urgency, in the order of `Urgency::ALL`.
    pub by_urgency: [usize; 4],
}

pub fn count(queue: &[Waiting], targets: &TimeTargets, now_ms: i64) -> QueueCounts {
    let mut counts = QueueCounts {
        total: queue.len(),
        ..QueueCounts::default()
    };
    for case in queue {
        if case.timeliness(targets, now_ms).is_overdue() {
            counts.overdue += 1;
        }
        if case.assignee.is_none() {
            counts.unassigned += 1;
        }
        if let Some(slot) = Urgency::ALL.iter().position(|&u| u == case.urgency) {
            counts.by_urgency[slot] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn waiting(n: u128, urgency: Urgency, risk: Option<RiskLevel>, arrived_ms: i64) -> Waiting {
        Waiting {
            case: CaseId::from_uuid(Uuid::from_u128(n)),
            urgency,
            risk,
            arrived_ms,
            first_answer_ms: None,
            assignee: None,
        }
    }

    #[test]
    fn the_default_targets_are_the_helplines_promises() {
        let targets = TimeTargets::default();
        assert_eq!(targets.hours(Urgency::DetainedNow), 2);
        assert_eq!(targets.hours(Urgency::ThreatToLife), 2);
        assert_eq!(targets.hours(Urgency::WithinDays), 24);
        assert_eq!(targets.hours(Urgency::NotUrgent), 120);
        assert_eq!(targets.validate(), Ok(()));
        assert_eq!(
            targets.due_at_ms(Urgency::DetainedNow, 1_000),
            1_000 + 2 * HOUR_MS
        );
    }

    #[test]
    fn targets_out_of_range_or_out_of_order_are_refused() {
        let zero = TimeTargets {
            within_days: 0,
            ..TimeTargets::default()
        };
        assert_eq!(
            zero.validate(),
            Err(TargetError::OutOfRange {
                urgency: "within_days",
                hours: 0
            })
        );
        let inverted = TimeTargets {
            threat_to_life: 48,
            ..TimeTargets::default()
        };
        let error = inverted.validate().unwrap_err();
        assert!(matches!(
            error,
            TargetError::OutOfOrder {
                urgent: "threat_to_life",
                ..
            }
        ));
        assert!(error.to_string().contains("48 h"), "{error}");
        let too_long = TimeTargets {
            not_urgent: LONGEST_TARGET_HOURS + 1,
            ..TimeTargets::default()
        };
        assert!(too_long.validate().is_err());
    }

    #[test]
    fn a_case_is_overdue_only_unanswered_past_its_target() {
        let targets = TimeTargets::default();
        let mut case = waiting(1, Urgency::ThreatToLife, None, 0);
        let due = 2 * HOUR_MS;
        assert_eq!(
            case.timeliness(&targets, due),
            Timeliness::Due { at_ms: due }
        );
        assert_eq!(
            case.timeliness(&targets, due + 1),
            Timeliness::Overdue { since_ms: due }
        );
        case.first_answer_ms = Some(due);
        assert_eq!(
            case.timeliness(&targets, due * 10),
            Timeliness::AnsweredInTime
        );
        case.first_answer_ms = Some(due + 1);
        assert_eq!(
            case.timeliness(&targets, due * 10),
            Timeliness::AnsweredLate
        );
    }

    #[test]
    fn the_queue_goes_by_urgency_then_risk_then_waiting_time() {
        let mut queue = vec![
            waiting(1, Urgency::NotUrgent, Some(RiskLevel::Critical), 0),
            waiting(2, Urgency::WithinDays, Some(RiskLevel::Low), 0),
            waiting(3, Urgency::WithinDays, None, 50),
            waiting(4, Urgency::WithinDays, Some(RiskLevel::High), 100),
            waiting(5, Urgency::DetainedNow, None, 500),
            waiting(6, Urgency::WithinDays, None, 10),
        ];
        order(&mut queue);
        let ids: Vec<u128> = queue.iter().map(|c| c.case.as_uuid().as_u128()).collect();
        assert_eq!(ids, [5, 4, 6, 3, 2, 1]);
    }

    #[test]
    fn the_queue_is_counted_with_its_overdue_and_unassigned() {
        let targets = TimeTargets::default();
        let mut assigned = waiting(2, Urgency::WithinDays, None, 0);
        assigned.assignee = Some(UserId::from_uuid(Uuid::from_u128(9)));
        let queue = [
            waiting(1, Urgency::DetainedNow, None, 0),
            assigned,
            waiting(3, Urgency::WithinDays, None, 23 * HOUR_MS),
        ];
        let counts = count(&queue, &targets, 24 * HOUR_MS + 1);
        assert_eq!(
            counts,
            QueueCounts {
                total: 3,
                overdue: 2,
                unassigned: 2,
                by_urgency: [1, 0, 2, 0],
            }
        );
    }

    fn any_waiting() -> impl Strategy<Value = Waiting> {
        (
            0u128..20,
            0usize..4,
            proptest::option::of(0usize..4),
            0i64..1_000,
        )
            .prop_map(|(n, urgency, risk, arrived)| {
                waiting(
                    n,
                    Urgency::ALL[urgency],
                    risk.map(|r| RiskLevel::ALL[r]),
                    arrived,
                )
            })
    }

    proptest! {
        /// The order depends on the cases alone, never on the order they came in,
        /// and a more urgent case is never behind a less urgent one.
        #[test]
        fn the_order_is_total_and_urgency_first(mut queue in proptest::collection::vec(any_waiting(), 0..30)) {
            let mut reversed: Vec<Waiting> = queue.iter().rev().cloned().collect();
            order(&mut queue);
            order(&mut reversed);
            prop_assert_eq!(&queue, &reversed);
            prop_assert!(queue.windows(2).all(|pair| pair[0].urgency <= pair[1].urgency));
        }
    }
}
