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
        return Err(EditError::new(
            format!("there is no merge conflict number {}", index + 1),
            format!("没有第 {} 个合并冲突", index + 1),
        ));
    };
    let Field::Structure(path) = &record.field else {
        return Err(EditError::en(
            "not a structural conflict; resolve it with the ResolveConflict edit",
        ));
    };
    let keys: Vec<String> = path.split('.').map(str::to_string).collect();
    let value = match &record.theirs {
        None => None,
        Some(FieldValue::Toml(text)) => Some(Item::Value(text.parse::<Value>().map_err(|_| {
            EditError::new(
                format!("theirs' value of `{path}` is not a TOML value: {text}"),
                format!("`{path}` 的对方值不是 TOML 值：{text}"),
            )
        })?)),
        Some(_) => return Err(EditError::en("a structural conflict records TOML text")),
    };
    let mut doc = file.document().clone();
    if !structure::put(&mut doc, &keys, value.as_ref()) {
        return Err(EditError::new(
            format!("`{path}` cannot be set in this file; edit it by hand"),
            format!("无法在文件中设置 `{path}`，请手工修改"),
        ));
    }
    let mut out = ProjectFile::from_text(&file.path, &doc.to_string()).map_err(|e| {
        EditError::en(format!(
            "theirs' value of `{path}` makes the file unreadable: {e}"
        ))
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
