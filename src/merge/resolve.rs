//! Taking theirs' side of a structural conflict: no edit changes a weight or a name, so the
//! recorded TOML value is written into the key itself and the record is then resolved as ours
//! (which its key now holds), all in one file that saves like any edited one.

use toml_edit::{Item, Value};

use super::structure;
use crate::edit::{Edit, EditError};
use crate::model::{Field, FieldValue, Side};
use crate::store::ProjectFile;

/// `file` with the structural conflict record at `index` resolved to theirs' value, ready to
/// save over the same file (its fingerprint and base are the original's).
pub fn take_theirs_structure(file: &ProjectFile, index: usize) -> Result<ProjectFile, EditError> {
    let Some(record) = file.project().conflicts.get(index) else {
        return Err(EditError::NoConflict { number: index + 1 });
    };
    let Field::Structure(path) = &record.field else {
        return Err(EditError::NotStructural);
    };
    let keys: Vec<String> = path.split('.').map(str::to_string).collect();
    let value = match &record.theirs {
        None => None,
        Some(FieldValue::Toml(text)) => Some(Item::Value(text.parse::<Value>().map_err(|_| {
            EditError::TheirsNotToml {
                path: path.clone(),
                text: text.clone(),
            }
        })?)),
        Some(_) => return Err(EditError::StructuralNeedsToml),
    };
    let mut doc = file.document().clone();
    if !structure::put(&mut doc, &keys, value.as_ref()) {
        return Err(EditError::CannotSet { path: path.clone() });
    }
    let mut out = ProjectFile::from_text(&file.path, &doc.to_string()).map_err(|e| {
        EditError::TheirsUnreadable {
            path: path.clone(),
            error: e.to_string(),
        }
    })?;
    out.disk_fingerprint = file.disk_fingerprint;
    out.base_text = file.base_text.clone();
    out.apply(&Edit::ResolveConflict {
        code: record.code.clone(),
        index,
        take: Side::Ours,
    })?;
    Ok(out)
}
