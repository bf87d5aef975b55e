//! The one language layer: every text the library's values become, in Chinese or English.
//!
//! Results inside the program are values (a `ScoreError`, a diagnostic's `Kind`, an edit's
//! refusal); this module turns them into words, once, at the edge. Each renderer is a `match`
//! with one arm per kind and both languages side by side, so a message cannot exist in one
//! language only and every figure it names is filled in by the compiler-checked arm.

pub mod cli;
pub mod design;
pub mod diagnostic;
mod edit_label;
pub mod explain;
pub mod explanation;
mod explanation_calc;
mod files;
mod formula_error;
pub mod help;
pub mod import;
mod refusal;
mod refusal_command;
pub mod report_chapters;
pub mod report_words;
mod rule_param;
mod score_error;
pub mod survey_import;
pub mod syntax;
mod syntax_rule;
pub mod usage;

pub use edit_label::{definition_label, edit_label, edit_label_in, grades_label, policy_label};
pub use formula_error::formula_error;
pub use refusal::refusal;
pub use rule_param::rule_param;
pub use score_error::score_error;
pub use survey_import::survey_import_error;

/// The language of what the user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From the locale: LC_ALL, then LC_MESSAGES, then LANG (the first one set).
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        Lang::from_locale(locale.as_deref())
    }

    /// Chinese unless the locale names another language: `zh_CN.UTF-8` and also `C`,
    /// `C.UTF-8`, `POSIX` or no locale at all (a common default on servers reached by SSH,
    /// and our users are Chinese evaluators) give Chinese; `en_US.UTF-8`, `de_DE` … English.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        let Some(l) = locale.map(str::trim).filter(|l| !l.is_empty()) else {
            return Lang::Zh;
        };
        let l = l.to_ascii_lowercase();
        let language = l.split(['.', '@', '_', '-']).next().unwrap_or("");
        match language {
            "zh" | "c" | "posix" => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The language to speak: `--lang`, else the config's `lang`, else the locale.
    pub fn resolve(flag: Option<&str>, config: Option<&str>) -> Lang {
        flag.and_then(Lang::parse)
            .or_else(|| config.and_then(Lang::parse))
            .unwrap_or_else(Lang::from_env)
    }

    /// `--lang zh|en`, `lang = "zh"` in the config.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().as_str() {
            "zh" | "cn" | "zh_cn" | "zh-cn" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks one of two texts.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// `a, b and c` as a list in a sentence: `、` in Chinese, `, ` in English.
pub(crate) fn list(lang: Lang, items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_unless_the_locale_names_another_language() {
        for zh in [
            Some("zh_CN.UTF-8"),
            Some("zh_TW"),
            Some("C"),
            Some("C.UTF-8"),
            Some("POSIX"),
            Some(""),
            None,
        ] {
            assert_eq!(Lang::from_locale(zh), Lang::Zh, "{zh:?}");
        }
        for en in [
            Some("en_US.UTF-8"),
            Some("en"),
            Some("de_DE.UTF-8"),
            Some("fr_FR"),
        ] {
            assert_eq!(Lang::from_locale(en), Lang::En, "{en:?}");
        }
    }

    #[test]
    fn flag_then_config_then_locale() {
        assert_eq!(Lang::resolve(Some("en"), Some("zh")), Lang::En);
        assert_eq!(Lang::resolve(None, Some("en")), Lang::En);
        assert_eq!(Lang::resolve(Some("zh"), Some("en")), Lang::Zh);
    }
}

#[cfg(test)]
mod explanation_samples;
#[cfg(test)]
mod explanation_tests;
#[cfg(test)]
mod message_tests;
#[cfg(test)]
mod refusal_tests;
#[cfg(test)]
mod survey_import_tests;
#[cfg(test)]
mod syntax_tests;
#[cfg(test)]
mod usage_tests;
