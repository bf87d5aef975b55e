//! A rule parameter's name as the rule form shows it: the report's word in Chinese ("分子"), the
//! file's key in English ("numerator", which is what the one-line form and docs/format.md use).

use super::Lang;

/// The label of the rule key `key` (as `rule = { numerator = … }` writes it).
pub fn rule_param(key: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return key.to_string();
    }
    let zh = match key {
        "numerator" => "分子",
        "denominator" => "分母",
        "value" => "测量值",
        "per_item" => "每处扣分",
        "fraction" => "每处扣分值的",
        "min" => "最低分",
        "max" => "最高分",
        "points" => "要点分值",
        "levels" => "档次",
        "cap" => "超100%按100%",
        "at_least" => "下限（≥）",
        "at_most" => "上限（≤）",
        "otherwise" => "未达到时",
        "bands" => "区间",
        "threshold" => "阈值",
        "full" => "满分线",
        "floor" => "零分线",
        "deduct" => "每步扣分",
        "deduct_fraction" => "每步扣分值的",
        "step" => "步长",
        "steps" => "步数计法",
        "direction" => "方向",
        "tolerance" => "持平区间",
        "full_at" => "满分点",
        "zero_at" => "零分点",
        "actual" => "实际值",
        "op" => "比较",
        "target" => "目标值",
        "expr" => "公式",
        // Keys every rule (or every measured rule) takes.
        "unit" => "计量单位",
        "rate_places" => "比率保留位数",
        "years" => "多年取值",
        "veto" => "一票否决项",
        other => other,
    };
    zh.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every parameter the rule form shows has a Chinese label.
    #[test]
    fn every_form_parameter_has_a_chinese_label() {
        let kinds = [
            "deductions",
            "judgement",
            "checkpoints",
            "levels",
            "rate",
            "threshold",
            "bands",
            "proportional",
            "hybrid",
            "per_point",
            "linear",
            "target",
            "formula",
        ];
        for kind in kinds {
            for p in crate::edit::rule_params(kind) {
                let zh = rule_param(p.key, Lang::Zh);
                assert!(
                    zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{kind}.{}: {zh}",
                    p.key
                );
                assert_eq!(rule_param(p.key, Lang::En), p.key);
            }
        }
    }
}
