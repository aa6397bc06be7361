//! Risk assessment as protection practice does it (Protection International's
//! protection manual, Front Line Defenders' workbook): risk = threats ×
//! vulnerabilities ÷ capacities. A caseworker scores a fixed set of factors of each
//! kind from 0 (none) to 3 (high); the level (low, medium, high, critical) follows
//! from them by one rule, shown with its reasoning, and so does the date of the
//! next reassessment. The scores are the caseworker's judgement; this module only
//! keeps the arithmetic the same for everyone.

use serde::{Deserialize, Serialize};

/// What makes harm likely to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threat {
    /// Threats received, in words, in writing or online.
    Explicit,
    /// Attacks on defenders of the same work, group or place lately.
    Pattern,
    /// The source's means and will to act (the state, a group, a person).
    SourceCapacity,
    /// Surveillance, summons, searches, proceedings under way.
    Escalation,
}

/// What makes a defender easier to harm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vulnerability {
    /// Known, visible, reachable: an address, a face, a public role.
    Exposure,
    /// No colleagues, network or organisation around them.
    Isolation,
    /// Devices, accounts and messages open to the source.
    Digital,
    /// Family or others who can be used against them.
    Dependants,
    /// Far from the capital, lawyers and help; or in exile without papers.
    Remoteness,
}

/// What protects a defender already.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    /// Allies, networks and organisations that will act for them.
    Network,
    /// Security habits: plans, safe communication, safe places.
    Practices,
    /// Access to a lawyer, money, a way to leave.
    Resources,
    /// Rest, care and the strength to go on.
    Wellbeing,
}

impl Threat {
    pub fn code(self) -> &'static str {
        match self {
            Threat::Explicit => "explicit",
            Threat::Pattern => "pattern",
            Threat::SourceCapacity => "source_capacity",
            Threat::Escalation => "escalation",
        }
    }

    pub const ALL: [Threat; 4] = [
        Threat::Explicit,
        Threat::Pattern,
        Threat::SourceCapacity,
        Threat::Escalation,
    ];
}

impl Vulnerability {
    pub fn code(self) -> &'static str {
        match self {
            Vulnerability::Exposure => "exposure",
            Vulnerability::Isolation => "isolation",
            Vulnerability::Digital => "digital",
            Vulnerability::Dependants => "dependants",
            Vulnerability::Remoteness => "remoteness",
        }
    }

    pub const ALL: [Vulnerability; 5] = [
        Vulnerability::Exposure,
        Vulnerability::Isolation,
        Vulnerability::Digital,
        Vulnerability::Dependants,
        Vulnerability::Remoteness,
    ];
}

impl Capacity {
    pub fn code(self) -> &'static str {
        match self {
            Capacity::Network => "network",
            Capacity::Practices => "practices",
            Capacity::Resources => "resources",
            Capacity::Wellbeing => "wellbeing",
        }
    }

    pub const ALL: [Capacity; 4] = [
        Capacity::Network,
        Capacity::Practices,
        Capacity::Resources,
        Capacity::Wellbeing,
    ];
}

/// The highest score of a factor.
pub const MOST: u8 = 3;

/// Every factor scored 0 to 3, in the order of each kind's `ALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scores {
    pub threats: [u8; 4],
    pub vulnerabilities: [u8; 5],
    pub capacities: [u8; 4],
}

/// The level of a risk, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
    Critical,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 4] = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Critical,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
            RiskLevel::Critical => "critical",
        }
    }

    pub fn from_code(code: &str) -> Option<RiskLevel> {
        RiskLevel::ALL
            .into_iter()
            .find(|level| level.code() == code)
    }

    /// Days until the risk is assessed again: the higher it is, the sooner it
    /// may have changed, and the costlier a stale view.
    pub fn reassess_after_days(self) -> i64 {
        match self {
            RiskLevel::Critical => 7,
            RiskLevel::High => 14,
            RiskLevel::Medium => 30,
            RiskLevel::Low => 90,
        }
    }
}

/// A score out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a factor is scored from 0 to {MOST}, not {score}")]
pub struct ScoreOutOfRange {
    pub score: u8,
}

/// The level and how it was reached, to show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub level: RiskLevel,
    /// Means of each kind, in hundredths (0 to 300).
    pub threats: u32,
    pub vulnerabilities: u32,
    pub capacities: u32,
    /// threats × vulnerabilities ÷ capacities, in hundredths; capacities count as
    /// at least 0.5 (`CAPACITY_FLOOR`), so "no capacity at all" is the worst case
    /// and never a division by zero.
    pub score: u32,
    /// The factors that weigh most: the highest threats and vulnerabilities, the
    /// lowest capacities (all of those sharing the extreme score).
    pub strongest_threats: Vec<Threat>,
    pub strongest_vulnerabilities: Vec<Vulnerability>,
    pub weakest_capacities: Vec<Capacity>,
}

/// The least capacities count for, in hundredths.
pub const CAPACITY_FLOOR: u32 = 50;

/// Where each level begins, in hundredths of the score. With every factor at its
/// middle (1.5) the score is 1.5: medium. High threats and vulnerabilities (2.5)
/// against fair capacities (1.5) give about 4.2: high. Top threats and
/// vulnerabilities against little capacity (1 or less) give 9 or more: critical.
const MEDIUM_FROM: u32 = 100;
const HIGH_FROM: u32 = 300;
const CRITICAL_FROM: u32 = 600;

impl Scores {
    /// The assessment these scores give.
    pub fn assess(&self) -> Result<Assessment, ScoreOutOfRange> {
        let all = self
            .threats
            .iter()
            .chain(&self.vulnerabilities)
            .chain(&self.capacities);
        if let Some(&score) = all.into_iter().find(|&&score| score > MOST) {
            return Err(ScoreOutOfRange { score });
        }
        let threats = mean(&self.threats);
        let vulnerabilities = mean(&self.vulnerabilities);
        let capacities = mean(&self.capacities);
        let score = threats * vulnerabilities / capacities.max(CAPACITY_FLOOR);
        let level = match score {
            s if s >= CRITICAL_FROM => RiskLevel::Critical,
            s if s >= HIGH_FROM => RiskLevel::High,
            s if s >= MEDIUM_FROM => RiskLevel::Medium,
            _ => RiskLevel::Low,
        };
        Ok(Assessment {
            level,
            threats,
            vulnerabilities,
            capacities,
            score,
            strongest_threats: extreme(&Threat::ALL, &self.threats, Extreme::Highest),
            strongest_vulnerabilities: extreme(
                &Vulnerability::ALL,
                &self.vulnerabilities,
                Extreme::Highest,
            ),
            weakest_capacities: extreme(&Capacity::ALL, &self.capacities, Extreme::Lowest),
        })
    }
}

impl Assessment {
    /// When the risk is to be assessed again, for an assessment made at `at_ms`.
    pub fn reassess_at_ms(&self, at_ms: i64) -> i64 {
        at_ms.saturating_add(self.level.reassess_after_days() * DAY_MS)
    }
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The mean of `scores` in hundredths.
fn mean(scores: &[u8]) -> u32 {
    let sum: u32 = scores.iter().map(|&score| u32::from(score)).sum();
    let count = u32::try_from(scores.len()).unwrap_or(u32::MAX).max(1);
    sum * 100 / count
}

enum Extreme {
    Highest,
    Lowest,
}

/// The factors of `factors` at the highest (or lowest) of `scores`; none when
/// the highest is 0 (nothing stands out) or the lowest is the top score.
fn extreme<F: Copy>(factors: &[F], scores: &[u8], which: Extreme) -> Vec<F> {
    let target = match which {
        Extreme::Highest => scores.iter().copied().max().filter(|&s| s > 0),
        Extreme::Lowest => scores.iter().copied().min().filter(|&s| s < MOST),
    };
    let Some(target) = target else {
        return Vec::new();
    };
    factors
        .iter()
        .zip(scores)
        .filter(|(_, &score)| score == target)
        .map(|(&factor, _)| factor)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use proptest::prelude::*;

    fn uniform(threat: u8, vulnerability: u8, capacity: u8) -> Scores {
        Scores {
            threats: [threat; 4],
            vulnerabilities: [vulnerability; 5],
            capacities: [capacity; 4],
        }
    }

    #[test]
    fn the_level_follows_threats_times_vulnerabilities_over_capacities() {
        assert_eq!(uniform(0, 3, 0).assess().unwrap().level, RiskLevel::Low);
        assert_eq!(uniform(1, 1, 3).assess().unwrap().level, RiskLevel::Low);
        assert_eq!(uniform(2, 2, 2).assess().unwrap().level, RiskLevel::Medium);
        assert_eq!(uniform(3, 3, 2).assess().unwrap().level, RiskLevel::High);
        assert_eq!(
            uniform(3, 3, 1).assess().unwrap().level,
            RiskLevel::Critical
        );
        // No capacity at all is the worst case, not a division by zero.
        let none = uniform(2, 2, 0).assess().unwrap();
        assert_eq!(none.score, 200 * 200 / CAPACITY_FLOOR);
        assert_eq!(none.level, RiskLevel::Critical);
    }

    #[test]
    fn the_reasoning_names_the_means_and_the_factors_that_weigh_most() {
        let scores = Scores {
            threats: [3, 1, 3, 0],
            vulnerabilities: [1, 2, 0, 0, 0],
            capacities: [0, 2, 0, 3],
        };
        let assessment = scores.assess().unwrap();
        assert_eq!(assessment.threats, 175);
        assert_eq!(assessment.vulnerabilities, 60);
        assert_eq!(assessment.capacities, 125);
        assert_eq!(assessment.score, 175 * 60 / 125);
        assert_eq!(
            assessment.strongest_threats,
            [Threat::Explicit, Threat::SourceCapacity]
        );
        assert_eq!(
            assessment.strongest_vulnerabilities,
            [Vulnerability::Isolation]
        );
        assert_eq!(
            assessment.weakest_capacities,
            [Capacity::Network, Capacity::Resources]
        );
        // Nothing stands out when nothing is scored.
        let calm = uniform(0, 0, 3).assess().unwrap();
        assert!(calm.strongest_threats.is_empty() && calm.weakest_capacities.is_empty());
    }

    #[test]
    fn a_score_over_three_is_refused() {
        let mut scores = uniform(1, 1, 1);
        scores.vulnerabilities[4] = 4;
        assert_eq!(scores.assess(), Err(ScoreOutOfRange { score: 4 }));
    }

    #[test]
    fn the_higher_the_level_the_sooner_the_reassessment() {
        let days: Vec<i64> = RiskLevel::ALL
            .iter()
            .map(|level| level.reassess_after_days())
            .collect();
        assert!(days.windows(2).all(|pair| pair[0] > pair[1]), "{days:?}");
        let critical = uniform(3, 3, 0).assess().unwrap();
        assert_eq!(critical.reassess_at_ms(1_000), 1_000 + 7 * DAY_MS);
        for level in RiskLevel::ALL {
            assert_eq!(RiskLevel::from_code(level.code()), Some(level));
        }
    }

    fn scores() -> impl Strategy<Value = Scores> {
        (
            proptest::array::uniform4(0..=MOST),
            proptest::array::uniform5(0..=MOST),
            proptest::array::uniform4(0..=MOST),
        )
            .prop_map(|(threats, vulnerabilities, capacities)| Scores {
                threats,
                vulnerabilities,
                capacities,
            })
    }

    proptest! {
        /// More threat or vulnerability never lowers the level; more capacity
        /// never raises it.
        #[test]
        fn the_level_moves_the_way_each_factor_pushes(
            scores in scores(),
            which in 0usize..13,
        ) {
            let before = scores.assess().unwrap().level;
            let mut after = scores;
            let (slot, raises) = match which {
                0..=3 => (&mut after.threats[which], true),
                4..=8 => (&mut after.vulnerabilities[which - 4], true),
                _ => (&mut after.capacities[which - 9], false),
            };
            if *slot < MOST {
                *slot += 1;
                let moved = after.assess().unwrap().level;
                if raises {
                    prop_assert!(moved >= before);
                } else {
                    prop_assert!(moved <= before);
                }
            }
        }
    }
}
