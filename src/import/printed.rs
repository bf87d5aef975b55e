//! Keys and printed codes from an export's 计分规则 sheet. The tables print each node's `shown`
//! code (or none), so "（一） 决策" cannot be told apart from a name: the sheet lists every node
//! with its key and 印制编码, and when its nodes are the table's nodes, in the same order and
//! with the same labels, the import takes the keys, printed codes and names from it.

use super::outcome::SideNode;
use crate::report::sheet::indicator_label;

/// The sheet's node for each of the table's nodes (`labels`: each node's label as the table
/// prints it, in tree order), or `None` when the sheet lists other nodes (an older export that
/// lists leaves only, or a table edited since) and the labels are read as they stand.
pub fn match_nodes<'a>(labels: &[&str], sheet: &'a [SideNode]) -> Option<Vec<&'a SideNode>> {
    if labels.len() != sheet.len() {
        return None;
    }
    let same = |label: &str, n: &SideNode| {
        // A table printed without codes (`code_prefix = false`) labels by name alone.
        label == indicator_label(&n.printed, &n.name) || label == n.name
    };
    labels
        .iter()
        .zip(sheet)
        .all(|(l, n)| !n.key.is_empty() && same(l.trim(), n))
        .then(|| sheet.iter().collect())
}

/// The `shown` a node gets back: none when the tables print its key.
pub fn shown(n: &SideNode) -> Option<String> {
    (n.printed != n.key).then(|| n.printed.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(key: &str, printed: &str, name: &str) -> SideNode {
        SideNode {
            key: key.into(),
            printed: printed.into(),
            name: name.into(),
        }
    }

    #[test]
    fn printed_codes_and_keys_come_back_when_the_labels_match() {
        let sheet = [
            node("A", "（一）", "决策"),
            node("A1", "", "项目立项"),
            node("A101", "A101", "依据充分性"),
        ];
        let m = match_nodes(&["（一） 决策", "项目立项", "A101 依据充分性"], &sheet).unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(shown(m[0]).as_deref(), Some("（一）"));
        assert_eq!(shown(m[1]).as_deref(), Some(""));
        assert_eq!(shown(m[2]), None);
    }

    #[test]
    fn a_table_edited_since_the_export_keeps_its_own_labels() {
        let sheet = [node("A", "（一）", "决策"), node("A1", "", "项目立项")];
        assert!(
            match_nodes(&["（一） 决策"], &sheet).is_none(),
            "a row less"
        );
        assert!(
            match_nodes(&["（一） 决策", "项目论证"], &sheet).is_none(),
            "a name changed"
        );
    }
}
