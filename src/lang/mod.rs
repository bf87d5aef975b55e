//! The one language layer: every text the library's values become, in Chinese or English.
//!
//! Results inside the program are values (a `ScoreError`, a diagnostic's `Kind`, an edit's
//! refusal); this module turns them into words, once, at the edge. Each renderer is a `match`
//! with one arm per kind and both languages side by side, so a message cannot exist in one
//! language only and every figure it names is filled in by the compiler-checked arm.

pub mod diagnostic;
mod score_error;

pub use score_error::score_error;

/// The language of what the user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From the locale: LC_ALL, then LC_MESSAGES, then LANG; "zh…" means Chinese.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        Lang::from_locale(locale.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
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
