use std::collections::HashMap;

use crate::diagnostic::Pos;

/// Where each table and value of a loaded file sits, keyed by dotted path
/// (`indicators.A202`, `indicators.A202.weight`, `indicators.A202.deductions.0.points`).
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    positions: HashMap<String, Pos>,
}

impl SourceMap {
    pub fn insert(&mut self, path: String, pos: Pos) {
        self.positions.entry(path).or_insert(pos);
    }

    pub fn get(&self, path: &str) -> Option<Pos> {
        self.positions.get(path).copied()
    }

    /// The position of `path`, or of its nearest enclosing table when the key is absent.
    pub fn nearest(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.get(p) {
                return Some(pos);
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }

    pub fn indicator(&self, code: &str) -> Option<Pos> {
        self.get(&format!("indicators.{code}"))
    }

    pub fn field(&self, code: &str, field: &str) -> Option<Pos> {
        self.nearest(&format!("indicators.{code}.{field}"))
    }
}
