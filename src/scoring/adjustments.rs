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
    /// The caps that bit, in the order they apply.
    pub notes: Vec<AdjustmentNote>,
}

/// A cap that bit (超过上限), as a value: its words are made by `crate::lang`.
#[derive(Debug, Clone, PartialEq)]
pub enum AdjustmentNote {
    /// One item's points above its own cap.
    ItemCapped {
        code: String,
        name: String,
        recorded: Decimal,
        counted: Decimal,
    },
    /// The bonuses (or the penalties) together above the group's cap.
    GroupCapped {
        direction: AdjustmentDirection,
        sum: Decimal,
        cap: Decimal,
    },
}

impl AdjustmentNote {
    /// The item the note is about, when it is about one.
    pub fn item(&self) -> Option<&str> {
        match self {
            AdjustmentNote::ItemCapped { code, .. } => Some(code),
            AdjustmentNote::GroupCapped { .. } => None,
        }
    }

    pub fn text(&self, lang: crate::lang::Lang) -> String {
        crate::lang::explanation::adjustment_note(self, lang)
    }
}

pub fn apply(adj: &Adjustments) -> AdjustmentOutcome {
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    let (mut bonus, mut penalty) = (Decimal::ZERO, Decimal::ZERO);
    for item in &adj.items {
        let recorded = item.recorded().unwrap_or_default().abs();
        let counted = item.cap.map_or(recorded, |c| recorded.min(c));
        if counted < recorded {
            notes.push(AdjustmentNote::ItemCapped {
                code: item.code.clone(),
                name: item.name.clone(),
                recorded,
                counted,
            });
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
        notes.push(AdjustmentNote::GroupCapped {
            direction: AdjustmentDirection::Bonus,
            sum: bonus,
            cap,
        });
        bonus = cap;
    }
    if let Some(cap) = adj.penalty_cap.filter(|c| penalty > *c) {
        notes.push(AdjustmentNote::GroupCapped {
            direction: AdjustmentDirection::Penalty,
            sum: penalty,
            cap,
        });
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
