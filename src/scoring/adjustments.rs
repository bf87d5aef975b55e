//! 加减分项: bonuses and penalties outside the base total, each capped, then capped as a group.

use rust_decimal::Decimal;

use crate::model::{AdjustmentDirection, Adjustments};

#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentLine {
    pub code: String,
    pub name: String,
    pub direction: AdjustmentDirection,
    pub recorded: Decimal,
    /// After the item's own cap.
    pub counted: Decimal,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentOutcome {
    pub lines: Vec<AdjustmentLine>,
    /// Σ bonuses after item caps and the group cap.
    pub bonus: Decimal,
    pub penalty: Decimal,
    /// bonus − penalty, added to the base total.
    pub net: Decimal,
    pub notes: Vec<String>,
}

pub fn apply(adj: &Adjustments) -> AdjustmentOutcome {
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    let (mut bonus, mut penalty) = (Decimal::ZERO, Decimal::ZERO);
    for item in &adj.items {
        let recorded = item.recorded().unwrap_or_default().abs();
        let counted = item.cap.map_or(recorded, |c| recorded.min(c));
        if counted < recorded {
            notes.push(format!(
                "{} {}：记录 {} 分，超过单项上限，按 {} 分计",
                item.code,
                item.name,
                recorded.normalize(),
                counted.normalize()
            ));
        }
        match item.direction {
            AdjustmentDirection::Bonus => bonus += counted,
            AdjustmentDirection::Penalty => penalty += counted,
        }
        lines.push(AdjustmentLine {
            code: item.code.clone(),
            name: item.name.clone(),
            direction: item.direction,
            recorded,
            counted,
            reason: item.reason.clone(),
        });
    }
    if let Some(cap) = adj.bonus_cap.filter(|c| bonus > *c) {
        notes.push(format!(
            "加分合计 {} 分，超过上限，按 {} 分计",
            bonus.normalize(),
            cap.normalize()
        ));
        bonus = cap;
    }
    if let Some(cap) = adj.penalty_cap.filter(|c| penalty > *c) {
        notes.push(format!(
            "减分合计 {} 分，超过上限，按 {} 分计",
            penalty.normalize(),
            cap.normalize()
        ));
        penalty = cap;
    }
    AdjustmentOutcome {
        lines,
        bonus,
        penalty,
        net: bonus - penalty,
        notes,
    }
}
