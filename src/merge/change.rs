//! What one side changed, field by field, as values: "B101 资金到位率 得分 2.00 → 1.00".

use crate::model::{Field, FieldValue, show};

/// One field of one indicator (or adjustment item, or the file's structure) that a side changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The indicator or adjustment item; empty for structure outside both.
    pub code: String,
    /// Its name, as the file calls it.
    pub name: String,
    pub field: Field,
    /// Absent (`None`) before: an addition; absent after: a removal.
    pub from: Option<FieldValue>,
    pub to: Option<FieldValue>,
}

fn list_label(field: &Field) -> Option<&'static str> {
    match field {
        Field::Deduction(_) => Some("扣分"),
        Field::Evidence(_) => Some("佐证材料"),
        Field::Review(_) => Some("复核意见"),
        _ => None,
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in [&self.code, &self.name] {
            if !part.is_empty() {
                write!(f, "{part} ")?;
            }
        }
        match (list_label(&self.field), &self.from, &self.to) {
            (Some(list), None, Some(to)) => write!(f, "新增{list} {to}"),
            (Some(list), Some(from), None) => write!(f, "删除{list} {from}"),
            _ => write!(
                f,
                "{} {} → {}",
                self.field.label(),
                show(self.from.as_ref()),
                show(self.to.as_ref())
            ),
        }
    }
}
