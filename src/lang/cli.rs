//! The command line's own sentences (around the diagnostics it prints).

use super::Lang;

/// `p.toml: 1 error(s), 2 warning(s)`: the last line of `check` for one file.
pub fn check_summary(lang: Lang, file: &str, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::En => format!("{file}: {errors} error(s), {warnings} warning(s)"),
        Lang::Zh => format!("{file}：{errors} 个错误，{warnings} 个警告"),
    }
}

/// A file that cannot be read at all.
pub fn cannot_read(lang: Lang, file: &str, why: &std::io::Error) -> String {
    let why = io_reason(lang, why);
    match lang {
        Lang::En => format!("{file}: error: cannot read: {why}"),
        Lang::Zh => format!("{file}: 错误：无法读取：{why}"),
    }
}

/// Why reading or writing failed: the common cases in words, others as the system says them.
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match (e.kind(), lang) {
        (NotFound, Lang::Zh) => "文件不存在".into(),
        (PermissionDenied, Lang::Zh) => "没有权限".into(),
        (IsADirectory, Lang::Zh) => "这是一个目录".into(),
        _ => e.to_string(),
    }
}

/// After the errors that stop a command: where to see everything.
pub fn errors_stop(lang: Lang, file: &str, errors: usize) -> String {
    match lang {
        Lang::En => {
            format!("{file}: {errors} error(s); run `jixiao check {file}` for details")
        }
        Lang::Zh => format!("{file}：{errors} 个错误；运行 `jixiao check {file}` 查看详情"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_every_figure() {
        for lang in [Lang::Zh, Lang::En] {
            let s = check_summary(lang, "p.toml", 3, 4);
            assert!(
                s.contains('3') && s.contains('4') && s.contains("p.toml"),
                "{s}"
            );
            let s = errors_stop(lang, "p.toml", 5);
            assert!(s.contains('5') && s.contains("jixiao check p.toml"), "{s}");
            let e = std::io::Error::other("boom");
            assert!(cannot_read(lang, "p.toml", &e).contains("boom"));
        }
        assert!(check_summary(Lang::Zh, "p", 1, 2).contains("个警告"));
    }
}
